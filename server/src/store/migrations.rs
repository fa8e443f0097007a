//! The schema, as numbered steps keyed by `(dialect, version)`: Switchboard's own tables
//! under [`SWITCHBOARD`], each dialect's under its name, each step a `.sql` file beside its
//! owner; the list of keys and steps is handed to [`migrate`]. `schema_migrations` records the steps applied, so two dialects' steps never
//! collide and a new dialect only adds its own.
//!
//! Every step exists for both engines, with the same number. A SQLite database written
//! before the keyed steps counted them in `PRAGMA user_version`; it is adopted (what its
//! version had applied is recorded) rather than migrated again. On PostgreSQL, instances
//! starting together take turns under an advisory lock, so each step is applied once.

use super::OpenError;
use rusqlite::{params, Connection};
use std::collections::HashSet;
use std::path::Path;

/// The advisory lock the instances take turns under while they migrate ("SWBD" in ASCII).
const MIGRATION_LOCK: i64 = 0x5357_4244;

const SCHEMA_MIGRATIONS: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
     dialect    TEXT NOT NULL,
     version    BIGINT NOT NULL,
     name       TEXT NOT NULL,
     PRIMARY KEY (dialect, version)
 );";

/// The key of Switchboard's own steps (agents, files), applied before any dialect's.
pub const SWITCHBOARD: &str = "switchboard";

/// One schema step.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// 1, 2, 3…: the order of the steps of one key; never reused once shipped.
    pub version: i64,
    /// A few words on what it does, recorded with it.
    pub name: &'static str,
    /// The step on SQLite.
    pub sql: &'static str,
    /// The same step on PostgreSQL (`migrations/postgres/` beside each owner's).
    pub postgres: &'static str,
}

/// Switchboard's own steps.
pub const SWITCHBOARD_MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "agents",
        sql: include_str!("migrations/001_agents.sql"),
        postgres: include_str!("migrations/postgres/001_agents.sql"),
    },
    Migration {
        version: 2,
        name: "files",
        sql: include_str!("migrations/002_files.sql"),
        postgres: include_str!("migrations/postgres/002_files.sql"),
    },
    Migration {
        version: 3,
        name: "agent accounts",
        sql: include_str!("migrations/003_agent_accounts.sql"),
        postgres: include_str!("migrations/postgres/003_agent_accounts.sql"),
    },
    Migration {
        version: 4,
        name: "sessions",
        sql: include_str!("migrations/004_sessions.sql"),
        postgres: include_str!("migrations/postgres/004_sessions.sql"),
    },
    Migration {
        version: 5,
        name: "follows",
        sql: include_str!("migrations/005_follows.sql"),
        postgres: include_str!("migrations/postgres/005_follows.sql"),
    },
    Migration {
        version: 6,
        name: "idempotency keys",
        sql: include_str!("migrations/006_idempotency_keys.sql"),
        postgres: include_str!("migrations/postgres/006_idempotency_keys.sql"),
    },
    Migration {
        version: 7,
        name: "devices",
        sql: include_str!("migrations/007_devices.sql"),
        postgres: include_str!("migrations/postgres/007_devices.sql"),
    },
    Migration {
        version: 8,
        name: "agent identities",
        sql: include_str!("migrations/008_agent_identities.sql"),
        postgres: include_str!("migrations/postgres/008_agent_identities.sql"),
    },
    Migration {
        version: 9,
        name: "events",
        sql: include_str!("migrations/009_events.sql"),
        postgres: include_str!("migrations/postgres/009_events.sql"),
    },
    Migration {
        version: 10,
        name: "leases",
        sql: include_str!("migrations/010_leases.sql"),
        postgres: include_str!("migrations/postgres/010_leases.sql"),
    },
    Migration {
        version: 11,
        name: "notes",
        sql: include_str!("migrations/011_notes.sql"),
        postgres: include_str!("migrations/postgres/011_notes.sql"),
    },
    Migration {
        version: 12,
        name: "mentions",
        sql: include_str!("migrations/012_mentions.sql"),
        postgres: include_str!("migrations/postgres/012_mentions.sql"),
    },
    Migration {
        version: 13,
        name: "presence",
        sql: include_str!("migrations/013_presence.sql"),
        postgres: include_str!("migrations/postgres/013_presence.sql"),
    },
    Migration {
        version: 14,
        name: "assignments",
        sql: include_str!("migrations/014_assignments.sql"),
        postgres: include_str!("migrations/postgres/014_assignments.sql"),
    },
    Migration {
        version: 15,
        name: "saved_replies",
        sql: include_str!("migrations/015_saved_replies.sql"),
        postgres: include_str!("migrations/postgres/015_saved_replies.sql"),
    },
    Migration {
        version: 16,
        name: "note_files",
        sql: include_str!("migrations/016_note_files.sql"),
        postgres: include_str!("migrations/postgres/016_note_files.sql"),
    },
    Migration {
        version: 17,
        name: "deadline_policies",
        sql: include_str!("migrations/017_deadline_policies.sql"),
        postgres: include_str!("migrations/postgres/017_deadline_policies.sql"),
    },
    Migration {
        version: 18,
        name: "no_answer_marks",
        sql: include_str!("migrations/018_no_answer_marks.sql"),
        postgres: include_str!("migrations/postgres/018_no_answer_marks.sql"),
    },
    Migration {
        version: 19,
        name: "snoozes",
        sql: include_str!("migrations/019_snoozes.sql"),
        postgres: include_str!("migrations/postgres/019_snoozes.sql"),
    },
    Migration {
        version: 20,
        name: "labels",
        sql: include_str!("migrations/020_labels.sql"),
        postgres: include_str!("migrations/postgres/020_labels.sql"),
    },
    Migration {
        version: 21,
        name: "saved_views",
        sql: include_str!("migrations/021_saved_views.sql"),
        postgres: include_str!("migrations/postgres/021_saved_views.sql"),
    },
];

