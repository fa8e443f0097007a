//! The thread's pages as the conversation view keeps them: older pages and the newest
//! merged once each, the unread messages on screen, and what says a conversation moved on
//! (for the live inbox to refresh it in place).

use switchboard_core::domain::{Conversation, Message};

/// Older pages then the newest, each oldest first, each message once: pages shift as
/// replies arrive, so a message can be in two. The backend's order is kept as it is, dated
/// or not.
pub(super) fn merge_thread(older: &[Message], newest: &[Message]) -> Vec<Message> {
    let mut seen = std::collections::HashSet::new();
    older
        .iter()
        .chain(newest)
        .filter(|m| seen.insert(m.id.clone()))
        .cloned()
        .collect()
}

/// The messages the thread shows as unread (`thread::MessageItem`'s rule).
pub(super) fn unread_ids(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .filter(|m| crate::components::conversation::thread::shows_unread(m))
        .map(|m| m.id.clone())
        .collect()
}

/// What says a conversation has moved on: its last activity and its last message.
pub(super) fn activity(
    c: &Conversation,
) -> (Option<chrono::DateTime<chrono::Utc>>, Option<String>) {
    (
        c.last_activity,
        c.last_message.as_ref().map(|m| m.id.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::conversation::test_messages::customer_message;

    fn message(id: &str, minute: u32) -> Message {
        Message {
            sent_at: switchboard_core::wire::parse_instant(&format!(
                "2026-01-01T10:{minute:02}:00Z"
            )),
            ..customer_message(id)
        }
    }

    #[test]
    fn pages_merge_once_each_oldest_first() {
        let older = vec![message("a", 1), message("b", 2), message("c", 3)];
        let newest = vec![message("c", 3), message("d", 4)];
        let ids: Vec<_> = merge_thread(&older, &newest)
            .into_iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
    }
}
