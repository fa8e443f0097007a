//! `/api/no-answer/{backend}[/{conversation}]`: "No answer needed" (`docs/deadlines.md`),
//! an agent's word that a conversation awaits nothing from the team (a customer's "thanks"),
//! which stops its response clock until the customer writes again. Switchboard's own, in
//! every mode: one mark per conversation, its time moved on when marked again. Each change is
//! an event (`kind: "no-answer"`). The SQL is in [`crate::store::no_answer`].

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::PathId;
use crate::http::HttpError;
use crate::store::events::{self, Change};
use crate::store::no_answer::{self, MarkRow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use switchboard_core::deadlines::{NoAnswerMark, NO_ANSWER_CHANGE, NO_ANSWER_PATH};
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(&format!("{NO_ANSWER_PATH}/{{backend}}"), get(list))
        .route(
            &format!("{NO_ANSWER_PATH}/{{backend}}/{{conversation}}"),
            get(one).put(mark).delete(unmark),
        )
}

/// `GET /{backend}`: every mark of the backend's conversations.
async fn list(
    State(state): State<AppState>,
    PathId(backend): PathId,
) -> Result<Json<Vec<NoAnswerMark>>, HttpError> {
    let backend = dialects::known(backend)?;
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(no_answer::list(conn, &backend, None)?))
        .await?;
    Ok(Json(rows.into_iter().filter_map(mark_of).collect()))
}

/// `GET /{backend}/{conversation}`: its mark, `null` when none.
async fn one(
    State(state): State<AppState>,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<Json<Option<NoAnswerMark>>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(no_answer::list(conn, &backend, Some(&conversation))?))
        .await?;
    Ok(Json(rows.into_iter().find_map(mark_of)))
}

/// `PUT`: no answer is needed, as of now; 200 with the mark.
async fn mark(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    headers: HeaderMap,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<Json<NoAnswerMark>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let row = MarkRow {
        conversation_id: conversation,
        marked_by: agent.id,
        marked_at: format_instant(chrono::Utc::now()),
    };
    let origin = crate::events::origin_in(&headers);
    {
        let row = row.clone();
        state
            .store
            .run(move |conn| {
                no_answer::set(conn, &backend, &row)?;
                // Colleagues' consoles hear of the change.
                let change = Change::of_conversation(
                    &backend,
                    &row.conversation_id,
                    NO_ANSWER_CHANGE,
                    origin.as_deref(),
                );
                events::record(conn, change, &row.marked_at)?;
                Ok::<_, HttpError>(())
            })
            .await?;
    }
    state.events.wake();
    mark_of(row)
        .map(Json)
        .ok_or_else(|| HttpError::internal("a mark's time cannot be read"))
}

/// `DELETE`: the mark is withdrawn; 204 whether there was one or not.
async fn unmark(
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
            let removed = no_answer::remove(conn, &backend, &conversation)?;
            if removed {
                let change = Change::of_conversation(
                    &backend,
                    &conversation,
                    NO_ANSWER_CHANGE,
                    origin.as_deref(),
                );
                events::record(conn, change, &now)?;
            }
            Ok::<_, HttpError>(removed)
        })
        .await?;
    if removed {
        state.events.wake();
    }
    Ok(StatusCode::NO_CONTENT)
}

fn mark_of(row: MarkRow) -> Option<NoAnswerMark> {
    Some(NoAnswerMark {
        marked_at: parse_instant(&row.marked_at)?,
        conversation_id: row.conversation_id,
        marked_by: row.marked_by,
    })
}
