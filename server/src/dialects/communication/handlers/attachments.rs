//! `GET /attachments/{attachment-id}`: a message's file, by the `href` each attachment
//! carries. The vendor's document names no download route, but the files are the
//! vendor's (sent with its messages), so this is our reading of where the vendor serves
//! them, not Switchboard's own state: it is a vendor route, forwarded in gateway mode.

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
