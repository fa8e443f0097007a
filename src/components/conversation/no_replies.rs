//! Where the reply box would be, for a conversation its backend takes no reply to (a
//! PostCenter ticket, a support session): why, in words, and where a link pattern is
//! configured, a link that opens the item in the team's own tool.

use crate::i18n::{tr, Msg};
use leptos::prelude::*;

#[component]
pub fn NoReplies(
    /// Why there is no reply box: the connector's words, as a catalogue message.
    reason: Msg,
    /// The item in the backend's own tool, with what the link says.
    elsewhere: Option<(String, String)>,
) -> impl IntoView {
    view! {
        <div class="notice no-replies" data-testid="reply-blocked">
            <p>{tr(reason)}</p>
            {elsewhere.map(|(url, label)| view! {
                <a
                    class="button ghost"
                    href=url
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid="open-elsewhere"
                >
                    {label}
                </a>
            })}
        </div>
    }
}
