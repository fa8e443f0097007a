//! Runs a bulk action: every conversation's own write through its backend's connector, a
//! few at a time (what a browser keeps open to one server), each answer counted as it
//! comes. One failure never stops the rest; each is kept with its reason, ready to retry.
//! The rows changed are put back in the list in batches, so ten thousand answers are a
//! few hundred redraws, not ten thousand, and the page answers the agent throughout.

use crate::components::inbox::labels::RowLabels;
use crate::components::inbox::snooze::wall::{instant_of, local_now};
use crate::components::inbox::snooze::Snoozes;
use crate::connectors::labels::set_label;
use crate::connectors::snoozes::set_snooze;
use crate::connectors::{next_pages, Connector, Inbox};
use crate::i18n::lang_now;
use crate::state::{DirectoryResource, InboxRows};
use chrono::{DateTime, Utc};
use futures::stream::{self, StreamExt};
use leptos::prelude::*;
use switchboard_core::bulk::{BulkAction, BulkFailure, BulkProgress, BulkTarget};
use switchboard_core::domain::{Conversation, ConversationKey, InboxQuery, StatusChange};
use switchboard_core::error::ApiError;
use switchboard_core::labels::ConversationLabels;
use switchboard_core::snooze::{Snooze, SnoozeChoice};

/// Writes in flight at once: enough to keep the server busy, few enough that an agent's
/// other requests (a thread opened meanwhile) are not queued behind a thousand.
const IN_FLIGHT: usize = 4;

/// Changed rows put back in the list at once.
const BATCH: usize = 25;

/// Where a run reads and writes.
#[derive(Clone)]
pub struct Run {
    /// Read when a run needs them: the bar may come before the directory does.
    pub directory: DirectoryResource,
    pub rows: InboxRows,
    /// Whom "Assign" assigns to, as chosen in the bar.
    pub assignee: RwSignal<Option<String>>,
    /// Until when "Snooze" snoozes, as chosen in the bar.
    pub snooze: RwSignal<SnoozeChoice>,
    /// Where snoozes are kept for the list (none in a page without it).
    pub snoozes: Option<Snoozes>,
    /// Which label "Add label" and "Remove label" mean, as chosen in the bar.
    pub label: RwSignal<Option<String>>,
    /// Where labels are kept for the list (none in a page without it).
    pub labels: Option<RowLabels>,
    /// Where Switchboard's own API is (snoozes are its own, not a backend's).
    pub origin: String,
    pub progress: RwSignal<BulkProgress>,
    /// Set by Stop: no further write starts.
    pub stop: RwSignal<bool>,
}

impl Run {
    /// Loads the pages of the view not loaded yet, for "all in this view"; stops at a page
    /// that fails (what is loaded is acted on, and the view says what failed).
    pub async fn load_rest(&self, query: &InboxQuery, loaded: RwSignal<Option<usize>>) {
        loop {
            let cursors = self.rows.0.with_untracked(|i| i.cursors.clone());
            if cursors.is_empty() || self.stop.get_untracked() {
                return;
            }
            let next: Inbox = next_pages(&self.connectors(), query, &cursors).await;
            let stuck = next.conversations.is_empty() && next.cursors == cursors;
            self.rows.0.update(|inbox| inbox.append(next));
            loaded.set(Some(self.rows.0.with_untracked(|i| i.conversations.len())));
            if stuck {
                return;
            }
        }
    }

    /// Does `action` to every target, counting as it goes.
    pub async fn run(&self, action: BulkAction, targets: Vec<BulkTarget>) {
        self.stop.set(false);
        self.progress
            .set(BulkProgress::start(action, targets.len()));
        // One time for the whole run, however long it takes.
        let until = (action == BulkAction::Snooze)
            .then(|| self.snooze_until())
            .flatten();
        let mut answers = stream::iter(targets)
            .map(|target| {
                let this = self.clone();
                async move {
                    if this.stop.get_untracked() {
                        return (target, None);
                    }
                    let result = this.write(action, &target, until).await;
                    (target, Some(result))
                }
            })
            .buffer_unordered(IN_FLIGHT);
        let mut batch = Batch::default();
        while let Some((target, result)) = answers.next().await {
            match result {
                None => {}
                Some(Ok(written)) => {
                    batch.add(target.key, written);
                    self.progress.update(|p| p.done += 1);
                }
                Some(Err(error)) => self.progress.update(|p| {
                    p.failed.push(BulkFailure {
                        target,
                        reason: error.summary(lang_now()),
                    })
                }),
            }
            if batch.len >= BATCH {
                self.put_back(&mut batch);
            }
        }
        self.put_back(&mut batch);
        let stopped = self.stop.get_untracked();
        self.progress.update(|p| {
            p.running = false;
            p.stopped = stopped && p.answered() < p.total;
        });
    }

