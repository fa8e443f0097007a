//! The open conversation's messages, oldest first. Message text is always rendered as
//! text, never as markup: customers write it.

use crate::state::Clock;
use leptos::prelude::*;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{AuthorKind, Message};
use switchboard_core::time;

#[component]
pub fn MessageThread(
    #[prop(into)] messages: Signal<Vec<Message>>,
    #[prop(into)] customer: String,
    #[prop(into)] agents: Signal<Vec<Agent>>,
) -> impl IntoView {
    view! {
        <ol class="thread" data-testid="thread" aria-label="Messages">
            <For each=move || messages.get() key=|m| m.id.clone() let:message>
                <MessageItem message customer=customer.clone() agents />
            </For>
        </ol>
    }
}

#[component]
fn MessageItem(message: Message, customer: String, agents: Signal<Vec<Agent>>) -> impl IntoView {
    let clock = expect_context::<Clock>();
    let (side, author) = match &message.author.kind {
        AuthorKind::Customer => ("from-customer", customer),
        AuthorKind::Agent => {
            let id = message.author.id.clone().unwrap_or_default();
            let name = agents
                .with_untracked(|agents| agents.iter().find(|a| a.id == id).map(|a| a.name.clone()))
                .unwrap_or(if id.is_empty() {
                    "Agent".to_owned()
                } else {
                    id
                });
            ("from-agent", name)
        }
        AuthorKind::System => ("from-system", "System".to_owned()),
        AuthorKind::Other(raw) if raw.is_empty() => ("from-other", "Unknown sender".to_owned()),
        AuthorKind::Other(raw) => ("from-other", raw.clone()),
    };
    let sent_at = message.sent_at;
    let when = move || {
        sent_at
            .map(|t| time::relative(clock.now(), t))
            .unwrap_or_default()
    };
    let exact = sent_at.map(time::exact).unwrap_or_default();
    view! {
        <li class=format!("message {side}") data-testid="message">
            <div class="message-meta">
                <span class="message-author">{author}</span>
                <time title=exact>{when}</time>
                {message.delivery.clone().map(|d| view! { <span class="message-delivery">{d.to_lowercase()}</span> })}
            </div>
            <p class="message-body" data-testid="message-body">{message.body.clone()}</p>
        </li>
    }
}
