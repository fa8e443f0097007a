//! A load run, not a test: `cargo run -p switchboard-server --release --example load --
//! [--database sqlite|postgres] [--instances N] [--postgres URL]`.
//! Starts the server in-process (N instances on 127.0.0.1:0 over one database, limits
//! generous enough not to throttle the run), then 50 clients, each signed in as the demo
//! agent and sent to the instances in turn, loop at most 40 times or 60 s: list the inbox,
//! post a message with an `Idempotency-Key`, and every fifth time post it again with the
//! same key on purpose. Prints requests per second and p50/p99 latency per route, then
//! checks each conversation holds exactly the messages that were answered 201 (nothing
//! lost, nothing doubled); exits 1 when not.
//!
//! Without `--database`, one run measures SQLite with one instance, then PostgreSQL with
//! one and with two, when a PostgreSQL server is named (`--postgres`, or the test
//! command's `SWITCHBOARD_TEST_POSTGRES`): each on a new database of its own.

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;
use std::time::{Duration, Instant};

mod common;
use common::{signed_in, Failure};
use switchboard_server::{serve_with, Config, Limits, RateLimit};

const CLIENTS: usize = 50;
const ITERATIONS: usize = 40;
const DEADLINE: Duration = Duration::from_secs(60);
const API: &str = "/communication/v1";
const LIST: &str = "GET /conversations";
const POST: &str = "POST /conversations/{id}/messages";
const RETRY: &str = "POST … again (same key)";

/// What one client saw: latencies per route, messages stored per conversation, failures.
#[derive(Default)]
struct Tally {
    latencies: HashMap<&'static str, Vec<Duration>>,
    stored: HashMap<String, u64>,
    failures: u64,
}

/// One configuration to measure.
struct Setup {
    postgres: bool,
    instances: usize,
}

