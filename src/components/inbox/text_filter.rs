//! The inbox's text filter: words over customer, subject, reference and last message,
//! applied in the page as the agent types (`/` comes here). The text stays in the URL
//! (`?q=`), replaced rather than pushed, so Back does not replay each keystroke.

use crate::components::inbox::inbox_filters::{
    use_inbox_filters, use_replace_filters, InboxFilters,
};
use crate::i18n::tr;
use leptos::prelude::*;

#[component]
pub fn TextFilter() -> impl IntoView {
    let filters = use_inbox_filters();
    let replace = use_replace_filters();
    let text = RwSignal::new(filters.with_untracked(|f| f.text.clone().unwrap_or_default()));
    // Another view chosen (or Back): the field shows what the URL holds.
    Effect::new(move |_| {
        let wanted = filters.with(|f| f.text.clone().unwrap_or_default());
        if text.with_untracked(|t| t.trim() != wanted.trim()) {
            text.set(wanted);
        }
    });
    let apply = move |typed: String| {
        text.set(typed.clone());
        replace(InboxFilters {
            text: (!typed.trim().is_empty()).then_some(typed),
            ..filters.get_untracked()
        });
    };
    let clear = apply.clone();
    // Esc leaves the field (the page's shortcut) and the browser empties a search box, but
    // says so with `change`, not `input`, once the field has lost focus: the filter itself
    // is emptied here, URL and all.
    let on_esc = apply.clone();
    view! {
        <div class="text-filter" role="search">
            <label class="visually-hidden" for="inbox-filter">{tr(msg!("filter-text-label"))}</label>
            <input
                id="inbox-filter"
                type="search"
                data-testid="inbox-filter"
                placeholder=tr(msg!("filter-text-placeholder"))
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |ev| apply(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" && !text.with_untracked(String::is_empty) {
                        on_esc(String::new());
                    }
                }
            />
            <Show when=move || text.with(|t| !t.is_empty())>
                <button class="button ghost" type="button" data-testid="inbox-filter-clear" on:click={
                    let clear = clear.clone();
                    move |_| clear(String::new())
                }>{tr(msg!("filter-clear"))}</button>
            </Show>
        </div>
    }
}
