//! The customer's follow-up link over a forwarded communication API: the link is ours (in
//! our store, [`follow_up::use_forwarded_link`]), the conversation the vendor's. Each
//! route reads and writes through the backend's vendor client, with the team's
//! credentials, and answers what the embedded routes answer ([`super::follow_up`]): the
//! same view, the same one 404 for a link that opens nothing. Never through the answers
//! shared between agents: a customer's conversation is read afresh, for them alone.

use super::super::output::conversation_path;
use super::super::store::follow_up::{self, ForwardedLink};
use super::super::DIALECT;
use super::follow_up::{no_conversation, not_stored, MAX_SHOWN};
use crate::http::HttpError;
use crate::store::files::NewFile;
use crate::store::{identities, people};
use crate::upstream::forward::failed;
use crate::upstream::{Call, Outgoing, Upstream};
use crate::AppState;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use switchboard_core::follow_up::{Author, FollowUp, FollowUpAttachment, FollowUpMessage};
use switchboard_core::wire::communication::{
    ConversationDto, ConversationStatusDto, MessageDto, PageDto, TransmitterType, FILES_PART,
    MAX_PAGE_SIZE, MESSAGE_PART,
};

/// The vendor, as one customer's request reaches it.
pub struct Vendor {
    pub upstream: Arc<Upstream>,
    pub correlation_id: String,
}

/// What failed: an answer for the customer, in the dialect's shape.
type Refused = Response;

impl Vendor {
    fn call(&self, method: Method, path: String, query: Option<String>) -> Call {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        Call {
            method,
            path,
            query,
            headers,
            correlation_id: self.correlation_id.clone(),
        }
    }

    /// A read, as JSON; the vendor's 404 is the link's (its conversation is gone).
    async fn get<T: DeserializeOwned>(
        &self,
        path: String,
        query: Option<String>,
    ) -> Result<T, Refused> {
        let answer = self
            .upstream
            .fetch_whole(&self.call(Method::GET, path, query))
            .await
            .map_err(|failure| failed(&failure))?;
        if answer.status == StatusCode::NOT_FOUND {
            return Err(no_conversation().into_response());
        }
        if !answer.status.is_success() {
            return Err(refused_by_vendor(answer.status));
        }
        serde_json::from_slice(&answer.body).map_err(|error| {
            HttpError::upstream(
                StatusCode::BAD_GATEWAY,
                format!("The communication API's answer could not be read: {error}"),
            )
            .into_response()
        })
    }

    /// A write, its body held (a retry after a token refresh sends it again); any failure
    /// is the customer's answer. What agents were shared is forgotten: it changed.
    async fn write(
        &self,
        method: Method,
        path: String,
        content_type: &str,
        body: Vec<u8>,
    ) -> Result<(), Refused> {
        let mut call = self.call(method, path, None);
        if let Ok(value) = HeaderValue::from_str(content_type) {
            call.headers.insert(header::CONTENT_TYPE, value);
        }
        let result = self
            .upstream
            .send(&call, Outgoing::Bytes(body.into()))
            .await;
        self.upstream.forget_shared();
        let response = result.map_err(|failure| failed(&failure))?;
        if response.status() == StatusCode::NOT_FOUND {
            return Err(no_conversation().into_response());
        }
        if !response.status().is_success() {
            return Err(refused_by_vendor(response.status()));
        }
        Ok(())
    }
}

/// A vendor's refusal the customer can do nothing about, in words.
fn refused_by_vendor(status: StatusCode) -> Response {
    HttpError::upstream(
        StatusCode::BAD_GATEWAY,
        format!("The communication API answered {status}: try again in a moment."),
    )
    .into_response()
}

/// The vendor conversation a live token opens (renewed until `renewed_until`), or the one
/// 404 for every other token.
pub async fn linked(
    state: &AppState,
    token: String,
    renewed_until: String,
) -> Result<ForwardedLink, Refused> {
    let now = super::super::handlers::now();
    state
        .store
        .run(move |conn| {
            follow_up::use_forwarded_link(conn, &token, &now, &renewed_until)?
                .ok_or_else(no_conversation)
        })
        .await
        .map_err(IntoResponse::into_response)
}

/// `GET /follow-up/{token}`, forwarded.
pub async fn read(
    state: &AppState,
    vendor: &Vendor,
    token: String,
    expires_at: String,
) -> Response {
    let view = async {
        let link = linked(state, token, expires_at.clone()).await?;
        view(state, vendor, &link, expires_at).await
    };
    match view.await {
        Ok(view) => not_stored(axum::Json(view).into_response()),
        Err(refused) => refused,
    }
}

