//! The sidebar's labels: each of the team's, with how many loaded conversations carry it; a
//! press narrows the list to it (`?label=…`), a second press leaves it.

use super::LabelState;
use crate::components::inbox::inbox_filters::InboxFilters;
use crate::components::inbox::view_counts::{CountBadge, Tally};
use crate::connectors::Inbox;
use crate::i18n::tr;
use crate::state::InboxRows;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use switchboard_core::labels::Label;

/// Nothing while the team has no labels.
#[component]
pub fn LabelViews(filters: Memo<InboxFilters>) -> impl IntoView {
    let state = use_context::<LabelState>();
    let rows = use_context::<InboxRows>();
    let counts = Memo::new(move |_| match (state, rows) {
        (Some(state), Some(rows)) => state.counts(rows),
        _ => Default::default(),
    });
    let team = move || state.map(|s| s.team()).unwrap_or_default();
    move || {
        let team = team();
        (!team.is_empty()).then(|| {
            let links = team
                .into_iter()
                .map(|label| view! { <LabelLink label filters counts /> })
                .collect_view();
            view! {
                <h2 class="views-heading" id="views-labels">{tr(msg!("views-labels"))}</h2>
                <ul aria-labelledby="views-labels" data-testid="label-views">{links}</ul>
            }
        })
    }
}

#[component]
fn LabelLink(
    label: Label,
    filters: Memo<InboxFilters>,
    counts: Memo<std::collections::HashMap<String, usize>>,
) -> impl IntoView {
    let location = use_location();
    let rows = use_context::<InboxRows>();
    let id = label.id.clone();
    let href = {
        let id = id.clone();
        move || {
            let current = filters.get();
            let chosen = current.label.as_deref() == Some(id.as_str());
            InboxFilters {
                label: (!chosen).then(|| id.clone()),
                ..current
            }
            .href_at(&location.pathname.get())
        }
    };
    let tally = {
        let id = id.clone();
        Signal::derive(move || {
            let count = counts.with(|c| c.get(&id).copied().unwrap_or(0));
            let more = rows.is_some_and(|r| r.0.with(Inbox::has_more));
            Tally::loaded(count, more)
        })
    };
    let current = {
        let id = id.clone();
        move || {
            filters
                .with(|f| f.label.as_deref() == Some(id.as_str()))
                .then_some("true")
        }
    };
    let token = label.colour.token();
    view! {
        <li>
            <a href=href aria-current=current data-testid="view-label" data-label=id.clone()>
                <span class=format!("label-swatch label-{token}") aria-hidden="true"></span>
                <bdi>{label.name}</bdi>
                <CountBadge tally testid=format!("count-label-{id}") />
            </a>
        </li>
    }
}
