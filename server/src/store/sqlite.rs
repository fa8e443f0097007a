//! SQLite, the embedded default: one connection, opened and migrated at startup, on which
//! every request runs its work in one transaction, behind one mutex. SQLite serialises
//! writers anyway, and one connection keeps each transaction simple; nothing in it races.

use super::migrations::{self, Keyed};
use super::values::{Owned, Params, Value};
use super::{OpenError, StoreError};
use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};
use rusqlite::{params_from_iter, CachedStatement, Connection};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

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
            rusqlite::Error::QueryReturnedNoRows => StoreError::NoRow,
            _ => StoreError::Database(error.to_string()),
        }
    }
}

#[derive(Clone)]
pub(super) struct Sqlite {
    connection: Arc<Mutex<Connection>>,
}

impl Sqlite {
    pub(super) fn open(path: &Path, steps: &[Keyed]) -> Result<Sqlite, OpenError> {
        let connection = Connection::open(path).map_err(|source| OpenError::Open {
            place: path.display().to_string(),
            reason: source.to_string(),
        })?;
        Self::prepare(connection, path, steps)
    }

    #[cfg(test)]
    pub(super) fn in_memory(steps: &[Keyed]) -> Sqlite {
        let connection = Connection::open_in_memory().expect("SQLite can always open memory");
        Self::prepare(connection, Path::new(":memory:"), steps)
            .expect("the schema applies to memory")
    }

    fn prepare(
        mut connection: Connection,
        path: &Path,
        steps: &[Keyed],
    ) -> Result<Sqlite, OpenError> {
        let migrate_error = |source: rusqlite::Error| OpenError::Migrate {
            place: path.display().to_string(),
            reason: source.to_string(),
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
        migrations::migrate_sqlite(&mut connection, path, steps)?;
        Ok(Sqlite {
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

    /// Runs `work` in one transaction: committed when it returns `Ok`, rolled back
    /// otherwise. One connection behind a mutex: nothing to retry.
    pub(super) fn run<R, E>(
        &self,
        work: &mut dyn FnMut(&Connection) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let mut connection = self.lock();
        // IMMEDIATE: the write lock is taken at the start, so a second process on the same
        // file (a backup, the agents command, a test's second server) makes this one wait
        // its busy timeout rather than fail at once on a read lock it cannot upgrade.
        let transaction = connection
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let result = work(&transaction)?;
        transaction.commit().map_err(StoreError::from)?;
        Ok(result)
    }
}

/// A bound value as SQLite takes it, borrowed.
struct Bound<'a>(Value<'a>);

impl ToSql for Bound<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self.0 {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(i),
            Value::Real(r) => ValueRef::Real(r),
            Value::Text(text) => ValueRef::Text(text.as_bytes()),
            Value::Blob(bytes) => ValueRef::Blob(bytes),
        }))
    }
}

pub(super) fn execute(
    statement: &mut CachedStatement<'_>,
    params: impl Params,
) -> Result<usize, StoreError> {
    params.with_values(|values| {
        Ok(statement.execute(params_from_iter(values.iter().map(|v| Bound(*v))))?)
    })
}

pub(super) fn each(
    statement: &mut CachedStatement<'_>,
    params: impl Params,
    visit: &mut dyn FnMut(&rusqlite::Row<'_>) -> Result<ControlFlow<()>, StoreError>,
) -> Result<(), StoreError> {
    params.with_values(|values| {
        let mut rows = statement.query(params_from_iter(values.iter().map(|v| Bound(*v))))?;
        while let Some(row) = rows.next()? {
            if visit(row)?.is_break() {
                break;
            }
        }
        Ok(())
    })
}

pub(super) fn column(row: &rusqlite::Row<'_>, index: usize) -> Result<Owned, StoreError> {
    Ok(match row.get_ref(index)? {
        ValueRef::Null => Owned::Null,
        ValueRef::Integer(i) => Owned::Integer(i),
        ValueRef::Real(r) => Owned::Real(r),
        ValueRef::Text(text) => Owned::Text(String::from_utf8_lossy(text).into_owned()),
        ValueRef::Blob(bytes) => Owned::Blob(bytes.to_vec()),
    })
}
