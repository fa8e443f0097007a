//! A conversation's status as a badge: colour and a word, in the reader's language.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use switchboard_core::domain::ConversationStatus;

/// Status as colour and a word, never colour alone.
#[component]
pub fn StatusBadge(status: ConversationStatus) -> impl IntoView {
    let i18n = use_i18n();
    let token = status.token();
    let label = move || status.label(i18n.lang());
    view! {
        <span class=format!("badge status status-{token}") data-testid="status-badge">
            {label}
        </span>
    }
}
