//! The `events` table: what changed, numbered in commit order, for the consoles' stream.
//! On PostgreSQL, writers take one transaction-scoped advisory lock before they insert, so
//! a number is never committed after a larger one (a reader that saw 11 never misses 10);
//! the lock is held only from the insert to the commit of a tiny transaction.

use super::{params, EngineKind, OptionalExtension, StoreError, Tx};

/// The advisory lock event writers queue on ("SWEV" in ASCII).
const EVENTS_LOCK: i64 = 0x5357_4556;

/// The PostgreSQL channel that tells every instance something was recorded: its
/// notifications are delivered at commit, the event itself stays in the table.
pub const CHANNEL: &str = "switchboard_events";

/// One change, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRecord {
    pub id: i64,
    pub backend: String,
    pub item: Option<String>,
    pub kind: String,
    /// The console whose write it was, as it named itself.
    pub origin: Option<String>,
    pub at: String,
}

/// What one event says: which conversation of which backend, how, and whose write it was.
#[derive(Clone, Copy, Debug)]
pub struct Change<'a> {
    pub backend: &'a str,
    pub item: Option<&'a str>,
    pub kind: &'a str,
    pub origin: Option<&'a str>,
}

impl<'a> Change<'a> {
    /// A change of one conversation, of `kind`, written by the console `origin` names.
    pub fn of_conversation(
        backend: &'a str,
        conversation: &'a str,
        kind: &'a str,
        origin: Option<&'a str>,
    ) -> Change<'a> {
        Change {
            backend,
            item: Some(conversation),
            kind,
            origin,
        }
    }
}

/// Records one change; its number.
pub fn record(conn: &Tx, change: Change<'_>, at: &str) -> Result<i64, StoreError> {
    if conn.engine() == EngineKind::Postgres {
        conn.query_row(
            "SELECT pg_advisory_xact_lock(?1)",
            params![EVENTS_LOCK],
            |_| Ok(()),
        )?;
    }
    let id = conn.query_row(
        "INSERT INTO events (backend, item, kind, origin, at) VALUES (?1, ?2, ?3, ?4, ?5) \
         RETURNING id",
        params![change.backend, change.item, change.kind, change.origin, at],
        |row| row.get(0),
    )?;
    if conn.engine() == EngineKind::Postgres {
        conn.query_row("SELECT pg_notify(?1, '')", params![CHANNEL], |_| Ok(()))?;
    }
    Ok(id)
}

/// The changes after `after`, oldest first, at most `limit`.
pub fn after(conn: &Tx, after: i64, limit: u32) -> Result<Vec<EventRecord>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, backend, item, kind, origin, at FROM events WHERE id > ?1 \
         ORDER BY id LIMIT ?2",
    )?;
    let rows = statement.query_map(params![after, limit], |row| {
        Ok(EventRecord {
            id: row.get(0)?,
            backend: row.get(1)?,
            item: row.get(2)?,
            kind: row.get(3)?,
            origin: row.get(4)?,
            at: row.get(5)?,
        })
    })?;
    rows.collect()
}

/// Whether a change of `backend`'s `item` was recorded at `since` or later (a write through
/// Switchboard announced it already).
pub fn announced_since(
    conn: &Tx,
    backend: &str,
    item: &str,
    since: &str,
) -> Result<bool, StoreError> {
    conn.query_row(
        "SELECT 1 FROM events WHERE backend = ?1 AND item = ?2 AND at >= ?3 LIMIT 1",
        params![backend, item, since],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

/// The smallest and largest numbers kept, if any.
pub fn bounds(conn: &Tx) -> Result<Option<(i64, i64)>, StoreError> {
    conn.query_row("SELECT MIN(id), MAX(id) FROM events", [], |row| {
        Ok(row
            .get::<_, Option<i64>>(0)?
            .zip(row.get::<_, Option<i64>>(1)?))
    })
    .optional()
    .map(Option::flatten)
}

/// Forgets the changes recorded before `before` (an instant), but never the newest, so
/// numbers are never given twice.
pub fn sweep(conn: &Tx, before: &str) -> Result<usize, StoreError> {
    conn.execute(
        "DELETE FROM events WHERE at < ?1 AND id < (SELECT MAX(id) FROM events)",
        params![before],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrations::SWITCHBOARD_ONLY;
    use crate::store::Store;

    fn change<'a>(backend: &'a str, item: Option<&'a str>) -> Change<'a> {
        Change {
            backend,
            item,
            kind: "message",
            origin: item.map(|_| "tab-1"),
        }
    }

    #[test]
    fn changes_are_numbered_in_order_read_after_a_number_and_swept_but_the_newest() {
        let store = Store::in_memory(SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                assert_eq!(bounds(conn)?, None);
                let first = record(
                    conn,
                    change("octopia", Some("d-1")),
                    "2026-12-01T00:00:00.000Z",
                )?;
                let second = record(
                    conn,
                    change("communication", None),
                    "2026-12-02T00:00:00.000Z",
                )?;
                assert!(second > first);
                let seen = after(conn, first, 10)?;
                assert_eq!(seen.len(), 1);
                assert_eq!(seen[0].backend, "communication");
                assert_eq!(seen[0].item, None);
                assert_eq!(after(conn, 0, 1)?[0].item.as_deref(), Some("d-1"));
                assert_eq!(after(conn, 0, 1)?[0].origin.as_deref(), Some("tab-1"));
                assert_eq!(bounds(conn)?, Some((first, second)));
                assert!(announced_since(
                    conn,
                    "octopia",
                    "d-1",
                    "2026-12-01T00:00:00.000Z"
                )?);
                assert!(!announced_since(
                    conn,
                    "octopia",
                    "d-1",
                    "2026-12-01T00:00:00.001Z"
                )?);
                assert!(!announced_since(
                    conn,
                    "communication",
                    "d-1",
                    "2026-01-01T00:00:00.000Z"
                )?);
                assert_eq!(
                    sweep(conn, "2027-01-01T00:00:00.000Z")?,
                    1,
                    "the newest stays"
                );
                assert_eq!(bounds(conn)?, Some((second, second)));
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
