//! Snoozes (`docs/snooze.md`): one per conversation, until a time. Routes: `/api/snoozes`
//! ([`crate::snoozes`]). Times are stored as `format_instant` writes them (UTC, fixed
//! width), so comparing the text compares the times.

use super::{params, Row, StoreError, Tx};

/// One snooze, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnoozeRow {
    pub conversation_id: String,
    pub until: String,
    pub snoozed_by: String,
    pub snoozed_at: String,
}

const COLUMNS: &str = "SELECT conversation_id, until_at, snoozed_by, snoozed_at FROM snoozes";

/// The backend's snoozes whose time is after `now`.
pub fn pending(conn: &Tx, backend: &str, now: &str) -> Result<Vec<SnoozeRow>, StoreError> {
    let rows = conn
        .prepare_cached(&format!(
            "{COLUMNS} WHERE backend = ?1 AND until_at > ?2 ORDER BY until_at, conversation_id"
        ))?
        .query_map(params![backend, now], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The conversation's snooze, if its time is after `now`.
pub fn one(
    conn: &Tx,
    backend: &str,
    conversation: &str,
    now: &str,
) -> Result<Option<SnoozeRow>, StoreError> {
    let rows = conn
        .prepare_cached(&format!(
            "{COLUMNS} WHERE backend = ?1 AND conversation_id = ?2 AND until_at > ?3"
        ))?
        .query_map(params![backend, conversation, now], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows.into_iter().next())
}

/// Snoozes a conversation, over any earlier snooze of it; snoozes whose time passed before
/// `now` are let go on the way (nobody reads them again).
pub fn set(conn: &Tx, backend: &str, row: &SnoozeRow, now: &str) -> Result<(), StoreError> {
    conn.execute("DELETE FROM snoozes WHERE until_at <= ?1", params![now])?;
    conn.execute(
        "INSERT INTO snoozes (backend, conversation_id, until_at, snoozed_by, snoozed_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (backend, conversation_id) DO UPDATE SET \
         until_at = excluded.until_at, snoozed_by = excluded.snoozed_by, \
         snoozed_at = excluded.snoozed_at",
        params![
            backend,
            row.conversation_id,
            row.until,
            row.snoozed_by,
            row.snoozed_at
        ],
    )?;
    Ok(())
}

/// Wakes a conversation; whether it was snoozed.
pub fn remove(conn: &Tx, backend: &str, conversation: &str) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM snoozes WHERE backend = ?1 AND conversation_id = ?2",
        params![backend, conversation],
    )?;
    Ok(removed > 0)
}

fn row_of(row: &Row<'_>) -> Result<SnoozeRow, StoreError> {
    Ok(SnoozeRow {
        conversation_id: row.get(0)?,
        until: row.get(1)?,
        snoozed_by: row.get(2)?,
        snoozed_at: row.get(3)?,
    })
}
