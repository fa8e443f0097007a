//! The gateway's cost and its saving, measured, not a test:
//! `cargo run -p switchboard-server --release --example gateway_bench`.
//!
//! Starts, in-process, the reference server with `--vendor-auth` as the vendor (the
//! communication API behind a key header, Octopia behind OAuth2 client credentials), and
//! two gateways in front of it: one that never shares answers (the cost of a hop) and one
//! with the default 2 s window (the saving). Then, in one run:
//! - the inbox list and an Octopia reply, each 300 times straight to the vendor and 300
//!   times through the gateway, one after the other: p50, p99 and the difference;
//! - 50 agents polling the list and a count every second for 10 s through the sharing
//!   gateway: how many calls the agents made and how many reached the vendor.

use reqwest::Client;

mod common;
use common::{signed_in, Failure, AGENT};
use serde_json::json;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use switchboard_server::auth::cli::{run as run_command, Command};
use switchboard_server::config::file::{self, Settings};
use switchboard_server::dialects::octopia::seed::{
    CLAIM_CUSTOMER_ID, CLAIM_ID, CLAIM_SALES_CHANNEL,
};
use switchboard_server::{build_server, listen, Config, Limits, RateLimit};

const ROUNDS: usize = 300;
const KEY: &str = "bench-key-2f6";
const CLIENT_SECRET: &str = "bench-secret-9d0";
const LIST: &str = "/communication/v1/conversations?page=0&size=25";
const COUNT: &str = "/octopia/v2/discussions/count";

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gateway_bench: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Generous limits: every caller is one loopback address.
fn limits() -> Limits {
    let generous = RateLimit {
        per_minute: 60_000,
        burst: 10_000,
    };
    Limits {
        sign_in_attempts: generous,
        max_concurrent_requests: 1024,
        public_in_flight_per_address: 1024,
        max_connections_per_address: 1024,
        password_checks: 4,
        password_check_wait: Duration::from_secs(60),
        ..Limits::default()
    }
}

fn settings(text: &str) -> Result<Settings, Failure> {
    let env = |name: &str| match name {
        "SWITCHBOARD_COMMUNICATION_API_KEY" => Some(KEY.to_owned()),
        "SWITCHBOARD_OCTOPIA_CLIENT_SECRET" => Some(CLIENT_SECRET.to_owned()),
        _ => None,
    };
    let names = switchboard_server::dialects::names();
    file::parse(text, &names, &env).map_err(|errors| errors.join("; ").into())
}

/// The auth sections both sides share; `vendor` is the reference's address.
fn auth(vendor: &str) -> String {
    format!(
        "[backends.communication.auth]\nscheme = \"header\"\nheader = \"X-Api-Key\"\n\
         [backends.octopia.auth]\nscheme = \"oauth2\"\n\
         token_url = \"{vendor}/vendor-auth/octopia/token\"\nclient_id = \"bench\"\n"
    )
}

/// A server on a free port with `settings`; its base URL and its admin (metrics) URL.
async fn start(
    dir: &std::path::Path,
    name: &str,
    settings: Settings,
    vendor_auth: bool,
    listener: tokio::net::TcpListener,
) -> Result<(String, String), Failure> {
    let config = Config {
        database: switchboard_server::store::Location::Sqlite(dir.join(format!("{name}.sqlite3"))),
        seed_demo: true,
        dist_dir: None,
        allowed_origins: Vec::new(),
        postcenter_ticket_link: None,
        poll_seconds: None,
        backends: Arc::new(settings),
        vendor_auth,
    };
    let address = listener.local_addr()?;
    let server = build_server(&config, limits())?;
    tokio::spawn(listen::serve(
        listener,
        server.app,
        limits(),
        std::future::pending(),
    ));
    let admin = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let admin_address = admin.local_addr()?;
    tokio::spawn(async move { axum::serve(admin, server.admin).await });
    Ok((
        format!("http://{address}"),
        format!("http://{admin_address}"),
    ))
}

