//! Where focus goes around the conversation view: to the control a change names once the
//! page shows it, and whether the view was opened from the list by keyboard.

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// How long a focus request waits for its control: polls of `FOCUS_POLL_MS` (five
/// seconds: a first opening waits on the thread before the view is in the page).
const FOCUS_POLLS: u32 = 250;
const FOCUS_POLL_MS: u32 = 20;

/// Focuses the control with this `data-testid` once the page shows the change. The
/// header is patched in the tasks that follow the change, so the first try waits one
/// timer tick, then tries again each tick until the control is there (five seconds at
/// most). Timers, not animation frames: a page that is not painting gets no frames.
/// The view is built before it is shown: while any read under the page's `Transition`
/// is pending (the thread, on a first opening), the control exists out of the page, and
/// focusing it there does nothing, so only a control in the page counts.
pub fn focus_when_shown(article: NodeRef<html::Article>, test_id: &'static str) {
    leptos::task::spawn_local(async move {
        for _ in 0..FOCUS_POLLS {
            gloo_timers::future::TimeoutFuture::new(FOCUS_POLL_MS).await;
            if focus_in(article, test_id) {
                return;
            }
        }
    });
}

/// Focuses the control with this `data-testid` inside the conversation; `false` when it
/// is not in the page yet.
fn focus_in(article: NodeRef<html::Article>, test_id: &str) -> bool {
    article
        .try_get_untracked()
        .flatten()
        .and_then(|a| {
            a.query_selector(&format!("[data-testid='{test_id}']"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.is_connected())
        .is_some_and(|el| el.focus().is_ok())
}

/// Whether focus is on a row of the list: the conversation was opened from it by keyboard.
pub(super) fn came_from_list() -> bool {
    document()
        .active_element()
        .and_then(|el| el.get_attribute("data-testid"))
        .is_some_and(|id| id == "conversation-row")
}
