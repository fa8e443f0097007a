//! Octopia's tables (`octopia_*`) and the only SQL this dialect runs: primitive reads and
//! writes the handlers compose inside one transaction. Who may receive a reply, what a
//! reply changes: that policy lives with the routes; this module only reads and writes
//! rows. A message's files are rows of Switchboard's `files` table, linked through
//! `octopia_message_files`; its receivers are rows of `octopia_message_receivers`.

use crate::store::files::FILE_COLUMNS;
use crate::store::files::{
    file_columns, file_from_row, insert_linked_files, linked_files, FileRecord, NewFile,
};
use crate::store::{count, offset_param, where_equal, StoreError, Tx, Where};
use crate::store::{params, params_from_iter, OptionalExtension, Row};
pub use crate::store::{Slice, Window};
use std::collections::HashMap;

/// A discussion row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscussionRecord {
    pub id: String,
    pub subject: String,
    pub order_reference: String,
    pub order_id: String,
    pub offer_id: Option<String>,
    pub product_id: Option<String>,
    pub typology_code: String,
    pub sub_typology_code: String,
    /// `ToTreat` or `Treated`.
    pub status: String,
    pub is_open: bool,
    /// `Discussion` or `Claim`.
    pub graduation_code: String,
    pub customer_id: String,
    pub customer_name: String,
    pub seller_id: String,
    pub sales_channel: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A sender or a receiver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyRecord {
    pub user_id: String,
    pub user_type: String,
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRecord {
    pub id: String,
    pub discussion_id: String,
    pub body: String,
    pub sender_id: String,
    pub sender_name: String,
    pub user_type: String,
    pub created_at: String,
    pub has_read: bool,
    /// Filled by the reads, written by [`insert_message`].
    pub receivers: Vec<PartyRecord>,
    /// Filled by the reads, written by [`insert_message_files`].
    pub attachments: Vec<FileRecord>,
}

/// The filters of the list and of the count; `None` means any. Instants are
/// `format_instant` text, bounds included.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiscussionFilter {
    pub discussion_id: Option<String>,
    pub order_id: Option<String>,
    pub order_reference: Option<String>,
    pub sales_channel: Option<String>,
    pub graduation_code: Option<String>,
    pub process_status: Option<String>,
    pub sub_typology_code: Option<String>,
    pub is_open: Option<bool>,
    pub updated_at_min: Option<String>,
    pub updated_at_max: Option<String>,
}

/// The filters of `GET /attachments`, combined with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttachmentFilter {
    pub discussion_id: Option<String>,
    pub message_id: Option<String>,
    pub attachment_id: Option<String>,
}

/// A file with its bytes and the message it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentContent {
    pub discussion_id: String,
    pub message_id: String,
    pub file: FileRecord,
    pub data: Vec<u8>,
}

fn flag(value: bool) -> i64 {
    i64::from(value)
}

// ---- discussions --------------------------------------------------------------------------

const DISCUSSION_COLUMNS: &str = "id, subject, order_reference, order_id, offer_id, \
     product_id, typology_code, sub_typology_code, status, is_open, graduation_code, \
     customer_id, customer_name, seller_id, sales_channel, created_at, updated_at";

fn discussion_from_row(row: &Row<'_>) -> Result<DiscussionRecord, StoreError> {
    Ok(DiscussionRecord {
        id: row.get(0)?,
        subject: row.get(1)?,
        order_reference: row.get(2)?,
        order_id: row.get(3)?,
        offer_id: row.get(4)?,
        product_id: row.get(5)?,
        typology_code: row.get(6)?,
        sub_typology_code: row.get(7)?,
        status: row.get(8)?,
        is_open: row.get::<_, i64>(9)? != 0,
        graduation_code: row.get(10)?,
        customer_id: row.get(11)?,
        customer_name: row.get(12)?,
        seller_id: row.get(13)?,
        sales_channel: row.get(14)?,
        created_at: row.get(15)?,
        updated_at: row.get(16)?,
    })
}

pub fn count_all_discussions(conn: &Tx) -> Result<u64, StoreError> {
    count(conn, "SELECT COUNT(*) FROM octopia_discussions", &[])
}

