//! Behind a proxy the operator trusts (`--trusted-proxy`), each client is counted as itself:
//! its own contact-form budget, whatever the others behind the same proxy spent, and the
//! proxy may hold more connections than one address. Anyone else's `X-Forwarded-For` is
//! ignored. Every client speaks from a loopback address of its own.

use crate::common::{address_of, client_from, connect_from, start_with_limits, API};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;
use switchboard_server::http::proxies::TrustedProxies;
use switchboard_server::{Limits, RateLimit};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PROXY: &str = "127.0.0.5";
const STRANGER: &str = "127.0.0.6";

/// One contact message a minute per client, the proxy at 127.0.0.5 trusted.
fn limits() -> Limits {
    Limits {
        contact_rate: RateLimit {
            per_minute: 1,
            burst: 1,
        },
        max_connections_per_address: 4,
        trusted_proxies: TrustedProxies::parse(PROXY).expect("an address"),
        ..Limits::default()
    }
}

fn contact_form(mail: &str) -> Value {
    json!({
        "name": "Ana Souza",
        "mail": mail,
        "object": "My parcel",
        "message": "Where is my parcel? It was due on Monday.",
    })
}

/// Sends the contact form from `source`, saying it forwards for `client` when given.
async fn contact(base_url: &str, source: &str, client: Option<&str>) -> StatusCode {
    let mut request = client_from(source)
        .post(format!("{base_url}{API}/contact-us"))
        .json(&contact_form("ana@example.com"));
    if let Some(client) = client {
        request = request.header("x-forwarded-for", client);
    }
    request.send().await.expect("an answer").status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_contact_budget() {
    let server = start_with_limits(limits()).await;
    let base = &server.base_url;
    let first = Some("203.0.113.7");
    assert_eq!(contact(base, PROXY, first).await, StatusCode::CREATED);
    assert_eq!(
        contact(base, PROXY, first).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another customer behind the same proxy is not refused for the first one's messages.
    let second = Some("203.0.113.8");
    assert_eq!(contact(base, PROXY, second).await, StatusCode::CREATED);
    // What a client wrote itself, left of what the proxy added, is not believed.
    let chosen = Some("203.0.113.9, 203.0.113.8");
    assert_eq!(
        contact(base, PROXY, chosen).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn anyone_elses_forwarded_for_is_ignored() {
    let server = start_with_limits(limits()).await;
    let base = &server.base_url;
    assert_eq!(
        contact(base, STRANGER, Some("203.0.113.7")).await,
        StatusCode::CREATED
    );
    // Naming another client does not buy a new budget: the stranger is counted as itself.
    assert_eq!(
        contact(base, STRANGER, Some("203.0.113.8")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // And it spent nobody else's: the proxy's client 203.0.113.7 still has its own.
    assert_eq!(
        contact(base, PROXY, Some("203.0.113.7")).await,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_trusted_proxy_may_hold_more_connections_than_one_address() {
    let server = start_with_limits(limits()).await;
    let address = address_of(&server.base_url);
    // Twice one address's cap of 4, all open at once, each answered.
    let mut open = Vec::new();
    for _ in 0..8 {
        open.push(connect_from(PROXY, address).await);
    }
    for stream in &mut open {
        stream
            .write_all(b"GET /api/backends HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .await
            .expect("sent");
        let mut answer = [0u8; 12];
        tokio::time::timeout(Duration::from_secs(10), stream.read_exact(&mut answer))
            .await
            .expect("an answer in time")
            .expect("an answer, not a closed connection");
        assert_eq!(
            &answer,
            b"HTTP/1.1 200",
            "{}",
            String::from_utf8_lossy(&answer)
        );
    }
    // Another address still has one address's cap: its fifth is closed as it arrives.
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(connect_from(STRANGER, address).await);
    }
    let mut fifth = connect_from(STRANGER, address).await;
    let mut byte = [0u8; 1];
    let read = tokio::time::timeout(Duration::from_secs(5), fifth.read(&mut byte))
        .await
        .expect("closed in time");
    assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
}