async fn gateway(
    dir: &std::path::Path,
    vendor: &str,
    share: u64,
) -> Result<(String, String), Failure> {
    let text = format!(
        "[backends.communication]\nmode = \"forward\"\nupstream = \"{vendor}/communication/v1\"\n\
         share_seconds = {share}\n\
         [backends.octopia]\nmode = \"forward\"\nupstream = \"{vendor}/octopia/v2\"\n\
         share_seconds = {share}\n{}",
        auth(vendor)
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let name = format!("gateway-{share}");
    let started = start(dir, &name, settings(&text)?, false, listener).await?;
    // The agent's identity on each vendor, as an admin gives it: a write needs it.
    let migrations = switchboard_server::dialects::migrations();
    for backend in ["communication", "octopia"] {
        let command = Command::IdentitySet {
            email: AGENT.to_owned(),
            backend: backend.to_owned(),
            vendor_id: "agent-camille".to_owned(),
            vendor_email: None,
            vendor_name: None,
        };
        let database =
            switchboard_server::store::Location::Sqlite(dir.join(format!("{name}.sqlite3")));
        run_command(command, &database, &migrations)?;
    }
    Ok(started)
}

async fn run() -> Result<(), Failure> {
    let dir = tempfile::tempdir()?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let vendor = format!("http://{}", listener.local_addr()?);
    let vendor_settings = settings(&auth(&vendor))?;
    start(dir.path(), "vendor", vendor_settings, true, listener).await?;
    let (hop, _) = gateway(dir.path(), &vendor, 0).await?;
    let (sharing, metrics) = gateway(dir.path(), &vendor, 2).await?;

    let direct = vendor_client(&vendor).await?;
    let agent = signed_in(&hop, None).await?;
    println!("{ROUNDS} calls each, one at a time (p50 / p99):");
    let straight = timed(ROUNDS, || direct.get(format!("{vendor}{LIST}")).send()).await?;
    let through = timed(ROUNDS, || agent.get(format!("{hop}{LIST}")).send()).await?;
    line("list, straight to the vendor", &straight, None);
    line("list, through the gateway", &through, Some(&straight));
    let reply = |base: &str, client: &Client| {
        client
            .post(format!("{base}/octopia/v2/messages"))
            .json(&json!({
                "body": "Bonjour, un nouveau vase part demain.",
                "discussionId": CLAIM_ID,
                "salesChannel": CLAIM_SALES_CHANNEL,
                "userId": "seller-bench",
                "userType": "Seller",
                "receivers": [{"userId": CLAIM_CUSTOMER_ID, "userType": "Customer"}],
                "attachments": []
            }))
            .send()
    };
    let straight = timed(ROUNDS, || reply(&vendor, &direct)).await?;
    let through = timed(ROUNDS, || reply(&hop, &agent)).await?;
    line("reply, straight to the vendor", &straight, None);
    line("reply, through the gateway", &through, Some(&straight));

    let (asked, reached) = fifty_agents(&sharing, &metrics).await?;
    println!(
        "50 agents polling the list and a count every second for 10 s through the sharing \
         gateway (2 s): {asked} calls by agents, {reached} reached the vendor, {} saved ({:.1} %)",
        asked - reached,
        100.0 * (asked - reached) as f64 / asked as f64
    );
    Ok(())
}

/// A client that calls the vendor as the gateway would: the key, and a bearer token.
async fn vendor_client(vendor: &str) -> Result<Client, Failure> {
    let token: serde_json::Value = Client::new()
        .post(format!("{vendor}/vendor-auth/octopia/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "bench"),
            ("client_secret", CLIENT_SECRET),
        ])
        .send()
        .await?
        .json()
        .await?;
    let bearer = format!(
        "Bearer {}",
        token["access_token"].as_str().unwrap_or_default()
    );
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-api-key", KEY.parse()?);
    headers.insert("authorization", bearer.parse()?);
    Ok(Client::builder().default_headers(headers).build()?)
}

/// `rounds` calls one after the other; their latencies, sorted. A failed call stops it.
async fn timed<F, Fut>(rounds: usize, mut call: F) -> Result<Vec<Duration>, Failure>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = reqwest::Result<reqwest::Response>>,
{
    let mut latencies = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let started = Instant::now();
        let response = call().await?;
        let status = response.status();
        response.bytes().await?;
        if !status.is_success() {
            return Err(format!("a call answered {status}").into());
        }
        latencies.push(started.elapsed());
    }
    latencies.sort();
    Ok(latencies)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn line(what: &str, latencies: &[Duration], against: Option<&[Duration]>) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (p50, p99) = (percentile(latencies, 0.5), percentile(latencies, 0.99));
    let difference = against.map_or(String::new(), |base| {
        format!(
            "  (+{:.2} ms p50, +{:.2} ms p99)",
            ms(p50) - ms(percentile(base, 0.5)),
            ms(p99) - ms(percentile(base, 0.99))
        )
    });
    println!(
        "  {what:<32} {:>7.2} ms {:>7.2} ms{difference}",
        ms(p50),
        ms(p99)
    );
}

/// Fifty agents for 10 s; the calls they made and the calls the gateway made to the
/// vendor meanwhile (its metrics, at `metrics`).
async fn fifty_agents(gateway: &str, metrics: &str) -> Result<(u64, u64), Failure> {
    let before = vendor_calls(metrics).await?;
    let started = Instant::now();
    let mut agents = Vec::new();
    for n in 0..50u64 {
        let client = signed_in(gateway, None).await?;
        let gateway = gateway.to_owned();
        agents.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(n * 20)).await;
            let mut asked = 0u64;
            while started.elapsed() < Duration::from_secs(10) {
                for path in [LIST, COUNT] {
                    if let Ok(response) = client.get(format!("{gateway}{path}")).send().await {
                        let _ = response.bytes().await;
                        asked += 1;
                    }
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            asked
        }));
    }
    let mut asked = 0;
    for agent in agents {
        asked += agent.await?;
    }
    Ok((asked, vendor_calls(metrics).await? - before))
}

/// The calls the gateway made to its vendors, summed from its Prometheus text.
async fn vendor_calls(metrics: &str) -> Result<u64, Failure> {
    let text = reqwest::get(format!("{metrics}/metrics"))
        .await?
        .text()
        .await?;
    Ok(text
        .lines()
        .filter(|line| line.starts_with("switchboard_upstream_calls_total{"))
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum::<f64>() as u64)
}
