//! Presence, as Switchboard's server keeps it (`docs/presence.md`): who is on which
//! conversation now, and this console saying where its agent is and whether they write.

use super::http::Client;
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::lenient::readable;
use switchboard_core::presence::{Presence, PresenceState, SetPresence, PRESENCE_PATH};

/// `/api/presence` speaks Switchboard's own error body.
const PRESENCE: Client = Client::new(decode_error);

fn conversation_url(origin: &str, backend: &str, conversation: &str) -> String {
    format!(
        "{origin}{PRESENCE_PATH}/{}/{}",
        encode_path_segment(backend),
        encode_path_segment(conversation)
    )
}

/// Everyone on a conversation now. A row this console cannot read (a newer server's
/// state) is left out, never the whole list.
pub async fn everyone(origin: &str) -> Result<Vec<Presence>, ApiError> {
    let rows = PRESENCE
        .get_json(&format!("{origin}{PRESENCE_PATH}"))
        .await?;
    Ok(readable(rows))
}

/// Says the agent is on the conversation, doing `state`.
pub async fn say(
    origin: &str,
    backend: &str,
    conversation: &str,
    state: PresenceState,
) -> Result<(), ApiError> {
    let url = conversation_url(origin, backend, conversation);
    PRESENCE.put_json(&url, &SetPresence { state }).await
}

/// Says the agent left the conversation.
pub async fn leave(origin: &str, backend: &str, conversation: &str) -> Result<(), ApiError> {
    PRESENCE
        .delete(&conversation_url(origin, backend, conversation))
        .await
}
