//! The inbox's one-off tools, opened from the command palette: find conversations by an
//! order or trip reference, and the read setting.

use crate::components::inbox::inbox_filters::InboxFilters;
use crate::i18n::tr;
use crate::storage;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

/// The agent's choice, kept on this browser: opening a conversation marks it read (for a
/// case, confirms its messages), or only "Mark read" does.
#[component]
pub fn ReadOnOpenToggle() -> impl IntoView {
    let on = RwSignal::new(storage::read_on_open());
    view! {
        <label class="read-on-open">
            <input
                type="checkbox"
                data-testid="read-on-open"
                prop:checked=move || on.get()
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    storage::set_read_on_open(checked);
                    on.set(checked);
                }
            />
            " "
            {tr(msg!("inbox-read-on-open"))}
        </label>
    }
}

/// Finds conversations by an order or trip reference; the reference stays in the URL.
#[component]
pub fn ReferenceSearch(filters: Memo<InboxFilters>) -> impl IntoView {
    let navigate = use_navigate();
    let location = use_location();
    let text = RwSignal::new(String::new());
    Effect::new(move |_| text.set(filters.with(|f| f.reference.clone().unwrap_or_default())));
    let go = move |reference: Option<String>| {
        // Searching beside an open conversation keeps it open.
        let href = InboxFilters {
            reference,
            ..filters.get_untracked()
        }
        .href_at(&location.pathname.get_untracked());
        navigate(&href, Default::default());
    };
    let clear = go.clone();
    view! {
        <form
            class="reference-search"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                let value = text.get_untracked().trim().to_owned();
                go((!value.is_empty()).then_some(value));
            }
        >
            <label class="visually-hidden" for="reference-search">{tr(msg!("inbox-reference-search"))}</label>
            <input
                id="reference-search"
                type="search"
                data-testid="reference-search"
                placeholder=tr(msg!("inbox-reference-search"))
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <button class="button" type="submit" data-testid="reference-find">{tr(msg!("inbox-reference-find"))}</button>
            <Show when=move || filters.with(|f| f.reference.is_some())>
                <button class="button ghost" type="button" on:click={
                    let clear = clear.clone();
                    move |_| clear(None)
                }>{tr(msg!("filter-clear"))}</button>
            </Show>
        </form>
    }
}
