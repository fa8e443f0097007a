//! The one place the console speaks HTTP: every request gets a correlation id and a
//! time limit, `response.ok()` is checked before decoding, and every failure becomes a
//! typed [`ApiError`] from `core`. Each connector holds a [`Client`] with its backend's
//! own error decoder (`core/src/wire/<backend>/error.rs`).
//!
//! The session lives here too, for fetch and for the uploads' XMLHttpRequest alike
//! ([`common_headers`], [`Client::refused`]): every request goes with the browser's
//! credentials (the session cookie, also when the API is on another origin, as in the
//! browser tests), every write carries the header a cross-site form cannot send
//! (`core::session::WRITE_HEADER`), and a 401 tells the console its session has ended
//! ([`super::session_watch`]).

use super::session_watch;
use futures::future::{select, Either};
use gloo_net::http::{Request, RequestBuilder};
use gloo_timers::future::TimeoutFuture;
use serde::de::DeserializeOwned;
use serde::Serialize;
use switchboard_core::directory::CLIENT_HEADER;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::session::{is_write, WRITE_HEADER, WRITE_HEADER_VALUE};
use web_sys::RequestCredentials;

/// Long enough for a slow backend, short enough that an agent is not left waiting blind.
const REQUEST_TIMEOUT_MS: u32 = 20_000;
const CORRELATION_HEADER: &str = "X-Correlation-ID";

/// A random UUID v4 from the browser's CSPRNG, to trace a request across systems.
pub fn new_correlation_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        // Without Web Crypto (a very old browser) uniqueness is all a trace id needs.
        let now = clock_bits();
        bytes[..8].copy_from_slice(&now.to_le_bytes());
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// The header that makes a create safe to retry: every dialect's server stores the first
/// answer under it and replays it (`docs/idempotency.md`).
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// Set by the server on the refusal of a key already used for a different request.
pub const KEY_REUSED_HEADER: &str = "Idempotency-Key-Reused";

/// The header that makes a create safe to retry, for `key`: none when the caller made no
/// key, never an empty one.
fn key_header(key: &str) -> Vec<(&'static str, &str)> {
    Some(key)
        .filter(|key| !key.is_empty())
        .map(|key| (IDEMPOTENCY_KEY_HEADER, key))
        .into_iter()
        .collect()
}

/// A random id for one message being sent: the same on every retry of that message, so a
/// backend that knows it (case messages' `externalId`) never posts it twice.
pub fn new_idempotency_key() -> String {
    new_correlation_id()
}

/// The key of a message about to be sent: the one its last attempt used when what is sent
/// is the same (`fingerprint`), else a new one, remembered in `last`. A retry after a lost
/// answer then replays; a message changed after a failure is a new message, never
/// refused as "a different request with the same key".
pub fn attempt_key(last: &mut Option<(String, String)>, fingerprint: &str) -> String {
    match last {
        Some((made_for, key)) if made_for == fingerprint => key.clone(),
        _ => {
            let key = new_idempotency_key();
            *last = Some((fingerprint.to_owned(), key.clone()));
            key
        }
    }
}

fn clock_bits() -> u64 {
    chrono::Utc::now()
        .timestamp_nanos_opt()
        .unwrap_or_default()
        .unsigned_abs()
}

/// Reads one backend's error body into the domain error (`wire/<backend>/error.rs`).
pub type ErrorDecoder = fn(u16, &str, Option<String>) -> ApiError;

/// One backend's way of speaking HTTP: its error decoder, and what a 401 from it means.
#[derive(Clone, Copy)]
pub struct Client {
    pub decode_error: ErrorDecoder,
    /// Whether a 401 means the agent's session has ended (every backend), rather than an
    /// answer the caller reads itself (`/api/session`: a wrong password, nobody signed in).
    reports_lost_session: bool,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Client")
    }
}

impl PartialEq for Client {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.decode_error, other.decode_error)
            && self.reports_lost_session == other.reports_lost_session
    }
}

impl Client {
    pub const fn new(decode_error: ErrorDecoder) -> Self {
        Client {
            decode_error,
            reports_lost_session: true,
        }
    }

    /// For `/api/session` itself: its 401 is its answer, not a session that ended.
    pub const fn for_session(decode_error: ErrorDecoder) -> Self {
        Client {
            decode_error,
            reports_lost_session: false,
        }
    }

