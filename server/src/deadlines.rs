//! `/api/deadline-policies`: each backend's response-deadline policy (`docs/deadlines.md`),
//! Switchboard's own in every mode. Every agent reads them (the console counts each
//! conversation's time left with them); only admins change one (403 for others). A policy
//! is checked as the core checks it, and its time zone against the IANA database, so the
//! console never meets a zone it cannot count in. The SQL is in
//! [`crate::store::deadline_policies`].

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::ApiJson;
use crate::http::{problem, HttpError, Location};
use crate::store::deadline_policies::{self, PolicyRow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::deadlines::{
    check_policy, default_policy, BackendPolicy, Clock, Policy, DEADLINE_POLICIES_PATH,
};
use switchboard_core::session::Role;
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(DEADLINE_POLICIES_PATH, get(list))
        .route(&format!("{DEADLINE_POLICIES_PATH}/{{backend}}"), put(set))
}

/// `GET`: every backend's policy, set or default, in the backends' order.
async fn list(State(state): State<AppState>) -> Result<Json<Vec<BackendPolicy>>, HttpError> {
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(deadline_policies::list(conn)?))
        .await?;
    let policies = dialects::ALL
        .iter()
        .map(|dialect| {
            let set = rows
                .iter()
                .find(|r| r.backend == dialect.name)
                .and_then(|row| Some((serde_json::from_str::<Policy>(&row.policy).ok()?, row)));
            match set {
                Some((policy, row)) => BackendPolicy {
                    backend: dialect.name.to_owned(),
                    policy,
                    is_default: false,
                    updated_by: Some(row.updated_by.clone()),
                    updated_at: parse_instant(&row.updated_at),
                },
                // A policy this server cannot read (a newer one's) counts as unset.
                None => BackendPolicy {
                    backend: dialect.name.to_owned(),
                    policy: default_policy(dialect.kind),
                    is_default: true,
                    updated_by: None,
                    updated_at: None,
                },
            }
        })
        .collect();
    Ok(Json(policies))
}

/// `PUT /{backend}`: an admin sets a backend's policy; 200 with it.
async fn set(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(backend): Path<String>,
    ApiJson(policy): ApiJson<Policy>,
) -> Result<Json<BackendPolicy>, HttpError> {
    let backend = dialects::known(backend)?;
    if agent.role != Role::Admin {
        return Err(HttpError::forbidden(
            "Only admins change a backend's response deadlines.",
        ));
    }
    checked(&policy)?;
    let now = chrono::Utc::now();
    let row = PolicyRow {
        backend: backend.clone(),
        policy: serde_json::to_string(&policy).map_err(HttpError::internal)?,
        updated_by: agent.id.clone(),
        updated_at: format_instant(now),
    };
    state
        .store
        .run(move |conn| Ok::<_, HttpError>(deadline_policies::set(conn, &row)?))
        .await?;
    Ok(Json(BackendPolicy {
        backend,
        policy,
        is_default: false,
        updated_by: Some(agent.id),
        updated_at: Some(now),
    }))
}

/// Every problem of the policy, its zone's name included.
fn checked(policy: &Policy) -> Result<(), HttpError> {
    let mut problems: Vec<_> = check_policy(policy)
        .iter()
        .map(|p| problem(Location::Body, p.field(), "", p.issue()))
        .collect();
    if let Clock::Business { zone, .. } = &policy.clock {
        if !zone.trim().is_empty() && zone.parse::<chrono_tz::Tz>().is_err() {
            problems.push(problem(
                Location::Body,
                "clock.zone",
                zone,
                "must be a time zone of the IANA database (Europe/Paris, America/Santiago)",
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(HttpError::invalid(problems))
    }
}
