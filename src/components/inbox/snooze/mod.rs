//! Snoozed conversations in the list (`docs/snooze.md`): a snooze keeps its conversation out
//! of every view but "Snoozed" until its time, or until the customer writes after it was
//! snoozed; then the conversation is back where it belongs, and the page says so ("Camille
//! Martin is back from snooze", with a link) without a reload. The snoozes are read with the
//! console's other marks ([`KeptMarks`]); the page's clock moves on when the next snooze
//! ends, not on a timer of its own.

mod returns;
pub mod wall;

use crate::components::inbox::kept_marks::{KeptMark, KeptMarks};
use crate::connectors::snoozes::{snooze_of, snoozes};
use crate::state::{DirectoryResource, InboxRows};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
pub use returns::SnoozeReturns;
use std::collections::HashSet;
use switchboard_core::domain::ConversationKey;
use switchboard_core::error::ApiError;
use switchboard_core::snooze::Snooze;

/// Each snoozed conversation's snooze, as the server keeps them.
pub type Snoozes = KeptMarks<Snooze>;

impl KeptMark for Snooze {
    fn conversation_id(&self) -> &str {
        &self.conversation_id
    }

    async fn read_backend(origin: String, backend: String) -> Result<Vec<Self>, ApiError> {
        snoozes(&origin, &backend).await
    }

    async fn read_one(origin: String, key: ConversationKey) -> Result<Option<Self>, ApiError> {
        snooze_of(&origin, &key.backend, &key.id).await
    }
}

/// A conversation back from its snooze, until the agent opens or dismisses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Returned {
    pub key: ConversationKey,
    pub name: String,
}

/// The snoozes, which loaded rows they keep away now, and which came back.
#[derive(Clone, Copy)]
pub struct SnoozeState {
    pub marks: Snoozes,
    /// The time as of the last snooze that ended (or the console's start).
    now: RwSignal<DateTime<Utc>>,
    held: Memo<HashSet<ConversationKey>>,
    pub returned: RwSignal<Vec<Returned>>,
}

impl SnoozeState {
    /// Reads the snoozes once the directory has come, and follows them for the console.
    pub fn provide(directory: DirectoryResource, rows: InboxRows) -> SnoozeState {
        let state = SnoozeState::over(Snoozes::provide(directory), rows);
        provide_context(state);
        state
    }

    /// Follows `marks` over `rows` (a test's, or the console's).
    pub fn over(marks: Snoozes, rows: InboxRows) -> SnoozeState {
        let now = RwSignal::new(Utc::now());
        let held = Memo::new(move |_| {
            let now = now.get();
            marks.with(|marks| {
                if marks.is_empty() {
                    return HashSet::new();
                }
                rows.0.with(|inbox| {
                    inbox
                        .conversations
                        .iter()
                        .filter(|c| marks.get(&c.key).is_some_and(|s| s.holds(c, now)))
                        .map(|c| c.key.clone())
                        .collect()
                })
            })
        });
        let state = SnoozeState {
            marks,
            now,
            held,
            returned: RwSignal::new(Vec::new()),
        };
        state.move_on_when_the_next_ends();
        state.tell_returns(rows);
        state
    }

    /// The loaded conversations kept away now (tracked).
    pub fn held(&self) -> HashSet<ConversationKey> {
        self.held.get()
    }

    /// How many loaded conversations are snoozed now.
    pub fn count(&self) -> usize {
        self.held.with(HashSet::len)
    }

    /// The conversation's snooze while it keeps it away: shown on its row.
    pub fn holding(&self, key: &ConversationKey) -> Option<Snooze> {
        if self.held.with(|held| held.contains(key)) {
            self.marks.get(key)
        } else {
            None
        }
    }

    /// The console's time as of the last snooze that ended (tracked).
    pub fn now(&self) -> DateTime<Utc> {
        self.now.get()
    }

    /// Sets the clock for the next snooze to end: its conversation comes back then, with no
    /// timer running while nothing is snoozed. A long wait is cut in hours (a browser's
    /// timer holds 24 days at most, and a sleeping laptop's timers run late).
    fn move_on_when_the_next_ends(self) {
        let armed = StoredValue::new(0_u64);
        Effect::new(move |_| {
            let now = self.now.get();
            let Some(next) = self.marks.with(|marks| {
                marks
                    .values()
                    .map(|s| s.until)
                    .filter(|until| *until > now)
                    .min()
            }) else {
                return;
            };
            armed.update_value(|n| *n += 1);
            let this = armed.get_value();
            let wait = (next - Utc::now()).num_milliseconds().clamp(0, 3_600_000) + 20;
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(u32::try_from(wait).unwrap_or(0)).await;
                if armed.try_get_value() == Some(this) {
                    self.now.try_set(Utc::now());
                }
            });
        });
    }

    /// A conversation that leaves the held ones while its row is loaded and its snooze is
    /// still known (not woken by an agent) came back on its own: said, once.
    fn tell_returns(self, rows: InboxRows) {
        Effect::new(move |before: Option<HashSet<ConversationKey>>| {
            let held = self.held.get();
            if let Some(before) = before {
                let gone: Vec<&ConversationKey> = before.difference(&held).collect();
                if !gone.is_empty() {
                    let back = self.returns_among(&gone, rows);
                    if !back.is_empty() {
                        self.returned.update(|list| {
                            list.retain(|r| !back.iter().any(|b| b.key == r.key));
                            list.extend(back);
                        });
                    }
                }
            }
            held
        });
    }

    fn returns_among(self, gone: &[&ConversationKey], rows: InboxRows) -> Vec<Returned> {
        let still_snoozed: Vec<&ConversationKey> = self.marks.with_untracked(|marks| {
            gone.iter()
                .copied()
                .filter(|key| marks.contains_key(key))
                .collect()
        });
        if still_snoozed.is_empty() {
            return Vec::new();
        }
        rows.0.with_untracked(|inbox| {
            inbox
                .conversations
                .iter()
                .filter(|c| still_snoozed.contains(&&c.key))
                .map(|c| Returned {
                    key: c.key.clone(),
                    name: c.customer_display().to_owned(),
                })
                .collect()
        })
    }
}