/// What each `PRAGMA user_version` of a database from before the keyed steps had applied:
/// from that version on, these steps are recorded as done.
const ADOPTED: &[(i64, &str, i64)] = &[
    (1, SWITCHBOARD, 1),
    (1, "communication", 1),
    (2, "communication", 2),
];

/// Written into `PRAGMA user_version` once the steps are keyed, so a server from before
/// refuses the database as newer than itself instead of misreading it.
pub const KEYED_USER_VERSION: i64 = 1000;

/// One key's steps: Switchboard's or a dialect's name, and its steps in order. The store
/// is handed the list (`dialects::migrations` builds it), so it never reads the dialects.
pub type Keyed = (&'static str, &'static [Migration]);

/// Switchboard's own steps alone: enough for the store's own tables (and their tests).
pub const SWITCHBOARD_ONLY: &[Keyed] = &[(SWITCHBOARD, SWITCHBOARD_MIGRATIONS)];

/// Brings the schema up to date: adopts a counted database, refuses one written by a newer
/// server, then applies each missing step in its own transaction.
pub fn migrate_sqlite(
    connection: &mut Connection,
    path: &Path,
    steps: &[Keyed],
) -> Result<(), OpenError> {
    let place = path.display().to_string();
    let migrate_error = |source: rusqlite::Error| OpenError::Migrate {
        place: place.clone(),
        reason: source.to_string(),
    };
    let found: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(migrate_error)?;
    let last_counted = ADOPTED.iter().map(|(v, _, _)| *v).max().unwrap_or(0);
    if found != KEYED_USER_VERSION && found > last_counted {
        return Err(OpenError::UnknownSchema {
            place: place.clone(),
            found,
        });
    }
    if found != KEYED_USER_VERSION {
        let transaction = connection.transaction().map_err(migrate_error)?;
        transaction
            .execute_batch(SCHEMA_MIGRATIONS)
            .map_err(migrate_error)?;
        for (since, dialect, version) in ADOPTED {
            if found >= *since {
                let name = name_of(steps, dialect, *version);
                record(&transaction, dialect, *version, name).map_err(migrate_error)?;
            }
        }
        transaction
            .pragma_update(None, "user_version", KEYED_USER_VERSION)
            .map_err(migrate_error)?;
        transaction.commit().map_err(migrate_error)?;
    }
    let applied = applied(connection).map_err(migrate_error)?;
    refuse_newer(&applied, steps, &place)?;
    for (dialect, migrations) in steps {
        for step in *migrations {
            if applied.contains(&((*dialect).to_owned(), step.version)) {
                continue;
            }
            let transaction = connection.transaction().map_err(migrate_error)?;
            transaction.execute_batch(step.sql).map_err(migrate_error)?;
            record(&transaction, dialect, step.version, step.name).map_err(migrate_error)?;
            transaction.commit().map_err(migrate_error)?;
        }
    }
    Ok(())
}

