//! How many loaded conversations each saved view holds: its query as the backends would
//! apply it, then what the page narrows itself (text, unread, overdue, snoozed, a label),
//! over the rows loaded, as the sidebar's other counts are.

use super::SavedViews;
use crate::components::inbox::deadlines::RowDues;
use crate::components::inbox::inbox_filters::InboxFilters;
use crate::components::inbox::labels::LabelState;
use crate::components::inbox::snooze::SnoozeState;
use crate::state::{CurrentAgent, InboxRows};
use leptos::prelude::*;
use switchboard_core::domain::InboxQuery;

/// Each view's id and count, again when the rows, the views or the marks change.
pub fn use_view_counts(views: SavedViews) -> Memo<Vec<(String, usize)>> {
    let rows = use_context::<InboxRows>();
    let me = use_context::<CurrentAgent>().and_then(|a| a.id_untracked());
    let dues = use_context::<RowDues>();
    let snoozes = use_context::<SnoozeState>();
    let labels = use_context::<LabelState>();
    Memo::new(move |_| {
        let Some(rows) = rows else {
            return Vec::new();
        };
        let held = snoozes.map(|s| s.held()).unwrap_or_default();
        views.0.with(|views| {
            views
                .iter()
                .map(|view| {
                    let filters = InboxFilters::of_query(&view.query);
                    let query = InboxQuery {
                        status: filters.status,
                        assignee: filters.assignee,
                        me: me.clone(),
                        reference: filters.reference.clone(),
                        backend: filters.backend.clone(),
                        active: filters.active,
                        page_size: 0,
                    };
                    let matcher = filters.refinement().matcher();
                    let carrying = filters
                        .label
                        .as_ref()
                        .map(|label| labels.map(|l| l.carrying(label)).unwrap_or_default());
                    let count = rows.0.with(|inbox| {
                        inbox
                            .conversations
                            .iter()
                            .filter(|c| query.admits(c) && matcher.admits(c))
                            .filter(|c| held.contains(&c.key) == filters.snoozed)
                            .filter(|c| {
                                !filters.overdue || dues.is_some_and(|d| d.is_overdue(&c.key))
                            })
                            .filter(|c| carrying.as_ref().is_none_or(|keys| keys.contains(&c.key)))
                            .count()
                    });
                    (view.id.clone(), count)
                })
                .collect()
        })
    })
}
