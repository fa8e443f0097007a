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
//!
//! A note may carry files: then it is `multipart/form-data`, the note's JSON in its `note`
//! part and each file in a `files` part, checked as an agent's reply with files is, on their
//! real bytes ([`NOTE_UPLOAD`]), and kept in the note's transaction. Each is downloaded at
//! `/{note}/files/{file}`, only under its own note and conversation.

use crate::auth::SignedIn;
use crate::dialects;
use crate::dialects::communication::output::download;
use crate::http::error::both;
use crate::http::extract::{self, WithFiles};
use crate::http::pace::limited_upload;
use crate::http::upload::{self, Upload};
use crate::http::{HttpError, Location};
use crate::store::events::{self, Change};
use crate::store::files::FileRecord;
use crate::store::notes::{self, NoteRow};
use crate::store::{mentions, people, StoreError, Tx};
use crate::AppState;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::attachments::FileFormat;
use switchboard_core::domain::{encode_path_segment, Attachment};
use switchboard_core::mentions::MAX_MENTIONS;
use switchboard_core::notes::{
    check_note, notes_path, NewNote, Note, NoteProblem, NOTE_ATTACHMENT_POLICY, NOTE_CHANGE,
    NOTE_FILES_PART, NOTE_PART,
};
use switchboard_core::validation::limits::NOTE_MAX_CHARS;
use switchboard_core::wire::{format_instant, parse_instant};

/// A note with files: checked as an agent's reply with files is.
pub const NOTE_UPLOAD: Upload = Upload {
    json_part: NOTE_PART,
    files_part: NOTE_FILES_PART,
    policy: &NOTE_ATTACHMENT_POLICY,
    max_json_bytes: crate::BODY_LIMIT_BYTES,
};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/notes/{backend}/{conversation}", get(list))
        .route(
            "/api/notes/{backend}/{conversation}/{note}",
            limited_upload(put(add), NOTE_UPLOAD),
        )
        .route(
            "/api/notes/{backend}/{conversation}/{note}/files/{file}",
            get(file),
        )
}

/// `GET`: the conversation's notes, oldest first.
async fn list(
    State(state): State<AppState>,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<Json<Vec<Note>>, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let (rows, named, mut files) = state
        .store
        .run(move |conn| {
            let rows = notes::list(conn, &backend, &conversation)?;
            let named = mentions::of_conversation(conn, &backend, &conversation)?;
            let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
            let files = notes::files_of(conn, &ids)?;
            Ok::<_, HttpError>((rows, named, files))
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
            let files = files.remove(&row.id).unwrap_or_default();
            note_of(row, names, files)
        })
        .collect();
    Ok(Json(listed))
}

/// `GET /{note}/files/{file}`: one of a note's files, as a download.
async fn file(
    State(state): State<AppState>,
    Path((backend, conversation, note, file)): Path<(String, String, String, String)>,
) -> Result<Response, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let found = {
        let file = file.clone();
        state
            .store
            .run(move |conn| {
                Ok::<_, HttpError>(notes::file(conn, &backend, &conversation, &note, &file)?)
            })
            .await?
    };
    let (record, data) =
        found.ok_or_else(|| HttpError::not_found("file", Location::Path, "file", &file))?;
    download(record, data)
}

/// `PUT`: 201 with the note when new; 200 with it when this very note was kept already
/// (its files are those kept the first time).
async fn add(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path((backend, conversation, id)): Path<(String, String, String)>,
    request: Request,
) -> Result<(StatusCode, Json<Note>), HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let id = note_id(id)?;
    let origin = crate::events::origin_in(request.headers());
    let lang = crate::http::lang::of(request.headers());
    let WithFiles { body: new, files } =
        extract::json_or_multipart::<NewNote>(request, NOTE_UPLOAD).await?;
    let now = format_instant(chrono::Utc::now());
    // The text's problems and the files' together, so one answer names them all.
    let ((), files) = both(
        checked_body(&new.body),
        upload::prepared(NOTE_UPLOAD, files, now.clone(), lang).await,
    )?;
    let named = named_agents(new.mentions, &agent.id)?;
    let row = NoteRow {
        id,
        backend,
        conversation_id: conversation,
        author_id: agent.id,
        body: new.body,
        created_at: now,
    };
    let (kept, new, kept_names, kept_files) = {
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
                    notes::attach(conn, &row.id, &files)?;
                    let change = Change::of_conversation(
                        &row.backend,
                        &row.conversation_id,
                        NOTE_CHANGE,
                        origin.as_deref(),
                    );
                    events::record(conn, change, &row.created_at)?;
                }
                let kept_names =
                    mentions::of_conversation(conn, &kept.backend, &kept.conversation_id)?
                        .into_iter()
                        .filter(|(note, _)| *note == kept.id)
                        .map(|(_, agent)| agent)
                        .collect::<Vec<_>>();
                let kept_files = notes::files_of(conn, &[kept.id.as_str()])?
                    .remove(&kept.id)
                    .unwrap_or_default();
                Ok::<_, HttpError>((kept, new, kept_names, kept_files))
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
    let note = note_of(kept, kept_names, kept_files)
        .ok_or_else(|| HttpError::internal("a kept note has no valid time"))?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(note)))
}

fn note_of(row: NoteRow, mentions: Vec<String>, files: Vec<FileRecord>) -> Option<Note> {
    let under = format!(
        "{}/{}",
        notes_path(
            &encode_path_segment(&row.backend),
            &encode_path_segment(&row.conversation_id)
        ),
        encode_path_segment(&row.id)
    );
    let attachments = files
        .into_iter()
        .map(|file| Attachment {
            url: format!("{under}/files/{}", encode_path_segment(&file.id)),
            is_image: FileFormat::from_media_type(&file.media_type)
                .is_some_and(FileFormat::is_image),
            id: file.id,
            name: file.name,
            media_type: file.media_type,
            size: file.size,
        })
        .collect();
    Some(Note {
        created_at: parse_instant(&row.created_at)?,
        id: row.id,
        author_id: row.author_id,
        body: row.body,
        mentions,
        attachments,
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
