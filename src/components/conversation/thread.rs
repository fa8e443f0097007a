//! The open conversation's messages, oldest first. Message text is always rendered as
//! text, never as markup: customers write it. Where a backend has them, each message shows
//! its kind and the message it answers, and offers "Reply to this".

use crate::components::conversation::message_files::{AttachmentItem, Lightbox};
use crate::components::conversation::note_item::{interleave, Entry, NoteItem};
use crate::components::conversation::reply_context::{snippet, ReplyTarget, ReplyingTo};
use crate::i18n::{tr, use_i18n, Args, Lang};
use crate::state::Clock;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{delivery_words, Attachment, Author, AuthorKind, Message};
use switchboard_core::i18n::{text, text_with};
use switchboard_core::notes::Note;

#[component]
pub fn MessageThread(
    #[prop(into)] messages: Signal<Vec<Message>>,
    /// The customer's name; empty when unknown (the thread then says "Customer").
    #[prop(into)]
    customer: String,
    #[prop(into)] agents: Signal<Vec<Agent>>,
    /// The team's internal notes, each shown in its place in time.
    #[prop(into, optional)]
    notes: Signal<Vec<Note>>,
    /// Whether older messages are still to load ([`interleave`]).
    #[prop(into, optional)]
    earlier_unloaded: Signal<bool>,
) -> impl IntoView {
    let enlarged = RwSignal::new(None::<Attachment>);
    // `try_`: a thread being replaced (its page read again) may hear a change once more
    // after the signals it was made from are gone; it then shows nothing, never panics.
    let entries = move || {
        let earlier = earlier_unloaded.try_get().unwrap_or(false);
        notes
            .try_with(|notes| messages.try_with(|messages| interleave(messages, notes, earlier)))
            .flatten()
            .unwrap_or_default()
    };
    view! {
        <ol class="thread" data-testid="thread" aria-label=tr(msg!("thread-messages"))>
            <For each=entries key=Entry::key let:entry>
                {match entry {
                    Entry::Message(message) => view! {
                        <MessageItem
                            parent=parent_of(&message, messages)
                            message
                            customer=customer.clone()
                            agents
                            enlarged
                        />
                    }.into_any(),
                    Entry::Note(note) => view! { <NoteItem note agents enlarged /> }.into_any(),
                }}
            </For>
        </ol>
        <Lightbox enlarged />
    }
}

/// The message a message answers, as its quote shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Quote {
    /// Not among the messages loaded.
    Earlier,
    /// Its author's name (or the message's kind) where the backend gives one, and its
    /// first words.
    Of {
        who: Option<String>,
        snippet: String,
    },
}

impl Quote {
    fn words(&self, lang: Lang) -> String {
        match self {
            Quote::Earlier => text(lang, msg!("thread-in-reply-to-earlier")),
            Quote::Of {
                who: Some(who),
                snippet,
            } => text_with(
                lang,
                msg!("thread-in-reply-to"),
                &Args::new()
                    .str("author", who.clone())
                    .str("snippet", snippet.clone()),
            ),
            Quote::Of { who: None, snippet } => text_with(
                lang,
                msg!("thread-in-reply-to-unnamed"),
                &Args::new().str("snippet", snippet.clone()),
            ),
        }
    }
}

/// The message `message` answers, quoted: who wrote it and its first words.
fn parent_of(message: &Message, messages: Signal<Vec<Message>>) -> Option<Quote> {
    let wanted = message.in_reply_to.as_ref()?;
    Some(messages.with_untracked(|all| {
        all.iter()
            .find(|m| &m.id == wanted)
            .map_or(Quote::Earlier, |m| Quote::Of {
                who: m.author.name.clone().or_else(|| m.kind.clone()),
                snippet: snippet(&m.body, 80),
            })
    }))
}

/// Who wrote a message, as the thread names them.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Who {
    /// As the backend or the directory names them.
    Named(String),
    /// The customer, whose name is not known.
    Customer,
    /// An agent known by nothing, with the role the backend gives.
    Agent {
        role: Option<String>,
    },
    System,
    Unknown,
}

impl Who {
    fn words(&self, lang: Lang) -> String {
        match self {
            Who::Named(name) => name.clone(),
            Who::Customer => text(lang, msg!("thread-author-customer")),
            Who::Agent { role: None } => text(lang, msg!("thread-author-agent")),
            Who::Agent { role: Some(role) } => {
                format!("{} ({role})", text(lang, msg!("thread-author-agent")))
            }
            Who::System => text(lang, msg!("thread-author-system")),
            Who::Unknown => text(lang, msg!("thread-author-unknown")),
        }
    }
}

