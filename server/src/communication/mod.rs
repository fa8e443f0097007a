//! The communication API (`communication-api.txt`) as `docs/backends.md` routes it:
//! conversations and their messages, contact-us messages, mails.

pub mod input;
pub mod output;

use crate::errors::{ApiError, Location};
use crate::extract::{self, ApiJson, PathId, QueryParams, Upload, UploadedFile, WithFiles};
use crate::store::{self, ConversationRecord, MessageRecord, NewAttachment};
use crate::AppState;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, put};
use axum::{Json, Router};
use chrono::Utc;
use input::{ContactInput, Files, LastMessage, Problems, CONVERSATION_PAGING, MESSAGE_PAGING};
use rusqlite::Connection;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::wire::communication::{
    AssignAgentRequest, ContactMessageDto, ConversationDto, ConversationStatusDto, MailDto,
    MessageDto, TransmitterType, ATTACHMENT_POLICY, CONTACT_ATTACHMENT_POLICY, CONTACT_PART,
    DEFAULT_BASE_PATH, FILES_PART, MESSAGE_PART,
};
use switchboard_core::wire::format_instant;
use uuid::Uuid;

/// A contact-us conversation has no trip or establishment; the conversation's required
/// fields name where it came from instead.
pub const CONTACT_ORIGIN_ID: &str = "contact-us";

/// "Add a message" with files.
pub const MESSAGE_UPLOAD: Upload = Upload {
    json_part: MESSAGE_PART,
    files_part: FILES_PART,
    policy: &ATTACHMENT_POLICY,
};

/// "Create a contact-us message" with files.
pub const CONTACT_UPLOAD: Upload = Upload {
    json_part: CONTACT_PART,
    files_part: FILES_PART,
    policy: &CONTACT_ATTACHMENT_POLICY,
};

pub fn routes() -> Router<AppState> {
    let at = |path: &str| format!("{DEFAULT_BASE_PATH}{path}");
    Router::new()
        .route(
            &at("/conversations"),
            get(list_conversations).post(create_conversation),
        )
        .route(
            &at("/conversations/{id}"),
            get(get_conversation).put(update_conversation),
        )
        .route(&at("/conversations/{id}/assigned-agent"), put(assign_agent))
        // The routes that take files read larger bodies than the app-wide limit.
        .route(
            &at("/conversations/{id}/messages"),
            get(list_messages)
                .post(add_message)
                .layer(DefaultBodyLimit::max(MESSAGE_UPLOAD.body_limit())),
        )
        .route(
            &at("/contact-us"),
            get(list_contacts)
                .post(create_contact)
                .layer(DefaultBodyLimit::max(CONTACT_UPLOAD.body_limit())),
        )
        .route(&at("/contact-us/{id}"), get(get_contact))
        .route(&at("/attachments/{id}"), get(get_attachment))
        .route(&at("/mails"), post(create_mail))
        .route(&at("/mails/{id}"), get(get_mail))
        // Anything else under the base is the API's own 404, not the console's page.
        .route(DEFAULT_BASE_PATH, any(no_route))
        .route(&at("/{*rest}"), any(no_route))
}

pub async fn no_route() -> ApiError {
    ApiError::no_route()
}

fn now() -> String {
    format_instant(Utc::now())
}

