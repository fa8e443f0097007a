//! The SQLite store: schema, migrations, and the primitive queries the handlers compose
//! inside one transaction. Policy (what a contact message opens, who may be assigned)
//! lives with the routes; this module only reads and writes rows.
//!
//! Instants are stored as `format_instant` text (UTC, milliseconds), so ordering the text
//! orders the instants.

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use switchboard_core::directory::Agent;
use thiserror::Error;

/// A failure of the store itself, never of the request: it becomes a 500.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("a stored list is not valid JSON: {0}")]
    CorruptList(#[from] serde_json::Error),
    #[error("the database task did not finish: {0}")]
    TaskFailed(String),
}

/// Why the store could not be opened.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("cannot open the database at {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot prepare the database at {path}: {source}")]
    Migrate {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "the database at {path} has schema version {found}, newer than this server's {supported}; \
         use a newer server or another --db file"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
}

/// Each entry upgrades the schema by one version; `PRAGMA user_version` counts the applied ones.
const MIGRATIONS: &[&str] = &[
    // 1: the communication API's resources and the agents.
    r#"
CREATE TABLE agents (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT NOT NULL
);

CREATE TABLE conversations (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    trip_publication_id TEXT NOT NULL,
    trip_reference      TEXT NOT NULL,
    establishment_id    TEXT NOT NULL,
    customer_id         TEXT NOT NULL,
    assigned_agent_id   TEXT,
    participants        TEXT NOT NULL DEFAULT '[]',
    status              TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    -- Newest message's sendingDate, else created_at; kept by insert_message so the inbox
    -- can sort and page on an index.
    last_activity_at    TEXT NOT NULL
);
CREATE INDEX conversations_by_activity ON conversations (last_activity_at DESC, seq DESC);
CREATE INDEX conversations_by_customer ON conversations (customer_id);
CREATE INDEX conversations_by_agent ON conversations (assigned_agent_id);
CREATE INDEX conversations_by_establishment ON conversations (establishment_id);

CREATE TABLE messages (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    conversation_id  TEXT NOT NULL REFERENCES conversations (id),
    sending_date     TEXT NOT NULL,
    transmitter_id   TEXT,
    receiver_id      TEXT,
    transmitter_type TEXT NOT NULL,
    content          TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    status           TEXT NOT NULL,
    received_date    TEXT
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, sending_date DESC, seq DESC);

CREATE TABLE contact_messages (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    conversation_id TEXT REFERENCES conversations (id),
    sending_date    TEXT NOT NULL,
    receiver_id     TEXT,
    transmitter_id  TEXT,
    name            TEXT NOT NULL,
    mail            TEXT NOT NULL,
    object          TEXT NOT NULL,
    message         TEXT NOT NULL,
    required        TEXT NOT NULL DEFAULT 'null'
);
CREATE INDEX contact_messages_by_date ON contact_messages (sending_date DESC, seq DESC);

CREATE TABLE mails (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    sending_date     TEXT NOT NULL,
    receivers_id     TEXT NOT NULL,
    publication_id   TEXT,
    reservation_id   TEXT,
    product_type     TEXT,
    organization_id  TEXT,
    establishment_id TEXT,
    category         TEXT NOT NULL
);
"#,
    // 2: files sent with messages. The bytes live beside their metadata, so a message and its
    // files are written in one transaction; listings select every column but `data`.
    r#"
CREATE TABLE attachments (
    id         TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    file_name  TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_by_message ON attachments (message_id, position);
"#,
];

/// One SQLite connection shared by every request. SQLite serialises writers anyway, and one
/// connection keeps each request's transaction simple; the work runs on the blocking pool.
#[derive(Clone)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
}

