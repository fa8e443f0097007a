//! The open conversation's messages, oldest first. Message text is always rendered as
//! text, never as markup: customers write it. Where a backend has them, each message shows
//! its kind and the message it answers, and offers "Reply to this".

use crate::components::reply_context::{snippet, ReplyTarget, ReplyingTo};
use crate::state::Clock;
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard_core::attachments::{format_size, FileFormat};
use switchboard_core::directory::Agent;
use switchboard_core::domain::{Attachment, AuthorKind, Message};

#[component]
pub fn MessageThread(
    #[prop(into)] messages: Signal<Vec<Message>>,
    #[prop(into)] customer: String,
    #[prop(into)] agents: Signal<Vec<Agent>>,
) -> impl IntoView {
    let enlarged = RwSignal::new(None::<Attachment>);
    view! {
        <ol class="thread" data-testid="thread" aria-label="Messages">
            <For each=move || messages.get() key=|m| m.id.clone() let:message>
                <MessageItem
                    parent=parent_of(&message, messages)
                    message
                    customer=customer.clone()
                    agents
                    enlarged
                />
            </For>
        </ol>
        <Lightbox enlarged />
    }
}

/// The message `message` answers, quoted: who wrote it and its first words.
fn parent_of(message: &Message, messages: Signal<Vec<Message>>) -> Option<String> {
    let wanted = message.in_reply_to.as_ref()?;
    Some(messages.with_untracked(|all| {
        all.iter().find(|m| &m.id == wanted).map_or_else(
            || "an earlier message".to_owned(),
            |m| {
                let who = m
                    .author
                    .name
                    .clone()
                    .or_else(|| m.kind.clone())
                    .unwrap_or_else(|| "message".to_owned());
                format!("{who}: “{}”", snippet(&m.body, 80))
            },
        )
    }))
}

