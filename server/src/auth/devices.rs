//! The browsers that signed in before (`store/migrations/007_devices.sql`): after a
//! correct sign-in the browser keeps a random token in an `HttpOnly` cookie sent only to
//! `/api/session`; the server keeps its SHA-256 and the email it signed in. A sign-in that
//! carries a live device token for its email is trusted: its wrong passwords are counted
//! apart and slow it down rather than lock it out ([`super::throttle`]).

use super::sessions::{cookie_line, new_token, token_hash};
use crate::store::StoreError;
use axum::http::{HeaderMap, HeaderValue};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use switchboard_core::session::SESSION_PATH;
use switchboard_core::wire::format_instant;

/// The cookie's name.
pub const DEVICE_COOKIE: &str = "switchboard_device";

/// Whether `token` is a live device of `email`'s.
pub fn is_trusted(
    conn: &Connection,
    token: &str,
    email: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM devices WHERE token_hash = ?1 AND email = ?2 AND expires_at > ?3",
        )?
        .query_row(
            params![token_hash(token), key(email), format_instant(now)],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Remembers a new device of `email`'s until `expires_at`; its token, for the cookie.
pub fn remember(
    conn: &Connection,
    email: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<String, StoreError> {
    let token = new_token();
    conn.execute(
        "INSERT INTO devices (token_hash, email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            token_hash(&token),
            key(email),
            format_instant(now),
            format_instant(expires_at)
        ],
    )?;
    // Expired devices go as new ones come, so the table never grows without bound.
    conn.execute(
        "DELETE FROM devices WHERE expires_at <= ?1",
        [format_instant(now)],
    )?;
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

fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_device_is_trusted_for_its_email_until_it_expires() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("../store/migrations/007_devices.sql"))
            .unwrap();
        let now = Utc::now();
        let token = remember(&conn, "A@example.com ", now, now + Duration::days(1)).unwrap();
        assert!(is_trusted(&conn, &token, "a@example.com", now).unwrap());
        assert!(!is_trusted(&conn, &token, "b@example.com", now).unwrap());
        assert!(!is_trusted(&conn, "forged", "a@example.com", now).unwrap());
        assert!(!is_trusted(&conn, &token, "a@example.com", now + Duration::days(2)).unwrap());
    }

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
