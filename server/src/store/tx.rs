//! The handle every store function holds, [`Tx`], and what it gives: statements to run and
//! rows to read, the same on both engines. Its methods are named as rusqlite's were
//! (`prepare_cached`, `query_row`, `query_map`, `execute`), so the store functions read as
//! they did when SQLite was the only engine; SQL is written once, with `?1`, `?2`…
//! placeholders, and PostgreSQL's side rewrites them to `$1`, `$2`… (`postgres.rs`).

use super::values::{Column, Params};
use super::{postgres::PgWork, sqlite, StoreError};
use std::ops::ControlFlow;

/// Work inside one transaction holds this and nothing else: [`super::Store::run`] hands it
/// over, every store function takes it. Handlers and seeds only pass it on, so they never
/// name the engine.
pub struct Tx<'a>(Engine<'a>);

enum Engine<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(&'a (dyn PgWork + 'a)),
}

/// Which engine a transaction runs on, for the rare statement that must differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EngineKind {
    Sqlite,
    Postgres,
}

impl<'a> Tx<'a> {
    /// Work's handle on SQLite's connection mid-transaction.
    pub(super) fn sqlite(connection: &'a rusqlite::Connection) -> Tx<'a> {
        Tx(Engine::Sqlite(connection))
    }

    /// Work's handle on a PostgreSQL transaction in progress.
    pub(super) fn postgres(work: &'a (dyn PgWork + 'a)) -> Tx<'a> {
        Tx(Engine::Postgres(work))
    }

    /// A handle on a bare SQLite connection, outside any transaction: for a store module's
    /// test that applies only the schema step it needs.
    #[cfg(test)]
    pub(crate) fn bare(connection: &'a rusqlite::Connection) -> Tx<'a> {
        Tx(Engine::Sqlite(connection))
    }

    pub fn engine(&self) -> EngineKind {
        match self.0 {
            Engine::Sqlite(_) => EngineKind::Sqlite,
            Engine::Postgres(_) => EngineKind::Postgres,
        }
    }

    /// A statement, prepared once per connection and kept for the next request.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>, StoreError> {
        Ok(Statement(match self.0 {
            Engine::Sqlite(connection) => {
                StatementOn::Sqlite(connection.prepare_cached(sql).map_err(StoreError::from)?)
            }
            Engine::Postgres(work) => StatementOn::Postgres {
                work,
                statement: work.prepare(sql)?,
            },
        }))
    }

    /// The same as [`Tx::prepare_cached`]: both engines keep what they prepared.
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>, StoreError> {
        self.prepare_cached(sql)
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize, StoreError> {
        self.prepare_cached(sql)?.execute(params)
    }

    /// The first row of one statement, read by `read`; [`StoreError::NoRow`] when there is
    /// none (`.optional()` turns that into `None`).
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl FnOnce(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.prepare_cached(sql)?.query_row(params, read)
    }

    /// Several statements with nothing bound: a test's schema step.
    pub fn execute_batch(&self, sql: &str) -> Result<(), StoreError> {
        match self.0 {
            Engine::Sqlite(connection) => Ok(connection.execute_batch(sql)?),
            Engine::Postgres(work) => work.batch(sql),
        }
    }
}

/// A prepared statement of either engine.
pub struct Statement<'t>(StatementOn<'t>);

enum StatementOn<'t> {
    Sqlite(rusqlite::CachedStatement<'t>),
    Postgres {
        work: &'t (dyn PgWork + 't),
        statement: postgres::Statement,
    },
}

impl Statement<'_> {
    /// Runs it; the number of rows it changed.
    pub fn execute(&mut self, params: impl Params) -> Result<usize, StoreError> {
        match &mut self.0 {
            StatementOn::Sqlite(statement) => sqlite::execute(statement, params),
            StatementOn::Postgres { work, statement } => {
                let changed = params.with_values(|values| work.execute(statement, values))?;
                Ok(usize::try_from(changed).unwrap_or(usize::MAX))
            }
        }
    }

    /// Its first row, read by `read`, or [`StoreError::NoRow`].
    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        read: impl FnOnce(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut read = Some(read);
        let mut first = None;
        // The first row is all it reads: the rest are not stepped through.
        self.each(params, &mut |row| {
            if let Some(read) = read.take() {
                first = Some(read(row));
            }
            Ok(ControlFlow::Break(()))
        })?;
        first.unwrap_or(Err(StoreError::NoRow))
    }

    /// Every row, each read by `read`, in order.
    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        mut read: impl FnMut(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<std::vec::IntoIter<Result<T, StoreError>>, StoreError> {
        let mut rows = Vec::new();
        self.each(params, &mut |row| {
            rows.push(read(row));
            Ok(ControlFlow::Continue(()))
        })?;
        Ok(rows.into_iter())
    }

    fn each(
        &mut self,
        params: impl Params,
        visit: &mut dyn FnMut(&Row<'_>) -> Result<ControlFlow<()>, StoreError>,
    ) -> Result<(), StoreError> {
        match &mut self.0 {
            StatementOn::Sqlite(statement) => sqlite::each(statement, params, &mut |row| {
                visit(&Row(RowOn::Sqlite(row)))
            }),
            StatementOn::Postgres { work, statement } => {
                let rows = params.with_values(|values| work.query(statement, values))?;
                for row in &rows {
                    if visit(&Row(RowOn::Postgres(row)))?.is_break() {
                        break;
                    }
                }
                Ok(())
            }
        }
    }
}

/// One row of a result, of either engine.
pub struct Row<'r>(RowOn<'r>);

enum RowOn<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

/// A column's position in a row (from 0).
pub trait RowIndex {
    fn position(self) -> usize;
}

impl RowIndex for usize {
    fn position(self) -> usize {
        self
    }
}

impl Row<'_> {
    /// The column at `index`, read as `T`: a typed error names the column and what it held
    /// when that is not a `T`.
    pub fn get<I: RowIndex, T: Column>(&self, index: I) -> Result<T, StoreError> {
        let index = index.position();
        let owned = match &self.0 {
            RowOn::Sqlite(row) => sqlite::column(row, index)?,
            RowOn::Postgres(row) => super::postgres::column(row, index)?,
        };
        T::from_owned(owned).map_err(|found| StoreError::Column {
            index,
            expected: std::any::type_name::<T>(),
            found,
        })
    }
}
