//! The harness the integration tests share: each test starts its own `serve()` on
//! 127.0.0.1:0 with a fresh SQLite file (so with the demo seed), and speaks to it with
//! reqwest, signed in as the demo agent [`AGENT_EMAIL`] and carrying the write header the
//! console sends; `anonymous` is the same without a session.

pub mod database;

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::multipart::Form;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::path::PathBuf;
use switchboard_core::session::{SESSION_PATH, WRITE_HEADER, WRITE_HEADER_VALUE};
use switchboard_server::config::file::Settings;
use switchboard_server::seed::DEMO_PASSWORD;
use switchboard_server::{serve_with, Config, Limits};
use tempfile::TempDir;

pub const API: &str = "/communication/v1";

/// The demo agent the harness signs in as, and their id.
pub const AGENT_EMAIL: &str = "camille.laurent@switchboard.example";
pub const AGENT_ID: &str = "agent-camille";

pub struct TestServer {
    pub base_url: String,
    /// Signed in as [`AGENT_EMAIL`], with the write header.
    pub client: Client,
    /// No session, with the write header.
    pub anonymous: Client,
    _data: TempDir,
    location: switchboard_server::store::Location,
}

/// A response, read whole: the body as raw bytes, as (lossy UTF-8) text, and as JSON
/// (`Value::Null` when it is not JSON).
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
    pub bytes: Vec<u8>,
}

pub async fn start() -> TestServer {
    start_with_dist(None).await
}

pub async fn start_with_dist(dist_dir: Option<PathBuf>) -> TestServer {
    start_with(dist_dir, Limits::default()).await
}

/// A server with other defences' numbers (small ones, to reach them quickly).
pub async fn start_with_limits(limits: Limits) -> TestServer {
    start_with(None, limits).await
}

/// A server whose backends are served as `backends` says (a backends' file, parsed),
/// checking vendor credentials when `vendor_auth`.
pub async fn start_with_backends(backends: Settings, vendor_auth: bool) -> TestServer {
    start_configured(None, Limits::default(), backends, vendor_auth).await
}

/// Parses a backends' file, its secrets read from `env` instead of the process's.
pub fn backends_file(text: &str, env: &[(&str, &str)]) -> Settings {
    let env: std::collections::HashMap<String, String> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let names = switchboard_server::dialects::names();
    switchboard_server::config::file::parse(text, &names, &|name| env.get(name).cloned())
        .unwrap_or_else(|errors| panic!("the backends' file is valid: {errors:?}"))
}

async fn start_with(dist_dir: Option<PathBuf>, limits: Limits) -> TestServer {
    start_configured(dist_dir, limits, Settings::default(), false).await
}

/// Two servers over one database, as two instances behind a load balancer: what one
/// stores the other sees, and their writers race for real.
pub async fn start_pair() -> (TestServer, TestServer) {
    let first = start().await;
    let second = start_on(
        first.location.clone(),
        None,
        Limits::default(),
        Settings::default(),
        false,
    )
    .await;
    (first, second)
}

async fn start_configured(
    dist_dir: Option<PathBuf>,
    limits: Limits,
    backends: Settings,
    vendor_auth: bool,
) -> TestServer {
    let data = tempfile::tempdir().expect("a temp dir");
    let location = database::fresh(data.path());
    start_in(data, location, dist_dir, limits, backends, vendor_auth).await
}

async fn start_on(
    location: switchboard_server::store::Location,
    dist_dir: Option<PathBuf>,
    limits: Limits,
    backends: Settings,
    vendor_auth: bool,
) -> TestServer {
    let data = tempfile::tempdir().expect("a temp dir");
    start_in(data, location, dist_dir, limits, backends, vendor_auth).await
}

