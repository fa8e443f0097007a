//! The open conversation follows the inbox: when a poll (or a pushed change) brings it
//! with newer activity than the one shown, its header and thread are read again, in
//! place, without a reload.

use super::thread_pages::activity;
use super::{Current, NewestPage};
use leptos::prelude::*;
use switchboard_core::domain::ConversationKey;

/// What says a conversation has moved on ([`activity`]).
type Activity = (Option<chrono::DateTime<chrono::Utc>>, Option<String>);

/// Live: when the inbox's poll brings this conversation with newer activity than the
/// one shown, the thread and the header are read again, in place.
pub(super) fn follow_live(key: ConversationKey, current: Current, newest: NewestPage) {
    let listed = Memo::new(move |_| current.rows.0.with(|inbox| inbox.get(&key).map(activity)));
    Effect::new(move |_| {
        let Some(listed) = listed.get() else { return };
        let shown = current
            .conversation
            .with_untracked(|c| c.as_ref().map(activity));
        if moved_on(shown.as_ref(), &listed) {
            newest.refetch();
            current.loaded.refetch();
        }
    });
}

/// Whether the inbox lists the conversation as it no longer is on screen; nothing
/// before it is shown.
fn moved_on(shown: Option<&Activity>, listed: &Activity) -> bool {
    shown.is_some_and(|shown| shown != listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_shown_conversation_the_list_has_seen_move_on_is_read_again() {
        let at = |minute: u32, last: &str| -> Activity {
            (
                switchboard_core::wire::parse_instant(&format!("2026-01-01T10:{minute:02}:00Z")),
                Some(last.to_owned()),
            )
        };
        assert!(!moved_on(None, &at(1, "a")), "nothing shown yet");
        assert!(!moved_on(Some(&at(1, "a")), &at(1, "a")), "as shown");
        assert!(
            moved_on(Some(&at(1, "a")), &at(2, "b")),
            "newer in the list"
        );
    }
}
