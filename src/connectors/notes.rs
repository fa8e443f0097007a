//! Internal notes, as Switchboard's server keeps them beside every backend's conversations
//! (`docs/notes.md`): read with the thread, added at an id chosen here before sending, so a
//! retry after a lost answer keeps the note once.

use super::http::{Client, Method};
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::notes::{notes_path, NewNote, Note};

/// `/api/notes` speaks Switchboard's own error body.
const NOTES: Client = Client::new(decode_error);

fn conversation_url(origin: &str, backend: &str, conversation: &str) -> String {
    format!(
        "{origin}{}",
        notes_path(
            &encode_path_segment(backend),
            &encode_path_segment(conversation)
        )
    )
}

/// The conversation's notes, oldest first.
pub async fn notes(origin: &str, backend: &str, conversation: &str) -> Result<Vec<Note>, ApiError> {
    NOTES
        .get_json(&conversation_url(origin, backend, conversation))
        .await
}

/// Adds a note at `id` (a UUID made once per note, kept across retries), naming the agents
/// of `mentions`; the note kept.
pub async fn add_note(
    origin: &str,
    backend: &str,
    conversation: &str,
    id: &str,
    body: &str,
    mentions: Vec<String>,
) -> Result<Note, ApiError> {
    let url = format!(
        "{}/{}",
        conversation_url(origin, backend, conversation),
        encode_path_segment(id)
    );
    let body = NewNote {
        body: body.to_owned(),
        mentions,
    };
    NOTES.send_json(Method::Put, &url, &body).await
}
