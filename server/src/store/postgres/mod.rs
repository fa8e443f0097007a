//! PostgreSQL, for teams past one machine: a pool of connections shared by the blocking
//! pool's threads, and several server instances over one database. Every transaction is
//! `SERIALIZABLE` and is run again when PostgreSQL reports that a concurrent one got in its
//! way (a serialization failure or a deadlock), so what relied on SQLite's one writer (an
//! idempotency claim, an `If-Match` version, a read-compare-write) stays right with many.
//!
//! The client is rust-postgres's synchronous one: the store's work already runs on the
//! blocking pool, so both engines keep one shape. It runs a small runtime of its own per
//! connection, which must never be driven from an async task: [`Postgres::run_blocking`]
//! moves to a thread of its own, and the pool is dropped on one.

use super::migrations::{self, Keyed};
mod types;

use super::values::Value;
use super::{OpenError, StoreError};
use postgres::error::SqlState;
use postgres::{IsolationLevel, NoTls};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
pub(super) use types::column;
use types::{bind, numbered_placeholders, refs};

/// How many times a transaction that lost a race runs again before the request is told
/// to retry later (503): with the pauses below, about a second and a half of trying, so a
/// burst of writers on one row all get through.
const ATTEMPTS: u32 = 16;

/// Statements kept per connection; past it the cache starts again (filters build a few
/// hundred distinct texts at most, so this is only a bound).
const CACHED_STATEMENTS: usize = 1024;

/// What a transaction does on PostgreSQL, behind an object so [`Tx`] needs no lifetime of
/// the pool's.
pub(super) trait PgWork {
    fn prepare(&self, sql: &str) -> Result<postgres::Statement, StoreError>;
    fn execute(
        &self,
        statement: &postgres::Statement,
        values: &[Value<'_>],
    ) -> Result<u64, StoreError>;
    fn query(
        &self,
        statement: &postgres::Statement,
        values: &[Value<'_>],
    ) -> Result<Vec<postgres::Row>, StoreError>;
    fn batch(&self, sql: &str) -> Result<(), StoreError>;
}

/// One pooled connection and the statements prepared on it.
pub(super) struct Connection {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

struct Manager {
    config: postgres::Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Connection;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Connection, postgres::Error> {
        let mut client = self.config.connect(NoTls)?;
        // A request waits on another's lock as long as SQLite's busy timeout, then is
        // answered 503 (try again); no statement runs past a minute.
        client.batch_execute("SET lock_timeout = '5s'; SET statement_timeout = '60s'")?;
        Ok(Connection {
            client,
            statements: HashMap::new(),
        })
    }

    fn is_valid(&self, connection: &mut Connection) -> Result<(), postgres::Error> {
        connection.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, connection: &mut Connection) -> bool {
        connection.client.is_closed()
    }
}

#[derive(Clone)]
pub(super) struct Postgres {
    pool: Arc<PoolOnItsThread>,
    /// Where to connect, for the listener's connection of its own.
    config: Arc<postgres::Config>,
}

/// The pool, dropped on a thread of its own: closing a connection blocks on the client's
/// runtime, which must not happen on an async worker (where the last `Store` often goes).
struct PoolOnItsThread(Option<r2d2::Pool<Manager>>);

impl Drop for PoolOnItsThread {
    fn drop(&mut self) {
        if let Some(pool) = self.0.take() {
            let _ = std::thread::Builder::new()
                .name("postgres-close".into())
                .spawn(move || drop(pool));
        }
    }
}

/// Where a URL points, without its password: for errors and logs.
pub(super) fn place_of(config: &postgres::Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|host| match host {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    format!(
        "postgres://{}@{}/{}",
        config.get_user().unwrap_or(""),
        hosts.join(","),
        config.get_dbname().unwrap_or("")
    )
}

impl Postgres {
    /// Connects, applies the missing schema steps (one instance at a time, under an
    /// advisory lock) and opens the pool.
    pub(super) fn open(url: &str, pool_size: u32, steps: &[Keyed]) -> Result<Postgres, OpenError> {
        let config: postgres::Config =
            url.parse()
                .map_err(|error: postgres::Error| OpenError::Open {
                    place: "the PostgreSQL URL".to_owned(),
                    reason: error.to_string(),
                })?;
        let place = place_of(&config);
        let steps = steps.to_vec();
        let shared = Arc::new(config.clone());
        let manager = Manager { config };
        // Off any async worker: the client blocks on its own runtime.
        std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let mut client =
                        manager
                            .config
                            .connect(NoTls)
                            .map_err(|error| OpenError::Open {
                                place: place.clone(),
                                reason: error.to_string(),
                            })?;
                    migrations::migrate_postgres(&mut client, &place, &steps)?;
                    drop(client);
                    let pool = r2d2::Pool::builder()
                        .max_size(pool_size)
                        .min_idle(Some(1))
                        .connection_timeout(Duration::from_secs(5))
                        .build(manager)
                        .map_err(|error| OpenError::Open {
                            place: place.clone(),
                            reason: error.to_string(),
                        })?;
                    Ok(Postgres {
                        pool: Arc::new(PoolOnItsThread(Some(pool))),
                        config: shared.clone(),
                    })
                })
                .join()
                .unwrap_or_else(|_| {
                    Err(OpenError::Open {
                        place: place.clone(),
                        reason: "the connecting thread stopped".to_owned(),
                    })
                })
        })
    }

