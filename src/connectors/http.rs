//! The one place the console speaks HTTP: every request gets a correlation id and a
//! time limit, `response.ok()` is checked before decoding, and every failure becomes a
//! typed [`ApiError`] from `core`. Each connector holds a [`Client`] with its backend's
//! own error decoder (`core/src/wire/<backend>/error.rs`).

use futures::future::{select, Either};
use gloo_net::http::{Request, RequestBuilder};
use gloo_timers::future::TimeoutFuture;
use serde::de::DeserializeOwned;
use serde::Serialize;
use switchboard_core::error::{ApiError, ErrorKind};

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

fn clock_bits() -> u64 {
    chrono::Utc::now()
        .timestamp_nanos_opt()
        .unwrap_or_default()
        .unsigned_abs()
}

/// Reads one backend's error body into the domain error (`wire/<backend>/error.rs`).
pub type ErrorDecoder = fn(u16, &str, Option<String>) -> ApiError;

/// One backend's way of speaking HTTP: today only its error decoder; its credentials join
/// here when a gateway needs them.
#[derive(Clone, Copy)]
pub struct Client {
    pub decode_error: ErrorDecoder,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Client")
    }
}

impl PartialEq for Client {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.decode_error, other.decode_error)
    }
}

impl Client {
    pub const fn new(decode_error: ErrorDecoder) -> Self {
        Client { decode_error }
    }

    pub async fn get_json<T: DeserializeOwned>(&self, url: &str) -> Result<T, ApiError> {
        let text = self.exchange(Request::get(url), None).await?;
        parse(&text)
    }

    pub async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        url: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::malformed(e.to_string()))?;
        let builder = match method {
            Method::Post => Request::post(url),
            Method::Put => Request::put(url),
            Method::Patch => Request::patch(url),
        };
        let text = self.exchange(builder, Some(body)).await?;
        parse(&text)
    }

    /// The whole exchange (correlation id, deadline, status check, the answer's text),
    /// written once and generic over nothing: every request of every connector shares this
    /// one copy, and only the JSON reading differs by type.
    async fn exchange(
        &self,
        builder: RequestBuilder,
        body: Option<String>,
    ) -> Result<String, ApiError> {
        let controller = web_sys::AbortController::new().ok();
        let builder = builder
            .header(CORRELATION_HEADER, &new_correlation_id())
            .header("Accept", "application/json")
            .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
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
                return Err(ApiError::new(ErrorKind::Timeout));
            }
        };

        if response.ok() {
            response
                .text()
                .await
                .map_err(|e| ApiError::network(e.to_string()))
        } else {
            let correlation_id = response.headers().get(CORRELATION_HEADER);
            // An unreadable error body still leaves the status to speak.
            let body = response.text().await.unwrap_or_default();
            Err((self.decode_error)(
                response.status(),
                &body,
                correlation_id,
            ))
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Method {
    Post,
    Put,
    Patch,
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