    fn put_back(&self, batch: &mut Batch) {
        let Batch {
            rows,
            snoozed,
            labelled,
            ..
        } = std::mem::take(batch);
        if !rows.is_empty() {
            self.rows.0.update(|inbox| inbox.replace_many(rows));
        }
        if let Some(snoozes) = self.snoozes {
            snoozes.set_many(snoozed);
        }
        if let Some(labels) = self.labels {
            labels.set_many(labelled);
        }
    }

    /// The time the bar's choice names now; tomorrow morning once "later today" is past.
    fn snooze_until(&self) -> Option<DateTime<Utc>> {
        let now = local_now()?;
        let choice = self.snooze.get_untracked();
        let wall = choice
            .wakes_at(now)
            .or_else(|| SnoozeChoice::Tomorrow.wakes_at(now))?;
        instant_of(wall)
    }

    /// One conversation's write; its backend's own words when it cannot.
    async fn write(
        &self,
        action: BulkAction,
        target: &BulkTarget,
        until: Option<DateTime<Utc>>,
    ) -> Result<Written, ApiError> {
        let connector = || {
            self.connectors()
                .into_iter()
                .find(|c| c.name() == target.key.backend)
                .ok_or_else(|| ApiError::unsupported(target.key.backend.clone()))
        };
        let id = target.key.id.as_str();
        let row = match action {
            BulkAction::Close => connector()?.change_status(id, StatusChange::Close).await,
            BulkAction::Reopen => connector()?.change_status(id, StatusChange::Reopen).await,
            BulkAction::Assign => {
                let to = self.assignee.get_untracked();
                connector()?.assign(id, to.as_deref()).await
            }
            BulkAction::MarkRead => connector()?.mark_read(id, true, &[]).await,
            BulkAction::Snooze => return self.snooze(target, until).await,
            BulkAction::Label => return self.label(target, true).await,
            BulkAction::Unlabel => return self.label(target, false).await,
        };
        row.map(|row| Written::Row(Box::new(row)))
    }

    /// A snooze is Switchboard's own: kept by its server, whatever the backend.
    async fn snooze(
        &self,
        target: &BulkTarget,
        until: Option<DateTime<Utc>>,
    ) -> Result<Written, ApiError> {
        let unsupported = || ApiError::unsupported(target.key.backend.clone());
        let until = until.ok_or_else(unsupported)?;
        let (backend, id) = (&target.key.backend, &target.key.id);
        let kept = set_snooze(&self.origin, backend, id, Some(until)).await?;
        kept.map(Written::Snoozed).ok_or_else(unsupported)
    }

    /// A label is Switchboard's own too.
    async fn label(&self, target: &BulkTarget, on: bool) -> Result<Written, ApiError> {
        let label = self
            .label
            .get_untracked()
            .ok_or_else(|| ApiError::unsupported(target.key.backend.clone()))?;
        let (backend, id) = (&target.key.backend, &target.key.id);
        let kept = set_label(&self.origin, backend, id, &label, on).await?;
        Ok(Written::Labelled(kept))
    }

    fn connectors(&self) -> Vec<Connector> {
        self.directory
            .get_untracked()
            .and_then(Result::ok)
            .map(|d| d.connectors)
            .unwrap_or_default()
    }
}

/// What one write changed: a backend's row, or a snooze or labels kept by Switchboard.
enum Written {
    Row(Box<Conversation>),
    Snoozed(Snooze),
    Labelled(ConversationLabels),
}

/// Answers not yet put back in the list.
#[derive(Default)]
struct Batch {
    rows: Vec<Conversation>,
    snoozed: Vec<(ConversationKey, Snooze)>,
    labelled: Vec<(ConversationKey, ConversationLabels)>,
    len: usize,
}

impl Batch {
    fn add(&mut self, key: ConversationKey, written: Written) {
        match written {
            Written::Row(conversation) => self.rows.push(*conversation),
            Written::Snoozed(snooze) => self.snoozed.push((key, snooze)),
            Written::Labelled(labels) => self.labelled.push((key, labels)),
        }
        self.len += 1;
    }
}
