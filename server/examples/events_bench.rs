//! The event stream under load, measured, not a test:
//! `cargo run -p switchboard-server --release --example events_bench -- [--seconds 60]
//! [--consoles 50] [--postgres URL]`.
//!
//! Starts the server in-process (two instances over one new PostgreSQL database when a
//! server is named, with `--postgres` or `SWITCHBOARD_TEST_POSTGRES`; else one on SQLite),
//! opens the consoles' streams (`GET /api/events`, spread over the instances), and posts a
//! message every 200 ms for the given time, through the instances in turn. Then it checks
//! that every console got every message's change exactly once and in order, and prints the
//! p50/p99 delay from the change's recording (its `at`) to its arrival at a console.

use chrono::{DateTime, Utc};
use reqwest::Client;
use serde_json::{json, Value};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use switchboard_server::store::Location;

mod common;
use common::{signed_in, Failure};
use switchboard_server::{serve_with, Config, Limits, RateLimit};

const EVERY: Duration = Duration::from_millis(200);

/// What one console saw: each change's id and how long after its recording it arrived.
struct Seen {
    ids: Vec<i64>,
    delays: Vec<Duration>,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("events_bench: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<bool, Failure> {
    let (mut seconds, mut consoles) = (60_u64, 50_usize);
    let mut postgres = std::env::var("SWITCHBOARD_TEST_POSTGRES").ok();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--seconds" => seconds = value.parse()?,
            "--consoles" => consoles = value.parse()?,
            "--postgres" => postgres = Some(value),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let data = tempfile::tempdir()?;
    let (location, instances) = match postgres.as_deref() {
        Some(server) => (database_on(server)?, 2),
        None => (Location::Sqlite(data.path().join("events.sqlite3")), 1),
    };
    let engine = if instances == 2 {
        "PostgreSQL, 2 instances"
    } else {
        "SQLite, 1 instance"
    };
    let mut bases = Vec::new();
    for _ in 0..instances {
        bases.push(start(location.clone()).await?);
    }
    let client = signed_in(&bases[0], None).await?;
    let conversation = first_conversation(&client, &bases[0]).await?;

    let mut listeners = Vec::new();
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel(consoles);
    for n in 0..consoles {
        let (client, base, ready) = (
            client.clone(),
            bases[n % bases.len()].clone(),
            ready_tx.clone(),
        );
        listeners.push(tokio::spawn(listen(client, base, ready)));
    }
    for _ in 0..consoles {
        ready_rx
            .recv()
            .await
            .ok_or("a console never got its stream")?;
    }

    let started = Instant::now();
    let mut posted = 0_usize;
    while started.elapsed() < Duration::from_secs(seconds) {
        let base = &bases[posted % bases.len()];
        let response = client
            .post(format!(
                "{base}/communication/v1/conversations/{conversation}/messages"
            ))
            .json(&json!({"content": format!("event bench {posted}")}))
            .send()
            .await?;
        if response.status() != reqwest::StatusCode::CREATED {
            return Err(format!("a post was answered {}", response.status()).into());
        }
        posted += 1;
        tokio::time::sleep(EVERY).await;
    }
    // What is under way arrives; then the streams are read out.
    tokio::time::sleep(Duration::from_secs(2)).await;
    for listener in listeners {
        // Stopping a listener keeps what it saw (its `Keep` is dropped).
        listener.abort();
        let _ = listener.await;
    }
    report(engine, consoles, posted, seconds)
}

fn report(engine: &str, consoles: usize, posted: usize, seconds: u64) -> Result<bool, Failure> {
    let results = RESULTS.lock().map_err(|_| "results")?;
    let mut delays: Vec<Duration> = results
        .iter()
        .flat_map(|s| s.delays.iter().copied())
        .collect();
    delays.sort();
    let (mut exact, mut ordered) = (0, 0);
    for console in results.iter() {
        exact += usize::from(console.ids.len() == posted);
        ordered += usize::from(console.ids.windows(2).all(|w| w[0] < w[1]));
    }
    let at = |p: usize| {
        delays
            .get((delays.len() * p).div_ceil(100).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "events_bench: {engine}; {consoles} consoles, {posted} messages in {seconds} s; \
         every message once at every console: {exact}/{consoles}; in order: {ordered}/{consoles}"
    );
    println!(
        "events_bench: store → console delay over {} deliveries: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        delays.len(),
        at(50).as_secs_f64() * 1000.0,
        at(99).as_secs_f64() * 1000.0,
        delays.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
    );
    Ok(exact == consoles && ordered == consoles && results.len() == consoles)
}

/// Each console's stream, appended as the listeners are stopped.
static RESULTS: std::sync::Mutex<Vec<Seen>> = std::sync::Mutex::new(Vec::new());

/// Reads one console's stream until stopped, keeping what it saw in [`RESULTS`].
async fn listen(client: Client, base: String, ready: tokio::sync::mpsc::Sender<()>) {
    struct Keep(Seen);
    impl Drop for Keep {
        fn drop(&mut self) {
            let seen = std::mem::replace(
                &mut self.0,
                Seen {
                    ids: Vec::new(),
                    delays: Vec::new(),
                },
            );
            if let Ok(mut results) = RESULTS.lock() {
                results.push(seen);
            }
        }
    }
    let mut keep = Keep(Seen {
        ids: Vec::new(),
        delays: Vec::new(),
    });
    let Ok(mut response) = client.get(format!("{base}/api/events")).send().await else {
        return;
    };
    let mut buffer = String::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let field = |name: &str| {
                block
                    .lines()
                    .find_map(|line| line.strip_prefix(name).map(|v| v.trim().to_owned()))
            };
            match field("event:").as_deref() {
                Some("ready") => {
                    let _ = ready.send(()).await;
                }
                Some("change") => {
                    let id = field("id:").and_then(|v| v.parse().ok()).unwrap_or(-1);
                    let data: Value = field("data:")
                        .and_then(|v| serde_json::from_str(&v).ok())
                        .unwrap_or(Value::Null);
                    let at = data["at"]
                        .as_str()
                        .and_then(|at| at.parse::<DateTime<Utc>>().ok());
                    if let Some(at) = at {
                        let delay = (Utc::now() - at).to_std().unwrap_or_default();
                        keep.0.delays.push(delay);
                    }
                    keep.0.ids.push(id);
                }
                _ => {}
            }
        }
    }
}

