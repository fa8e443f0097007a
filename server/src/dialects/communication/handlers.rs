//! The communication API's handlers, one per operation of the vendor's document as
//! `docs/backends/communication.md` routes it: each checks its request (`input`), runs its
//! store work in one transaction, and shapes the answer (`output`). Conversations and
//! messages are here; contact-us in [`contacts`], mails in [`mails`]. Switchboard's own
//! routes (follow-up links, attachment downloads) are in [`super::ours`]; what Switchboard
//! adds to these routes rides along here: versions and `ETag`s ([`super::versions`]),
//! files on a message, idempotency keys.

pub mod attachments;
mod contacts;
mod mails;

pub use contacts::{create_contact, get_contact, list_contacts};
pub use mails::{create_mail, get_mail};

use super::input::{self, Files, LastMessage, CONVERSATION_PAGING, MESSAGE_PAGING};
use super::store::{self, ConversationRecord, MessageRecord};
use super::{output, versions, MESSAGE_UPLOAD};
pub(super) use crate::http::error::both;
use crate::http::extract::{self, ApiJson, PathId, QueryParams, WithFiles};
use crate::http::idempotency::Reservation;
use crate::http::problems::Problems;
use crate::http::signed_in::Caller;
pub(super) use crate::http::upload::prepared as prepare_files;
use crate::http::{HttpError, Location};
use crate::store::idempotency::StoredResponse;
use crate::store::{people, Tx};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use switchboard_core::wire::communication::{
    AssignAgentRequest, ConversationDto, ConversationStatusDto, MessageDto, TransmitterType,
    DEFAULT_BASE_PATH,
};
use switchboard_core::wire::format_instant;
use uuid::Uuid;

pub(super) fn now() -> String {
    format_instant(Utc::now())
}

pub(super) fn new_id() -> String {
    Uuid::new_v4().to_string()
}

