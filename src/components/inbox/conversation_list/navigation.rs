//! Moving between the list's rows: the row moved to, the open one, the one that takes
//! Tab; the keys that move it and the keyboard's list commands the list answers; and
//! keeping the rows on screen still when rows come in above them.

use super::kept_focus::KeptFocus;
use super::window::Window;
use crate::components::inbox::list_commands::{ListCommands, Place};
use crate::state::InboxRows;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_location;
use switchboard_core::domain::ConversationKey;

/// The inbox's rows as this list shows them: `shown` indexes the inbox, in order.
#[derive(Clone, Copy)]
pub(super) struct Listed {
    pub rows: InboxRows,
    pub shown: Signal<Vec<usize>>,
}

impl Listed {
    /// The key of the row at `index`, untracked.
    pub fn key_at(self, index: usize) -> Option<ConversationKey> {
        self.rows.0.with_untracked(|inbox| {
            self.shown.with_untracked(|s| {
                s.get(index)
                    .and_then(|&i| inbox.conversations.get(i))
                    .map(|c| c.key.clone())
            })
        })
    }

    /// Where the row of `key` is listed, untracked.
    pub fn index_of(self, key: &ConversationKey) -> Option<usize> {
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
pub(super) struct Navigation {
    listed: Listed,
    scroller: NodeRef<leptos::html::Div>,
    window: Window,
    len: Memo<usize>,
    cursor: RwSignal<Option<ConversationKey>>,
    open_key: Memo<Option<ConversationKey>>,
    pub tab_key: Memo<Option<ConversationKey>>,
}

pub(super) fn use_navigation(
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
    pub fn step(self, by: isize) {
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

/// The row the agent focused, else the row at the top of the screen: when rows come in
/// above it (live, or a backend answering after the others), the list scrolls by as much,
/// so nothing moves under the agent's eyes or pointer and the focused row stays in the
/// page. At the very top and with no row focused, new rows simply show; a list that
/// shrank (a filter) is not followed. The top's anchor is set as the list scrolls.
pub(super) fn keep_rows_still(
    listed: Listed,
    scroller: NodeRef<leptos::html::Div>,
    window: Window,
    len: Memo<usize>,
    focus: KeptFocus,
) -> StoredValue<Option<(ConversationKey, usize)>> {
    let anchor = StoredValue::new(None::<(ConversationKey, usize)>);
    Effect::new(move |previous: Option<usize>| {
        let now_len = len.get();
        // Reordered rows move the focused row too: where it is listed is followed always.
        listed.shown.track();
        let grew = previous.is_some_and(|before| now_len > before);
        let Some(el) = scroller.get_untracked() else {
            return now_len;
        };
        if let Some((was, now)) = focus.moved(listed) {
            if grew && now > was {
                window.shift(&el, now - was);
            }
            return now_len;
        }
        if let (true, Some((key, was))) = (grew, anchor.get_value()) {
            if let Some(now) = listed.index_of(&key) {
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
pub(super) fn register_commands(nav: Navigation) {
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

/// How far a key moves the current row, `page` rows a page; `None` for other keys.
pub(super) fn key_step(key: &str, page: isize) -> Option<isize> {
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

/// Where the row after a row goes: the next one if the row is still at `now`, else the
/// one now at the row's old place, `was`.
fn next_index(now: Option<usize>, was: usize) -> usize {
    match now {
        Some(now) => now + 1,
        None => was,
    }
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
pub(super) fn row_link(
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
}
