//! The store's runner: every request runs its work in one transaction, off the async
//! workers, on SQLite (the embedded default, `sqlite.rs`) or PostgreSQL (several instances
//! over one database, `postgres.rs`). That work holds a [`Tx`] and nothing else, and
//! reaches the tables only through the store functions: only this folder and each
//! dialect's `store` module write SQL (`layers.rs` checks it), and that SQL is written once
//! for both engines (`tx.rs`, `values.rs`). What the tables hold is elsewhere:
//! Switchboard's own in [`people`], [`identities`], [`files`], [`follows`] and
//! [`idempotency`], each dialect's in its `dialects/<name>/store`; the schema steps of all
//! of them, for both engines, in [`migrations`], handed to [`Store::open_at`] by the top
//! (the store never reads the list of dialects).
//!
//! Instants are stored as `format_instant` text (UTC, milliseconds), so ordering the text
//! orders the instants (PostgreSQL's databases are made with the `C` collation, so text
//! orders by bytes there too). Integers are `bigint`, flags 0 or 1, on both engines.

pub mod assignments;
pub mod deadline_policies;
pub mod devices;
pub mod events;
pub mod files;
pub mod follows;
pub mod idempotency;
pub mod identities;
pub mod labels;
pub mod leases;
pub mod mentions;
pub mod migrations;
pub mod no_answer;
pub mod notes;
pub mod people;
pub mod presence;
pub mod saved_replies;
pub mod saved_views;
pub mod sessions;
pub mod snoozes;

mod postgres;
mod sqlite;
mod tx;
mod values;

pub use tx::{EngineKind, Row, Statement, Tx};
pub use values::{params, params_from_iter, Bind, Column, OptionalExtension, Params};

use std::path::{Path, PathBuf};
use thiserror::Error;

/// A failure of the store itself, never of the request: it becomes a 500, or a 503 when the
/// database is only busy.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(String),
    /// The database stayed busy past its patience (SQLite locked, PostgreSQL's connections
    /// all in use or restarting, a race lost too often): in use, not broken, so worth
    /// trying again shortly. Holds the engine's own words.
    #[error("database error: {0}")]
    Busy(String),
    /// A statement expected to give a row gave none (`.optional()` makes it `None`).
    #[error("database error: the query returned no row")]
    NoRow,
    /// A column held another kind of value than the code reads it as.
    #[error("database error: column {index} is not {expected} but {found}")]
    Column {
        index: usize,
        expected: &'static str,
        found: &'static str,
    },
    #[error("a stored list is not valid JSON: {0}")]
    CorruptList(#[from] serde_json::Error),
    #[error("the database task did not finish: {0}")]
    TaskFailed(String),
}

/// Why the store could not be opened. `place` is the file, or the PostgreSQL server and
/// database without the password.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("cannot open the database at {place}: {reason}")]
    Open { place: String, reason: String },
    #[error("cannot prepare the database at {place}: {reason}")]
    Migrate { place: String, reason: String },
    #[error(
        "the database at {place} has schema version {found}, which this server does not know; \
         use a newer server or another database"
    )]
    UnknownSchema { place: String, found: i64 },
    #[error(
        "the database at {place} has {dialect} step {found}, newer than this server's {supported}; \
         use a newer server or another database"
    )]
    NewerStep {
        place: String,
        dialect: String,
        found: i64,
        supported: i64,
    },
}

/// Where the data lives: a SQLite file (the embedded default) or a PostgreSQL database
/// that several instances share.
#[derive(Clone)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres {
        url: secrecy::SecretString,
        /// Connections this instance keeps open at most.
        pool_size: u32,
    },
}

impl std::fmt::Debug for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Location::Postgres { pool_size, .. } => f
                .debug_struct("Postgres")
                .field("url", &"[redacted]")
                .field("pool_size", pool_size)
                .finish(),
        }
    }
}

/// Where, in words a log may hold: the file, or the PostgreSQL server and database without
/// the password.
impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use secrecy::ExposeSecret;
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres { url, .. } => {
                match url.expose_secret().parse::<::postgres::Config>() {
                    Ok(config) => f.write_str(&postgres::place_of(&config)),
                    Err(_) => f.write_str("the PostgreSQL URL"),
                }
            }
        }
    }
}

