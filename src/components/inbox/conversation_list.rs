//! The middle pane's list: one compact row per conversation, in the order chosen (newest
//! activity first unless the URL says otherwise).
//!
//! It is windowed, because a busy team's inbox holds thousands of conversations: only
//! the rows on screen (and a few either side) are in the page, each keyed by what it
//! shows, inside a box as tall as all of them; a change rebuilds only the rows it
//! touches. Rows all have the height the style sheet gives them, measured once shown.
//!
//! It is one tab stop: the current row (the one moved to, else the open one, else the
//! first) takes Tab; arrow keys, Page Up/Down, Home and End move between rows, scrolling
//! as they go; Enter opens one. Scrolling near the end asks for the next pages.
//!
//! The window's arithmetic is in [`window`]; moving between rows, and the keyboard's
//! list commands, in [`navigation`]; the focused row kept focused and in place, in
//! [`kept_focus`].

use crate::components::inbox::conversation_row::ConversationRow;
use crate::components::inbox::selection::Selection;
use crate::i18n::tr;
use crate::state::InboxRows;
use kept_focus::KeptFocus;
use leptos::prelude::*;
use navigation::{keep_rows_still, key_step, register_commands, use_navigation, Listed};
use switchboard_core::directory::Agent;
use switchboard_core::domain::{Conversation, ConversationKey, ConversationStatus};
use window::Window;

mod kept_focus;
mod navigation;
mod window;

/// How close to the last row loaded scrolling asks for more.
const NEAR_END_ROWS: usize = 20;

/// The performance mark set when the list first shows rows.
pub const FIRST_ROWS_MARK: &str = "switchboard:first-rows";

/// The rows of `rows` listed at `shown` (indices into the inbox, in order). `on_near_end`
/// is asked when scrolling comes near the last row loaded.
#[component]
pub fn ConversationList(
    rows: InboxRows,
    #[prop(into)] shown: Signal<Vec<usize>>,
    #[prop(into)] agents: Signal<Vec<Agent>>,
    #[prop(optional)] on_near_end: Option<Callback<()>>,
) -> impl IntoView {
    let scroller = NodeRef::<leptos::html::Div>::new();
    let window = Window::new();
    let len = Memo::new(move |_| shown.with(Vec::len));
    let listed = Listed { rows, shown };
    if let Some(selection) = use_context::<Selection>() {
        selection.list_shows(rows, shown);
    }
    let nav = use_navigation(listed, scroller, window, len);
    let focus = KeptFocus::new();
    focus.forget_on_pointer();
    let anchor = keep_rows_still(listed, scroller, window, len, focus);
    register_commands(nav);
    measure_as_rows_change(scroller, window, len);
    let range = Memo::new(move |_| window.range(len.get()));
    let stale = stale_backends(rows);
    ask_near_end(range, len, on_near_end);
    let visible = visible_rows(listed, range);
    focus.restore_on_change(scroller, visible);
    mark_first_rows(visible);
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(by) = key_step(&ev.key(), window.page_rows()) else {
            return;
        };
        ev.prevent_default();
        nav.step(by);
    };
    // Whole pixels: no float is ever formatted (float printing weighs on the bundle).
    let padding = move || px(range.get().0 as f64 * window.row_height.get());
    let height = move || px(len.get() as f64 * window.row_height.get());
    let tab_key = nav.tab_key;
    view! {
        <div
            class="list-scroller"
            data-testid="list-scroller"
            node_ref=scroller
            on:scroll=move |_| {
                if let Some(el) = scroller.get_untracked() {
                    window.measure(&el);
                    anchor.set_value(window.top_index().and_then(|i| listed.key_at(i).map(|k| (k, i))));
                }
            }
        >
            <ul
                class="conversation-list"
                id="conversation-list"
                data-testid="conversation-list"
                aria-label=tr(msg!("list-label"))
                style:box-sizing="border-box"
                style:padding-top=padding
                style:height=height
                on:keydown=on_keydown
                on:focusin=move |ev| focus.focus_in(&ev, listed)
                on:focusout=move |ev| focus.focus_out(&ev)
            >
                <For
                    each=move || visible.get()
                    key=shown_in_row
                    let:conversation
                >
                    <ConversationRow conversation agents tab_key stale />
                </For>
            </ul>
        </div>
    }
}

