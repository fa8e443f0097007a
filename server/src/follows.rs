//! `/api/follows/{backend}`: the items the team follows on a backend that cannot list
//! (Switchboard's own extension, in `docs/backends/README.md`, "Followed items"; never a
//! vendor's endpoint). The console reads the list to fill its inbox, adds an item an agent
//! pasted once it has checked the backend knows it, and removes one the team stops
//! following. The SQL is in [`crate::store::follows`].

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::PathId;
use crate::http::{HttpError, Location};
use crate::store::follows::{self, Follow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::wire::format_instant;

/// Where the lists live, one per backend.
pub const FOLLOWS_PATH: &str = "/api/follows/{backend}";

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new().route(FOLLOWS_PATH, get(list)).route(
        &format!("{FOLLOWS_PATH}/{{item}}"),
        put(follow).delete(unfollow),
    )
}

/// The longest item id kept (guids and order ids are far shorter).
const MAX_ITEM_CHARS: usize = 200;

/// `GET /api/follows/{backend}`: newest first.
async fn list(
    State(state): State<AppState>,
    PathId(backend): PathId,
) -> Result<Json<Vec<Follow>>, HttpError> {
    let backend = dialects::known(backend)?;
    let listed = state
        .store
        .run(move |conn| Ok::<_, HttpError>(follows::list(conn, &backend)?))
        .await?;
    Ok(Json(listed))
}

/// `PUT /api/follows/{backend}/{item}`: 204 whether it was followed already or not.
async fn follow(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path((backend, item)): Path<(String, String)>,
) -> Result<StatusCode, HttpError> {
    let backend = dialects::known(backend)?;
    let item = item_id(item)?;
    let now = format_instant(chrono::Utc::now());
    state
        .store
        .run(move |conn| {
            Ok::<_, HttpError>(follows::follow(
                conn,
                &backend,
                &item,
                &now,
                Some(&agent.id),
            )?)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/follows/{backend}/{item}`: 204, or 404 when it was not followed.
async fn unfollow(
    State(state): State<AppState>,
    Path((backend, item)): Path<(String, String)>,
) -> Result<StatusCode, HttpError> {
    let backend = dialects::known(backend)?;
    let removed = {
        let item = item.clone();
        state
            .store
            .run(move |conn| Ok::<_, HttpError>(follows::unfollow(conn, &backend, &item)?))
            .await?
    };
    if !removed {
        return Err(HttpError::not_found(
            "followed item",
            Location::Path,
            "item",
            &item,
        ));
    }
    Ok(StatusCode::NO_CONTENT)
}

fn item_id(item: String) -> Result<String, HttpError> {
    let trimmed = item.trim();
    if trimmed.is_empty() || trimmed.chars().count() > MAX_ITEM_CHARS {
        return Err(HttpError::invalid_field(
            Location::Path,
            "item",
            &item,
            format!("must have 1 to {MAX_ITEM_CHARS} characters"),
        ));
    }
    Ok(trimmed.to_owned())
}