/// The store every request shares: SQLite's one connection, or PostgreSQL's pool.
#[derive(Clone)]
pub struct Store {
    engine: Engines,
}

#[derive(Clone)]
enum Engines {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

impl Store {
    /// Opens (creating on first start) the SQLite file and brings its schema up to date
    /// with `steps` (every owner's: `dialects::migrations`).
    pub fn open(path: &Path, steps: &[migrations::Keyed]) -> Result<Store, OpenError> {
        Self::open_at(&Location::Sqlite(path.to_owned()), steps)
    }

    /// Opens the store wherever `location` says, schema brought up to date.
    pub fn open_at(location: &Location, steps: &[migrations::Keyed]) -> Result<Store, OpenError> {
        use secrecy::ExposeSecret;
        let engine =
            match location {
                Location::Sqlite(path) => Engines::Sqlite(sqlite::Sqlite::open(path, steps)?),
                Location::Postgres { url, pool_size } => Engines::Postgres(
                    postgres::Postgres::open(url.expose_secret(), *pool_size, steps)?,
                ),
            };
        Ok(Store { engine })
    }

    /// A private in-memory SQLite store with `steps` applied, for unit tests.
    #[cfg(test)]
    pub fn in_memory(steps: &[migrations::Keyed]) -> Store {
        Store {
            engine: Engines::Sqlite(sqlite::Sqlite::in_memory(steps)),
        }
    }

    /// Calls `woken` whenever any instance's transaction sent a notification on `channel`
    /// (PostgreSQL's `NOTIFY`). On SQLite there is only this instance: nothing to listen to.
    pub fn listen(&self, channel: &'static str, woken: Box<dyn Fn() + Send>) {
        if let Engines::Postgres(postgres) = &self.engine {
            postgres.listen(channel, woken);
        }
    }

    /// Which engine this store runs on.
    pub fn engine(&self) -> EngineKind {
        match self.engine {
            Engines::Sqlite(_) => EngineKind::Sqlite,
            Engines::Postgres(_) => EngineKind::Postgres,
        }
    }

    /// Runs `work` in one transaction on the calling thread (any thread: PostgreSQL's side
    /// moves off an async worker by itself): committed when it returns `Ok`, rolled back
    /// otherwise. For startup and commands; requests use [`Store::run`]. `work` may run
    /// more than once on PostgreSQL (a race lost), so it only reads and writes through
    /// the transaction it is given.
    pub fn run_blocking<R, E>(
        &self,
        mut work: impl FnMut(&Tx<'_>) -> Result<R, E> + Send,
    ) -> Result<R, E>
    where
        R: Send,
        E: From<StoreError> + Send,
    {
        match &self.engine {
            Engines::Sqlite(sqlite) => sqlite.run(&mut |conn| work(&Tx::sqlite(conn))),
            Engines::Postgres(postgres) => {
                postgres.run_blocking(&mut |open| work(&Tx::postgres(open)))
            }
        }
    }

    /// Runs `work` in one transaction on the blocking pool, so the database's I/O never
    /// stalls the async workers. As with [`Store::run_blocking`], `work` may run again.
    pub async fn run<R, E, F>(&self, mut work: F) -> Result<R, E>
    where
        F: FnMut(&Tx<'_>) -> Result<R, E> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || match &store.engine {
            Engines::Sqlite(sqlite) => sqlite.run(&mut |conn| work(&Tx::sqlite(conn))),
            Engines::Postgres(postgres) => postgres.run(&mut |open| work(&Tx::postgres(open))),
        })
        .await
        .map_err(|join_error| E::from(StoreError::TaskFailed(join_error.to_string())))?
    }
}

/// Which rows of an ordered list to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub offset: u64,
    pub limit: u32,
}

/// One page of rows and how many rows match in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice<T> {
    pub total: u64,
    pub rows: Vec<T>,
}