#[tokio::main]
async fn main() -> ExitCode {
    let (setups, server) = match options(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(reason) => {
            eprintln!("load: {reason}");
            return ExitCode::from(2);
        }
    };
    let mut all_right = true;
    for setup in setups {
        let engine = if setup.postgres {
            "PostgreSQL"
        } else {
            "SQLite"
        };
        println!("\n== {engine}, {} instance(s)", setup.instances);
        if setup.postgres && server.is_none() {
            println!(
                "load: skipped: no PostgreSQL server (--postgres URL or SWITCHBOARD_TEST_POSTGRES)"
            );
            continue;
        }
        match run(&setup, server.as_deref()).await {
            Ok(right) => all_right &= right,
            Err(error) => {
                eprintln!("load: {error}");
                all_right = false;
            }
        }
    }
    if all_right {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn options(args: impl Iterator<Item = String>) -> Result<(Vec<Setup>, Option<String>), String> {
    let (mut database, mut instances) = (None, 1);
    let mut server = std::env::var("SWITCHBOARD_TEST_POSTGRES").ok();
    let mut args = args;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--database" => database = Some(value()?),
            "--instances" => {
                instances = value()?
                    .parse()
                    .ok()
                    .filter(|n| (1..=8).contains(n))
                    .ok_or("--instances takes 1 to 8")?;
            }
            "--postgres" => server = Some(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let setups = match database.as_deref() {
        None => vec![
            Setup {
                postgres: false,
                instances: 1,
            },
            Setup {
                postgres: true,
                instances: 1,
            },
            Setup {
                postgres: true,
                instances: 2,
            },
        ],
        Some("sqlite") => vec![Setup {
            postgres: false,
            instances,
        }],
        Some("postgres") => vec![Setup {
            postgres: true,
            instances,
        }],
        Some(other) => return Err(format!("--database is sqlite or postgres, not {other}")),
    };
    Ok((setups, server))
}

async fn run(setup: &Setup, server: Option<&str>) -> Result<bool, Failure> {
    let data = tempfile::tempdir()?;
    let database = match (setup.postgres, server) {
        (true, Some(server)) => switchboard_server::store::Location::Postgres {
            url: common::new_database(server, "load")?.into(),
            pool_size: 10,
        },
        _ => switchboard_server::store::Location::Sqlite(data.path().join("load.sqlite3")),
    };
    let mut base_urls = Vec::new();
    for _ in 0..setup.instances {
        base_urls.push(start_server(database.clone()).await?);
    }
    let base_url = base_urls[0].clone();
    let lister = signed_in(&base_url, Some(Duration::from_secs(30))).await?;
    let conversations = conversation_ids(&lister, &base_url).await?;
    let before = message_counts(&lister, &base_url, &conversations).await?;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for number in 0..CLIENTS {
        // Round-robin over the instances, as a load balancer with nothing sticky would.
        let instance = base_urls[number % base_urls.len()].clone();
        let client = signed_in(&instance, Some(Duration::from_secs(30))).await?;
        let target = conversations[number % conversations.len()].clone();
        tasks.push(tokio::spawn(one_client(
            number, client, instance, target, started,
        )));
    }
    let mut tally = Tally::default();
    for task in tasks {
        merge(&mut tally, task.await?);
    }
    let elapsed = started.elapsed();
    report(&tally, elapsed);
    let after = message_counts(&lister, &base_url, &conversations).await?;
    if let switchboard_server::store::Location::Postgres { url, .. } = &database {
        use secrecy::ExposeSecret;
        transactions(url.expose_secret())?;
    }
    Ok(check(&before, &after, &tally))
}

/// PostgreSQL's own count of the run's transactions: those rolled back are, in the main,
/// races lost and run again.
fn transactions(url: &str) -> Result<(), Failure> {
    let url = url.to_owned();
    let (committed, rolled_back) = std::thread::spawn(move || -> Result<(i64, i64), String> {
        let mut client =
            postgres::Client::connect(&url, postgres::NoTls).map_err(|e| e.to_string())?;
        let row = client
            .query_one(
                "SELECT xact_commit, xact_rollback FROM pg_stat_database \
                 WHERE datname = current_database()",
                &[],
            )
            .map_err(|e| e.to_string())?;
        Ok((row.get(0), row.get(1)))
    })
    .join()
    .map_err(|_| "the statistics could not be read")??;
    println!("load: PostgreSQL transactions: {committed} committed, {rolled_back} rolled back");
    Ok(())
}

async fn start_server(database: switchboard_server::store::Location) -> Result<String, Failure> {
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
    let generous = RateLimit {
        per_minute: 60_000,
        burst: 10_000,
    };
    // Fifty clients from one address (loopback): the per-address defences would take them
    // for one attacker.
    let limits = Limits {
        sign_in_attempts: generous,
        max_concurrent_requests: 1024,
        public_in_flight_per_address: 1024,
        max_connections_per_address: 1024,
        password_checks: 4,
        password_check_wait: Duration::from_secs(30),
        ..Limits::default()
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(error) = serve_with(listener, config, limits).await {
            eprintln!("load: the server stopped: {error}");
        }
    });
    Ok(format!("http://{address}"))
}

/// The first conversations of the inbox, which the clients post into.
async fn conversation_ids(client: &Client, base_url: &str) -> Result<Vec<String>, Failure> {
    let url = format!("{base_url}{API}/conversations?currentPage=1&sizePage=10");
    let page: Value = client.get(url).send().await?.json().await?;
    let ids: Vec<String> = page["content"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect();
    if ids.is_empty() {
        return Err("the demo data has no conversation".into());
    }
    Ok(ids)
}

async fn message_counts(
    client: &Client,
    base_url: &str,
    ids: &[String],
) -> Result<BTreeMap<String, u64>, Failure> {
    let mut counts = BTreeMap::new();
    for id in ids {
        let url = format!("{base_url}{API}/conversations/{id}/messages?currentPage=0&sizePage=1");
        let page: Value = client.get(url).send().await?.json().await?;
        let total = page["totalElements"].as_u64().ok_or("no totalElements")?;
        counts.insert(id.clone(), total);
    }
    Ok(counts)
}

async fn one_client(
    number: usize,
    client: Client,
    base_url: String,
    conversation: String,
    started: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let list = format!("{base_url}{API}/conversations?currentPage=1&sizePage=20");
    let post = format!("{base_url}{API}/conversations/{conversation}/messages");
    for iteration in 0..ITERATIONS {
        if started.elapsed() >= DEADLINE {
            break;
        }
        let ok = timed(&mut tally, LIST, client.get(&list)).await == Some(StatusCode::OK);
        let key = format!("load-{number}-{iteration}");
        let body = json!({"content": format!("load message {number}-{iteration}")});
        let send = || {
            client
                .post(&post)
                .header("idempotency-key", &key)
                .json(&body)
        };
        let created = timed(&mut tally, POST, send()).await == Some(StatusCode::CREATED);
        let replayed = iteration % 5 != 0
            || timed(&mut tally, RETRY, send()).await == Some(StatusCode::CREATED);
        // A first post refused (a 503) and its retry answered 201 stored the message once.
        let stored = created || (iteration % 5 == 0 && replayed);
        if stored {
            *tally.stored.entry(conversation.clone()).or_insert(0) += 1;
        }
        tally.failures += u64::from(!ok) + u64::from(!created) + u64::from(!replayed);
    }
    tally
}

async fn timed(
    tally: &mut Tally,
    route: &'static str,
    request: reqwest::RequestBuilder,
) -> Option<StatusCode> {
    let start = Instant::now();
    let response = request.send().await.ok()?;
    let status = response.status();
    let _ = response.bytes().await.ok()?;
    tally
        .latencies
        .entry(route)
        .or_default()
        .push(start.elapsed());
    Some(status)
}

fn merge(total: &mut Tally, part: Tally) {
    for (route, mut list) in part.latencies {
        total.latencies.entry(route).or_default().append(&mut list);
    }
    for (id, n) in part.stored {
        *total.stored.entry(id).or_insert(0) += n;
    }
    total.failures += part.failures;
}

fn report(tally: &Tally, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64().max(f64::EPSILON);
    let all: usize = tally.latencies.values().map(Vec::len).sum();
    println!(
        "load: {CLIENTS} clients, {all} requests in {seconds:.2} s = {:.0} req/s",
        all as f64 / seconds
    );
    for route in [LIST, POST, RETRY] {
        let mut list = tally.latencies.get(route).cloned().unwrap_or_default();
        list.sort();
        println!(
            "  {route:<36} {:>6} req {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms",
            list.len(),
            list.len() as f64 / seconds,
            percentile(&list, 50),
            percentile(&list, 99),
        );
    }
}

/// The `p`th percentile of sorted latencies, in milliseconds.
fn percentile(sorted: &[Duration], p: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = (sorted.len() * p).div_ceil(100).saturating_sub(1);
    sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

/// Each conversation must hold what it held plus the messages answered 201, exactly.
fn check(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>, tally: &Tally) -> bool {
    let (mut lost, mut doubled, mut stored) = (0, 0, 0);
    for (id, was) in before {
        let expected = was + tally.stored.get(id).copied().unwrap_or(0);
        let now = after.get(id).copied().unwrap_or(0);
        lost += expected.saturating_sub(now);
        doubled += now.saturating_sub(expected);
        stored += now - was.min(&now);
    }
    println!(
        "load: stored={stored} lost={lost} doubled={doubled} failures={}",
        tally.failures
    );
    lost == 0 && doubled == 0 && tally.failures == 0
}
