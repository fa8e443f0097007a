//! The contact-us routes: the public form (rate-limited, with its honeypot) and the
//! console's reads of what it received.

use super::super::contact::{record_contact, unrecorded_contact};
use super::super::input::{self, ContactRequest, CONVERSATION_PAGING};
use super::super::{output, reference, store, CONTACT_UPLOAD};
use super::{both, created, new_id, now, prepare_files};
use crate::auth::sessions::new_token;
use crate::http::extract::{self, PathId, QueryParams, WithFiles};
use crate::http::problems::Problems;
use crate::http::signed_in::VendorCall;
use crate::http::{HttpError, Location};
use crate::AppState;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::Json;
use switchboard_core::wire::communication::ContactMessageDto;

/// The path parameter of "get a contact-us message", as the document names it.
const CONTACT_ID_FIELD: &str = "contact_id";

/// "Create a contact-us message" (public), as JSON or multipart with files. Only the
/// form's fields are read ([`input::ContactRequest`]); it always opens a new conversation,
/// and the answer's `follow-up` link is the customer's private link to it
/// ([`super::super::ours::follow_up`]): Switchboard's, riding along on the vendor's route.
/// Limited per client address before its body is read ([`crate::auth::admission`], with
/// [`AppState::contact_limiter`]: 429 with `Retry-After` over it; refused ones count too). A filled honeypot (`website`) is answered as a success once the request passes the same
/// checks, and nothing is stored.
pub async fn create_contact(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, HttpError> {
    let lang = crate::http::lang::of(request.headers());
    let vendor_call = request.extensions().get::<VendorCall>().is_some();
    let WithFiles { body, files } =
        extract::json_or_multipart::<ContactRequest>(request, CONTACT_UPLOAD).await?;
    let from_a_robot = body.is_from_a_robot();
    let now = now();
    let (contact, attachments) = both(
        input::contact(body, lang),
        prepare_files(CONTACT_UPLOAD, files, now.clone(), lang).await,
    )?;
    if vendor_call && !from_a_robot {
        // A vendor call (this server as a gateway's upstream, `--vendor-auth`) is answered
        // as the vendor's document answers: the contact message and its conversation. The
        // follow-up link is the gateway's to open, in its own store.
        let record = state
            .store
            .run(move |conn| {
                record_contact(
                    conn,
                    contact.clone(),
                    &attachments,
                    &now,
                    &mut new_id,
                    &mut reference::random,
                )
            })
            .await?;
        let path = output::contact_path(&record.id);
        return Ok(created(&path, output::contact_with_links(record)));
    }
    let (record, token) = if from_a_robot {
        // A link that opens nothing, shaped like a real one.
        (unrecorded_contact(contact, &now, &mut new_id), new_token())
    } else {
        let expires_at = super::super::ours::follow_up::link_expiry(&state);
        state
            .store
            .run(move |conn| {
                let record = record_contact(
                    conn,
                    contact.clone(),
                    &attachments,
                    &now,
                    &mut new_id,
                    &mut reference::random,
                )?;
                let conversation_id = record.conversation_id.clone().unwrap_or_default();
                let token = store::follow_up::open_link(conn, &conversation_id, &now, &expires_at)?;
                Ok::<_, HttpError>((record, token))
            })
            .await?
    };
    let path = output::contact_path(&record.id);
    // The answer holds the customer's private link: no cache may keep a copy.
    Ok(super::super::ours::follow_up::not_stored(created(
        &path,
        output::contact_for_customer(record, &token),
    )))
}

/// "List contact-us messages": newest first, paged from 1.
pub async fn list_contacts(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<impl serde::Serialize>, HttpError> {
    let mut problems = Problems::default();
    let request = CONVERSATION_PAGING.read(&query, &mut problems);
    problems.finish()?;
    let slice = state
        .store
        .run(move |conn| {
            Ok::<_, HttpError>(store::list_contacts(
                conn,
                request.window(CONVERSATION_PAGING),
            )?)
        })
        .await?;
    Ok(Json(output::page(slice, request, output::contact)))
}

/// "Get a contact-us message".
pub async fn get_contact(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<ContactMessageDto>, HttpError> {
    input::path_id(CONTACT_ID_FIELD, &id)?;
    let record = state
        .store
        .run(move |conn| {
            store::get_contact(conn, &id)?.ok_or_else(|| {
                HttpError::not_found("contact message", Location::Path, CONTACT_ID_FIELD, &id)
            })
        })
        .await?;
    Ok(Json(output::contact_with_links(record)))
}
