//! Agents' sessions as the store keeps them (`migrations/004_sessions.sql`): only a
//! token's SHA-256, with the agent and the expiry. Tokens and cookies are
//! `auth/sessions.rs`'s business; this is the table.

use super::people::{self, AccountRow};
use super::{StoreError, Tx};
use crate::store::{params, OptionalExtension};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use switchboard_core::session::SessionAgent;
use switchboard_core::wire::format_instant;

/// What the store keeps of a token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Opens a session for `agent_id` until `expires_at`.
pub fn open(
    conn: &Tx,
    token: &str,
    agent_id: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash(token), agent_id, format_instant(now), format_instant(expires_at)],
    )?;
    // Ended sessions are swept as new ones open, so the table never grows without bound.
    conn.execute(
        "DELETE FROM sessions WHERE expires_at <= ?1",
        [format_instant(now)],
    )?;
    Ok(())
}

/// The agent a live session belongs to, with its expiry; `None` for an unknown, ended or
/// expired token.
pub fn find(
    conn: &Tx,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(SessionAgent, String)>, StoreError> {
    let found = conn
        .prepare_cached(
            "SELECT agent_id, expires_at FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
        )?
        .query_row(params![token_hash(token), format_instant(now)], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .optional()?;
    let Some((agent_id, expires_at)) = found else {
        return Ok(None);
    };
    Ok(people::account_by_id(conn, &agent_id)?.map(|row: AccountRow| (row.agent, expires_at)))
}

/// Ends one session (sign-out).
pub fn end(conn: &Tx, token: &str) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM sessions WHERE token_hash = ?1",
        [token_hash(token)],
    )?;
    Ok(())
}

/// Ends every session of an agent (a password reset).
pub fn end_all(conn: &Tx, agent_id: &str) -> Result<usize, StoreError> {
    conn.execute("DELETE FROM sessions WHERE agent_id = ?1", [agent_id])
}