/// An image attachment shown large over the thread. It takes the focus when it opens,
/// Escape or Close shuts it, and the focus goes back to the thumbnail that opened it.
#[component]
fn Lightbox(enlarged: RwSignal<Option<Attachment>>) -> impl IntoView {
    let close_button = NodeRef::<html::Button>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close = move || {
        enlarged.set(None);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    Effect::new(move |_| {
        if enlarged.with(Option::is_some) {
            opener.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            request_animation_frame(move || {
                if let Some(button) = close_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && enlarged.with_untracked(Option::is_some) {
            close();
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        {move || {
            enlarged
                .get()
                .map(|image| {
                    view! {
                        <div
                            class="lightbox"
                            role="dialog"
                            aria-modal="true"
                            aria-label=image.name.clone()
                            data-testid="lightbox"
                            on:click=move |_| close()
                        >
                            <img src=image.url.clone() alt=image.name.clone() referrerpolicy="no-referrer" />
                            <p class="lightbox-caption">
                                {format!("{} · {}", image.name, format_size(image.size))}
                            </p>
                            <a
                                class="button"
                                href=image.url.clone()
                                download=image.name.clone()
                                data-testid="lightbox-download"
                                on:click=|ev| ev.stop_propagation()
                            >
                                "Download"
                            </a>
                            <button class="button" type="button" node_ref=close_button>
                                "Close"
                            </button>
                        </div>
                    }
                })
        }}
    }
}

#[component]
fn AttachmentItem(attachment: Attachment, enlarged: RwSignal<Option<Attachment>>) -> impl IntoView {
    let kind = FileFormat::from_media_type(&attachment.media_type)
        .map(|f| f.label().to_owned())
        .unwrap_or_else(|| match attachment.media_type.as_str() {
            "" => "Media".to_owned(),
            other => other.to_owned(),
        });
    // A link's size is unknown until fetched (PostCenter's media): not shown as 0 B.
    let details = match attachment.size {
        0 => kind.clone(),
        size => format!("{kind} · {}", format_size(size)),
    };
    if attachment.is_image {
        let label = format!("Show {} large", attachment.name);
        let name = attachment.name.clone();
        let url = attachment.url.clone();
        let download_url = attachment.url.clone();
        view! {
            <li class="attachment image" data-testid="message-attachment">
                <button
                    class="thumb"
                    type="button"
                    aria-label=label
                    on:click=move |_| enlarged.set(Some(attachment.clone()))
                >
                    <img src=url alt=name.clone() loading="lazy" referrerpolicy="no-referrer" />
                </button>
                <span class="attachment-name" dir="auto">{name.clone()}</span>
                <span class="state-hint">{details}</span>
                <a
                    class="attachment-download"
                    href=download_url
                    download=name.clone()
                    aria-label=format!("Download {name}")
                    data-testid="attachment-download"
                >
                    "Download"
                </a>
            </li>
        }
        .into_any()
    } else {
        view! {
            <li class="attachment file" data-testid="message-attachment">
                <a href=attachment.url.clone() download=attachment.name.clone() rel="noreferrer" referrerpolicy="no-referrer">
                    <span class="file-icon" aria-hidden="true">{kind.clone()}</span>
                    <span class="attachment-name" dir="auto">{attachment.name.clone()}</span>
                </a>
                <span class="state-hint">{details}</span>
            </li>
        }
        .into_any()
    }
}

#[component]
fn MessageItem(
    message: Message,
    /// The message it answers, quoted.
    parent: Option<String>,
    customer: String,
    agents: Signal<Vec<Agent>>,
    enlarged: RwSignal<Option<Attachment>>,
) -> impl IntoView {
    let clock = expect_context::<Clock>();
    let named = message.author.name.clone();
    let (side, author) = match &message.author.kind {
        AuthorKind::Customer => ("from-customer", named.unwrap_or(customer)),
        AuthorKind::Agent => {
            let id = message.author.id.clone().unwrap_or_default();
            let name = agents
                .with_untracked(|agents| agents.iter().find(|a| a.id == id).map(|a| a.name.clone()))
                .unwrap_or(if id.is_empty() {
                    "Agent".to_owned()
                } else {
                    id
                });
            let name = match &message.author.role {
                Some(role) => format!("{name} ({role})"),
                None => name,
            };
            ("from-agent", name)
        }
        AuthorKind::System => ("from-system", "System".to_owned()),
        AuthorKind::Other(raw) if raw.is_empty() => ("from-other", "Unknown sender".to_owned()),
        AuthorKind::Other(raw) => (
            "from-other",
            match named {
                Some(name) => format!("{name} ({raw})"),
                None => raw.clone(),
            },
        ),
    };
    let recipients =
        (!message.recipients.is_empty()).then(|| format!("to {}", message.recipients.join(", ")));
    let unread = shows_unread(&message);
    let sent_at = message.sent_at;
    let i18n = crate::i18n::use_i18n();
    let when = move || {
        sent_at
            .map(|t| crate::i18n::relative(i18n.lang(), clock.now(), t))
            .unwrap_or_default()
    };
    let exact = move || {
        sent_at
            .map(|t| crate::i18n::exact(i18n.lang(), t))
            .unwrap_or_default()
    };
    // "Reply to this", where the backend threads replies.
    let reply_to = use_context::<ReplyingTo>()
        .filter(|r| r.offered)
        .map(|replying| {
            let target = ReplyTarget {
                id: message.id.clone(),
                author: author.clone(),
                snippet: snippet(&message.body, 60),
            };
            view! {
                <button
                    class="button ghost message-reply-to"
                    type="button"
                    data-testid="reply-to-message"
                    on:click=move |_| replying.target.set(Some(target.clone()))
                >
                    "Reply to this"
                </button>
            }
        });
    let message_id = message.id.clone();
    view! {
        <li class=format!("message {side}") class:unread=unread data-testid="message" data-message-id=message_id>
            <div class="message-meta">
                <span class="message-author" data-testid="message-author"><bdi>{author}</bdi></span>
                {recipients.map(|r| view! { <span class="message-recipients">{r}</span> })}
                {unread.then(|| view! { <span class="badge unread" data-testid="message-unread">"unread"</span> })}
                <time title=exact>{when}</time>
                {message.delivery.clone().map(|d| view! { <span class="message-delivery">{d.to_lowercase()}</span> })}
                {message.kind.clone().map(|k| view! { <span class="badge message-kind" data-testid="message-kind">{k}</span> })}
                {reply_to}
            </div>
            {parent.map(|quote| view! {
                <p class="message-quote" data-testid="message-quote">{format!("In reply to {quote}")}</p>
            })}
            {(!message.body.is_empty()).then(|| view! {
                <p class="message-body" data-testid="message-body" dir="auto">{message.body.clone()}</p>
            })}
            {(!message.attachments.is_empty()).then(|| view! {
                <ul class="message-attachments" aria-label="Attachments">
                    {message
                        .attachments
                        .clone()
                        .into_iter()
                        .map(|attachment| view! { <AttachmentItem attachment enlarged /> })
                        .collect_view()}
                </ul>
            })}
        </li>
    }
}

/// Whether a message shows as unread: the agent's side has not read what others sent.
pub fn shows_unread(message: &Message) -> bool {
    message.read == Some(false) && message.author.kind != AuthorKind::Agent
}
