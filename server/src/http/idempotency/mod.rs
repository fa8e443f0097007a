//! `Idempotency-Key` on every create: a `POST` under a dialect's base path that carries
//! the header is run once per key, and a retry gets the first answer back, so a message is
//! stored once even when every response is lost (`docs/idempotency.md`).
//!
//! The layer sits inside the session gate (a key is scoped to the signed-in agent, or to
//! `public` on the public routes) and outside the dialects' routes, whose answers arrive
//! already in their dialect's body; its own refusals are [`HttpError`]s, rendered in the
//! path's dialect by the layer outside the guard. It reads the request whole to
//! fingerprint it ([`fingerprint`]); a body longer than every create accepts is handed on
//! unread and the route refuses it as before.
//!
//! What is kept: a 2xx, and a 4xx that a retry would only repeat. Never a 5xx, nor a 401,
//! 403, 408, 409, 423, 425 or 429: the retry of those runs again. The handler and the keeping
//! of its answer run in a task of their own, so a client that goes away, or the guard's
//! timeout, does not stop the answer from being kept.

pub mod body;
pub mod fingerprint;

pub use fingerprint::IDEMPOTENCY_KEY;

use crate::http::error::{HttpError, Location};
use crate::http::signed_in::{SignedIn, VendorCall};
use crate::store::idempotency::{self, Begin, StoredResponse};
use crate::store::{Store, Tx};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use body::Buffered;

/// Set on a replayed answer.
pub const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// Set on the 422 for a key already used for a different request, so a client tells it
/// from any other refusal in every dialect: an earlier version of its message arrived.
pub const REUSED: HeaderName = HeaderName::from_static("idempotency-key-reused");

/// What a client is told to wait while the first request with its key still runs.
pub const IN_PROGRESS_RETRY_AFTER_SECS: u64 = 1;

/// An answer longer than this is returned but not kept (creates answer a few KiB).
pub const MAX_KEPT_ANSWER_BYTES: usize = 1024 * 1024;

/// The layer's state.
#[derive(Clone)]
pub struct Idempotency {
    pub store: Store,
    /// Whether a path's `POST`s honour the key: the dialects' (their creates).
    pub applies_to: fn(&str) -> bool,
    /// The longest body any of those routes accepts; a longer one is not read here.
    pub max_body_bytes: usize,
    /// A reservation this old without an answer was left by a request that died.
    pub abandoned_after: chrono::Duration,
}

/// A key reserved for one request: whose, which, and the request's fingerprint. Handed
/// to the handler in the request's extensions, so a handler may keep its answer in its own
/// transaction ([`Reservation::keep_in`]) and leave no crash window between the two.
#[derive(Clone, Debug)]
pub struct Reservation {
    scope: String,
    key: String,
    hash: String,
}

impl Reservation {
    /// Keeps `answer` for the key inside the handler's transaction `conn`. A key no longer
    /// reserved (answered by another run that took it over) is a 409: the caller rolls
    /// back, and the client's retry gets the answer that was kept.
    pub fn keep_in(&self, conn: &Tx, answer: &StoredResponse) -> Result<(), HttpError> {
        if idempotency::complete(conn, &self.scope, &self.key, &self.hash, answer)? {
            Ok(())
        } else {
            Err(in_progress())
        }
    }
}

/// The layer: requests without a key, or not a create, pass untouched.
pub async fn honour(State(config): State<Idempotency>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || !(config.applies_to)(request.uri().path()) {
        return next.run(request).await;
    }
    let key = match fingerprint::key_of(request.headers()) {
        Ok(Some(key)) => key,
        Ok(None) => return next.run(request).await,
        Err(error) => return error.into_response(),
    };
    let (parts, body) = request.into_parts();
    let bytes = match body::buffer(body, config.max_body_bytes).await {
        Ok(Buffered::Whole(bytes)) => bytes,
        // Over every create's limit: its route refuses it in its own words; nothing to keep.
        Ok(Buffered::Over(body)) => return next.run(Request::from_parts(parts, body)).await,
        Err(_) => return unreadable().into_response(),
    };
    let reservation = Reservation {
        scope: scope_of(&parts.extensions),
        key,
        hash: fingerprint::fingerprint(&parts, &bytes).await,
    };
    match reserve(&config, reservation.clone()).await {
        Ok(Begin::Proceed) => {}
        Ok(Begin::Replay(answer)) => return replayed(answer),
        Ok(Begin::Mismatch) => {
            let mut response = mismatch().into_response();
            response
                .headers_mut()
                .insert(REUSED, HeaderValue::from_static("true"));
            return response;
        }
        Ok(Begin::InProgress) => return in_progress().into_response(),
        Err(error) => return error.into_response(),
    }
    let mut request = Request::from_parts(parts, Body::from(bytes));
    request.extensions_mut().insert(reservation.clone());
    let store = config.store.clone();
    let run = tokio::spawn(async move {
        let response = next.run(request).await;
        settle(&store, reservation, response).await
    });
    run.await.unwrap_or_else(|failure| {
        HttpError::internal(format!("the request's task failed: {failure}")).into_response()
    })
}

/// Whose keys a request's key is among: its agent's, its backend's vendor callers' (with
/// `--vendor-auth`), or the public routes' (a public client's key is random, 128 bits or
/// more, so clients do not meet by chance).
fn scope_of(extensions: &axum::http::Extensions) -> String {
    match (extensions.get::<SignedIn>(), extensions.get::<VendorCall>()) {
        (Some(SignedIn(agent, _)), _) => format!("agent:{}", agent.id),
        (None, Some(call)) => format!("vendor:{}", call.backend),
        (None, None) => "public".to_owned(),
    }
}

