//! PostCenter's tables (`postcenter_cms`, `postcenter_tickets`, `postcenter_messages`)
//! and the only SQL this dialect runs: primitive reads and writes the handlers compose
//! inside one transaction. What a close or a reassignment may do is decided in
//! [`super::assign`] and the handlers; this module only reads and writes rows.

use crate::store::{count, StoreError, Tx};
use crate::store::{params, OptionalExtension, Row};

/// An agent ("cm") as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CmRecord {
    pub cmid: i64,
    pub name: String,
    pub email: Option<String>,
    pub channel: String,
    pub is_online: bool,
}

/// A ticket as the three shapes need it: its row, its assignee and its last message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketRecord {
    pub id: String,
    pub identifier: i64,
    pub state: String,
    pub channel: String,
    pub subject: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub cm: Option<CmRecord>,
    pub last_author: Option<String>,
    pub last_content: Option<String>,
}

/// A ticket to write (the seed's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTicket {
    pub id: String,
    pub identifier: i64,
    pub state: String,
    pub channel: String,
    pub subject: Option<String>,
    pub customer_name: String,
    pub customer_account: String,
    pub country_id: Option<String>,
    pub page_id: Option<String>,
    pub uid: Option<String>,
    pub cmid: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// A message row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRecord {
    pub position: i64,
    pub content: String,
    pub author_id: String,
    pub author_name: String,
    pub author_account: String,
    pub created_at: String,
    pub media: Option<String>,
}

/// A channel's tickets created in `[from, to)`, from the cursor's ticket on (itself
/// included) when there is one: newest first, ties by id, stable across pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeQuery {
    pub channel: String,
    pub from: String,
    pub to: String,
    /// The cursor ticket's `(created_at, id)`.
    pub after: Option<(String, String)>,
    pub limit: usize,
}

const TICKET_SELECT: &str = "SELECT t.id, t.identifier, t.state, t.channel, t.subject, \
     t.created_at, t.updated_at, c.cmid, c.name, c.email, c.channel, c.is_online, \
     (SELECT m.author_name FROM postcenter_messages m WHERE m.ticket_id = t.id \
      ORDER BY m.position DESC LIMIT 1), \
     (SELECT m.content FROM postcenter_messages m WHERE m.ticket_id = t.id \
      ORDER BY m.position DESC LIMIT 1) \
     FROM postcenter_tickets t LEFT JOIN postcenter_cms c ON c.cmid = t.cmid";

/// Newest first; ties broken by id, so every order is total.
const NEWEST_FIRST: &str = "ORDER BY t.created_at DESC, t.id DESC";

fn ticket_from_row(row: &Row<'_>) -> Result<TicketRecord, StoreError> {
    let cm = match row.get::<_, Option<i64>>(7)? {
        Some(cmid) => Some(CmRecord {
            cmid,
            name: row.get(8)?,
            email: row.get(9)?,
            channel: row.get(10)?,
            is_online: row.get::<_, i64>(11)? != 0,
        }),
        None => None,
    };
    Ok(TicketRecord {
        id: row.get(0)?,
        identifier: row.get(1)?,
        state: row.get(2)?,
        channel: row.get(3)?,
        subject: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        cm,
        last_author: row.get(12)?,
        last_content: row.get(13)?,
    })
}

fn cm_from_row(row: &Row<'_>) -> Result<CmRecord, StoreError> {
    Ok(CmRecord {
        cmid: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        channel: row.get(3)?,
        is_online: row.get::<_, i64>(4)? != 0,
    })
}

fn tickets_where(
    conn: &Tx,
    clause: &str,
    values: &[&dyn crate::store::Bind],
) -> Result<Vec<TicketRecord>, StoreError> {
    let sql = format!("{TICKET_SELECT} WHERE {clause} {NEWEST_FIRST}");
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(values, ticket_from_row)?;
    rows.collect::<Result<_, StoreError>>()
}

pub fn count_tickets(conn: &Tx) -> Result<u64, StoreError> {
    count(conn, "SELECT COUNT(*) FROM postcenter_tickets", &[])
}

pub fn get_ticket(conn: &Tx, id: &str) -> Result<Option<TicketRecord>, StoreError> {
    Ok(tickets_where(conn, "t.id = ?1", &[&id])?.into_iter().next())
}

/// The API id of the ticket agents know by `identifier`.
pub fn id_by_identifier(conn: &Tx, identifier: i64) -> Result<Option<String>, StoreError> {
    conn.prepare_cached("SELECT id FROM postcenter_tickets WHERE identifier = ?1")?
        .query_row([identifier], |row| row.get(0))
        .optional()
}

/// A customer's tickets by `country_id`, newest first.
pub fn tickets_of_country(conn: &Tx, country_id: &str) -> Result<Vec<TicketRecord>, StoreError> {
    tickets_where(conn, "t.country_id = ?1", &[&country_id])
}

/// A Facebook user's tickets on a page, newest first.
pub fn tickets_of_facebook_user(
    conn: &Tx,
    page_id: &str,
    uid: &str,
) -> Result<Vec<TicketRecord>, StoreError> {
    tickets_where(conn, "t.page_id = ?1 AND t.uid = ?2", &[&page_id, &uid])
}

