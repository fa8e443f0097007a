//! The communication API's tables and the only SQL it runs: primitive reads and writes
//! the handlers compose inside one transaction. Policy (what a contact message opens, who
//! may be assigned) lives with the routes; this module only reads and writes rows.
//! Contact-us messages and mails are in [`contacts`].

mod contacts;
pub mod follow_up;
#[cfg(test)]
mod tests;

pub use contacts::{get_contact, get_mail, insert_contact, insert_mail, list_contacts};

use crate::store::files::{
    file_columns, file_from_row, insert_linked_files, linked_files, FileRecord, NewFile,
    FILE_COLUMNS,
};
pub use crate::store::{Slice, Window};

use crate::store::{count, offset_param, StoreError, Tx, Where};
use crate::store::{params, params_from_iter, OptionalExtension, Row};

/// A conversation row, its last message aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationRecord {
    pub id: String,
    pub trip_publication_id: String,
    pub trip_reference: String,
    pub establishment_id: String,
    pub customer_id: String,
    pub assigned_agent_id: Option<String>,
    pub participants: Vec<String>,
    pub status: String,
    pub created_at: String,
    /// The name the customer gave (our addition); `None` when unknown.
    pub customer_name: Option<String>,
    /// Moved by every update (our addition; the `ETag` of `versions`).
    pub version: i64,
    /// The agent who made the last update, when one did.
    pub changed_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRecord {
    pub id: String,
    pub conversation_id: String,
    pub sending_date: String,
    pub transmitter_id: Option<String>,
    pub receiver_id: Option<String>,
    pub transmitter_type: String,
    pub content: String,
    pub content_type: String,
    pub status: String,
    pub received_date: Option<String>,
    /// In the order they were sent; filled by the reads, written by [`insert_message_files`].
    pub attachments: Vec<FileRecord>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContactRecord {
    pub id: String,
    pub conversation_id: Option<String>,
    pub sending_date: String,
    pub receiver_id: Option<String>,
    pub transmitter_id: Option<String>,
    pub name: String,
    pub mail: String,
    pub object: String,
    pub message: String,
    pub required: serde_json::Value,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailRecord {
    pub id: String,
    pub sending_date: String,
    pub receivers_id: Vec<String>,
    pub publication_id: Option<String>,
    pub reservation_id: Option<String>,
    pub product_type: Option<String>,
    pub organization_id: Option<String>,
    pub establishment_id: Option<String>,
    pub category: String,
}

/// The conversation list's filters; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConversationFilter {
    pub establishment_id: Option<String>,
    pub customer_id: Option<String>,
    pub assigned_agent_id: Option<String>,
    pub status: Option<String>,
    /// Equal whatever the case (our addition: an agent types the customer's reference).
    pub trip_reference: Option<String>,
    /// Only conversations nobody is assigned to (our addition).
    pub unassigned: bool,
}

// ---- conversations ------------------------------------------------------------------------

const CONVERSATION_COLUMNS: &str = "id, trip_publication_id, trip_reference, establishment_id, \
     customer_id, assigned_agent_id, participants, status, created_at, customer_name, version, \
     changed_by";

fn conversation_from_row(row: &Row<'_>) -> Result<(ConversationRecord, String), StoreError> {
    Ok((
        ConversationRecord {
            id: row.get(0)?,
            trip_publication_id: row.get(1)?,
            trip_reference: row.get(2)?,
            establishment_id: row.get(3)?,
            customer_id: row.get(4)?,
            assigned_agent_id: row.get(5)?,
            participants: Vec::new(),
            status: row.get(7)?,
            created_at: row.get(8)?,
            customer_name: row.get(9)?,
            version: row.get(10)?,
            changed_by: row.get(11)?,
        },
        row.get(6)?,
    ))
}

/// The participants column holds a JSON array; decoded outside rusqlite's row closure so
/// a bad value reports as what it is.
fn with_participants(
    (mut record, participants): (ConversationRecord, String),
) -> Result<ConversationRecord, StoreError> {
    record.participants = serde_json::from_str(&participants)?;
    Ok(record)
}

pub fn count_conversations(conn: &Tx) -> Result<u64, StoreError> {
    count(conn, "SELECT COUNT(*) FROM conversations", &[])
}

pub fn conversation_exists(conn: &Tx, id: &str) -> Result<bool, StoreError> {
    let found = conn
        .prepare_cached("SELECT 1 FROM conversations WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?;
    Ok(found.is_some())
}

pub fn insert_conversation(conn: &Tx, record: &ConversationRecord) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO conversations (id, trip_publication_id, trip_reference, establishment_id, \
         customer_id, assigned_agent_id, participants, status, created_at, last_activity_at, \
         customer_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
        params![
            record.id,
            record.trip_publication_id,
            record.trip_reference,
            record.establishment_id,
            record.customer_id,
            record.assigned_agent_id,
            serde_json::to_string(&record.participants)?,
            record.status,
            record.created_at,
            record.customer_name,
        ],
    )?;
    Ok(())
}

/// Writes every field but `id` and `created_at`, which never change.
/// Writes `record` and moves its version on (`record.version` follows).
pub fn update_conversation(conn: &Tx, record: &mut ConversationRecord) -> Result<(), StoreError> {
    record.version += 1;
    conn.execute(
        "UPDATE conversations SET trip_publication_id = ?2, trip_reference = ?3, \
         establishment_id = ?4, customer_id = ?5, assigned_agent_id = ?6, participants = ?7, \
         status = ?8, customer_name = ?9, version = ?10, changed_by = ?11 WHERE id = ?1",
        params![
            record.id,
            record.trip_publication_id,
            record.trip_reference,
            record.establishment_id,
            record.customer_id,
            record.assigned_agent_id,
            serde_json::to_string(&record.participants)?,
            record.status,
            record.customer_name,
            record.version,
            record.changed_by,
        ],
    )?;
    Ok(())
}

/// Writes the participants alone: a new participant (someone wrote) is no change an agent
/// could undo, so the version stays.
pub fn update_participants(conn: &Tx, record: &ConversationRecord) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE conversations SET participants = ?2 WHERE id = ?1",
        params![record.id, serde_json::to_string(&record.participants)?],
    )?;
    Ok(())
}

