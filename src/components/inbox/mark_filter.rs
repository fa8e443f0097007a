//! What the page narrows with the console's own marks rather than the backends' fields:
//! overdue (the due times), snoozed (the Snoozed view alone holds them), a label. The list
//! and the saved views' counts narrow alike: read once per pass, asked for every row.

use crate::components::inbox::deadlines::RowDues;
use crate::components::inbox::labels::LabelState;
use crate::components::inbox::snooze::SnoozeState;
use leptos::prelude::*;
use std::collections::HashSet;
use switchboard_core::domain::{ConversationKey, Refinement};

/// The console's marks, as the page has them (none in a page without them).
#[derive(Clone, Copy)]
pub struct ConsoleMarks {
    pub dues: Option<RowDues>,
    snoozes: Option<SnoozeState>,
    labels: Option<LabelState>,
}

impl ConsoleMarks {
    pub fn from_context() -> ConsoleMarks {
        ConsoleMarks {
            dues: use_context::<RowDues>(),
            snoozes: use_context::<SnoozeState>(),
            labels: use_context::<LabelState>(),
        }
    }

    /// What `refinement` asks of them, read now (tracked).
    pub fn filter(&self, refinement: &Refinement) -> MarkFilter {
        MarkFilter {
            dues: self.dues.filter(|_| refinement.overdue),
            overdue_only: refinement.overdue,
            snoozed_view: refinement.snoozed,
            held: self.snoozes.map(|s| s.held()).unwrap_or_default(),
            carrying: refinement
                .label
                .as_ref()
                .map(|label| self.labels.map(|l| l.carrying(label)).unwrap_or_default()),
        }
    }
}

/// One pass's narrowing by the console's marks.
pub struct MarkFilter {
    dues: Option<RowDues>,
    overdue_only: bool,
    snoozed_view: bool,
    held: HashSet<ConversationKey>,
    carrying: Option<HashSet<ConversationKey>>,
}

impl MarkFilter {
    /// Whether the row stays: overdue when only those are asked, snoozed in the Snoozed
    /// view alone, carrying the label asked for.
    pub fn admits(&self, key: &ConversationKey) -> bool {
        (!self.overdue_only || self.dues.is_some_and(|dues| dues.is_overdue(key)))
            && self.held.contains(key) == self.snoozed_view
            && self.carrying.as_ref().is_none_or(|keys| keys.contains(key))
    }
}
