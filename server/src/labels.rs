//! `/api/labels` and `/api/conversation-labels` (`docs/labels.md`): the team's labels and
//! which conversation carries which, Switchboard's own in every mode. Who may do what:
//! every agent reads the labels, creates one (a name no other label has, letter case
//! aside, at an id the console chose, so a retry keeps it once), and puts labels on
//! conversations or takes them off; renaming or recolouring a label is for its creator and
//! admins; retiring one (from every conversation) is for admins. Each change of a
//! conversation's labels is an event (`kind: "labels"`). The SQL is in
//! [`crate::store::labels`].

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::{uuid_in_path, ApiJson, PathId};
use crate::http::{HttpError, Location};
use crate::store::events::{self, Change};
use crate::store::labels::{self, LabelRow};
use crate::store::Tx;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::labels::{
    check_name, name_key, ConversationLabels, Label, LabelColour, LabelProblem, LabelRequest,
    CONVERSATION_LABELS_PATH, LABELS_CHANGE, LABELS_PATH, MAX_ON_CONVERSATION, MAX_TEAM_LABELS,
};
use switchboard_core::session::{Role, SessionAgent};
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(LABELS_PATH, get(team))
        .route(
            &format!("{LABELS_PATH}/{{id}}"),
            put(put_label).delete(retire),
        )
        .route(
            &format!("{CONVERSATION_LABELS_PATH}/{{backend}}"),
            get(on_backend),
        )
        .route(
            &format!("{CONVERSATION_LABELS_PATH}/{{backend}}/{{conversation}}"),
            get(on_conversation),
        )
        .route(
            &format!("{CONVERSATION_LABELS_PATH}/{{backend}}/{{conversation}}/{{label}}"),
            put(add).delete(take_off),
        )
}

/// `GET`: the team's labels, by name.
async fn team(State(state): State<AppState>) -> Result<Json<Vec<Label>>, HttpError> {
    let rows = state
        .store
        .run(|conn| Ok::<_, HttpError>(labels::team(conn)?))
        .await?;
    Ok(Json(rows.into_iter().filter_map(label_of).collect()))
}

/// `PUT /{id}`: creates the label (201), or renames or recolours it (200).
async fn put_label(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<LabelRequest>,
) -> Result<(StatusCode, Json<Label>), HttpError> {
    let id = uuid_in_path("id", &id)?;
    let name = check_name(&request.name).map_err(|problem| name_refused(&request.name, problem))?;
    let key = name_key(&name);
    let colour = request.colour;
    let now = format_instant(chrono::Utc::now());
    let (row, created) = state
        .store
        .run(move |conn| {
            if labels::named(conn, &key)?.is_some_and(|other| other != id) {
                return Err(name_refused(&name, LabelProblem::Taken));
            }
            let (row, created) = match labels::get(conn, &id)? {
                Some(kept) => {
                    may_change(&agent, &kept)?;
                    let row = LabelRow {
                        name: name.clone(),
                        colour: colour.token().to_owned(),
                        ..kept
                    };
                    (row, false)
                }
                None => {
                    if labels::count(conn)? >= MAX_TEAM_LABELS {
                        return Err(HttpError::unprocessable(format!(
                            "The team has {MAX_TEAM_LABELS} labels, the most it may keep."
                        )));
                    }
                    let row = LabelRow {
                        id: id.clone(),
                        name: name.clone(),
                        colour: colour.token().to_owned(),
                        created_by: agent.id.clone(),
                        created_at: now.clone(),
                    };
                    (row, true)
                }
            };
            labels::put(conn, &row, &key)?;
            Ok::<_, HttpError>((row, created))
        })
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let label = label_of(row).ok_or_else(|| HttpError::internal("a kept label is unreadable"))?;
    Ok((status, Json(label)))
}

