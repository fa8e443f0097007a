//! Mentions, as Switchboard's server keeps them (`docs/notes.md`): the signed-in agent's
//! list of notes that name them, and telling the server they opened a conversation.

use super::http::Client;
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::lenient::readable;
use switchboard_core::mentions::{Mentions, MENTIONS_PATH};

/// `/api/mentions` speaks Switchboard's own error body.
const MENTIONS: Client = Client::new(decode_error);

/// What the server answers, each mention read apart.
#[derive(serde::Deserialize)]
struct Answer {
    #[serde(default)]
    unseen: u64,
    #[serde(default)]
    items: Vec<serde_json::Value>,
}

/// The notes that name the signed-in agent, newest first, and how many are unseen. A
/// mention this console cannot read (a newer server's) is left out, never the list.
pub async fn mentions(origin: &str) -> Result<Mentions, ApiError> {
    let answer: Answer = MENTIONS
        .get_json(&format!("{origin}{MENTIONS_PATH}"))
        .await?;
    Ok(Mentions {
        unseen: answer.unseen,
        items: readable(answer.items),
    })
}

/// The agent has opened this conversation: its mentions of them are seen.
pub async fn seen(origin: &str, backend: &str, conversation: &str) -> Result<(), ApiError> {
    let url = format!(
        "{origin}{MENTIONS_PATH}/{}/{}/seen",
        encode_path_segment(backend),
        encode_path_segment(conversation)
    );
    MENTIONS.put_empty(&url).await
}
