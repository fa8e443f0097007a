//! The server's defences, over real HTTP: the security headers on every response and the
//! console page's script hashes; the public contact form's honeypot, body limit and rate
//! limit; the load guard (concurrency, timeout) and a busy database, each a 503 with
//! `Retry-After` in the body of the API asked.

use crate::common::{start, start_with_dist, start_with_limits, ALLOWED_ORIGIN, API, OCTOPIA};
use base64::Engine;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::time::Duration;
use switchboard_server::{Limits, RateLimit};

const INLINE: &str = "\nimport init, * as bindings from '/switchboard-1a2b.js';\n\
                      const wasm = await init({ module_or_path: '/switchboard-1a2b_bg.wasm' });\n";

fn built_page() -> String {
    format!(
        "<!DOCTYPE html><html><head><link rel=\"modulepreload\" href=\"/switchboard-1a2b.js\">\
         <script type=\"module\">{INLINE}</script></head><body></body></html>"
    )
}

fn expected_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE));
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'; \
         style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

fn assert_common_headers(headers: &reqwest::header::HeaderMap, what: &str) {
    assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(headers["referrer-policy"], "same-origin", "{what}");
    assert_eq!(headers["x-frame-options"], "DENY", "{what}");
}

#[tokio::test]
async fn the_console_page_allows_exactly_its_inline_script() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), built_page()).unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log('hi')").unwrap();
    let server = start_with_dist(Some(dist.path().to_owned())).await;

    for path in [
        "/",
        "/index.html",
        "/conversations/communication/abc",
        "/contact",
    ] {
        let reply = server.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.text, built_page(), "{path}");
        assert_eq!(
            reply.headers["content-security-policy"].to_str().unwrap(),
            expected_policy(),
            "{path}"
        );
        assert!(!reply.text.is_empty());
        assert_common_headers(&reply.headers, path);
    }
    let asset = server.get("/app.js").await;
    assert_eq!(asset.text, "console.log('hi')");
    assert_common_headers(&asset.headers, "/app.js");
}

#[tokio::test]
async fn the_not_built_page_has_the_console_policy_without_hashes() {
    let server = start().await;
    let reply = server.get("/").await;
    let policy = reply.headers["content-security-policy"].to_str().unwrap();
    assert!(
        policy.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert_common_headers(&reply.headers, "/");
}

#[tokio::test]
async fn api_answers_and_errors_load_nothing() {
    let server = start().await;
    for path in [
        "/api/backends".to_owned(),
        format!("{API}/conversations"),
        format!("{API}/nothing-here"),
        "/octopia/v2/discussions".to_owned(),
    ] {
        let reply = server.get(&path).await;
        assert_eq!(
            reply.headers["content-security-policy"], "default-src 'none'; frame-ancestors 'none'",
            "{path}"
        );
        assert_common_headers(&reply.headers, &path);
    }
    let preflight = server
        .send(
            server
                .client
                .request(Method::OPTIONS, server.url(&format!("{API}/conversations")))
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST"),
        )
        .await;
    assert_common_headers(&preflight.headers, "preflight");
}

// ---- the public contact form ----------------------------------------------------------------

fn contact_form(mail: &str) -> Value {
    json!({
        "name": "Zoë Lambert",
        "mail": mail,
        "object": "Réservation RES-48211",
        "message": "Bonjour, je voudrais savoir si le petit-déjeuner est inclus.",
    })
}

#[tokio::test]
async fn a_filled_honeypot_is_answered_like_a_success_and_stores_nothing() {
    let server = start().await;
    let before = server.get(&format!("{API}/contact-us?sizePage=3")).await;
    let mut form = contact_form("robot@example.com");
    form["website"] = json!("https://spam.example");
    let reply = server.post(&format!("{API}/contact-us"), form).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let id = reply.body["id"].as_str().unwrap();
    // Shaped like a real answer: a reference and a private link, nothing else.
    assert!(reply.body["conversationId"].is_null());
    assert!(reply.body["mail"].is_null());
    assert_eq!(reply.body["links"][0]["rel"], "follow-up");
    assert!(reply.headers.contains_key("location"));

    let after = server.get(&format!("{API}/contact-us?sizePage=3")).await;
    assert_eq!(after.body["totalElements"], before.body["totalElements"]);
    let read = server.get(&format!("{API}/contact-us/{id}")).await;
    assert_eq!(read.status, StatusCode::NOT_FOUND);
    let conversations = server
        .get(&format!("{API}/conversations?customerId=robot@example.com"))
        .await;
    assert_eq!(conversations.body["totalElements"], 0);

    // A robot gets the same refusals as anyone; a blank honeypot is a person's message.
    let mut bad = contact_form("not an address");
    bad["website"] = json!("x");
    let reply = server.post(&format!("{API}/contact-us"), bad).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let mut blank = contact_form("person@example.com");
    blank["website"] = json!("  ");
    let reply = server.post(&format!("{API}/contact-us"), blank).await;
    let id = reply.body["id"].as_str().unwrap();
    let read = server.get(&format!("{API}/contact-us/{id}")).await;
    assert_eq!(read.status, StatusCode::OK);
}

#[tokio::test]
async fn the_contact_form_body_is_capped_at_128_kib() {
    let server = start().await;
    let mut form = contact_form("big@example.com");
    form["padding"] = json!("x".repeat(128 * 1024));
    let reply = server.post(&format!("{API}/contact-us"), form).await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.text
    );
    assert_eq!(reply.body["name"], "PAYLOAD_TOO_LARGE");

    // The longest form a person can send, every character a 4-byte one, still fits.
    let mut longest = contact_form("long@example.com");
    longest["message"] = json!("😀".repeat(5_000));
    longest["name"] = json!("😀".repeat(100));
    longest["object"] = json!("😀".repeat(150));
    let reply = server.post(&format!("{API}/contact-us"), longest).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
}