pub fn get_conversation(conn: &Tx, id: &str) -> Result<Option<ConversationRecord>, StoreError> {
    let sql = format!("SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], conversation_from_row)
        .optional()?
        .map(with_participants)
        .transpose()
}

/// Whether a contact reference is in use: as a conversation's `tripReference` (in any
/// case, as the list's filter finds it) or as a contact message's id.
pub fn reference_taken(conn: &Tx, reference: &str) -> Result<bool, StoreError> {
    let found = conn
        .prepare_cached(
            "SELECT 1 FROM conversations WHERE UPPER(trip_reference) = UPPER(?1) \
             UNION ALL SELECT 1 FROM contact_messages WHERE id = ?1",
        )?
        .query_row([reference], |_| Ok(()))
        .optional()?;
    Ok(found.is_some())
}

/// Newest activity first; the newest row wins a tie.
pub fn list_conversations(
    conn: &Tx,
    filter: &ConversationFilter,
    window: Window,
) -> Result<Slice<ConversationRecord>, StoreError> {
    let mut condition = Where::default()
        .equal(&[
            ("establishment_id", &filter.establishment_id),
            ("customer_id", &filter.customer_id),
            ("assigned_agent_id", &filter.assigned_agent_id),
            ("status", &filter.status),
        ])
        .equal_ignoring_case("trip_reference", &filter.trip_reference);
    if filter.unassigned {
        condition = condition.literal("assigned_agent_id IS NULL".to_owned());
    }
    let (where_clause, values) = condition.finish();
    let total = count(
        conn,
        &format!("SELECT COUNT(*) FROM conversations {where_clause}"),
        &values,
    )?;
    let sql = format!(
        "SELECT {CONVERSATION_COLUMNS} FROM conversations {where_clause} \
         ORDER BY last_activity_at DESC, seq DESC LIMIT {} OFFSET {}",
        window.limit,
        offset_param(window)
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(&values), conversation_from_row)?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(with_participants)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Slice { total, rows })
}

// ---- messages -----------------------------------------------------------------------------

const MESSAGE_COLUMNS: &str = "id, conversation_id, sending_date, transmitter_id, receiver_id, \
     transmitter_type, content, content_type, status, received_date";

fn message_from_row(row: &Row<'_>) -> Result<MessageRecord, StoreError> {
    Ok(MessageRecord {
        id: row.get(0)?,
        conversation_id: row.get(1)?,
        sending_date: row.get(2)?,
        transmitter_id: row.get(3)?,
        receiver_id: row.get(4)?,
        transmitter_type: row.get(5)?,
        content: row.get(6)?,
        content_type: row.get(7)?,
        status: row.get(8)?,
        received_date: row.get(9)?,
        attachments: Vec::new(),
    })
}

pub fn message_exists(conn: &Tx, id: &str) -> Result<bool, StoreError> {
    let found = conn
        .prepare_cached("SELECT 1 FROM messages WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?;
    Ok(found.is_some())
}

/// Inserts the message and refreshes its conversation's last activity.
pub fn insert_message(conn: &Tx, message: &MessageRecord) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO messages (id, conversation_id, sending_date, transmitter_id, receiver_id, \
         transmitter_type, content, content_type, status, received_date) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            message.id,
            message.conversation_id,
            message.sending_date,
            message.transmitter_id,
            message.receiver_id,
            message.transmitter_type,
            message.content,
            message.content_type,
            message.status,
            message.received_date,
        ],
    )?;
    // Recomputed rather than set: a message may carry an older sendingDate than the newest.
    conn.execute(
        "UPDATE conversations SET last_activity_at = COALESCE( \
             (SELECT MAX(sending_date) FROM messages WHERE conversation_id = ?1), created_at) \
         WHERE id = ?1",
        [&message.conversation_id],
    )?;
    Ok(())
}

