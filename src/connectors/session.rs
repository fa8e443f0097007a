//! Who is signed in, in `core::session`'s contract: sign in, ask who is signed in, sign
//! out. And the one place the console hears that a session has ended: every other
//! request's 401 is reported here ([`super::http::Client::refused`]), so the console can
//! ask the agent to sign in again over everything on screen instead of losing it.

use super::http::{Client, Method, Refusal};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use switchboard_core::directory::decode_error;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::session::{Session, SignIn, SESSION_PATH};

/// `/api/session` speaks Switchboard's own error body, and its 401 is an answer (a wrong
/// password, nobody signed in), not a session that ended.
const SESSION: Client = Client::for_session(decode_error);

fn url(origin: &str) -> String {
    format!("{origin}{SESSION_PATH}")
}

/// Signs in; a refusal keeps the server's `Retry-After` (too many attempts).
pub async fn sign_in(origin: &str, email: &str, password: &str) -> Result<Session, Refusal> {
    let body = SignIn {
        email: email.trim().to_owned(),
        password: password.to_owned(),
    };
    SESSION
        .send_json_with_wait(Method::Post, &url(origin), &body)
        .await
}

/// The session this browser holds, or `None` when nobody is signed in (or it expired).
pub async fn current(origin: &str) -> Result<Option<Session>, ApiError> {
    match SESSION.get_json(&url(origin)).await {
        Ok(session) => Ok(Some(session)),
        Err(error) if error.kind == ErrorKind::Unauthorized => Ok(None),
        Err(error) => Err(error),
    }
}

/// Ends the session on the server; one that had already ended (401) is just as ended.
pub async fn sign_out(origin: &str) -> Result<(), ApiError> {
    match SESSION.delete(&url(origin)).await {
        Err(error) if error.kind != ErrorKind::Unauthorized => Err(error),
        _ => Ok(()),
    }
}

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
