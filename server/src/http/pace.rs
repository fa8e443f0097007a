//! A request's body must keep coming and must fit: a client that declares more than a
//! route takes is answered 413 before a byte of its body is read, and one that sends its
//! body too slowly (a pause longer than [`crate::Limits::body_idle_timeout`], or less than
//! [`crate::Limits::body_min_bytes_per_sec`] on average once
//! [`crate::Limits::body_rate_grace`] has passed) is answered 408 and its connection
//! closed, so it gives back its request slot within seconds rather than the request
//! timeout's minute.
//!
//! [`pace`] is the app-wide layer (the largest body any route takes); [`limited`] gives a
//! route its own limit, both for what is read (axum's `DefaultBodyLimit`) and for what is
//! declared.

use super::upload::Upload;
use super::HttpError;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use axum::BoxError;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};

/// The body's pace, and the largest body any route takes.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    pub idle_timeout: Duration,
    pub min_bytes_per_sec: u64,
    pub rate_grace: Duration,
    pub max_body_bytes: usize,
}

/// The limit a route set with [`limited`], for extractors that say it in a 413.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyLimit(pub usize);

/// Whether the request's `Content-Length` says more than `limit`: refused before reading.
pub fn declares_more_than(headers: &axum::http::HeaderMap, limit: usize) -> bool {
    headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .is_some_and(|declared| declared > limit as u64)
}

/// The app-wide layer: a declared length over every route's limit is refused at once; the
/// body is watched for its pace, and a request whose body stalled is answered 408.
pub async fn pace(State(pace): State<Pace>, request: Request, next: Next) -> Response {
    if let Some(refusal) = refuse_declared_over(request.headers(), pace.max_body_bytes) {
        return refusal;
    }
    let stalled = Arc::new(AtomicBool::new(false));
    let request = {
        let stalled = Arc::clone(&stalled);
        request.map(|body| Body::new(Paced::new(body, pace, stalled)))
    };
    let response = next.run(request).await;
    if !stalled.load(Ordering::Relaxed) {
        return response;
    }
    closing(
        HttpError::request_timeout(format!(
        "The request's body arrived too slowly (a pause of more than {} s, or under {} bytes a \
         second); send it again.",
        pace.idle_timeout.as_secs(),
        pace.min_bytes_per_sec
    ))
        .into_response(),
    )
}

/// `route` with a body limit of its own: the declared length is checked before reading,
/// and what is read stops at the limit.
pub fn limited<S>(route: MethodRouter<S>, limit: usize) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    limited_with(route, limit, move || {
        HttpError::payload_too_large_over(limit)
    })
}

/// [`limited`] for a route that takes files: its refusal says what the files may be.
pub fn limited_upload<S>(route: MethodRouter<S>, upload: Upload) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    limited_with(route, upload.body_limit(), move || upload.too_large())
}

fn limited_with<S>(
    route: MethodRouter<S>,
    limit: usize,
    refusal: impl Fn() -> HttpError + Clone + Send + Sync + 'static,
) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    route
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn(move |request: Request, next: Next| {
            route_limit(limit, refusal(), request, next)
        }))
}

fn route_limit(
    limit: usize,
    refusal: HttpError,
    mut request: Request,
    next: Next,
) -> impl Future<Output = Response> + Send {
    let refusal =
        declares_more_than(request.headers(), limit).then(|| closing(refusal.into_response()));
    request.extensions_mut().insert(BodyLimit(limit));
    async move {
        match refusal {
            Some(refusal) => refusal,
            None => next.run(request).await,
        }
    }
}

/// A 413 (closing the connection) for a declared `Content-Length` over `limit`.
fn refuse_declared_over(headers: &HeaderMap, limit: usize) -> Option<Response> {
    declares_more_than(headers, limit)
        .then(|| closing(HttpError::payload_too_large_over(limit).into_response()))
}

/// `response`, closing its connection: the body left unread will never be read.
fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Why a body stopped: it did not keep its pace.
#[derive(Debug)]
struct Stalled;

impl std::fmt::Display for Stalled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body arrived too slowly")
    }
}

impl std::error::Error for Stalled {}

