//! Saved replies, as Switchboard's server keeps them (`docs/saved-replies.md`): the team's
//! and the agent's own, read when the picker opens or the settings page shows; created at
//! an id chosen here, changed on the revision the agent saw.

use super::http::{Client, Method};
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::lenient::readable;
use switchboard_core::saved_replies::{
    SavedReply, SavedReplyChange, SavedReplyEdit, SAVED_REPLIES_PATH,
};

/// `/api/saved-replies` speaks Switchboard's own error body.
const SAVED: Client = Client::new(decode_error);

fn reply_url(origin: &str, id: &str) -> String {
    format!("{origin}{SAVED_REPLIES_PATH}/{}", encode_path_segment(id))
}

/// The team's replies and the agent's own, retired ones too. One the console cannot read
/// (a newer server's) is left out, never the list.
pub async fn saved_replies(origin: &str) -> Result<Vec<SavedReply>, ApiError> {
    let rows: Vec<serde_json::Value> = SAVED
        .get_json(&format!("{origin}{SAVED_REPLIES_PATH}"))
        .await?;
    Ok(readable(rows))
}

/// Creates the reply at `id` (a UUID made once per new reply) or changes it; the reply kept.
pub async fn put_saved_reply(
    origin: &str,
    id: &str,
    edit: &SavedReplyEdit,
) -> Result<SavedReply, ApiError> {
    SAVED
        .send_json(Method::Put, &reply_url(origin, id), edit)
        .await
}

/// Every change of one reply, newest first.
pub async fn history(origin: &str, id: &str) -> Result<Vec<SavedReplyChange>, ApiError> {
    let rows: Vec<serde_json::Value> = SAVED
        .get_json(&format!("{}/history", reply_url(origin, id)))
        .await?;
    Ok(readable(rows))
}