async fn start_in(
    data: TempDir,
    location: switchboard_server::store::Location,
    dist_dir: Option<PathBuf>,
    limits: Limits,
    backends: Settings,
    vendor_auth: bool,
) -> TestServer {
    let config = Config {
        database: location,
        seed_demo: true,
        dist_dir,
        allowed_origins: vec![ALLOWED_ORIGIN.to_owned()],
        postcenter_ticket_link: None,
        poll_seconds: None,
        backends: std::sync::Arc::new(backends),
        vendor_auth,
    };
    let location = config.database.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        if let Err(error) = serve_with(listener, config, limits).await {
            panic!("the server stopped: {error}");
        }
    });
    let base_url = format!("http://{address}");
    let anonymous = client_with(&[]);
    // A server refusing everything (a limit of 0) cannot sign anyone in: its tests expect
    // the refusals, and every other test fails loudly on a 401.
    let cookie = sign_in(&anonymous, &base_url, AGENT_EMAIL, DEMO_PASSWORD)
        .await
        .ok();
    let client = match &cookie {
        Some(cookie) => client_with(&[("cookie", cookie)]),
        None => client_with(&[]),
    };
    TestServer {
        client,
        anonymous,
        base_url,
        _data: data,
        location,
    }
}

/// The one other origin the test servers let call with a session.
pub const ALLOWED_ORIGIN: &str = "http://127.0.0.1:1";

/// A client that sends the write header and `headers` on every request.
pub fn client_with(headers: &[(&str, &str)]) -> Client {
    let mut map = HeaderMap::new();
    map.insert(WRITE_HEADER, HeaderValue::from_static(WRITE_HEADER_VALUE));
    for (name, value) in headers {
        map.insert(
            reqwest::header::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(value).expect("a header value"),
        );
    }
    Client::builder()
        .default_headers(map)
        .build()
        .expect("a client")
}

/// A client of its own for another demo agent, signed in with the demo password.
pub async fn signed_in_as(server: &TestServer, email: &str) -> Client {
    let cookie = sign_in(
        &server.anonymous,
        &server.base_url,
        email,
        switchboard_server::seed::DEMO_PASSWORD,
    )
    .await
    .expect("the demo agent signs in");
    client_with(&[("cookie", &cookie)])
}

/// Signs in at `base_url`; the `name=value` of the session cookie, or the refusal.
pub async fn sign_in(
    client: &Client,
    base_url: &str,
    email: &str,
    password: &str,
) -> Result<String, (StatusCode, String)> {
    let response = client
        .post(format!("{base_url}{SESSION_PATH}"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    let cookie = response
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|line| line.split(';').next())
        .map(str::to_owned);
    let text = response.text().await.unwrap_or_default();
    match cookie {
        Some(cookie) if status == StatusCode::OK => Ok(cookie),
        _ => Err((status, text)),
    }
}

impl TestServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("a readable body").to_vec();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
            bytes,
        }
    }

    /// [`TestServer::get`] of an owned path, for futures gathered in a list.
    pub async fn get_owned(&self, path: String) -> Reply {
        self.get(&path).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.client.get(self.url(path))).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(self.client.post(self.url(path)).json(&body))
            .await
    }

    pub async fn post_form(&self, path: &str, form: Form) -> Reply {
        self.send(self.client.post(self.url(path)).multipart(form))
            .await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.send(self.client.put(self.url(path)).json(&body)).await
    }

    /// The body of a `GET` on Octopia's `path`, which must answer 200.
    pub async fn octopia(&self, path: &str) -> Value {
        let reply = self.get(&format!("{OCTOPIA}{path}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text);
        reply.body
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.send(self.client.patch(self.url(path)).json(&body))
            .await
    }

    /// The server's SQLite file.
    /// The conversation a contact answer opened: the customer is not told its id, an agent
    /// reads it from the contact message.
    pub async fn conversation_of_contact(&self, answer: &Value) -> String {
        let id = answer["id"].as_str().expect("the contact message's id");
        let stored = self.get(&format!("{API}/contact-us/{id}")).await;
        stored.body["conversationId"]
            .as_str()
            .expect("the conversation it opened")
            .to_owned()
    }

    /// The SQLite file of a server on SQLite; `None` on PostgreSQL.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        match &self.location {
            switchboard_server::store::Location::Sqlite(path) => Some(path.clone()),
            switchboard_server::store::Location::Postgres { .. } => None,
        }
    }

    /// Where this server keeps its data, on either engine.
    pub fn location(&self) -> &switchboard_server::store::Location {
        &self.location
    }

    /// This server's store, opened beside it.
    pub fn store(&self) -> switchboard_server::store::Store {
        database::open(&self.location)
    }

    /// A new conversation for `customer`, as the server returns it.
    pub async fn create_conversation(&self, customer: &str) -> Value {
        let reply = self.create_conversation_reply(customer).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        reply.body
    }

    /// The answer to creating a conversation for `customer`, whatever it is.
    pub async fn create_conversation_reply(&self, customer: &str) -> Reply {
        self.post(
            &format!("{API}/conversations"),
            json!({
                "tripPublicationId": "pub-test",
                "tripReference": "TRIP-2026-9999",
                "establishmentId": "est-test",
                "customerId": customer,
            }),
        )
        .await
    }
}