    fn pool(&self) -> Result<&r2d2::Pool<Manager>, StoreError> {
        self.pool
            .0
            .as_ref()
            .ok_or_else(|| StoreError::Busy("the database is closing".to_owned()))
    }

    /// Runs `work` in one serializable transaction on this thread, which must not be an
    /// async worker (the blocking pool's threads are fine): committed when it returns
    /// `Ok`, rolled back otherwise, and run again when it lost a race.
    pub(super) fn run<R, E>(
        &self,
        work: &mut dyn FnMut(&dyn PgWork) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let mut pooled = self
            .pool()?
            .get()
            .map_err(|error| StoreError::Busy(format!("no database connection: {error}")))?;
        let Connection { client, statements } = &mut *pooled;
        if statements.len() > CACHED_STATEMENTS {
            statements.clear();
        }
        let mut attempt = 0;
        loop {
            attempt += 1;
            let transaction = client
                .build_transaction()
                .isolation_level(IsolationLevel::Serializable)
                .start()
                .map_err(StoreError::from)?;
            let open = Open {
                transaction: RefCell::new(Some(transaction)),
                statements: RefCell::new(&mut *statements),
                lost_race: Cell::new(false),
            };
            let result = work(&open);
            let lost_race = open.lost_race.get();
            let transaction = open.transaction.into_inner();
            match (result, transaction) {
                (Ok(value), Some(transaction)) => match transaction.commit() {
                    Ok(()) => return Ok(value),
                    Err(error) if retryable(&error) && attempt < ATTEMPTS => {}
                    Err(error) => return Err(StoreError::from(error).into()),
                },
                (Ok(_), None) => {
                    return Err(StoreError::Busy("the transaction ended".into()).into())
                }
                // Dropping the transaction rolls it back.
                (Err(_), _) if lost_race && attempt < ATTEMPTS => {}
                (Err(error), _) => return Err(error),
            }
            tracing::info!(
                attempt,
                "a transaction lost a race with another; running it again"
            );
            // A short, growing, jittered pause, so two losers do not meet again at once.
            let jitter = u64::from(rand_core::RngCore::next_u32(&mut rand_core::OsRng) % 8);
            let pause = (1_u64 << attempt.min(7)).min(100);
            std::thread::sleep(Duration::from_millis(pause + jitter));
        }
    }

