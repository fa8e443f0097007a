//! `/api/saved-views` (`docs/saved-views.md`): named views of the inbox, Switchboard's own in
//! every mode. Who may do what: every agent reads the team's shared views and their own,
//! never a colleague's personal one (404, as if it did not exist); every agent creates
//! views, personal or shared, at an id the console chose (a UUID, so a retry keeps one);
//! a view is changed or removed by its owner, and a shared one also by admins. The SQL is
//! in [`crate::store::saved_views`].

use crate::auth::SignedIn;
use crate::http::extract::{uuid_in_path, ApiJson};
use crate::http::{HttpError, Location};
use crate::store::saved_views::{self, ViewRow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::saved_views::{
    check_view, SavedView, SavedViewRequest, MAX_PER_AGENT, SAVED_VIEWS_PATH,
};
use switchboard_core::session::{Role, SessionAgent};
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new().route(SAVED_VIEWS_PATH, get(list)).route(
        &format!("{SAVED_VIEWS_PATH}/{{id}}"),
        put(put_view).delete(remove),
    )
}

/// `GET`: the team's shared views and the agent's own, by name.
async fn list(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
) -> Result<Json<Vec<SavedView>>, HttpError> {
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(saved_views::visible_to(conn, &agent.id)?))
        .await?;
    Ok(Json(rows.into_iter().filter_map(view_of).collect()))
}

/// `PUT /{id}`: creates the view (201) or changes it (200).
async fn put_view(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<SavedViewRequest>,
) -> Result<(StatusCode, Json<SavedView>), HttpError> {
    let id = uuid_in_path("id", &id)?;
    let kept = check_view(&request).map_err(|problem| {
        HttpError::invalid_field(Location::Body, problem.field(), "", problem.issue())
    })?;
    let now = format_instant(chrono::Utc::now());
    let (row, created) = state
        .store
        .run(move |conn| {
            let (row, created) = match saved_views::get(conn, &id)? {
                Some(before) => {
                    may_change(&agent, &before, &id)?;
                    let row = ViewRow {
                        name: kept.name.clone(),
                        query: kept.query.clone(),
                        shared: kept.shared,
                        ..before
                    };
                    (row, false)
                }
                None => {
                    if saved_views::owned_by(conn, &agent.id)? >= MAX_PER_AGENT {
                        return Err(HttpError::unprocessable(format!(
                            "An agent keeps at most {MAX_PER_AGENT} views."
                        )));
                    }
                    let row = ViewRow {
                        id: id.clone(),
                        name: kept.name.clone(),
                        query: kept.query.clone(),
                        shared: kept.shared,
                        owner_id: agent.id.clone(),
                        created_at: now.clone(),
                    };
                    (row, true)
                }
            };
            saved_views::put(conn, &row)?;
            Ok::<_, HttpError>((row, created))
        })
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let view = view_of(row).ok_or_else(|| HttpError::internal("a kept view is unreadable"))?;
    Ok((status, Json(view)))
}

/// `DELETE /{id}`: removed; 204, whether or not there was one the agent could see.
async fn remove(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(id): Path<String>,
) -> Result<StatusCode, HttpError> {
    let id = uuid_in_path("id", &id)?;
    state
        .store
        .run(move |conn| {
            if let Some(before) = saved_views::get(conn, &id)? {
                may_change(&agent, &before, &id)?;
                saved_views::remove(conn, &id)?;
            }
            Ok::<_, HttpError>(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A colleague's personal view does not exist for this agent (404); a shared one is theirs
/// to change only as its owner or an admin (403).
fn may_change(agent: &SessionAgent, view: &ViewRow, id: &str) -> Result<(), HttpError> {
    if view.owner_id == agent.id {
        Ok(())
    } else if !view.shared {
        Err(HttpError::not_found("saved view", Location::Path, "id", id))
    } else if agent.role == Role::Admin {
        Ok(())
    } else {
        Err(HttpError::forbidden(
            "Only the agent who saved a shared view, or an admin, changes it.",
        ))
    }
}

fn view_of(row: ViewRow) -> Option<SavedView> {
    Some(SavedView {
        created_at: parse_instant(&row.created_at)?,
        id: row.id,
        name: row.name,
        query: row.query,
        shared: row.shared,
        owner_id: row.owner_id,
    })
}