/// A body that fails with [`Stalled`] when it pauses too long or arrives too slowly. The
/// clocks start when it is first read, so time spent before (a session looked up, a
/// permit awaited) is not the client's.
struct Paced {
    inner: Body,
    pace: Pace,
    stalled: Arc<AtomicBool>,
    started: Option<Instant>,
    idle: Option<Pin<Box<Sleep>>>,
    received: u64,
}

impl Paced {
    fn new(inner: Body, pace: Pace, stalled: Arc<AtomicBool>) -> Paced {
        Paced {
            inner,
            pace,
            stalled,
            started: None,
            idle: None,
            received: 0,
        }
    }

    /// Whether, `now`, fewer bytes have come than the minimum rate asks.
    fn too_slow(&self, started: Instant, now: Instant) -> bool {
        let Some(owed_for) = (now - started).checked_sub(self.pace.rate_grace) else {
            return false;
        };
        let owed = self.pace.min_bytes_per_sec as f64 * owed_for.as_secs_f64();
        (self.received as f64) < owed
    }

    fn stall(&mut self) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        self.stalled.store(true, Ordering::Relaxed);
        Poll::Ready(Some(Err(Box::new(Stalled))))
    }
}

impl HttpBody for Paced {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        let now = Instant::now();
        let started = *this.started.get_or_insert(now);
        let idle_timeout = this.pace.idle_timeout;
        let idle = this
            .idle
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(now + idle_timeout)));
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.received += data.len() as u64;
                }
                idle.as_mut().reset(now + idle_timeout);
                if this.too_slow(started, now) {
                    return this.stall();
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error.into()))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => match idle.as_mut().poll(cx) {
                Poll::Ready(()) => this.stall(),
                Poll::Pending => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;
    use futures_util::stream;
    use http_body_util::BodyExt;

    fn pace(idle_ms: u64, min_rate: u64, grace_ms: u64) -> Pace {
        Pace {
            idle_timeout: Duration::from_millis(idle_ms),
            min_bytes_per_sec: min_rate,
            rate_grace: Duration::from_millis(grace_ms),
            max_body_bytes: 1024,
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_that_pauses_too_long_stalls() {
        let pending = stream::pending::<Result<Bytes, std::io::Error>>();
        let stalled = Arc::new(AtomicBool::new(false));
        let body = Paced::new(
            Body::from_stream(pending),
            pace(500, 0, 0),
            Arc::clone(&stalled),
        );
        let error = body.collect().await.expect_err("stalled");
        assert!(error.to_string().contains("too slowly"), "{error}");
        assert!(stalled.load(Ordering::Relaxed));
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_that_trickles_stalls_once_the_grace_has_passed() {
        // One byte every 400 ms: never idle for 500 ms, but 2.5 bytes a second.
        let trickle = stream::unfold(0, |n| async move {
            if n == 100 {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(400)).await;
            Some((Ok::<_, std::io::Error>(Bytes::from_static(b"x")), n + 1))
        });
        let stalled = Arc::new(AtomicBool::new(false));
        let body = Paced::new(
            Body::from_stream(trickle),
            pace(500, 100, 2000),
            Arc::clone(&stalled),
        );
        let started = Instant::now();
        assert!(body.collect().await.is_err());
        assert!(stalled.load(Ordering::Relaxed));
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "cut after the grace"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_at_a_good_pace_arrives_whole() {
        let steady = stream::unfold(0, |n| async move {
            if n == 10 {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            Some((Ok::<_, std::io::Error>(Bytes::from(vec![b'x'; 100])), n + 1))
        });
        let stalled = Arc::new(AtomicBool::new(false));
        let body = Paced::new(
            Body::from_stream(steady),
            pace(500, 100, 200),
            Arc::clone(&stalled),
        );
        let bytes = body.collect().await.expect("whole").to_bytes();
        assert_eq!(bytes.len(), 1000);
        assert!(!stalled.load(Ordering::Relaxed));
    }

    #[test]
    fn a_declared_length_over_the_limit_is_refused_and_closes() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("1025"));
        let refusal = refuse_declared_over(&headers, 1024).expect("refused");
        assert_eq!(refusal.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(refusal.headers()[header::CONNECTION], "close");
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("1024"));
        assert!(refuse_declared_over(&headers, 1024).is_none());
        assert!(refuse_declared_over(&HeaderMap::new(), 0).is_none());
    }
}