/// Where the Octopia dialect is mounted.
pub const OCTOPIA: &str = "/octopia/v2";

/// Where the support sessions dialect is mounted.
pub const SUPPORT_SESSIONS: &str = "/support-management/v1";

/// Octopia's answer body for a refusal: `type` the RFC 9110 section of the status, a
/// readable `title`, `status`, `traceId` equal to the response's correlation id, and
/// `errors` a map of field to messages. Returns the fields `errors` names, sorted.
pub fn assert_octopia_error(reply: &Reply, status: StatusCode) -> Vec<String> {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(
        reply.headers[reqwest::header::CONTENT_TYPE],
        "application/json",
        "{}",
        reply.text
    );
    let body = &reply.body;
    let kind = body["type"].as_str().expect("type is a string");
    assert!(
        kind.starts_with("https://tools.ietf.org/html/rfc9110#section-15."),
        "{kind}"
    );
    let title = body["title"].as_str().expect("title is a string");
    assert!(title.len() > 10 && title.ends_with('.'), "{title}");
    assert_eq!(body["status"], status.as_u16(), "{}", reply.text);
    let correlation = reply.headers["x-correlation-id"].to_str().unwrap();
    assert_eq!(body["traceId"], correlation);
    let errors = body["errors"].as_object().expect("errors is a map");
    for (field, messages) in errors {
        let messages = messages.as_array().expect("a list of messages");
        assert!(!messages.is_empty(), "{field}");
        assert!(
            messages.iter().all(|m| !m.as_str().unwrap().is_empty()),
            "{field}"
        );
    }
    let mut fields: Vec<String> = errors.keys().cloned().collect();
    fields.sort();
    fields
}

/// A support session's path, and its agent's and history's.
pub fn support_session_path(order_id: &str) -> String {
    format!("{SUPPORT_SESSIONS}/support/{order_id}")
}

pub fn support_agent_path(order_id: &str) -> String {
    format!("{SUPPORT_SESSIONS}/support/{order_id}/agent")
}

impl TestServer {
    /// `POST` a support session open, with `body` or none.
    pub async fn open_support_session(&self, order_id: &str, body: Option<Value>) -> Reply {
        let request = self.client.post(self.url(&support_session_path(order_id)));
        match body {
            Some(body) => self.send(request.json(&body)).await,
            None => self.send(request).await,
        }
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.send(self.client.delete(self.url(path))).await
    }
}

/// The support sessions' error body on a refusal (`error: {code, paths, message, status,
/// trace_id, details}`): its code is the status's, its trace id the response's correlation
/// id. Returns the paths its details name, in order.
pub fn assert_support_error(reply: &Reply, status: StatusCode, code: &str) -> Vec<String> {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(
        reply.headers[reqwest::header::CONTENT_TYPE],
        "application/json"
    );
    let error = &reply.body["error"];
    assert_eq!(error["code"], code, "{}", reply.text);
    assert_eq!(error["status"], status.as_u16());
    let message = error["message"].as_str().expect("a message");
    assert!(message.len() > 10 && message.ends_with('.'), "{message}");
    let correlation = reply.headers["x-correlation-id"].to_str().unwrap();
    assert_eq!(error["trace_id"], correlation);
    let details = error["details"].as_array().expect("details");
    let paths: Vec<String> = details
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    if paths.is_empty() {
        assert!(error.get("paths").is_none(), "{}", reply.text);
    } else {
        let mut unique = paths.clone();
        unique.dedup();
        assert_eq!(error["paths"], unique.join(","));
    }
    paths
}

/// Where the case messages dialect is mounted (the document's own `/api/v3`).
pub const CASE_MESSAGES: &str = "/api/v3";

