//! The agent a request was made by, as the auth gate leaves it in the request. It lives in
//! `http`, below `auth`, so the layers `auth` wraps (the idempotency keys) can read it
//! without importing `auth`: `auth` sets it, everything above reads it.

use super::HttpError;
use switchboard_core::session::SessionAgent;

/// The agent a request was made by, and when their session ends (RFC 3339): set by
/// [`crate::auth::gate`] on every non-public API request, so a handler that takes it
/// always finds it.
#[derive(Clone, Debug)]
pub struct SignedIn(pub SessionAgent, pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for SignedIn {
    type Rejection = HttpError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .ok_or_else(not_signed_in)
    }
}

/// What a request without a live session gets, everywhere but the public list.
pub fn not_signed_in() -> HttpError {
    HttpError::unauthorized(
        "Sign in to Switchboard first: this needs a signed-in agent, and the request has no \
         session or its session has ended.",
    )
}
