//! The inbox's date search: conversations last active between two days. The days go in
//! the URL (`?from=…&until=…`, replaced rather than pushed); a backend that searches by
//! date is asked (Octopia, in windows its contract accepts), the others are narrowed in
//! the page and the view says so. "Until" means something only after "From".

use crate::components::inbox::inbox_filters::{
    use_inbox_filters, use_replace_filters, InboxFilters,
};
use crate::i18n::{tr, use_i18n};
use leptos::prelude::*;
use switchboard_core::domain::ActiveRange;
use switchboard_core::i18n::text;

#[component]
pub fn DateFilter() -> impl IntoView {
    let i18n = use_i18n();
    let filters = use_inbox_filters();
    let replace = use_replace_filters();
    let shown = move || filters.with(|f| f.active.map(|range| range.tokens()));
    let from = move || shown().map(|(from, _)| from).unwrap_or_default();
    let until = move || shown().and_then(|(_, until)| until).unwrap_or_default();
    // Either field changed: the URL gets the range both now name (or none).
    let apply = move |from: String, until: String| {
        replace(InboxFilters {
            active: ActiveRange::parse(Some(&from), Some(&until)),
            ..filters.get_untracked()
        });
    };
    let on_from = {
        let apply = apply.clone();
        move |ev| apply(event_target_value(&ev), until())
    };
    let on_until = {
        let apply = apply.clone();
        move |ev| apply(from(), event_target_value(&ev))
    };
    let clear = move |_| apply(String::new(), String::new());
    view! {
        <fieldset class="date-filter">
            <legend>{tr(msg!("filter-last-activity"))}</legend>
            <label>
                {tr(msg!("filter-from"))}
                <input type="date" data-testid="active-from" prop:value=from on:change=on_from />
            </label>
            <label>
                {tr(msg!("filter-until"))}
                <input
                    type="date"
                    data-testid="active-until"
                    prop:value=until
                    prop:min=from
                    disabled=move || shown().is_none()
                    title=move || shown().is_none().then(|| text(i18n.lang(), msg!("filter-until-needs-from")))
                    on:change=on_until
                />
            </label>
            <Show when=move || shown().is_some()>
                <button class="button ghost" type="button" data-testid="active-clear" on:click={
                    let clear = clear.clone();
                    move |ev| clear(ev)
                }>
                    {tr(msg!("filter-any-date"))}
                </button>
            </Show>
        </fieldset>
    }
}
