//! Loading, empty and error states: designed once, used by every pane.

use crate::i18n::{tr, use_i18n, Say};
use leptos::prelude::*;
use switchboard_core::error::ApiError;

#[component]
pub fn Loading(#[prop(into)] label: TextProp) -> impl IntoView {
    view! {
        <div class="state state-loading" role="status" aria-live="polite" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            <span>{move || label.get()}</span>
        </div>
    }
}

#[component]
pub fn EmptyState(
    #[prop(into)] title: TextProp,
    #[prop(into, optional)] hint: Option<TextProp>,
) -> impl IntoView {
    view! {
        <div class="state state-empty" data-testid="empty-state">
            <p class="state-title">{move || title.get()}</p>
            {hint.map(|hint| view! { <p class="state-hint">{move || hint.get()}</p> })}
        </div>
    }
}

/// An error in words, the backend's field reasons under it, its trace id for support,
/// and a retry when one can help.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(into, optional)] context: Option<TextProp>,
    #[prop(optional)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let details = error.detail_lines();
    let trace = error.correlation_id.clone();
    view! {
        <div class="state state-error" role="alert" data-testid="error-panel">
            {context.map(|context| view! { <p class="state-title">{move || context.get()}</p> })}
            <p>{move || error.say(i18n.lang())}</p>
            {(!details.is_empty())
                .then(|| {
                    view! {
                        <ul class="error-details">
                            {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {trace.map(|id| view! { <p class="state-hint">{tr(msg!("reference-for-support"))} " " <code>{id}</code></p> })}
            {on_retry
                .map(|retry| {
                    view! {
                        <button class="button" type="button" on:click=move |_| retry.run(())>
                            {tr(msg!("action-try-again"))}
                        </button>
                    }
                })}
        </div>
    }
}
