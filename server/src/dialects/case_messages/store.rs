//! The case messages tables (`case_messages_cases`, `case_messages`) and the only SQL this
//! dialect runs: primitive reads and writes the handlers compose inside one transaction.
//! Who may read a case, what a repeated `externalId` means: that policy lives with the
//! routes; this module only reads and writes rows.

use crate::store::{params, OptionalExtension, Row};
use crate::store::{StoreError, Tx};

/// A case, as far as this API knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseRecord {
    /// `caseId`.
    pub id: i64,
    /// Lower case.
    pub guid: String,
    pub partner_account_id: i64,
    pub created_at: String,
}

/// What a message row holds, but its id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MessageFields {
    pub case_id: i64,
    pub parent_message_id: Option<i64>,
    pub sender_account_id: Option<i64>,
    /// `partner`, `provider` or `None`.
    pub sender_type: Option<String>,
    pub content: Option<String>,
    /// `type`.
    pub kind: String,
    pub external_id: Option<String>,
    pub user_email: Option<String>,
    pub user_name: Option<String>,
    /// The agent who wrote it through Switchboard; never on the wire.
    pub agent_id: Option<String>,
    pub declared_at: String,
    pub confirmed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A stored message, with its case's guid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRecord {
    pub id: i64,
    pub guid: String,
    pub fields: MessageFields,
}

// ---- cases --------------------------------------------------------------------------------

const CASE_COLUMNS: &str = "id, guid, partner_account_id, created_at";

fn case_from_row(row: &Row<'_>) -> Result<CaseRecord, StoreError> {
    Ok(CaseRecord {
        id: row.get(0)?,
        guid: row.get(1)?,
        partner_account_id: row.get(2)?,
        created_at: row.get(3)?,
    })
}

pub fn insert_case(conn: &Tx, case: &CaseRecord) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO case_messages_cases (id, guid, partner_account_id, created_at) \
         VALUES (?1, ?2, ?3, ?4)",
        params![case.id, case.guid, case.partner_account_id, case.created_at],
    )?;
    Ok(())
}

/// The case with this guid (`guid` already lower case).
pub fn case_by_guid(conn: &Tx, guid: &str) -> Result<Option<CaseRecord>, StoreError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {CASE_COLUMNS} FROM case_messages_cases WHERE guid = ?1"
    ))?;
    statement.query_row([guid], case_from_row).optional()
}

pub fn count_cases(conn: &Tx) -> Result<u64, StoreError> {
    crate::store::count(conn, "SELECT COUNT(*) FROM case_messages_cases", &[])
}

// ---- messages -----------------------------------------------------------------------------

const MESSAGE_COLUMNS: &str = "m.id, c.guid, m.case_id, m.parent_message_id, \
     m.sender_account_id, m.sender_type, m.content, m.type, m.external_id, m.user_email, \
     m.user_name, m.agent_id, m.declared_at, m.confirmed_at, m.created_at, m.updated_at";

const MESSAGES_WITH_CASE: &str = "case_messages m JOIN case_messages_cases c ON c.id = m.case_id";

fn message_from_row(row: &Row<'_>) -> Result<MessageRecord, StoreError> {
    Ok(MessageRecord {
        id: row.get(0)?,
        guid: row.get(1)?,
        fields: MessageFields {
            case_id: row.get(2)?,
            parent_message_id: row.get(3)?,
            sender_account_id: row.get(4)?,
            sender_type: row.get(5)?,
            content: row.get(6)?,
            kind: row.get(7)?,
            external_id: row.get(8)?,
            user_email: row.get(9)?,
            user_name: row.get(10)?,
            agent_id: row.get(11)?,
            declared_at: row.get(12)?,
            confirmed_at: row.get(13)?,
            created_at: row.get(14)?,
            updated_at: row.get(15)?,
        },
    })
}

/// Stores a message with the id given (the demo data's), or the next one; its id.
pub fn insert_message(
    conn: &Tx,
    id: Option<i64>,
    message: &MessageFields,
) -> Result<i64, StoreError> {
    // The next id is the largest plus one, as SQLite's rowid gives it: written out, so
    // both engines give the same (two writers racing for it: one runs again).
    conn.query_row(
        "INSERT INTO case_messages (id, case_id, parent_message_id, sender_account_id, \
         sender_type, content, type, external_id, user_email, user_name, agent_id, \
         declared_at, confirmed_at, created_at, updated_at) \
         VALUES (COALESCE(?1, (SELECT COALESCE(MAX(id), 0) + 1 FROM case_messages)), \
         ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id",
        params![
            id,
            message.case_id,
            message.parent_message_id,
            message.sender_account_id,
            message.sender_type,
            message.content,
            message.kind,
            message.external_id,
            message.user_email,
            message.user_name,
            message.agent_id,
            message.declared_at,
            message.confirmed_at,
            message.created_at,
            message.updated_at,
        ],
        |row| row.get(0),
    )
}

pub fn message(conn: &Tx, id: i64) -> Result<Option<MessageRecord>, StoreError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM {MESSAGES_WITH_CASE} WHERE m.id = ?1"
    ))?;
    statement.query_row([id], message_from_row).optional()
}

/// The message of `case_id` that carries `external_id`, if any.
pub fn message_by_external_id(
    conn: &Tx,
    case_id: i64,
    external_id: &str,
) -> Result<Option<MessageRecord>, StoreError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM {MESSAGES_WITH_CASE} \
         WHERE m.case_id = ?1 AND m.external_id = ?2"
    ))?;
    statement
        .query_row(params![case_id, external_id], message_from_row)
        .optional()
}

/// Every message of a case, in the order they were stored.
pub fn messages_of(conn: &Tx, case_id: i64) -> Result<Vec<MessageRecord>, StoreError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM {MESSAGES_WITH_CASE} WHERE m.case_id = ?1 ORDER BY m.id"
    ))?;
    let rows = statement
        .query_map([case_id], message_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The partner account that owns the case of message `id`; `None` when no message has it.
pub fn owner_of_message(conn: &Tx, id: i64) -> Result<Option<(i64, String)>, StoreError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT c.partner_account_id, c.guid FROM {MESSAGES_WITH_CASE} WHERE m.id = ?1"
    ))?;
    statement
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()
}

/// Confirms message `id` at `now`; one confirmed already keeps its first `confirmedAt`.
pub fn confirm(conn: &Tx, id: i64, now: &str) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE case_messages SET confirmed_at = ?2, updated_at = ?2 \
         WHERE id = ?1 AND confirmed_at IS NULL",
        params![id, now],
    )?;
    Ok(())
}
