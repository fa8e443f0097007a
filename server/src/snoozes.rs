//! `/api/snoozes/{backend}[/{conversation}]`: snoozes (`docs/snooze.md`), a conversation put
//! away until a time an agent chose. Switchboard's own, in every mode: one per
//! conversation, moved when snoozed again; only snoozes whose time is still ahead are
//! listed (the console also lets a conversation back early when the customer writes). Each
//! change is an event (`kind: "snooze"`), so colleagues' lists follow. The SQL is in
//! [`crate::store::snoozes`].

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::{ApiJson, PathId};
use crate::http::{HttpError, Location};
use crate::store::events::{self, Change};
use crate::store::snoozes::{self, SnoozeRow};
use crate::store::{StoreError, Tx};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use switchboard_core::snooze::{check_until, Snooze, SnoozeRequest, SNOOZE_CHANGE, SNOOZE_PATH};
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(&format!("{SNOOZE_PATH}/{{backend}}"), get(list))
        .route(
            &format!("{SNOOZE_PATH}/{{backend}}/{{conversation}}"),
            get(one).put(snooze).delete(wake),
        )
}

/// `GET /{backend}`: the backend's conversations snoozed until a time still ahead.
async fn list(
    State(state): State<AppState>,
    PathId(backend): PathId,
) -> Result<Json<Vec<Snooze>>, HttpError> {
    let backend = dialects::known(backend)?;
    let now = format_instant(chrono::Utc::now());
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(snoozes::pending(conn, &backend, &now)?))
        .await?;
    Ok(Json(rows.into_iter().filter_map(snooze_of).collect()))
}

/// `GET /{backend}/{conversation}`: its snooze, `null` when none is ahead.
async fn one(
    State(state): State<AppState>,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<Json<Option<Snooze>>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let now = format_instant(chrono::Utc::now());
    let row = state
        .store
        .run(move |conn| Ok::<_, HttpError>(snoozes::one(conn, &backend, &conversation, &now)?))
        .await?;
    Ok(Json(row.and_then(snooze_of)))
}

/// `PUT` with `{"until": …}`: snoozed until then, as of now; 200 with the snooze. The time
/// must be ahead, and within a year.
async fn snooze(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    headers: HeaderMap,
    Path((backend, conversation)): Path<(String, String)>,
    ApiJson(request): ApiJson<SnoozeRequest>,
) -> Result<Json<Snooze>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let now = chrono::Utc::now();
    check_until(request.until, now).map_err(|problem| {
        let value = format_instant(request.until);
        HttpError::invalid_field(Location::Body, "until", &value, problem.issue())
    })?;
    let row = SnoozeRow {
        conversation_id: conversation,
        until: format_instant(request.until),
        snoozed_by: agent.id,
        snoozed_at: format_instant(now),
    };
    let origin = crate::events::origin_in(&headers);
    {
        let row = row.clone();
        state
            .store
            .run(move |conn| {
                snoozes::set(conn, &backend, &row, &row.snoozed_at)?;
                told(
                    conn,
                    &backend,
                    &row.conversation_id,
                    origin.as_deref(),
                    &row.snoozed_at,
                )?;
                Ok::<_, HttpError>(())
            })
            .await?;
    }
    state.events.wake();
    snooze_of(row)
        .map(Json)
        .ok_or_else(|| HttpError::internal("a snooze's time cannot be read"))
}

/// `DELETE`: woken now; 204 whether it was snoozed or not.
async fn wake(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<StatusCode, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let origin = crate::events::origin_in(&headers);
    let now = format_instant(chrono::Utc::now());
    let removed = state
        .store
        .run(move |conn| {
            let removed = snoozes::remove(conn, &backend, &conversation)?;
            if removed {
                told(conn, &backend, &conversation, origin.as_deref(), &now)?;
            }
            Ok::<_, HttpError>(removed)
        })
        .await?;
    if removed {
        state.events.wake();
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Colleagues' consoles hear of the change.
fn told(
    conn: &Tx,
    backend: &str,
    conversation: &str,
    origin: Option<&str>,
    at: &str,
) -> Result<(), StoreError> {
    let change = Change::of_conversation(backend, conversation, SNOOZE_CHANGE, origin);
    events::record(conn, change, at)?;
    Ok(())
}

fn snooze_of(row: SnoozeRow) -> Option<Snooze> {
    Some(Snooze {
        until: parse_instant(&row.until)?,
        snoozed_at: parse_instant(&row.snoozed_at)?,
        conversation_id: row.conversation_id,
        snoozed_by: row.snoozed_by,
    })
}
