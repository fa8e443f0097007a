//! The browsers that signed in before (`migrations/007_devices.sql`): a device token's
//! SHA-256 and the email it signed in, until it expires. What a device is for, and its
//! cookie, are `auth/devices.rs`'s business; this is the table.

use super::sessions::token_hash;
use super::{StoreError, Tx};
use crate::store::{params, OptionalExtension};
use chrono::{DateTime, Utc};
use switchboard_core::wire::format_instant;

/// Whether `token` is a live device of `email`'s.
pub fn is_trusted(
    conn: &Tx,
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

/// Keeps `token` as a device of `email`'s until `expires_at`.
pub fn remember(
    conn: &Tx,
    token: &str,
    email: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO devices (token_hash, email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            token_hash(token),
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
    Ok(())
}

/// An email as devices are kept under it: the same address however it was typed.
fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_device_is_trusted_for_its_email_until_it_expires() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        connection
            .execute_batch(include_str!("migrations/007_devices.sql"))
            .unwrap();
        let conn = Tx::bare(&connection);
        let now = Utc::now();
        remember(&conn, "t-1", "A@example.com ", now, now + Duration::days(1)).unwrap();
        assert!(is_trusted(&conn, "t-1", "a@example.com", now).unwrap());
        assert!(!is_trusted(&conn, "t-1", "b@example.com", now).unwrap());
        assert!(!is_trusted(&conn, "forged", "a@example.com", now).unwrap());
        assert!(!is_trusted(&conn, "t-1", "a@example.com", now + Duration::days(2)).unwrap());
    }
}
