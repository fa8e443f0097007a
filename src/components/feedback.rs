//! Loading, empty and error states: designed once, used by every pane.

use leptos::prelude::*;
use switchboard_core::error::ApiError;

#[component]
pub fn Loading(#[prop(into)] label: String) -> impl IntoView {
    view! {
        <div class="state state-loading" role="status" aria-live="polite" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            <span>{label}</span>
        </div>
    }
}

#[component]
pub fn EmptyState(
    #[prop(into)] title: String,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    view! {
        <div class="state state-empty" data-testid="empty-state">
            <p class="state-title">{title}</p>
            {hint.map(|hint| view! { <p class="state-hint">{hint}</p> })}
        </div>
    }
}

/// An error in words, the backend's field reasons under it, its trace id for support,
/// and a retry when one can help.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(into, optional)] context: Option<String>,
    #[prop(optional)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let details = error.detail_lines();
    let trace = error.correlation_id.clone();
    view! {
        <div class="state state-error" role="alert" data-testid="error-panel">
            {context.map(|context| view! { <p class="state-title">{context}</p> })}
            <p>{error.to_string()}</p>
            {(!details.is_empty())
                .then(|| {
                    view! {
                        <ul class="error-details">
                            {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {trace.map(|id| view! { <p class="state-hint">"Reference for support: " <code>{id}</code></p> })}
            {on_retry
                .map(|retry| {
                    view! {
                        <button class="button" type="button" on:click=move |_| retry.run(())>
                            "Try again"
                        </button>
                    }
                })}
        </div>
    }
}