/// Which side a message sits on (its class) and who wrote it, as the thread names them.
/// `customer`: the customer's name, empty when unknown; `agents`: the team's directory.
fn author_of(author: &Author, customer: &str, agents: &[Agent]) -> (&'static str, Who) {
    let named = author.name.clone();
    match &author.kind {
        AuthorKind::Customer => (
            "from-customer",
            match named {
                Some(name) => Who::Named(name),
                None if customer.is_empty() => Who::Customer,
                None => Who::Named(customer.to_owned()),
            },
        ),
        AuthorKind::Agent => {
            let id = author.id.clone().unwrap_or_default();
            // The team's name for them (by id, or by the email a backend knows them by),
            // else the backend's own name; the raw id only when nobody names them.
            let name = agents
                .iter()
                .find(|a| a.id == id || a.email.eq_ignore_ascii_case(&id))
                .map(|a| a.name.clone())
                .or(named.filter(|name| !name.trim().is_empty()))
                .or_else(|| (!id.is_empty()).then_some(id));
            let who = match (name, author.role.clone()) {
                (Some(name), Some(role)) => Who::Named(format!("{name} ({role})")),
                (Some(name), None) => Who::Named(name),
                (None, role) => Who::Agent { role },
            };
            ("from-agent", who)
        }
        AuthorKind::System => ("from-system", Who::System),
        AuthorKind::Other(raw) if raw.is_empty() => ("from-other", Who::Unknown),
        AuthorKind::Other(raw) => (
            "from-other",
            Who::Named(match named {
                Some(name) => format!("{name} ({raw})"),
                None => raw.clone(),
            }),
        ),
    }
}

#[component]
fn MessageItem(
    message: Message,
    /// The message it answers, quoted.
    parent: Option<Quote>,
    customer: String,
    agents: Signal<Vec<Agent>>,
    enlarged: RwSignal<Option<Attachment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (side, who) = agents.with_untracked(|agents| author_of(&message.author, &customer, agents));
    let who = StoredValue::new(who);
    let author = move || who.with_value(|who| who.words(i18n.lang()));
    let recipients = (!message.recipients.is_empty()).then(|| {
        let recipients = message.recipients.join(", ");
        move || {
            text_with(
                i18n.lang(),
                msg!("thread-recipients"),
                &Args::new().str("recipients", recipients.clone()),
            )
        }
    });
    let unread = shows_unread(&message);
    let message_id = message.id.clone();
    view! {
        <li class=format!("message {side}") class:unread=unread data-testid="message" data-message-id=message_id>
            <div class="message-meta">
                <span class="message-author" data-testid="message-author"><bdi>{author}</bdi></span>
                {recipients.map(|r| view! { <span class="message-recipients">{r}</span> })}
                {unread.then(|| view! { <span class="badge unread" data-testid="message-unread">{tr(msg!("thread-unread"))}</span> })}
                <SentAt sent_at=message.sent_at />
                {message.delivery.clone().map(|d| view! { <span class="message-delivery" data-testid="message-delivery">{move || delivery_words(&d, i18n.lang())}</span> })}
                {message.kind.clone().map(|k| view! { <span class="badge message-kind" data-testid="message-kind">{k}</span> })}
                <ReplyToThis id=message.id.clone() body=message.body.clone() who />
            </div>
            {parent.map(|quote| view! {
                <p class="message-quote" data-testid="message-quote">{move || quote.words(i18n.lang())}</p>
            })}
            {(!message.body.is_empty()).then(|| view! {
                <p class="message-body" data-testid="message-body" dir="auto">{message.body.clone()}</p>
            })}
            <MessageAttachments attachments=message.attachments.clone() enlarged />
        </li>
    }
}

/// When it was sent: relative, and exact on hover.
#[component]
pub fn SentAt(sent_at: Option<DateTime<Utc>>) -> impl IntoView {
    let clock = expect_context::<Clock>();
    let i18n = use_i18n();
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
    view! { <time title=exact>{when}</time> }
}

