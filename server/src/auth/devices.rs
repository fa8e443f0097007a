//! The browsers that signed in before (kept in `store/devices.rs`): after a
//! correct sign-in the browser keeps a random token in an `HttpOnly` cookie sent only to
//! `/api/session`; the server keeps its SHA-256 and the email it signed in. A sign-in that
//! carries a live device token for its email is trusted: its wrong passwords are counted
//! apart and slow it down rather than lock it out ([`super::throttle`]).

use super::sessions::{cookie_line, new_token};
use crate::store::{StoreError, Tx};
use axum::http::{HeaderMap, HeaderValue};
use chrono::{DateTime, Utc};
use switchboard_core::session::SESSION_PATH;

/// The cookie's name.
pub const DEVICE_COOKIE: &str = "switchboard_device";

pub use crate::store::devices::is_trusted;

/// Remembers a new device of `email`'s until `expires_at`; its token, for the cookie.
pub fn remember(
    conn: &Tx,
    email: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<String, StoreError> {
    let token = new_token();
    crate::store::devices::remember(conn, &token, email, now, expires_at)?;
    Ok(token)
}

/// The device token a request carries, if any.
pub fn token_in(headers: &HeaderMap) -> Option<String> {
    super::sessions::cookie_value(headers, DEVICE_COOKIE)
}

/// The `Set-Cookie` that gives the browser its device token, sent to sign-in alone.
pub fn cookie(token: &str, max_age_secs: i64, headers: &HeaderMap) -> HeaderValue {
    cookie_line(
        &format!("{DEVICE_COOKIE}={token}; Max-Age={max_age_secs}"),
        SESSION_PATH,
        headers,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_goes_to_sign_in_only() {
        let line = cookie("t", 60, &HeaderMap::new());
        let line = line.to_str().unwrap();
        assert!(
            line.starts_with(
                "switchboard_device=t; Max-Age=60; Path=/api/session; HttpOnly; SameSite=Strict"
            ),
            "{line}"
        );
    }
}
