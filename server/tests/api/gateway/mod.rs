//! The gateway (`mode = "forward"`) against a vendor played by the test: a small axum app
//! that records what reached it and can answer slowly, refuse a token, ask to slow down or
//! fail on demand. Each module is one concern: what crosses the gateway, the credentials,
//! a vendor that hangs, many agents polling, who wrote it, the files it carries.

mod attachments;
mod check_config;
mod credentials;
mod crossing;
mod follow_up;
mod hanging;
mod identities;
mod logs;
mod sharing;
mod versions;

use crate::common::{backends_file, start_with_backends, TestServer};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, post};
use axum::{Form, Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the vendor saw of one call.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// The vendor's state, shared with the test.
#[derive(Default)]
pub struct Vendor {
    pub seen: Mutex<Vec<Seen>>,
    /// Calls to anything but the token endpoint.
    pub calls: AtomicUsize,
    pub token_calls: AtomicUsize,
    /// Every call waits this long (milliseconds) before answering: a vendor that hangs.
    pub delay_ms: AtomicU64,
    /// Tokens are refused (as after a key rotation) until the next one is issued.
    pub revoke_tokens: AtomicBool,
    /// How long the tokens it issues last, in seconds.
    pub token_seconds: AtomicU64,
    issued: Mutex<HashMap<String, std::time::Instant>>,
    /// The statuses of the conversations under `/comm/conversations/v-…`, which keep their
    /// state between calls (the versioned ones).
    pub statuses: Mutex<HashMap<String, String>>,
}

pub const CLIENT_ID: &str = "switchboard-client";
pub const CLIENT_SECRET: &str = "client-secret-7f3a9c";
pub const API_KEY: &str = "api-key-41d2e8";
pub const SELLER_ID: &str = "seller-4242";

impl Vendor {
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    fn token_valid(&self, headers: &HeaderMap) -> bool {
        let Some(token) = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
        else {
            return false;
        };
        let issued = self.issued.lock().unwrap();
        let lifetime = Duration::from_secs(self.token_seconds.load(Ordering::SeqCst));
        !self.revoke_tokens.load(Ordering::SeqCst)
            && issued.get(token).is_some_and(|at| at.elapsed() < lifetime)
    }
}

async fn token(
    State(vendor): State<Arc<Vendor>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    vendor.token_calls.fetch_add(1, Ordering::SeqCst);
    if form.get("client_id").map(String::as_str) != Some(CLIENT_ID)
        || form.get("client_secret").map(String::as_str) != Some(CLIENT_SECRET)
        || form.get("grant_type").map(String::as_str) != Some("client_credentials")
    {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client"})),
        )
            .into_response();
    }
    let value = format!("token-{}", uuid::Uuid::new_v4());
    vendor.revoke_tokens.store(false, Ordering::SeqCst);
    vendor
        .issued
        .lock()
        .unwrap()
        .insert(value.clone(), std::time::Instant::now());
    let seconds = vendor.token_seconds.load(Ordering::SeqCst);
    // A number written as a string: real token endpoints do that too.
    Json(json!({"access_token": value, "token_type": "Bearer", "expires_in": seconds.to_string()}))
        .into_response()
}

