//! Files: one neutral table for every dialect. A dialect's messages point to their files
//! through a link table of the dialect's own (communication: `message_files`, message →
//! file with its position); this module stores and reads the files themselves, and links
//! them through a link table a dialect names (`message_id`, `file_id`, `position`).

use super::{StoreError, Tx};
use crate::store::{params, params_from_iter, Row};
use std::collections::HashMap;

/// A file's metadata: what lists show. The bytes are read only for a download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    pub id: String,
    /// The cleaned name, as shown and downloaded.
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    pub created_at: String,
}

/// A checked file about to be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFile {
    pub record: FileRecord,
    /// Shared with the request that brought it: no copy of a large file.
    pub data: axum::body::Bytes,
}

/// Every column but the bytes, in [`file_from_row`]'s order, for a dialect's queries to
/// select (prefixed by the table's alias when they join).
pub const FILE_COLUMNS: [&str; 6] = ["id", "name", "media_type", "size", "sha256", "created_at"];

/// [`FILE_COLUMNS`] as a select list, each prefixed by `alias.` when one is given.
pub fn file_columns(alias: &str) -> String {
    FILE_COLUMNS
        .iter()
        .map(|column| {
            if alias.is_empty() {
                (*column).to_owned()
            } else {
                format!("{alias}.{column}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads [`FILE_COLUMNS`] from the start of a row.
pub fn file_from_row(row: &Row<'_>) -> Result<FileRecord, StoreError> {
    Ok(FileRecord {
        id: row.get(0)?,
        name: row.get(1)?,
        media_type: row.get(2)?,
        size: u64::try_from(row.get::<_, i64>(3)?).unwrap_or(0),
        sha256: row.get(4)?,
        created_at: row.get(5)?,
    })
}

/// Stores a file; the dialect then links it to its message.
pub fn insert_file(conn: &Tx, file: &NewFile) -> Result<(), StoreError> {
    let record = &file.record;
    conn.prepare_cached(
        "INSERT INTO files (id, name, media_type, size, sha256, created_at, content) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        record.id,
        record.name,
        record.media_type,
        i64::try_from(record.size).unwrap_or(i64::MAX),
        record.sha256,
        record.created_at,
        &file.data[..],
    ])?;
    Ok(())
}

/// Stores a message's files and links them to it in `link_table`, in the given order. The
/// table's name comes from the dialect's code, never from a request.
pub fn insert_linked_files(
    conn: &Tx,
    link_table: &str,
    message_id: &str,
    files: &[NewFile],
) -> Result<(), StoreError> {
    let mut link = conn.prepare_cached(&format!(
        "INSERT INTO {link_table} (message_id, file_id, position) VALUES (?1, ?2, ?3)"
    ))?;
    for (position, file) in files.iter().enumerate() {
        insert_file(conn, file)?;
        link.execute(params![
            message_id,
            file.record.id,
            i64::try_from(position).unwrap_or(i64::MAX),
        ])?;
    }
    Ok(())
}

/// The files' metadata (never the bytes) of each of `message_ids`, in their order, linked
/// through `link_table` (named by the dialect's code): one query for all of them. A page
/// holds at most a page size of ids, far below any engine's limit on parameters.
pub fn linked_files<S: AsRef<str>>(
    conn: &Tx,
    link_table: &str,
    message_ids: &[S],
) -> Result<HashMap<String, Vec<FileRecord>>, StoreError> {
    let mut by_message: HashMap<String, Vec<FileRecord>> = HashMap::new();
    if message_ids.is_empty() {
        return Ok(by_message);
    }
    let placeholders: Vec<String> = (1..=message_ids.len()).map(|n| format!("?{n}")).collect();
    let sql = format!(
        "SELECT {}, l.message_id FROM {link_table} l JOIN files f ON f.id = l.file_id \
         WHERE l.message_id IN ({}) ORDER BY l.message_id, l.position",
        file_columns("f"),
        placeholders.join(", ")
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let ids = message_ids.iter().map(AsRef::as_ref);
    let rows = statement.query_map(params_from_iter(ids), |row| {
        Ok((
            row.get::<_, String>(FILE_COLUMNS.len())?,
            file_from_row(row)?,
        ))
    })?;
    for row in rows {
        let (message_id, record) = row?;
        by_message.entry(message_id).or_default().push(record);
    }
    Ok(by_message)
}