/// The newest message of a conversation, the later insert winning a tie; without its files.
fn last_message_alone(
    conn: &Tx,
    conversation_id: &str,
) -> Result<Option<MessageRecord>, StoreError> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ?1 \
         ORDER BY sending_date DESC, seq DESC LIMIT 1"
    );
    conn.prepare_cached(&sql)?
        .query_row([conversation_id], message_from_row)
        .optional()
}

/// The newest message of a conversation, with its files.
pub fn last_message(conn: &Tx, conversation_id: &str) -> Result<Option<MessageRecord>, StoreError> {
    let mut last = last_message_alone(conn, conversation_id)?;
    fill_files(conn, last.as_mut_slice())?;
    Ok(last)
}

/// The newest message of each conversation, in the same order; the files of all of them
/// come in one query.
pub fn last_messages(
    conn: &Tx,
    conversation_ids: &[&str],
) -> Result<Vec<Option<MessageRecord>>, StoreError> {
    let mut lasts = conversation_ids
        .iter()
        .map(|id| last_message_alone(conn, id))
        .collect::<Result<Vec<_>, _>>()?;
    fill_files(conn, lasts.iter_mut().flatten())?;
    Ok(lasts)
}

/// Newest first, so the first window holds the latest messages.
pub fn list_messages(
    conn: &Tx,
    conversation_id: &str,
    window: Window,
) -> Result<Slice<MessageRecord>, StoreError> {
    let values = [conversation_id.to_owned()];
    let total = count(
        conn,
        "SELECT COUNT(*) FROM messages WHERE conversation_id = ?1",
        &values,
    )?;
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ?1 \
         ORDER BY sending_date DESC, seq DESC LIMIT {} OFFSET {}",
        window.limit,
        offset_param(window)
    );
    let mut rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(&values), message_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    fill_files(conn, rows.iter_mut())?;
    Ok(Slice { total, rows })
}

// ---- a message's files --------------------------------------------------------------------

/// Stores a message's files in Switchboard's `files` table and links them to it, in the
/// given order. The message must exist already.
pub fn insert_message_files(
    conn: &Tx,
    message_id: &str,
    files: &[NewFile],
) -> Result<(), StoreError> {
    insert_linked_files(conn, "message_files", message_id, files)
}

/// Gives each message its files' metadata: one query for all of them, never the bytes.
pub fn fill_files<'a>(
    conn: &Tx,
    messages: impl IntoIterator<Item = &'a mut MessageRecord>,
) -> Result<(), StoreError> {
    let mut messages: Vec<&mut MessageRecord> = messages.into_iter().collect();
    if messages.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
    let mut by_message = linked_files(conn, "message_files", &ids)?;
    for message in &mut messages {
        message.attachments = by_message.remove(&message.id).unwrap_or_default();
    }
    Ok(())
}

/// A file of one conversation's messages with its bytes (what a follow-up link may
/// open); `None` for a file of any other conversation, or of none.
pub fn get_conversation_attachment(
    conn: &Tx,
    conversation_id: &str,
    id: &str,
) -> Result<Option<(FileRecord, Vec<u8>)>, StoreError> {
    let sql = format!(
        "SELECT {}, content FROM files \
         WHERE id = ?1 AND EXISTS (SELECT 1 FROM message_files \
             JOIN messages ON messages.id = message_files.message_id \
             WHERE message_files.file_id = files.id AND messages.conversation_id = ?2)",
        file_columns("")
    );
    conn.prepare_cached(&sql)?
        .query_row([id, conversation_id], |row| {
            Ok((file_from_row(row)?, row.get(FILE_COLUMNS.len())?))
        })
        .optional()
}

/// A message's file with its bytes, for download; a file no message of this API links to
/// is not its to give.
pub fn get_attachment(conn: &Tx, id: &str) -> Result<Option<(FileRecord, Vec<u8>)>, StoreError> {
    let sql = format!(
        "SELECT {}, content FROM files \
         WHERE id = ?1 AND EXISTS (SELECT 1 FROM message_files WHERE file_id = files.id)",
        file_columns("")
    );
    conn.prepare_cached(&sql)?
        .query_row([id], |row| {
            Ok((file_from_row(row)?, row.get(FILE_COLUMNS.len())?))
        })
        .optional()
}
