//! The open conversation's internal notes (`docs/notes.md`): read from Switchboard's
//! server when the conversation opens and again when a colleague adds one (the server's
//! events say so), kept here with the ones this agent adds, and shared by the thread,
//! which shows them in their place, and the reply box, which adds them.

use crate::connectors::notes;
use crate::state::{api_origin, NoteChanges};
use leptos::prelude::*;
use switchboard_core::error::ApiError;
use switchboard_core::notes::Note;

/// The conversation's notes, oldest first, and why they could not be read, if they
/// could not (the thread still shows its messages).
#[derive(Clone, Copy)]
pub struct ConversationNotes {
    pub list: RwSignal<Vec<Note>>,
    pub failed: RwSignal<Option<ApiError>>,
    backend: StoredValue<String>,
    conversation: StoredValue<String>,
}

impl ConversationNotes {
    /// Reads the notes of `conversation` on `backend`, now and whenever a colleague adds
    /// one; provided to the page's components.
    pub fn provide(backend: &str, conversation: &str) -> ConversationNotes {
        let notes = ConversationNotes {
            list: RwSignal::new(Vec::new()),
            failed: RwSignal::new(None),
            backend: StoredValue::new(backend.to_owned()),
            conversation: StoredValue::new(conversation.to_owned()),
        };
        let changes = use_context::<NoteChanges>();
        let origin = StoredValue::new(api_origin());
        // The number of this conversation's changes: a colleague's note on another one
        // leaves it as it is, so nothing is read again for it.
        let ours = Memo::new(move |before: Option<&u64>| {
            let before = before.copied().unwrap_or(0);
            changes.map_or(before, |changes| {
                changes.0.with(|(count, backend, conversation)| {
                    let mine = notes.backend.with_value(|b| b == backend)
                        && notes.conversation.with_value(|c| c == conversation);
                    if mine {
                        *count
                    } else {
                        before
                    }
                })
            })
        });
        let read = LocalResource::new(move || {
            ours.track();
            let (backend, conversation) =
                (notes.backend.get_value(), notes.conversation.get_value());
            let origin = origin.get_value();
            async move { notes::notes(&origin, &backend, &conversation).await }
        });
        Effect::new(move |_| match read.get() {
            Some(Ok(list)) => {
                notes.failed.set(None);
                // A note this agent added while the list was being read stays shown.
                let shown = notes.list.get_untracked();
                notes.list.set(list);
                shown.into_iter().for_each(|note| notes.keep(note));
            }
            Some(Err(error)) => notes.failed.set(Some(error)),
            None => {}
        });
        provide_context(notes);
        notes
    }

    /// Where the notes live: the backend's name and the conversation's id.
    pub fn place(&self) -> (String, String) {
        (self.backend.get_value(), self.conversation.get_value())
    }

    /// Shows a note just added, in its place in time (once, whatever the server said since).
    pub fn keep(&self, note: Note) {
        self.list.update(|list| {
            if !list.iter().any(|n| n.id == note.id) {
                let at = list
                    .iter()
                    .position(|n| n.created_at > note.created_at)
                    .unwrap_or(list.len());
                list.insert(at, note);
            }
        });
    }
}
