//! The case messages handlers, one per endpoint of `case-messages-v3.txt` as
//! `docs/backends/case-messages.md` routes it: each checks its request (`input`), runs its
//! store work in a transaction, and shapes the answer (`output`). Every case written
//! through them is followed, so the team's inbox lists it.

use super::input::{self, NewMessage, ROOT};
use super::store::{self, CaseRecord, MessageFields, MessageRecord};
use super::{output, NAME, PARTNER_ACCOUNT_ID};
use crate::http::extract::{self, QueryParams};
use crate::http::signed_in::Caller;
use crate::http::{HttpError, Location};
use crate::store::{follows, Tx};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use serde_json::Value;
use switchboard_core::session::SessionAgent;
use switchboard_core::wire::case_messages::{
    CaseMessageDto, ConfirmResultDto, SenderType, GUID_PARAM, NOT_FOUND, NO_ACCESS,
};
use switchboard_core::wire::format_instant;

/// A JSON body of any shape (`confirm`'s is an array), within the server's body limit.
async fn read_json(request: Request) -> Result<Value, HttpError> {
    if !extract::is_json(request.headers()) {
        return Err(HttpError::unsupported_media_type());
    }
    let bytes = extract::read_within(request, crate::BODY_LIMIT_BYTES).await?;
    extract::parse_value(&bytes, ROOT)
}

/// The case with `guid`, if this partner may read it: 404 when no case has it, 403 when it
/// is another partner's.
fn load_case(conn: &Tx, guid: &str, location: Location) -> Result<CaseRecord, HttpError> {
    let Some(case) = store::case_by_guid(conn, guid)? else {
        let mut error = HttpError::not_found("case", location, GUID_PARAM, guid);
        error.message = format!("No case has the guid \"{guid}\".");
        return Err(error);
    };
    if case.partner_account_id != PARTNER_ACCOUNT_ID {
        return Err(HttpError::forbidden(format!(
            "No access to the case with the guid \"{guid}\": it is another service partner's."
        )));
    }
    Ok(case)
}

/// "Add a new message to specific Case" (`POST /case-messages/create`). The author is the
/// signed-in agent, for the service partner: `senderType` `partner`, the partner's
/// `senderAccountId`, the agent's email and name as `userEmail` and `userName` (whatever
/// the body says). A vendor call (`--vendor-auth`) has no agent: its body's `userEmail`
/// and `userName` stand, as the vendor reads them. A repeated `externalId` on the same
/// case answers the message it already names (200) instead of adding another; a new
/// message is a 201.
pub async fn create_message(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Response, HttpError> {
    let body = read_json(request).await?;
    let new = input::create(body)?;
    let now = format_instant(Utc::now());
    let agent = match caller {
        Caller::Agent(agent) => Some(agent),
        Caller::Vendor => None,
    };
    let (created, record) = state
        .store
        .run(move |conn| create_in(conn, new.clone(), agent.as_ref(), &now))
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(output::message(record))).into_response())
}

/// The store work of `create`: whether a message was added, and the message answered.
fn create_in(
    conn: &Tx,
    new: NewMessage,
    agent: Option<&SessionAgent>,
    now: &str,
) -> Result<(bool, MessageRecord), HttpError> {
    let case = load_case(conn, &new.guid, Location::Body)?;
    follows::follow(conn, NAME, &case.guid, now, None)?;
    if let Some(external_id) = &new.external_id {
        if let Some(existing) = store::message_by_external_id(conn, case.id, external_id)? {
            return Ok((false, existing));
        }
    }
    if let Some(parent) = new.parent_message_id {
        let of_this_case =
            store::message(conn, parent)?.is_some_and(|m| m.fields.case_id == case.id);
        if !of_this_case {
            return Err(HttpError::invalid_field(
                Location::Body,
                "parentMessageId",
                &parent.to_string(),
                "must be the id of a message of this case",
            ));
        }
    }
    let id = store::insert_message(
        conn,
        None,
        &MessageFields {
            case_id: case.id,
            parent_message_id: new.parent_message_id,
            sender_account_id: Some(PARTNER_ACCOUNT_ID),
            sender_type: Some(SenderType::Partner.to_string()),
            content: new.content,
            kind: new.kind,
            external_id: new.external_id,
            user_email: agent.map_or(new.user_email, |agent| Some(agent.email.clone())),
            user_name: agent.map_or(new.user_name, |agent| Some(agent.name.clone())),
            agent_id: agent.map(|agent| agent.id.clone()),
            declared_at: new.declared_at.unwrap_or_else(|| now.to_owned()),
            confirmed_at: None,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
        },
    )?;
    let record = store::message(conn, id)?
        .ok_or_else(|| HttpError::internal(format!("message {id} vanished once written")))?;
    Ok((true, record))
}

/// "Get all messages attached to specific Case" (`GET /case-messages?guid=`): oldest
/// first. `accessToken` is not read.
pub async fn list_messages(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<Vec<CaseMessageDto>>, HttpError> {
    let guid = input::guid_query(&query)?;
    let messages = state
        .store
        .run(move |conn| {
            let case = load_case(conn, &guid, Location::Query)?;
            Ok::<_, HttpError>(store::messages_of(conn, case.id)?)
        })
        .await?;
    Ok(Json(messages.into_iter().map(output::message).collect()))
}

/// Why an id was not processed when the store failed on it or before it.
pub const NOT_PROCESSED: &str = "Not processed: the server failed; try again";

/// "Confirm messages" (`POST /case-messages/confirm`): each id in its own transaction, so
/// what was confirmed stays confirmed whatever fails later ("No rollback will be
/// performed"). An unknown id is `Not found`, a message of another partner's case `No
/// access`; if the store fails, that id and the ones after it are reported unprocessed.
/// Always 200 with `success: true` once the body is valid.
pub async fn confirm_messages(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<ConfirmResultDto>, HttpError> {
    let body = read_json(request).await?;
    let ids = input::confirm_ids(body)?;
    let mut failures: Vec<(i64, &'static str)> = Vec::new();
    for (index, id) in ids.iter().copied().enumerate() {
        let now = format_instant(Utc::now());
        let outcome = state
            .store
            .run(move |conn| confirm_one(conn, id, &now))
            .await;
        match outcome {
            Ok(None) => {}
            Ok(Some(why)) => failures.push((id, why)),
            Err(error) => {
                log_failure(&error);
                failures.extend(ids[index..].iter().map(|id| (*id, NOT_PROCESSED)));
                break;
            }
        }
    }
    Ok(Json(output::confirmed(failures)))
}

/// Confirms one message; why not, when it cannot.
fn confirm_one(conn: &Tx, id: i64, now: &str) -> Result<Option<&'static str>, HttpError> {
    match store::owner_of_message(conn, id)? {
        None => Ok(Some(NOT_FOUND)),
        Some((owner, _)) if owner != PARTNER_ACCOUNT_ID => Ok(Some(NO_ACCESS)),
        Some((_, guid)) => {
            store::confirm(conn, id, now)?;
            follows::follow(conn, NAME, &guid, now, None)?;
            Ok(None)
        }
    }
}

/// A store failure inside a 200 is not seen by the error layer: log it here.
fn log_failure(error: &HttpError) {
    eprintln!("case-messages confirm: {error}");
}
