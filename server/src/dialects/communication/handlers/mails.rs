//! The mail routes: stored and read back, never sent.

use super::super::{input, output, store};
use super::{created, new_id, now};
use crate::http::extract::{ApiJson, PathId};
use crate::http::{HttpError, Location};
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use switchboard_core::wire::communication::MailDto;

/// "Create a mail": stored, never sent.
pub async fn create_mail(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<MailDto>,
) -> Result<Response, HttpError> {
    let record = input::mail(body, new_id(), &now())?;
    let record = state
        .store
        .run(move |conn| {
            store::insert_mail(conn, &record)?;
            Ok::<_, HttpError>(record.clone())
        })
        .await?;
    let path = output::mail_path(&record.id);
    Ok(created(&path, output::mail_with_links(record)))
}

/// "Get a mail".
pub async fn get_mail(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<MailDto>, HttpError> {
    input::path_id("id", &id)?;
    let record = state
        .store
        .run(move |conn| {
            store::get_mail(conn, &id)?
                .ok_or_else(|| HttpError::not_found("mail", Location::Path, "id", &id))
        })
        .await?;
    Ok(Json(output::mail_with_links(record)))
}
