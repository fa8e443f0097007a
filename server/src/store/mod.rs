//! The store's runner: one SQLite connection, opened and migrated at startup, on which
//! every request runs its work in one transaction, off the async workers. That work holds a
//! [`Tx`] and nothing else, and reaches the tables only through the store functions: only
//! this folder and each dialect's `store` module name the engine, so another one can plug in
//! here (`layers.rs` checks it). What the tables
//! hold is elsewhere: Switchboard's own in [`people`], [`identities`], [`files`], [`follows`] and [`idempotency`], each dialect's in its
//! `dialects/<name>/store`; the schema steps of all of them in [`migrations`], handed to
//! [`Store::open`] by the top (the store never reads the list of dialects).
//!
//! Instants are stored as `format_instant` text (UTC, milliseconds), so ordering the text
//! orders the instants. SQL stays portable where a portable form exists, so another
//! engine can take the same steps later.

pub mod devices;
pub mod files;
pub mod follows;
pub mod idempotency;
pub mod identities;
pub mod migrations;
pub mod people;
pub mod sessions;

use rusqlite::{params_from_iter, Connection};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use thiserror::Error;

/// The one thing work inside a transaction holds: [`Store::run`] hands it to the work, and
/// every store function (here and in each dialect's `store` module) takes it. Handlers and
/// seeds only pass it on to those functions, so they never name the engine. Today it is
/// SQLite's connection mid-transaction; a second engine (PostgreSQL, later) makes this an
/// enum with a variant for each.
pub struct Tx<'a>(&'a Connection);

/// For the store modules alone: their SQL runs on SQLite's connection directly, as before
/// the handle had a name of its own. Only they may name the engine (`layers.rs` checks it).
impl Deref for Tx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.0
    }
}

impl<'a> Tx<'a> {
    /// A handle on a bare connection, outside any transaction: for a store module's test
    /// that applies only the schema step it needs.
    #[cfg(test)]
    pub(crate) fn bare(connection: &'a Connection) -> Tx<'a> {
        Tx(connection)
    }
}

/// A failure of the store itself, never of the request: it becomes a 500, or a 503 when the
/// database is only busy.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    /// SQLite stayed busy or locked past the busy timeout: in use, not broken, so worth
    /// trying again shortly. Holds SQLite's own words, which say which of the two.
    #[error("database error: {0}")]
    Busy(String),
    #[error("a stored list is not valid JSON: {0}")]
    CorruptList(#[from] serde_json::Error),
    #[error("the database task did not finish: {0}")]
    TaskFailed(String),
}

/// Only the store knows SQLite's codes: busy and locked become [`StoreError::Busy`].
impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match &error {
            rusqlite::Error::SqliteFailure(failure, _)
                if matches!(failure.code, DatabaseBusy | DatabaseLocked) =>
            {
                StoreError::Busy(error.to_string())
            }
            _ => StoreError::Database(error),
        }
    }
}

/// Why the store could not be opened.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("cannot open the database at {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot prepare the database at {path}: {source}")]
    Migrate {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "the database at {path} has schema version {found}, which this server does not know; \
         use a newer server or another --db file"
    )]
    UnknownSchema { path: PathBuf, found: i64 },
    #[error(
        "the database at {path} has {dialect} step {found}, newer than this server's {supported}; \
         use a newer server or another --db file"
    )]
    NewerStep {
        path: PathBuf,
        dialect: String,
        found: i64,
        supported: i64,
    },
}

/// One SQLite connection shared by every request. SQLite serialises writers anyway, and one
/// connection keeps each request's transaction simple; the work runs on the blocking pool.
#[derive(Clone)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
}

impl Store {
    /// Opens (creating on first start) the database file and brings its schema up to date
    /// with `steps` (every owner's: `dialects::migrations`).
    pub fn open(path: &Path, steps: &[migrations::Keyed]) -> Result<Store, OpenError> {
        let open_error = |source| OpenError::Open {
            path: path.to_owned(),
            source,
        };
        let connection = Connection::open(path).map_err(open_error)?;
        Self::prepare(connection, path, steps)
    }

    /// A private in-memory store with `steps` applied, for unit tests.
    #[cfg(test)]
    pub fn in_memory(steps: &[migrations::Keyed]) -> Store {
        let connection = Connection::open_in_memory().expect("SQLite can always open memory");
        Self::prepare(connection, Path::new(":memory:"), steps)
            .expect("the schema applies to memory")
    }

    fn prepare(
        mut connection: Connection,
        path: &Path,
        steps: &[migrations::Keyed],
    ) -> Result<Store, OpenError> {
        let migrate_error = |source| OpenError::Migrate {
            path: path.to_owned(),
            source,
        };
        connection
            .busy_timeout(Duration::from_secs(5))
            .map_err(migrate_error)?;
        // WAL lets a reader (the sqlite3 shell, a backup) look while the server writes.
        let _mode: String = connection
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(migrate_error)?;
        connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(migrate_error)?;
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(migrate_error)?;
        migrations::migrate(&mut connection, path, steps)?;
        Ok(Store {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock dropped its Transaction, which rolled back, so the
        // connection is still consistent: take it back rather than fail every later request.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `work` in one transaction on the calling thread: committed when it returns
    /// `Ok`, rolled back otherwise. For startup; requests use [`Store::run`].
    pub fn run_blocking<R, E>(&self, work: impl FnOnce(&Tx<'_>) -> Result<R, E>) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let mut connection = self.lock();
        let transaction = connection.transaction().map_err(StoreError::from)?;
        let result = work(&Tx(&transaction))?;
        transaction.commit().map_err(StoreError::from)?;
        Ok(result)
    }

    /// Runs `work` in one transaction on the blocking pool, so SQLite's I/O never stalls
    /// the async workers.
    pub async fn run<R, E, F>(&self, work: F) -> Result<R, E>
    where
        F: FnOnce(&Tx<'_>) -> Result<R, E> + Send + 'static,
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.run_blocking(work))
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
            StoreError::Database(_)
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
