//! Saved views, as Switchboard's server keeps them (`docs/saved-views.md`).

use super::http::{Client, Method};
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::lenient::readable;
use switchboard_core::saved_views::{SavedView, SavedViewRequest, SAVED_VIEWS_PATH};

/// `/api/saved-views` speaks Switchboard's own error body.
const VIEWS: Client = Client::new(decode_error);

/// The team's shared views and the agent's own. One this console cannot read is left out.
pub async fn saved_views(origin: &str) -> Result<Vec<SavedView>, ApiError> {
    let rows: Vec<serde_json::Value> = VIEWS
        .get_json(&format!("{origin}{SAVED_VIEWS_PATH}"))
        .await?;
    Ok(readable(rows))
}

fn view_url(origin: &str, id: &str) -> String {
    format!("{origin}{SAVED_VIEWS_PATH}/{}", encode_path_segment(id))
}

/// Creates the view at `id` (a UUID this console chose), or changes it; the view kept.
pub async fn put_view(
    origin: &str,
    id: &str,
    request: &SavedViewRequest,
) -> Result<SavedView, ApiError> {
    VIEWS
        .send_json(Method::Put, &view_url(origin, id), request)
        .await
}

/// Removes the view.
pub async fn remove_view(origin: &str, id: &str) -> Result<(), ApiError> {
    VIEWS.delete(&view_url(origin, id)).await
}