    /// Calls `woken` on a thread of its own whenever a notification arrives on `channel`
    /// (from any instance's commit), and once after each reconnection, for what may have
    /// been missed meanwhile; for as long as the process runs.
    pub(super) fn listen(&self, channel: &'static str, woken: Box<dyn Fn() + Send>) {
        let config = self.config.clone();
        let spawned = std::thread::Builder::new()
            .name("postgres-listen".into())
            .spawn(move || loop {
                match config.connect(NoTls) {
                    Ok(mut client) => {
                        if client.batch_execute(&format!("LISTEN {channel}")).is_ok() {
                            woken();
                            let mut notifications = client.notifications();
                            let mut arrivals = notifications.blocking_iter();
                            while let Ok(Some(_)) =
                                postgres::fallible_iterator::FallibleIterator::next(&mut arrivals)
                            {
                                woken();
                            }
                        }
                        tracing::warn!("the database's notifications stopped; listening again");
                    }
                    Err(error) => {
                        tracing::warn!(%error, "cannot listen to the database's notifications")
                    }
                }
                std::thread::sleep(Duration::from_secs(1));
            });
        if let Err(error) = spawned {
            tracing::error!(%error, "the database's listener could not start");
        }
    }

    /// [`Postgres::run`] from anywhere, an async worker included: on a thread of its own.
    pub(super) fn run_blocking<R, E>(
        &self,
        work: &mut (dyn FnMut(&dyn PgWork) -> Result<R, E> + Send),
    ) -> Result<R, E>
    where
        R: Send,
        E: From<StoreError> + Send,
    {
        std::thread::scope(|scope| {
            scope.spawn(|| self.run(work)).join().unwrap_or_else(|_| {
                Err(StoreError::TaskFailed("the store's thread panicked".into()).into())
            })
        })
    }
}

/// A serialization failure or a deadlock: another transaction got there first, and the
/// same work run again will see what it did.
fn retryable(error: &postgres::Error) -> bool {
    matches!(
        error.code(),
        Some(code) if *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED
    )
}

impl From<postgres::Error> for StoreError {
    fn from(error: postgres::Error) -> Self {
        if retryable(&error) || error.is_closed() {
            let words = error
                .as_db_error()
                .map_or_else(|| error.to_string(), |db| db.message().to_owned());
            return StoreError::Busy(words);
        }
        match error.as_db_error() {
            // Connection and resource trouble, a lock waited on too long (classes 08, 53,
            // 55, 57): in use or restarting, worth trying again shortly.
            Some(db)
                if ["08", "53", "55", "57"]
                    .iter()
                    .any(|class| db.code().code().starts_with(class)) =>
            {
                StoreError::Busy(db.message().to_owned())
            }
            Some(db) => StoreError::Database(format!("{}: {}", db.code().code(), db.message())),
            None => StoreError::Database(error.to_string()),
        }
    }
}

/// One transaction in progress, and the connection's statement cache.
struct Open<'c, 's> {
    transaction: RefCell<Option<postgres::Transaction<'c>>>,
    statements: RefCell<&'s mut HashMap<String, postgres::Statement>>,
    lost_race: Cell<bool>,
}

impl Open<'_, '_> {
    fn with<T>(
        &self,
        act: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> Result<T, StoreError> {
        let mut slot = self.transaction.borrow_mut();
        let transaction = slot
            .as_mut()
            .ok_or_else(|| StoreError::Busy("the transaction ended".into()))?;
        act(transaction).map_err(|error| {
            if retryable(&error) {
                self.lost_race.set(true);
            }
            StoreError::from(error)
        })
    }
}

impl PgWork for Open<'_, '_> {
    fn prepare(&self, sql: &str) -> Result<postgres::Statement, StoreError> {
        if let Some(statement) = self.statements.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement =
            self.with(|transaction| transaction.prepare(&numbered_placeholders(sql)))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    fn execute(
        &self,
        statement: &postgres::Statement,
        values: &[Value<'_>],
    ) -> Result<u64, StoreError> {
        let bound = bind(values);
        self.with(|transaction| transaction.execute(statement, &refs(&bound)))
    }

    fn query(
        &self,
        statement: &postgres::Statement,
        values: &[Value<'_>],
    ) -> Result<Vec<postgres::Row>, StoreError> {
        let bound = bind(values);
        self.with(|transaction| transaction.query(statement, &refs(&bound)))
    }

    fn batch(&self, sql: &str) -> Result<(), StoreError> {
        self.with(|transaction| transaction.batch_execute(sql))
    }
}
