//! Nothing lost, nothing doubled, even when the server dies: the real binary is killed
//! (SIGKILL) at pseudo-random moments while clients send messages, each with its own
//! `Idempotency-Key` and retried until answered, and restarted on the same port and
//! database. Every message must then be stored exactly once (`docs/idempotency.md`).
//!
//! Fast and deterministic enough for the normal suite: a seeded xorshift picks the kill
//! moments (`FAULTS_SEED` overrides), reservations left by a kill count as abandoned after
//! 1 s (`SWITCHBOARD_IDEMPOTENCY_ABANDON_SECS`), and every wait is on a condition (the
//! "running at" line, an answer), never a fixed sleep.

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::{mpsc, Arc};
use std::time::Duration;
use switchboard_core::session::{SESSION_PATH, WRITE_HEADER, WRITE_HEADER_VALUE};
use switchboard_server::seed::DEMO_PASSWORD;

const CLIENTS: usize = 4;
const MESSAGES_PER_CLIENT: usize = 120;
const MAX_KILLS: u64 = 10;
const API: &str = "/communication/v1";

/// The counts the run prints.
#[derive(Default)]
struct Figures {
    sends: AtomicU64,
    retries: AtomicU64,
    conflicts: AtomicU64,
    kills: AtomicU64,
    restarts: AtomicU64,
}

/// A tiny xorshift64: the kill moments, the same for the same seed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low)
    }
}

/// Where the servers keep their data: a SQLite file, or a PostgreSQL database that two
/// of them share (the test command's second run).
#[derive(Clone)]
enum Db {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

/// The server process, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    db: Db,
}

impl Server {
    async fn start(db: Db, port: u16) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_switchboard-server"));
        command.args([
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--dist",
            "",
        ]);
        match &db {
            Db::Sqlite(path) => command.arg("--db").arg(path),
            Db::Postgres(url) => command
                .arg("--demo-data")
                .env("SWITCHBOARD_DATABASE_URL", url),
        };
        let mut child = command
            .env("SWITCHBOARD_IDEMPOTENCY_ABANDON_SECS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("its stdout");
        let port = running_port(stdout).await;
        Server { child, port, db }
    }

    fn kill(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("the killed server is reaped");
    }

    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for "Switchboard is running at http://HOST:PORT/" and returns the port; the
/// rest of the output is drained so the pipe never fills.
async fn running_port(stdout: std::process::ChildStdout) -> u16 {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("running at http://").nth(1) {
                let port = rest
                    .trim_end_matches('/')
                    .rsplit(':')
                    .next()
                    .map(str::to_owned);
                let _ = sender.send(port);
            }
        }
    });
    let line = tokio::task::spawn_blocking(move || receiver.recv_timeout(Duration::from_secs(20)))
        .await
        .expect("the reader task")
        .expect("the server says where it runs");
    line.and_then(|port| port.parse().ok()).expect("a port")
}

fn client(cookie: Option<&str>) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(WRITE_HEADER, WRITE_HEADER_VALUE.parse().expect("a value"));
    if let Some(cookie) = cookie {
        headers.insert(reqwest::header::COOKIE, cookie.parse().expect("a cookie"));
    }
    Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(5))
        .build()
        .expect("a client")
}

async fn sign_in(base_url: &str) -> String {
    let response = client(None)
        .post(format!("{base_url}{SESSION_PATH}"))
        .json(&json!({"email": "camille.laurent@switchboard.example", "password": DEMO_PASSWORD}))
        .send()
        .await
        .expect("signed in");
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()[reqwest::header::SET_COOKIE]
        .to_str()
        .expect("a cookie");
    cookie.split(';').next().expect("name=value").to_owned()
}

async fn create_conversation(client: &Client, base_url: &str) -> String {
    let body = json!({"tripPublicationId": "pub-faults", "tripReference": "TRIP-2026-0001",
        "establishmentId": "est-faults", "customerId": "faults@example.com"});
    let response = client
        .post(format!("{base_url}{API}/conversations"))
        .json(&body)
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.expect("JSON");
    created["id"].as_str().expect("an id").to_owned()
}

/// Sends one message until it is answered 201, retrying on any failure (a lost
/// connection, a 5xx while the server restarts, a 409 while its key is in progress).
async fn send_until_stored(client: &Client, url: &str, key: &str, text: &str, figures: &Figures) {
    let mut backoff = Duration::from_millis(20);
    loop {
        figures.sends.fetch_add(1, Relaxed);
        let sent = client
            .post(url)
            .header("idempotency-key", key)
            .json(&json!({"content": text}))
            .send()
            .await;
        match sent.map(|response| response.status()) {
            Ok(StatusCode::CREATED) => return,
            Ok(StatusCode::CONFLICT) => {
                figures.conflicts.fetch_add(1, Relaxed);
            }
            Ok(status) if status.is_client_error() => {
                panic!("{key}: {status} (a session must survive a restart)")
            }
            _ => {}
        }
        figures.retries.fetch_add(1, Relaxed);
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_millis(400));
    }
}

