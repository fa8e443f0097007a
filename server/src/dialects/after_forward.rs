//! What a dialect keeps of its own once one of its requests was forwarded to the vendor.
//! Some of Switchboard's state rides along on a vendor's write (a contact message's
//! follow-up link, a support session's history); forwarded, the vendor does the write and
//! knows nothing of ours, so the dialect records it here after the vendor said yes. Each
//! dialect names its function as data ([`super::Dialect::after_forward`]) and
//! [`super::Dialect::router`] calls it around the gateway's forwarding, which stays
//! unaware of it: `upstream` never reads the dialects.

use crate::http::signed_in::SignedIn;
use crate::http::HttpError;
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{response, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::future::BoxFuture;
use switchboard_core::session::SessionAgent;

/// The request a forwarded answer came from, as a dialect's hook reads it.
#[derive(Clone, Debug)]
pub struct Forwarded {
    pub method: Method,
    /// Under the dialect's base path, as the vendor's document writes it (still encoded).
    pub path: String,
    /// The signed-in agent; none on a public route.
    pub agent: Option<SessionAgent>,
}

impl Forwarded {
    /// What the hook will need of `request`, taken before the request is forwarded.
    pub fn of(request: &Request, base_path: &str) -> Forwarded {
        Forwarded {
            method: request.method().clone(),
            path: request
                .uri()
                .path()
                .strip_prefix(base_path)
                .unwrap_or_default()
                .to_owned(),
            agent: request
                .extensions()
                .get::<SignedIn>()
                .map(|signed_in| signed_in.0.clone()),
        }
    }

    /// The path's segments, decoded (`/support/RIDE-1/agent` is `support`, `RIDE-1`, `agent`).
    pub fn segments(&self) -> Vec<String> {
        self.path
            .trim_matches('/')
            .split('/')
            .map(|segment| {
                percent_encoding::percent_decode_str(segment)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .collect()
    }
}

/// A dialect's hook: the vendor's answer in, the answer for the browser out.
pub type AfterForward = fn(AppState, Forwarded, Response) -> BoxFuture<'static, Response>;

/// The largest answer a hook reads whole: a vendor's answer to one write, never a file.
pub const MAX_ANSWER_BYTES: usize = 1024 * 1024;

/// The vendor's answer, its body read whole; a 502 when it cannot be (then the vendor's
/// write did happen, but its answer is lost on the way).
pub async fn read_whole(response: Response) -> Result<(response::Parts, Bytes), Response> {
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_ANSWER_BYTES).await {
        Ok(bytes) => Ok((parts, bytes)),
        Err(error) => Err(HttpError::upstream(
            StatusCode::BAD_GATEWAY,
            format!("The vendor's answer could not be read: {error}"),
        )
        .into_response()),
    }
}

/// The answer put back together, as the vendor gave it.
pub fn rebuilt(parts: response::Parts, body: Bytes) -> Response {
    Response::from_parts(parts, Body::from(body))
}
