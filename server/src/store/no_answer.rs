//! "No answer needed" marks (`docs/deadlines.md`): one per conversation, its time moved on
//! when marked again. Routes: `/api/no-answer` ([`crate::no_answer`]).

use super::{params, Row, StoreError, Tx};

/// One mark, as stored (its time as written by `format_instant`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkRow {
    pub conversation_id: String,
    pub marked_by: String,
    pub marked_at: String,
}

/// The backend's marks, or only one conversation's.
pub fn list(
    conn: &Tx,
    backend: &str,
    conversation: Option<&str>,
) -> Result<Vec<MarkRow>, StoreError> {
    const COLUMNS: &str = "SELECT conversation_id, marked_by, marked_at FROM no_answer_marks";
    let rows = match conversation {
        Some(conversation) => conn
            .prepare_cached(&format!(
                "{COLUMNS} WHERE backend = ?1 AND conversation_id = ?2"
            ))?
            .query_map(params![backend, conversation], row_of)?
            .collect::<Result<Vec<_>, _>>()?,
        None => conn
            .prepare_cached(&format!(
                "{COLUMNS} WHERE backend = ?1 ORDER BY conversation_id"
            ))?
            .query_map(params![backend], row_of)?
            .collect::<Result<Vec<_>, _>>()?,
    };
    Ok(rows)
}

/// Marks a conversation as of `row.marked_at`, over any earlier mark.
pub fn set(conn: &Tx, backend: &str, row: &MarkRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO no_answer_marks (backend, conversation_id, marked_by, marked_at) \
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT (backend, conversation_id) DO UPDATE SET \
         marked_by = excluded.marked_by, marked_at = excluded.marked_at",
        params![backend, row.conversation_id, row.marked_by, row.marked_at],
    )?;
    Ok(())
}

/// Withdraws a mark; whether there was one.
pub fn remove(conn: &Tx, backend: &str, conversation: &str) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM no_answer_marks WHERE backend = ?1 AND conversation_id = ?2",
        params![backend, conversation],
    )?;
    Ok(removed > 0)
}

fn row_of(row: &Row<'_>) -> Result<MarkRow, StoreError> {
    Ok(MarkRow {
        conversation_id: row.get(0)?,
        marked_by: row.get(1)?,
        marked_at: row.get(2)?,
    })
}
