//! `/api/session` (`core/src/session.rs`, `docs/backends/README.md` "Signing in"): sign in
//! with an email and a password, say who is signed in, sign out.

use super::throttle::Caller;
use super::{devices, sessions, SignedIn};
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
/// `HttpOnly` cookie, and end the session this browser had before. Anything else is one
/// 401 that does not say which was wrong. A browser that signed in before carries a
/// device cookie, and is only slowed, never refused, by wrong passwords ([`throttle`]).
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
    let device = devices::token_in(&headers);
    let (account, trusted) = {
        let email = email.clone();
        let device = device.clone();
        let now = chrono::Utc::now();
        state
            .store
            .run(move |conn| {
                let account = crate::store::people::account_by_email(conn, &email)?;
                let trusted = match &device {
                    Some(token) => devices::is_trusted(conn, token, &email, now)?,
                    None => false,
                };
                Ok::<_, HttpError>((account, trusted))
            })
            .await?
    };
    let caller = match device.filter(|_| trusted) {
        Some(token) => Caller::Trusted(sessions::token_hash(&token)),
        None => Caller::Untrusted(client),
    };
    let wait = state.sign_in.admit(&caller, &email, started)?;
    tokio::time::sleep(wait).await;
    let hash = account.as_ref().and_then(|a| a.password_hash.clone());
    let matches = state.passwords.check(hash, password).await?;
    let Some(account) = account.filter(|_| matches) else {
        state.sign_in.failed(&caller, &email, started).await;
        return Err(HttpError::unauthorized(
            "The email or password is not right. Check both and try again.",
        ));
    };
    state.sign_in.succeeded(&caller, &email);
    let opened = open_session(&state, &account.agent.id, &email, &headers, !trusted).await?;
    let session = Session {
        agent: account.agent,
        expires_at: format_instant(opened.expires_at),
    };
    let mut response = Json(session).into_response();
    let cookies = response.headers_mut();
    cookies.append(
        header::SET_COOKIE,
        sessions::cookie(&opened.token, opened.max_age_secs, &headers),
    );
    if let Some(device) = opened.new_device {
        let max_age = i64::try_from(state.device_lifetime.as_secs()).unwrap_or(i64::MAX);
        cookies.append(
            header::SET_COOKIE,
            devices::cookie(&device, max_age, &headers),
        );
    }
    Ok(response)
}

/// What a correct sign-in leaves: the new session, and a device token for a browser that
/// had none for this email.
struct Opened {
    token: String,
    expires_at: chrono::DateTime<chrono::Utc>,
    max_age_secs: i64,
    new_device: Option<String>,
}

/// Opens the agent's session, ends the one this browser carried (a sign-in on top of a
/// live session replaces it) and, when asked, remembers the browser as a device.
async fn open_session(
    state: &AppState,
    agent_id: &str,
    email: &str,
    headers: &HeaderMap,
    remember_device: bool,
) -> Result<Opened, HttpError> {
    let token = sessions::new_token();
    let now = chrono::Utc::now();
    let lifetime =
        chrono::Duration::from_std(state.session_lifetime).unwrap_or(chrono::Duration::hours(12));
    let device_lifetime =
        chrono::Duration::from_std(state.device_lifetime).unwrap_or(chrono::Duration::days(180));
    let expires_at = now + lifetime;
    let previous = sessions::token_in(headers);
    let new_device = {
        let token = token.clone();
        let agent_id = agent_id.to_owned();
        let email = email.to_owned();
        state
            .store
            .run(move |conn| {
                if let Some(previous) = &previous {
                    sessions::end(conn, previous)?;
                }
                sessions::open(conn, &token, &agent_id, now, expires_at)?;
                let device = if remember_device {
                    Some(devices::remember(conn, &email, now, now + device_lifetime)?)
                } else {
                    None
                };
                Ok::<_, HttpError>(device)
            })
            .await?
    };
    Ok(Opened {
        token,
        expires_at,
        max_age_secs: lifetime.num_seconds(),
        new_device,
    })
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
