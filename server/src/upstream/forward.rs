//! A forwarded backend's routes: every request under its base path that is not one of
//! Switchboard's own goes to the vendor, with the vendor's credentials added here and the
//! browser's removed. Only the headers a vendor needs go out (no cookie, no
//! `Authorization`, no Switchboard header), only the headers a console needs come back
//! (never `Set-Cookie`); the vendor's answers, errors included, keep the vendor's shape,
//! which the console's connectors already read. A vendor that cannot be reached or times
//! out is a 502 or 504 in the dialect's error shape, with our correlation id.

use super::{Answer, Call, Failure, Outgoing, Upstream};
use crate::http::correlation::CorrelationId;
use crate::http::render::VendorAnswer;
use crate::http::HttpError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::TryStreamExt;
use std::sync::Arc;

/// A body up to this size is held, so the call can be sent again after a token refresh;
/// a larger one (files) is streamed to the vendor as it arrives.
pub const HELD_BODY_BYTES: usize = 1024 * 1024;

/// What a browser may say to a vendor.
const REQUEST_HEADERS: &[HeaderName] = &[
    header::CONTENT_TYPE,
    header::ACCEPT,
    header::ACCEPT_LANGUAGE,
    header::IF_MATCH,
    header::IF_NONE_MATCH,
];

/// What a vendor may say to a browser.
const RESPONSE_HEADERS: &[HeaderName] = &[
    header::CONTENT_TYPE,
    header::CONTENT_DISPOSITION,
    header::CONTENT_LANGUAGE,
    header::ETAG,
    header::LAST_MODIFIED,
    header::RETRY_AFTER,
    header::LOCATION,
];

/// Forwards `request` (under `base_path`) to `upstream`; `max_body` is the largest body
/// the backend's routes accept; `identity` checks who writes ([`super::identity`]).
pub async fn forward(
    upstream: Arc<Upstream>,
    base_path: &'static str,
    max_body: usize,
    identity: super::identity::Check,
    request: Request,
) -> Response {
    let correlation_id = request
        .extensions()
        .get::<CorrelationId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    let (mut parts, body) = request.into_parts();
    let body = match identity.apply(&mut parts, body, base_path, max_body).await {
        Ok(body) => body,
        Err(refused) => return refused.into_response(),
    };
    let call = Call {
        method: parts.method.clone(),
        path: parts
            .uri
            .path()
            .strip_prefix(base_path)
            .unwrap_or_default()
            .to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: chosen(&parts.headers, REQUEST_HEADERS),
        correlation_id,
    };
    if call.method == Method::GET {
        return match upstream.shared_get(call).await {
            Ok(answer) => whole(&answer, &upstream, base_path),
            Err(failure) => failed(&failure),
        };
    }
    let outgoing = match outgoing(&parts.headers, body, max_body).await {
        Ok(outgoing) => outgoing,
        Err(error) => return error.into_response(),
    };
    let mut call = call;
    if matches!(outgoing, Outgoing::Stream(_)) {
        if let Some(length) = parts.headers.get(header::CONTENT_LENGTH) {
            call.headers.insert(header::CONTENT_LENGTH, length.clone());
        }
    }
    let result = upstream.send(&call, outgoing).await;
    // Whatever the vendor did with the write, the shared answers may be out of date.
    upstream.forget_shared();
    match result {
        Ok(response) => streamed(response, &upstream, base_path),
        Err(failure) => failed(&failure),
    }
}

/// The headers of `from` named in `allowed`, nothing else.
fn chosen(from: &HeaderMap, allowed: &[HeaderName]) -> HeaderMap {
    let mut kept = HeaderMap::new();
    for name in allowed {
        for value in from.get_all(name) {
            kept.append(name.clone(), value.clone());
        }
    }
    kept
}

/// The request's body, held when small, streamed when large, within `max_body`.
async fn outgoing(headers: &HeaderMap, body: Body, max_body: usize) -> Result<Outgoing, HttpError> {
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    match length {
        Some(0) => Ok(Outgoing::Empty),
        Some(length) if length > max_body => Err(HttpError::payload_too_large_over(max_body)),
        Some(length) if length > HELD_BODY_BYTES => {
            let limited = http_body_util::Limited::new(body, max_body);
            let stream = http_body_util::BodyDataStream::new(limited);
            Ok(Outgoing::Stream(reqwest::Body::wrap_stream(stream)))
        }
        _ => {
            let bytes = axum::body::to_bytes(body, max_body)
                .await
                .map_err(|_| HttpError::payload_too_large_over(max_body))?;
            Ok(if bytes.is_empty() {
                Outgoing::Empty
            } else {
                Outgoing::Bytes(bytes)
            })
        }
    }
}

/// A vendor's `Location` under its base, as the console reaches it under ours.
fn local_location(upstream: &Upstream, base_path: &str, headers: &mut HeaderMap) {
    let Some(location) = headers.get(header::LOCATION).and_then(|v| v.to_str().ok()) else {
        return;
    };
    let base = upstream.settings.base_url.as_str().trim_end_matches('/');
    let rewritten = match location.strip_prefix(base) {
        Some(rest) => format!("{base_path}{rest}"),
        None => return,
    };
    if let Ok(value) = rewritten.parse() {
        headers.insert(header::LOCATION, value);
    }
}

fn answered(
    status: StatusCode,
    mut headers: HeaderMap,
    body: Body,
    upstream: &Upstream,
    base_path: &str,
) -> Response {
    local_location(upstream, base_path, &mut headers);
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    // The vendor's error body stays as the vendor wrote it: the connectors read it.
    response.extensions_mut().insert(VendorAnswer);
    response
}

fn whole(answer: &Answer, upstream: &Upstream, base_path: &str) -> Response {
    let headers = chosen(&answer.headers, RESPONSE_HEADERS);
    answered(
        answer.status,
        headers,
        Body::from(answer.body.clone()),
        upstream,
        base_path,
    )
}

fn streamed(response: reqwest::Response, upstream: &Upstream, base_path: &str) -> Response {
    let status = response.status();
    let headers = chosen(response.headers(), RESPONSE_HEADERS);
    let body = Body::from_stream(response.bytes_stream().map_err(std::io::Error::other));
    answered(status, headers, body, upstream, base_path)
}

/// No answer from the vendor, in the dialect's shape (the render layer writes the body).
fn failed(failure: &Failure) -> Response {
    let seconds = |d: std::time::Duration| d.as_secs().max(1);
    let error = match failure {
        Failure::Resting { retry_after, .. } | Failure::Budget { retry_after, .. } => {
            HttpError::unavailable(seconds(*retry_after), failure.to_string())
        }
        Failure::Timeout { .. } => {
            HttpError::upstream(StatusCode::GATEWAY_TIMEOUT, failure.to_string())
        }
        Failure::Unreachable { .. } | Failure::Credentials { .. } | Failure::TooLarge { .. } => {
            HttpError::upstream(StatusCode::BAD_GATEWAY, failure.to_string())
        }
    };
    error.into_response()
}
