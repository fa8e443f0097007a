//! How many loaded conversations each saved view holds: its query as the backends would
//! apply it, then what the page narrows itself (text, unread, overdue, snoozed, a label),
//! over the rows loaded, as the sidebar's other counts are.

use super::SavedViews;
use crate::components::inbox::inbox_filters::InboxFilters;
use crate::components::inbox::mark_filter::ConsoleMarks;
use crate::state::{CurrentAgent, InboxRows};
use leptos::prelude::*;
use switchboard_core::domain::InboxQuery;

/// Each view's id and count, again when the rows, the views or the marks change.
pub fn use_view_counts(views: SavedViews) -> Memo<Vec<(String, usize)>> {
    let rows = use_context::<InboxRows>();
    let me = use_context::<CurrentAgent>().and_then(|a| a.id_untracked());
    let marks = ConsoleMarks::from_context();
    Memo::new(move |_| {
        let Some(rows) = rows else {
            return Vec::new();
        };
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
                    let refinement = filters.refinement();
                    let matcher = refinement.matcher();
                    let by_marks = marks.filter(&refinement);
                    let count = rows.0.with(|inbox| {
                        inbox
                            .conversations
                            .iter()
                            .filter(|c| query.admits(c) && matcher.admits(c))
                            .filter(|c| by_marks.admits(&c.key))
                            .count()
                    });
                    (view.id.clone(), count)
                })
                .collect()
        })
    })
}