pub fn insert_discussion(conn: &Tx, record: &DiscussionRecord) -> Result<(), StoreError> {
    conn.execute(
        &format!(
            "INSERT INTO octopia_discussions ({DISCUSSION_COLUMNS}) VALUES \
             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
        ),
        params![
            record.id,
            record.subject,
            record.order_reference,
            record.order_id,
            record.offer_id,
            record.product_id,
            record.typology_code,
            record.sub_typology_code,
            record.status,
            flag(record.is_open),
            record.graduation_code,
            record.customer_id,
            record.customer_name,
            record.seller_id,
            record.sales_channel,
            record.created_at,
            record.updated_at,
        ],
    )?;
    Ok(())
}

pub fn get_discussion(conn: &Tx, id: &str) -> Result<Option<DiscussionRecord>, StoreError> {
    let sql = format!("SELECT {DISCUSSION_COLUMNS} FROM octopia_discussions WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], discussion_from_row)
        .optional()
}

/// The WHERE clause of a filter and its values, bound in order.
fn where_clause(filter: &DiscussionFilter) -> (String, Vec<String>) {
    let mut conditions = Where::default().equal(&[
        ("id", &filter.discussion_id),
        ("order_id", &filter.order_id),
        ("order_reference", &filter.order_reference),
        ("sales_channel", &filter.sales_channel),
        ("graduation_code", &filter.graduation_code),
        ("status", &filter.process_status),
        ("sub_typology_code", &filter.sub_typology_code),
    ]);
    if let Some(open) = filter.is_open {
        // A literal from a bool: nothing of the request reaches the SQL text.
        conditions = conditions.literal(format!("is_open = {}", flag(open)));
    }
    conditions
        .compare("updated_at", ">=", &filter.updated_at_min)
        .compare("updated_at", "<=", &filter.updated_at_max)
        .finish()
}

/// How many discussions match.
pub fn count_discussions(conn: &Tx, filter: &DiscussionFilter) -> Result<u64, StoreError> {
    let (where_clause, values) = where_clause(filter);
    count(
        conn,
        &format!("SELECT COUNT(*) FROM octopia_discussions {where_clause}"),
        &values,
    )
}

/// Newest activity first, ties by id.
pub fn list_discussions(
    conn: &Tx,
    filter: &DiscussionFilter,
    window: Window,
) -> Result<Slice<DiscussionRecord>, StoreError> {
    let total = count_discussions(conn, filter)?;
    let (where_clause, values) = where_clause(filter);
    let sql = format!(
        "SELECT {DISCUSSION_COLUMNS} FROM octopia_discussions {where_clause} \
         ORDER BY updated_at DESC, id ASC LIMIT {} OFFSET {}",
        window.limit,
        offset_param(window)
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(&values), discussion_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Slice { total, rows })
}

/// Opens or closes a discussion; says whether it exists.
pub fn set_discussion_open(
    conn: &Tx,
    id: &str,
    is_open: bool,
    now: &str,
) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE octopia_discussions SET is_open = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, flag(is_open), now],
    )?;
    Ok(changed > 0)
}

/// A discussion's process status and newest activity, after a message.
pub fn set_discussion_status(
    conn: &Tx,
    id: &str,
    status: &str,
    now: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE octopia_discussions SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, status, now],
    )?;
    Ok(())
}

// ---- messages -----------------------------------------------------------------------------

const MESSAGE_COLUMNS: &str =
    "id, discussion_id, body, sender_id, sender_name, user_type, created_at, has_read";

fn message_from_row(row: &Row<'_>) -> Result<MessageRecord, StoreError> {
    Ok(MessageRecord {
        id: row.get(0)?,
        discussion_id: row.get(1)?,
        body: row.get(2)?,
        sender_id: row.get(3)?,
        sender_name: row.get(4)?,
        user_type: row.get(5)?,
        created_at: row.get(6)?,
        has_read: row.get::<_, i64>(7)? != 0,
        receivers: Vec::new(),
        attachments: Vec::new(),
    })
}

/// Inserts a message and its receivers; its discussion must exist.
pub fn insert_message(conn: &Tx, message: &MessageRecord) -> Result<(), StoreError> {
    conn.prepare_cached(&format!(
        "INSERT INTO octopia_messages ({MESSAGE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?
    .execute(params![
        message.id,
        message.discussion_id,
        message.body,
        message.sender_id,
        message.sender_name,
        message.user_type,
        message.created_at,
        flag(message.has_read),
    ])?;
    let mut receiver = conn.prepare_cached(
        "INSERT INTO octopia_message_receivers (message_id, position, user_id, user_type, name) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, party) in message.receivers.iter().enumerate() {
        receiver.execute(params![
            message.id,
            i64::try_from(position).unwrap_or(i64::MAX),
            party.user_id,
            party.user_type,
            party.name,
        ])?;
    }
    Ok(())
}

/// Marks a message read or unread; says whether it exists.
pub fn set_message_read(conn: &Tx, id: &str, has_read: bool) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE octopia_messages SET has_read = ?2 WHERE id = ?1",
        params![id, flag(has_read)],
    )?;
    Ok(changed > 0)
}

