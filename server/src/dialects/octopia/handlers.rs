//! Octopia's handlers, one per endpoint of the document as `docs/backends/octopia.md`
//! routes it: each checks its request (`input`), runs its store work in one transaction,
//! and shapes the answer (`output`).

use super::input::{self, ReplyInput, ROOT};
use super::store::{self, DiscussionRecord, MessageRecord, PartyRecord};
use super::{eligible_receivers, output, typologies, MESSAGE_BODY_LIMIT};
use crate::http::correlation::CorrelationId;
use crate::http::extract::{self, PathId, QueryParams};
use crate::http::problems::Problems;
use crate::http::signed_in::Caller;
use crate::http::{problem, HttpError, Location};
use crate::store::files::NewFile;
use crate::store::{people, Tx};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::Utc;
use serde_json::Value;
use switchboard_core::i18n::Lang;
use switchboard_core::wire::format_instant;
use switchboard_core::wire::octopia::{
    AttachmentContentDto, CountDto, DiscussionDto, DiscussionPageDto, NewAttachmentDto,
    NewMessageDto, ProcessStatus, TypologyDto, UserType, ATTACHMENT_POLICY, HAS_READ_PATH,
    IS_OPEN_PATH,
};
use uuid::Uuid;

/// What both PATCH routes answer.
pub const SUCCESS: &str = "success";

fn new_id() -> String {
    Uuid::new_v4().to_string()
}

/// A JSON body of any shape (a JSON Patch is an array), up to `limit` bytes.
async fn read_json(request: Request, limit: usize) -> Result<Value, HttpError> {
    if !extract::is_json(request.headers()) {
        return Err(HttpError::unsupported_media_type());
    }
    let bytes = extract::read_within(request, limit).await?;
    extract::parse_value(&bytes, ROOT)
}

fn discussion_not_found(location: Location, field: &str, id: &str) -> HttpError {
    HttpError::not_found("discussion", location, field, id)
}

fn load_discussion(conn: &Tx, id: &str) -> Result<DiscussionRecord, HttpError> {
    store::get_discussion(conn, id)?
        .ok_or_else(|| discussion_not_found(Location::Path, "discussionId", id))
}

/// "Get discussions's sub-typologies" (`GET /discussions/typologies`): the catalogue, for
/// one order status or all.
pub async fn list_typologies(query: QueryParams) -> Result<Json<Vec<TypologyDto>>, HttpError> {
    let status = input::order_status(&query)?;
    Ok(Json(
        typologies::for_status(status.as_ref())
            .map(output::typology)
            .collect(),
    ))
}

