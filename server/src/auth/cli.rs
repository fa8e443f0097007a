//! `switchboard-server agents …`: the accounts, from the machine the store lives on (no
//! HTTP route manages them yet). A new or reset password is generated and printed once;
//! only its hash is kept, and a reset ends the agent's sessions.
//!
//! ```text
//! switchboard-server agents list            [--db FILE]
//! switchboard-server agents create EMAIL NAME [--role agent|admin] [--db FILE]
//! switchboard-server agents reset-password EMAIL [--db FILE]
//! switchboard-server agents identity set EMAIL BACKEND --id ID [--email E] [--name N] [--db FILE]
//! switchboard-server agents identity remove EMAIL BACKEND [--db FILE]
//! ```
//!
//! An identity is who the agent is on a vendor's own API (Octopia's user id, PostCenter's
//! `cmid`…): the gateway writes it as the author of what the agent sends to that vendor,
//! and refuses their writes there until they have one (`docs/gateway.md`). The backends'
//! names are handed in by the top, so this module never reads the list of dialects.

use super::{passwords, sessions};
use crate::store::identities::{self, Identity};
use crate::store::migrations::Keyed;
use crate::store::people::{self, AccountRow};
use crate::store::Location;
use crate::store::{Store, StoreError};
use switchboard_core::session::{Role, SessionAgent};

pub const AGENTS_USAGE: &str = "\
Usage: switchboard-server agents list [--db FILE]
       switchboard-server agents create EMAIL NAME [--role agent|admin] [--db FILE]
       switchboard-server agents reset-password EMAIL [--db FILE]
       switchboard-server agents identity set EMAIL BACKEND --id ID [--email E] [--name N] [--db FILE]
       switchboard-server agents identity remove EMAIL BACKEND [--db FILE]

  A new or reset password is printed once; only its Argon2id hash is stored.
  An identity is the agent's id on a backend's vendor (with the email and name that vendor
  shows, where it shows them; by default the agent's own): a forwarded backend's writes
  carry it as their author, and an agent without one cannot write there. `list` shows them.
  BACKEND      a backend's name, as in the backends' file (a wrong one is answered with the list)
  --db FILE    SQLite database (env SWITCHBOARD_DB, default switchboard.sqlite3)
  --database-url URL  the PostgreSQL database instead (env SWITCHBOARD_DATABASE_URL)";

/// One `agents` command, read from the command line after `agents`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    List,
    Create {
        email: String,
        name: String,
        role: Role,
    },
    ResetPassword {
        email: String,
    },
    /// Gives the agent with this email an identity on a backend (or replaces it).
    IdentitySet {
        email: String,
        backend: String,
        vendor_id: String,
        vendor_email: Option<String>,
        vendor_name: Option<String>,
    },
    IdentityRemove {
        email: String,
        backend: String,
    },
}

/// Reads `args` (after `agents`) into the command and the database path; `backends` are
/// the backends' names an identity may be on (`dialects::names()`, from the top).
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
    backends: &[&str],
) -> Result<(Command, Location), String> {
    let mut db = env("SWITCHBOARD_DB").unwrap_or_else(|| "switchboard.sqlite3".to_owned());
    let mut database_url = env("SWITCHBOARD_DATABASE_URL").unwrap_or_default();
    let mut role = Role::Agent;
    let (mut vendor_id, mut vendor_email, mut vendor_name) = (None, None, None);
    let mut words = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => db = args.next().ok_or("--db needs a file")?,
            "--database-url" => {
                database_url = args.next().ok_or("--database-url needs a URL")?;
            }
            "--role" => {
                let value = args.next().ok_or("--role needs agent or admin")?;
                role = Role::parse(&value)
                    .ok_or(format!("no role is called “{value}”: agent or admin"))?;
            }
            "--id" => vendor_id = Some(args.next().ok_or("--id needs the vendor's id")?),
            "--email" => vendor_email = Some(args.next().ok_or("--email needs an email")?),
            "--name" => vendor_name = Some(args.next().ok_or("--name needs a name")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option “{flag}”")),
            _ => words.push(arg),
        }
    }
    let command = match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["list"] => Command::List,
        ["create", email, name] => Command::Create {
            email: checked_email(email)?,
            name: checked_name(name)?,
            role,
        },
        ["reset-password", email] => Command::ResetPassword {
            email: checked_email(email)?,
        },
        ["identity", "set", email, backend] => Command::IdentitySet {
            email: checked_email(email)?,
            backend: checked_backend(backend, backends)?,
            vendor_id: checked_vendor_id(vendor_id.as_deref(), backend)?,
            vendor_email: vendor_email.as_deref().map(checked_email).transpose()?,
            vendor_name: vendor_name.as_deref().map(checked_name).transpose()?,
        },
        ["identity", "remove", email, backend] => Command::IdentityRemove {
            email: checked_email(email)?,
            backend: checked_backend(backend, backends)?,
        },
        ["identity", ..] => {
            return Err(
                "expected identity set EMAIL BACKEND --id ID or identity remove EMAIL BACKEND"
                    .to_owned(),
            )
        }
        _ => {
            return Err(
                "expected list, create EMAIL NAME, reset-password EMAIL or identity …".to_owned(),
            )
        }
    };
    let identity_flags = [&vendor_id, &vendor_email, &vendor_name];
    if !matches!(command, Command::IdentitySet { .. }) && identity_flags.iter().any(|f| f.is_some())
    {
        return Err("--id, --email and --name are for identity set".to_owned());
    }
    let location = crate::config::database_location(&db, &database_url, "1")?;
    Ok((command, location))
}

