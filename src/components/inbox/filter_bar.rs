//! The inbox's filters in one compact bar: the text filter, "More filters" (last
//! activity, order) folded away, and every filter in force as a chip that removes it, so
//! rows come first on the screen.

use crate::components::inbox::date_filter::DateFilter;
use crate::components::inbox::inbox_filters::{
    use_inbox_filters, use_replace_filters, InboxFilters,
};
use crate::components::inbox::inbox_order::SortSelect;
use crate::components::inbox::text_filter::TextFilter;
use crate::i18n::{tr, use_i18n, Args};
use leptos::prelude::*;
use switchboard_core::domain::InboxSort;
use switchboard_core::i18n::{text, text_with};

/// The filters in one compact bar: the text filter, "More filters" (last activity, order)
/// folded away, and every filter in force as a chip that removes it. Rows come first.
#[component]
pub fn FilterBar() -> impl IntoView {
    let filters = use_inbox_filters();
    let replace = use_replace_filters();
    let i18n = use_i18n();
    let chips = move || {
        let f = filters.get();
        let lang = i18n.lang();
        let mut chips: Vec<(String, &'static str, InboxFilters)> = Vec::new();
        if let Some(range) = f.active {
            let (from, until) = range.tokens();
            let words = match until {
                Some(until) => text_with(
                    lang,
                    msg!("filter-chip-range"),
                    &Args::new().str("from", from).str("until", until),
                ),
                None => text_with(
                    lang,
                    msg!("filter-chip-from"),
                    &Args::new().str("from", from),
                ),
            };
            chips.push((
                words,
                "active",
                InboxFilters {
                    active: None,
                    ..f.clone()
                },
            ));
        }
        if f.sort != InboxSort::default() {
            chips.push((
                text(lang, msg!("filter-chip-oldest")),
                "sort",
                InboxFilters {
                    sort: InboxSort::default(),
                    ..f.clone()
                },
            ));
        }
        if let Some(reference) = f.reference.clone() {
            let words = text_with(
                lang,
                msg!("filter-chip-reference"),
                &Args::new().str("reference", reference),
            );
            chips.push((
                words,
                "reference",
                InboxFilters {
                    reference: None,
                    ..f.clone()
                },
            ));
        }
        chips
    };
    view! {
        <div class="filter-bar" data-testid="filter-bar">
            <TextFilter />
            <details class="filter-more">
                <summary data-testid="filter-more">{tr(msg!("filter-more"))}</summary>
                <DateFilter />
                <SortSelect />
            </details>
            <ul class="filter-chips" aria-label=tr(msg!("filter-chips-label"))>
                {move || chips().into_iter().map(|(words, token, without)| {
                    let replace = replace.clone();
                    let label = text_with(i18n.lang(), msg!("filter-chip-remove"), &Args::new().str("filter", words.clone()));
                    view! {
                        <li>
                            <button
                                class="chip"
                                type="button"
                                data-testid=format!("chip-{token}")
                                aria-label=label
                                on:click=move |_| replace(without.clone())
                            >
                                <span dir="auto">{words}</span>
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
