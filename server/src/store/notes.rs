//! Internal notes (`docs/notes.md`): Switchboard's own, per conversation of a backend,
//! oldest first. A note's id is the console's, so adding it again is answered with the note
//! kept the first time. Routes: `/api/notes/{backend}/{conversation}` ([`crate::notes`]).

use super::{params, Row, StoreError, Tx};

/// One note as stored: its time as written (`format_instant`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteRow {
    pub id: String,
    pub backend: String,
    pub conversation_id: String,
    pub author_id: String,
    pub body: String,
    pub created_at: String,
}

/// Keeps `note` unless its id is taken: the note kept under that id either way, and
/// whether it is this one, new.
pub fn add(conn: &Tx, note: &NoteRow) -> Result<(NoteRow, bool), StoreError> {
    let inserted = conn.execute(
        "INSERT INTO notes (id, backend, conversation_id, author_id, body, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING",
        params![
            note.id,
            note.backend,
            note.conversation_id,
            note.author_id,
            note.body,
            note.created_at
        ],
    )?;
    let kept = conn.query_row(
        "SELECT id, backend, conversation_id, author_id, body, created_at FROM notes \
         WHERE id = ?1",
        params![note.id],
        row_of,
    )?;
    Ok((kept, inserted == 1))
}

/// The notes of one conversation, oldest first.
pub fn list(conn: &Tx, backend: &str, conversation_id: &str) -> Result<Vec<NoteRow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, backend, conversation_id, author_id, body, created_at FROM notes \
         WHERE backend = ?1 AND conversation_id = ?2 ORDER BY created_at, id",
    )?;
    let rows = statement
        .query_map(params![backend, conversation_id], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn row_of(row: &Row<'_>) -> Result<NoteRow, StoreError> {
    Ok(NoteRow {
        id: row.get(0)?,
        backend: row.get(1)?,
        conversation_id: row.get(2)?,
        author_id: row.get(3)?,
        body: row.get(4)?,
        created_at: row.get(5)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn note(id: &str, conversation: &str, body: &str, at: &str) -> NoteRow {
        NoteRow {
            id: id.into(),
            backend: "octopia".into(),
            conversation_id: conversation.into(),
            author_id: "a1".into(),
            body: body.into(),
            created_at: at.into(),
        }
    }

    #[test]
    fn notes_are_kept_once_per_id_and_listed_oldest_first_per_conversation() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                add(
                    conn,
                    &note("n2", "d-1", "second", "2026-12-06T10:05:00.000Z"),
                )?;
                add(
                    conn,
                    &note("n1", "d-1", "first", "2026-12-06T10:00:00.000Z"),
                )?;
                add(
                    conn,
                    &note("n3", "d-2", "elsewhere", "2026-12-06T10:01:00.000Z"),
                )?;
                let (again, new) = add(
                    conn,
                    &note("n1", "d-1", "changed", "2026-12-06T11:00:00.000Z"),
                )?;
                assert_eq!(
                    (again.body.as_str(), new),
                    ("first", false),
                    "the first note stands"
                );
                let listed = list(conn, "octopia", "d-1")?;
                let bodies: Vec<&str> = listed.iter().map(|n| n.body.as_str()).collect();
                assert_eq!(bodies, ["first", "second"]);
                assert!(list(conn, "postcenter", "d-1")?.is_empty());
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
