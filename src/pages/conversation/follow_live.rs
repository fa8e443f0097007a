//! The open conversation follows the inbox: when a poll (or a pushed change) brings it
//! with newer activity than the one shown, its header and thread are read again, in
//! place, without a reload.
//!
//! The thread is judged on its own, by what it holds: the header and the row also take
//! what this agent's writes return (a mark read, an assignment), and such an answer may
//! already carry a colleague's message that the thread, read a moment before, lacks. The
//! header then agrees with the list, and only the thread's newest message says it is
//! behind.

use super::thread_pages::activity;
use super::{Current, NewestPage};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use switchboard_core::domain::{Conversation, ConversationKey, Message};

/// What says a conversation has moved on ([`activity`]).
type Activity = (Option<DateTime<Utc>>, Option<String>);

/// The conversation as the inbox lists it.
#[derive(Clone, Debug, PartialEq)]
struct Listed {
    activity: Activity,
    /// When its last message was written.
    last_said: Option<DateTime<Utc>>,
}

impl Listed {
    fn of(c: &Conversation) -> Self {
        Listed {
            activity: activity(c),
            last_said: c.last_message.as_ref().and_then(|m| m.sent_at),
        }
    }
}

/// What is read again.
#[derive(Debug, Default, PartialEq, Eq)]
struct ReadAgain {
    header: bool,
    thread: bool,
}

/// Live: whenever the inbox lists this conversation as it is not on screen, the header and
/// the thread are read again, in place; each listing is acted on once.
pub(super) fn follow_live(key: ConversationKey, current: Current, newest: NewestPage) {
    let listed = Memo::new(move |_| current.rows.0.with(|inbox| inbox.get(&key).map(Listed::of)));
    let acted = StoredValue::new(None::<Listed>);
    Effect::new(move |_| {
        let Some(listed) = listed.get() else { return };
        let thread = newest.with(|page| match page {
            Some(Ok(page)) => Some(newest_said(&page.items)),
            _ => None,
        });
        let header = current
            .conversation
            .with_untracked(|c| c.as_ref().map(activity));
        let again =
            acted.with_value(|acted| read_again(&listed, header.as_ref(), thread, acted.as_ref()));
        if again.header {
            current.loaded.refetch();
        }
        if again.thread {
            newest.refetch();
        }
        if again != ReadAgain::default() {
            acted.set_value(Some(listed));
        }
    });
}

/// When the newest of `messages` was written (`None` when none says).
fn newest_said(messages: &[Message]) -> Option<DateTime<Utc>> {
    messages.iter().filter_map(|m| m.sent_at).max()
}

/// What to read again for `listed`: the header when it shows other activity (and the
/// thread with it); the thread alone when its newest message (`thread`, once read) is
/// older than the conversation's last. Nothing before anything is shown, nor twice for
/// one listing (`acted`): a backend whose thread never shows its last message is not
/// asked in a loop.
fn read_again(
    listed: &Listed,
    header: Option<&Activity>,
    thread: Option<Option<DateTime<Utc>>>,
    acted: Option<&Listed>,
) -> ReadAgain {
    if acted == Some(listed) {
        return ReadAgain::default();
    }
    let header = moved_on(header, &listed.activity);
    let thread_behind = match (listed.last_said, thread) {
        (Some(said), Some(newest)) => newest.is_none_or(|newest| said > newest),
        _ => false,
    };
    ReadAgain {
        header,
        thread: header || thread_behind,
    }
}

/// Whether the inbox lists the conversation as it no longer is on screen; nothing
/// before it is shown.
fn moved_on(shown: Option<&Activity>, listed: &Activity) -> bool {
    shown.is_some_and(|shown| shown != listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(minute: u32) -> Option<DateTime<Utc>> {
        switchboard_core::wire::parse_instant(&format!("2026-01-01T10:{minute:02}:00Z"))
    }

    fn at(minute: u32, last: &str) -> Activity {
        (time(minute), Some(last.to_owned()))
    }

    fn listed(minute: u32, last: &str) -> Listed {
        Listed {
            activity: at(minute, last),
            last_said: time(minute),
        }
    }

    #[test]
    fn only_a_shown_conversation_the_list_has_seen_move_on_is_read_again() {
        assert!(!moved_on(None, &at(1, "a")), "nothing shown yet");
        assert!(!moved_on(Some(&at(1, "a")), &at(1, "a")), "as shown");
        assert!(
            moved_on(Some(&at(1, "a")), &at(2, "b")),
            "newer in the list"
        );
    }

    #[test]
    fn newer_activity_in_the_list_reads_the_header_and_the_thread_again() {
        let again = read_again(&listed(2, "b"), Some(&at(1, "a")), Some(time(1)), None);
        assert_eq!(
            again,
            ReadAgain {
                header: true,
                thread: true
            }
        );
    }

    #[test]
    fn a_write_that_brought_a_colleagues_message_reads_the_thread_again_though_the_header_has_it() {
        // A mark read answered after a colleague wrote: header and row show message "b",
        // the thread was read before it.
        let again = read_again(&listed(2, "b"), Some(&at(2, "b")), Some(time(1)), None);
        assert_eq!(
            again,
            ReadAgain {
                header: false,
                thread: true
            }
        );
        let empty_thread = read_again(&listed(2, "b"), Some(&at(2, "b")), Some(None), None);
        assert!(empty_thread.thread, "a thread read empty before it");
    }

    #[test]
    fn a_thread_that_holds_the_last_message_or_is_not_read_yet_stays() {
        let shown = Some(&at(2, "b"));
        assert_eq!(
            read_again(&listed(2, "b"), shown, Some(time(2)), None),
            ReadAgain::default()
        );
        assert_eq!(
            read_again(&listed(2, "b"), shown, None, None),
            ReadAgain::default(),
            "still loading"
        );
        let no_message = Listed {
            activity: (time(2), None),
            last_said: None,
        };
        assert_eq!(
            read_again(&no_message, Some(&(time(2), None)), Some(None), None),
            ReadAgain::default(),
            "a history without messages"
        );
        assert_eq!(
            read_again(&listed(2, "b"), None, Some(time(1)), Some(&listed(2, "b"))),
            ReadAgain::default(),
            "acted on once already: never in a loop"
        );
    }
}
