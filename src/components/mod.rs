//! Widgets, each on its own: the views, the list, the thread, the reply box, the assignee
//! and status controls, following items on the backends that cannot list, the filter bar
//! and the command palette, the sign-in form, and the shared loading, empty and error
//! states.

pub mod assignee_select;
pub mod attachment_picker;
pub mod backend_assignment;
pub mod change;
pub mod conversation_header;
pub mod conversation_list;
pub mod conversation_row;
pub mod date_filter;
pub mod feedback;
pub mod filter_bar;
pub mod find_by_number;
pub mod follow_item;
pub mod inbox_filters;
pub mod inbox_order;
pub mod inbox_pane;
pub mod inbox_tools;
pub mod inbox_views;
pub mod language_select;
pub mod live;
pub mod message_files;
pub mod no_replies;
pub mod outbox;
pub mod palette;
pub mod reply_box;
pub mod reply_context;
pub mod session_ended;
pub mod session_facts;
pub mod shortcuts;
pub mod sign_in_form;
pub mod signed_in;
pub mod status_badge;
pub mod status_controls;
pub mod text_filter;
pub mod theme_select;
pub mod thread;
pub mod upload_progress;
pub mod view_counts;