fn new_id() -> String {
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

fn conversation_not_found(id: &str) -> ApiError {
    ApiError::not_found("conversation", Location::Path, CONVERSATION_ID_FIELD, id)
}

fn load_conversation(conn: &Connection, id: &str) -> Result<ConversationRecord, ApiError> {
    store::get_conversation(conn, id)?.ok_or_else(|| conversation_not_found(id))
}

/// The conversation as a single resource: its last message and links.
fn conversation_view(
    conn: &Connection,
    record: ConversationRecord,
) -> Result<ConversationDto, ApiError> {
    let last = store::last_message(conn, &record.id)?;
    Ok(output::conversation_with_links(record, last))
}

fn ensure_agent_exists(conn: &Connection, agent_id: Option<&str>) -> Result<(), ApiError> {
    match agent_id {
        Some(agent_id) if !store::agent_exists(conn, agent_id)? => Err(ApiError::invalid_field(
            Location::Body,
            "assignedAgentId",
            agent_id,
            "is not a known agent (GET /api/agents lists them)",
        )),
        _ => Ok(()),
    }
}

fn ensure_new_message_id(
    conn: &Connection,
    field: &str,
    message: &MessageRecord,
) -> Result<(), ApiError> {
    if store::message_exists(conn, &message.id)? {
        return Err(ApiError::invalid_field(
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
        }
    }
}

async fn list_conversations(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<impl serde::Serialize>, ApiError> {
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
            Ok::<_, ApiError>(store::Slice {
                total: slice.total,
                rows: slice.rows.into_iter().zip(lasts).collect(),
            })
        })
        .await?;
    Ok(Json(output::page(slice, request, |(record, last)| {
        output::conversation(record, last)
    })))
}

async fn create_conversation(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ConversationDto>,
) -> Result<Response, ApiError> {
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
    };
    input::include(&mut record.participants, &record.customer_id.clone());
    if let Some(agent) = record.assigned_agent_id.clone() {
        input::include(&mut record.participants, &agent);
    }
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
                return Err(ApiError::invalid_field(
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
            conversation_view(conn, record)
        })
        .await?;
    let path = output::conversation_path(dto.id.as_deref().unwrap_or_default());
    Ok(created(&path, dto))
}