/// Every message of a discussion, oldest first, with receivers and files.
pub fn messages_of(conn: &Tx, discussion_id: &str) -> Result<Vec<MessageRecord>, StoreError> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM octopia_messages WHERE discussion_id = ?1 \
         ORDER BY created_at ASC, seq ASC"
    );
    let mut messages = conn
        .prepare_cached(&sql)?
        .query_map([discussion_id], message_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    fill(conn, messages.iter_mut())?;
    Ok(messages)
}

/// The newest message of each discussion, in the same order, with receivers and files.
pub fn latest_messages(
    conn: &Tx,
    discussion_ids: &[&str],
) -> Result<Vec<Option<MessageRecord>>, StoreError> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM octopia_messages WHERE discussion_id = ?1 \
         ORDER BY created_at DESC, seq DESC LIMIT 1"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let mut latest = discussion_ids
        .iter()
        .map(|id| statement.query_row([id], message_from_row).optional())
        .collect::<Result<Vec<_>, _>>()?;
    fill(conn, latest.iter_mut().flatten())?;
    Ok(latest)
}

/// `?1, ?2, …` for `n` values: a page holds at most 100 messages, far below any engine's
/// limit on parameters.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Gives each message its receivers and its files' metadata (never the bytes): one query
/// each for all of them.
fn fill<'a>(
    conn: &Tx,
    messages: impl IntoIterator<Item = &'a mut MessageRecord>,
) -> Result<(), StoreError> {
    let mut messages: Vec<&mut MessageRecord> = messages.into_iter().collect();
    if messages.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = messages.iter().map(|m| m.id.clone()).collect();
    let marks = placeholders(ids.len());

    let mut receivers: HashMap<String, Vec<PartyRecord>> = HashMap::new();
    let sql = format!(
        "SELECT message_id, user_id, user_type, name FROM octopia_message_receivers \
         WHERE message_id IN ({marks}) ORDER BY message_id, position"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(params_from_iter(&ids), |row| {
        Ok((
            row.get::<_, String>(0)?,
            PartyRecord {
                user_id: row.get(1)?,
                user_type: row.get(2)?,
                name: row.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (message_id, party) = row?;
        receivers.entry(message_id).or_default().push(party);
    }

    let mut files = linked_files(conn, "octopia_message_files", &ids)?;

    for message in &mut messages {
        message.receivers = receivers.remove(&message.id).unwrap_or_default();
        message.attachments = files.remove(&message.id).unwrap_or_default();
    }
    Ok(())
}

// ---- files --------------------------------------------------------------------------------

/// Stores a message's files in the `files` table and links them to it, in order.
pub fn insert_message_files(
    conn: &Tx,
    message_id: &str,
    files: &[NewFile],
) -> Result<(), StoreError> {
    insert_linked_files(conn, "octopia_message_files", message_id, files)
}

/// The files of Octopia's messages that match, with their bytes, in the order of their
/// messages. Only files linked to this dialect's messages are found.
pub fn find_attachments(
    conn: &Tx,
    filter: &AttachmentFilter,
) -> Result<Vec<AttachmentContent>, StoreError> {
    let (where_clause, values) = where_equal(&[
        ("m.discussion_id", &filter.discussion_id),
        ("l.message_id", &filter.message_id),
        ("l.file_id", &filter.attachment_id),
    ]);
    let sql = format!(
        "SELECT {}, f.content, m.discussion_id, l.message_id FROM octopia_message_files l \
         JOIN octopia_messages m ON m.id = l.message_id JOIN files f ON f.id = l.file_id \
         {where_clause} ORDER BY m.created_at, m.seq, l.position",
        file_columns("f")
    );
    let n = FILE_COLUMNS.len();
    let found = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(&values), |row| {
            Ok(AttachmentContent {
                file: file_from_row(row)?,
                data: row.get(n)?,
                discussion_id: row.get(n + 1)?,
                message_id: row.get(n + 2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(found)
}
