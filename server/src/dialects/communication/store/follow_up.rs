//! The customer's private links (`migrations/006_follow_up_links.sql`): a token's hash
//! and the one conversation it opens, until withdrawn.

use crate::auth::sessions::{new_token, token_hash};
use crate::store::StoreError;
use rusqlite::{params, Connection, OptionalExtension};

/// A new link to `conversation_id`; the token, which is kept nowhere but in the answer.
pub fn open_link(
    conn: &Connection,
    conversation_id: &str,
    now: &str,
) -> Result<String, StoreError> {
    let token = new_token();
    conn.execute(
        "INSERT INTO follow_up_links (token_hash, conversation_id, created_at) VALUES (?1, ?2, ?3)",
        params![token_hash(&token), conversation_id, now],
    )?;
    Ok(token)
}

/// The conversation a live link opens; `None` for an unknown or withdrawn token.
pub fn conversation_of(conn: &Connection, token: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT conversation_id FROM follow_up_links WHERE token_hash = ?1 AND revoked_at IS NULL",
        )?
        .query_row([token_hash(token)], |row| row.get(0))
        .optional()?)
}

/// Withdraws every link to a conversation; how many were live.
pub fn revoke(conn: &Connection, conversation_id: &str, now: &str) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE follow_up_links SET revoked_at = ?2 WHERE conversation_id = ?1 AND revoked_at IS NULL",
        params![conversation_id, now],
    )?)
}