async fn get_conversation(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<ConversationDto>, ApiError> {
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let dto = state
        .store
        .run(move |conn| {
            let record = load_conversation(conn, &id)?;
            conversation_view(conn, record)
        })
        .await?;
    Ok(Json(dto))
}

async fn update_conversation(
    State(state): State<AppState>,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ConversationDto>,
) -> Result<Json<ConversationDto>, ApiError> {
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let input = input::conversation(body, LastMessage::Ignored)?;
    if let Some(body_id) = input.id.as_deref().filter(|body_id| *body_id != id) {
        return Err(ApiError::invalid_field(
            Location::Body,
            "id",
            body_id,
            "must be the conversation id of the path",
        ));
    }
    let dto = state
        .store
        .run(move |conn| {
            let mut record = load_conversation(conn, &id)?;
            ensure_agent_exists(conn, input.assigned_agent_id.as_deref())?;
            record.trip_publication_id = input.trip_publication_id;
            record.trip_reference = input.trip_reference;
            record.establishment_id = input.establishment_id;
            record.customer_id = input.customer_id;
            // PUT replaces: no assignedAgentId (or null) unassigns, as the contract says.
            record.assigned_agent_id = input.assigned_agent_id;
            // A client that leaves the list out keeps it: participants are only ever added.
            if !input.participants.is_empty() {
                record.participants = input.participants;
            }
            if let Some(status) = input.status {
                record.status = status;
            }
            input::include(&mut record.participants, &record.customer_id.clone());
            if let Some(agent) = record.assigned_agent_id.clone() {
                input::include(&mut record.participants, &agent);
            }
            store::update_conversation(conn, &record)?;
            conversation_view(conn, record)
        })
        .await?;
    Ok(Json(dto))
}

async fn assign_agent(
    State(state): State<AppState>,
    PathId(id): PathId,
    ApiJson(body): ApiJson<AssignAgentRequest>,
) -> Result<Json<ConversationDto>, ApiError> {
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let agent = input::assigned_agent(body)?;
    let dto = state
        .store
        .run(move |conn| {
            let mut record = load_conversation(conn, &id)?;
            ensure_agent_exists(conn, Some(&agent))?;
            input::include(&mut record.participants, &agent);
            record.assigned_agent_id = Some(agent);
            store::update_conversation(conn, &record)?;
            conversation_view(conn, record)
        })
        .await?;
    Ok(Json(dto))
}

// ---- messages -----------------------------------------------------------------------------

async fn list_messages(
    State(state): State<AppState>,
    PathId(id): PathId,
    query: QueryParams,
) -> Result<Json<impl serde::Serialize>, ApiError> {
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

/// Checks and hashes the files on the blocking pool: a 20 MB upload would otherwise hold an
/// async worker for the whole digest.
async fn prepare_files(
    policy: &'static AttachmentPolicy,
    files: Vec<UploadedFile>,
    now: String,
) -> Result<Vec<NewAttachment>, ApiError> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    tokio::task::spawn_blocking(move || input::files(policy, files, &now, &mut new_id))
        .await
        .map_err(ApiError::internal)?
}

/// The body's checks and the files' together, so one answer names every problem.
fn both<A, B>(body: Result<A, ApiError>, files: Result<B, ApiError>) -> Result<(A, B), ApiError> {
    match (body, files) {
        (Ok(body), Ok(files)) => Ok((body, files)),
        (Err(error), Ok(_)) | (Ok(_), Err(error)) => Err(error),
        (Err(body), Err(files)) => Err(body.and(files)),
    }
}

async fn add_message(
    State(state): State<AppState>,
    PathId(id): PathId,
    request: Request,
) -> Result<Response, ApiError> {
    input::path_id(CONVERSATION_ID_FIELD, &id)?;
    let WithFiles { body, files } =
        extract::json_or_multipart::<MessageDto>(request, MESSAGE_UPLOAD).await?;
    let now = now();
    let attached = if files.is_empty() {
        Files::None
    } else {
        Files::Attached
    };
    let (input, attachments) = both(
        input::message(body, attached),
        prepare_files(MESSAGE_UPLOAD.policy, files, now.clone()).await,
    )?;
    if let Some(other) = input
        .conversation_id
        .as_deref()
        .filter(|other| *other != id)
    {
        return Err(ApiError::invalid_field(
            Location::Body,
            "conversationId",
            other,
            "must be the conversation id of the path",
        ));
    }
    let mut message = input.into_record(new_id(), &id, &now);
    let message = state
        .store
        .run(move |conn| {
            let mut record = load_conversation(conn, &id)?;
            ensure_new_message_id(conn, "id", &message)?;
            store::insert_message(conn, &message)?;
            store::insert_attachments(conn, &message.id, &attachments)?;
            message.attachments = attachments.into_iter().map(|file| file.record).collect();
            let participants_before = record.participants.len();
            include_transmitter(&mut record, &message);
            if record.participants.len() != participants_before {
                store::update_conversation(conn, &record)?;
            }
            Ok::<_, ApiError>(message)
        })
        .await?;
    // No Location: a single message has no route of its own.
    Ok((StatusCode::CREATED, Json(output::message(message))).into_response())
}

// ---- contact-us ---------------------------------------------------------------------------

const CONTACT_ID_FIELD: &str = "contact_id";

/// The conversation a first contact message opens: the customer is known by their mail.
pub fn contact_conversation(
    id: String,
    contact_id: &str,
    contact: &ContactInput,
    now: &str,
) -> ConversationRecord {
    let reference: String = contact_id.chars().take(8).collect();
    ConversationRecord {
        id,
        trip_publication_id: CONTACT_ORIGIN_ID.to_owned(),
        trip_reference: format!("CONTACT-{reference}"),
        establishment_id: CONTACT_ORIGIN_ID.to_owned(),
        customer_id: contact.mail.clone(),
        assigned_agent_id: None,
        participants: vec![contact.mail.clone()],
        status: ConversationStatusDto::Open.to_string(),
        created_at: now.to_owned(),
    }
}

/// The conversation message a contact message becomes: its object on the first line.
pub fn contact_message(
    id: String,
    conversation_id: &str,
    contact: &ContactInput,
    now: &str,
) -> MessageRecord {
    MessageRecord {
        id,
        conversation_id: conversation_id.to_owned(),
        sending_date: now.to_owned(),
        transmitter_id: Some(
            contact
                .transmitter_id
                .clone()
                .unwrap_or_else(|| contact.mail.clone()),
        ),
        receiver_id: contact.receiver_id.clone(),
        transmitter_type: TransmitterType::Customer.to_string(),
        content: format!("{}\n{}", contact.object, contact.message),
        content_type: "TEXT".to_owned(),
        status: "SENT".to_owned(),
        received_date: None,
        attachments: Vec::new(),
    }
}

/// Opens a conversation for a first contact, or continues (and reopens, if closed) the
/// one it names; then records the contact message, its files attached to the conversation
/// message. Runs inside the caller's transaction. `new_id` makes the ids of what is created
/// (random for requests, fixed for the seed).
pub fn record_contact(
    conn: &Connection,
    contact: ContactInput,
    files: &[NewAttachment],
    now: &str,
    new_id: &mut dyn FnMut() -> String,
) -> Result<store::ContactRecord, ApiError> {
    let contact_id = new_id();
    let conversation_id = match &contact.conversation_id {
        Some(conversation_id) => {
            let Some(mut record) = store::get_conversation(conn, conversation_id)? else {
                return Err(ApiError::not_found(
                    "conversation",
                    Location::Body,
                    "conversationId",
                    conversation_id,
                ));
            };
            if record.status == ConversationStatusDto::Closed.as_str() {
                record.status = ConversationStatusDto::Open.to_string();
            }
            input::include(&mut record.participants, &contact.mail);
            store::update_conversation(conn, &record)?;
            record.id
        }
        None => {
            let record = contact_conversation(new_id(), &contact_id, &contact, now);
            store::insert_conversation(conn, &record)?;
            record.id
        }
    };
    let message = contact_message(new_id(), &conversation_id, &contact, now);
    store::insert_message(conn, &message)?;
    store::insert_attachments(conn, &message.id, files)?;
    let record = contact.into_record(contact_id, conversation_id, now);
    store::insert_contact(conn, &record)?;
    Ok(record)
}

async fn create_contact(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    let WithFiles { body, files } =
        extract::json_or_multipart::<ContactMessageDto>(request, CONTACT_UPLOAD).await?;
    let now = now();
    let (contact, attachments) = both(
        input::contact(body),
        prepare_files(CONTACT_UPLOAD.policy, files, now.clone()).await,
    )?;
    let record = state
        .store
        .run(move |conn| record_contact(conn, contact, &attachments, &now, &mut new_id))
        .await?;
    let path = output::contact_path(&record.id);
    Ok(created(&path, output::contact_with_links(record)))
}

async fn list_contacts(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<impl serde::Serialize>, ApiError> {
    let mut problems = Problems::default();
    let request = CONVERSATION_PAGING.read(&query, &mut problems);
    problems.finish()?;
    let slice = state
        .store
        .run(move |conn| {
            Ok::<_, ApiError>(store::list_contacts(
                conn,
                request.window(CONVERSATION_PAGING),
            )?)
        })
        .await?;
    Ok(Json(output::page(slice, request, output::contact)))
}

async fn get_contact(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<ContactMessageDto>, ApiError> {
    input::path_id(CONTACT_ID_FIELD, &id)?;
    let record = state
        .store
        .run(move |conn| {
            store::get_contact(conn, &id)?.ok_or_else(|| {
                ApiError::not_found("contact message", Location::Path, CONTACT_ID_FIELD, &id)
            })
        })
        .await?;
    Ok(Json(output::contact_with_links(record)))
}

// ---- attachments --------------------------------------------------------------------------

const ATTACHMENT_ID_FIELD: &str = "attachment-id";

async fn get_attachment(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Response, ApiError> {
    input::path_id(ATTACHMENT_ID_FIELD, &id)?;
    let (record, data) = state
        .store
        .run(move |conn| {
            store::get_attachment(conn, &id)?.ok_or_else(|| {
                ApiError::not_found("attachment", Location::Path, ATTACHMENT_ID_FIELD, &id)
            })
        })
        .await?;
    output::download(record, data)
}

// ---- mails --------------------------------------------------------------------------------

async fn create_mail(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<MailDto>,
) -> Result<Response, ApiError> {
    let record = input::mail(body, new_id(), &now())?;
    let record = state
        .store
        .run(move |conn| {
            store::insert_mail(conn, &record)?;
            Ok::<_, ApiError>(record)
        })
        .await?;
    let path = output::mail_path(&record.id);
    Ok(created(&path, output::mail_with_links(record)))
}

async fn get_mail(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<MailDto>, ApiError> {
    input::path_id("id", &id)?;
    let record = state
        .store
        .run(move |conn| {
            store::get_mail(conn, &id)?
                .ok_or_else(|| ApiError::not_found("mail", Location::Path, "id", &id))
        })
        .await?;
    Ok(Json(output::mail_with_links(record)))
}