/// `DELETE /{id}`: an admin retires a label, from every conversation too; 204 either way.
async fn retire(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(id): Path<String>,
) -> Result<StatusCode, HttpError> {
    let id = uuid_in_path("id", &id)?;
    if agent.role != Role::Admin {
        return Err(HttpError::forbidden("Only admins retire a label."));
    }
    state
        .store
        .run(move |conn| Ok::<_, HttpError>(labels::remove(conn, &id)?))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /{backend}`: every labelled conversation of the backend, with its labels.
async fn on_backend(
    State(state): State<AppState>,
    PathId(backend): PathId,
) -> Result<Json<Vec<ConversationLabels>>, HttpError> {
    let backend = dialects::known(backend)?;
    let pairs = state
        .store
        .run(move |conn| Ok::<_, HttpError>(labels::on_conversations(conn, &backend, None)?))
        .await?;
    Ok(Json(grouped(pairs)))
}

/// `GET /{backend}/{conversation}`: its labels (none: an empty list).
async fn on_conversation(
    State(state): State<AppState>,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<Json<ConversationLabels>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let read = state
        .store
        .run(move |conn| Ok::<_, HttpError>(carried(conn, &backend, &conversation)?))
        .await?;
    Ok(Json(read))
}

/// `PUT /{backend}/{conversation}/{label}`: the label is on it (already there: nothing
/// changes); 200 with its labels.
async fn add(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    headers: HeaderMap,
    Path((backend, conversation, label)): Path<(String, String, String)>,
) -> Result<Json<ConversationLabels>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let label = uuid_in_path("label", &label)?;
    let origin = crate::events::origin_in(&headers);
    let now = format_instant(chrono::Utc::now());
    let (read, changed) = state
        .store
        .run(move |conn| {
            if labels::get(conn, &label)?.is_none() {
                return Err(HttpError::not_found(
                    "label",
                    Location::Path,
                    "label",
                    &label,
                ));
            }
            let before = carried(conn, &backend, &conversation)?;
            if before.label_ids.contains(&label) {
                return Ok((before, false));
            }
            if before.label_ids.len() >= MAX_ON_CONVERSATION {
                return Err(HttpError::unprocessable(format!(
                    "A conversation carries at most {MAX_ON_CONVERSATION} labels."
                )));
            }
            labels::add(conn, &backend, &conversation, &label, &agent.id, &now)?;
            told(conn, &backend, &conversation, origin.as_deref(), &now)?;
            Ok::<_, HttpError>((carried(conn, &backend, &conversation)?, true))
        })
        .await?;
    if changed {
        state.events.wake();
    }
    Ok(Json(read))
}

/// `DELETE /{backend}/{conversation}/{label}`: the label is off it; 200 with its labels.
async fn take_off(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((backend, conversation, label)): Path<(String, String, String)>,
) -> Result<Json<ConversationLabels>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let label = uuid_in_path("label", &label)?;
    let origin = crate::events::origin_in(&headers);
    let now = format_instant(chrono::Utc::now());
    let (read, changed) = state
        .store
        .run(move |conn| {
            let changed = labels::take_off(conn, &backend, &conversation, &label)?;
            if changed {
                told(conn, &backend, &conversation, origin.as_deref(), &now)?;
            }
            Ok::<_, HttpError>((carried(conn, &backend, &conversation)?, changed))
        })
        .await?;
    if changed {
        state.events.wake();
    }
    Ok(Json(read))
}

/// A conversation's labels, read in the transaction.
fn carried(
    conn: &Tx,
    backend: &str,
    conversation: &str,
) -> Result<ConversationLabels, crate::store::StoreError> {
    let pairs = labels::on_conversations(conn, backend, Some(conversation))?;
    Ok(ConversationLabels {
        conversation_id: conversation.to_owned(),
        label_ids: pairs.into_iter().map(|(_, label)| label).collect(),
    })
}

/// Pairs in conversation order, one entry per conversation.
fn grouped(pairs: Vec<(String, String)>) -> Vec<ConversationLabels> {
    let mut out: Vec<ConversationLabels> = Vec::new();
    for (conversation, label) in pairs {
        match out.last_mut() {
            Some(last) if last.conversation_id == conversation => last.label_ids.push(label),
            _ => out.push(ConversationLabels {
                conversation_id: conversation,
                label_ids: vec![label],
            }),
        }
    }
    out
}

/// Colleagues' consoles hear of the change.
fn told(
    conn: &Tx,
    backend: &str,
    conversation: &str,
    origin: Option<&str>,
    at: &str,
) -> Result<(), crate::store::StoreError> {
    let change = Change::of_conversation(backend, conversation, LABELS_CHANGE, origin);
    events::record(conn, change, at)?;
    Ok(())
}

/// Renaming or recolouring is for the label's creator and admins.
fn may_change(agent: &SessionAgent, kept: &LabelRow) -> Result<(), HttpError> {
    if agent.role == Role::Admin || agent.id == kept.created_by {
        Ok(())
    } else {
        Err(HttpError::forbidden(
            "Only the agent who created a label, or an admin, changes it.",
        ))
    }
}

fn name_refused(name: &str, problem: LabelProblem) -> HttpError {
    HttpError::invalid_field(Location::Body, "name", name, problem.issue())
}

fn label_of(row: LabelRow) -> Option<Label> {
    Some(Label {
        created_at: parse_instant(&row.created_at)?,
        colour: LabelColour::parse(&row.colour).unwrap_or_default(),
        id: row.id,
        name: row.name,
        created_by: row.created_by,
    })
}
