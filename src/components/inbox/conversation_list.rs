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

use crate::components::inbox::conversation_row::ConversationRow;
use crate::components::inbox::list_commands::{ListCommands, Place};
use crate::i18n::tr;
use crate::state::InboxRows;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_location;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{Conversation, ConversationKey};
use window::Window;

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
    let nav = use_navigation(listed, scroller, window, len);
    let anchor = keep_rows_still(listed, scroller, window, len);
    register_commands(nav);
    measure_as_rows_change(scroller, window, len);
    let range = Memo::new(move |_| window.range(len.get()));
    let stale = stale_backends(rows);
    ask_near_end(range, len, on_near_end);
    let visible = visible_rows(listed, range);
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
            >
                <For
                    each=move || visible.get()
                    // A row is rebuilt when anything it shows changes.
                    key=|c| {
                        (
                            c.key.clone(),
                            c.status.clone(),
                            c.assignee.clone(),
                            c.last_activity,
                            c.last_message.as_ref().map(|m| m.id.clone()),
                            c.unread,
                        )
                    }
                    let:conversation
                >
                    <ConversationRow conversation agents tab_key stale />
                </For>
            </ul>
        </div>
    }
}

/// The inbox's rows as this list shows them: `shown` indexes the inbox, in order.
#[derive(Clone, Copy)]
struct Listed {
    rows: InboxRows,
    shown: Signal<Vec<usize>>,
}

impl Listed {
    /// The key of the row at `index`, untracked.
    fn key_at(self, index: usize) -> Option<ConversationKey> {
        self.rows.0.with_untracked(|inbox| {
            self.shown.with_untracked(|s| {
                s.get(index)
                    .and_then(|&i| inbox.conversations.get(i))
                    .map(|c| c.key.clone())
            })
        })
    }

    /// Where the row of `key` is listed, untracked.
    fn index_of(self, key: &ConversationKey) -> Option<usize> {
        self.rows.0.with_untracked(|inbox| {
            self.shown.with_untracked(|s| {
                s.iter()
                    .position(|&i| inbox.conversations.get(i).is_some_and(|c| &c.key == key))
            })
        })
    }
}

/// Moving between rows: the row moved to, the open one, the one that takes Tab.
#[derive(Clone, Copy)]
struct Navigation {
    listed: Listed,
    scroller: NodeRef<leptos::html::Div>,
    window: Window,
    len: Memo<usize>,
    cursor: RwSignal<Option<ConversationKey>>,
    open_key: Memo<Option<ConversationKey>>,
    tab_key: Memo<Option<ConversationKey>>,
}

fn use_navigation(
    listed: Listed,
    scroller: NodeRef<leptos::html::Div>,
    window: Window,
    len: Memo<usize>,
) -> Navigation {
    let cursor = RwSignal::new(None::<ConversationKey>);
    let location = use_location();
    let open_key = Memo::new(move |_| location.pathname.with(|p| ConversationKey::from_path(p)));
    let tab_key =
        Memo::new(move |_| current_key(listed.rows, listed.shown, cursor.get(), open_key.get()));
    Navigation {
        listed,
        scroller,
        window,
        len,
        cursor,
        open_key,
        tab_key,
    }
}

impl Navigation {
    /// Makes row `index` current, scrolls it into view and focuses its link.
    fn go_to(self, index: usize) {
        let Some(key) = self.listed.key_at(index) else {
            return;
        };
        self.cursor.set(Some(key.clone()));
        if let Some(el) = self.scroller.get_untracked() {
            self.window.reveal(&el, index);
        }
        let scroller = self.scroller;
        request_animation_frame(move || {
            if let Some(row) = scroller
                .try_get_untracked()
                .flatten()
                .and_then(|s| row_link(&s, &key))
            {
                let _ = row.focus();
            }
        });
    }

    /// Moves the current row by `by` (down when positive), within the list.
    fn step(self, by: isize) {
        let at = self
            .tab_key
            .get_untracked()
            .and_then(|k| self.listed.index_of(&k))
            .unwrap_or(0);
        let last = self.len.get_untracked().saturating_sub(1);
        self.go_to(at.saturating_add_signed(by).min(last));
    }

    /// Moves to the row after `place` ([`next_index`]).
    fn after(self, place: Place) {
        let last = self.len.get_untracked().saturating_sub(1);
        self.go_to(next_index(self.listed.index_of(&place.key), place.index).min(last));
    }
}

/// The row at the top of the screen: when rows come in above it (live), the list
/// scrolls by as much, so nothing moves under the agent's eyes or pointer. At the very
/// top, new rows simply show; a list that shrank (a filter) is not followed. The anchor
/// is set as the list scrolls.
fn keep_rows_still(
    listed: Listed,
    scroller: NodeRef<leptos::html::Div>,
    window: Window,
    len: Memo<usize>,
) -> StoredValue<Option<(ConversationKey, usize)>> {
    let anchor = StoredValue::new(None::<(ConversationKey, usize)>);
    Effect::new(move |previous: Option<usize>| {
        let now_len = len.get();
        let grew = previous.is_some_and(|before| now_len > before);
        if let (true, Some((key, was))) = (grew, anchor.get_value()) {
            if let (Some(now), Some(el)) = (listed.index_of(&key), scroller.get_untracked()) {
                if now > was && window.scroll_top.get_untracked() > 0.0 {
                    window.shift(&el, now - was);
                    anchor.set_value(Some((key, now)));
                }
            }
        }
        now_len
    });
    anchor
}