/// A window's OFFSET, as SQL binds it.
pub fn offset_param(window: Window) -> i64 {
    // Page numbers are u32 and sizes at most MAX_PAGE_SIZE, so this never saturates in use.
    i64::try_from(window.offset).unwrap_or(i64::MAX)
}

/// The one number a `SELECT COUNT(*)` returns, `values` bound in order.
pub fn count(conn: &Tx, sql: &str, values: &[String]) -> Result<u64, StoreError> {
    let total: i64 = conn.query_row(sql, params_from_iter(values), |row| row.get(0))?;
    Ok(u64::try_from(total).unwrap_or(0))
}

/// A `WHERE` clause built from the conditions a filter sets, with its values bound in order
/// as `?1`, `?2`, …: a condition left unset adds nothing, and no condition at all gives an
/// empty clause. Only column names and operators the code names reach the SQL text.
#[derive(Debug, Default)]
pub struct Where {
    clauses: Vec<String>,
    values: Vec<String>,
}

impl Where {
    /// `column = ?N` for each pair whose value is set, in the order given.
    pub fn equal(mut self, pairs: &[(&str, &Option<String>)]) -> Self {
        for (column, value) in pairs {
            self = self.compare(column, "=", value);
        }
        self
    }

    /// `column <operator> ?N` when `value` is set.
    pub fn compare(mut self, column: &str, operator: &str, value: &Option<String>) -> Self {
        if let Some(value) = value {
            self.values.push(value.clone());
            self.clauses
                .push(format!("{column} {operator} ?{}", self.values.len()));
        }
        self
    }

    /// `UPPER(column) = UPPER(?N)` when `value` is set: equal whatever the case, both sides
    /// folded by the database alike (an index on `UPPER(column)` serves it).
    pub fn equal_ignoring_case(mut self, column: &str, value: &Option<String>) -> Self {
        if let Some(value) = value {
            self.values.push(value.clone());
            self.clauses
                .push(format!("UPPER({column}) = UPPER(?{})", self.values.len()));
        }
        self
    }

    /// A condition that binds nothing; its text must come from the code, never the request.
    pub fn literal(mut self, clause: String) -> Self {
        self.clauses.push(clause);
        self
    }

    /// The clause (`WHERE a AND b`, or empty) and its values.
    pub fn finish(self) -> (String, Vec<String>) {
        if self.clauses.is_empty() {
            (String::new(), self.values)
        } else {
            (format!("WHERE {}", self.clauses.join(" AND ")), self.values)
        }
    }
}

/// The `WHERE` clause of `column = ?N` for each pair whose value is set, and its values.
pub fn where_equal(pairs: &[(&str, &Option<String>)]) -> (String, Vec<String>) {
    Where::default().equal(pairs).finish()
}

#[cfg(test)]
mod tests {
    use super::{where_equal, StoreError, Where};

    #[test]
    fn only_a_busy_or_locked_database_is_busy() {
        let failure = |code| {
            StoreError::from(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                None,
            ))
        };
        for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
            assert!(matches!(failure(code), StoreError::Busy(_)), "{code}");
        }
        assert!(matches!(
            failure(rusqlite::ffi::SQLITE_CORRUPT),
            StoreError::Database(_)
        ));
        assert!(matches!(
            StoreError::from(rusqlite::Error::QueryReturnedNoRows),
            StoreError::NoRow
        ));
    }

    #[test]
    fn where_binds_only_the_set_conditions_in_order() {
        let (a, b, none) = (Some("x".to_owned()), Some("y".to_owned()), None);
        assert_eq!(where_equal(&[("a", &none)]), (String::new(), vec![]));
        let (clause, values) = Where::default()
            .equal(&[("a", &a), ("n", &none)])
            .literal("flag = 1".to_owned())
            .compare("at", ">=", &b)
            .equal_ignoring_case("r", &none)
            .equal_ignoring_case("ref", &a)
            .finish();
        assert_eq!(
            clause,
            "WHERE a = ?1 AND flag = 1 AND at >= ?2 AND UPPER(ref) = UPPER(?3)"
        );
        assert_eq!(values, ["x", "y", "x"]);
    }
}
