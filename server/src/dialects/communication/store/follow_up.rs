//! The customer's private links (`migrations/006_follow_up_links.sql`, `008`): a token's
//! hash and the one conversation it opens, until withdrawn or left unused past its expiry
//! (each use renews it).

use crate::auth::sessions::{new_token, token_hash};
use crate::store::{StoreError, Tx};
use rusqlite::{params, OptionalExtension};

/// A new link to `conversation_id`, working until `expires_at` unless used again; the
/// token, which is kept nowhere but in the answer.
pub fn open_link(
    conn: &Tx,
    conversation_id: &str,
    now: &str,
    expires_at: &str,
) -> Result<String, StoreError> {
    let token = new_token();
    conn.execute(
        "INSERT INTO follow_up_links (token_hash, conversation_id, created_at, expires_at) \
         VALUES (?1, ?2, ?3, ?4)",
        params![token_hash(&token), conversation_id, now, expires_at],
    )?;
    Ok(token)
}

/// The conversation a live link opens, its expiry pushed to `renewed_until`; `None` for an
/// unknown, withdrawn or expired token.
pub fn use_link(
    conn: &Tx,
    token: &str,
    now: &str,
    renewed_until: &str,
) -> Result<Option<String>, StoreError> {
    let hash = token_hash(token);
    let found: Option<String> = conn
        .prepare_cached(
            "SELECT conversation_id FROM follow_up_links \
             WHERE token_hash = ?1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?2)",
        )?
        .query_row(params![hash, now], |row| row.get(0))
        .optional()?;
    if found.is_some() {
        conn.execute(
            "UPDATE follow_up_links SET expires_at = ?2 WHERE token_hash = ?1",
            params![hash, renewed_until],
        )?;
    }
    Ok(found)
}

/// Withdraws every link to a conversation; how many were live.
pub fn revoke(conn: &Tx, conversation_id: &str, now: &str) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE follow_up_links SET revoked_at = ?2 WHERE conversation_id = ?1 AND revoked_at IS NULL",
        params![conversation_id, now],
    )?)
}