/// "Count discussions" (`GET /discussions/count`): how many match the filters.
pub async fn count_discussions(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<CountDto>, HttpError> {
    let mut problems = Problems::default();
    let filter = input::filter(&query, Utc::now(), &mut problems);
    problems.finish()?;
    let discussion_count = state
        .store
        .run(move |conn| Ok::<_, HttpError>(store::count_discussions(conn, &filter)?))
        .await?;
    Ok(Json(CountDto { discussion_count }))
}

/// "Retrieve a list of discussions" (`GET /discussions`): filtered, newest activity first,
/// paged from 1, each with its latest message only.
pub async fn list_discussions(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<DiscussionPageDto<DiscussionDto>>, HttpError> {
    let mut problems = Problems::default();
    let filter = input::filter(&query, Utc::now(), &mut problems);
    let request = input::page(&query, &mut problems);
    problems.finish()?;
    let slice = state
        .store
        .run(move |conn| {
            let slice = store::list_discussions(conn, &filter, request.window())?;
            let ids: Vec<&str> = slice.rows.iter().map(|d| d.id.as_str()).collect();
            let latest = store::latest_messages(conn, &ids)?;
            Ok::<_, HttpError>(store::Slice {
                total: slice.total,
                rows: slice.rows.into_iter().zip(latest).collect(),
            })
        })
        .await?;
    Ok(Json(output::page(slice, request, |(record, latest)| {
        output::discussion(record, latest.into_iter().collect(), Vec::new())
    })))
}

/// "Get discussion using Discussion ID" (`GET /discussions/{discussionId}`): every message,
/// oldest first, and the eligible receivers of the next reply.
pub async fn get_discussion(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<DiscussionDto>, HttpError> {
    input::path_id("discussionId", &id)?;
    let dto = state
        .store
        .run(move |conn| {
            let record = load_discussion(conn, &id)?;
            let messages = store::messages_of(conn, &id)?;
            let receivers = eligible_receivers(&record);
            Ok::<_, HttpError>(output::discussion(record, messages, receivers))
        })
        .await?;
    Ok(Json(dto))
}

/// "Open or close a discussion" (`PATCH /discussions/{discussionId}`): only `/isOpen`.
pub async fn patch_discussion(
    State(state): State<AppState>,
    PathId(id): PathId,
    request: Request,
) -> Result<Json<&'static str>, HttpError> {
    input::path_id("discussionId", &id)?;
    let body = read_json(request, crate::BODY_LIMIT_BYTES).await?;
    let is_open = input::patch(body, IS_OPEN_PATH, "isOpen")?;
    let now = format_instant(Utc::now());
    state
        .store
        .run(move |conn| {
            if store::set_discussion_open(conn, &id, is_open, &now)? {
                Ok(())
            } else {
                Err(discussion_not_found(Location::Path, "discussionId", &id))
            }
        })
        .await?;
    Ok(Json(SUCCESS))
}

/// "Mark a message as read or not read" (`PATCH /messages/{messageId}`): only `/hasRead`.
pub async fn patch_message(
    State(state): State<AppState>,
    PathId(id): PathId,
    request: Request,
) -> Result<Json<&'static str>, HttpError> {
    input::path_id("messageId", &id)?;
    let body = read_json(request, crate::BODY_LIMIT_BYTES).await?;
    let has_read = input::patch(body, HAS_READ_PATH, "hasRead")?;
    state
        .store
        .run(move |conn| {
            if store::set_message_read(conn, &id, has_read)? {
                Ok(())
            } else {
                Err(HttpError::not_found(
                    "message",
                    Location::Path,
                    "messageId",
                    &id,
                ))
            }
        })
        .await?;
    Ok(Json(SUCCESS))
}

/// "Search attachments with parameters" (`GET /attachments`): the files that match, their
/// bytes in base64.
pub async fn search_attachments(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<Vec<AttachmentContentDto>>, HttpError> {
    let filter = input::attachment_filter(&query)?;
    let found = state
        .store
        .run(move |conn| {
            // Encoded here, on the blocking pool: a few MB of base64 is CPU work.
            let found = store::find_attachments(conn, &filter)?;
            Ok::<_, HttpError>(found.into_iter().map(output::attachment_content).collect())
        })
        .await?;
    Ok(Json(found))
}

// ---- a reply ------------------------------------------------------------------------------

/// A body over the reply's limit: only files make it that large, so they are named.
fn reply_too_large(error: HttpError) -> HttpError {
    if error.status != StatusCode::PAYLOAD_TOO_LARGE {
        return error;
    }
    let issue = format!(
        "make the request larger than the {} KiB a reply may be: files travel in base64, a \
         third larger than themselves. {}",
        MESSAGE_BODY_LIMIT / 1024,
        ATTACHMENT_POLICY.summary(Lang::En)
    );
    let mut refused = HttpError::refused(
        vec![problem(Location::Body, "attachments", "", issue)],
        true,
    );
    refused.message = format!(
        "The request is larger than the {} KiB a reply may be; a reply carries at most 4 MB of \
         files in all.",
        MESSAGE_BODY_LIMIT / 1024
    );
    refused
}

/// A reply's files alone: the rest of its body is the vendor's to judge.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct ReplyFiles {
    attachments: Vec<NewAttachmentDto>,
}

/// The gateway's check of a reply on its way to the real Octopia (`POST /messages`, as
/// [`super::FILES`] declares it): this route's own limit and file checks, in its words, so
/// a console reads the same refusal in either mode. A body that is not a JSON object goes
/// on, for the vendor to answer. Decoding reads every byte: run it off the async workers.
pub fn check_forwarded_reply(body: &[u8]) -> Result<(), HttpError> {
    if body.len() > MESSAGE_BODY_LIMIT {
        let over = HttpError::payload_too_large_over(MESSAGE_BODY_LIMIT);
        return Err(reply_too_large(over));
    }
    let Ok(value @ Value::Object(_)) = serde_json::from_slice::<Value>(body) else {
        return Ok(());
    };
    let files: ReplyFiles = extract::object_from_value(value, ROOT)?;
    input::check_attachments(&files.attachments).map(|_| ())
}

/// Decodes, checks and hashes the files on the blocking pool.
async fn prepare_files(
    attachments: Vec<NewAttachmentDto>,
    now: String,
) -> Result<Vec<NewFile>, HttpError> {
    if attachments.is_empty() {
        return Ok(Vec::new());
    }
    tokio::task::spawn_blocking(move || input::attachments(&attachments, &now, &mut new_id))
        .await
        .map_err(HttpError::internal)?
}

/// The receivers the request names, as the discussion knows them ("The receivers userType
/// in the request body MUST match the discussions receivers userType"), and its sales
/// channel.
fn check_against(
    discussion: &DiscussionRecord,
    reply: &ReplyInput,
) -> Result<Vec<PartyRecord>, HttpError> {
    let eligible = eligible_receivers(discussion);
    let eligible_types: Vec<&str> = eligible.iter().map(|p| p.user_type.as_str()).collect();
    let mut problems = Vec::new();
    let mut receivers: Vec<PartyRecord> = Vec::new();
    for (index, requested) in &reply.receivers {
        let Some(party) = eligible
            .iter()
            .find(|p| p.user_type == requested.user_type.as_str())
        else {
            problems.push(problem(
                Location::Body,
                &format!("receivers[{index}].userType"),
                requested.user_type.as_str(),
                format!(
                    "must be one of this discussion's receivers' userType ({}): {} cannot receive \
                     this reply",
                    eligible_types.join(", "),
                    requested.user_type
                ),
            ));
            continue;
        };
        if let Some(user_id) = requested
            .user_id
            .as_deref()
            .filter(|id| *id != party.user_id)
        {
            problems.push(problem(
                Location::Body,
                &format!("receivers[{index}].userId"),
                user_id,
                format!(
                    "must be {}, this discussion's {}",
                    party.user_id, party.user_type
                ),
            ));
        } else if !receivers.contains(party) {
            receivers.push(party.clone());
        }
    }
    if let Some(channel) = reply
        .sales_channel
        .as_deref()
        .filter(|c| *c != discussion.sales_channel)
    {
        problems.push(problem(
            Location::Body,
            "salesChannel",
            channel,
            format!(
                "must be the discussion's sales channel, {}",
                discussion.sales_channel
            ),
        ));
    }
    if problems.is_empty() {
        Ok(receivers)
    } else {
        Err(HttpError::invalid(problems))
    }
}

/// Every check's problems in one answer (a 413 outranks a 400).
fn merged(results: Vec<Result<(), HttpError>>) -> Result<(), HttpError> {
    results
        .into_iter()
        .filter_map(Result::err)
        .reduce(HttpError::and)
        .map_or(Ok(()), Err)
}

/// "Add a message to an existing discussion" (`POST /messages`): the seller's reply, with
/// up to 3 files in base64; the discussion becomes Treated. The sender is the signed-in
/// agent, whatever `userId` the body names; a vendor call (`--vendor-auth`) has no agent,
/// so its body's `userId` stands, as Octopia reads it.
pub async fn add_message(
    State(state): State<AppState>,
    caller: Caller,
    correlation: Option<Extension<CorrelationId>>,
    request: Request,
) -> Result<Response, HttpError> {
    let trace_id = correlation.map(|Extension(id)| id.0).unwrap_or_default();
    let body = read_json(request, MESSAGE_BODY_LIMIT)
        .await
        .map_err(reply_too_large)?;
    let mut dto: NewMessageDto = extract::object_from_value(body, ROOT)?;
    if let Caller::Agent(agent) = caller {
        dto.user_id = Some(agent.id);
    }
    let mut problems = Problems::default();
    let reply = input::reply(&dto, &mut problems);
    let checked = problems.finish();
    let now = format_instant(Utc::now());
    let files = prepare_files(std::mem::take(&mut dto.attachments), now.clone()).await;
    state
        .store
        .run(move |conn| {
            let (files, files_checked) = match &files {
                Ok(files) => (files.as_slice(), Ok(())),
                Err(error) => (&[][..], Err(error.clone())),
            };
            let Some(discussion_id) = reply.discussion_id.clone() else {
                return merged(vec![checked.clone(), files_checked]);
            };
            let Some(discussion) = store::get_discussion(conn, &discussion_id)? else {
                // The request's own problems first; then the unknown id.
                merged(vec![checked.clone(), files_checked])?;
                return Err(discussion_not_found(
                    Location::Body,
                    "discussionId",
                    &discussion_id,
                ));
            };
            let receivers = check_against(&discussion, &reply);
            let receivers_checked = receivers.as_ref().map(|_| ()).map_err(Clone::clone);
            merged(vec![checked.clone(), files_checked, receivers_checked])?;
            let sender_name =
                people::agent_name(conn, &reply.user_id)?.unwrap_or_else(|| reply.user_id.clone());
            let message = MessageRecord {
                id: new_id(),
                discussion_id: discussion.id.clone(),
                body: reply.body.trim().to_owned(),
                sender_id: reply.user_id.clone(),
                sender_name,
                user_type: UserType::Seller.to_string(),
                created_at: now.clone(),
                // The seller has read what the seller wrote.
                has_read: true,
                receivers: receivers.unwrap_or_default(),
                attachments: Vec::new(),
            };
            store::insert_message(conn, &message)?;
            store::insert_message_files(conn, &message.id, files)?;
            store::set_discussion_status(
                conn,
                &discussion.id,
                ProcessStatus::Treated.as_str(),
                &now,
            )?;
            Ok(())
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(output::message_created(&trace_id)),
    )
        .into_response())
}
