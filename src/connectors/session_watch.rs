//! The one place the console hears that a session has ended: every request's 401 but the
//! session's own is reported here ([`super::http::Client::refused`]), so the console can
//! ask the agent to sign in again over everything on screen instead of losing it. A module
//! of its own, importing neither, so that http (which reports) and session (which speaks
//! through http) do not import each other.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

type Watcher = Rc<dyn Fn()>;

thread_local! {
    // The browser has one thread: whoever watches lives on it.
    static WATCHERS: RefCell<Vec<(u64, Watcher)>> = const { RefCell::new(Vec::new()) };
    static NEXT_WATCH: Cell<u64> = const { Cell::new(0) };
}

/// Calls `on_lost` whenever a request finds the session gone, until dropped.
#[must_use = "the watch stops when dropped"]
#[derive(Debug)]
pub struct LostSessionWatch(u64);

impl Drop for LostSessionWatch {
    fn drop(&mut self) {
        let id = self.0;
        WATCHERS.with(|watchers| watchers.borrow_mut().retain(|(w, _)| *w != id));
    }
}

pub fn watch_lost_session(on_lost: impl Fn() + 'static) -> LostSessionWatch {
    let id = NEXT_WATCH.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    });
    WATCHERS.with(|watchers| watchers.borrow_mut().push((id, Rc::new(on_lost))));
    LostSessionWatch(id)
}

/// A request was answered 401: the session has ended (expired, or signed out elsewhere).
pub(crate) fn report_lost_session() {
    // Called outside the borrow: a watcher may start or stop a watch.
    let watchers: Vec<Watcher> =
        WATCHERS.with(|watchers| watchers.borrow().iter().map(|(_, w)| w.clone()).collect());
    for watcher in watchers {
        watcher();
    }
}
