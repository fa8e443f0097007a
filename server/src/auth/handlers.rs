//! `/api/session` (`core/src/session.rs`, `docs/backends/README.md` "Signing in"): sign in
//! with an email and a password, say who is signed in, sign out.

use super::sessions;
use super::{passwords, SignedIn};
use crate::http::extract::ApiJson;
use crate::http::{problem, HttpError, Location};
use crate::AppState;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use axum::Json;
use serde::Deserialize;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Instant;
use switchboard_core::session::Session;
use switchboard_core::wire::format_instant;

/// What `POST /api/session` reads; both fields are required.
#[derive(Deserialize)]
pub struct SignInBody {
    email: Option<String>,
    password: Option<String>,
}

/// `POST /api/session` (public): the right email and password open a session, set in an
/// `HttpOnly` cookie. Anything else is one 401 that does not say which was wrong.
pub async fn sign_in(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SignInBody>,
) -> Result<Response, HttpError> {
    let (email, password) = required(body)?;
    let client = connect.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |Extension(info)| {
        info.0.ip()
    });
    let started = Instant::now();
    state.sign_in.admit(client, &email, started)?;
    let account = {
        let email = email.clone();
        state
            .store
            .run(move |conn| {
                Ok::<_, HttpError>(crate::store::people::account_by_email(conn, &email)?)
            })
            .await?
    };
    let hash = account.as_ref().and_then(|a| a.password_hash.clone());
    // Argon2 is seconds of CPU under load by design: off the async workers.
    let matches = tokio::task::spawn_blocking(move || {
        password.len() <= passwords::MAX_PASSWORD_BYTES
            && passwords::verify(hash.as_deref(), &password)
    })
    .await
    .map_err(|error| HttpError::internal(format!("the password check did not finish: {error}")))?;
    let Some(account) = account.filter(|_| matches) else {
        state.sign_in.failed(&email, started).await;
        return Err(HttpError::unauthorized(
            "The email or password is not right. Check both and try again.",
        ));
    };
    state.sign_in.succeeded(&email);
    let token = sessions::new_token();
    let now = chrono::Utc::now();
    let lifetime =
        chrono::Duration::from_std(state.session_lifetime).unwrap_or(chrono::Duration::hours(12));
    let expires_at = now + lifetime;
    {
        let token = token.clone();
        let agent_id = account.agent.id.clone();
        state
            .store
            .run(move |conn| {
                Ok::<_, HttpError>(sessions::open(conn, &token, &agent_id, now, expires_at)?)
            })
            .await?;
    }
    let session = Session {
        agent: account.agent,
        expires_at: format_instant(expires_at),
    };
    let cookie = sessions::cookie(&token, lifetime.num_seconds(), &headers);
    Ok(([(header::SET_COOKIE, cookie)], Json(session)).into_response())
}

/// `GET /api/session`: the signed-in agent and when the session ends (401 without one,
/// from the gate).
pub async fn current(SignedIn(agent, expires_at): SignedIn) -> Json<Session> {
    Json(Session { agent, expires_at })
}

/// `DELETE /api/session`: the session ends on the server, and the browser forgets it.
pub async fn sign_out(
    State(state): State<AppState>,
    _agent: SignedIn,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    if let Some(token) = sessions::token_in(&headers) {
        state
            .store
            .run(move |conn| Ok::<_, HttpError>(sessions::end(conn, &token)?))
            .await?;
    }
    let cleared = sessions::cleared_cookie(&headers);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared)]).into_response())
}

fn required(body: SignInBody) -> Result<(String, String), HttpError> {
    let email = body
        .email
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty());
    let password = body.password.filter(|p| !p.is_empty());
    match (email, password) {
        (Some(email), Some(password)) => Ok((email, password)),
        (email, password) => {
            let mut problems = Vec::new();
            if email.is_none() {
                problems.push(problem(Location::Body, "email", "", "is required"));
            }
            if password.is_none() {
                problems.push(problem(Location::Body, "password", "", "is required"));
            }
            Err(HttpError::invalid(problems))
        }
    }
}
