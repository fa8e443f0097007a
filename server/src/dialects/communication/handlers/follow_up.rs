//! The customer's private link (Switchboard's addition to this API, in
//! `docs/backends/communication.md`, "Follow-up links"): public, but each token opens one
//! conversation and nothing else. The customer reads the messages between them and
//! support, and writes again, which reopens a closed conversation. Limited per client
//! address ([`crate::Limits::follow_up_rate`]); a wrong or withdrawn token is one 404 that says neither.
//! Agents withdraw a conversation's links.

use super::super::store::{self, follow_up, ConversationRecord, MessageRecord};
use super::{new_id, now};
use crate::auth::SignedIn;
use crate::http::extract::{ApiJson, PathId};
use crate::http::lang::ReaderLang;
use crate::http::rate_limit::retry_after_secs;
use crate::http::{HttpError, Location};
use crate::store::people;
use crate::store::Window;
use crate::AppState;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use rusqlite::Connection;
use serde::Deserialize;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Instant;
use switchboard_core::follow_up::{Author, FollowUp, FollowUpMessage};
use switchboard_core::i18n::Say;
use switchboard_core::validation::validate_reply;
use switchboard_core::wire::communication::{ConversationStatusDto, TransmitterType};

/// The most messages a link shows: the latest ones.
const MAX_SHOWN: u32 = 200;

/// `POST …/follow-up/{token}/messages`'s body.
#[derive(Deserialize)]
pub struct WriteBody {
    message: Option<String>,
}

type Client = Option<Extension<ConnectInfo<SocketAddr>>>;

/// `GET /follow-up/{token}` (public): the conversation the link opens.
pub async fn read(
    State(state): State<AppState>,
    client: Client,
    PathId(token): PathId,
) -> Result<Json<FollowUp>, HttpError> {
    limit(&state, client)?;
    let view = state
        .store
        .run(move |conn| {
            let conversation = linked(conn, &token)?;
            view(conn, &conversation)
        })
        .await?;
    Ok(Json(view))
}

/// `POST /follow-up/{token}/messages` (public): the customer writes again; a closed or
/// archived conversation opens again, so an agent sees it.
pub async fn write(
    State(state): State<AppState>,
    client: Client,
    PathId(token): PathId,
    ReaderLang(lang): ReaderLang,
    ApiJson(body): ApiJson<WriteBody>,
) -> Result<(StatusCode, Json<FollowUp>), HttpError> {
    limit(&state, client)?;
    let text = body.message.unwrap_or_default().trim().to_owned();
    validate_reply(&text).map_err(|issue| {
        HttpError::invalid_field(Location::Body, "message", &text, issue.say(lang))
    })?;
    let now = now();
    let view = state
        .store
        .run(move |conn| {
            let mut conversation = linked(conn, &token)?;
            let message = MessageRecord {
                id: new_id(),
                conversation_id: conversation.id.clone(),
                sending_date: now.clone(),
                transmitter_id: Some(conversation.customer_id.clone()),
                receiver_id: None,
                transmitter_type: TransmitterType::Customer.to_string(),
                content: text,
                content_type: "TEXT".to_owned(),
                status: "SENT".to_owned(),
                received_date: None,
                attachments: Vec::new(),
            };
            store::insert_message(conn, &message)?;
            let open = ConversationStatusDto::Open.to_string();
            if conversation.status != open {
                conversation.status = open;
                store::update_conversation(conn, &mut conversation)?;
            }
            view(conn, &conversation)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// `DELETE /conversations/{id}/follow-up-links` (agents): every link to the conversation
/// stops working at once.
pub async fn revoke(
    State(state): State<AppState>,
    _agent: SignedIn,
    PathId(id): PathId,
) -> Result<StatusCode, HttpError> {
    let now = now();
    state
        .store
        .run(move |conn| {
            super::load_conversation(conn, &id)?;
            follow_up::revoke(conn, &id, &now)?;
            Ok::<_, HttpError>(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn limit(state: &AppState, client: Client) -> Result<(), HttpError> {
    let address = client.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |Extension(info)| {
        info.0.ip()
    });
    state
        .follow_up_limiter
        .check(address, Instant::now())
        .map_err(|wait| HttpError::too_many_requests(retry_after_secs(wait)))
}

/// The conversation a live token opens, or the one 404 for every other token.
fn linked(conn: &Connection, token: &str) -> Result<ConversationRecord, HttpError> {
    let not_found = || HttpError {
        message: "This link opens no conversation: it may be mistyped or withdrawn. Write to us \
                  again from the contact page."
            .to_owned(),
        problems: Vec::new(),
        ..HttpError::not_found("follow-up link", Location::Path, "token", "")
    };
    let id = follow_up::conversation_of(conn, token)?.ok_or_else(not_found)?;
    store::get_conversation(conn, &id)?.ok_or_else(not_found)
}

/// What the customer sees: their messages and support's, oldest first; nothing else
/// (no assignee, no participants, no other conversation).
fn view(conn: &Connection, conversation: &ConversationRecord) -> Result<FollowUp, HttpError> {
    let latest = store::list_messages(
        conn,
        &conversation.id,
        Window {
            offset: 0,
            limit: MAX_SHOWN,
        },
    )?;
    let customer_name = conversation
        .customer_name
        .clone()
        .unwrap_or_else(|| "You".to_owned());
    let mut messages = Vec::with_capacity(latest.rows.len());
    for message in latest.rows.into_iter().rev() {
        let author = match message.transmitter_type.as_str() {
            "CUSTOMER" => Author::Customer,
            "AGENT" => Author::Agent,
            // System notes are support's own business.
            _ => continue,
        };
        let author_name = match author {
            Author::Customer => customer_name.clone(),
            Author::Agent => agent_name(conn, message.transmitter_id.as_deref())?,
        };
        messages.push(FollowUpMessage {
            id: message.id,
            author,
            author_name,
            body: message.content,
            sent_at: message.sending_date,
        });
    }
    Ok(FollowUp {
        reference: conversation.trip_reference.clone(),
        open: conversation.status == ConversationStatusDto::Open.to_string(),
        messages,
    })
}

/// An agent's name as a customer sees it: their name, or "Support" when unknown.
fn agent_name(conn: &Connection, id: Option<&str>) -> Result<String, HttpError> {
    let name = match id {
        Some(id) => people::agent_name(conn, id)?,
        None => None,
    };
    Ok(name.unwrap_or_else(|| "Support".to_owned()))
}
