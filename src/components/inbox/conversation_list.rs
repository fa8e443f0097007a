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
use switchboard_core::domain::ConversationKey;

/// Rows kept in the page above and below those on screen.
const OVERSCAN: usize = 8;
/// A row's height until one has been measured (the style sheet's, at 16 px).
const DEFAULT_ROW_HEIGHT: f64 = 72.0;
/// The viewport's height until measured.
const DEFAULT_VIEWPORT: f64 = 900.0;
/// How close to the last row loaded scrolling asks for more.
const NEAR_END_ROWS: usize = 20;

/// The performance mark set when the list first shows rows.
pub const FIRST_ROWS_MARK: &str = "switchboard:first-rows";

/// Where the list is scrolled and how much of it shows.
#[derive(Clone, Copy)]
struct Window {
    scroll_top: RwSignal<f64>,
    viewport: RwSignal<f64>,
    row_height: RwSignal<f64>,
}

impl Window {
    /// The rows to put in the page, `[first, end)` of `len`.
    fn range(&self, len: usize) -> (usize, usize) {
        let row = self.row_height.get().max(1.0);
        let first = ((self.scroll_top.get() / row).floor().max(0.0) as usize)
            .saturating_sub(OVERSCAN)
            .min(len);
        let count = (self.viewport.get().max(0.0) / row).ceil() as usize + 2 * OVERSCAN;
        (first, (first + count).min(len))
    }

    /// Reads the scroller's position and size, and a row's height once there is one.
    fn measure(&self, scroller: &web_sys::HtmlElement) {
        self.scroll_top.set(f64::from(scroller.scroll_top()));
        self.viewport.set(f64::from(scroller.client_height()));
        let row = scroller
            .query_selector("li.conversation-row")
            .ok()
            .flatten()
            .and_then(|li| li.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|li| f64::from(li.offset_height()))
            .filter(|h| *h > 0.0);
        if let Some(row) = row {
            if (row - self.row_height.get_untracked()).abs() >= 0.5 {
                self.row_height.set(row);
            }
        }
    }

    /// The row at the top of the screen, once scrolled.
    fn top_index(&self) -> Option<usize> {
        let top = self.scroll_top.get_untracked();
        (top > 0.0).then(|| (top / self.row_height.get_untracked().max(1.0)).floor() as usize)
    }

    /// Scrolls down by `rows` rows (rows came in above).
    fn shift(&self, scroller: &web_sys::HtmlElement, rows: usize) {
        let to = self.scroll_top.get_untracked() + rows as f64 * self.row_height.get_untracked();
        scroller.set_scroll_top(to as i32);
        self.scroll_top.set(to);
        // The list's new height may land a moment later: then the browser held the
        // scroll back, and it is set again once the rows are laid out.
        if f64::from(scroller.scroll_top()) + 1.0 < to {
            let scroller = scroller.clone();
            request_animation_frame(move || scroller.set_scroll_top(to as i32));
        }
    }