impl Store {
    /// Opens (creating on first start) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, OpenError> {
        let open_error = |source| OpenError::Open {
            path: path.to_owned(),
            source,
        };
        let connection = Connection::open(path).map_err(open_error)?;
        Self::prepare(connection, path)
    }

    /// A private in-memory store, for unit tests.
    #[cfg(test)]
    pub fn in_memory() -> Store {
        let connection = Connection::open_in_memory().expect("SQLite can always open memory");
        Self::prepare(connection, Path::new(":memory:")).expect("the schema applies to memory")
    }

    fn prepare(mut connection: Connection, path: &Path) -> Result<Store, OpenError> {
        let migrate_error = |source| OpenError::Migrate {
            path: path.to_owned(),
            source,
        };
        connection
            .busy_timeout(Duration::from_secs(5))
            .map_err(migrate_error)?;
        // WAL lets a reader (the sqlite3 shell, a backup) look while the server writes.
        let _mode: String = connection
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(migrate_error)?;
        connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(migrate_error)?;
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(migrate_error)?;
        migrate(&mut connection, path)?;
        Ok(Store {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock dropped its Transaction, which rolled back, so the
        // connection is still consistent: take it back rather than fail every later request.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `work` in one transaction on the calling thread: committed when it returns
    /// `Ok`, rolled back otherwise. For startup; requests use [`Store::run`].
    pub fn run_blocking<R, E>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let mut connection = self.lock();
        let transaction = connection.transaction().map_err(StoreError::from)?;
        let result = work(&transaction)?;
        transaction.commit().map_err(StoreError::from)?;
        Ok(result)
    }

    /// Runs `work` in one transaction on the blocking pool, so SQLite's I/O never stalls
    /// the async workers.
    pub async fn run<R, E, F>(&self, work: F) -> Result<R, E>
    where
        F: FnOnce(&Transaction<'_>) -> Result<R, E> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.run_blocking(work))
            .await
            .map_err(|join_error| E::from(StoreError::TaskFailed(join_error.to_string())))?
    }
}

fn migrate(connection: &mut Connection, path: &Path) -> Result<(), OpenError> {
    let migrate_error = |source| OpenError::Migrate {
        path: path.to_owned(),
        source,
    };
    let supported = MIGRATIONS.len() as i64;
    let found: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(migrate_error)?;
    if found > supported {
        return Err(OpenError::NewerSchema {
            path: path.to_owned(),
            found,
            supported,
        });
    }
    for (index, script) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let transaction = connection.transaction().map_err(migrate_error)?;
        transaction.execute_batch(script).map_err(migrate_error)?;
        transaction
            .pragma_update(None, "user_version", index as i64 + 1)
            .map_err(migrate_error)?;
        transaction.commit().map_err(migrate_error)?;
    }
    Ok(())
}

// ---- records ------------------------------------------------------------------------------

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
    /// In the order they were sent; filled by the reads, written by [`insert_attachments`].
    pub attachments: Vec<AttachmentRecord>,
}

/// A file's metadata: what lists show. The bytes are read only by [`get_attachment`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentRecord {
    pub id: String,
    pub file_name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    pub created_at: String,
}

/// A checked file about to be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAttachment {
    pub record: AttachmentRecord,
    /// Shared with the request that brought it: no copy of a large file.
    pub data: axum::body::Bytes,
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
}

/// Which rows of an ordered list to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub offset: u64,
    pub limit: u32,
}

/// One page of rows and how many rows match in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice<T> {
    pub total: u64,
    pub rows: Vec<T>,
}

fn offset_param(window: Window) -> i64 {
    // Page numbers are u32 and sizes at most MAX_PAGE_SIZE, so this never saturates in use.
    i64::try_from(window.offset).unwrap_or(i64::MAX)
}

fn count(conn: &Connection, sql: &str, values: &[String]) -> Result<u64, StoreError> {
    let total: i64 = conn.query_row(sql, params_from_iter(values), |row| row.get(0))?;
    Ok(u64::try_from(total).unwrap_or(0))
}

// ---- agents -------------------------------------------------------------------------------

pub fn insert_agent(conn: &Connection, agent: &Agent) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO agents (id, name, email) VALUES (?1, ?2, ?3)",
        params![agent.id, agent.name, agent.email],
    )?;
    Ok(())
}