/// 201 with the new resource's address.
fn created<T: serde::Serialize>(path_in_api: &str, body: T) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("{DEFAULT_BASE_PATH}{path_in_api}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

// ---- conversations ------------------------------------------------------------------------

const CONVERSATION_ID_FIELD: &str = "conversation-id";

fn conversation_not_found(id: &str) -> HttpError {
    HttpError::not_found("conversation", Location::Path, CONVERSATION_ID_FIELD, id)
}

pub(super) fn load_conversation(conn: &Tx, id: &str) -> Result<ConversationRecord, HttpError> {
    store::get_conversation(conn, id)?.ok_or_else(|| conversation_not_found(id))
}

/// The conversation as a single resource: its last message and links.
fn conversation_view(conn: &Tx, record: ConversationRecord) -> Result<ConversationDto, HttpError> {
    let last = store::last_message(conn, &record.id)?;
    Ok(output::conversation_with_links(record, last))
}

fn ensure_agent_exists(conn: &Tx, agent_id: Option<&str>) -> Result<(), HttpError> {
    match agent_id {
        Some(agent_id) if !people::agent_exists(conn, agent_id)? => Err(HttpError::invalid_field(
            Location::Body,
            "assignedAgentId",
            agent_id,
            "is not a known agent (GET /api/agents lists them)",
        )),
        _ => Ok(()),
    }
}

fn ensure_new_message_id(conn: &Tx, field: &str, message: &MessageRecord) -> Result<(), HttpError> {
    if store::message_exists(conn, &message.id)? {
        return Err(HttpError::invalid_field(
            Location::Body,
            field,
            &message.id,
            "is already the id of another message",
        ));
    }
    Ok(())
}

/// Who wrote a message takes part in its conversation.
fn include_transmitter(record: &mut ConversationRecord, message: &MessageRecord) {
    let writer_kinds = [TransmitterType::Customer, TransmitterType::Agent];
    if let Some(transmitter) = &message.transmitter_id {
        if writer_kinds
            .iter()
            .any(|kind| kind.as_str() == message.transmitter_type)
        {
            input::include(&mut record.participants, transmitter);
            input::cap_participants(record);
        }
    }
}

/// "List conversations": filtered, newest activity first, paged from 1.
pub async fn list_conversations(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<impl serde::Serialize>, HttpError> {
    let mut problems = Problems::default();
    let request = CONVERSATION_PAGING.read(&query, &mut problems);
    let filter = input::conversation_filter(&query, &mut problems);
    problems.finish()?;
    let slice = state
        .store
        .run(move |conn| {
            let slice =
                store::list_conversations(conn, &filter, request.window(CONVERSATION_PAGING))?;
            let ids: Vec<&str> = slice.rows.iter().map(|record| record.id.as_str()).collect();
            let lasts = store::last_messages(conn, &ids)?;
            Ok::<_, HttpError>(store::Slice {
                total: slice.total,
                rows: slice.rows.into_iter().zip(lasts).collect(),
            })
        })
        .await?;
    Ok(Json(output::page(slice, request, |(record, last)| {
        output::conversation(record, last)
    })))
}

/// "Create a conversation", with its first message if the body has a `lastMessage`.
pub async fn create_conversation(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ConversationDto>,
) -> Result<Response, HttpError> {
    let input = input::conversation(body, LastMessage::FirstMessage)?;
    let now = now();
    let mut record = ConversationRecord {
        id: input.id.unwrap_or_else(new_id),
        trip_publication_id: input.trip_publication_id,
        trip_reference: input.trip_reference,
        establishment_id: input.establishment_id,
        customer_id: input.customer_id,
        assigned_agent_id: input.assigned_agent_id,
        participants: input.participants,
        status: input
            .status
            .unwrap_or_else(|| ConversationStatusDto::Open.to_string()),
        created_at: now.clone(),
        customer_name: input.customer_name,
        version: 1,
        changed_by: None,
    };
    input::include(&mut record.participants, &record.customer_id.clone());
    if let Some(agent) = record.assigned_agent_id.clone() {
        input::include(&mut record.participants, &agent);
    }
    input::cap_participants(&mut record);
    let first_message = input
        .first_message
        .map(|message| message.into_record(new_id(), &record.id, &now));
    if let Some(message) = &first_message {
        include_transmitter(&mut record, message);
    }
    let dto = state
        .store
        .run(move |conn| {
            if store::conversation_exists(conn, &record.id)? {
                return Err(HttpError::invalid_field(
                    Location::Body,
                    "id",
                    &record.id,
                    "is already the id of another conversation",
                ));
            }
            ensure_agent_exists(conn, record.assigned_agent_id.as_deref())?;
            store::insert_conversation(conn, &record)?;
            if let Some(message) = &first_message {
                ensure_new_message_id(conn, "lastMessage.id", message)?;
                store::insert_message(conn, message)?;
            }
            conversation_view(conn, record.clone())
        })
        .await?;
    let path = output::conversation_path(dto.id.as_deref().unwrap_or_default());
    Ok(created(&path, dto))
}

/// "Get a conversation", with its last message and links.
pub async fn get_conversation(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Tagged, HttpError> {
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    state
        .store
        .run(move |conn| {
            let record = load_conversation(conn, &id)?;
            tagged(conn, record)
        })
        .await
}

/// A conversation with its version as an `ETag` ([`versions`]).
type Tagged = (
    [(header::HeaderName, HeaderValue); 1],
    Json<ConversationDto>,
);

fn tagged(conn: &Tx, record: ConversationRecord) -> Result<Tagged, HttpError> {
    let tag = versions::etag_header(&record);
    Ok((tag, Json(conversation_view(conn, record)?)))
}

/// Refuses a write on a version older than `record`'s (`If-Match`), naming who changed it.
fn check_version(
    conn: &Tx,
    expected: Option<&[String]>,
    record: &ConversationRecord,
) -> Result<(), HttpError> {
    let name = |id: Option<&str>| match id {
        Some(agent) => people::agent_name(conn, agent),
        None => Ok(None),
    };
    let changed_by = name(record.changed_by.as_deref())?;
    let assignee = name(record.assigned_agent_id.as_deref())?;
    let names = versions::Names {
        changed_by: changed_by.as_deref(),
        assignee: assignee.as_deref(),
    };
    versions::check(expected, record, names)
}

/// "Update a conversation": PUT replaces, participants are only ever added. With
/// `If-Match`, only on the version it names.
pub async fn update_conversation(
    State(state): State<AppState>,
    caller: Caller,
    PathId(id): PathId,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ConversationDto>,
) -> Result<Tagged, HttpError> {
    let expected = versions::if_match(&headers);
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let input = input::conversation(body, LastMessage::Ignored)?;
    if let Some(body_id) = input.id.as_deref().filter(|body_id| *body_id != id) {
        return Err(HttpError::invalid_field(
            Location::Body,
            "id",
            body_id,
            "must be the conversation id of the path",
        ));
    }
    state
        .store
        .run(move |conn| {
            let mut record = load_conversation(conn, &id)?;
            check_version(conn, expected.as_deref(), &record)?;
            ensure_agent_exists(conn, input.assigned_agent_id.as_deref())?;
            record.trip_publication_id = input.trip_publication_id.clone();
            record.trip_reference = input.trip_reference.clone();
            record.establishment_id = input.establishment_id.clone();
            record.customer_id = input.customer_id.clone();
            // PUT replaces: no assignedAgentId (or null) unassigns, as the contract says.
            record.assigned_agent_id = input.assigned_agent_id.clone();
            // The server keeps the participants: a client's list is merged in, never
            // replaces it, so a client that read an older list removes no one.
            for participant in &input.participants {
                input::include(&mut record.participants, participant);
            }
            if let Some(status) = input.status.clone() {
                record.status = status;
            }
            // Like the participants: a client that leaves the name out keeps it.
            if let Some(name) = input.customer_name.clone() {
                record.customer_name = Some(name);
            }
            input::include(&mut record.participants, &record.customer_id.clone());
            if let Some(agent) = record.assigned_agent_id.clone() {
                input::include(&mut record.participants, &agent);
            }
            input::cap_participants(&mut record);
            // A vendor call names no agent: the change is nobody's in particular.
            record.changed_by = caller.agent().map(|agent| agent.id.clone());
            store::update_conversation(conn, &mut record)?;
            tagged(conn, record)
        })
        .await
}

/// "Update the assigned agent" of a conversation. With `If-Match`, only on the version it
/// names.
pub async fn assign_agent(
    State(state): State<AppState>,
    caller: Caller,
    PathId(id): PathId,
    headers: HeaderMap,
    ApiJson(body): ApiJson<AssignAgentRequest>,
) -> Result<Tagged, HttpError> {
    let expected = versions::if_match(&headers);
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let agent = input::assigned_agent(body)?;
    state
        .store
        .run(move |conn| {
            let mut record = load_conversation(conn, &id)?;
            check_version(conn, expected.as_deref(), &record)?;
            ensure_agent_exists(conn, Some(&agent))?;
            input::include(&mut record.participants, &agent);
            record.assigned_agent_id = Some(agent.clone());
            input::cap_participants(&mut record);
            record.changed_by = caller.agent().map(|by| by.id.clone());
            store::update_conversation(conn, &mut record)?;
            tagged(conn, record)
        })
        .await
}

// ---- messages -----------------------------------------------------------------------------

/// "List a conversation's messages": newest first, paged from 0.
pub async fn list_messages(
    State(state): State<AppState>,
    PathId(id): PathId,
    query: QueryParams,
) -> Result<Json<impl serde::Serialize>, HttpError> {
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let mut problems = Problems::default();
    let request = MESSAGE_PAGING.read(&query, &mut problems);
    problems.finish()?;
    let slice = state
        .store
        .run(move |conn| {
            if !store::conversation_exists(conn, &id)? {
                return Err(conversation_not_found(&id));
            }
            Ok(store::list_messages(
                conn,
                &id,
                request.window(MESSAGE_PAGING),
            )?)
        })
        .await?;
    Ok(Json(output::page(slice, request, output::message)))
}

/// "Add a message to a conversation", as JSON or multipart with files. The author is the
/// signed-in agent, whatever `transmitterId` and `transmitterType` the body names: an
/// agent cannot write as a customer or as another agent.
pub async fn add_message(
    State(state): State<AppState>,
    caller: Caller,
    PathId(id): PathId,
    request: Request,
) -> Result<Response, HttpError> {
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let reservation = request.extensions().get::<Reservation>().cloned();
    let lang = crate::http::lang::of(request.headers());
    let WithFiles { body, files } =
        extract::json_or_multipart::<MessageDto>(request, MESSAGE_UPLOAD).await?;
    let now = now();
    let attached = if files.is_empty() {
        Files::None
    } else {
        Files::Attached
    };
    let (mut input, attachments) = both(
        input::message(body, attached),
        prepare_files(MESSAGE_UPLOAD, files, now.clone(), lang).await,
    )?;
    match caller {
        Caller::Agent(agent) => {
            input.transmitter_id = Some(agent.id);
            input.transmitter_type = TransmitterType::Agent.to_string();
        }
        // A vendor call (the reference as a gateway's upstream) writes as the writer the
        // body names, as the vendor reads it: the gateway sets `transmitterId` to the
        // agent's identity on this backend, or to the conversation's customer when the
        // customer writes through their follow-up link (`transmitterType: CUSTOMER`).
        Caller::Vendor => {
            if input.transmitter_id.is_none() {
                return Err(HttpError::invalid_field(
                    Location::Body,
                    "transmitterId",
                    "",
                    "must name the agent who writes",
                ));
            }
            if input.transmitter_type != TransmitterType::Customer.to_string() {
                input.transmitter_type = TransmitterType::Agent.to_string();
            }
        }
    }
    if let Some(other) = input
        .conversation_id
        .as_deref()
        .filter(|other| *other != id)
    {
        return Err(HttpError::invalid_field(
            Location::Body,
            "conversationId",
            other,
            "must be the conversation id of the path",
        ));
    }
    let mut message = input.into_record(new_id(), &id, &now);
    let answer = state
        .store
        .run(move |conn| {
            let mut record = load_conversation(conn, &id)?;
            ensure_new_message_id(conn, "id", &message)?;
            store::insert_message(conn, &message)?;
            store::insert_message_files(conn, &message.id, &attachments)?;
            message.attachments = attachments.iter().map(|file| file.record.clone()).collect();
            let participants_before = record.participants.len();
            include_transmitter(&mut record, &message);
            if record.participants.len() != participants_before {
                store::update_participants(conn, &record)?;
            }
            let answer = created_answer(&message)?;
            if let Some(reservation) = &reservation {
                reservation.keep_in(conn, &answer)?;
            }
            Ok::<_, HttpError>(answer)
        })
        .await?;
    Ok(answer_response(answer))
}

/// A new message's 201, as kept for its `Idempotency-Key`: built inside the transaction
/// that stores the message, so the two are committed together (no Location: a single
/// message has no route of its own).
fn created_answer(message: &MessageRecord) -> Result<StoredResponse, HttpError> {
    let body = serde_json::to_vec(&output::message(message.clone()))
        .map_err(|error| HttpError::internal(format!("the message did not serialise: {error}")))?;
    Ok(StoredResponse {
        status: StatusCode::CREATED.as_u16(),
        content_type: Some("application/json".to_owned()),
        location: None,
        body,
    })
}

fn answer_response(answer: StoredResponse) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::CREATED);
    let mut response = (status, answer.body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
