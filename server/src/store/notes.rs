//! Internal notes (`docs/notes.md`): Switchboard's own, per conversation of a backend,
//! oldest first. A note's id is the console's, so adding it again is answered with the note
//! kept the first time. Routes: `/api/notes/{backend}/{conversation}` ([`crate::notes`]).

use super::files::{self, file_columns, file_from_row, FileRecord, NewFile, FILE_COLUMNS};
use super::{params, OptionalExtension, Row, StoreError, Tx};
use std::collections::HashMap;

/// Where a note's files are linked to it, in their order.
const NOTE_FILES: &str = "note_files";

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

/// Keeps a new note's files, in their order (in the note's transaction).
pub fn attach(conn: &Tx, note_id: &str, files: &[NewFile]) -> Result<(), StoreError> {
    files::insert_linked_files(conn, NOTE_FILES, note_id, files)
}

/// The files (never their bytes) of each of `note_ids`, in their order.
pub fn files_of<S: AsRef<str>>(
    conn: &Tx,
    note_ids: &[S],
) -> Result<HashMap<String, Vec<FileRecord>>, StoreError> {
    files::linked_files(conn, NOTE_FILES, note_ids)
}

/// A file of a note of this conversation, with its bytes; `None` for a file of any other
/// note or conversation, so a path cannot reach another's file.
pub fn file(
    conn: &Tx,
    backend: &str,
    conversation_id: &str,
    note_id: &str,
    file_id: &str,
) -> Result<Option<(FileRecord, Vec<u8>)>, StoreError> {
    let sql = format!(
        "SELECT {}, f.content FROM files f \
         JOIN note_files l ON l.file_id = f.id JOIN notes n ON n.id = l.message_id \
         WHERE f.id = ?1 AND n.id = ?2 AND n.backend = ?3 AND n.conversation_id = ?4",
        file_columns("f")
    );
    conn.query_row(
        &sql,
        params![file_id, note_id, backend, conversation_id],
        |row| Ok((file_from_row(row)?, row.get(FILE_COLUMNS.len())?)),
    )
    .optional()
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
