//! Switchboard's own people: the agents, shared by every dialect (any backend's
//! conversation is assigned to one of them).

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};
use switchboard_core::directory::Agent;

/// Adds an agent; one whose id is taken is left as it is.
pub fn insert_agent(conn: &Connection, agent: &Agent) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO agents (id, name, email) VALUES (?1, ?2, ?3) ON CONFLICT (id) DO NOTHING",
        params![agent.id, agent.name, agent.email],
    )?;
    Ok(())
}

/// Every agent, by name.
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

/// An agent's name, when `id` is an agent's.
pub fn agent_name(conn: &Connection, id: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT name FROM agents WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?)
}
