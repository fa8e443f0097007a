//! An internal note in the thread: in its place in time among the messages, unmistakably
//! the team's own (its own look, and the words "Internal note", never colour alone), its
//! text rendered as text, its files as a message's are (opening in the same lightbox).

use crate::components::conversation::thread::{MessageAttachments, SentAt};
use crate::i18n::tr;
use leptos::prelude::*;
use switchboard_core::directory::{agent_name, Agent};
use switchboard_core::domain::{Attachment, Message};
use switchboard_core::notes::Note;

/// One line of the thread: a backend's message or a note of the team's.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Message(Message),
    Note(Note),
}

impl Entry {
    /// Unique across both kinds (a note's id and a message's may look alike).
    pub fn key(&self) -> String {
        match self {
            Entry::Message(m) => format!("m:{}", m.id),
            Entry::Note(n) => format!("n:{}", n.id),
        }
    }
}

/// The messages in the backend's order, each note after the last message sent before it.
/// Undated messages keep their place. While older pages are still to load
/// (`earlier_unloaded`), a note older than every message shown waits for them, so it is
/// never shown above messages it came after.
pub fn interleave(messages: &[Message], notes: &[Note], earlier_unloaded: bool) -> Vec<Entry> {
    let first_dated = messages.iter().find_map(|m| m.sent_at);
    let mut pending = notes
        .iter()
        .filter(|n| !earlier_unloaded || first_dated.is_none_or(|first| n.created_at >= first))
        .peekable();
    let mut entries = Vec::with_capacity(messages.len() + notes.len());
    for message in messages {
        if let Some(sent) = message.sent_at {
            while let Some(note) = pending.next_if(|n| n.created_at < sent) {
                entries.push(Entry::Note(note.clone()));
            }
        }
        entries.push(Entry::Message(message.clone()));
    }
    entries.extend(pending.cloned().map(Entry::Note));
    entries
}

#[component]
pub fn NoteItem(
    note: Note,
    agents: Signal<Vec<Agent>>,
    enlarged: RwSignal<Option<Attachment>>,
) -> impl IntoView {
    let author = agents.with_untracked(|agents| agent_name(agents, &note.author_id));
    view! {
        <li class="message note" data-testid="note" data-note-id=note.id.clone()>
            <div class="message-meta">
                <span class="badge note-label" data-testid="note-label">{tr(msg!("thread-note-label"))}</span>
                <span class="message-author" data-testid="note-author"><bdi>{author}</bdi></span>
                <SentAt sent_at=Some(note.created_at) />
            </div>
            <p class="message-body" data-testid="note-body" dir="auto">{note.body}</p>
            <MessageAttachments attachments=note.attachments enlarged />
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::domain::{Author, AuthorKind};

    fn message(id: &str, at: Option<&str>) -> Message {
        Message {
            id: id.into(),
            author: Author {
                kind: AuthorKind::Customer,
                id: None,
                name: None,
                role: None,
            },
            body: id.into(),
            sent_at: at.map(|t| t.parse().unwrap()),
            delivery: None,
            attachments: Vec::new(),
            read: None,
            recipients: Vec::new(),
            kind: None,
            in_reply_to: None,
        }
    }

    fn note(id: &str, at: &str) -> Note {
        Note {
            id: id.into(),
            author_id: "a1".into(),
            body: id.into(),
            created_at: at.parse().unwrap(),
            mentions: Vec::new(),
            attachments: Vec::new(),
        }
    }

    fn keys(entries: &[Entry]) -> Vec<String> {
        entries.iter().map(Entry::key).collect()
    }

    #[test]
    fn each_note_follows_the_last_message_sent_before_it() {
        let messages = [
            message("1", Some("2026-12-06T09:00:00Z")),
            message("2", None),
            message("3", Some("2026-12-06T11:00:00Z")),
        ];
        let notes = [
            note("a", "2026-12-06T10:00:00Z"),
            note("b", "2026-12-06T12:00:00Z"),
        ];
        assert_eq!(
            keys(&interleave(&messages, &notes, false)),
            ["m:1", "m:2", "n:a", "m:3", "n:b"]
        );
    }

    #[test]
    fn a_note_older_than_the_messages_shown_waits_for_older_pages() {
        let messages = [message("5", Some("2026-12-06T09:00:00Z"))];
        let notes = [note("early", "2026-12-01T09:00:00Z")];
        assert_eq!(keys(&interleave(&messages, &notes, true)), ["m:5"]);
        assert_eq!(
            keys(&interleave(&messages, &notes, false)),
            ["n:early", "m:5"]
        );
    }

    #[test]
    fn notes_show_on_a_thread_without_messages() {
        let notes = [note("a", "2026-12-06T10:00:00Z")];
        assert_eq!(keys(&interleave(&[], &notes, false)), ["n:a"]);
    }
}
