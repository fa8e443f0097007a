//! The agent a request was made by, as the auth gate leaves it in the request. It lives in
//! `http`, below `auth`, so the layers `auth` wraps (the idempotency keys) can read it
//! without importing `auth`: `auth` sets it, everything above reads it. Beside it, the
//! mark of a call made with a vendor's credentials instead ([`VendorCall`], with
//! `--vendor-auth`), and [`Caller`] for the writes that take either.

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
        match parts.extensions.get::<SignedIn>() {
            Some(signed_in) => Ok(signed_in.clone()),
            None if parts.extensions.get::<VendorCall>().is_some() => Err(needs_an_agent()),
            None => Err(not_signed_in()),
        }
    }
}

/// A request that showed its backend's vendor credentials, checked by the gate with
/// `--vendor-auth`: it has no agent. `backend` is the dialect's name.
#[derive(Clone, Debug)]
pub struct VendorCall {
    pub backend: String,
}

/// Who makes a write that the vendor's API lets its caller name in the body (Octopia's
/// `userId`, case messages' `userEmail`): the signed-in agent, or a vendor call.
#[derive(Clone, Debug)]
pub enum Caller {
    Agent(SessionAgent),
    Vendor,
}

impl Caller {
    /// The agent, when an agent made it.
    pub fn agent(&self) -> Option<&SessionAgent> {
        match self {
            Caller::Agent(agent) => Some(agent),
            Caller::Vendor => None,
        }
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Caller {
    type Rejection = HttpError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        if let Some(SignedIn(agent, _)) = parts.extensions.get::<SignedIn>() {
            return Ok(Caller::Agent(agent.clone()));
        }
        if parts.extensions.get::<VendorCall>().is_some() {
            return Ok(Caller::Vendor);
        }
        Err(not_signed_in())
    }
}

/// What a vendor call gets from a handler that records the agent who acted: the vendor's
/// credentials name no agent, and this write cannot be made without one.
pub fn needs_an_agent() -> HttpError {
    HttpError::forbidden(
        "This reference server needs a signed-in agent for this write: the vendor's \
         credentials name no agent to record it under. Make it from the Switchboard console.",
    )
}

/// What a request without a live session gets, everywhere but the public list.
pub fn not_signed_in() -> HttpError {
    HttpError::unauthorized(
        "Sign in to Switchboard first: this needs a signed-in agent, and the request has no \
         session or its session has ended.",
    )
}
