//! Internal notes, as Switchboard's server keeps them beside every backend's conversations
//! (`docs/notes.md`): read with the thread, added at an id chosen here before sending, so a
//! retry after a lost answer keeps the note once. A note with files goes as a multipart
//! form, with progress, and its files' addresses are made absolute here.

use super::http::{Client, Method};
use super::upload::{put_multipart, UploadControl};
use crate::i18n::lang_now;
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text;
use switchboard_core::notes::{notes_path, NewNote, Note, NOTE_FILES_PART, NOTE_PART};
use web_sys::{File, FormData};

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
    let notes: Vec<Note> = NOTES
        .get_json(&conversation_url(origin, backend, conversation))
        .await?;
    Ok(notes.into_iter().map(|n| with_origin(n, origin)).collect())
}

/// A note's files are served under the server's paths: fetched from where the API is.
fn with_origin(mut note: Note, origin: &str) -> Note {
    for file in &mut note.attachments {
        file.resolve(origin);
    }
    note
}

/// A note about to be added: its id (a UUID made once per note, kept across retries), its
/// text, the agents it names, its files.
pub struct NewNoteWithFiles<'a> {
    pub id: &'a str,
    pub body: &'a str,
    pub mentions: Vec<String>,
    pub files: &'a [File],
}

/// Adds a note; the note kept. With files it goes as a multipart form (with progress).
pub async fn add_note(
    origin: &str,
    backend: &str,
    conversation: &str,
    note: NewNoteWithFiles<'_>,
    upload: &UploadControl,
) -> Result<Note, ApiError> {
    let url = format!(
        "{}/{}",
        conversation_url(origin, backend, conversation),
        encode_path_segment(note.id)
    );
    let body = NewNote {
        body: note.body.to_owned(),
        mentions: note.mentions,
    };
    let kept: Note = if note.files.is_empty() {
        NOTES.send_json(Method::Put, &url, &body).await?
    } else {
        let form = FormData::new().map_err(|_| ApiError::network("no FormData"))?;
        let json = serde_json::to_string(&body).map_err(|e| ApiError::malformed(e.to_string()))?;
        form.append_with_str(NOTE_PART, &json).map_err(|_| {
            ApiError::network(text(lang_now(), msg!("connector-message-not-prepared")))
        })?;
        for file in note.files {
            form.append_with_blob_and_filename(NOTE_FILES_PART, file, &file.name())
                .map_err(|_| {
                    ApiError::network(text(lang_now(), msg!("connector-file-not-prepared")))
                })?;
        }
        let answer = put_multipart(NOTES, &url, &form, upload).await?;
        serde_json::from_str(&answer).map_err(|e| ApiError::malformed(e.to_string()))?
    };
    Ok(with_origin(kept, origin))
}
