//! Labels (`docs/labels.md`): the team's, and which conversation carries which. Routes:
//! `/api/labels` and `/api/conversation-labels` ([`crate::labels`]).

use super::{params, OptionalExtension, Row, StoreError, Tx};

/// One of the team's labels, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelRow {
    pub id: String,
    pub name: String,
    pub colour: String,
    pub created_by: String,
    pub created_at: String,
}

const COLUMNS: &str = "SELECT id, name, colour, created_by, created_at FROM labels";

/// Every label of the team, by name.
pub fn team(conn: &Tx) -> Result<Vec<LabelRow>, StoreError> {
    let rows = conn
        .prepare_cached(&format!("{COLUMNS} ORDER BY name_key, id"))?
        .query_map(params![], label_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn get(conn: &Tx, id: &str) -> Result<Option<LabelRow>, StoreError> {
    conn.query_row(&format!("{COLUMNS} WHERE id = ?1"), params![id], label_of)
        .optional()
}

/// The id of the label named `name_key` (letter case aside), if any.
pub fn named(conn: &Tx, name_key: &str) -> Result<Option<String>, StoreError> {
    conn.query_row(
        "SELECT id FROM labels WHERE name_key = ?1",
        params![name_key],
        |row| row.get(0),
    )
    .optional()
}

pub fn count(conn: &Tx) -> Result<u64, StoreError> {
    super::count(conn, "SELECT COUNT(*) FROM labels", &[])
}

/// Creates the label, or changes its name and colour.
pub fn put(conn: &Tx, row: &LabelRow, name_key: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO labels (id, name, name_key, colour, created_by, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET \
         name = excluded.name, name_key = excluded.name_key, colour = excluded.colour",
        params![
            row.id,
            row.name,
            name_key,
            row.colour,
            row.created_by,
            row.created_at
        ],
    )?;
    Ok(())
}

/// Retires a label, from every conversation too; whether there was one.
pub fn remove(conn: &Tx, id: &str) -> Result<bool, StoreError> {
    conn.execute(
        "DELETE FROM conversation_labels WHERE label_id = ?1",
        params![id],
    )?;
    Ok(conn.execute("DELETE FROM labels WHERE id = ?1", params![id])? > 0)
}

/// `(conversation, label)` for every label on the backend's conversations (or one's), in
/// the order they were added.
pub fn on_conversations(
    conn: &Tx,
    backend: &str,
    conversation: Option<&str>,
) -> Result<Vec<(String, String)>, StoreError> {
    const SELECT: &str = "SELECT conversation_id, label_id FROM conversation_labels";
    let pair =
        |row: &Row<'_>| -> Result<(String, String), StoreError> { Ok((row.get(0)?, row.get(1)?)) };
    let rows = match conversation {
        Some(conversation) => conn
            .prepare_cached(&format!(
                "{SELECT} WHERE backend = ?1 AND conversation_id = ?2 ORDER BY added_at, label_id"
            ))?
            .query_map(params![backend, conversation], pair)?
            .collect::<Result<Vec<_>, _>>()?,
        None => conn
            .prepare_cached(&format!(
                "{SELECT} WHERE backend = ?1 ORDER BY conversation_id, added_at, label_id"
            ))?
            .query_map(params![backend], pair)?
            .collect::<Result<Vec<_>, _>>()?,
    };
    Ok(rows)
}

/// Puts a label on a conversation; whether it was not there yet.
pub fn add(
    conn: &Tx,
    backend: &str,
    conversation: &str,
    label: &str,
    by: &str,
    at: &str,
) -> Result<bool, StoreError> {
    let added = conn.execute(
        "INSERT INTO conversation_labels (backend, conversation_id, label_id, added_by, added_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (backend, conversation_id, label_id) DO NOTHING",
        params![backend, conversation, label, by, at],
    )?;
    Ok(added > 0)
}

/// Takes a label off a conversation; whether it was there.
pub fn take_off(
    conn: &Tx,
    backend: &str,
    conversation: &str,
    label: &str,
) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM conversation_labels \
         WHERE backend = ?1 AND conversation_id = ?2 AND label_id = ?3",
        params![backend, conversation, label],
    )?;
    Ok(removed > 0)
}

fn label_of(row: &Row<'_>) -> Result<LabelRow, StoreError> {
    Ok(LabelRow {
        id: row.get(0)?,
        name: row.get(1)?,
        colour: row.get(2)?,
        created_by: row.get(3)?,
        created_at: row.get(4)?,
    })
}
