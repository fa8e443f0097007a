//! Each agent's identity on each vendor: the vendor's id for the agent (Octopia's user id,
//! PostCenter's `cmid`, the communication API's agent id, case messages' author), and the
//! email and display name where the vendor's document reads them. A forwarded vendor only
//! sees the team's credentials; the gateway writes the author of a write from these rows
//! ([`crate::upstream::identity`]), and the `agents identity` command keeps them.

use super::{StoreError, Tx};
use crate::store::{params, OptionalExtension, Row};

/// One agent's identity on one backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub agent_id: String,
    /// The backend's (dialect's) name.
    pub backend: String,
    /// The vendor's id for the agent.
    pub vendor_id: String,
    pub email: Option<String>,
    pub name: Option<String>,
}

const COLUMNS: &str = "agent_id, backend, vendor_id, email, name";

fn identity(row: &Row<'_>) -> Result<Identity, StoreError> {
    Ok(Identity {
        agent_id: row.get(0)?,
        backend: row.get(1)?,
        vendor_id: row.get(2)?,
        email: row.get(3)?,
        name: row.get(4)?,
    })
}

/// The agent's identity on `backend`, if an admin gave them one.
pub fn get(conn: &Tx, agent_id: &str, backend: &str) -> Result<Option<Identity>, StoreError> {
    let sql =
        format!("SELECT {COLUMNS} FROM agent_identities WHERE agent_id = ?1 AND backend = ?2");
    conn.prepare_cached(&sql)?
        .query_row(params![agent_id, backend], identity)
        .optional()
}

/// Sets (or replaces) the agent's identity on its backend.
pub fn set(conn: &Tx, identity: &Identity) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO agent_identities (agent_id, backend, vendor_id, email, name) \
         VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (agent_id, backend) DO UPDATE SET \
         vendor_id = excluded.vendor_id, email = excluded.email, name = excluded.name",
        params![
            identity.agent_id,
            identity.backend,
            identity.vendor_id,
            identity.email,
            identity.name
        ],
    )?;
    Ok(())
}

/// Removes the agent's identity on `backend`; `false` when they had none.
pub fn remove(conn: &Tx, agent_id: &str, backend: &str) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM agent_identities WHERE agent_id = ?1 AND backend = ?2",
        params![agent_id, backend],
    )?;
    Ok(removed == 1)
}

/// Every identity, by agent then backend.
pub fn list(conn: &Tx) -> Result<Vec<Identity>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM agent_identities ORDER BY agent_id, backend");
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement
        .query_map([], identity)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrations::SWITCHBOARD_ONLY;
    use crate::store::{people, Store};
    use switchboard_core::directory::Agent;

    fn ana(backend: &str, vendor_id: &str) -> Identity {
        Identity {
            agent_id: "agent-ana".into(),
            backend: backend.into(),
            vendor_id: vendor_id.into(),
            email: None,
            name: Some("Ana S.".into()),
        }
    }

    #[test]
    fn an_identity_is_set_replaced_listed_and_removed_per_backend() {
        let store = Store::in_memory(SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                people::insert_agent(
                    conn,
                    &Agent {
                        id: "agent-ana".into(),
                        name: "Ana".into(),
                        email: "ana@example.com".into(),
                    },
                )?;
                assert_eq!(get(conn, "agent-ana", "octopia")?, None);
                set(conn, &ana("octopia", "1"))?;
                set(conn, &ana("octopia", "2"))?;
                set(conn, &ana("postcenter", "467"))?;
                assert_eq!(
                    get(conn, "agent-ana", "octopia")?,
                    Some(ana("octopia", "2"))
                );
                assert_eq!(list(conn)?.len(), 2, "one identity per backend");
                assert!(remove(conn, "agent-ana", "octopia")?);
                assert!(!remove(conn, "agent-ana", "octopia")?);
                assert_eq!(list(conn)?, vec![ana("postcenter", "467")]);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