/// What a row shows, as its key: a row is rebuilt when anything it shows changes. The
/// backend's own words (badges, a subject, a channel) are read again in another language:
/// left out, a row kept the words of the language it was first drawn in.
#[derive(PartialEq, Eq, Hash)]
struct RowShows {
    key: ConversationKey,
    status: ConversationStatus,
    assignee: Option<String>,
    last_activity: Option<chrono::DateTime<chrono::Utc>>,
    last_message: Option<String>,
    unread: Option<bool>,
    words: [Option<String>; 4],
    badges: Vec<String>,
}

fn shown_in_row(c: &Conversation) -> RowShows {
    RowShows {
        key: c.key.clone(),
        status: c.status.clone(),
        assignee: c.assignee.clone(),
        last_activity: c.last_activity,
        last_message: c.last_message.as_ref().map(|m| m.id.clone()),
        unread: c.unread,
        words: [
            c.customer_name.clone(),
            c.subject.clone(),
            c.reference.clone(),
            c.channel.clone(),
        ],
        badges: c.badges.clone(),
    }
}

/// Measured once mounted, again as rows come and go (an unconstrained list grows with
/// them) and when the window changes size.
fn measure_as_rows_change(scroller: NodeRef<leptos::html::Div>, window: Window, len: Memo<usize>) {
    Effect::new(move |_| {
        len.track();
        request_animation_frame(move || {
            if let Some(el) = scroller.get_untracked() {
                window.measure(&el);
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = scroller.get_untracked() {
            window.measure(&el);
        }
    });
    on_cleanup(move || resize.remove());
}

/// Backends whose last answer failed, with why: their rows are shown, marked stale.
fn stale_backends(rows: InboxRows) -> Memo<Vec<(String, String)>> {
    let i18n = crate::i18n::use_i18n();
    Memo::new(move |_| {
        rows.0.with(|inbox| {
            inbox
                .failures
                .iter()
                .map(|(name, error)| (name.clone(), error.summary(i18n.lang())))
                .collect::<Vec<_>>()
        })
    })
}

/// Near the end of what is loaded: ask for more (the asker ignores a repeat while busy).
fn ask_near_end(range: Memo<(usize, usize)>, len: Memo<usize>, on_near_end: Option<Callback<()>>) {
    Effect::new(move |_| {
        let (_, end) = range.get();
        let n = len.get();
        if near_end(end, n) {
            if let Some(near_end) = on_near_end {
                near_end.run(());
            }
        }
    });
}

/// The conversations of the rows in the page.
fn visible_rows(listed: Listed, range: Memo<(usize, usize)>) -> Memo<Vec<Conversation>> {
    Memo::new(move |_| {
        let (first, end) = range.get();
        listed.rows.0.with(|inbox| {
            listed.shown.with(|s| {
                s[first.min(s.len())..end.min(s.len())]
                    .iter()
                    .filter_map(|&i| inbox.conversations.get(i).map(|c| Conversation::clone(c)))
                    .collect::<Vec<_>>()
            })
        })
    })
}

/// The moment the first rows are in the page, for the benchmark (and any profiler).
fn mark_first_rows(visible: Memo<Vec<Conversation>>) {
    Effect::new(move |marked: Option<bool>| {
        if marked == Some(true) || visible.with(Vec::is_empty) {
            return marked.unwrap_or(false);
        }
        request_animation_frame(move || {
            if let Some(performance) = leptos::prelude::window().performance() {
                let _ = performance.mark(FIRST_ROWS_MARK);
            }
        });
        true
    });
}

/// Whether the rows in the page end within `NEAR_END_ROWS` of the `len` loaded.
fn near_end(end: usize, len: usize) -> bool {
    len > 0 && end + NEAR_END_ROWS >= len
}

fn px(length: f64) -> String {
    format!("{}px", length.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_rows_are_asked_for_near_the_end_of_those_loaded() {
        assert!(near_end(80, 100));
        assert!(!near_end(79, 100));
        assert!(!near_end(0, 0), "an empty list asks nothing");
    }

    #[test]
    fn lengths_are_whole_pixels() {
        assert_eq!(px(71.6), "72px");
    }
}
