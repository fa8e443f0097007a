//! The server's own load limits, around every route: at most
//! [`crate::Limits::max_concurrent_requests`] requests are handled at once, and none for
//! longer than [`crate::Limits::request_timeout`]. Over either, a 503 with `Retry-After`.
//!
//! The limits are tower's, stacked in `lib.rs`: one concurrency limit shared by every
//! route (its permit held until the response's head is ready; a download's bytes stream
//! after), with load shedding in front, so a request over it is refused at once rather
//! than queued (a flood costs the server nothing but the refusal), and a timeout inside
//! (a request cut by it stops being awaited; store work already begun on the blocking pool
//! still runs to its commit or rollback). Both refusals become [`HttpError`]s
//! ([`refusal`]); [`render_escaped`] gives them the body of the API their path belongs to.

use super::correlation::CorrelationId;
use super::render::{finish, Renderer};
use super::HttpError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;
use tower::load_shed::error::Overloaded;
use tower::BoxError;

/// What a client is told to wait when the server is full.
pub const BUSY_RETRY_AFTER_SECS: u64 = 1;

/// A load limit's refusal: 503 with `Retry-After`, saying which limit it was.
pub fn refusal(error: BoxError, timeout: Duration) -> Response {
    if error.is::<Overloaded>() {
        return HttpError::unavailable(
            BUSY_RETRY_AFTER_SECS,
            "The server is handling as many requests as it can; try again shortly.",
        )
        .into_response();
    }
    let mut error = HttpError::unavailable(
        BUSY_RETRY_AFTER_SECS,
        format!(
            "The server took longer than the {} s it allows a request; try again.",
            timeout.as_secs()
        ),
    );
    error.internal_cause = Some("the request timed out".to_owned());
    error.into_response()
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
