//! `/api/notes/{backend}/{conversation}`: internal notes, Switchboard's own addition beside
//! every vendor's conversation (`docs/notes.md`), in every mode (embedded or forwarded):
//! kept here, never sent to a vendor, and, like every `/api` route, never answered without
//! an agent's session (the customers' follow-up page has none). The SQL is in
//! [`crate::store::notes`].
//!
//! A note is added with `PUT` at an id the console chose (a UUID), so a retry after a lost
//! answer keeps it once: the same note again is answered with the note kept, another note
//! under a used id is refused. Each new note is an event (`kind: "note"`), so colleagues
//! looking at the conversation see it come, and those it names find it under Mentions
//! ([`crate::mentions`]).

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::ApiJson;
use crate::http::{HttpError, Location};
use crate::store::events::{self, Change};
use crate::store::notes::{self, NoteRow};
use crate::store::{mentions, people, StoreError, Tx};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::mentions::MAX_MENTIONS;
use switchboard_core::notes::{check_note, NewNote, Note, NoteProblem, NOTE_CHANGE};
use switchboard_core::validation::limits::NOTE_MAX_CHARS;
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/notes/{backend}/{conversation}", get(list))
        .route("/api/notes/{backend}/{conversation}/{note}", put(add))
}

/// `GET`: the conversation's notes, oldest first.
async fn list(
    State(state): State<AppState>,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<Json<Vec<Note>>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let (rows, named) = state
        .store
        .run(move |conn| {
            let rows = notes::list(conn, &backend, &conversation)?;
            let named = mentions::of_conversation(conn, &backend, &conversation)?;
            Ok::<_, HttpError>((rows, named))
        })
        .await?;
    let listed = rows
        .into_iter()
        .filter_map(|row| {
            let names: Vec<String> = named
                .iter()
                .filter(|(note, _)| *note == row.id)
                .map(|(_, agent)| agent.clone())
                .collect();
            note_of(row, names)
        })
        .collect();
    Ok(Json(listed))
}

/// `PUT`: 201 with the note when new; 200 with it when this very note was kept already.
async fn add(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    headers: HeaderMap,
    Path((backend, conversation, id)): Path<(String, String, String)>,
    ApiJson(new): ApiJson<NewNote>,
) -> Result<(StatusCode, Json<Note>), HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let id = note_id(id)?;
    checked_body(&new.body)?;
    let named = named_agents(new.mentions, &agent.id)?;
    let row = NoteRow {
        id,
        backend,
        conversation_id: conversation,
        author_id: agent.id,
        body: new.body,
        created_at: format_instant(chrono::Utc::now()),
    };
    let origin = crate::events::origin_in(&headers);
    let (kept, new, kept_names) = {
        let row = row.clone();
        state
            .store
            .run(move |conn| {
                let unknown = unknown_agents(conn, &named)?;
                if !unknown.is_empty() {
                    return Err(HttpError::invalid_field(
                        Location::Body,
                        "mentions",
                        &unknown.join(", "),
                        "must name agents of this team",
                    ));
                }
                let (kept, new) = notes::add(conn, &row)?;
                if new {
                    mentions::add(conn, &row, &named)?;
                    let change = Change {
                        backend: &row.backend,
                        item: Some(&row.conversation_id),
                        kind: NOTE_CHANGE,
                        origin: origin.as_deref(),
                    };
                    events::record(conn, change, &row.created_at)?;
                }
                let kept_names =
                    mentions::of_conversation(conn, &kept.backend, &kept.conversation_id)?
                        .into_iter()
                        .filter(|(note, _)| *note == kept.id)
                        .map(|(_, agent)| agent)
                        .collect::<Vec<_>>();
                Ok::<_, HttpError>((kept, new, kept_names))
            })
            .await?
    };
    if new {
        state.events.wake();
    }
    let same = kept.backend == row.backend
        && kept.conversation_id == row.conversation_id
        && kept.author_id == row.author_id
        && kept.body == row.body;
    if !same {
        return Err(HttpError::unprocessable(
            "This note id is already used by another note: choose a new one.",
        ));
    }
    let note = note_of(kept, kept_names)
        .ok_or_else(|| HttpError::internal("a kept note has no valid time"))?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(note)))
}

fn note_of(row: NoteRow, mentions: Vec<String>) -> Option<Note> {
    Some(Note {
        created_at: parse_instant(&row.created_at)?,
        id: row.id,
        author_id: row.author_id,
        body: row.body,
        mentions,
    })
}

/// The agents a note names, each once and never its author (who needs no telling), at
/// most [`MAX_MENTIONS`].
fn named_agents(asked: Vec<String>, author: &str) -> Result<Vec<String>, HttpError> {
    let mut named: Vec<String> = Vec::new();
    for agent in asked {
        if agent != author && !named.contains(&agent) {
            named.push(agent);
        }
    }
    if named.len() > MAX_MENTIONS {
        return Err(HttpError::invalid_field(
            Location::Body,
            "mentions",
            &format!("{} agents", named.len()),
            format!("must name at most {MAX_MENTIONS} agents"),
        ));
    }
    Ok(named)
}

/// Those of `agents` who are not agents of this team.
fn unknown_agents(conn: &Tx, agents: &[String]) -> Result<Vec<String>, StoreError> {
    let mut unknown = Vec::new();
    for agent in agents {
        if !people::agent_exists(conn, agent)? {
            unknown.push(agent.clone());
        }
    }
    Ok(unknown)
}

/// A note's id: a UUID, as the console makes them.
fn note_id(id: String) -> Result<String, HttpError> {
    match uuid::Uuid::parse_str(&id) {
        Ok(uuid) => Ok(uuid.hyphenated().to_string()),
        Err(_) => Err(HttpError::invalid_field(
            Location::Path,
            "note",
            &id,
            "must be a UUID",
        )),
    }
}

fn checked_body(body: &str) -> Result<(), HttpError> {
    let issue = match check_note(body) {
        Ok(()) => return Ok(()),
        Err(NoteProblem::Empty) => "must not be empty".to_owned(),
        Err(NoteProblem::TooLong) => format!("must have at most {NOTE_MAX_CHARS} characters"),
    };
    // The text itself is not echoed back: it may be long, and it is the agent's.
    let said = format!("{} characters", body.chars().count());
    Err(HttpError::invalid_field(
        Location::Body,
        "body",
        &said,
        issue,
    ))
}
