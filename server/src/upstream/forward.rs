//! A forwarded backend's routes: every request under its base path that is not one of
//! Switchboard's own goes to the vendor, with the vendor's credentials added here and the
//! browser's removed. Only the headers a vendor needs go out (no cookie, no
//! `Authorization`, no Switchboard header), only the headers a console needs come back
//! (never `Set-Cookie`); the vendor's answers, errors included, keep the vendor's shape,
//! which the console's connectors already read. A vendor that cannot be reached or times
//! out is a 502 or 504 in the dialect's error shape, with our correlation id.

use super::versions::{fingerprint, is_fingerprint};
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

/// What a forwarded backend's routes need: its vendor's client and the backend's facts.
pub struct Forwarding {
    pub upstream: Arc<Upstream>,
    /// Where its routes live on this server; the vendor's base URL replaces it.
    pub base_path: &'static str,
    /// The largest body its routes accept.
    pub max_body: usize,
    /// Its resources (path templates under the base) that the gateway versions when the
    /// vendor gives no `ETag` ([`super::versions`]).
    pub versioned: &'static [&'static str],
    /// Its writes that carry files, checked before they leave ([`super::attachments`]).
    pub files: super::attachments::Files,
}

/// Forwards `request` (under the backend's base path) to its vendor; `identity` checks
/// who writes and names them as the vendor reads it ([`super::identity`]).
pub async fn forward(
    route: Arc<Forwarding>,
    identity: super::identity::Check,
    request: Request,
) -> Response {
    let correlation_id = request
        .extensions()
        .get::<CorrelationId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    let (mut parts, body) = request.into_parts();
    let body = match identity
        .apply(&mut parts, body, route.base_path, route.max_body)
        .await
    {
        Ok(body) => body,
        Err(refused) => return refused.into_response(),
    };
    let body = match route
        .files
        .check(&mut parts, body, route.base_path, route.max_body)
        .await
    {
        Ok(body) => body,
        Err(refused) => return refused.into_response(),
    };
    let mut call = Call {
        method: parts.method.clone(),
        path: parts
            .uri
            .path()
            .strip_prefix(route.base_path)
            .unwrap_or_default()
            .to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: chosen(&parts.headers, REQUEST_HEADERS),
        correlation_id,
    };
    let upstream = &route.upstream;
    let resource = super::routes::resource_of(&call.path, route.versioned);
    if call.method == Method::GET {
        return read(&route, &identity, call, resource).await;
    }
    // A write on a version the gateway gave: compared here, never shown to the vendor.
    let ours = take_our_if_match(&mut call.headers);
    if let (Some(resource), Some(seen)) = (&resource, &ours) {
        match current_version(upstream, resource, &call).await {
            Ok(Some(current)) if !seen.split(',').any(|tag| tag.trim() == current) => {
                return HttpError::stale(
                    "This changed since you read it: read it again, then make your change.",
                )
                .into_response();
            }
            Ok(_) => {}
            Err(failure) => return failed(&failure),
        }
    }
    let outgoing = match outgoing(&parts.headers, body, route.max_body).await {
        Ok(outgoing) => outgoing,
        Err(error) => return error.into_response(),
    };
    if matches!(outgoing, Outgoing::Stream(_)) {
        if let Some(length) = parts.headers.get(header::CONTENT_LENGTH) {
            call.headers.insert(header::CONTENT_LENGTH, length.clone());
        }
    }
    let result = upstream.send(&call, outgoing).await;
    // Whatever the vendor did with the write, the shared answers may be out of date.
    upstream.forget_shared();
    match result {
        Ok(response) => {
            let vendor_versions = response.headers().contains_key(header::ETAG);
            // A change of the resource (a `PUT` or `PATCH` answers it); a `POST` under it
            // adds something else (a message), whose answer has no version of its own.
            let written = response.status().is_success()
                && matches!(call.method, Method::PUT | Method::PATCH);
            let mut answer =
                if response.status().is_success() && identity.names_agents_at(&call.path) {
                    // Held, so the vendor's ids for agents in it are named as ours.
                    match upstream.hold(response).await {
                        Ok(held) => {
                            let body = match identity.ours_in_answer(&call.path, &held.body).await {
                                Ok(Some(body)) => body,
                                _ => held.body.clone(),
                            };
                            whole(&held, body, upstream, route.base_path)
                        }
                        Err(failure) => return failed(&failure),
                    }
                } else {
                    streamed(response, upstream, route.base_path)
                };
            // The version the write left, so the agent's next write is on it.
            if let (Some(resource), true, false) = (&resource, written, vendor_versions) {
                if let Ok(Some(current)) = current_version(upstream, resource, &call).await {
                    if let Ok(value) = current.parse() {
                        answer.headers_mut().insert(header::ETAG, value);
                    }
                }
            }
            answer
        }
        Err(failure) => failed(&failure),
    }
}