pub fn list_agents(conn: &Connection) -> Result<Vec<Agent>, StoreError> {
    let mut statement = conn.prepare_cached("SELECT id, name, email FROM agents ORDER BY name")?;
    let agents = statement
        .query_map([], |row| {
            Ok(Agent {
                id: row.get(0)?,
                name: row.get(1)?,
                email: row.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(agents)
}

pub fn agent_exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let found = conn
        .prepare_cached("SELECT 1 FROM agents WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?;
    Ok(found.is_some())
}

// ---- conversations ------------------------------------------------------------------------

const CONVERSATION_COLUMNS: &str = "id, trip_publication_id, trip_reference, establishment_id, \
     customer_id, assigned_agent_id, participants, status, created_at";

fn conversation_from_row(row: &Row<'_>) -> rusqlite::Result<(ConversationRecord, String)> {
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

pub fn count_conversations(conn: &Connection) -> Result<u64, StoreError> {
    count(conn, "SELECT COUNT(*) FROM conversations", &[])
}

pub fn conversation_exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let found = conn
        .prepare_cached("SELECT 1 FROM conversations WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?;
    Ok(found.is_some())
}

pub fn insert_conversation(
    conn: &Connection,
    record: &ConversationRecord,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO conversations (id, trip_publication_id, trip_reference, establishment_id, \
         customer_id, assigned_agent_id, participants, status, created_at, last_activity_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
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
        ],
    )?;
    Ok(())
}

/// Writes every field but `id` and `created_at`, which never change.
pub fn update_conversation(
    conn: &Connection,
    record: &ConversationRecord,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE conversations SET trip_publication_id = ?2, trip_reference = ?3, \
         establishment_id = ?4, customer_id = ?5, assigned_agent_id = ?6, participants = ?7, \
         status = ?8 WHERE id = ?1",
        params![
            record.id,
            record.trip_publication_id,
            record.trip_reference,
            record.establishment_id,
            record.customer_id,
            record.assigned_agent_id,
            serde_json::to_string(&record.participants)?,
            record.status,
        ],
    )?;
    Ok(())
}

pub fn get_conversation(
    conn: &Connection,
    id: &str,
) -> Result<Option<ConversationRecord>, StoreError> {
    let sql = format!("SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], conversation_from_row)
        .optional()?
        .map(with_participants)
        .transpose()
}

/// Newest activity first; the newest row wins a tie.
pub fn list_conversations(
    conn: &Connection,
    filter: &ConversationFilter,
    window: Window,
) -> Result<Slice<ConversationRecord>, StoreError> {
    let mut clauses = Vec::new();
    let mut values = Vec::new();
    let columns = [
        ("establishment_id", &filter.establishment_id),
        ("customer_id", &filter.customer_id),
        ("assigned_agent_id", &filter.assigned_agent_id),
        ("status", &filter.status),
    ];
    for (column, value) in columns {
        if let Some(value) = value {
            values.push(value.clone());
            clauses.push(format!("{column} = ?{}", values.len()));
        }
    }
    let where_clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
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

fn message_from_row(row: &Row<'_>) -> rusqlite::Result<MessageRecord> {
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

pub fn message_exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let found = conn
        .prepare_cached("SELECT 1 FROM messages WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?;
    Ok(found.is_some())
}

/// Inserts the message and refreshes its conversation's last activity.
pub fn insert_message(conn: &Connection, message: &MessageRecord) -> Result<(), StoreError> {
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
    conn: &Connection,
    conversation_id: &str,
) -> Result<Option<MessageRecord>, StoreError> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ?1 \
         ORDER BY sending_date DESC, seq DESC LIMIT 1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([conversation_id], message_from_row)
        .optional()?)
}

/// The newest message of a conversation, with its files.
pub fn last_message(
    conn: &Connection,
    conversation_id: &str,
) -> Result<Option<MessageRecord>, StoreError> {
    let mut last = last_message_alone(conn, conversation_id)?;
    fill_attachments(conn, last.as_mut_slice())?;
    Ok(last)
}

/// The newest message of each conversation, in the same order; the files of all of them
/// come in one query.
pub fn last_messages(
    conn: &Connection,
    conversation_ids: &[&str],
) -> Result<Vec<Option<MessageRecord>>, StoreError> {
    let mut lasts = conversation_ids
        .iter()
        .map(|id| last_message_alone(conn, id))
        .collect::<Result<Vec<_>, _>>()?;
    fill_attachments(conn, lasts.iter_mut().flatten())?;
    Ok(lasts)
}

/// Newest first, so the first window holds the latest messages.
pub fn list_messages(
    conn: &Connection,
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
    fill_attachments(conn, rows.iter_mut())?;
    Ok(Slice { total, rows })
}

// ---- attachments --------------------------------------------------------------------------

const ATTACHMENT_COLUMNS: &str = "id, file_name, media_type, size, sha256, created_at";

fn attachment_from_row(row: &Row<'_>) -> rusqlite::Result<AttachmentRecord> {
    Ok(AttachmentRecord {
        id: row.get(0)?,
        file_name: row.get(1)?,
        media_type: row.get(2)?,
        size: u64::try_from(row.get::<_, i64>(3)?).unwrap_or(0),
        sha256: row.get(4)?,
        created_at: row.get(5)?,
    })
}

/// Stores a message's files, in the given order. The message must exist already.
pub fn insert_attachments(
    conn: &Connection,
    message_id: &str,
    files: &[NewAttachment],
) -> Result<(), StoreError> {
    let mut statement = conn.prepare_cached(
        "INSERT INTO attachments (id, message_id, position, file_name, media_type, size, sha256, \
         data, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, file) in files.iter().enumerate() {
        let record = &file.record;
        statement.execute(params![
            record.id,
            message_id,
            i64::try_from(position).unwrap_or(i64::MAX),
            record.file_name,
            record.media_type,
            i64::try_from(record.size).unwrap_or(i64::MAX),
            record.sha256,
            &file.data[..],
            record.created_at,
        ])?;
    }
    Ok(())
}

/// Gives each message its files' metadata: one query for all of them, never the bytes.
pub fn fill_attachments<'a>(
    conn: &Connection,
    messages: impl IntoIterator<Item = &'a mut MessageRecord>,
) -> Result<(), StoreError> {
    let mut messages: Vec<&mut MessageRecord> = messages.into_iter().collect();
    if messages.is_empty() {
        return Ok(());
    }
    // One JSON array parameter instead of a variable-length IN list: the statement stays
    // the same, so it is prepared once.
    let ids = serde_json::to_string(&messages.iter().map(|m| &m.id).collect::<Vec<_>>())?;
    let sql = format!(
        "SELECT {ATTACHMENT_COLUMNS}, message_id FROM attachments \
         WHERE message_id IN (SELECT value FROM json_each(?1)) ORDER BY message_id, position"
    );
    let mut by_message: HashMap<String, Vec<AttachmentRecord>> = HashMap::new();
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([ids], |row| {
        Ok((row.get::<_, String>(6)?, attachment_from_row(row)?))
    })?;
    for row in rows {
        let (message_id, record) = row?;
        by_message.entry(message_id).or_default().push(record);
    }
    for message in &mut messages {
        message.attachments = by_message.remove(&message.id).unwrap_or_default();
    }
    Ok(())
}

/// A file with its bytes, for download.
pub fn get_attachment(
    conn: &Connection,
    id: &str,
) -> Result<Option<(AttachmentRecord, Vec<u8>)>, StoreError> {
    let sql = format!("SELECT {ATTACHMENT_COLUMNS}, data FROM attachments WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |row| Ok((attachment_from_row(row)?, row.get(6)?)))
        .optional()?)
}

// ---- contact messages ---------------------------------------------------------------------

const CONTACT_COLUMNS: &str = "id, conversation_id, sending_date, receiver_id, transmitter_id, \
     name, mail, object, message, required";

fn contact_from_row(row: &Row<'_>) -> rusqlite::Result<(ContactRecord, String)> {
    Ok((
        ContactRecord {
            id: row.get(0)?,
            conversation_id: row.get(1)?,
            sending_date: row.get(2)?,
            receiver_id: row.get(3)?,
            transmitter_id: row.get(4)?,
            name: row.get(5)?,
            mail: row.get(6)?,
            object: row.get(7)?,
            message: row.get(8)?,
            required: serde_json::Value::Null,
        },
        row.get(9)?,
    ))
}

fn with_required(
    (mut record, required): (ContactRecord, String),
) -> Result<ContactRecord, StoreError> {
    record.required = serde_json::from_str(&required)?;
    Ok(record)
}

pub fn insert_contact(conn: &Connection, contact: &ContactRecord) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO contact_messages (id, conversation_id, sending_date, receiver_id, \
         transmitter_id, name, mail, object, message, required) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            contact.id,
            contact.conversation_id,
            contact.sending_date,
            contact.receiver_id,
            contact.transmitter_id,
            contact.name,
            contact.mail,
            contact.object,
            contact.message,
            serde_json::to_string(&contact.required)?,
        ],
    )?;
    Ok(())
}

