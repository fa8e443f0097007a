//! The arithmetic behind the list's time left, in a part of its own in the release build
//! (`src/parts.rs`): reading the policies and counting every row's due time with the
//! browser's time zones. The first rows show without it; the time left follows a moment
//! later, and the inbox's first download does not carry it.

use super::{DeadlineEngine, IntlZone, KnownWait};
use crate::connectors::deadlines::policies;
use crate::connectors::Inbox;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use switchboard_core::deadlines::{BackendPolicy, Clock as PolicyClock, Due, NoAnswerMark};
use switchboard_core::domain::{Conversation, ConversationKey, ConversationStatus};

/// The engine, for the console's part and for tests.
pub fn engine() -> DeadlineEngine {
    DeadlineEngine {
        read_policies: |origin| Box::pin(async move { policies(&origin).await.ok() }),
        count,
    }
}

/// Due times already counted, per backend and start, for the policies they were counted
/// under: a live poll or a new page counts only the rows it brings.
#[derive(Default)]
pub struct DueCache {
    policies: Vec<BackendPolicy>,
    zones: HashMap<String, Option<IntlZone>>,
    /// By the policy's place in `policies` and the start: no backend's name copied per row.
    dues: HashMap<(usize, DateTime<Utc>), Option<Due>>,
}

/// Every loaded row's due time, where an answer awaits, kept in `dues`; whether any changed.
/// Counted in place, in the map the last count left: a fresh map per count held two maps of
/// every row at once for a moment, and copied every row's key again for each new page of
/// the list (ten thousand rows: about 1.4 MB of keys and entries, made and dropped per page).
fn count(
    inbox: &Inbox,
    marks: &HashMap<ConversationKey, NoAnswerMark>,
    known: &HashMap<ConversationKey, KnownWait>,
    policies: &[BackendPolicy],
    cache: &mut DueCache,
    dues: &mut HashMap<ConversationKey, Due>,
) -> bool {
    cache.keep_for(policies);
    let due_of = |c: &Conversation, cache: &mut DueCache| {
        let start = awaiting(c, known.get(&c.key), marks.get(&c.key))?;
        cache.due(&c.key.backend, start)
    };
    let (mut changed, mut awaiting_rows) = (false, 0);
    for c in &inbox.conversations {
        let Some(due) = due_of(c, cache) else {
            continue;
        };
        awaiting_rows += 1;
        match dues.get_mut(&c.key) {
            Some(kept) if *kept == due => {}
            Some(kept) => {
                *kept = due;
                changed = true;
            }
            None => {
                dues.insert(c.key.clone(), due);
                changed = true;
            }
        }
    }
    if dues.len() != awaiting_rows {
        // Some row left the list or awaits no more: counted afresh, in the same room.
        dues.clear();
        for c in &inbox.conversations {
            if let Some(due) = due_of(c, cache) {
                dues.insert(c.key.clone(), due);
            }
        }
        changed = true;
    }
    changed
}

/// Since when a row awaits an answer: an open conversation whose thread (read since the row
/// last moved) or else whose list says the customer wrote last, unless an agent said no
/// answer was needed after that.
fn awaiting(
    conversation: &Conversation,
    known: Option<&KnownWait>,
    mark: Option<&NoAnswerMark>,
) -> Option<DateTime<Utc>> {
    let done = matches!(
        conversation.status,
        ConversationStatus::Closed | ConversationStatus::Archived | ConversationStatus::Ignored
    );
    let start = match known {
        Some(known) if known.activity == conversation.last_activity => known.start,
        _ => conversation.awaiting_since,
    };
    let start = start.filter(|_| !done)?;
    match mark {
        Some(mark) if mark.marked_at >= start => None,
        _ => Some(start),
    }
}

impl DueCache {
    /// Forgets what was counted under other policies (an admin changed one).
    fn keep_for(&mut self, policies: &[BackendPolicy]) {
        if self.policies != policies {
            self.dues.clear();
            self.policies = policies.to_vec();
        }
    }

    fn due(&mut self, backend: &str, start: DateTime<Utc>) -> Option<Due> {
        let which = self.policies.iter().position(|p| p.backend == backend)?;
        let place = (which, start);
        if let Some(known) = self.dues.get(&place) {
            return *known;
        }
        let policy = self.policies.get(which)?;
        let zone_name = match &policy.policy.clock {
            PolicyClock::Business { zone, .. } => zone.as_str(),
            PolicyClock::Always => "UTC",
        };
        // A zone the browser does not know shows no time left rather than a wrong one.
        let zone = self
            .zones
            .entry(zone_name.to_owned())
            .or_insert_with(|| IntlZone::new(zone_name))
            .as_ref();
        let due = zone.and_then(|zone| Due::under(&policy.policy, start, zone));
        self.dues.insert(place, due);
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::domain::BackendKind;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_row_awaits_from_its_start_unless_done_or_marked_after_it() {
        let mut row = Conversation::new(
            ConversationKey::new("octopia", "d-1"),
            BackendKind::Octopia,
            "buyer",
            ConversationStatus::Open,
            switchboard_core::wire::octopia::CAPABILITIES,
        );
        assert_eq!(awaiting(&row, None, None), None, "nothing awaits");
        row.awaiting_since = Some(at("2026-12-05T10:00:00Z"));
        assert_eq!(awaiting(&row, None, None), row.awaiting_since);
        let mark = |when: &str| NoAnswerMark {
            conversation_id: "d-1".into(),
            marked_by: "a1".into(),
            marked_at: at(when),
        };
        assert_eq!(
            awaiting(&row, None, Some(&mark("2026-12-05T11:00:00Z"))),
            None
        );
        assert_eq!(
            awaiting(&row, None, Some(&mark("2026-12-05T09:00:00Z"))),
            row.awaiting_since,
            "the customer wrote again after the mark"
        );
        let read = KnownWait {
            activity: row.last_activity,
            start: Some(at("2026-12-05T08:00:00Z")),
        };
        assert_eq!(
            awaiting(&row, Some(&read), None),
            read.start,
            "the thread read knows better than the row's last message"
        );
        let moved = KnownWait {
            activity: Some(at("2026-12-01T00:00:00Z")),
            ..read
        };
        assert_eq!(
            awaiting(&row, Some(&moved), None),
            row.awaiting_since,
            "the row moved since the thread was read"
        );
        row.status = ConversationStatus::Closed;
        assert_eq!(
            awaiting(&row, None, None),
            None,
            "a closed conversation awaits nothing"
        );
    }
}
