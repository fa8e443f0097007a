//! The contact form over a forwarded communication API: the vendor keeps the contact
//! message and the conversation it opens, Switchboard the customer's follow-up link. Once
//! the vendor accepted a `POST /contact-us` and named the conversation, this opens a link
//! to it in our store and answers the customer as the embedded route does (`{id,
//! sendingDate, links: [follow-up]}`, kept by no cache), so the contact page works
//! unchanged. A hook after the forward ([`crate::dialects::after_forward`]) rather than a
//! route of ours: the form's body (JSON or multipart, files and all) goes to the vendor
//! exactly as the gateway forwards any write, and only the answer is ours.

use super::super::handlers::now;
use super::super::output;
use super::super::store::follow_up::{self, ForwardedLink};
use super::follow_up::{link_expiry, not_stored};
use crate::dialects::after_forward::{read_whole, rebuilt, Forwarded};
use crate::http::HttpError;
use crate::AppState;
use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use futures_util::future::BoxFuture;
use switchboard_core::wire::communication::ContactMessageDto;

/// The communication dialect's hook after a forward: only a contact message the vendor
/// accepted is touched.
pub fn after_forward(
    state: AppState,
    seen: Forwarded,
    answer: Response,
) -> BoxFuture<'static, Response> {
    Box::pin(async move {
        let contact_form = seen.method == Method::POST && seen.segments() == ["contact-us"];
        if !contact_form || !answer.status().is_success() {
            return answer;
        }
        match with_link(&state, answer).await {
            Ok(answer) | Err(answer) => answer,
        }
    })
}

/// The customer's answer, with their link to the conversation the vendor opened.
async fn with_link(state: &AppState, answer: Response) -> Result<Response, Response> {
    let (mut parts, body) = read_whole(answer).await?;
    let contact = serde_json::from_slice::<ContactMessageDto>(&body).ok();
    let Some((contact, conversation_id)) = contact.and_then(|contact| {
        let id = contact
            .conversation_id
            .clone()
            .filter(|id| !id.is_empty())?;
        Some((contact, id))
    }) else {
        // Nothing to link to: the vendor's answer as it came, still a customer's own.
        return Ok(not_stored(rebuilt(parts, body)));
    };
    let link = ForwardedLink {
        conversation_id,
        reference: contact.id.clone(),
    };
    let (opened_at, expires_at) = (now(), link_expiry(state));
    let sending_date = contact.sending_date.unwrap_or_else(|| opened_at.clone());
    let token = state
        .store
        .run(move |conn| {
            Ok::<_, HttpError>(follow_up::open_forwarded_link(
                conn,
                &link,
                &opened_at,
                &expires_at,
            )?)
        })
        .await
        .map_err(IntoResponse::into_response)?;
    let dto = output::reference_for_customer(contact.id.unwrap_or_default(), sending_date, &token);
    let json =
        serde_json::to_vec(&dto).map_err(|error| HttpError::internal(error).into_response())?;
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(not_stored(rebuilt(parts, json.into())))
}