/// `POST /follow-up/{token}/messages`, forwarded, its text and files already checked: the
/// customer's message, as the conversation's customer, and the conversation opened again
/// when it was not (as the embedded route does).
pub async fn write(
    state: &AppState,
    vendor: &Vendor,
    token: String,
    text: String,
    files: Vec<NewFile>,
    expires_at: String,
) -> Response {
    let written = async {
        let link = linked(state, token, expires_at.clone()).await?;
        let path = conversation_path(&link.conversation_id);
        let conversation: Value = vendor.get(path.clone(), None).await?;
        let message = json!({
            "content": text,
            "contentType": "TEXT",
            "transmitterType": TransmitterType::Customer.to_string(),
            "transmitterId": conversation["customerId"],
        });
        let (content_type, body) = message_body(&message, &files);
        vendor
            .write(
                Method::POST,
                format!("{path}/messages"),
                &content_type,
                body,
            )
            .await?;
        reopen(vendor, &path, conversation).await?;
        view(state, vendor, &link, expires_at).await
    };
    match written.await {
        Ok(view) => not_stored((StatusCode::CREATED, axum::Json(view)).into_response()),
        Err(refused) => refused,
    }
}

/// A closed or archived conversation opened again (its `PUT` replaces it: the
/// conversation as read, with the status changed).
async fn reopen(vendor: &Vendor, path: &str, mut conversation: Value) -> Result<(), Refused> {
    let open = ConversationStatusDto::Open.to_string();
    if conversation["status"].as_str() == Some(open.as_str()) {
        return Ok(());
    }
    if let Some(fields) = conversation.as_object_mut() {
        fields.remove("links");
        fields.insert("status".to_owned(), Value::String(open));
    }
    let body =
        serde_json::to_vec(&conversation).map_err(|e| HttpError::internal(e).into_response())?;
    vendor
        .write(Method::PUT, path.to_owned(), "application/json", body)
        .await
}

