//! Response deadlines as the whole console knows them (`docs/deadlines.md`): each backend's
//! policy, read once per console; the "No answer needed" marks ([`marks`]); the team's time
//! zone through the browser's own database ([`zone`]); and, for every loaded row that awaits
//! an answer, when it is due. The conversation's header, the list's rows, its order, the
//! Overdue view and the tab's title all count with these, so they never disagree.

mod marks;
mod zone;

pub use marks::NoAnswerMarks;
pub use zone::IntlZone;

use crate::connectors::deadlines::policies;
use crate::state::{api_origin, Clock, DirectoryResource, InboxRows};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::borrow::Borrow;
use std::collections::HashMap;
use switchboard_core::deadlines::{BackendPolicy, Clock as PolicyClock, Due, NoAnswerMark};
use switchboard_core::domain::{Conversation, ConversationKey, ConversationStatus};
use switchboard_core::error::ApiError;

/// Each backend's policy, read when the console starts.
#[derive(Clone, Copy)]
pub struct DeadlinePolicies(pub LocalResource<Result<Vec<BackendPolicy>, ApiError>>);

impl DeadlinePolicies {
    pub fn provide() -> DeadlinePolicies {
        let origin = StoredValue::new(api_origin());
        let policies = DeadlinePolicies(LocalResource::new(move || {
            let origin = origin.get_value();
            async move { policies(&origin).await }
        }));
        provide_context(policies);
        policies
    }
}

/// When an answer is due for each loaded conversation that awaits one, and the console's
/// clock to say where each stands.
#[derive(Clone, Copy)]
pub struct RowDues {
    dues: Memo<HashMap<ConversationKey, Due>>,
    clock: Clock,
}

/// Reads the policies and marks, and counts every row's due time as the rows, the
/// policies or the marks change. Needs the console's state ([`InboxRows`], [`Clock`]).
pub fn provide_deadlines(directory: DirectoryResource) -> RowDues {
    let policies = DeadlinePolicies::provide();
    let marks = NoAnswerMarks::provide(directory);
    let read = Signal::derive(move || policies.0.get().and_then(Result::ok));
    RowDues::provide(
        expect_context::<InboxRows>(),
        read,
        marks,
        expect_context::<Clock>(),
    )
}

impl RowDues {
    /// Counts the due time of every row of `rows` under `policies` (none until read),
    /// after `marks`, and shares them.
    pub fn provide(
        rows: InboxRows,
        policies: Signal<Option<Vec<BackendPolicy>>>,
        marks: NoAnswerMarks,
        clock: Clock,
    ) -> RowDues {
        let cache = StoredValue::new_local(DueCache::default());
        let dues = Memo::new(move |_| {
            let Some(all) = policies.get() else {
                return HashMap::new();
            };
            cache.update_value(|cache| cache.keep_for(all));
            marks.with(|marks| {
                rows.0.with(|inbox| {
                    inbox
                        .conversations
                        .iter()
                        .filter_map(|c| {
                            let start = awaiting(c, marks.get(&c.key))?;
                            let due = cache
                                .try_update_value(|cache| cache.due(&c.key.backend, start))
                                .flatten()?;
                            Some((c.key.clone(), due))
                        })
                        .collect()
                })
            })
        });
        let dues = RowDues { dues, clock };
        provide_context(dues);
        dues
    }
}

/// Since when a row awaits an answer: an open conversation whose list says the customer
/// wrote last, unless an agent said no answer was needed after that.
fn awaiting(conversation: &Conversation, mark: Option<&NoAnswerMark>) -> Option<DateTime<Utc>> {
    let done = matches!(
        conversation.status,
        ConversationStatus::Closed | ConversationStatus::Archived | ConversationStatus::Ignored
    );
    let start = conversation.awaiting_since.filter(|_| !done)?;
    match mark {
        Some(mark) if mark.marked_at >= start => None,
        _ => Some(start),
    }
}

impl RowDues {
    /// When an answer to `key` is due, if one awaits.
    pub fn of(&self, key: &ConversationKey) -> Option<Due> {
        self.dues.with(|dues| dues.get(key).copied())
    }

    /// The due time of each of `conversations` (same indices), for ordering by time left.
    pub fn aligned<C: Borrow<Conversation>>(
        &self,
        conversations: &[C],
    ) -> Vec<Option<DateTime<Utc>>> {
        self.dues.with(|dues| {
            conversations
                .iter()
                .map(|c| dues.get(&c.borrow().key).map(|d| d.due))
                .collect()
        })
    }

    /// Whether `key` is overdue now (tracks the clock).
    pub fn is_overdue(&self, key: &ConversationKey) -> bool {
        let now = self.clock.now();
        self.of(key).is_some_and(|d| d.at(now).is_overdue())
    }

    /// How many loaded conversations are overdue now (tracks the clock).
    pub fn overdue_count(&self) -> usize {
        let now = self.clock.now();
        self.dues
            .with(|dues| dues.values().filter(|d| d.at(now).is_overdue()).count())
    }

    /// The console's clock, for a row to say where it stands.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// Due times already counted, per backend and start, for the policies they were counted
/// under: a live poll or a new page counts only the rows it brings.
#[derive(Default)]
struct DueCache {
    policies: Vec<BackendPolicy>,
    zones: HashMap<String, Option<IntlZone>>,
    dues: HashMap<(String, DateTime<Utc>), Option<Due>>,
}

impl DueCache {
    /// Forgets what was counted under other policies (an admin changed one).
    fn keep_for(&mut self, policies: Vec<BackendPolicy>) {
        if self.policies != policies {
            self.dues.clear();
            self.policies = policies;
        }
    }

    fn due(&mut self, backend: &str, start: DateTime<Utc>) -> Option<Due> {
        let place = (backend.to_owned(), start);
        if let Some(known) = self.dues.get(&place) {
            return *known;
        }
        let policy = self.policies.iter().find(|p| p.backend == backend)?;
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
        assert_eq!(awaiting(&row, None), None, "nothing awaits");
        row.awaiting_since = Some(at("2026-12-05T10:00:00Z"));
        assert_eq!(awaiting(&row, None), row.awaiting_since);
        let mark = |when: &str| NoAnswerMark {
            conversation_id: "d-1".into(),
            marked_by: "a1".into(),
            marked_at: at(when),
        };
        assert_eq!(awaiting(&row, Some(&mark("2026-12-05T11:00:00Z"))), None);
        assert_eq!(
            awaiting(&row, Some(&mark("2026-12-05T09:00:00Z"))),
            row.awaiting_since,
            "the customer wrote again after the mark"
        );
        row.status = ConversationStatus::Closed;
        assert_eq!(
            awaiting(&row, None),
            None,
            "a closed conversation awaits nothing"
        );
    }
}
