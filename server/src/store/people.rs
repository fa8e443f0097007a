//! Switchboard's own people: the agents, shared by every dialect (any backend's
//! conversation is assigned to one of them), and their accounts (password hash, role).
//! Emails are kept lowercased; lookups lowercase what they are given.

use super::{StoreError, Tx};
use crate::store::{params, OptionalExtension, Row};
use switchboard_core::directory::Agent;
use switchboard_core::session::{Role, SessionAgent};

/// An agent's account as sign-in reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRow {
    pub agent: SessionAgent,
    /// `None`: no password set, so no sign-in.
    pub password_hash: Option<String>,
}

const ACCOUNT_COLUMNS: &str = "id, name, email, role, password_hash";

fn account(row: &Row<'_>) -> Result<AccountRow, StoreError> {
    let role: String = row.get(3)?;
    Ok(AccountRow {
        agent: SessionAgent {
            id: row.get(0)?,
            name: row.get(1)?,
            email: row.get(2)?,
            // The column's CHECK allows only these two.
            role: Role::parse(&role).unwrap_or(Role::Agent),
        },
        password_hash: row.get(4)?,
    })
}

/// The account an email signs in to.
pub fn account_by_email(conn: &Tx, email: &str) -> Result<Option<AccountRow>, StoreError> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM agents WHERE email = ?1");
    conn.prepare_cached(&sql)?
        .query_row([email.trim().to_lowercase()], account)
        .optional()
}

pub fn account_by_id(conn: &Tx, id: &str) -> Result<Option<AccountRow>, StoreError> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM agents WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], account)
        .optional()
}

/// Every account, by email.
pub fn list_accounts(conn: &Tx) -> Result<Vec<AccountRow>, StoreError> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM agents ORDER BY email");
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement
        .query_map([], account)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Adds an account; `false` when its id or email is taken (nothing is changed then).
pub fn create_account(
    conn: &Tx,
    agent: &SessionAgent,
    password_hash: &str,
) -> Result<bool, StoreError> {
    let added = conn.execute(
        "INSERT INTO agents (id, name, email, role, password_hash) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT DO NOTHING",
        params![
            agent.id,
            agent.name,
            agent.email.trim().to_lowercase(),
            agent.role.as_str(),
            password_hash
        ],
    )?;
    Ok(added == 1)
}

/// Sets the password hash of the agent with this id; `false` when there is none.
pub fn set_password_hash(conn: &Tx, id: &str, password_hash: &str) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE agents SET password_hash = ?2 WHERE id = ?1",
        params![id, password_hash],
    )?;
    Ok(changed == 1)
}

pub fn set_role(conn: &Tx, id: &str, role: Role) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE agents SET role = ?2 WHERE id = ?1",
        params![id, role.as_str()],
    )?;
    Ok(changed == 1)
}

/// Adds an agent; one whose id is taken is left as it is.
pub fn insert_agent(conn: &Tx, agent: &Agent) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO agents (id, name, email) VALUES (?1, ?2, ?3) ON CONFLICT (id) DO NOTHING",
        params![agent.id, agent.name, agent.email.trim().to_lowercase()],
    )?;
    Ok(())
}

/// Every agent, by name.
pub fn list_agents(conn: &Tx) -> Result<Vec<Agent>, StoreError> {
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

pub fn agent_exists(conn: &Tx, id: &str) -> Result<bool, StoreError> {
    let found = conn
        .prepare_cached("SELECT 1 FROM agents WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?;
    Ok(found.is_some())
}

/// An agent's name, when `id` is an agent's.
pub fn agent_name(conn: &Tx, id: &str) -> Result<Option<String>, StoreError> {
    conn.prepare_cached("SELECT name FROM agents WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()
}