    /// Scrolls just enough for row `index` to be wholly on screen.
    fn reveal(&self, scroller: &web_sys::HtmlElement, index: usize) {
        let row = self.row_height.get_untracked();
        let top = index as f64 * row;
        let seen = self.scroll_top.get_untracked();
        let height = self.viewport.get_untracked();
        let to = if top < seen {
            top
        } else if top + row > seen + height {
            top + row - height
        } else {
            return;
        };
        scroller.set_scroll_top(to as i32);
        self.scroll_top.set(to);
    }
}

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
    let window = Window {
        scroll_top: RwSignal::new(0.0),
        viewport: RwSignal::new(DEFAULT_VIEWPORT),
        row_height: RwSignal::new(DEFAULT_ROW_HEIGHT),
    };
    let len = Memo::new(move |_| shown.with(Vec::len));
    let cursor = RwSignal::new(None::<ConversationKey>);
    let location = use_location();
    let open_key = Memo::new(move |_| location.pathname.with(|p| ConversationKey::from_path(p)));
    let tab_key = Memo::new(move |_| current_key(rows, shown, cursor.get(), open_key.get()));
    let key_at = move |index: usize| {
        rows.0.with_untracked(|inbox| {
            shown.with_untracked(|s| {
                s.get(index)
                    .and_then(|&i| inbox.conversations.get(i))
                    .map(|c| c.key.clone())
            })
        })
    };
    let index_of = move |key: &ConversationKey| {
        rows.0.with_untracked(|inbox| {
            shown.with_untracked(|s| {
                s.iter()
                    .position(|&i| inbox.conversations.get(i).is_some_and(|c| &c.key == key))
            })
        })
    };
    // The row at the top of the screen: when rows come in above it (live), the list
    // scrolls by as much, so nothing moves under the agent's eyes or pointer. At the very
    // top, new rows simply show; a list that shrank (a filter) is not followed.
    let anchor = StoredValue::new(None::<(ConversationKey, usize)>);
    Effect::new(move |previous: Option<usize>| {
        let now_len = len.get();
        let grew = previous.is_some_and(|before| now_len > before);
        if let (true, Some((key, was))) = (grew, anchor.get_value()) {
            if let (Some(now), Some(el)) = (index_of(&key), scroller.get_untracked()) {
                if now > was && window.scroll_top.get_untracked() > 0.0 {
                    window.shift(&el, now - was);
                    anchor.set_value(Some((key, now)));
                }
            }
        }
        now_len
    });
    let go_to = move |index: usize| {
        let Some(key) = key_at(index) else { return };
        cursor.set(Some(key.clone()));
        if let Some(el) = scroller.get_untracked() {
            window.reveal(&el, index);
        }
        request_animation_frame(move || {
            if let Some(row) = scroller
                .try_get_untracked()
                .flatten()
                .and_then(|s| row_link(&s, &key))
            {
                let _ = row.focus();
            }
        });
    };
    let step = move |by: isize| {
        let at = tab_key
            .get_untracked()
            .and_then(|k| index_of(&k))
            .unwrap_or(0);
        let last = len.get_untracked().saturating_sub(1);
        go_to(at.saturating_add_signed(by).min(last));
    };
    let after = move |place: Place| {
        let last = len.get_untracked().saturating_sub(1);
        go_to(next_index(index_of(&place.key), place.index).min(last));
    };
    if let Some(commands) = use_context::<ListCommands>() {
        commands.register(
            Callback::new(step),
            Callback::new(move |()| {
                let key = tab_key.get_untracked();
                let link =
                    key.and_then(|k| scroller.get_untracked().and_then(|s| row_link(&s, &k)));
                if let Some(link) = link {
                    link.click();
                }
            }),
            // The open conversation's row (what `e` closes), else the current one.
            Callback::new(move |()| {
                let key = open_key
                    .get_untracked()
                    .or_else(|| tab_key.get_untracked())?;
                let index = index_of(&key)?;
                Some(Place { key, index })
            }),
            Callback::new(after),
        );
        on_cleanup(move || commands.unregister());
    }

    // Measured once mounted, again as rows come and go (an unconstrained list grows with
    // them) and when the window changes size.
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
    let range = Memo::new(move |_| window.range(len.get()));
    // Backends whose last answer failed, with why: their rows are shown, marked stale.
    let i18n = crate::i18n::use_i18n();
    let stale = Memo::new(move |_| {
        rows.0.with(|inbox| {
            inbox
                .failures
                .iter()
                .map(|(name, error)| (name.clone(), error.summary(i18n.lang())))
                .collect::<Vec<_>>()
        })
    });
    // Near the end of what is loaded: ask for more (the asker ignores a repeat while busy).
    Effect::new(move |_| {
        let (_, end) = range.get();
        let n = len.get();
        if n > 0 && end + NEAR_END_ROWS >= n {
            if let Some(near_end) = on_near_end {
                near_end.run(());
            }
        }
    });
    let visible = Memo::new(move |_| {
        let (first, end) = range.get();
        rows.0.with(|inbox| {
            shown.with(|s| {
                s[first.min(s.len())..end.min(s.len())]
                    .iter()
                    .filter_map(|&i| inbox.conversations.get(i).cloned())
                    .collect::<Vec<_>>()
            })
        })
    });
    // The moment the first rows are in the page, for the benchmark (and any profiler).
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
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let page = (window.viewport.get_untracked() / window.row_height.get_untracked().max(1.0))
            .floor()
            .max(1.0) as isize;
        let by = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "PageDown" => page,
            "PageUp" => -page,
            "Home" => isize::MIN / 2,
            "End" => isize::MAX / 2,
            _ => return,
        };
        ev.prevent_default();
        step(by);
    };
    // Whole pixels: no float is ever formatted (float printing weighs on the bundle).
    let padding = move || px(range.get().0 as f64 * window.row_height.get());
    let height = move || px(len.get() as f64 * window.row_height.get());
    view! {
        <div
            class="list-scroller"
            data-testid="list-scroller"
            node_ref=scroller
            on:scroll=move |_| {
                if let Some(el) = scroller.get_untracked() {
                    window.measure(&el);
                    anchor.set_value(window.top_index().and_then(|i| key_at(i).map(|k| (k, i))));
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
            let mut keys = s
                .iter()
                .filter_map(|&i| inbox.conversations.get(i))
                .map(|c| &c.key);
            let first = keys.next()?;
            let wanted = |k: &ConversationKey| Some(k) == cursor.as_ref();
            let opened = |k: &ConversationKey| Some(k) == open.as_ref();
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
        })
    })
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
    use super::next_index;

    #[test]
    fn after_a_row_comes_the_next_or_the_one_that_took_its_place() {
        assert_eq!(next_index(Some(3), 3), 4, "still shown: the next one");
        assert_eq!(
            next_index(None, 3),
            3,
            "gone from the view: the one now in its place"
        );
    }
}