/// The keyboard's list commands (`j`/`k`, Enter, `e`) answered by this list while it is
/// mounted.
fn register_commands(nav: Navigation) {
    let Some(commands) = use_context::<ListCommands>() else {
        return;
    };
    let Navigation {
        scroller,
        open_key,
        tab_key,
        listed,
        ..
    } = nav;
    commands.register(
        Callback::new(move |by| nav.step(by)),
        Callback::new(move |()| {
            let key = tab_key.get_untracked();
            let link = key.and_then(|k| scroller.get_untracked().and_then(|s| row_link(&s, &k)));
            if let Some(link) = link {
                link.click();
            }
        }),
        // The open conversation's row (what `e` closes), else the current one.
        Callback::new(move |()| {
            let key = open_key
                .get_untracked()
                .or_else(|| tab_key.get_untracked())?;
            let index = listed.index_of(&key)?;
            Some(Place { key, index })
        }),
        Callback::new(move |place| nav.after(place)),
    );
    on_cleanup(move || commands.unregister());
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
                    .filter_map(|&i| inbox.conversations.get(i).cloned())
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
        request_animation_frame(|| {
            if let Some(performance) = leptos::prelude::window().performance() {
                let _ = performance.mark(FIRST_ROWS_MARK);
            }
        });
        true
    });
}

/// How far a key moves the current row, `page` rows a page; `None` for other keys.
fn key_step(key: &str, page: isize) -> Option<isize> {
    Some(match key {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "PageDown" => page,
        "PageUp" => -page,
        "Home" => isize::MIN / 2,
        "End" => isize::MAX / 2,
        _ => return None,
    })
}

/// Whether the rows in the page end within `NEAR_END_ROWS` of the `len` loaded.
fn near_end(end: usize, len: usize) -> bool {
    len > 0 && end + NEAR_END_ROWS >= len
}

/// Where the row after a row goes: the next one if the row is still at `now`, else the
/// one now at the row's old place, `was`.
fn next_index(now: Option<usize>, was: usize) -> usize {
    match now {
        Some(now) => now + 1,
        None => was,
    }
}

fn px(length: f64) -> String {
    format!("{}px", length.round() as i64)
}

/// The row that takes Tab: the one moved to, else the open one, else the first shown.
fn current_key(
    rows: InboxRows,
    shown: Signal<Vec<usize>>,
    cursor: Option<ConversationKey>,
    open: Option<ConversationKey>,
) -> Option<ConversationKey> {
    rows.0.with(|inbox| {
        shown.with(|s| {
            let keys = s
                .iter()
                .filter_map(|&i| inbox.conversations.get(i))
                .map(|c| &c.key);
            pick_tab_key(keys, cursor.as_ref(), open.as_ref())
        })
    })
}

/// Of `keys` in order: `cursor` if listed, else `open` if listed, else the first.
fn pick_tab_key<'a>(
    mut keys: impl Iterator<Item = &'a ConversationKey>,
    cursor: Option<&ConversationKey>,
    open: Option<&ConversationKey>,
) -> Option<ConversationKey> {
    let first = keys.next()?;
    let wanted = |k: &ConversationKey| Some(k) == cursor;
    let opened = |k: &ConversationKey| Some(k) == open;
    if wanted(first) {
        return Some(first.clone());
    }
    let mut found_open = opened(first).then(|| first.clone());
    for key in keys {
        if wanted(key) {
            return Some(key.clone());
        }
        if found_open.is_none() && opened(key) {
            found_open = Some(key.clone());
        }
    }
    found_open.or_else(|| Some(first.clone()))
}

/// The row link of `key`, if it is in the page.
fn row_link(
    scroller: &web_sys::HtmlElement,
    key: &ConversationKey,
) -> Option<web_sys::HtmlElement> {
    let wanted = key.to_string();
    let links = scroller
        .query_selector_all("a[data-testid='conversation-row']")
        .ok()?;
    (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|link| link.get_attribute("data-key").as_deref() == Some(wanted.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_a_row_comes_the_next_or_the_one_that_took_its_place() {
        assert_eq!(next_index(Some(3), 3), 4, "still shown: the next one");
        assert_eq!(
            next_index(None, 3),
            3,
            "gone from the view: the one now in its place"
        );
    }

    fn keys(ids: &[&str]) -> Vec<ConversationKey> {
        ids.iter()
            .map(|id| ConversationKey::new("communication", *id))
            .collect()
    }

    #[test]
    fn the_row_moved_to_takes_tab_before_the_open_one() {
        let listed = keys(&["1", "2", "3"]);
        let tab = pick_tab_key(listed.iter(), Some(&listed[2]), Some(&listed[1]));
        assert_eq!(tab, Some(listed[2].clone()));
    }

    #[test]
    fn without_a_row_moved_to_the_open_one_takes_tab_else_the_first() {
        let listed = keys(&["1", "2", "3"]);
        let elsewhere = ConversationKey::new("octopia", "9");
        assert_eq!(
            pick_tab_key(listed.iter(), Some(&elsewhere), Some(&listed[1])),
            Some(listed[1].clone())
        );
        assert_eq!(
            pick_tab_key(listed.iter(), None, Some(&elsewhere)),
            Some(listed[0].clone())
        );
        assert_eq!(pick_tab_key([].iter(), None, None), None, "nothing listed");
    }

    #[test]
    fn arrows_move_one_row_pages_a_screen_and_home_and_end_the_whole_list() {
        assert_eq!(key_step("ArrowDown", 10), Some(1));
        assert_eq!(key_step("ArrowUp", 10), Some(-1));
        assert_eq!(key_step("PageDown", 10), Some(10));
        assert_eq!(key_step("PageUp", 10), Some(-10));
        assert!(key_step("Home", 10).is_some_and(|by| by < -1_000_000));
        assert!(key_step("End", 10).is_some_and(|by| by > 1_000_000));
        assert_eq!(
            key_step("j", 10),
            None,
            "a letter is the shortcuts' business"
        );
    }

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
