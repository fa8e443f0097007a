//! Response deadlines as the whole console knows them (`docs/deadlines.md`): each backend's
//! policy, read once per console; the "No answer needed" marks ([`marks`]); the team's time
//! zone through the browser's own database ([`zone`]); and, for every loaded row that awaits
//! an answer, when it is due. The conversation's header, the list's rows, its order, the
//! Overdue view and the tab's title all count with these, so they never disagree. The
//! counting itself ([`engine`]) comes in a part of its own in the release build.

pub mod engine;
mod marks;
mod zone;

pub use engine::DueCache;
pub use marks::NoAnswerMarks;
pub use zone::IntlZone;

use crate::components::shell::later::Arrival;
use crate::connectors::Inbox;
use crate::state::{api_origin, Clock, DirectoryResource, InboxRows};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use switchboard_core::deadlines::{BackendPolicy, Due, NoAnswerMark};
use switchboard_core::domain::{Conversation, ConversationKey};

/// Each backend's policy, once read; `None` until then.
#[derive(Clone, Copy)]
pub struct DeadlinePolicies(pub RwSignal<Option<Vec<BackendPolicy>>>);

/// Every backend's policy, from the server at this origin; `None` when unreadable.
pub type ReadPolicies = fn(String) -> Pin<Box<dyn Future<Output = Option<Vec<BackendPolicy>>>>>;

/// Every loaded row's due time, where an answer awaits, after the marks: counted into the
/// map given (the last count's), saying whether any changed.
pub type CountDues = fn(
    &Inbox,
    &HashMap<ConversationKey, NoAnswerMark>,
    &HashMap<ConversationKey, KnownWait>,
    &[BackendPolicy],
    &mut DueCache,
    &mut HashMap<ConversationKey, Due>,
) -> bool;

/// What reads the policies and counts the rows' due times ([`engine::engine`]).
#[derive(Clone, Copy)]
pub struct DeadlineEngine {
    pub read_policies: ReadPolicies,
    pub count: CountDues,
}

/// How the console gets the engine: a part of its own in the release build, given by the
/// console's binary (`src/main.rs`). Without it (a test mounting widgets alone), no row
/// shows a time left.
#[derive(Clone, Copy)]
pub struct DeadlinesLater(pub fn() -> Arrival<DeadlineEngine>);

/// When a conversation's thread, once read, says its clock started: truer than its row
/// (a list may carry only the last message), as long as the row has not moved since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownWait {
    /// The row's last activity when the thread was read.
    pub activity: Option<DateTime<Utc>>,
    /// The customer's message that awaits an answer; `None`: the team wrote last.
    pub start: Option<DateTime<Utc>>,
}

/// When an answer is due for each loaded conversation that awaits one, and the console's
/// clock to say where each stands.
#[derive(Clone, Copy)]
pub struct RowDues {
    dues: Memo<HashMap<ConversationKey, Due>>,
    known: RwSignal<HashMap<ConversationKey, KnownWait>>,
    rows: InboxRows,
    clock: Clock,
}

/// Reads the policies and marks, and counts every row's due time as the rows, the
/// policies or the marks change. Needs the console's state ([`InboxRows`], [`Clock`]).
pub fn provide_deadlines(directory: DirectoryResource) -> RowDues {
    let policies = DeadlinePolicies(RwSignal::new(None));
    provide_context(policies);
    let marks = NoAnswerMarks::provide(directory);
    let engine = RwSignal::new(None::<DeadlineEngine>);
    if let Some(later) = use_context::<DeadlinesLater>() {
        let origin = api_origin();
        leptos::task::spawn_local(async move {
            let Some(arrived) = engine_arrived(later).await else {
                return;
            };
            engine.try_set(Some(arrived));
            if let Some(read) = (arrived.read_policies)(origin).await {
                policies.0.try_set(Some(read));
            }
        });
    }
    RowDues::provide(
        expect_context::<InboxRows>(),
        policies,
        marks,
        expect_context::<Clock>(),
        engine.into(),
    )
}

/// The engine once its part has come. A part that cannot be downloaded is tried again a
/// few times, further apart each time; meanwhile (and if it never comes) the rows show no
/// time left, which is all the engine adds.
async fn engine_arrived(later: DeadlinesLater) -> Option<DeadlineEngine> {
    for wait_s in [2, 10, 30, 60] {
        if let Ok(engine) = (later.0)().await {
            return Some(engine);
        }
        gloo_timers::future::sleep(std::time::Duration::from_secs(wait_s)).await;
    }
    (later.0)().await.ok()
}

impl DeadlinePolicies {
    /// Reads the policies with `engine` and shares them (a test's console).
    pub fn provide_read(engine: DeadlineEngine) -> DeadlinePolicies {
        let policies = DeadlinePolicies(RwSignal::new(None));
        provide_context(policies);
        let origin = api_origin();
        leptos::task::spawn_local(async move {
            if let Some(read) = (engine.read_policies)(origin).await {
                policies.0.try_set(Some(read));
            }
        });
        policies
    }
}

impl RowDues {
    /// Counts the due time of every row of `rows` under `policies` (none until read and
    /// until the engine has come), after `marks`, and shares them.
    pub fn provide(
        rows: InboxRows,
        policies: DeadlinePolicies,
        marks: NoAnswerMarks,
        clock: Clock,
        engine: Signal<Option<DeadlineEngine>>,
    ) -> RowDues {
        let cache = StoredValue::new_local(DueCache::default());
        let known = RwSignal::new(HashMap::new());
        // The last count's map is counted into again (`new_owning`): one map of every row,
        // never two at once.
        let dues = Memo::new_owning(move |last: Option<HashMap<ConversationKey, Due>>| {
            let first = last.is_none();
            let mut dues = last.unwrap_or_default();
            let (Some(engine), Some(all)) = (engine.get(), policies.0.get()) else {
                let changed = first || !dues.is_empty();
                dues.clear();
                return (dues, changed);
            };
            let mut count = |inbox: &Inbox, marks: &_, known: &_| {
                cache.try_update_value(|cache| {
                    (engine.count)(inbox, marks, known, &all, cache, &mut dues)
                })
            };
            let changed = known
                .with(|known| marks.with(|marks| rows.0.with(|inbox| count(inbox, marks, known))))
                .unwrap_or(false);
            (dues, first || changed)
        });
        let dues = RowDues {
            dues,
            known,
            rows,
            clock,
        };
        provide_context(dues);
        dues
    }

    /// What the open conversation's thread says of its clock (`start`), kept for its row
    /// while the row stays as it is now.
    pub fn learned(&self, key: &ConversationKey, start: Option<DateTime<Utc>>) {
        let activity = self
            .rows
            .0
            .with_untracked(|inbox| inbox.get(key).map(|c| c.last_activity));
        let Some(activity) = activity else {
            return;
        };
        let wait = KnownWait { activity, start };
        if self.known.with_untracked(|k| k.get(key) != Some(&wait)) {
            self.known.update(|k| {
                k.insert(key.clone(), wait);
            });
        }
    }

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