    pub async fn get_json<T: DeserializeOwned>(&self, url: &str) -> Result<T, ApiError> {
        let (text, _) = self.exchange(Method::Get, url, None, &[]).await?;
        parse(&text)
    }

    pub async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        url: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        Ok(self.send_json_with_wait(method, url, body).await?)
    }

    /// [`Client::send_json`], keeping the server's `Retry-After` beside its refusal.
    pub async fn send_json_with_wait<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        url: &str,
        body: &B,
    ) -> Result<T, Refusal> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::malformed(e.to_string()))?;
        let (text, _) = self.exchange(method, url, Some(body), &[]).await?;
        Ok(parse(&text)?)
    }

    /// A create sent with its idempotency key: the same key on every retry of the same
    /// message, so the server stores it once even when an answer was lost.
    pub async fn send_json_once<B: Serialize, T: DeserializeOwned>(
        &self,
        url: &str,
        body: &B,
        key: &str,
    ) -> Result<T, ApiError> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::malformed(e.to_string()))?;
        let (text, _) = self
            .exchange(Method::Post, url, Some(body), &key_header(key))
            .await?;
        parse(&text)
    }

    /// A `GET` of something that has versions: the body and its `ETag`, when it has one.
    pub async fn get_json_versioned<T: DeserializeOwned>(
        &self,
        url: &str,
    ) -> Result<(T, Option<String>), ApiError> {
        let (text, version) = self.exchange(Method::Get, url, None, &[]).await?;
        Ok((parse(&text)?, version))
    }

    /// A write on the version the agent saw (`If-Match`, when known): refused with 412 if
    /// someone changed it since. The answer and its new `ETag`.
    pub async fn send_json_versioned<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        url: &str,
        body: &B,
        seen: Option<&str>,
    ) -> Result<(T, Option<String>), ApiError> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::malformed(e.to_string()))?;
        let headers: Vec<(&str, &str)> = seen.map(|tag| ("If-Match", tag)).into_iter().collect();
        let (text, version) = self.exchange(method, url, Some(body), &headers).await?;
        Ok((parse(&text)?, version))
    }

    /// A `DELETE` whose answer has no body worth reading.
    pub async fn delete(&self, url: &str) -> Result<(), ApiError> {
        self.exchange(Method::Delete, url, None, &[]).await?;
        Ok(())
    }

    /// A request without a body whose answer is JSON (a `POST` that opens, a `DELETE`
    /// that answers what it closed).
    pub async fn send_empty<T: DeserializeOwned>(
        &self,
        method: Method,
        url: &str,
    ) -> Result<T, ApiError> {
        let (text, _) = self.exchange(method, url, None, &[]).await?;
        parse(&text)
    }

    /// A create without a body (a `POST` that opens), sent with its idempotency key: a
    /// retry after a lost answer gets the first answer, not "already open".
    pub async fn send_empty_once<T: DeserializeOwned>(
        &self,
        url: &str,
        key: &str,
    ) -> Result<T, ApiError> {
        let (text, _) = self
            .exchange(Method::Post, url, None, &key_header(key))
            .await?;
        parse(&text)
    }

    /// A `PUT` of a JSON body whose answer has none worth reading (a state set: `204`).
    pub async fn put_json<B: Serialize>(&self, url: &str, body: &B) -> Result<(), ApiError> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::malformed(e.to_string()))?;
        self.exchange(Method::Put, url, Some(body), &[]).await?;
        Ok(())
    }

    /// A `PUT` with no body whose answer has none worth reading (putting something in a
    /// set: the path says it all).
    pub async fn put_empty(&self, url: &str) -> Result<(), ApiError> {
        self.exchange(Method::Put, url, None, &[]).await?;
        Ok(())
    }

    /// An error status as the backend's error; a 401 also tells the console its session
    /// has ended (where this client's 401 means that), and `key_reused` (the server's
    /// [`KEY_REUSED_HEADER`]) says an earlier version of the message sent with the same
    /// key arrived. Fetch and XHR both end here.
    pub fn refused(
        &self,
        status: u16,
        body: &str,
        correlation_id: Option<String>,
        key_reused: bool,
    ) -> ApiError {
        if status == 401 && self.reports_lost_session {
            session_watch::report_lost_session();
        }
        let error = (self.decode_error)(status, body, correlation_id);
        if key_reused {
            ApiError {
                kind: ErrorKind::KeyReused,
                ..error
            }
        } else {
            error
        }
    }

    /// The whole exchange (credentials, headers, deadline, status check, the answer's
    /// text), written once and generic over nothing: every request of every connector
    /// shares this one copy, and only the JSON reading differs by type.
    async fn exchange(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<(String, Option<String>), Refusal> {
        let controller = web_sys::AbortController::new().ok();
        let mut builder = method
            .request(url)
            .credentials(RequestCredentials::Include)
            .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
        for (name, value) in common_headers(method) {
            builder = builder.header(name, &value);
        }
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let request = match body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body),
            None => builder.build(),
        }
        .map_err(|e| ApiError::network(e.to_string()))?;

        let sending = Box::pin(request.send());
        let deadline = TimeoutFuture::new(REQUEST_TIMEOUT_MS);
        let response = match select(sending, deadline).await {
            Either::Left((result, _)) => result.map_err(|e| ApiError::network(e.to_string()))?,
            Either::Right(_) => {
                if let Some(controller) = controller {
                    controller.abort();
                }
                return Err(ApiError::new(ErrorKind::Timeout).into());
            }
        };

        if response.ok() {
            let version = response.headers().get("ETag");
            let text = response
                .text()
                .await
                .map_err(|e| ApiError::network(e.to_string()))?;
            Ok((text, version))
        } else {
            let headers = response.headers();
            let correlation_id = headers.get(CORRELATION_HEADER);
            let retry_after_secs = headers
                .get("Retry-After")
                .and_then(|value| parse_retry_after(&value));
            let key_reused = headers.get(KEY_REUSED_HEADER).is_some();
            // An unreadable error body still leaves the status to speak.
            let body = response.text().await.unwrap_or_default();
            Err(Refusal {
                error: self.refused(response.status(), &body, correlation_id, key_reused),
                retry_after_secs,
            })
        }
    }
}