/// Every other call: recorded, then answered as its path asks.
async fn api(State(vendor): State<Arc<Vendor>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    vendor.calls.fetch_add(1, Ordering::SeqCst);
    vendor.seen.lock().unwrap().push(Seen {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers.clone(),
        body: body.to_vec(),
    });
    let delay = vendor.delay_ms.load(Ordering::SeqCst);
    // Only the communication API hangs: the others show the rest of the console unharmed.
    if delay > 0 && parts.uri.path().starts_with("/comm") {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let path = parts.uri.path();
    if path.starts_with("/octo") && !vendor.token_valid(&parts.headers) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "token expired"})),
        )
            .into_response();
    }
    if let Some(id) = path.strip_prefix("/comm/conversations/v-") {
        let id = id.split('/').next().unwrap_or_default().to_owned();
        let mut statuses = vendor.statuses.lock().unwrap();
        if parts.method == axum::http::Method::PUT {
            let sent: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
            let status = sent["status"].as_str().unwrap_or("OPEN").to_owned();
            statuses.insert(id.clone(), status);
        }
        let status = statuses
            .entry(id.clone())
            .or_insert_with(|| "OPEN".to_owned());
        return Json(json!({"id": format!("v-{id}"), "status": status})).into_response();
    }
    // An assignment answers the conversation, with the assignee the body named.
    if parts.method == axum::http::Method::PUT && path.ends_with("/assigned-agent") {
        let sent: Value = serde_json::from_slice(&body).unwrap_or_default();
        let agent = sent["assignedAgentId"].clone();
        return Json(
            json!({"id": "c-1", "assignedAgentId": agent, "participants": ["cust-1", agent]}),
        )
        .into_response();
    }
    // "Mine": a page of one conversation held by the agent the query names.
    if let Some(agent) = parts
        .uri
        .query()
        .and_then(|q| {
            q.split('&')
                .find_map(|pair| pair.strip_prefix("assignedAgentId="))
        })
        .filter(|_| path == "/comm/conversations")
    {
        return Json(json!({
            "content": [{
                "id": "c-1", "assignedAgentId": agent, "participants": ["cust-1", agent],
                "lastMessage": {"transmitterId": agent, "content": agent}
            }],
            "totalElements": 1
        }))
        .into_response();
    }
    if path.ends_with("/missing") {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"name": "VENDOR_NOT_FOUND", "message": "no such thing, says the vendor"})),
        )
            .into_response();
    }
    if path.ends_with("/limited") {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", "1")],
            "slow down",
        )
            .into_response();
    }
    let host = parts
        .headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let answer = json!({
        "path": path,
        "calls": vendor.calls(),
        "bytes": body.len(),
    });
    (
        StatusCode::OK,
        [
            ("set-cookie", "vendor_session=abc; Path=/"),
            ("x-vendor-internal", "not for browsers"),
        ],
        [("location", format!("http://{host}/comm/conversations/42"))],
        Json(answer),
    )
        .into_response()
}

/// A vendor on a free port; its base URL.
pub async fn vendor() -> (Arc<Vendor>, String) {
    let vendor = Arc::new(Vendor::default());
    vendor.token_seconds.store(3600, Ordering::SeqCst);
    let app = Router::new()
        .route("/token", post(token))
        .route("/{*rest}", any(api))
        .with_state(vendor.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (vendor, format!("http://{address}"))
}

/// A gateway forwarding communication (a key header), Octopia (OAuth2 client credentials)
/// and case messages (a query token) to `vendor_url`, with `extra` lines in each backend's
/// table (timeouts, sharing).
pub async fn gateway(vendor_url: &str, extra: &str) -> TestServer {
    let text = format!(
        r#"
        [backends.communication]
        mode = "forward"
        upstream = "{vendor_url}/comm"
        # This vendor counts every call it gets: the server's watch of its list stays off
        # (events.rs tests the watch against the reference vendor).
        watch_seconds = 0
        {extra}
        auth = {{ scheme = "header", header = "X-Api-Key" }}

        [backends.octopia]
        mode = "forward"
        upstream = "{vendor_url}/octo"
        watch_seconds = 0
        {extra}
        [backends.octopia.auth]
        scheme = "oauth2"
        token_url = "{vendor_url}/token"
        client_id = "{CLIENT_ID}"
        seller_id = "{SELLER_ID}"

        [backends.case-messages]
        mode = "forward"
        upstream = "{vendor_url}/cases"
        {extra}
        auth = {{ scheme = "query" }}

        [backends.postcenter]
        mode = "off"
        "#
    );
    let settings = backends_file(
        &text,
        &[
            ("SWITCHBOARD_COMMUNICATION_API_KEY", API_KEY),
            ("SWITCHBOARD_OCTOPIA_CLIENT_SECRET", CLIENT_SECRET),
            ("SWITCHBOARD_CASE_MESSAGES_TOKEN", "case-token-93b1"),
        ],
    );
    start_with_backends(settings, false).await
}

/// Every secret the gateway was given.
pub const SECRETS: &[&str] = &[CLIENT_SECRET, API_KEY, "case-token-93b1"];

/// Gives the agent with `email` an identity on `backend`, as an admin does with
/// `switchboard-server agents identity set`, on the test server's database.
pub fn set_identity(
    server: &TestServer,
    email: &str,
    backend: &str,
    id: &str,
    vendor_email: Option<&str>,
    vendor_name: Option<&str>,
) {
    use switchboard_server::auth::cli::{run, Command};
    let command = Command::IdentitySet {
        email: email.to_owned(),
        backend: backend.to_owned(),
        vendor_id: id.to_owned(),
        vendor_email: vendor_email.map(str::to_owned),
        vendor_name: vendor_name.map(str::to_owned),
    };
    let migrations = switchboard_server::dialects::migrations();
    run(command, server.location(), &migrations).expect("the identity is set");
}
