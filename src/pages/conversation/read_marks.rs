//! The conversation's read state as the view changes it: "Mark read/unread" from the
//! header, and reading on open, once per visit, only what the agent saw (so a "Mark
//! unread" stays unread).

use super::focus::focus_when_shown;
use super::{Current, NewestPage};
use crate::components::conversation::change::Changed;
use crate::components::conversation::conversation_header::{MarkRead, ReadMark};
use crate::connectors::Connector;
use crate::i18n::lang_now;
use crate::storage;
use leptos::html;
use leptos::prelude::*;
use switchboard_core::domain::{Conversation, Message};
use switchboard_core::i18n::{text, Msg};

/// The read state's write, and whether this visit has read on open already.
#[derive(Clone, Copy)]
pub(super) struct ReadMarks {
    pub mark_read: MarkRead,
    /// Whether this visit has read on open already, or the agent marked it themself: then
    /// nothing reads it again on its own (a "Mark unread" stays unread).
    pub read_on_open: StoredValue<bool>,
}

/// The write (input: read, asked by the agent) and what follows it. Reading on open
/// moves no focus and says nothing.
pub(super) fn use_read_marks(
    connector: &Connector,
    id: &str,
    current: Current,
    newest: NewestPage,
    on_changed: Callback<Changed>,
    article: NodeRef<html::Article>,
) -> ReadMarks {
    let mark_asked = StoredValue::new(false);
    let read_on_open = StoredValue::new(false);
    let mark_read = Action::new_local({
        let (connector, id) = (connector.clone(), id.to_owned());
        move |mark: &ReadMark| {
            mark_asked.set_value(mark.asked);
            if mark.asked {
                read_on_open.set_value(true);
            }
            let (connector, id, mark) = (connector.clone(), id.clone(), mark.clone());
            async move {
                let changed = connector.mark_read(&id, mark.read, &mark.shown).await;
                changed.map(|c| (c, mark))
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((conversation, ReadMark { read, asked, .. }))) = mark_read.value().get() {
            if asked {
                on_changed.run(Changed {
                    conversation,
                    focus: "toggle-read",
                    // Said once, in the language of the moment: a later switch of language
                    // must not run this again.
                    announce: text(lang_now(), marked_words(read)),
                });
            } else {
                current.apply(conversation);
            }
            // The thread shows each message's read state: show the new one.
            newest.refetch();
        }
        // A refusal may still have changed some (a partial confirmation): show what is,
        // and keep the agent on the control they used, its report beside it.
        if let Some(Err(_)) = mark_read.value().get() {
            current.loaded.refetch();
            newest.refetch();
            if mark_asked.get_value() {
                focus_when_shown(article, "toggle-read");
            }
        }
    });
    ReadMarks {
        mark_read,
        read_on_open,
    }
}

/// Reading on open reads only what the agent saw: once the thread is on screen, in a
/// tab that shows (a conversation restored in a background tab waits for the agent),
/// and for a backend that reads message by message, only the unread ones shown.
pub(super) fn read_on_open(
    current: Current,
    newest: NewestPage,
    shown_unread: Signal<Vec<String>>,
    marks: ReadMarks,
) {
    let page_shows = RwSignal::new(!document().hidden());
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        page_shows.set(!document().hidden());
    });
    on_cleanup(move || visibility.remove());
    Effect::new(move |_| {
        let Some(c) = current.conversation.get() else {
            return;
        };
        // Unless the agent chose to mark read (confirm) only when they say so.
        let wanted =
            !marks.read_on_open.get_value() && storage::read_on_open() && has_unread_to_read(&c);
        if !wanted || !page_shows.get() {
            return;
        }
        let Some(Ok(thread)) = newest.get() else {
            return;
        };
        let shown = shown_unread.get_untracked();
        if !shows_what_it_reads(&thread.items, &shown) {
            return;
        }
        marks.read_on_open.set_value(true);
        marks.mark_read.dispatch(ReadMark {
            read: true,
            asked: false,
            shown,
        });
    });
}

/// Whether the conversation is unread where the backend keeps a read state the console
/// can change.
fn has_unread_to_read(c: &Conversation) -> bool {
    c.capabilities.mark_read && c.unread == Some(true)
}

/// Whether what is on screen is what reading on open would read: a backend that reads
/// message by message (its messages carry a read state) waits for an unread one shown.
fn shows_what_it_reads(thread: &[Message], shown_unread: &[String]) -> bool {
    let per_message = thread.iter().any(|m| m.read.is_some());
    !(per_message && shown_unread.is_empty())
}

/// What the live region says once the agent marked it read or unread.
fn marked_words(read: bool) -> Msg {
    if read {
        msg!("conversation-marked-read")
    } else {
        msg!("conversation-marked-unread")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::conversation::test_messages::customer_message;
    use switchboard_core::domain::{BackendKind, ConversationKey, ConversationStatus};

    fn message(id: &str, read: Option<bool>) -> Message {
        Message {
            read,
            ..customer_message(id)
        }
    }

    fn conversation(mark_read: bool, unread: Option<bool>) -> Conversation {
        let mut capabilities = switchboard_core::wire::communication::CAPABILITIES;
        capabilities.mark_read = mark_read;
        Conversation {
            unread,
            ..Conversation::new(
                ConversationKey::new("communication", "1"),
                BackendKind::Communication,
                "ana@example.com",
                ConversationStatus::Open,
                capabilities,
            )
        }
    }

    #[test]
    fn only_an_unread_conversation_with_a_read_state_to_change_is_read_on_open() {
        assert!(has_unread_to_read(&conversation(true, Some(true))));
        assert!(!has_unread_to_read(&conversation(true, Some(false))));
        assert!(!has_unread_to_read(&conversation(true, None)));
        assert!(!has_unread_to_read(&conversation(false, Some(true))));
    }

    #[test]
    fn a_backend_that_reads_message_by_message_waits_for_an_unread_one_shown() {
        let per_message = [message("a", Some(true))];
        assert!(!shows_what_it_reads(&per_message, &[]));
        assert!(shows_what_it_reads(&per_message, &["a".to_owned()]));
    }

    #[test]
    fn a_backend_that_reads_the_whole_conversation_reads_it_on_open() {
        assert!(shows_what_it_reads(&[message("a", None)], &[]));
        assert!(shows_what_it_reads(&[], &[]));
    }

    #[test]
    fn marking_read_and_unread_say_different_things() {
        assert_eq!(marked_words(true), msg!("conversation-marked-read"));
        assert_eq!(marked_words(false), msg!("conversation-marked-unread"));
    }
}
