//! The customer's private link (Switchboard's addition to this API, in
//! `docs/backends/communication.md`, "Follow-up links"): public, but each token opens one
//! conversation and nothing else. The customer reads the messages between them and
//! support, and writes again, which reopens a closed conversation. Limited per client
//! address before a body is read ([`crate::auth::admission`], [`crate::Limits::follow_up_rate`]);
//! a wrong or withdrawn token is one 404 that says neither.
//! The customer may send files with what they write (under the contact form's checks), and
//! fetches the conversation's files through the link itself: never a file of another
//! conversation. Agents withdraw a conversation's links.
//! Over a forwarded API, each route checks the same and then reads and writes the
//! vendor's conversation instead of ours ([`super::forwarded`]).

use super::super::handlers::{both, load_conversation, new_id, now, prepare_files};
use super::super::store::{self, follow_up, ConversationRecord, MessageRecord};
use super::super::{output, DIALECT, FOLLOW_UP_UPLOAD};
use super::forwarded::{self, Vendor};
use crate::auth::SignedIn;
use crate::http::correlation::CorrelationId;
use crate::http::extract::{self, PathId, PathPair, WithFiles};
use crate::http::{HttpError, Location};
use crate::store::Window;
use crate::store::{people, Tx};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use switchboard_core::follow_up::{Author, FollowUp, FollowUpAttachment, FollowUpMessage};
use switchboard_core::i18n::Say;
use switchboard_core::validation::validate_reply;
use switchboard_core::wire::communication::{ConversationStatusDto, TransmitterType};
use switchboard_core::wire::format_instant;

/// The most messages a link shows: the latest ones.
pub(super) const MAX_SHOWN: u32 = 200;

/// `POST …/follow-up/{token}/messages`'s body.
#[derive(Deserialize)]
pub struct WriteBody {
    message: Option<String>,
}

/// `GET /follow-up/{token}` (public): the conversation the link opens; each use keeps the
/// link working for [`crate::Limits::follow_up_link_lifetime`] more.
pub async fn read(
    State(state): State<AppState>,
    PathId(token): PathId,
    request: Request,
) -> Result<Response, HttpError> {
    let expires_at = link_expiry(&state);
    if let Some(vendor) = vendor_of(&state, &request) {
        return Ok(forwarded::read(&state, &vendor, token, expires_at).await);
    }
    let view = state
        .store
        .run(move |conn| {
            let conversation = linked(conn, &token, &expires_at)?;
            view(conn, &conversation, expires_at.clone())
        })
        .await?;
    Ok(not_stored(Json(view).into_response()))
}

/// The vendor, when this API is forwarded: then the conversations are the vendor's.
fn vendor_of(state: &AppState, request: &Request) -> Option<Vendor> {
    Some(Vendor {
        upstream: state.upstream(DIALECT.name)?,
        correlation_id: request
            .extensions()
            .get::<CorrelationId>()
            .map(|id| id.0.clone())
            .unwrap_or_default(),
    })
}

/// When a link used now stops working, unless used again.
pub fn link_expiry(state: &AppState) -> String {
    let lifetime = chrono::Duration::from_std(state.follow_up_link_lifetime)
        .unwrap_or(chrono::Duration::days(90));
    format_instant(chrono::Utc::now() + lifetime)
}