/// Refuses a database that has a step this server does not know: a newer server wrote it.
fn refuse_newer(
    applied: &HashSet<(String, i64)>,
    steps: &[Keyed],
    place: &str,
) -> Result<(), OpenError> {
    for (dialect, migrations) in steps {
        let supported = migrations.iter().map(|m| m.version).max().unwrap_or(0);
        let newest = applied
            .iter()
            .filter(|(d, _)| d == dialect)
            .map(|(_, v)| *v)
            .max()
            .unwrap_or(0);
        if newest > supported {
            return Err(OpenError::NewerStep {
                place: place.to_owned(),
                dialect: (*dialect).to_owned(),
                found: newest,
                supported,
            });
        }
    }
    Ok(())
}

/// Brings a PostgreSQL database up to date: one instance at a time (the others wait on the
/// advisory lock, then find the steps applied), each step in its own transaction.
pub(super) fn migrate_postgres(
    client: &mut postgres::Client,
    place: &str,
    steps: &[Keyed],
) -> Result<(), OpenError> {
    let migrate_error = |source: postgres::Error| OpenError::Migrate {
        place: place.to_owned(),
        reason: super::StoreError::from(source).to_string(),
    };
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
        .map_err(migrate_error)?;
    let result = (|| {
        client
            .batch_execute(SCHEMA_MIGRATIONS)
            .map_err(migrate_error)?;
        let applied: HashSet<(String, i64)> = client
            .query("SELECT dialect, version FROM schema_migrations", &[])
            .map_err(migrate_error)?
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
        refuse_newer(&applied, steps, place)?;
        for (dialect, migrations) in steps {
            for step in *migrations {
                if applied.contains(&((*dialect).to_owned(), step.version)) {
                    continue;
                }
                let mut transaction = client.transaction().map_err(migrate_error)?;
                transaction
                    .batch_execute(step.postgres)
                    .map_err(migrate_error)?;
                transaction
                    .execute(
                        "INSERT INTO schema_migrations (dialect, version, name) VALUES ($1, $2, $3)",
                        &[dialect, &step.version, &step.name],
                    )
                    .map_err(migrate_error)?;
                transaction.commit().map_err(migrate_error)?;
            }
        }
        Ok(())
    })();
    // The lock is the session's: released here, or when the connection closes.
    let _ = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]);
    result
}

fn name_of(steps: &[(&str, &[Migration])], dialect: &str, version: i64) -> &'static str {
    steps
        .iter()
        .filter(|(key, _)| *key == dialect)
        .flat_map(|(_, migrations)| migrations.iter())
        .find(|step| step.version == version)
        .map_or("adopted", |step| step.name)
}

fn record(conn: &Connection, dialect: &str, version: i64, name: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO schema_migrations (dialect, version, name) VALUES (?1, ?2, ?3) \
         ON CONFLICT (dialect, version) DO NOTHING",
        params![dialect, version, name],
    )?;
    Ok(())
}

/// The steps recorded as applied.
pub fn applied(conn: &Connection) -> rusqlite::Result<HashSet<(String, i64)>> {
    let mut statement = conn.prepare("SELECT dialect, version FROM schema_migrations")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}
