//! Who may do what. Every path under `/api` and under every dialect's base path needs a
//! signed-in agent, except the routes in a public list: Switchboard's own ([`PUBLIC`])
//! and each dialect's, handed to the gate as data ([`Access`]). The rule is checked
//! before routing, so a route added later (or a path that answers nothing) is closed
//! without anyone remembering to close it. The console's own pages and assets stay public.
//!
//! Every write on an API path, public or not, must carry [`WRITE_HEADER`]: a cross-site
//! form cannot send it, and a cross-site script would need a CORS preflight that only the
//! configured origins pass.
//!
//! `passwords` hashes and checks (a few at once), `sessions` keeps the server-side sessions
//! and their cookie, `devices` the browsers that signed in before, `handlers` serves
//! `/api/session` (sign in, who am I, sign out), `throttle` slows and limits wrong
//! passwords, `admission` holds each address to its budget on the public routes before a
//! body is read, `cli` is the `agents` command of `switchboard-server`, `vendor` checks
//! the vendors' own credentials instead of a session with `--vendor-auth`.

pub mod admission;
pub mod cli;
pub mod devices;
pub mod handlers;
pub mod passwords;
pub mod sessions;
pub mod throttle;
pub mod vendor;

use crate::http::HttpError;
// Where it lives, below both `auth` and the layers it wraps; handlers name it from here.
pub use crate::http::signed_in::{not_signed_in, SignedIn};
use crate::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use switchboard_core::session::{
    is_write, SessionAgent, SESSION_PATH, WRITE_HEADER, WRITE_HEADER_VALUE,
};
use vendor::{VendorAuth, VendorRefusal};

/// A route anyone may call: a method and a path, where a `{name}` segment matches any one
/// segment, and the per-address budget its calls spend before their body is read
/// ([`admission`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicRoute {
    pub method: &'static str,
    pub path: &'static str,
    pub budget: Budget,
}

/// Which per-address bucket a public route's calls spend, besides the cap on the public
/// requests one address has under way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// None: the route is cheap and reads no body (discovery).
    UnderWayOnly,
    /// Sign-in attempts ([`crate::Limits::sign_in_attempts`]).
    SignIn,
    /// The contact form ([`crate::Limits::contact_rate`]).
    Contact,
    /// The customers' follow-up links ([`crate::Limits::follow_up_rate`]).
    FollowUp,
}

/// Switchboard's own public routes: discovery (the contact page finds its backend with
/// it) and signing in.
pub const PUBLIC: &[PublicRoute] = &[
    PublicRoute {
        method: "GET",
        path: switchboard_core::directory::BACKENDS_PATH,
        budget: Budget::UnderWayOnly,
    },
    PublicRoute {
        method: "POST",
        path: SESSION_PATH,
        budget: Budget::SignIn,
    },
];

/// What the gate and the door know of the routes, handed over by the top (`lib.rs`) so
/// `auth` never reads the list of dialects: the public routes, and which paths are an
/// API's (the rest are the console's).
#[derive(Clone, Debug)]
pub struct Access {
    /// Every public route as `(path pattern, method, budget)`: Switchboard's ([`PUBLIC`]),
    /// then each dialect's under its base path.
    pub public: Vec<(String, &'static str, Budget)>,
    /// Whether a path belongs to an API (Switchboard's own or a dialect's).
    pub is_api_path: fn(&str) -> bool,
    /// With `--vendor-auth`: the embedded backends whose callers show their vendor's
    /// credentials instead of a session ([`vendor`]). Empty otherwise.
    pub vendor: Vec<Arc<VendorAuth>>,
}

impl Access {
    /// The budget of `method path` when it is on the public list (`HEAD` wherever `GET` is).
    pub fn public_budget(&self, method: &str, path: &str) -> Option<Budget> {
        let method = if method == "HEAD" { "GET" } else { method };
        self.public
            .iter()
            .find(|(pattern, allowed, _)| *allowed == method && matches_pattern(pattern, path))
            .map(|(_, _, budget)| *budget)
    }

