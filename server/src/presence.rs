//! `/api/presence`: who is on which conversation right now (`docs/presence.md`). Each
//! console says, every `PRESENCE_REFRESH_SECONDS` while it shows a conversation, whether
//! its agent is viewing it or writing in it, and says when it leaves; the server forgets
//! what was not said again within `PRESENCE_LASTS_SECONDS`, so a closed or sleeping tab
//! drops out on its own. An arrival, a change and a leave are events (`kind: "presence"`),
//! so colleagues' consoles read the list again at once. The SQL is in
//! [`crate::store::presence`]; the rows live in the shared store, so every instance sees
//! every agent.

use crate::auth::SignedIn;
use crate::dialects;
use crate::http::extract::ApiJson;
use crate::http::HttpError;
use crate::store::events::{self, Change};
use crate::store::presence::{self, PresenceRow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, put};
use axum::{Json, Router};
use chrono::{Duration, Utc};
use switchboard_core::presence::{
    Presence, PresenceState, SetPresence, PRESENCE_CHANGE, PRESENCE_LASTS_SECONDS, PRESENCE_PATH,
};
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new().route(PRESENCE_PATH, get(list)).route(
        &format!("{PRESENCE_PATH}/{{backend}}/{{conversation}}"),
        put(set).delete(leave),
    )
}

/// The earliest time a word still counts, as stored.
fn gone_before() -> String {
    format_instant(Utc::now() - Duration::seconds(PRESENCE_LASTS_SECONDS))
}

/// `GET`: everyone on a conversation now, the signed-in agent included.
async fn list(State(state): State<AppState>) -> Result<Json<Vec<Presence>>, HttpError> {
    let cutoff = gone_before();
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(presence::live(conn, &cutoff)?))
        .await?;
    Ok(Json(rows.into_iter().filter_map(presence_of).collect()))
}

/// `PUT`: the agent is on the conversation, doing what the body says; 204.
async fn set(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    headers: HeaderMap,
    Path((backend, conversation)): Path<(String, String)>,
    ApiJson(said): ApiJson<SetPresence>,
) -> Result<StatusCode, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let now = format_instant(Utc::now());
    let row = PresenceRow {
        agent_id: agent.id,
        backend,
        conversation_id: conversation,
        state: said.state.as_str().to_owned(),
        since: now.clone(),
    };
    let origin = crate::events::origin_in(&headers);
    let cutoff = gone_before();
    let news = state
        .store
        .run(move |conn| {
            let news = presence::set(conn, &row, &now, &cutoff)?;
            if news {
                let change = Change::of_conversation(
                    &row.backend,
                    &row.conversation_id,
                    PRESENCE_CHANGE,
                    origin.as_deref(),
                );
                events::record(conn, change, &now)?;
            }
            Ok::<_, HttpError>(news)
        })
        .await?;
    if news {
        state.events.wake();
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE`: the agent left the conversation; 204 whether they were on it or not.
async fn leave(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    headers: HeaderMap,
    Path((backend, conversation)): Path<(String, String)>,
) -> Result<StatusCode, HttpError> {
    let (backend, conversation) = dialects::conversation(backend, conversation)?;
    let origin = crate::events::origin_in(&headers);
    let now = format_instant(Utc::now());
    let left = state
        .store
        .run(move |conn| {
            let left = presence::leave(conn, &agent.id, &backend, &conversation)?;
            if left {
                events::record(
                    conn,
                    Change::of_conversation(
                        &backend,
                        &conversation,
                        PRESENCE_CHANGE,
                        origin.as_deref(),
                    ),
                    &now,
                )?;
            }
            Ok::<_, HttpError>(left)
        })
        .await?;
    if left {
        state.events.wake();
    }
    Ok(StatusCode::NO_CONTENT)
}

fn presence_of(row: PresenceRow) -> Option<Presence> {
    Some(Presence {
        state: PresenceState::parse(&row.state)?,
        since: parse_instant(&row.since)?,
        agent_id: row.agent_id,
        backend: row.backend,
        conversation_id: row.conversation_id,
    })
}
