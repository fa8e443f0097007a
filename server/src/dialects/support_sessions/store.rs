//! The support sessions' tables (`support_sessions`, `support_session_history`) and the
//! only SQL this dialect runs: primitive reads and writes the handlers compose inside one
//! transaction. What a change may do (open twice, close what is closed) is decided in
//! [`super::changes`]; this module only reads and writes rows.

use crate::store::{count, StoreError, Tx};
use crate::store::{params, OptionalExtension, Row};

/// The order's agent as stored: its id and its rating, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentRecord {
    pub id: String,
    pub rating: Option<String>,
}

/// A session row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    pub order_id: String,
    /// E.164.
    pub callback_phone: Option<String>,
    pub agent: Option<AgentRecord>,
    pub is_open: bool,
    pub opened_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
}

/// Who made a change: a signed-in agent's id and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRecord {
    pub id: String,
    pub name: String,
}

/// One history row: what changed (the event's fields only), when and by whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRecord {
    /// A `HistoryEvent` of core: `opened`, `callback_phone_changed`, `agent_set`...
    pub event: String,
    pub at: String,
    pub by: Option<ActorRecord>,
    pub callback_phone: Option<String>,
    pub previous_callback_phone: Option<String>,
    pub agent: Option<AgentRecord>,
    pub previous_agent: Option<AgentRecord>,
}

fn flag(value: bool) -> i64 {
    i64::from(value)
}

fn agent_from(id: Option<String>, rating: Option<String>) -> Option<AgentRecord> {
    id.map(|id| AgentRecord { id, rating })
}

fn agent_columns(agent: &Option<AgentRecord>) -> (Option<&str>, Option<&str>) {
    match agent {
        Some(agent) => (Some(agent.id.as_str()), agent.rating.as_deref()),
        None => (None, None),
    }
}

const SESSION_COLUMNS: &str =
    "order_id, callback_phone, agent_id, agent_rating, is_open, opened_at, updated_at, closed_at";

fn session_from_row(row: &Row<'_>) -> Result<SessionRecord, StoreError> {
    Ok(SessionRecord {
        order_id: row.get(0)?,
        callback_phone: row.get(1)?,
        agent: agent_from(row.get(2)?, row.get(3)?),
        is_open: row.get::<_, i64>(4)? != 0,
        opened_at: row.get(5)?,
        updated_at: row.get(6)?,
        closed_at: row.get(7)?,
    })
}

pub fn count_sessions(conn: &Tx) -> Result<u64, StoreError> {
    count(conn, "SELECT COUNT(*) FROM support_sessions", &[])
}

pub fn get_session(conn: &Tx, order_id: &str) -> Result<Option<SessionRecord>, StoreError> {
    conn.prepare_cached(&format!(
        "SELECT {SESSION_COLUMNS} FROM support_sessions WHERE order_id = ?1"
    ))?
    .query_row([order_id], session_from_row)
    .optional()
}

/// Writes the session whole: a new row, or every column of the order's row.
pub fn save_session(conn: &Tx, record: &SessionRecord) -> Result<(), StoreError> {
    let (agent_id, agent_rating) = agent_columns(&record.agent);
    conn.prepare_cached(&format!(
        "INSERT INTO support_sessions ({SESSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (order_id) DO UPDATE SET callback_phone = excluded.callback_phone, \
         agent_id = excluded.agent_id, agent_rating = excluded.agent_rating, \
         is_open = excluded.is_open, opened_at = excluded.opened_at, \
         updated_at = excluded.updated_at, closed_at = excluded.closed_at"
    ))?
    .execute(params![
        record.order_id,
        record.callback_phone,
        agent_id,
        agent_rating,
        flag(record.is_open),
        record.opened_at,
        record.updated_at,
        record.closed_at,
    ])?;
    Ok(())
}

const HISTORY_COLUMNS: &str = "event, at, by_id, by_name, callback_phone, \
     previous_callback_phone, agent_id, agent_rating, previous_agent_id, previous_agent_rating";

/// Appends one change to the order's history.
pub fn insert_history(conn: &Tx, order_id: &str, entry: &HistoryRecord) -> Result<(), StoreError> {
    let (agent_id, agent_rating) = agent_columns(&entry.agent);
    let (previous_id, previous_rating) = agent_columns(&entry.previous_agent);
    conn.prepare_cached(&format!(
        "INSERT INTO support_session_history (order_id, {HISTORY_COLUMNS}) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    ))?
    .execute(params![
        order_id,
        entry.event,
        entry.at,
        entry.by.as_ref().map(|by| by.id.as_str()),
        entry.by.as_ref().map(|by| by.name.as_str()),
        entry.callback_phone,
        entry.previous_callback_phone,
        agent_id,
        agent_rating,
        previous_id,
        previous_rating,
    ])?;
    Ok(())
}

/// The order's history, oldest first.
pub fn history_of(conn: &Tx, order_id: &str) -> Result<Vec<HistoryRecord>, StoreError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {HISTORY_COLUMNS} FROM support_session_history WHERE order_id = ?1 ORDER BY seq"
    ))?;
    let rows = statement
        .query_map([order_id], |row| {
            let by_id: Option<String> = row.get(2)?;
            let by_name: Option<String> = row.get(3)?;
            Ok(HistoryRecord {
                event: row.get(0)?,
                at: row.get(1)?,
                by: by_id.map(|id| ActorRecord {
                    name: by_name.unwrap_or_else(|| id.clone()),
                    id,
                }),
                callback_phone: row.get(4)?,
                previous_callback_phone: row.get(5)?,
                agent: agent_from(row.get(6)?, row.get(7)?),
                previous_agent: agent_from(row.get(8)?, row.get(9)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn sessions_are_saved_whole_and_history_kept_in_order() {
        let store = Store::in_memory(&crate::dialects::migrations());
        store
            .run_blocking(|conn| {
                let mut session = SessionRecord {
                    order_id: "RIDE-1".into(),
                    callback_phone: Some("+33612345678".into()),
                    agent: None,
                    is_open: true,
                    opened_at: "2026-11-25T09:00:00.000Z".into(),
                    updated_at: "2026-11-25T09:00:00.000Z".into(),
                    closed_at: None,
                };
                save_session(conn, &session)?;
                session.agent = Some(AgentRecord {
                    id: "driver-1".into(),
                    rating: Some("gt 3 && lte 5".into()),
                });
                session.is_open = false;
                session.closed_at = Some("2026-11-25T10:00:00.000Z".into());
                save_session(conn, &session)?;
                assert_eq!(get_session(conn, "RIDE-1")?, Some(session.clone()));
                assert_eq!(get_session(conn, "RIDE-2")?, None);
                assert_eq!(count_sessions(conn)?, 1);
                let entry = |event: &str| HistoryRecord {
                    event: event.into(),
                    at: "2026-11-25T09:00:00.000Z".into(),
                    by: Some(ActorRecord {
                        id: "agent-camille".into(),
                        name: "Camille Laurent".into(),
                    }),
                    callback_phone: None,
                    previous_callback_phone: None,
                    agent: session.agent.clone(),
                    previous_agent: None,
                };
                insert_history(conn, "RIDE-1", &entry("opened"))?;
                insert_history(conn, "RIDE-1", &entry("agent_set"))?;
                let history = history_of(conn, "RIDE-1")?;
                assert_eq!(history, [entry("opened"), entry("agent_set")]);
                assert!(history_of(conn, "RIDE-2")?.is_empty());
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
