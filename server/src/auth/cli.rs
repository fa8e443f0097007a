//! `switchboard-server agents …`: the accounts, from the machine the store lives on (no
//! HTTP route manages them yet). A new or reset password is generated and printed once;
//! only its hash is kept, and a reset ends the agent's sessions.
//!
//! ```text
//! switchboard-server agents list            [--db FILE]
//! switchboard-server agents create EMAIL NAME [--role agent|admin] [--db FILE]
//! switchboard-server agents reset-password EMAIL [--db FILE]
//! ```

use super::{passwords, sessions};
use crate::store::migrations::Keyed;
use crate::store::people::{self, AccountRow};
use crate::store::{Store, StoreError};
use std::path::PathBuf;
use switchboard_core::session::{Role, SessionAgent};

pub const AGENTS_USAGE: &str = "\
Usage: switchboard-server agents list [--db FILE]
       switchboard-server agents create EMAIL NAME [--role agent|admin] [--db FILE]
       switchboard-server agents reset-password EMAIL [--db FILE]

  A new or reset password is printed once; only its Argon2id hash is stored.
  --db FILE    SQLite database (env SWITCHBOARD_DB, default switchboard.sqlite3)";

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
}

/// Reads `args` (after `agents`) into the command and the database path.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<(Command, PathBuf), String> {
    let mut db = env("SWITCHBOARD_DB").unwrap_or_else(|| "switchboard.sqlite3".to_owned());
    let mut role = Role::Agent;
    let mut words = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => db = args.next().ok_or("--db needs a file")?,
            "--role" => {
                let value = args.next().ok_or("--role needs agent or admin")?;
                role = Role::parse(&value)
                    .ok_or(format!("no role is called “{value}”: agent or admin"))?;
            }
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
        _ => return Err("expected list, create EMAIL NAME or reset-password EMAIL".to_owned()),
    };
    Ok((command, PathBuf::from(db)))
}

fn checked_email(email: &str) -> Result<String, String> {
    switchboard_core::validation::validate_email(email)
        .map(|()| email.trim().to_lowercase())
        .map_err(|issue| format!("“{email}” is not an email: {issue}"))
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
pub fn run(command: Command, db: &std::path::Path, steps: &[Keyed]) -> Result<String, String> {
    let store = Store::open(db, steps).map_err(|error| error.to_string())?;
    store
        .run_blocking(|conn| execute(conn, command))
        .map_err(|error: CliFailure| error.0)
}

struct CliFailure(String);

impl From<StoreError> for CliFailure {
    fn from(error: StoreError) -> Self {
        CliFailure(error.to_string())
    }
}

fn execute(conn: &crate::store::Tx, command: Command) -> Result<String, CliFailure> {
    match command {
        Command::List => Ok(listing(&people::list_accounts(conn)?)),
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
            let Some(account) = people::account_by_email(conn, &email)? else {
                return Err(CliFailure(format!("no agent has the email {email}")));
            };
            let password = passwords::generate();
            people::set_password_hash(conn, &account.agent.id, &passwords::hash(&password))?;
            let ended = sessions::end_all(conn, &account.agent.id)?;
            Ok(format!(
                "New password for {email}, shown only now: {password}\n{ended} session(s) ended."
            ))
        }
    }
}

fn listing(accounts: &[AccountRow]) -> String {
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
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrations::SWITCHBOARD_ONLY;

    /// The command on Switchboard's own tables alone: the accounts need no dialect's.
    fn run(command: Command, db: &std::path::Path) -> Result<String, String> {
        super::run(command, db, SWITCHBOARD_ONLY)
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn commands_are_read_with_their_options() {
        let (command, db) = parse(
            args(&["create", "Ana@Example.com", "Ana Silva", "--role", "admin"]),
            |_| None,
        )
        .unwrap();
        assert_eq!(
            command,
            Command::Create {
                email: "ana@example.com".into(),
                name: "Ana Silva".into(),
                role: Role::Admin
            }
        );
        assert_eq!(db, PathBuf::from("switchboard.sqlite3"));
        let (_, db) = parse(args(&["list", "--db", "/tmp/x.sqlite3"]), |_| None).unwrap();
        assert_eq!(db, PathBuf::from("/tmp/x.sqlite3"));
        for bad in [
            &["create", "not-an-email", "Ana"][..],
            &["remove", "a@b.c"],
            &["list", "--role", "root"],
            &[],
        ] {
            assert!(parse(args(bad), |_| None).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn create_list_and_reset_work_on_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.sqlite3");
        let created = run(
            Command::Create {
                email: "ana@example.com".into(),
                name: "Ana".into(),
                role: Role::Admin,
            },
            &db,
        )
        .unwrap();
        let password = created.rsplit(' ').next().unwrap().to_owned();
        assert!(passwords::check_new(&password).is_ok(), "{created}");
        let again = run(
            Command::Create {
                email: "ANA@example.com".into(),
                name: "Other".into(),
                role: Role::Agent,
            },
            &db,
        );
        assert!(again.unwrap_err().contains("already"));
        let listed = run(Command::List, &db).unwrap();
        assert!(
            listed.contains("ana@example.com") && listed.contains("admin"),
            "{listed}"
        );
        let store = Store::open(&db, SWITCHBOARD_ONLY).unwrap();
        let hash = |store: &Store| {
            store
                .run_blocking(|conn| people::account_by_email(conn, "ana@example.com"))
                .unwrap()
                .unwrap()
                .password_hash
                .unwrap()
        };
        let before = hash(&store);
        assert!(passwords::verify(Some(&before), &password));
        let reset = run(
            Command::ResetPassword {
                email: "ana@example.com".into(),
            },
            &db,
        )
        .unwrap();
        assert!(reset.contains("shown only now"), "{reset}");
        assert!(!passwords::verify(Some(&hash(&store)), &password));
        assert!(run(
            Command::ResetPassword {
                email: "nobody@example.com".into()
            },
            &db
        )
        .is_err());
    }
}