/// A read: its agents named as the vendor knows them, the answer shared, the vendor's ids
/// in it named as Switchboard's, and a version when the vendor gives none.
async fn read(
    route: &Forwarding,
    identity: &super::identity::Check,
    mut call: Call,
    resource: Option<String>,
) -> Response {
    let upstream = &route.upstream;
    call.query = match identity.vendor_query(&call.path, call.query.take()).await {
        Ok(query) => query,
        Err(error) => return error.into_response(),
    };
    let path = call.path.clone();
    let exactly = resource.as_deref() == Some(path.as_str());
    let answer = match upstream.shared_get(call).await {
        Ok(answer) => answer,
        Err(failure) => return failed(&failure),
    };
    let ours = match answer.status.is_success() {
        true => identity.ours_in_answer(&path, &answer.body).await,
        false => Ok(None),
    };
    let body = match ours {
        Ok(Some(body)) => body,
        Ok(None) => answer.body.clone(),
        Err(error) => return error.into_response(),
    };
    let mut response = whole(&answer, body, upstream, route.base_path);
    // The version is the vendor's representation's, as a write's check reads it again.
    if exactly && answer.status.is_success() {
        give_version(&mut response, &answer.body);
    }
    response
}

/// A fingerprint `ETag` for a representation the vendor gave none.
fn give_version(response: &mut Response, body: &[u8]) {
    if response.headers().contains_key(header::ETAG) {
        return;
    }
    if let Ok(value) = fingerprint(body).parse() {
        response.headers_mut().insert(header::ETAG, value);
    }
}

/// The request's `If-Match`, removed, when it names this gateway's fingerprints; a
/// vendor's own tags (or `*`) are left for the vendor.
fn take_our_if_match(headers: &mut HeaderMap) -> Option<String> {
    let value = headers.get(header::IF_MATCH)?.to_str().ok()?.to_owned();
    if !is_fingerprint(&value) {
        return None;
    }
    headers.remove(header::IF_MATCH);
    Some(value)
}

/// The fingerprint of `resource` as the vendor holds it now (read afresh, never shared);
/// `None` when the vendor does not answer it with a success (the write then meets the
/// vendor's own answer).
async fn current_version(
    upstream: &Upstream,
    resource: &str,
    write: &Call,
) -> Result<Option<String>, Failure> {
    let read = Call {
        method: Method::GET,
        path: resource.to_owned(),
        query: None,
        headers: chosen(&write.headers, &[header::ACCEPT, header::ACCEPT_LANGUAGE]),
        correlation_id: write.correlation_id.clone(),
    };
    let answer = upstream.fetch_whole(&read).await?;
    if !answer.status.is_success() || answer.headers.contains_key(header::ETAG) {
        return Ok(None);
    }
    Ok(Some(fingerprint(&answer.body)))
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

fn whole(answer: &Answer, body: bytes::Bytes, upstream: &Upstream, base_path: &str) -> Response {
    let headers = chosen(&answer.headers, RESPONSE_HEADERS);
    answered(
        answer.status,
        headers,
        Body::from(body),
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
pub fn failed(failure: &Failure) -> Response {
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
