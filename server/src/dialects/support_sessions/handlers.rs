//! The support sessions' handlers, one per operation of `support-management.txt` as
//! `docs/backends/support-sessions.md` routes it (the vendor's; the history's route is in
//! [`super::ours`]): each checks its request (`input`), runs its store work in one
//! transaction (the change itself is `changes`'), and shapes the answer (`output`). Every
//! write is the signed-in agent's: it is recorded in the history under their name, and the
//! order joins the followed items. Both are Switchboard's, riding along on the vendor's
//! writes: a gateway would forward the write and keep them on our side.

use super::changes::{self, Changed};
use super::store::{self, ActorRecord, SessionRecord};
use super::{input, output, NAME};
use crate::http::extract::PathId;
use crate::http::signed_in::Caller;
use crate::http::HttpError;
use crate::store::{follows, Tx};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use switchboard_core::wire::format_instant;
use switchboard_core::wire::support_sessions::{
    AgentChangeDto, AgentDto, SupportChangeDto, SupportDto,
};

fn load(conn: &Tx, order_id: &str) -> Result<SessionRecord, HttpError> {
    store::get_session(conn, order_id)?.ok_or_else(|| changes::no_session(order_id))
}

/// Runs one change in one transaction: loads the order's session, applies `change`,
/// saves it, records the history entry and follows the order. Answers the new session.
/// Who a vendor call's changes are recorded as.
pub(super) const API_CLIENT_ID: &str = "api-client";
pub(super) const API_CLIENT_NAME: &str = "API client";

async fn write<F>(
    state: &AppState,
    order_id: String,
    caller: Caller,
    change: F,
) -> Result<Json<SupportDto>, HttpError>
where
    F: Fn(Option<SessionRecord>, &ActorRecord, &str) -> Result<Changed, HttpError> + Send + 'static,
{
    let now = format_instant(Utc::now());
    // A vendor call (the reference as a gateway's upstream) names no agent: its changes
    // are the API client's in the history.
    let actor = match caller {
        Caller::Agent(agent) => ActorRecord {
            id: agent.id,
            name: agent.name,
        },
        Caller::Vendor => ActorRecord {
            id: API_CLIENT_ID.to_owned(),
            name: API_CLIENT_NAME.to_owned(),
        },
    };
    let session = state
        .store
        .run(move |conn| {
            let existing = store::get_session(conn, &order_id)?;
            let (session, history) = change(existing, &actor, &now)?;
            store::save_session(conn, &session)?;
            if let Some(entry) = history {
                store::insert_history(conn, &order_id, &entry)?;
            }
            follows::follow(conn, NAME, &order_id, &now, None)?;
            Ok::<_, HttpError>(session)
        })
        .await?;
    Ok(Json(output::session(session)))
}

/// Applies `change` to the order's session, which must exist.
fn existing<F>(
    order_id: String,
    change: F,
) -> impl Fn(Option<SessionRecord>, &ActorRecord, &str) -> Result<Changed, HttpError> + Send
where
    F: Fn(SessionRecord, &ActorRecord, &str) -> Result<Changed, HttpError> + Send,
{
    move |session, actor, now| match session {
        Some(session) => change(session, actor, now),
        None => Err(changes::no_session(&order_id)),
    }
}

/// "Fetch a support session" (`GET /support/{orderId}`): open or closed.
pub async fn get_session(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<SupportDto>, HttpError> {
    let order_id = input::order_id(&raw)?;
    let session = state.store.run(move |conn| load(conn, &order_id)).await?;
    Ok(Json(output::session(session)))
}

/// "Generate a support request for an order" (`POST /support/{orderId}`): opens it, with
/// the body's `callback_phone` if any; 201.
pub async fn open_session(
    State(state): State<AppState>,
    caller: Caller,
    PathId(raw): PathId,
    request: Request,
) -> Result<(StatusCode, Json<SupportDto>), HttpError> {
    let order_id = input::order_id(&raw)?;
    let dto = input::body::<SupportChangeDto>(request, true).await?;
    let phone = input::open(dto, &order_id)?;
    let id = order_id.clone();
    let opened = write(&state, order_id, caller, move |existing, actor, now| {
        changes::open(existing, &id, phone.clone(), actor, now)
    })
    .await?;
    Ok((StatusCode::CREATED, opened))
}

/// "Update a chat session" (`PUT /support/{orderId}`): its `callback_phone`.
pub async fn change_session(
    State(state): State<AppState>,
    caller: Caller,
    PathId(raw): PathId,
    request: Request,
) -> Result<Json<SupportDto>, HttpError> {
    let order_id = input::order_id(&raw)?;
    let dto = input::body::<SupportChangeDto>(request, false).await?;
    let phone = input::change(dto.unwrap_or_default(), &order_id)?;
    let change = existing(order_id.clone(), move |session, actor, now| {
        changes::change_phone(session, phone.clone(), actor, now)
    });
    write(&state, order_id, caller, change).await
}

/// "Close a chat session" (`DELETE /support/{orderId}`): answers the closed session.
pub async fn close_session(
    State(state): State<AppState>,
    caller: Caller,
    PathId(raw): PathId,
) -> Result<Json<SupportDto>, HttpError> {
    let order_id = input::order_id(&raw)?;
    let change = existing(order_id.clone(), changes::close);
    write(&state, order_id, caller, change).await
}

/// "Fetch the agent to a support session" (`GET /support/{orderId}/agent`).
pub async fn get_agent(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<AgentDto>, HttpError> {
    let order_id = input::order_id(&raw)?;
    let agent = state
        .store
        .run(move |conn| {
            load(conn, &order_id)?
                .agent
                .ok_or_else(|| changes::no_agent(&order_id))
        })
        .await?;
    Ok(Json(output::agent(agent)))
}

/// "Update agent for a support request" (`PUT /support/{orderId}/agent`): the body is the
/// agent; answers the session.
pub async fn set_agent(
    State(state): State<AppState>,
    caller: Caller,
    PathId(raw): PathId,
    request: Request,
) -> Result<Json<SupportDto>, HttpError> {
    let order_id = input::order_id(&raw)?;
    let dto = input::body::<AgentChangeDto>(request, false).await?;
    let performer = input::agent(dto.unwrap_or_default(), &order_id)?;
    let change = existing(order_id.clone(), move |session, actor, now| {
        changes::set_agent(session, performer.clone(), actor, now)
    });
    write(&state, order_id, caller, change).await
}

/// "Remove an agent from a support request" (`DELETE /support/{orderId}/agent`): answers
/// the session.
pub async fn remove_agent(
    State(state): State<AppState>,
    caller: Caller,
    PathId(raw): PathId,
) -> Result<Json<SupportDto>, HttpError> {
    let order_id = input::order_id(&raw)?;
    let change = existing(order_id.clone(), changes::remove_agent);
    write(&state, order_id, caller, change).await
}