/// The case messages API's answer body for a refusal: `{"error": {"message": "..."}}` and
/// nothing else. Returns the message.
pub fn assert_case_messages_error(reply: &Reply, status: StatusCode) -> String {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(
        reply.headers[reqwest::header::CONTENT_TYPE],
        "application/json",
        "{}",
        reply.text
    );
    let body = reply.body.as_object().expect("an object");
    assert_eq!(body.len(), 1, "only `error`: {}", reply.text);
    let error = body["error"].as_object().expect("`error` is an object");
    assert_eq!(error.len(), 1, "only `message`: {}", reply.text);
    let message = error["message"].as_str().expect("a message");
    assert!(!message.is_empty());
    message.to_owned()
}

/// Where the PostCenter dialect is mounted, with the document's `/v2`.
pub const POSTCENTER: &str = "/postcenter/v2";

/// PostCenter's answer body for a refusal: `{"message": "...", "status": <the HTTP
/// status>}` and nothing else. Returns the message.
pub fn assert_postcenter_error(reply: &Reply, status: StatusCode) -> String {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(
        reply.headers[reqwest::header::CONTENT_TYPE],
        "application/json",
        "{}",
        reply.text
    );
    let body = reply.body.as_object().expect("an object");
    assert_eq!(body.len(), 2, "only `message` and `status`: {}", reply.text);
    assert_eq!(body["status"], status.as_u16(), "{}", reply.text);
    let message = body["message"].as_str().expect("a message");
    assert!(!message.is_empty());
    message.to_owned()
}

impl TestServer {
    /// The body of a `GET` on PostCenter's `path`, which must answer 200 (and `status` 200
    /// in the body, but for the detail, which has none).
    pub async fn postcenter(&self, path: &str) -> Value {
        let reply = self.get(&format!("{POSTCENTER}{path}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text);
        if let Some(status) = reply.body.get("status") {
            assert_eq!(status, 200, "{path}: {}", reply.text);
        }
        reply.body
    }

    /// A `POST` without a body on PostCenter's `path`.
    pub async fn postcenter_post(&self, path: &str) -> Reply {
        self.send(self.client.post(self.url(&format!("{POSTCENTER}{path}"))))
            .await
    }
}

/// The request header of idempotency keys, and the mark of a replayed answer.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
pub const IDEMPOTENT_REPLAYED: &str = "idempotent-replayed";

impl TestServer {
    /// `POST` `body` as JSON with an `Idempotency-Key`.
    pub async fn keyed(&self, path: &str, key: &str, body: Value) -> Reply {
        let request = self
            .client
            .post(self.url(path))
            .header(IDEMPOTENCY_KEY, key);
        self.send(request.json(&body)).await
    }

    /// `POST` a multipart `form` with an `Idempotency-Key`.
    pub async fn keyed_form(&self, path: &str, key: &str, form: Form) -> Reply {
        let request = self
            .client
            .post(self.url(path))
            .header(IDEMPOTENCY_KEY, key);
        self.send(request.multipart(form)).await
    }

    /// The `totalElements` of a communication page at `path`, which must answer 200.
    pub async fn total(&self, path: &str) -> u64 {
        let reply = self.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply.body["totalElements"].as_u64().expect("a total")
    }
}

/// The server's `host:port` from its base URL.
pub fn address_of(base_url: &str) -> std::net::SocketAddr {
    base_url
        .trim_start_matches("http://")
        .parse()
        .expect("host:port")
}

/// A connection from `source` (a loopback address of its own) to `server`.
pub async fn connect_from(source: &str, server: std::net::SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind(format!("{source}:0").parse().expect("an address"))
        .expect("bound to a loopback address");
    socket.connect(server).await.expect("connected")
}

/// A `reqwest` client whose connections come from `source` (a loopback address of its
/// own), with the write header the console sends.
pub fn client_from(source: &str) -> Client {
    let mut headers = HeaderMap::new();
    headers.insert(WRITE_HEADER, HeaderValue::from_static(WRITE_HEADER_VALUE));
    Client::builder()
        .local_address(source.parse::<std::net::IpAddr>().expect("an address"))
        .default_headers(headers)
        .build()
        .expect("a client")
}
