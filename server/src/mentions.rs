//! `/api/mentions`: the notes that name the signed-in agent (`docs/notes.md`), newest first
//! with how many they have not seen, and `PUT /api/mentions/{backend}/{conversation}/seen`
//! when they open one of those conversations. Each agent sees only their own. The SQL is
//! in [`crate::store::mentions`]; mentions are kept when a note is ([`crate::notes`]).

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::HttpError;
use crate::store::mentions::{self, MentionRow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use switchboard_core::mentions::{excerpt, Mention, Mentions, MENTIONS_PATH};
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new().route(MENTIONS_PATH, get(list)).route(
        &format!("{MENTIONS_PATH}/{{backend}}/{{conversation}}/seen"),
        put(seen),
    )
}

/// How many mentions the list holds: enough for a day's work and more; older ones still
/// count until seen.
const LISTED: u32 = 200;

/// `GET`: the agent's mentions, newest first, and how many are not seen.
async fn list(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
) -> Result<Json<Mentions>, HttpError> {
    let (rows, unseen) = state
        .store
        .run(move |conn| {
            let rows = mentions::for_agent(conn, &agent.id, LISTED)?;
            let unseen = mentions::unseen(conn, &agent.id)?;
            Ok::<_, HttpError>((rows, unseen))
        })
        .await?;
    Ok(Json(Mentions {
        unseen,
        items: rows.into_iter().filter_map(mention_of).collect(),
    }))
}

/// `PUT`: the agent has opened the conversation; 204 whether anything was unseen or not.
async fn seen(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<StatusCode, HttpError> {
    let backend = dialects::known(backend)?;
    let now = format_instant(chrono::Utc::now());
    state
        .store
        .run(move |conn| {
            mentions::mark_seen(conn, &agent.id, &backend, &conversation, &now)?;
            Ok::<_, HttpError>(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn mention_of(row: MentionRow) -> Option<Mention> {
    Some(Mention {
        created_at: parse_instant(&row.created_at)?,
        excerpt: excerpt(&row.body),
        note_id: row.note_id,
        backend: row.backend,
        conversation_id: row.conversation_id,
        author_id: row.author_id,
        seen: row.seen,
    })
}