/// "Reply to this", where the backend threads replies.
#[component]
fn ReplyToThis(id: String, body: String, who: StoredValue<Who>) -> impl IntoView {
    let i18n = use_i18n();
    use_context::<ReplyingTo>()
        .filter(|r| r.offered)
        .map(|replying| {
            let snippet = snippet(&body, 60);
            view! {
                <button
                    class="button ghost message-reply-to"
                    type="button"
                    data-testid="reply-to-message"
                    on:click=move |_| {
                        // The author in the words of the moment; the chip follows no switch.
                        replying.target.set(Some(ReplyTarget {
                            id: id.clone(),
                            author: who.with_value(|who| who.words(i18n.lang())),
                            snippet: snippet.clone(),
                        }))
                    }
                >
                    {tr(msg!("thread-reply-to-this"))}
                </button>
            }
        })
}

/// The message's files, each opening in the lightbox.
#[component]
pub fn MessageAttachments(
    attachments: Vec<Attachment>,
    enlarged: RwSignal<Option<Attachment>>,
) -> impl IntoView {
    (!attachments.is_empty()).then(|| {
        view! {
            <ul class="message-attachments" aria-label=tr(msg!("thread-attachments"))>
                {attachments
                    .into_iter()
                    .map(|attachment| view! { <AttachmentItem attachment enlarged /> })
                    .collect_view()}
            </ul>
        }
    })
}

/// Whether a message shows as unread: the agent's side has not read what others sent.
pub fn shows_unread(message: &Message) -> bool {
    message.read == Some(false) && message.author.kind != AuthorKind::Agent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author(
        kind: AuthorKind,
        id: Option<&str>,
        name: Option<&str>,
        role: Option<&str>,
    ) -> Author {
        Author {
            kind,
            id: id.map(str::to_owned),
            name: name.map(str::to_owned),
            role: role.map(str::to_owned),
        }
    }

    fn team() -> Vec<Agent> {
        vec![Agent {
            id: "a1".to_owned(),
            name: "Alice".to_owned(),
            email: "alice@example.com".to_owned(),
        }]
    }

    #[test]
    fn a_customer_is_named_by_the_message_then_the_conversation_then_as_customer() {
        let named = author(AuthorKind::Customer, None, Some("Camille"), None);
        assert_eq!(
            author_of(&named, "Martin", &[]),
            ("from-customer", Who::Named("Camille".to_owned()))
        );
        let unnamed = author(AuthorKind::Customer, None, None, None);
        assert_eq!(
            author_of(&unnamed, "Martin", &[]).1,
            Who::Named("Martin".to_owned())
        );
        assert_eq!(author_of(&unnamed, "", &[]).1, Who::Customer);
    }

    #[test]
    fn an_agent_is_named_by_the_team_by_id_or_email_before_the_backend() {
        let by_id = author(AuthorKind::Agent, Some("a1"), Some("agent 7"), None);
        assert_eq!(
            author_of(&by_id, "", &team()),
            ("from-agent", Who::Named("Alice".to_owned()))
        );
        let by_email = author(
            AuthorKind::Agent,
            Some("ALICE@example.com"),
            None,
            Some("Seller"),
        );
        assert_eq!(
            author_of(&by_email, "", &team()).1,
            Who::Named("Alice (Seller)".to_owned())
        );
    }

    #[test]
    fn an_agent_unknown_to_the_team_is_named_by_the_backend_then_by_id_then_by_role() {
        let named = author(AuthorKind::Agent, Some("x9"), Some("Bob"), None);
        assert_eq!(
            author_of(&named, "", &team()).1,
            Who::Named("Bob".to_owned())
        );
        let blank_name = author(AuthorKind::Agent, Some("x9"), Some("  "), None);
        assert_eq!(
            author_of(&blank_name, "", &team()).1,
            Who::Named("x9".to_owned())
        );
        let nobody = author(AuthorKind::Agent, None, None, Some("Service partner"));
        let role = Some("Service partner".to_owned());
        assert_eq!(author_of(&nobody, "", &team()).1, Who::Agent { role });
    }

    #[test]
    fn system_and_other_authors_sit_on_their_own_sides() {
        let system = author(AuthorKind::System, None, None, None);
        assert_eq!(author_of(&system, "", &[]), ("from-system", Who::System));
        let unknown = author(AuthorKind::Other(String::new()), None, None, None);
        assert_eq!(author_of(&unknown, "", &[]), ("from-other", Who::Unknown));
        let bot = author(
            AuthorKind::Other("Bot".to_owned()),
            None,
            Some("Helper"),
            None,
        );
        assert_eq!(
            author_of(&bot, "", &[]).1,
            Who::Named("Helper (Bot)".to_owned())
        );
    }
}
