//! Each backend's response-deadline policy as an admin set it (`docs/deadlines.md`), kept
//! as JSON; a backend without a row has its default. Routes: `/api/deadline-policies`
//! ([`crate::deadlines`]).

use super::{params, Row, StoreError, Tx};

/// One backend's policy as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyRow {
    pub backend: String,
    pub policy: String,
    pub updated_by: String,
    pub updated_at: String,
}

/// Every policy an admin set.
pub fn list(conn: &Tx) -> Result<Vec<PolicyRow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT backend, policy, updated_by, updated_at FROM deadline_policies ORDER BY backend",
    )?;
    let rows = statement
        .query_map(params![], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Sets a backend's policy, over the one it had.
pub fn set(conn: &Tx, row: &PolicyRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO deadline_policies (backend, policy, updated_by, updated_at) \
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT (backend) DO UPDATE SET \
         policy = excluded.policy, updated_by = excluded.updated_by, \
         updated_at = excluded.updated_at",
        params![row.backend, row.policy, row.updated_by, row.updated_at],
    )?;
    Ok(())
}

fn row_of(row: &Row<'_>) -> Result<PolicyRow, StoreError> {
    Ok(PolicyRow {
        backend: row.get(0)?,
        policy: row.get(1)?,
        updated_by: row.get(2)?,
        updated_at: row.get(3)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_policy_set_again_replaces_the_first() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                let row = |policy: &str| PolicyRow {
                    backend: "octopia".into(),
                    policy: policy.into(),
                    updated_by: "agent-camille".into(),
                    updated_at: "2026-12-06T10:00:00.000Z".into(),
                };
                set(conn, &row("first"))?;
                set(conn, &row("second"))?;
                let kept: Vec<String> = list(conn)?.into_iter().map(|r| r.policy).collect();
                assert_eq!(kept, ["second"]);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