/// The ids of the tickets in `state`, newest first.
pub fn ids_in_state(conn: &Tx, state: &str) -> Result<Vec<String>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT t.id FROM postcenter_tickets t WHERE t.state = ?1 \
         ORDER BY t.created_at DESC, t.id DESC",
    )?;
    let rows = statement.query_map([state], |row| row.get(0))?;
    rows.collect::<Result<_, StoreError>>()
}

/// A channel's ticket with this id created in `[from, to)`: what a cursor must name.
pub fn ticket_in_range(
    conn: &Tx,
    query: &RangeQuery,
    id: &str,
) -> Result<Option<(String, String)>, StoreError> {
    conn.prepare_cached(
        "SELECT created_at, id FROM postcenter_tickets WHERE id = ?1 AND channel = ?2 \
             AND created_at >= ?3 AND created_at < ?4",
    )?
    .query_row(params![id, query.channel, query.from, query.to], |row| {
        Ok((row.get(0)?, row.get(1)?))
    })
    .optional()
}

/// Up to `query.limit` tickets of the range, from the cursor on.
pub fn tickets_in_range(conn: &Tx, query: &RangeQuery) -> Result<Vec<TicketRecord>, StoreError> {
    let limit = i64::try_from(query.limit).unwrap_or(i64::MAX);
    let (after_created, after_id) = match &query.after {
        Some((created, id)) => (Some(created.as_str()), Some(id.as_str())),
        None => (None, None),
    };
    let sql = format!(
        "{TICKET_SELECT} WHERE t.channel = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 \
         AND (CAST(?4 AS TEXT) IS NULL OR t.created_at < ?4 OR (t.created_at = ?4 AND t.id <= ?5)) \
         {NEWEST_FIRST} LIMIT ?6"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(
        params![
            query.channel,
            query.from,
            query.to,
            after_created,
            after_id,
            limit
        ],
        ticket_from_row,
    )?;
    rows.collect::<Result<_, StoreError>>()
}

/// A ticket's messages, newest first as the document shows them.
pub fn messages_of(conn: &Tx, ticket_id: &str) -> Result<Vec<MessageRecord>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT position, content, author_id, author_name, author_account, created_at, media \
         FROM postcenter_messages WHERE ticket_id = ?1 ORDER BY position DESC",
    )?;
    let rows = statement.query_map([ticket_id], |row| {
        Ok(MessageRecord {
            position: row.get(0)?,
            content: row.get(1)?,
            author_id: row.get(2)?,
            author_name: row.get(3)?,
            author_account: row.get(4)?,
            created_at: row.get(5)?,
            media: row.get(6)?,
        })
    })?;
    rows.collect::<Result<_, StoreError>>()
}

/// Sets a ticket's state and its update time.
pub fn set_state(conn: &Tx, id: &str, state: &str, now: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE postcenter_tickets SET state = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, state, now])?;
    Ok(())
}

/// Sets a ticket's assignee and its update time.
pub fn set_cm(conn: &Tx, id: &str, cmid: i64, now: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE postcenter_tickets SET cmid = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, cmid, now])?;
    Ok(())
}

/// The online agents of a channel team with their open workload (tickets `open` or
/// `inProgress` assigned to them), the least loaded first, ties by lowest cmid.
pub fn online_cms_by_workload(
    conn: &Tx,
    channel: &str,
) -> Result<Vec<(CmRecord, i64)>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT c.cmid, c.name, c.email, c.channel, c.is_online, \
         (SELECT COUNT(*) FROM postcenter_tickets t WHERE t.cmid = c.cmid \
          AND t.state IN ('open', 'inProgress')) AS workload \
         FROM postcenter_cms c WHERE c.channel = ?1 AND c.is_online = 1 \
         ORDER BY workload ASC, c.cmid ASC",
    )?;
    let rows = statement.query_map([channel], |row| Ok((cm_from_row(row)?, row.get(5)?)))?;
    rows.collect::<Result<_, StoreError>>()
}

pub fn insert_cm(conn: &Tx, cm: &CmRecord) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO postcenter_cms (cmid, name, email, channel, is_online) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        cm.cmid,
        cm.name,
        cm.email,
        cm.channel,
        i64::from(cm.is_online)
    ])?;
    Ok(())
}

pub fn insert_ticket(conn: &Tx, ticket: &NewTicket) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO postcenter_tickets (id, identifier, state, channel, subject, \
         customer_name, customer_account, country_id, page_id, uid, cmid, created_at, \
         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        ticket.id,
        ticket.identifier,
        ticket.state,
        ticket.channel,
        ticket.subject,
        ticket.customer_name,
        ticket.customer_account,
        ticket.country_id,
        ticket.page_id,
        ticket.uid,
        ticket.cmid,
        ticket.created_at,
        ticket.updated_at,
    ])?;
    Ok(())
}

pub fn insert_message(
    conn: &Tx,
    ticket_id: &str,
    message: &MessageRecord,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO postcenter_messages (ticket_id, position, content, author_id, \
         author_name, author_account, created_at, media) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        ticket_id,
        message.position,
        message.content,
        message.author_id,
        message.author_name,
        message.author_account,
        message.created_at,
        message.media,
    ])?;
    Ok(())
}
