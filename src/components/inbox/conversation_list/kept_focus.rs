//! The row the agent has focused stays focused, and stays where it is on screen.
//!
//! Two things took it away. A row is rebuilt when anything it shows changes (a live
//! update, the conversation read): its old link leaves the page with the focus, which
//! falls to the page, and the arrow keys then scroll the page instead of moving between
//! rows. And at the top of the list new rows simply show: a backend answering later with
//! newer conversations pushed the focused row down and out of the window, and out of the
//! page. So the list remembers the row whose link has focus until the agent moves focus
//! elsewhere (another control, a click), scrolls to keep that row in place when rows come
//! in above it, and gives its new link the focus back when the old one was taken out of
//! the page.

use super::navigation::{row_link, Listed};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard_core::domain::{Conversation, ConversationKey};

/// The focused row's key and where it was last listed.
#[derive(Clone, Copy)]
pub(super) struct KeptFocus(StoredValue<Option<(ConversationKey, usize)>>);

impl KeptFocus {
    pub fn new() -> KeptFocus {
        KeptFocus(StoredValue::new(None))
    }

    /// A row's link took the focus.
    pub fn focus_in(self, ev: &web_sys::FocusEvent, listed: Listed) {
        let Some(key) = event_row_key(ev) else {
            return;
        };
        let index = listed.index_of(&key);
        self.0.set_value(index.map(|i| (key, i)));
    }

    /// A row's link lost the focus: to another control, the agent moved on and the row is
    /// forgotten. To nothing, the list took the link out of the page or moved it (a row
    /// built again, or pushed out of the window and back), and the row is kept to give its
    /// new link the focus back.
    pub fn focus_out(self, ev: &web_sys::FocusEvent) {
        if event_row_key(ev).is_some() && ev.related_target().is_some() {
            self.0.set_value(None);
        }
    }

    /// A click or a touch anywhere is the agent putting the focus somewhere (a row's own
    /// click keeps it again as its link takes the focus).
    pub fn forget_on_pointer(self) {
        let pointer = window_event_listener(leptos::ev::pointerdown, move |_| {
            self.0.try_set_value(None);
        });
        on_cleanup(move || pointer.remove());
    }

    /// Where the focused row was and is now listed, `(was, now)`, remembering `now`; `None`
    /// when no row is focused or it is no longer listed.
    pub fn moved(self, listed: Listed) -> Option<(usize, usize)> {
        let (key, was) = self.0.get_value()?;
        let now = listed.index_of(&key)?;
        self.0.set_value(Some((key, now)));
        Some((was, now))
    }

    /// Each time the rows in the page change: if the focus fell to the page and the focused
    /// row is in the page again, its link takes the focus back, without scrolling.
    pub fn restore_on_change(
        self,
        scroller: NodeRef<leptos::html::Div>,
        visible: Memo<Vec<Conversation>>,
    ) {
        Effect::new(move |_| {
            visible.track();
            request_animation_frame(move || {
                let Some(Some((key, _))) = self.0.try_get_value() else {
                    return;
                };
                if !focus_fell_to_the_page() {
                    return;
                }
                let link = scroller
                    .try_get_untracked()
                    .flatten()
                    .and_then(|s| row_link(&s, &key));
                if let Some(link) = link {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = link.focus_with_options(&options);
                }
            });
        });
    }
}

/// The key of the row whose link the event is about.
fn event_row_key(ev: &web_sys::FocusEvent) -> Option<ConversationKey> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    if target.get_attribute("data-testid").as_deref() != Some("conversation-row") {
        return None;
    }
    // A backend's name never holds a `/`; an id may.
    let raw = target.get_attribute("data-key")?;
    let (backend, id) = raw.split_once('/')?;
    Some(ConversationKey::new(backend, id))
}

/// Whether nothing has the focus but the page itself.
fn focus_fell_to_the_page() -> bool {
    let document = leptos::prelude::document();
    match document.active_element() {
        None => true,
        Some(active) => document.body().is_some_and(|body| active == *body),
    }
}
