//! `X-Correlation-ID` on every response: the request's own when it sent a usable one, else
//! a new UUID v4. The id rides in the request's extensions, where each dialect's error
//! layer ([`super::render::rendered`]) reads it to quote it in its error body.
//!
//! Kept rather than `tower-http`'s request id: that layer echoes whatever id a client
//! sends, of any length and with any characters, while this one goes into headers, error
//! bodies and logs only when it is short printable ASCII; checking it first, then setting
//! and propagating with `tower-http`, would be three layers for what this one does.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use uuid::Uuid;

pub const CORRELATION_HEADER: HeaderName = HeaderName::from_static("x-correlation-id");

/// Longer ids are replaced: the id is echoed in headers, bodies and logs.
const MAX_CORRELATION_ID_CHARS: usize = 128;

/// The request's correlation id, for the error layers (and any handler that wants it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorrelationId(pub String);

pub async fn correlate(mut request: Request, next: Next) -> Response {
    let id = usable_incoming_id(request.headers()).unwrap_or_else(|| Uuid::new_v4().to_string());
    request.extensions_mut().insert(CorrelationId(id.clone()));

    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(CORRELATION_HEADER, value);
    }
    response
}

/// Printable ASCII without spaces, not too long: anything else is not echoed.
fn usable_incoming_id(headers: &HeaderMap) -> Option<String> {
    let raw = headers.get(CORRELATION_HEADER)?.to_str().ok()?.trim();
    let usable = !raw.is_empty()
        && raw.len() <= MAX_CORRELATION_ID_CHARS
        && raw.bytes().all(|b| b.is_ascii_graphic());
    usable.then(|| raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers_with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(CORRELATION_HEADER, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn usable_ids_are_kept_and_others_replaced() {
        assert_eq!(
            usable_incoming_id(&headers_with("abc-123")).as_deref(),
            Some("abc-123")
        );
        assert_eq!(usable_incoming_id(&headers_with("  ")), None);
        assert_eq!(usable_incoming_id(&headers_with("two words")), None);
        assert_eq!(usable_incoming_id(&headers_with(&"x".repeat(129))), None);
        assert_eq!(usable_incoming_id(&HeaderMap::new()), None);
    }
}
