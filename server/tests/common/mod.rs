//! The harness the integration tests share: each test starts its own `serve()` on
//! 127.0.0.1:0 with a fresh SQLite file (so with the demo seed), and speaks to it with
//! reqwest.

// Each test crate compiles this module and uses only part of it: `put` is for
// `communication.rs`, `post_form` and `Reply::bytes` for `communication_attachments.rs`,
// `octopia` and `patch` for the Octopia ones.
#![allow(dead_code)]

use reqwest::header::HeaderMap;
use reqwest::multipart::Form;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::path::PathBuf;
use switchboard_server::{serve_with, Config, Limits};
use tempfile::TempDir;

pub const API: &str = "/communication/v1";

pub struct TestServer {
    pub base_url: String,
    pub client: Client,
    _data: TempDir,
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

async fn start_with(dist_dir: Option<PathBuf>, limits: Limits) -> TestServer {
    let data = tempfile::tempdir().expect("a temp dir");
    let config = Config {
        db_path: data.path().join("switchboard.sqlite3"),
        dist_dir,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        if let Err(error) = serve_with(listener, config, limits).await {
            panic!("the server stopped: {error}");
        }
    });
    TestServer {
        base_url: format!("http://{address}"),
        client: Client::new(),
        _data: data,
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
    pub fn db_path(&self) -> PathBuf {
        self._data.path().join("switchboard.sqlite3")
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
