//! The server's own load limits, around every route: at most
//! [`crate::Limits::max_concurrent_requests`] requests are handled at once, and none for
//! longer than [`crate::Limits::request_timeout`]. Over either, a 503 with `Retry-After`.
//!
//! A request over the concurrency limit is refused at once rather than queued (tower's
//! `ConcurrencyLimit` would queue it; refusing is load shedding), so a flood costs the
//! server nothing but the refusal. Both refusals are [`HttpError`]s: [`render_escaped`]
//! gives them the body of the API their path belongs to.

use super::correlation::CorrelationId;
use super::error::{finish, Renderer};
use super::HttpError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// What a client is told to wait when the server is full.
pub const BUSY_RETRY_AFTER_SECS: u64 = 1;

/// The guard's state: the permits of the requests under way and the time each may take.
#[derive(Clone)]
pub struct Guard {
    permits: Arc<Semaphore>,
    timeout: Duration,
}

impl Guard {
    pub fn new(max_concurrent_requests: usize, timeout: Duration) -> Guard {
        Guard {
            permits: Arc::new(Semaphore::new(max_concurrent_requests)),
            timeout,
        }
    }
}

/// The layer: a permit, or 503 at once; the response within the timeout, or 503. The
/// permit is held until the response's head is ready (a download's bytes stream after).
/// A request cut by the timeout stops being awaited; store work already begun on the
/// blocking pool still runs to its commit or rollback.
pub async fn guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let Ok(_permit) = guard.permits.clone().try_acquire_owned() else {
        return HttpError::unavailable(
            BUSY_RETRY_AFTER_SECS,
            "The server is handling as many requests as it can; try again shortly.",
        )
        .into_response();
    };
    match tokio::time::timeout(guard.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_elapsed) => {
            let mut error = HttpError::unavailable(
                BUSY_RETRY_AFTER_SECS,
                format!(
                    "The server took longer than the {} s it allows a request; try again.",
                    guard.timeout.as_secs()
                ),
            );
            error.internal_cause = Some("the request timed out".to_owned());
            error.into_response()
        }
    }
}

/// Which renderer answers for a path; `None` for the console's paths.
pub type RendererFor = fn(&str) -> Option<Renderer>;

/// The layer just outside [`guard`]: an error no API's own layer rendered (the guard's)
/// gets the body of the API its path belongs to, or plain text on the console's paths.
pub async fn render_escaped(
    State(renderer_for): State<RendererFor>,
    request: Request,
    next: Next,
) -> Response {
    let debug_id = request
        .extensions()
        .get::<CorrelationId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    let renderer = renderer_for(request.uri().path()).unwrap_or(plain_text);
    let response = next.run(request).await;
    if response.extensions().get::<HttpError>().is_none() {
        return response;
    }
    finish(response, &debug_id, renderer)
}

fn plain_text(error: &HttpError, _debug_id: &str) -> Response {
    (error.status, error.message.clone()).into_response()
}

/// Whether `path` is `base` or below it.
pub fn is_under(path: &str, base: &str) -> bool {
    path.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::is_under;

    #[test]
    fn paths_belong_to_their_base_only() {
        assert!(is_under("/api", "/api"));
        assert!(is_under("/api/agents", "/api"));
        assert!(!is_under("/apis", "/api"));
        assert!(!is_under("/", "/api"));
    }
}