/// A request that failed, with when the server said to try again. `ApiError` (in `core`)
/// has no place for `Retry-After`, so it rides beside it for the one caller that shows
/// it (signing in).
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub error: ApiError,
    /// `Retry-After` in seconds; an HTTP date, or a header the browser may not read
    /// (another origin that does not expose it), leaves `None`.
    pub retry_after_secs: Option<u64>,
}

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Self {
        Refusal {
            error,
            retry_after_secs: None,
        }
    }
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        refusal.error
    }
}

fn parse_retry_after(value: &str) -> Option<u64> {
    value.trim().parse().ok()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    fn request(self, url: &str) -> RequestBuilder {
        match self {
            Method::Get => Request::get(url),
            Method::Post => Request::post(url),
            Method::Put => Request::put(url),
            Method::Patch => Request::patch(url),
            Method::Delete => Request::delete(url),
        }
    }
}

/// The headers every request carries, through fetch or XMLHttpRequest: a correlation id,
/// the JSON it accepts, the page's language, and on a write the header a cross-site form
/// cannot send.
pub fn common_headers(method: Method) -> Vec<(&'static str, String)> {
    let mut headers = vec![
        (CORRELATION_HEADER, new_correlation_id()),
        ("Accept", "application/json".to_owned()),
        // The page's language, not only the browser's: what the server says in words
        // (a refused field) reads in the language the page speaks.
        ("Accept-Language", crate::i18n::lang_now().tag().to_owned()),
    ];
    if is_write(method.as_str()) {
        headers.push((WRITE_HEADER, WRITE_HEADER_VALUE.to_owned()));
        headers.push((CLIENT_HEADER, this_console().to_owned()));
    }
    headers
}

thread_local! {
    static THIS_CONSOLE: String = new_correlation_id();
}

/// This console's name for the server (one per page load, random): its writes carry it,
/// and the changes they make come back on the event stream marked as its own.
pub fn this_console() -> String {
    THIS_CONSOLE.with(Clone::clone)
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::malformed(e.to_string()))
}

/// Builds a query string from pairs, percent-encoding every value.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let encoded: Vec<String> = pairs
        .iter()
        .map(|(key, value)| {
            format!(
                "{key}={}",
                switchboard_core::domain::encode_path_segment(value)
            )
        })
        .collect();
    format!("?{}", encoded.join("&"))
}
