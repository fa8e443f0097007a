//! A second server instance beside the console's, over one database, as behind a load
//! balancer: on PostgreSQL when the test command's throwaway server is there
//! (`SWITCHBOARD_TEST_POSTGRES`), else on the console's SQLite file. What is written
//! through it must reach the console through the server's event stream.

use switchboard_server::store::Location;

/// Where the harness's servers keep their data: a new PostgreSQL database when a server is
/// named and two instances are wanted, else the SQLite file at `sqlite`.
pub fn location(sqlite: std::path::PathBuf, second_instance: bool) -> Location {
    let server = std::env::var("SWITCHBOARD_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.trim().is_empty());
    match server {
        Some(server) if second_instance => Location::Postgres {
            url: new_database(&server).into(),
            pool_size: 4,
        },
        _ => Location::Sqlite(sqlite),
    }
}

/// A new, empty database on `server` (an admin URL), its text ordered as bytes: its URL.
fn new_database(server: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    let name = format!("e2e_{}_{nanos}", std::process::id());
    let statement = format!(
        "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
    );
    let admin = server.to_owned();
    // Off the async workers: the synchronous client runs a runtime of its own.
    std::thread::spawn(move || {
        let mut client =
            postgres::Client::connect(&admin, postgres::NoTls).expect("the test database answers");
        client
            .batch_execute(&statement)
            .expect("a database is made");
    })
    .join()
    .expect("the database is made");
    let (base, _) = server.rsplit_once('/').expect("the URL names a database");
    format!("{base}/{name}")
}

/// Starts a second instance with `config` once the first (at `first`) answers, so the two
/// never prepare one database at the same moment; its base URL, once it answers too.
pub async fn start_second(first: &str, config: switchboard_server::Config) -> String {
    answers(first).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        switchboard_server::serve(listener, config)
            .await
            .expect("the second instance runs");
    });
    answers(&base).await;
    base
}

/// Waits (on the condition, up to [`super::WAIT`]) until the server at `base` answers.
async fn answers(base: &str) {
    let client = reqwest::Client::new();
    let url = format!("{base}{}", switchboard_core::directory::BACKENDS_PATH);
    for _ in 0..(super::WAIT.as_millis() / super::POLL.as_millis()) {
        if client
            .get(&url)
            .send()
            .await
            .is_ok_and(|response| response.status().is_success())
        {
            return;
        }
        tokio::time::sleep(super::POLL).await;
    }
    panic!("{base} never answered");
}

impl super::Harness {
    /// A JSON POST by the demo agent `email` to the second instance, which must succeed.
    pub async fn api_post_through_second(&self, email: &str, path: &str, body: serde_json::Value) {
        let second = self
            .second
            .as_deref()
            .expect("the harness has a second instance");
        // Sessions live in the database: one made through the first instance opens the
        // second too.
        let cookie = self.session_cookie(email).await;
        let response = reqwest::Client::new()
            .post(format!("{second}{path}"))
            .header("cookie", cookie)
            .header(
                switchboard_core::session::WRITE_HEADER,
                switchboard_core::session::WRITE_HEADER_VALUE,
            )
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("the second instance answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
    }
}