#[tokio::test]
async fn the_contact_form_is_rate_limited_per_address_with_retry_after() {
    let server = start_with_limits(Limits {
        contact_rate: RateLimit {
            per_minute: 1,
            burst: 2,
        },
        ..Limits::default()
    })
    .await;
    let path = format!("{API}/contact-us");
    assert_eq!(
        server
            .post(&path, contact_form("one@example.com"))
            .await
            .status,
        StatusCode::CREATED
    );
    // A refused attempt is spent all the same.
    assert_eq!(
        server.post(&path, json!({})).await.status,
        StatusCode::BAD_REQUEST
    );
    let reply = server.post(&path, contact_form("three@example.com")).await;
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.text
    );
    assert_eq!(reply.body["name"], "TOO_MANY_REQUESTS");
    let retry_after: u64 = reply.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert!(reply.body["message"]
        .as_str()
        .unwrap()
        .contains(&format!("{retry_after} s")));
    assert_eq!(
        reply.body["debug_id"],
        reply.headers["x-correlation-id"].to_str().unwrap()
    );
    assert_common_headers(&reply.headers, "429");

    // Only the public form is limited: agents' reads and writes are not.
    for _ in 0..3 {
        assert_eq!(server.get(&path).await.status, StatusCode::OK);
    }
    server.create_conversation("agent-side@example.com").await;
}

// ---- load and a busy database ----------------------------------------------------------------

fn retry_after(reply: &crate::common::Reply) -> u64 {
    reply.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn over_the_concurrency_limit_every_api_answers_503_in_its_own_body() {
    let server = start_with_limits(Limits {
        max_concurrent_requests: 0,
        ..Limits::default()
    })
    .await;
    let reply = server
        .send(
            server
                .client
                .get(server.url(&format!("{API}/conversations")))
                .header("Origin", ALLOWED_ORIGIN),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.text
    );
    assert_eq!(reply.body["name"], "SERVICE_UNAVAILABLE");
    assert_eq!(
        reply.body["debug_id"],
        reply.headers["x-correlation-id"].to_str().unwrap()
    );
    assert_eq!(retry_after(&reply), 1);
    assert_common_headers(&reply.headers, "503");
    assert_eq!(reply.headers["access-control-allow-origin"], ALLOWED_ORIGIN);

    let reply = server.get("/api/agents").await;
    assert_eq!(reply.body["name"], "SERVICE_UNAVAILABLE");
    assert_eq!(reply.body["information_link"], "docs/backends/README.md");

    let reply = server.get(&format!("{OCTOPIA}/discussions")).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reply.body["status"], 503);
    assert_eq!(
        reply.body["traceId"],
        reply.headers["x-correlation-id"].to_str().unwrap()
    );
    assert_eq!(retry_after(&reply), 1);

    let page = server.get("/").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.text.contains("try again"), "{}", page.text);
}

#[tokio::test]
async fn a_request_over_the_timeout_is_a_503_with_retry_after() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = start_with_limits(Limits {
        request_timeout: Duration::from_millis(300),
        ..Limits::default()
    })
    .await;
    server.get("/api/backends").await;
    // A client that promises a body and never sends it.
    let address = server.base_url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST {API}/contact-us HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         X-Requested-By: switchboard\r\n\
         Content-Length: 100\r\nConnection: close\r\n\r\n{{"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers before the test gives up")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer).to_lowercase();
    assert!(answer.starts_with("http/1.1 503"), "{answer}");
    assert!(answer.contains("retry-after: 1\r\n"), "{answer}");
    assert!(answer.contains("\"service_unavailable\""), "{answer}");
    assert!(answer.contains("longer than"), "{answer}");
}

#[tokio::test]
async fn a_database_busy_past_its_timeout_is_a_503_with_retry_after() {
    let server = start().await;
    server.get("/api/backends").await;
    // Another writer holds the database (SQLite) or the table (PostgreSQL): the server's
    // write cannot wait it out.
    let reply = match server.sqlite_path() {
        Some(path) => {
            let other = rusqlite::Connection::open(path).unwrap();
            other.execute_batch("BEGIN IMMEDIATE").unwrap();
            let reply = server.create_conversation_reply("busy@example.com").await;
            other.execute_batch("ROLLBACK").unwrap();
            reply
        }
        None => {
            let held = crate::common::database::hold_table(server.location(), "conversations");
            let reply = server.create_conversation_reply("busy@example.com").await;
            drop(held);
            reply
        }
    };
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.text
    );
    assert_eq!(reply.body["name"], "SERVICE_UNAVAILABLE");
    assert_eq!(retry_after(&reply), 2);
    assert!(!reply.text.contains("locked"), "the cause stays in the log");
    server.create_conversation("busy@example.com").await;
}
