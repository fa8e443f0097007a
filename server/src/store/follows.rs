//! What the team follows on the backends that cannot list what exists (case messages by a
//! case's guid, support sessions by an order id): Switchboard's own list, per backend,
//! which the console reads to fill its inbox. Items are added when created or written
//! through Switchboard, by the demo data, and by an agent pasting an id; agents can stop
//! following one. Routes: `/api/follows/{backend}` ([`crate::directory`]).

use super::{StoreError, Tx};
use crate::store::params;
use serde::Serialize;

/// One followed item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Follow {
    pub item_id: String,
    pub added_at: String,
    /// The agent who added it; `None` when the server did.
    pub added_by: Option<String>,
}

/// Follows `item_id` on `backend`; following it again changes nothing.
pub fn follow(
    conn: &Tx,
    backend: &str,
    item_id: &str,
    now: &str,
    added_by: Option<&str>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO follows (backend, item_id, added_at, added_by) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (backend, item_id) DO NOTHING",
        params![backend, item_id, now, added_by],
    )?;
    Ok(())
}

/// Stops following; `false` when it was not followed.
pub fn unfollow(conn: &Tx, backend: &str, item_id: &str) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM follows WHERE backend = ?1 AND item_id = ?2",
        params![backend, item_id],
    )?;
    Ok(removed == 1)
}

/// Everything followed on `backend`, newest first.
pub fn list(conn: &Tx, backend: &str) -> Result<Vec<Follow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT item_id, added_at, added_by FROM follows WHERE backend = ?1 \
         ORDER BY added_at DESC, item_id",
    )?;
    let rows = statement
        .query_map([backend], |row| {
            Ok(Follow {
                item_id: row.get(0)?,
                added_at: row.get(1)?,
                added_by: row.get(2)?,
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
    fn following_is_once_per_backend_and_can_stop() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                follow(
                    conn,
                    "case-messages",
                    "g-1",
                    "2026-11-25T10:00:00.000Z",
                    None,
                )?;
                follow(
                    conn,
                    "case-messages",
                    "g-1",
                    "2026-11-25T11:00:00.000Z",
                    Some("a"),
                )?;
                follow(
                    conn,
                    "case-messages",
                    "g-2",
                    "2026-11-25T12:00:00.000Z",
                    Some("a"),
                )?;
                follow(
                    conn,
                    "support-sessions",
                    "g-1",
                    "2026-11-25T12:00:00.000Z",
                    None,
                )?;
                let listed = list(conn, "case-messages")?;
                assert_eq!(listed.len(), 2);
                assert_eq!(listed[0].item_id, "g-2", "newest first");
                assert_eq!(listed[1].added_by, None, "the first follow stands");
                assert!(unfollow(conn, "case-messages", "g-1")?);
                assert!(!unfollow(conn, "case-messages", "g-1")?);
                assert_eq!(list(conn, "case-messages")?.len(), 1);
                assert_eq!(list(conn, "support-sessions")?.len(), 1);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