pub fn get_contact(conn: &Connection, id: &str) -> Result<Option<ContactRecord>, StoreError> {
    let sql = format!("SELECT {CONTACT_COLUMNS} FROM contact_messages WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], contact_from_row)
        .optional()?
        .map(with_required)
        .transpose()
}

/// Newest first.
pub fn list_contacts(
    conn: &Connection,
    window: Window,
) -> Result<Slice<ContactRecord>, StoreError> {
    let total = count(conn, "SELECT COUNT(*) FROM contact_messages", &[])?;
    let sql = format!(
        "SELECT {CONTACT_COLUMNS} FROM contact_messages \
         ORDER BY sending_date DESC, seq DESC LIMIT {} OFFSET {}",
        window.limit,
        offset_param(window)
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([], contact_from_row)?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(with_required)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Slice { total, rows })
}

// ---- mails --------------------------------------------------------------------------------

pub fn insert_mail(conn: &Connection, mail: &MailRecord) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO mails (id, sending_date, receivers_id, publication_id, reservation_id, \
         product_type, organization_id, establishment_id, category) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            mail.id,
            mail.sending_date,
            serde_json::to_string(&mail.receivers_id)?,
            mail.publication_id,
            mail.reservation_id,
            mail.product_type,
            mail.organization_id,
            mail.establishment_id,
            mail.category,
        ],
    )?;
    Ok(())
}