fn checked_email(email: &str) -> Result<String, String> {
    switchboard_core::validation::validate_email(email)
        .map(|()| email.trim().to_lowercase())
        .map_err(|issue| format!("“{email}” is not an email: {issue}"))
}

fn checked_backend(backend: &str, backends: &[&str]) -> Result<String, String> {
    if backends.contains(&backend) {
        return Ok(backend.to_owned());
    }
    Err(format!(
        "no backend is called “{backend}”: {}",
        backends.join(", ")
    ))
}

fn checked_vendor_id(id: Option<&str>, backend: &str) -> Result<String, String> {
    let id = id.map(str::trim).ok_or(format!(
        "identity set needs --id: the agent's id on {backend}"
    ))?;
    if id.is_empty() || id.chars().count() > 254 {
        return Err("the id must have 1 to 254 characters".to_owned());
    }
    Ok(id.to_owned())
}

fn checked_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err("the name must have 1 to 120 characters".to_owned());
    }
    Ok(name.to_owned())
}

/// Runs `command` on the store at `db`, opened with `steps` (every owner's schema steps,
/// as the server opens it); what to print, or why it failed.
pub fn run(command: Command, db: &Location, steps: &[Keyed]) -> Result<String, String> {
    let store = Store::open_at(db, steps).map_err(|error| error.to_string())?;
    store
        .run_blocking(|conn| execute(conn, command.clone()))
        .map_err(|error: CliFailure| error.0)
}

struct CliFailure(String);

impl From<StoreError> for CliFailure {
    fn from(error: StoreError) -> Self {
        CliFailure(error.to_string())
    }
}

/// The account with `email`, or the refusal naming it.
fn account(conn: &crate::store::Tx, email: &str) -> Result<AccountRow, CliFailure> {
    people::account_by_email(conn, email)?
        .ok_or_else(|| CliFailure(format!("no agent has the email {email}")))
}

fn execute(conn: &crate::store::Tx, command: Command) -> Result<String, CliFailure> {
    match command {
        Command::List => Ok(listing(
            &people::list_accounts(conn)?,
            &identities::list(conn)?,
        )),
        Command::IdentitySet {
            email,
            backend,
            vendor_id,
            vendor_email,
            vendor_name,
        } => {
            let agent = account(conn, &email)?.agent;
            let identity = Identity {
                agent_id: agent.id,
                backend,
                vendor_id,
                email: vendor_email,
                name: vendor_name,
            };
            identities::set(conn, &identity)?;
            Ok(format!(
                "{} ({email}) is now {} on {}: their writes there carry it.",
                agent.name,
                described(&identity),
                identity.backend
            ))
        }
        Command::IdentityRemove { email, backend } => {
            let agent = account(conn, &email)?.agent;
            if !identities::remove(conn, &agent.id, &backend)? {
                return Err(CliFailure(format!(
                    "{} ({email}) has no identity on {backend}: nothing to remove",
                    agent.name
                )));
            }
            Ok(format!(
                "{} ({email}) has no identity on {backend} any more: their writes there are \
                 refused until an admin sets one again.",
                agent.name
            ))
        }
        Command::Create { email, name, role } => {
            let password = passwords::generate();
            let agent = SessionAgent {
                id: format!("agent-{}", uuid::Uuid::new_v4().simple()),
                name,
                email: email.clone(),
                role,
            };
            if !people::create_account(conn, &agent, &passwords::hash(&password))? {
                return Err(CliFailure(format!(
                    "an agent already has the email {email}"
                )));
            }
            Ok(format!(
                "Created {} ({email}, {}). Their password, shown only now: {password}",
                agent.id,
                role.as_str()
            ))
        }
        Command::ResetPassword { email } => {
            let account = account(conn, &email)?;
            let password = passwords::generate();
            people::set_password_hash(conn, &account.agent.id, &passwords::hash(&password))?;
            let ended = sessions::end_all(conn, &account.agent.id)?;
            Ok(format!(
                "New password for {email}, shown only now: {password}\n{ended} session(s) ended."
            ))
        }
    }
}

/// An identity in a few words: `id 467, email …, name …`.
fn described(identity: &Identity) -> String {
    let mut words = format!("id {}", identity.vendor_id);
    if let Some(email) = &identity.email {
        words.push_str(&format!(", email {email}"));
    }
    if let Some(name) = &identity.name {
        words.push_str(&format!(", name {name}"));
    }
    words
}

fn listing(accounts: &[AccountRow], identities: &[Identity]) -> String {
    let mut lines = vec![format!(
        "{:<40} {:<28} {:<6} {}",
        "email", "name", "role", "id"
    )];
    for account in accounts {
        let a = &account.agent;
        let locked = if account.password_hash.is_none() {
            "  (no password: cannot sign in)"
        } else {
            ""
        };
        lines.push(format!(
            "{:<40} {:<28} {:<6} {}{locked}",
            a.email,
            a.name,
            a.role.as_str(),
            a.id
        ));
        for identity in identities.iter().filter(|i| i.agent_id == a.id) {
            lines.push(format!(
                "    on {}: {}",
                identity.backend,
                described(identity)
            ));
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests;
