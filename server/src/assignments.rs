//! `/api/assignments/{backend}`: the assignee Switchboard keeps for the conversations of a
//! backend whose vendor has none (`docs/assignments.md`; Octopia's discussions, repair
//! cases). The console reads a backend's list to show and filter its rows ("Mine",
//! "Unassigned") and sets one when an agent assigns; a vendor that assigns keeps that
//! truth alone (`422` here). Each change is an event (`kind: "assignment"`), so
//! colleagues' lists follow. The SQL is in [`crate::store::assignments`].

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::{ApiJson, PathId};
use crate::http::{HttpError, Location};
use crate::store::assignments::{self, AssignmentRow};
use crate::store::events::{self, Change};
use crate::store::people;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::assignments::{KeptAssignment, SetAssignee, ASSIGNMENTS_PATH};
use switchboard_core::wire::{format_instant, parse_instant};

/// The kind of change an assignment is on the event stream, as the vendors' are.
const ASSIGNMENT_CHANGE: &str = "assignment";

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(&format!("{ASSIGNMENTS_PATH}/{{backend}}"), get(list))
        .route(
            &format!("{ASSIGNMENTS_PATH}/{{backend}}/{{conversation}}"),
            put(set),
        )
}

/// `GET`: every kept assignment of the backend.
async fn list(
    State(state): State<AppState>,
    PathId(backend): PathId,
) -> Result<Json<Vec<KeptAssignment>>, HttpError> {
    let backend = dialects::keeping_assignment(backend)?;
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(assignments::list(conn, &backend)?))
        .await?;
    Ok(Json(rows.into_iter().filter_map(kept_of).collect()))
}

/// `PUT`: the conversation's assignee now (`agentId`, or `null` for no one); answers what
/// is kept, `null` when unassigned.
async fn set(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    headers: HeaderMap,
    Path((backend, conversation)): Path<(String, String)>,
    ApiJson(asked): ApiJson<SetAssignee>,
) -> Result<Json<Option<KeptAssignment>>, HttpError> {
    let backend = dialects::keeping_assignment(backend)?;
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let now = format_instant(chrono::Utc::now());
    let origin = crate::events::origin_in(&headers);
    let (kept, changed) = {
        let (backend, conversation, assignee) = (
            backend.clone(),
            conversation.clone(),
            asked.agent_id.clone(),
        );
        state
            .store
            .run(move |conn| {
                if let Some(assignee) = &assignee {
                    if !people::agent_exists(conn, assignee)? {
                        return Err(HttpError::invalid_field(
                            Location::Body,
                            "agentId",
                            assignee,
                            "must be an agent of this team",
                        ));
                    }
                }
                let by = agent.id.as_str();
                let changed =
                    assignments::set(conn, &backend, &conversation, assignee.as_deref(), by, &now)?;
                if changed {
                    let change = Change::of_conversation(
                        &backend,
                        &conversation,
                        ASSIGNMENT_CHANGE,
                        origin.as_deref(),
                    );
                    events::record(conn, change, &now)?;
                }
                let kept = assignments::list(conn, &backend)?
                    .into_iter()
                    .find(|row| row.conversation_id == conversation);
                Ok::<_, HttpError>((kept, changed))
            })
            .await?
    };
    if changed {
        state.events.wake();
    }
    Ok(Json(kept.and_then(kept_of)))
}

fn kept_of(row: AssignmentRow) -> Option<KeptAssignment> {
    Some(KeptAssignment {
        assigned_at: parse_instant(&row.assigned_at)?,
        conversation_id: row.conversation_id,
        agent_id: row.agent_id,
        assigned_by: row.assigned_by,
    })
}
