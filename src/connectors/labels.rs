//! Labels, as Switchboard's server keeps them (`docs/labels.md`): the team's, creating one,
//! and the labels on conversations.

use super::http::{Client, Method};
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::labels::{
    ConversationLabels, Label, LabelRequest, CONVERSATION_LABELS_PATH, LABELS_PATH,
};
use switchboard_core::lenient::readable;

/// Both paths speak Switchboard's own error body.
const LABELS: Client = Client::new(decode_error);

/// The team's labels, by name. One this console cannot read is left out.
pub async fn team_labels(origin: &str) -> Result<Vec<Label>, ApiError> {
    let rows: Vec<serde_json::Value> = LABELS.get_json(&format!("{origin}{LABELS_PATH}")).await?;
    Ok(readable(rows))
}

/// Creates the label at `id` (a UUID this console chose), or changes it; the label kept.
pub async fn put_label(origin: &str, id: &str, request: &LabelRequest) -> Result<Label, ApiError> {
    let url = format!("{origin}{LABELS_PATH}/{}", encode_path_segment(id));
    LABELS.send_json(Method::Put, &url, request).await
}

/// Every labelled conversation of `backend`, with its labels.
pub async fn labelled(origin: &str, backend: &str) -> Result<Vec<ConversationLabels>, ApiError> {
    let url = format!(
        "{origin}{CONVERSATION_LABELS_PATH}/{}",
        encode_path_segment(backend)
    );
    let rows: Vec<serde_json::Value> = LABELS.get_json(&url).await?;
    Ok(readable(rows))
}

fn conversation_url(origin: &str, backend: &str, conversation: &str) -> String {
    format!(
        "{origin}{CONVERSATION_LABELS_PATH}/{}/{}",
        encode_path_segment(backend),
        encode_path_segment(conversation)
    )
}

/// The conversation's labels.
pub async fn labels_of(
    origin: &str,
    backend: &str,
    conversation: &str,
) -> Result<ConversationLabels, ApiError> {
    LABELS
        .get_json(&conversation_url(origin, backend, conversation))
        .await
}

/// Puts `label` on the conversation (`on`) or takes it off; its labels now.
pub async fn set_label(
    origin: &str,
    backend: &str,
    conversation: &str,
    label: &str,
    on: bool,
) -> Result<ConversationLabels, ApiError> {
    let url = format!(
        "{}/{}",
        conversation_url(origin, backend, conversation),
        encode_path_segment(label)
    );
    let method = if on { Method::Put } else { Method::Delete };
    LABELS.send_empty(method, &url).await
}
