//! Internal notes: what agents write to each other on a conversation of any backend.
//! They are Switchboard's own addition (`docs/notes.md`): kept by Switchboard's server
//! beside the vendor's conversation, shown to the team in the thread, never sent to a
//! vendor nor shown to a customer. The server and the console share these shapes.

use crate::attachments::{AttachmentPolicy, COMMUNICATION_POLICY};
use crate::domain::Attachment;
use crate::validation::limits::NOTE_MAX_CHARS;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a conversation's notes live: `/api/notes/{backend}/{conversation}`, and each note
/// at `/{note id}` under it.
pub const NOTES_PATH: &str = "/api/notes";

/// The kind of change a new note is on the server's event stream (`docs/events.md`).
pub const NOTE_CHANGE: &str = "note";

/// A note's files: checked as an agent's reply with files is (the widest of the replies'
/// policies, so every backend's notes take the same), in the browser and on the server.
pub const NOTE_ATTACHMENT_POLICY: AttachmentPolicy = COMMUNICATION_POLICY;

/// A note with files is `multipart/form-data`: the note's JSON in this part…
pub const NOTE_PART: &str = "note";

/// …and each file in a part of this name.
pub const NOTE_FILES_PART: &str = "files";

/// The path of one conversation's notes (each segment percent-encoded by the caller).
pub fn notes_path(backend: &str, conversation: &str) -> String {
    format!("{NOTES_PATH}/{backend}/{conversation}")
}

/// One internal note, as the server keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Chosen by the console before it sends (a UUID), so a retry stores it once.
    pub id: String,
    /// The agent who wrote it, as the directory names agents (`/api/agents`).
    pub author_id: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// The agents it names (`crate::mentions`), as the directory names them.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// Its files, each `url` the path of its download under the note
    /// (`/{note id}/files/{file id}`), which the console makes absolute.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// What the console sends to add a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewNote {
    pub body: String,
    /// The agents whose `@Name` the text holds (`crate::mentions::mentioned`).
    #[serde(default)]
    pub mentions: Vec<String>,
}

/// Why a note's text cannot be kept, if it cannot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteProblem {
    Empty,
    TooLong,
}

/// Checks a note's text as both the console and the server do.
pub fn check_note(body: &str) -> Result<(), NoteProblem> {
    if body.trim().is_empty() {
        Err(NoteProblem::Empty)
    } else if body.chars().count() > NOTE_MAX_CHARS {
        Err(NoteProblem::TooLong)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_needs_words_and_no_more_than_a_reply_may_hold() {
        assert_eq!(check_note("  \n "), Err(NoteProblem::Empty));
        assert_eq!(
            check_note("Called the buyer, waiting on the carrier."),
            Ok(())
        );
        assert_eq!(check_note(&"é".repeat(NOTE_MAX_CHARS)), Ok(()));
        assert_eq!(
            check_note(&"é".repeat(NOTE_MAX_CHARS + 1)),
            Err(NoteProblem::TooLong)
        );
    }

    #[test]
    fn a_note_reads_and_writes_in_camel_case() {
        let note = Note {
            id: "0f1e".into(),
            author_id: "a1".into(),
            body: "<b>not markup</b>".into(),
            created_at: "2026-12-06T10:00:00Z".parse().unwrap(),
            mentions: vec!["a2".into()],
            attachments: Vec::new(),
        };
        let json = serde_json::to_value(&note).unwrap();
        assert_eq!(json["authorId"], "a1");
        assert_eq!(serde_json::from_value::<Note>(json).unwrap(), note);
    }
}
