//! What the examples (benchmarks and load runs, not tests) share: the demo agent's
//! session and client, and a new PostgreSQL database to run on. Each example uses a part
//! of it, so what one leaves unused is no warning.
#![allow(dead_code)]

use reqwest::Client;
use serde_json::json;
use std::time::Duration;
use switchboard_core::session::{SESSION_PATH, WRITE_HEADER, WRITE_HEADER_VALUE};
use switchboard_server::seed::DEMO_PASSWORD;

pub type Failure = Box<dyn std::error::Error + Send + Sync>;

/// The demo agent the examples sign in as.
pub const AGENT: &str = "camille.laurent@switchboard.example";

/// A session of the demo agent at `base`: its cookie (`name=value`).
pub async fn session_cookie(base: &str) -> Result<String, Failure> {
    let response = Client::new()
        .post(format!("{base}{SESSION_PATH}"))
        .header(WRITE_HEADER, WRITE_HEADER_VALUE)
        .json(&json!({"email": AGENT, "password": DEMO_PASSWORD}))
        .send()
        .await?;
    let cookie = response
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .and_then(|value| value.to_str().ok())
        .and_then(|line| line.split(';').next())
        .ok_or_else(|| format!("the sign-in at {base} was refused: {}", response.status()))?;
    Ok(cookie.to_owned())
}

/// A client that sends `cookie` and the write header on every request; `timeout` bounds a
/// whole request (none for a stream that lasts).
pub fn agent_client(cookie: &str, timeout: Option<Duration>) -> Result<Client, Failure> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(WRITE_HEADER, WRITE_HEADER_VALUE.parse()?);
    headers.insert(reqwest::header::COOKIE, cookie.parse()?);
    let mut builder = Client::builder().default_headers(headers);
    if let Some(timeout) = timeout {
        builder = builder.timeout(timeout);
    }
    Ok(builder.build()?)
}

/// The demo agent signed in at `base`, as [`agent_client`] with `timeout`.
pub async fn signed_in(base: &str, timeout: Option<Duration>) -> Result<Client, Failure> {
    agent_client(&session_cookie(base).await?, timeout)
}

/// A new, empty database on `server` (an admin URL), named from `prefix`, its text
/// ordered as bytes (as the README asks): its URL.
pub fn new_database(server: &str, prefix: &str) -> Result<String, Failure> {
    let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
    let statement = format!(
        "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
    );
    let admin = server.to_owned();
    // Off the async workers: the synchronous client runs a runtime of its own.
    std::thread::spawn(move || -> Result<(), String> {
        let mut client =
            postgres::Client::connect(&admin, postgres::NoTls).map_err(|e| e.to_string())?;
        client.batch_execute(&statement).map_err(|e| e.to_string())
    })
    .join()
    .map_err(|_| "the database could not be made")??;
    let (base, _) = server.rsplit_once('/').ok_or("the URL names no database")?;
    Ok(format!("{base}/{name}"))
}
