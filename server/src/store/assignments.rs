//! The assignee Switchboard keeps where the vendor has none (`docs/assignments.md`): one
//! row per assigned conversation of such a backend. Routes: `/api/assignments`
//! ([`crate::assignments`]).

use super::{params, Row, StoreError, Tx};

/// One kept assignment, as stored (its time as written by `format_instant`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignmentRow {
    pub conversation_id: String,
    pub agent_id: String,
    pub assigned_by: String,
    pub assigned_at: String,
}

/// Every kept assignment of `backend`, by conversation.
pub fn list(conn: &Tx, backend: &str) -> Result<Vec<AssignmentRow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT conversation_id, agent_id, assigned_by, assigned_at FROM assignments \
         WHERE backend = ?1 ORDER BY conversation_id",
    )?;
    let rows = statement
        .query_map(params![backend], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Assigns the conversation to `agent`, or leaves it unassigned (`None`); whether that
/// changed anything.
pub fn set(
    conn: &Tx,
    backend: &str,
    conversation_id: &str,
    agent: Option<&str>,
    by: &str,
    now: &str,
) -> Result<bool, StoreError> {
    let Some(agent) = agent else {
        let removed = conn.execute(
            "DELETE FROM assignments WHERE backend = ?1 AND conversation_id = ?2",
            params![backend, conversation_id],
        )?;
        return Ok(removed > 0);
    };
    let changed = conn.execute(
        "INSERT INTO assignments (backend, conversation_id, agent_id, assigned_by, assigned_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (backend, conversation_id) DO UPDATE SET \
         agent_id = excluded.agent_id, assigned_by = excluded.assigned_by, \
         assigned_at = excluded.assigned_at WHERE assignments.agent_id <> excluded.agent_id",
        params![backend, conversation_id, agent, by, now],
    )?;
    Ok(changed > 0)
}

fn row_of(row: &Row<'_>) -> Result<AssignmentRow, StoreError> {
    Ok(AssignmentRow {
        conversation_id: row.get(0)?,
        agent_id: row.get(1)?,
        assigned_by: row.get(2)?,
        assigned_at: row.get(3)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_conversation_has_one_kept_assignee_per_backend_until_unassigned() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                let now = "2026-12-06T10:00:00.000Z";
                assert!(set(conn, "octopia", "d-1", Some("a1"), "a2", now)?);
                assert!(
                    !set(conn, "octopia", "d-1", Some("a1"), "a3", now)?,
                    "the same"
                );
                assert!(set(conn, "octopia", "d-1", Some("a2"), "a2", now)?);
                assert!(set(conn, "case-messages", "d-1", Some("a1"), "a1", now)?);
                let kept = list(conn, "octopia")?;
                assert_eq!(kept.len(), 1);
                assert_eq!(
                    (kept[0].agent_id.as_str(), kept[0].assigned_by.as_str()),
                    ("a2", "a2")
                );
                assert!(set(conn, "octopia", "d-1", None, "a1", now)?);
                assert!(!set(conn, "octopia", "d-1", None, "a1", now)?);
                assert!(list(conn, "octopia")?.is_empty());
                assert_eq!(list(conn, "case-messages")?.len(), 1);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
