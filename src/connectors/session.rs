//! Who is signed in, in `core::session`'s contract: sign in, ask who is signed in, sign
//! out. A session that ends under the console's other requests is heard in
//! [`super::session_watch`].

use super::http::{Client, Method, Refusal};
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