pub fn get_mail(conn: &Connection, id: &str) -> Result<Option<MailRecord>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT id, sending_date, receivers_id, publication_id, reservation_id, \
             product_type, organization_id, establishment_id, category FROM mails WHERE id = ?1",
        )?
        .query_row([id], |row| {
            Ok((
                MailRecord {
                    id: row.get(0)?,
                    sending_date: row.get(1)?,
                    receivers_id: Vec::new(),
                    publication_id: row.get(3)?,
                    reservation_id: row.get(4)?,
                    product_type: row.get(5)?,
                    organization_id: row.get(6)?,
                    establishment_id: row.get(7)?,
                    category: row.get(8)?,
                },
                row.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    row.map(|(mut mail, receivers)| {
        mail.receivers_id = serde_json::from_str(&receivers)?;
        Ok(mail)
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conversation(id: &str, created_at: &str) -> ConversationRecord {
        ConversationRecord {
            id: id.into(),
            trip_publication_id: "pub".into(),
            trip_reference: "TRIP-1".into(),
            establishment_id: "est".into(),
            customer_id: "ana@example.es".into(),
            assigned_agent_id: None,
            participants: vec!["ana@example.es".into()],
            status: "OPEN".into(),
            created_at: created_at.into(),
        }
    }

    fn message(id: &str, conversation_id: &str, sending_date: &str) -> MessageRecord {
        MessageRecord {
            id: id.into(),
            conversation_id: conversation_id.into(),
            sending_date: sending_date.into(),
            transmitter_id: None,
            receiver_id: None,
            transmitter_type: "CUSTOMER".into(),
            content: format!("message {id}"),
            content_type: "TEXT".into(),
            status: "SENT".into(),
            received_date: None,
            attachments: Vec::new(),
        }
    }

    fn file(id: &str, name: &str, data: &'static [u8]) -> NewAttachment {
        NewAttachment {
            record: AttachmentRecord {
                id: id.into(),
                file_name: name.into(),
                media_type: "image/png".into(),
                size: data.len() as u64,
                sha256: "00".into(),
                created_at: "2026-01-01T00:00:00.000Z".into(),
            },
            data: axum::body::Bytes::from_static(data),
        }
    }

    const ALL: Window = Window {
        offset: 0,
        limit: 100,
    };

    #[test]
    fn conversations_order_by_last_message_else_creation() {
        let store = Store::in_memory();
        store
            .run_blocking(|conn| {
                insert_conversation(conn, &conversation("old", "2026-01-01T00:00:00.000Z"))?;
                insert_conversation(conn, &conversation("new", "2026-01-05T00:00:00.000Z"))?;
                insert_conversation(conn, &conversation("quiet", "2026-01-03T00:00:00.000Z"))?;
                // The oldest conversation gets the newest message, so it moves to the top.
                insert_message(conn, &message("m1", "old", "2026-01-09T00:00:00.000Z"))?;
                // An older message never moves a conversation back.
                insert_message(conn, &message("m0", "old", "2025-12-31T00:00:00.000Z"))?;
                let ids: Vec<_> = list_conversations(conn, &ConversationFilter::default(), ALL)?
                    .rows
                    .into_iter()
                    .map(|c| c.id)
                    .collect();
                assert_eq!(ids, ["old", "new", "quiet"]);
                let last = last_message(conn, "old")?.map(|m| m.id);
                assert_eq!(last.as_deref(), Some("m1"));
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn filters_combine_and_pages_count_everything() {
        let store = Store::in_memory();
        store
            .run_blocking(|conn| {
                for index in 0..7 {
                    let mut record = conversation(
                        &format!("c{index}"),
                        &format!("2026-01-0{index}T00:00:00.000Z"),
                    );
                    if index % 2 == 0 {
                        record.status = "CLOSED".into();
                    }
                    insert_conversation(conn, &record)?;
                }
                let closed = ConversationFilter {
                    status: Some("CLOSED".into()),
                    customer_id: Some("ana@example.es".into()),
                    ..Default::default()
                };
                let page = list_conversations(
                    conn,
                    &closed,
                    Window {
                        offset: 2,
                        limit: 3,
                    },
                )?;
                assert_eq!(page.total, 4);
                let ids: Vec<_> = page.rows.iter().map(|c| c.id.as_str()).collect();
                assert_eq!(ids, ["c2", "c0"]);
                let past_the_end = list_conversations(
                    conn,
                    &closed,
                    Window {
                        offset: 40,
                        limit: 3,
                    },
                )?;
                assert!(past_the_end.rows.is_empty());
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn a_failed_transaction_leaves_nothing_behind() {
        let store = Store::in_memory();
        let result: Result<(), StoreError> = store.run_blocking(|conn| {
            insert_conversation(conn, &conversation("c", "2026-01-01T00:00:00.000Z"))?;
            // Same id again: the UNIQUE constraint fails and the whole transaction goes.
            insert_conversation(conn, &conversation("c", "2026-01-01T00:00:00.000Z"))?;
            Ok(())
        });
        assert!(result.is_err());
        let total = store
            .run_blocking(|conn| count_conversations(conn))
            .unwrap();
        assert_eq!(total, 0);
    }

    #[test]
    fn files_come_with_their_messages_in_order() {
        let store = Store::in_memory();
        store
            .run_blocking(|conn| {
                insert_conversation(conn, &conversation("c", "2026-01-01T00:00:00.000Z"))?;
                insert_message(conn, &message("m1", "c", "2026-01-02T00:00:00.000Z"))?;
                insert_message(conn, &message("m2", "c", "2026-01-03T00:00:00.000Z"))?;
                insert_attachments(
                    conn,
                    "m1",
                    &[
                        file("a2", "b.png", b"second"),
                        file("a1", "a.png", b"first"),
                    ],
                )?;
                let page = list_messages(conn, "c", ALL)?;
                let m1 = page.rows.iter().find(|m| m.id == "m1").unwrap();
                let names: Vec<_> = m1
                    .attachments
                    .iter()
                    .map(|a| a.file_name.as_str())
                    .collect();
                assert_eq!(names, ["b.png", "a.png"], "sent order, not id order");
                assert_eq!(m1.attachments[0].size, 6);
                let m2 = page.rows.iter().find(|m| m.id == "m2").unwrap();
                assert!(m2.attachments.is_empty());
                insert_attachments(conn, "m2", &[file("a3", "c.png", b"third")])?;
                let lasts = last_messages(conn, &["c", "nowhere"])?;
                assert_eq!(lasts[0].as_ref().unwrap().attachments[0].id, "a3");
                assert!(lasts[1].is_none());
                let (record, data) = get_attachment(conn, "a1")?.unwrap();
                assert_eq!(
                    (record.file_name.as_str(), &data[..]),
                    ("a.png", &b"first"[..])
                );
                assert!(get_attachment(conn, "nope")?.is_none());
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn listing_files_uses_the_index_and_never_reads_the_bytes() {
        let store = Store::in_memory();
        store
            .run_blocking(|conn| {
                let plan: Vec<String> = conn
                    .prepare(
                        "EXPLAIN QUERY PLAN SELECT id FROM attachments \
                         WHERE message_id IN (SELECT value FROM json_each(?1))",
                    )?
                    .query_map(["[]"], |row| row.get::<_, String>(3))?
                    .collect::<Result<_, _>>()?;
                assert!(
                    plan.iter()
                        .any(|step| step.contains("attachments_by_message")),
                    "{plan:?}"
                );
                Ok::<_, StoreError>(())
            })
            .unwrap();
        assert!(!ATTACHMENT_COLUMNS.contains("data"));
    }

    #[test]
    fn a_first_version_database_is_upgraded_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.sqlite3");
        let connection = Connection::open(&path).unwrap();
        connection.execute_batch(MIGRATIONS[0]).unwrap();
        connection.pragma_update(None, "user_version", 1).unwrap();
        connection
            .execute(
                "INSERT INTO conversations (id, trip_publication_id, trip_reference, \
                 establishment_id, customer_id, status, created_at, last_activity_at) \
                 VALUES ('c', 'p', 'r', 'e', 'x', 'OPEN', '2026', '2026')",
                [],
            )
            .unwrap();
        drop(connection);
        let store = Store::open(&path).unwrap();
        store
            .run_blocking(|conn| {
                let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
                assert_eq!(version, MIGRATIONS.len() as i64);
                assert!(get_conversation(conn, "c")?.is_some(), "the old rows stay");
                insert_message(conn, &message("m", "c", "2026-01-02T00:00:00.000Z"))?;
                insert_attachments(conn, "m", &[file("a", "a.png", b"x")])?;
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.sqlite3");
        let connection = Connection::open(&path).unwrap();
        connection.pragma_update(None, "user_version", 99).unwrap();
        drop(connection);
        let error = Store::open(&path).err().unwrap();
        assert!(error.to_string().contains("schema version 99"), "{error}");
    }
}
