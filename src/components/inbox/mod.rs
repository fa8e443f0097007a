//! The inbox: the left pane's views and counts, and the middle pane's list with what
//! narrows and orders it (filters kept in the URL, the filter bar, the date and text
//! filters), the one-off tools that find or follow an item, and the polling that keeps
//! it live.

pub mod bulk;
pub mod conversation_list;
pub mod conversation_row;
pub mod date_filter;
pub mod deadlines;
pub mod filter_bar;
pub mod find_by_number;
pub mod follow_item;
pub mod inbox_filters;
pub mod inbox_order;
pub mod inbox_pane;
pub mod inbox_tools;
pub mod inbox_views;
pub mod kept_marks;
pub mod labels;
pub mod list_commands;
pub mod live;
pub mod mark_filter;
pub mod mentions;
pub mod saved_views;
pub mod selection;
pub mod snooze;
pub mod stream;
pub mod text_filter;
pub mod view_counts;
