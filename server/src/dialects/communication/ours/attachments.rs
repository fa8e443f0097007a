//! `GET /attachments/{attachment-id}`, Switchboard's own route: the vendor's document has
//! no attachments, so a message's files (sent with it, riding along on the vendor's
//! routes) are downloaded here, by the `href` each attachment carries.

use super::super::{input, output, store};
use crate::http::extract::PathId;
use crate::http::{HttpError, Location};
use crate::AppState;
use axum::extract::State;
use axum::response::Response;

const ATTACHMENT_ID_FIELD: &str = "attachment-id";

/// A message's file, downloaded (the `href` of an attachment).
pub async fn get_attachment(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Response, HttpError> {
    input::path_id(ATTACHMENT_ID_FIELD, &id)?;
    let (record, data) = state
        .store
        .run(move |conn| {
            store::get_attachment(conn, &id)?.ok_or_else(|| {
                HttpError::not_found("attachment", Location::Path, ATTACHMENT_ID_FIELD, &id)
            })
        })
        .await?;
    output::download(record, data)
}