fn database_on(server: &str) -> Result<Location, Failure> {
    Ok(Location::Postgres {
        url: common::new_database(server, "events")?.into(),
        pool_size: 10,
    })
}

async fn start(database: Location) -> Result<String, Failure> {
    let generous = RateLimit {
        per_minute: 60_000,
        burst: 10_000,
    };
    let limits = Limits {
        sign_in_attempts: generous,
        max_concurrent_requests: 1024,
        public_in_flight_per_address: 1024,
        max_connections_per_address: 1024,
        ..Limits::default()
    };
    let config = Config {
        database,
        seed_demo: true,
        dist_dir: None,
        allowed_origins: Vec::new(),
        postcenter_ticket_link: None,
        poll_seconds: None,
        backends: Default::default(),
        vendor_auth: false,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move {
        if let Err(error) = serve_with(listener, config, limits).await {
            eprintln!("events_bench: the server stopped: {error}");
        }
    });
    // Until it answers (the first instance prepares the database).
    for _ in 0..200 {
        if reqwest::get(format!("{base}/api/backends")).await.is_ok() {
            return Ok(base);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("the server never answered".into())
}

async fn first_conversation(client: &Client, base: &str) -> Result<String, Failure> {
    let page: Value = client
        .get(format!(
            "{base}/communication/v1/conversations?currentPage=1&sizePage=3"
        ))
        .send()
        .await?
        .json()
        .await?;
    Ok(page["content"][0]["id"]
        .as_str()
        .ok_or("no conversation")?
        .to_owned())
}