/// `response`, marked for no cache to keep: it carries a customer's private conversation.
pub fn not_stored(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `POST /follow-up/{token}/messages` (public), as JSON or multipart with files: the
/// customer writes again; a closed or archived conversation opens again, so an agent sees
/// it. With files, the text may be empty.
pub async fn write(
    State(state): State<AppState>,
    PathId(token): PathId,
    request: Request,
) -> Result<Response, HttpError> {
    let lang = crate::http::lang::of(request.headers());
    let vendor = vendor_of(&state, &request);
    let WithFiles { body, files } =
        extract::json_or_multipart::<WriteBody>(request, FOLLOW_UP_UPLOAD).await?;
    let text = body.message.unwrap_or_default().trim().to_owned();
    let now = now();
    let checked_text = match validate_reply(&text) {
        Err(_) if text.is_empty() && !files.is_empty() => Ok(()),
        Err(issue) => Err(HttpError::invalid_field(
            Location::Body,
            "message",
            &text,
            issue.say(lang),
        )),
        Ok(()) => Ok(()),
    };
    let ((), attachments) = both(
        checked_text,
        prepare_files(FOLLOW_UP_UPLOAD, files, now.clone(), lang).await,
    )?;
    let expires_at = link_expiry(&state);
    if let Some(vendor) = vendor {
        let files = attachments;
        return Ok(forwarded::write(&state, &vendor, token, text, files, expires_at).await);
    }
    let view = state
        .store
        .run(move |conn| {
            let mut conversation = linked(conn, &token, &expires_at)?;
            let message = MessageRecord {
                id: new_id(),
                conversation_id: conversation.id.clone(),
                sending_date: now.clone(),
                transmitter_id: Some(conversation.customer_id.clone()),
                receiver_id: None,
                transmitter_type: TransmitterType::Customer.to_string(),
                content: text.clone(),
                content_type: "TEXT".to_owned(),
                status: "SENT".to_owned(),
                received_date: None,
                attachments: Vec::new(),
            };
            store::insert_message(conn, &message)?;
            store::insert_message_files(conn, &message.id, &attachments)?;
            let open = ConversationStatusDto::Open.to_string();
            if conversation.status != open {
                conversation.status = open;
                store::update_conversation(conn, &mut conversation)?;
            }
            view(conn, &conversation, expires_at.clone())
        })
        .await?;
    Ok(not_stored(
        (StatusCode::CREATED, Json(view)).into_response(),
    ))
}

/// `GET /follow-up/{token}/attachments/{id}` (public): a file of the link's conversation,
/// downloaded as an agent's would be (sandboxed, never sniffed), and kept by no cache.
/// A file of another conversation is the same 404 as a file that does not exist.
pub async fn attachment(
    State(state): State<AppState>,
    PathPair(token, id): PathPair,
    request: Request,
) -> Result<Response, HttpError> {
    let expires_at = link_expiry(&state);
    if let Some(vendor) = vendor_of(&state, &request) {
        return Ok(forwarded::attachment(&state, &vendor, token, id, expires_at).await);
    }
    let (record, data) = state
        .store
        .run(move |conn| {
            let conversation = linked(conn, &token, &expires_at)?;
            store::get_conversation_attachment(conn, &conversation.id, &id)?
                .ok_or_else(|| HttpError::not_found("attachment", Location::Path, "id", &id))
        })
        .await?;
    Ok(not_stored(output::download(record, data)?))
}

/// `DELETE /conversations/{id}/follow-up-links` (agents): every link to the conversation
/// stops working at once.
pub async fn revoke(
    State(state): State<AppState>,
    _agent: SignedIn,
    PathId(id): PathId,
    request: Request,
) -> Result<Response, HttpError> {
    if let Some(vendor) = vendor_of(&state, &request) {
        return Ok(forwarded::revoke(&state, &vendor, id).await);
    }
    let now = now();
    state
        .store
        .run(move |conn| {
            load_conversation(conn, &id)?;
            follow_up::revoke(conn, &id, &now)?;
            Ok::<_, HttpError>(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The conversation a live token opens (renewed until `renewed_until`), or the one 404 for
/// every other token: unknown, withdrawn and expired alike.
fn linked(conn: &Tx, token: &str, renewed_until: &str) -> Result<ConversationRecord, HttpError> {
    let id =
        follow_up::use_link(conn, token, &now(), renewed_until)?.ok_or_else(no_conversation)?;
    store::get_conversation(conn, &id)?.ok_or_else(no_conversation)
}

/// The one 404 of a link that opens nothing: it tells no reason apart.
pub(super) fn no_conversation() -> HttpError {
    HttpError {
        message: "This link opens no conversation: it may be mistyped, withdrawn or expired. \
                  Write to us again from the contact page."
            .to_owned(),
        problems: Vec::new(),
        ..HttpError::not_found("follow-up link", Location::Path, "token", "")
    }
}

/// What the customer sees: their messages and support's, oldest first; nothing else
/// (no assignee, no participants, no other conversation).
fn view(
    conn: &Tx,
    conversation: &ConversationRecord,
    link_expires_at: String,
) -> Result<FollowUp, HttpError> {
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
            attachments: message
                .attachments
                .into_iter()
                .map(|file| FollowUpAttachment {
                    id: file.id,
                    name: file.name,
                    media_type: file.media_type,
                    size: file.size,
                })
                .collect(),
        });
    }
    Ok(FollowUp {
        reference: conversation.trip_reference.clone(),
        open: conversation.status == ConversationStatusDto::Open.to_string(),
        messages,
        link_expires_at: Some(link_expires_at),
    })
}

/// An agent's name as a customer sees it: their name, or "Support" when unknown.
fn agent_name(conn: &Tx, id: Option<&str>) -> Result<String, HttpError> {
    let name = match id {
        Some(id) => people::agent_name(conn, id)?,
        None => None,
    };
    Ok(name.unwrap_or_else(|| "Support".to_owned()))
}