/// The message alone as JSON, or as the `message` part beside its `files`.
fn message_body(message: &Value, files: &[NewFile]) -> (String, Vec<u8>) {
    let json = message.to_string().into_bytes();
    if files.is_empty() {
        return ("application/json".to_owned(), json);
    }
    let boundary = format!("switchboard-{}", uuid::Uuid::new_v4().simple());
    let mut body = Vec::new();
    let mut part = |disposition: String, media_type: &str, data: &[u8]| {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        body.extend_from_slice(
            format!("Content-Disposition: form-data; {disposition}\r\n").as_bytes(),
        );
        body.extend_from_slice(format!("Content-Type: {media_type}\r\n\r\n").as_bytes());
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    };
    part(
        format!("name=\"{MESSAGE_PART}\""),
        "application/json",
        &json,
    );
    for file in files {
        let name = quoted(&file.record.name);
        let disposition = format!("name=\"{FILES_PART}\"; filename=\"{name}\"");
        part(disposition, &file.record.media_type, &file.data);
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A file's name inside a quoted header parameter: no quote, backslash or line break.
fn quoted(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == '"' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// `GET /follow-up/{token}/attachments/{id}`, forwarded: only a file of a message of the
/// link's conversation (the embedded route's check), downloaded as an agent's would be.
pub async fn attachment(
    state: &AppState,
    vendor: &Vendor,
    token: String,
    id: String,
    expires_at: String,
) -> Response {
    let fetched = async {
        let link = linked(state, token, expires_at).await?;
        let messages = messages(vendor, &link.conversation_id).await?;
        let known = messages
            .iter()
            .flat_map(|message| &message.attachments)
            .any(|file| file.id.as_deref() == Some(id.as_str()));
        let not_found = || {
            HttpError::not_found("attachment", crate::http::Location::Path, "id", &id)
                .into_response()
        };
        if !known {
            return Err(not_found());
        }
        let path = super::super::output::attachment_path(&id);
        let answer = vendor
            .upstream
            .fetch_whole(&vendor.call(Method::GET, path, None))
            .await
            .map_err(|failure| failed(&failure))?;
        match answer.status {
            StatusCode::NOT_FOUND => Err(not_found()),
            status if !status.is_success() => Err(refused_by_vendor(status)),
            _ => Ok(download(&answer.headers, answer.body.clone())),
        }
    };
    match fetched.await {
        Ok(file) | Err(file) => not_stored(file),
    }
}

/// The vendor's file as the embedded download answers one: its type and name, sandboxed,
/// never sniffed.
fn download(vendor_headers: &reqwest::header::HeaderMap, data: axum::body::Bytes) -> Response {
    let mut response = Response::new(Body::from(data));
    let headers = response.headers_mut();
    for name in [header::CONTENT_TYPE, header::CONTENT_DISPOSITION] {
        if let Some(value) = vendor_headers.get(&name) {
            headers.insert(name, value.clone());
        }
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    response
}

/// `DELETE /conversations/{id}/follow-up-links`, forwarded: the conversation must be the
/// vendor's (its 404 otherwise), the links are ours.
pub async fn revoke(state: &AppState, vendor: &Vendor, id: String) -> Response {
    let revoked = async {
        let _: Value = vendor
            .get(conversation_path(&id), None)
            .await
            .map_err(|refused| match refused.status() {
                StatusCode::NOT_FOUND => HttpError::not_found(
                    "conversation",
                    crate::http::Location::Path,
                    "conversation-id",
                    &id,
                )
                .into_response(),
                _ => refused,
            })?;
        let now = super::super::handlers::now();
        state
            .store
            .run(move |conn| Ok::<_, HttpError>(follow_up::revoke_forwarded(conn, &id, &now)?))
            .await
            .map_err(IntoResponse::into_response)?;
        Ok::<_, Refused>(StatusCode::NO_CONTENT.into_response())
    };
    match revoked.await {
        Ok(answer) | Err(answer) => answer,
    }
}

/// The conversation's latest messages, oldest first.
async fn messages(vendor: &Vendor, conversation_id: &str) -> Result<Vec<MessageDto>, Refused> {
    let size = MAX_SHOWN.min(MAX_PAGE_SIZE);
    let page: PageDto<MessageDto> = vendor
        .get(
            format!("{}/messages", conversation_path(conversation_id)),
            Some(format!("currentPage=0&sizePage={size}")),
        )
        .await?;
    let mut messages = page.content;
    // RFC 3339 in UTC sorts as text; the vendor's page order is not relied on.
    messages.sort_by(|a, b| a.sending_date.cmp(&b.sending_date));
    Ok(messages)
}

/// What the customer sees, as the embedded view shapes it: their messages and support's;
/// the reference they were given, else the conversation's.
async fn view(
    state: &AppState,
    vendor: &Vendor,
    link: &ForwardedLink,
    expires_at: String,
) -> Result<FollowUp, Refused> {
    let conversation: ConversationDto = vendor
        .get(conversation_path(&link.conversation_id), None)
        .await?;
    let messages = messages(vendor, &link.conversation_id).await?;
    let names = agent_names(state).await?;
    let customer_name = conversation
        .extra
        .get("customerName")
        .and_then(Value::as_str)
        .unwrap_or("You")
        .to_owned();
    let shown = messages
        .into_iter()
        .filter_map(|message| shown(message, &customer_name, &names));
    Ok(FollowUp {
        reference: link
            .reference
            .clone()
            .or(conversation.trip_reference)
            .unwrap_or_default(),
        open: conversation.status == Some(ConversationStatusDto::Open),
        messages: shown.collect(),
        link_expires_at: Some(expires_at),
    })
}

/// One message as the customer sees it; `None` for a system note (support's business).
fn shown(
    message: MessageDto,
    customer_name: &str,
    names: &HashMap<String, String>,
) -> Option<FollowUpMessage> {
    let author = match message.transmitter_type {
        Some(TransmitterType::Customer) => Author::Customer,
        Some(TransmitterType::Agent) => Author::Agent,
        _ => return None,
    };
    let author_name = match author {
        Author::Customer => customer_name.to_owned(),
        Author::Agent => message
            .transmitter_id
            .as_ref()
            .and_then(|id| names.get(id))
            .cloned()
            .unwrap_or_else(|| "Support".to_owned()),
    };
    let attachments = message
        .attachments
        .into_iter()
        .map(|file| FollowUpAttachment {
            id: file.id.unwrap_or_default(),
            name: file.file_name.unwrap_or_default(),
            media_type: file.media_type.unwrap_or_default(),
            size: file.size,
        });
    Some(FollowUpMessage {
        id: message.id.unwrap_or_default(),
        author,
        author_name,
        body: message.content.unwrap_or_default(),
        sent_at: message.sending_date.unwrap_or_default(),
        attachments: attachments.collect(),
    })
}

/// Agents' names as a customer sees them, by their id on the vendor (their identity) and
/// by their id here.
async fn agent_names(state: &AppState) -> Result<HashMap<String, String>, Refused> {
    state
        .store
        .run(|conn| {
            let mut names = HashMap::new();
            for identity in identities::list(conn)? {
                if identity.backend != DIALECT.name {
                    continue;
                }
                if let Some(name) = people::agent_name(conn, &identity.agent_id)? {
                    names.insert(identity.agent_id, name.clone());
                    names.insert(identity.vendor_id, name);
                }
            }
            Ok::<_, HttpError>(names)
        })
        .await
        .map_err(IntoResponse::into_response)
}
