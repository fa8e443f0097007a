//! "Back from snooze": the conversations whose snooze ended while the page was open (its
//! time came, or the customer wrote), said over the list and to a screen reader, each with
//! a link to it, until the agent opens or dismisses it.

use super::SnoozeState;
use crate::components::inbox::inbox_filters::with_search;
use crate::i18n::{tr, use_i18n, Args};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use switchboard_core::domain::{encode_path_segment, ConversationKey};
use switchboard_core::i18n::text_with;

/// Over the list: who is back. The region stays in the page, empty, so that what comes
/// into it is heard.
#[component]
pub fn SnoozeReturns() -> impl IntoView {
    let state = use_context::<SnoozeState>();
    let returned = state.map(|s| s.returned);
    let any = move || returned.is_some_and(|r| r.with(|r| !r.is_empty()));
    let items = move || {
        returned.map(|r| {
            r.get()
                .into_iter()
                .map(|back| view! { <ReturnedItem key=back.key name=back.name returned=r /> })
                .collect_view()
        })
    };
    view! {
        <section class="snooze-returns" class:shown=any role="status" aria-live="polite" data-testid="snooze-back">
            <Show when=any>
                <h2 class="visually-hidden">{tr(msg!("snooze-back-heading"))}</h2>
            </Show>
            <ul>{items}</ul>
        </section>
    }
}

#[component]
fn ReturnedItem(
    key: ConversationKey,
    name: String,
    returned: RwSignal<Vec<super::Returned>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let said = move || {
        text_with(
            i18n.lang(),
            msg!("snooze-back"),
            &Args::new().str("name", name.clone()),
        )
    };
    let path = format!(
        "/conversations/{}/{}",
        encode_path_segment(&key.backend),
        encode_path_segment(&key.id)
    );
    let href = move || with_search(&path, &location.search.get());
    let done = move |_| returned.update(|list| list.retain(|r| r.key != key));
    let done_too = done.clone();
    view! {
        <li data-testid="snooze-back-item">
            <span class="snooze-back-mark" aria-hidden="true">"⏰"</span>
            <span>{said}</span>
            <a class="button small ghost" href=href data-testid="snooze-back-open" on:click=done>
                {tr(msg!("snooze-back-open"))}
            </a>
            <button class="button small ghost" type="button" data-testid="snooze-back-dismiss" on:click=done_too>
                {tr(msg!("snooze-back-dismiss"))}
            </button>
        </li>
    }
}
