//! Labels in the list (`docs/labels.md`): the team's labels, read when the console starts,
//! and which conversation carries which, read per backend with the console's other marks
//! ([`KeptMarks`]) and again when a colleague changes them. A row shows its labels (each a
//! colour and always its name), the sidebar lists the team's labels with how many loaded
//! conversations carry each, and `?label=…` narrows the list to one.

mod views;

use crate::components::inbox::kept_marks::{KeptMark, KeptMarks};
use crate::connectors::labels::{labelled, labels_of, team_labels};
use crate::state::{api_origin, DirectoryResource, InboxRows};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use switchboard_core::domain::ConversationKey;
use switchboard_core::error::ApiError;
use switchboard_core::labels::{ConversationLabels, Label};
pub use views::LabelViews;

/// Each labelled conversation's labels, as the server keeps them.
pub type RowLabels = KeptMarks<ConversationLabels>;

impl KeptMark for ConversationLabels {
    fn conversation_id(&self) -> &str {
        &self.conversation_id
    }

    async fn read_backend(origin: String, backend: String) -> Result<Vec<Self>, ApiError> {
        labelled(&origin, &backend).await
    }

    async fn read_one(origin: String, key: ConversationKey) -> Result<Option<Self>, ApiError> {
        labels_of(&origin, &key.backend, &key.id).await.map(Some)
    }
}

/// The team's labels, and which conversation carries which.
#[derive(Clone, Copy)]
pub struct LabelState {
    team: RwSignal<Vec<Label>>,
    pub on: RowLabels,
}

impl LabelState {
    /// Reads the team's labels and every backend's labelled conversations, and follows them
    /// for the console.
    pub fn provide(directory: DirectoryResource) -> LabelState {
        let state = LabelState {
            team: RwSignal::new(Vec::new()),
            on: RowLabels::provide(directory),
        };
        provide_context(state);
        state.read_team();
        state.read_team_on_unknown_ids();
        state
    }

    /// Labels kept by one view alone (a test's, a page outside the console).
    pub fn detached() -> LabelState {
        LabelState {
            team: RwSignal::new(Vec::new()),
            on: RowLabels::detached(),
        }
    }

    /// Reads the team's labels again.
    pub fn read_team(self) {
        let origin = api_origin();
        leptos::task::spawn_local(async move {
            // A failed read keeps what was known.
            if let Ok(read) = team_labels(&origin).await {
                self.team.try_set(read);
            }
        });
    }

    /// A label a colleague just created shows on a row before this console knows its name:
    /// the team's labels are read again, once per change that brings one.
    fn read_team_on_unknown_ids(self) {
        Effect::new(move |_| {
            let known: HashSet<String> = self
                .team
                .with_untracked(|team| team.iter().map(|l| l.id.clone()).collect());
            let unknown = self.on.with(|on| {
                on.values()
                    .flat_map(|c| c.label_ids.iter())
                    .any(|id| !known.contains(id))
            });
            if unknown {
                self.read_team();
            }
        });
    }

    /// The team's labels, by name (tracked).
    pub fn team(&self) -> Vec<Label> {
        self.team.get()
    }

    /// Keeps a label as the server now has it (one this console created or changed).
    pub fn keep(&self, label: Label) {
        self.team.update(|team| {
            team.retain(|l| l.id != label.id);
            team.push(label);
            team.sort_by_key(|l| l.name.to_lowercase());
        });
    }

    /// The labels `key` carries, in the order they were added (tracked).
    pub fn of(&self, key: &ConversationKey) -> Vec<Label> {
        let ids = self
            .on
            .with(|on| on.get(key).map(|c| c.label_ids.clone()))
            .unwrap_or_default();
        if ids.is_empty() {
            return Vec::new();
        }
        self.team.with(|team| {
            ids.iter()
                .filter_map(|id| team.iter().find(|l| &l.id == id).cloned())
                .collect()
        })
    }

    /// The conversations carrying `label` (tracked).
    pub fn carrying(&self, label: &str) -> HashSet<ConversationKey> {
        self.on.with(|on| {
            on.iter()
                .filter(|(_, c)| c.label_ids.iter().any(|id| id == label))
                .map(|(key, _)| key.clone())
                .collect()
        })
    }

    /// How many loaded conversations carry each label (tracked).
    pub fn counts(&self, rows: InboxRows) -> HashMap<String, usize> {
        self.on.with(|on| {
            let mut counts = HashMap::new();
            if on.is_empty() {
                return counts;
            }
            rows.0.with(|inbox| {
                for row in &inbox.conversations {
                    for id in on
                        .get(&row.key)
                        .map(|c| c.label_ids.as_slice())
                        .unwrap_or(&[])
                    {
                        *counts.entry(id.clone()).or_insert(0) += 1;
                    }
                }
            });
            counts
        })
    }
}

/// A label as the rows and the header show it: its colour beside its name, never the colour
/// alone.
#[component]
pub fn LabelChip(label: Label) -> impl IntoView {
    view! {
        <span class=format!("label-chip label-{}", label.colour.token()) data-testid="label-chip" data-label=label.id.clone()>
            <span class="label-swatch" aria-hidden="true"></span>
            <bdi>{label.name}</bdi>
        </span>
    }
}

/// A row's labels.
#[component]
pub fn RowLabelChips(key: ConversationKey) -> impl IntoView {
    let state = use_context::<LabelState>();
    move || {
        let labels = state.map(|s| s.of(&key)).unwrap_or_default();
        (!labels.is_empty()).then(|| {
            view! {
                <span class="row-labels" data-testid="row-labels">
                    {labels.into_iter().map(|label| view! { <LabelChip label /> }).collect_view()}
                </span>
            }
        })
    }
}