async fn run_client(number: usize, client: Client, url: String, figures: Arc<Figures>) {
    for index in 0..MESSAGES_PER_CLIENT {
        let key = format!("faults-{number}-{index}");
        let text = format!("fault message {number}-{index}");
        send_until_stored(&client, &url, &key, &text, &figures).await;
    }
}

/// Kills the server at pseudo-random moments until the clients are done, restarting it on
/// the same port and database each time; returns the server that runs at the end.
async fn killer(
    mut server: Server,
    seed: u64,
    done: Arc<AtomicBool>,
    figures: Arc<Figures>,
) -> Server {
    let mut rng = XorShift(seed.max(1));
    while !done.load(Relaxed) && figures.kills.load(Relaxed) < MAX_KILLS {
        tokio::time::sleep(Duration::from_millis(rng.between(30, 300))).await;
        server.kill();
        figures.kills.fetch_add(1, Relaxed);
        let (db, port) = (server.db.clone(), server.port);
        drop(server);
        server = Server::start(db, port).await;
        figures.restarts.fetch_add(1, Relaxed);
    }
    server
}

/// Every message's text in the conversation, with how many times it is stored.
async fn stored_texts(client: &Client, base_url: &str, id: &str) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    for page in 0.. {
        let url =
            format!("{base_url}{API}/conversations/{id}/messages?currentPage={page}&sizePage=100");
        let body: Value = client
            .get(url)
            .send()
            .await
            .expect("an answer")
            .json()
            .await
            .expect("JSON");
        let content = body["content"].as_array().expect("a page");
        if content.is_empty() {
            return counts;
        }
        for message in content {
            let text = message["content"].as_str().unwrap_or_default().to_owned();
            *counts.entry(text).or_insert(0) += 1;
        }
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_moments_nothing_is_lost_or_doubled() {
    let seed = std::env::var("FAULTS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_F00D_u64);
    let data = tempfile::tempdir().expect("a temp dir");
    let db = match crate::common::database::postgres_server() {
        Some(server) => Db::Postgres(crate::common::database::new_database(&server)),
        None => Db::Sqlite(data.path().join("faults.sqlite3")),
    };
    let server = Server::start(db.clone(), 0).await;
    let base_url = server.base_url();
    // On PostgreSQL a second instance, never killed, takes every other client: the two
    // share one database, and the killed one's clients retry until it is back.
    let steady = match &db {
        Db::Postgres(_) => Some(Server::start(db.clone(), 0).await),
        Db::Sqlite(_) => None,
    };
    let cookie = sign_in(&base_url).await;
    let agent = client(Some(&cookie));
    let conversation = create_conversation(&agent, &base_url).await;
    let path = format!("{API}/conversations/{conversation}/messages");
    let urls: Vec<String> = std::iter::once(&base_url)
        .chain(steady.as_ref().map(|s| s.base_url()).as_ref())
        .map(|base| format!("{base}{path}"))
        .collect();

    let figures = Arc::new(Figures::default());
    let done = Arc::new(AtomicBool::new(false));
    let killing = tokio::spawn(killer(server, seed, done.clone(), figures.clone()));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|n| {
            let url = urls[n % urls.len()].clone();
            tokio::spawn(run_client(n, agent.clone(), url, figures.clone()))
        })
        .collect();
    for client in clients {
        client.await.expect("a client finished");
    }
    done.store(true, Relaxed);
    let _server = killing.await.expect("the killer finished");

    let counts = stored_texts(&agent, &base_url, &conversation).await;
    let expected = (0..CLIENTS)
        .flat_map(|n| (0..MESSAGES_PER_CLIENT).map(move |i| format!("fault message {n}-{i}")));
    let (mut lost, mut doubled) = (0, 0);
    for text in expected {
        match counts.get(&text).copied().unwrap_or(0) {
            0 => lost += 1,
            n => doubled += n - 1,
        }
    }
    let stored: u32 = counts.values().sum();
    println!(
        "faults: instances={} seed={seed:#x} messages={} sends={} kills={} restarts={} retries={} 409s={} stored={stored} lost={lost} doubled={doubled}",
        urls.len(),
        CLIENTS * MESSAGES_PER_CLIENT,
        figures.sends.load(Relaxed),
        figures.kills.load(Relaxed),
        figures.restarts.load(Relaxed),
        figures.retries.load(Relaxed),
        figures.conflicts.load(Relaxed),
    );
    assert_eq!(lost, 0, "messages lost");
    assert_eq!(doubled, 0, "messages doubled");
    assert_eq!(stored as usize, CLIENTS * MESSAGES_PER_CLIENT);
}
