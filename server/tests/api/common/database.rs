//! Which engine the HTTP tests run on: SQLite in each test's temporary folder, or, when
//! `SWITCHBOARD_TEST_POSTGRES` names a PostgreSQL server (the test command starts one), a
//! fresh database of its own on it, so the same tests prove both engines.

use std::path::Path;
use switchboard_server::store::{Location, Store};

/// The admin URL of the PostgreSQL server the tests make their databases on, if any.
pub fn postgres_server() -> Option<String> {
    std::env::var("SWITCHBOARD_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// Where a new test server keeps its data: a SQLite file in `folder`, or a new database.
pub fn fresh(folder: &Path) -> Location {
    match postgres_server() {
        Some(server) => Location::Postgres {
            url: new_database(&server).into(),
            pool_size: 4,
        },
        None => Location::Sqlite(folder.join("switchboard.sqlite3")),
    }
}

/// Makes an empty database on `server` (its bytes ordered as SQLite orders text, the
/// collation the README asks for), and its URL.
pub fn new_database(server: &str) -> String {
    let name = format!("test_{}", uuid::Uuid::new_v4().simple());
    let admin = server.to_owned();
    let statement = format!(
        "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
    );
    // Off the async workers: the synchronous client runs a runtime of its own.
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .expect("the test PostgreSQL server answers");
        client
            .batch_execute(&statement)
            .expect("a test database is made");
    })
    .join()
    .expect("the database is made");
    let (base, _) = server.rsplit_once('/').expect("the URL names a database");
    format!("{base}/{name}")
}

/// The store a test server uses, opened beside it (to look at or change what it keeps).
pub fn open(location: &Location) -> Store {
    Store::open_at(location, &switchboard_server::dialects::migrations())
        .expect("the test server's store opens")
}

/// Another writer holding `table` of a PostgreSQL test server's database until dropped:
/// the server's own writes to it wait, then give up.
pub struct TableHeld {
    release: Option<std::sync::mpsc::Sender<()>>,
    holder: Option<std::thread::JoinHandle<()>>,
}

pub fn hold_table(location: &Location, table: &str) -> TableHeld {
    use secrecy::ExposeSecret;
    let Location::Postgres { url, .. } = location else {
        panic!("hold_table is for a PostgreSQL test server");
    };
    let (url, table) = (url.expose_secret().to_owned(), table.to_owned());
    let (held, is_held) = std::sync::mpsc::channel();
    let (release, is_released) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connects");
        let mut transaction = client.transaction().expect("begins");
        transaction
            .batch_execute(&format!("LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
            .expect("locks");
        held.send(()).expect("the test waits");
        let _ = is_released.recv();
        transaction.rollback().expect("rolls back");
    });
    is_held.recv().expect("the table is held");
    TableHeld {
        release: Some(release),
        holder: Some(holder),
    }
}

impl Drop for TableHeld {
    fn drop(&mut self) {
        drop(self.release.take());
        if let Some(holder) = self.holder.take() {
            let _ = holder.join();
        }
    }
}