    /// Whether `method path` is on the public list.
    pub fn is_public(&self, method: &str, path: &str) -> bool {
        self.public_budget(method, path).is_some()
    }

    /// The backend checking vendor credentials that `path` is under, if any.
    pub fn vendor_for(&self, path: &str) -> Option<&VendorAuth> {
        self.vendor
            .iter()
            .find(|vendor| crate::http::guard::is_under(path, &vendor.base_path))
            .map(Arc::as_ref)
    }
}

fn matches_pattern(pattern: &str, path: &str) -> bool {
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with('{') && w.ends_with('}') => {
                if g.is_empty() {
                    return false;
                }
            }
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

/// The layer: API paths need the write header on writes, and a live session unless
/// public; the session's agent goes into the request as [`SignedIn`]. Other paths (the
/// console) pass untouched.
///
/// With `--vendor-auth`, under a backend that checks its vendor's credentials, a call that
/// shows them right passes as a [`crate::http::signed_in::VendorCall`], without session
/// or write header (a gateway sends neither); the dialect's layers then let it reach the
/// vendor's routes only ([`vendor`]). A call without them is checked as ever, and without
/// a session either is refused in the vendor's words.
pub async fn gate(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if !(state.access.is_api_path)(&path) {
        return next.run(request).await;
    }
    let method = request.method().as_str().to_owned();
    if let Some(vendor) = state.access.vendor_for(&path) {
        match vendor.admit(&mut request) {
            Ok(()) => return next.run(request).await,
            Err(why) => {
                if !state.access.is_public(&method, &path)
                    && sessions::token_in(request.headers()).is_none()
                {
                    return HttpError::unauthorized(why).into_response();
                }
                request.extensions_mut().insert(VendorRefusal(why));
            }
        }
    }
    if is_write(&method) && !carries_write_header(&request) {
        return HttpError::forbidden(format!(
            "Writes must come from the Switchboard console: the {WRITE_HEADER} header is missing."
        ))
        .into_response();
    }
    if state.access.is_public(&method, &path) {
        return next.run(request).await;
    }
    match live_session(&state, request.headers()).await {
        Ok(Some((agent, expires_at))) => {
            request.extensions_mut().insert(SignedIn(agent, expires_at));
            next.run(request).await
        }
        Ok(None) => not_signed_in().into_response(),
        Err(error) => error.into_response(),
    }
}

/// Whether `headers` carry a live session, for the pages: the console is sent only to an
/// agent who has one, the sign-in page only to one who has not. A store that cannot say
/// counts as no session: the sign-in page then tells the agent what it can.
pub async fn has_session(state: &AppState, headers: &axum::http::HeaderMap) -> bool {
    live_session(state, headers)
        .await
        .is_ok_and(|found| found.is_some())
}

/// The agent and expiry of the live session `headers` carry, if any.
async fn live_session(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<(SessionAgent, String)>, HttpError> {
    let Some(token) = sessions::token_in(headers) else {
        return Ok(None);
    };
    let now = chrono::Utc::now();
    state
        .store
        .run(move |conn| Ok::<_, HttpError>(sessions::find(conn, &token, now)?))
        .await
}

fn carries_write_header(request: &Request) -> bool {
    request
        .headers()
        .get(WRITE_HEADER)
        .is_some_and(|value| value.as_bytes() == WRITE_HEADER_VALUE.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_one_segment_per_name() {
        assert!(matches_pattern(
            "/api/follow-up/{token}",
            "/api/follow-up/abc"
        ));
        assert!(!matches_pattern(
            "/api/follow-up/{token}",
            "/api/follow-up/"
        ));
        assert!(!matches_pattern(
            "/api/follow-up/{token}",
            "/api/follow-up/a/b"
        ));
        assert!(!matches_pattern("/api/session", "/api/session/"));
        assert!(matches_pattern("/api/session", "/api/session"));
    }
}
