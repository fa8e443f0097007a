//! The customer's private links (`migrations/006_follow_up_links.sql`, `008`): a token's
//! hash and the one conversation it opens, until withdrawn or left unused past its expiry
//! (each use renews it). Over a forwarded API the conversation is the vendor's: its links
//! are kept apart (`009`), by the vendor's conversation id and with the customer's
//! reference.

use crate::auth::sessions::{new_token, token_hash};
use crate::store::{params, OptionalExtension};
use crate::store::{StoreError, Tx};

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
    conn.execute(
        "UPDATE follow_up_links SET revoked_at = ?2 WHERE conversation_id = ?1 AND revoked_at IS NULL",
        params![conversation_id, now],
    )
}

/// What a link to a vendor's conversation opens: the vendor's conversation id, and the
/// reference the customer was given (when the vendor's answer named one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForwardedLink {
    pub conversation_id: String,
    pub reference: Option<String>,
}

/// A new link to the vendor's conversation `conversation_id`; the token, kept nowhere but
/// in the answer.
pub fn open_forwarded_link(
    conn: &Tx,
    link: &ForwardedLink,
    now: &str,
    expires_at: &str,
) -> Result<String, StoreError> {
    let token = new_token();
    conn.execute(
        "INSERT INTO forwarded_follow_up_links \
         (token_hash, conversation_id, reference, created_at, expires_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            token_hash(&token),
            link.conversation_id,
            link.reference,
            now,
            expires_at
        ],
    )?;
    Ok(token)
}

/// [`use_link`] for a link to a vendor's conversation.
pub fn use_forwarded_link(
    conn: &Tx,
    token: &str,
    now: &str,
    renewed_until: &str,
) -> Result<Option<ForwardedLink>, StoreError> {
    let hash = token_hash(token);
    let found = conn
        .prepare_cached(
            "SELECT conversation_id, reference FROM forwarded_follow_up_links \
             WHERE token_hash = ?1 AND revoked_at IS NULL AND expires_at > ?2",
        )?
        .query_row(params![hash, now], |row| {
            Ok(ForwardedLink {
                conversation_id: row.get(0)?,
                reference: row.get(1)?,
            })
        })
        .optional()?;
    if found.is_some() {
        conn.execute(
            "UPDATE forwarded_follow_up_links SET expires_at = ?2 WHERE token_hash = ?1",
            params![hash, renewed_until],
        )?;
    }
    Ok(found)
}

/// [`revoke`] for the links to a vendor's conversation.
pub fn revoke_forwarded(conn: &Tx, conversation_id: &str, now: &str) -> Result<usize, StoreError> {
    conn.execute(
        "UPDATE forwarded_follow_up_links SET revoked_at = ?2 \
         WHERE conversation_id = ?1 AND revoked_at IS NULL",
        params![conversation_id, now],
    )
}