async fn reserve(config: &Idempotency, reservation: Reservation) -> Result<Begin, HttpError> {
    let now = chrono::Utc::now();
    let abandoned_after = config.abandoned_after;
    config
        .store
        .run(move |conn| {
            let Reservation { scope, key, hash } = &reservation;
            let begun = idempotency::begin(conn, scope, key, hash, now, abandoned_after)?;
            Ok::<_, HttpError>(begun)
        })
        .await
}

/// Whether an answer with `status` is kept for the key's retries: a success, or a client
/// error the same request would meet again. A server failure, a missing session, a
/// refusal an admin can lift (an agent's identity on a forwarded vendor, added after the
/// 403), a timeout, a conflict or a rate limit may pass on retry, so the key is freed
/// instead; a refused request changed nothing, so running it again is safe.
pub fn keeps(status: StatusCode) -> bool {
    const PASSING: [StatusCode; 7] = [
        StatusCode::UNAUTHORIZED,
        StatusCode::FORBIDDEN,
        StatusCode::REQUEST_TIMEOUT,
        StatusCode::CONFLICT,
        StatusCode::LOCKED,
        StatusCode::TOO_EARLY,
        StatusCode::TOO_MANY_REQUESTS,
    ];
    status.is_success() || (status.is_client_error() && !PASSING.contains(&status))
}

/// Keeps the handler's answer for the key, or frees the key, and returns the answer.
async fn settle(store: &Store, reservation: Reservation, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let bytes = match body::buffer(body, MAX_KEPT_ANSWER_BYTES).await {
        Ok(Buffered::Whole(bytes)) if keeps(parts.status) => bytes,
        Ok(Buffered::Whole(bytes)) => {
            release(store, reservation).await;
            return Response::from_parts(parts, Body::from(bytes));
        }
        Ok(Buffered::Over(body)) => {
            release(store, reservation).await;
            return Response::from_parts(parts, body);
        }
        Err(error) => {
            release(store, reservation).await;
            return HttpError::internal(format!("the answer could not be read: {error}"))
                .into_response();
        }
    };
    keep(store, reservation, &parts.headers, parts.status, &bytes).await;
    Response::from_parts(parts, Body::from(bytes))
}

async fn keep(
    store: &Store,
    reservation: Reservation,
    headers: &HeaderMap,
    status: StatusCode,
    bytes: &Bytes,
) {
    let answer = StoredResponse {
        status: status.as_u16(),
        content_type: header_text(headers, header::CONTENT_TYPE),
        location: header_text(headers, header::LOCATION),
        body: bytes.to_vec(),
    };
    let key = reservation.key.clone();
    let kept = store
        .run(move |conn| {
            let Reservation { scope, key, hash } = &reservation;
            // Already kept by the handler in its own transaction: nothing more to do.
            idempotency::complete(conn, scope, key, hash, &answer).map(|_| ())
        })
        .await;
    if let Err(error) = kept {
        // The answer still goes out; the key stays reserved until it is taken as abandoned.
        eprintln!("idempotency: the answer for key {key} was not kept: {error}");
    }
}

async fn release(store: &Store, reservation: Reservation) {
    let key = reservation.key.clone();
    let freed = store
        .run(move |conn| {
            let Reservation { scope, key, hash } = &reservation;
            idempotency::release(conn, scope, key, hash)
        })
        .await;
    if let Err(error) = freed {
        eprintln!("idempotency: key {key} was not freed: {error}");
    }
}

fn header_text(headers: &HeaderMap, name: HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The kept answer, byte for byte, marked as replayed. The correlation id is the new
/// request's (set outside); a kept refusal's body quotes the id of the request that ran.
fn replayed(answer: StoredResponse) -> Response {
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() =
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, answer.content_type),
        (header::LOCATION, answer.location),
    ] {
        if let Some(value) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
            headers.insert(name, value);
        }
    }
    headers.insert(REPLAYED, HeaderValue::from_static("true"));
    response
}

fn mismatch() -> HttpError {
    HttpError::unprocessable(
        "This Idempotency-Key was already used for a different request: send a new key with \
         a new message, and the same key only with the same request.",
    )
}

fn in_progress() -> HttpError {
    HttpError::conflict(
        IN_PROGRESS_RETRY_AFTER_SECS,
        "A request with this Idempotency-Key is already being processed; retry shortly \
         (the Retry-After header) to get its answer.",
    )
}

fn unreadable() -> HttpError {
    HttpError::invalid_field(Location::Body, "body", "", "could not be read")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successes_and_final_refusals_are_kept_and_the_rest_runs_again() {
        let kept = [200, 201, 204, 400, 404, 413, 415, 422];
        for code in kept {
            assert!(keeps(StatusCode::from_u16(code).unwrap()), "{code}");
        }
        let again = [301, 401, 403, 408, 409, 423, 425, 429, 500, 502, 503, 504];
        for code in again {
            assert!(!keeps(StatusCode::from_u16(code).unwrap()), "{code}");
        }
    }

    #[test]
    fn a_replay_is_the_kept_answer_marked() {
        let response = replayed(StoredResponse {
            status: 201,
            content_type: Some("application/json".to_owned()),
            location: Some("/x/1".to_owned()),
            body: b"{}".to_vec(),
        });
        assert_eq!(response.status(), StatusCode::CREATED);
        assert_eq!(response.headers()[header::LOCATION], "/x/1");
        assert_eq!(response.headers()[REPLAYED], "true");
    }
}
