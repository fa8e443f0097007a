use leptos::prelude::*;
use switchboard_core::domain::ConversationStatus;

/// Status as colour and a word, never colour alone.
#[component]
pub fn StatusBadge(status: ConversationStatus) -> impl IntoView {
    let label = match &status {
        ConversationStatus::Other(raw) if raw.is_empty() => "Unknown".to_owned(),
        other => other.label().to_owned(),
    };
    view! {
        <span class=format!("badge status status-{}", status.token()) data-testid="status-badge">
            {label}
        </span>
    }
}
