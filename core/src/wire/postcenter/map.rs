//! PostCenter's tickets and messages as the console shows them. Every form the document
//! shows is accepted (see [`super`]); a field of a type never seen becomes an
//! [`OtherField`], shown as it came; only a ticket without its API id cannot be shown.

use super::{parse_ticket_time, CmDto, Identifier, MessageDto, State, TicketDto, CAPABILITIES};
use crate::attachments::FileFormat;
use crate::domain::channel_word;
use crate::domain::{
    Attachment, Author, AuthorKind, BackendAgent, BackendKind, Conversation, ConversationKey,
    ConversationStatus, Message, OtherField,
};
use crate::i18n::{text_with, Args, Lang};
use crate::lenient::Lenient;
use crate::wire::MappingError;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// A lenient field read as its type, with the odd ones noted as other fields.
struct Reader {
    other: Vec<OtherField>,
}

impl Reader {
    fn new() -> Self {
        Reader { other: Vec::new() }
    }

    fn get<'a, T>(&mut self, name: &str, field: &'a Option<Lenient<T>>) -> Option<&'a T> {
        match field.as_ref()? {
            Lenient::Known(value) => Some(value),
            Lenient::Odd(Value::Null) => None,
            Lenient::Odd(raw) => {
                self.other.push(other_field(name, raw));
                None
            }
        }
    }

    fn text(&mut self, name: &str, field: &Option<Lenient<String>>) -> Option<String> {
        self.get(name, field)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// A time in any form shown; one in a form never seen is kept as text.
    fn time(&mut self, name: &str, field: &Option<Lenient<String>>) -> Option<DateTime<Utc>> {
        let raw = self.text(name, field)?;
        let parsed = parse_ticket_time(&raw);
        if parsed.is_none() {
            self.other.push(OtherField {
                name: name.to_owned(),
                value: raw,
            });
        }
        parsed
    }
}

/// A value shown as text: a string as it is, anything else as its JSON.
fn other_field(name: &str, raw: &Value) -> OtherField {
    OtherField {
        name: name.to_owned(),
        value: match raw {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        },
    }
}

/// The number agents see (`identifier`), as text, whichever form it came in.
pub fn agent_number(dto: &TicketDto) -> Option<String> {
    match dto.identifier.as_ref()?.known()? {
        Identifier::Number(n) => Some(n.to_string()),
        Identifier::Text(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
    }
}

/// The ticket's state: the state word where the list gives one, else `is_closed`.
pub fn ticket_status(state: Option<&str>, is_closed: Option<bool>) -> ConversationStatus {
    match state.map(|w| (w, State::from_word(w))) {
        Some((_, Some(State::Open))) => ConversationStatus::Open,
        Some((_, Some(State::Closed))) => ConversationStatus::Closed,
        Some((_, Some(State::Ignored))) => ConversationStatus::Ignored,
        Some((_, Some(State::InProgress))) => ConversationStatus::InProgress,
        Some((word, _)) => ConversationStatus::Other(word.to_owned()),
        None => match is_closed {
            Some(true) => ConversationStatus::Closed,
            _ => ConversationStatus::Open,
        },
    }
}

/// PostCenter's agent as the console names them.
pub fn cm_to_domain(dto: &CmDto) -> Option<BackendAgent> {
    // An id written as a string (`"467"`) is the same agent: vendors are less tidy than
    // their documents.
    let id = match dto.cmid.as_ref()? {
        Lenient::Known(id) => id.to_string(),
        Lenient::Odd(Value::String(text)) if text.trim().parse::<i64>().is_ok() => {
            text.trim().to_owned()
        }
        Lenient::Odd(_) => return None,
    };
    let text = |f: &Option<Lenient<String>>| {
        f.as_ref()
            .and_then(Lenient::known)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    Some(BackendAgent {
        id,
        name: text(&dto.name),
        email: text(&dto.email),
    })
}

/// A ticket, in any of its three shapes, as the console shows it.
/// Words the console writes itself (a ticket without a name, the channel) are in `lang`.
pub fn ticket_to_domain(
    backend: &str,
    dto: &TicketDto,
    lang: Lang,
) -> Result<Conversation, MappingError> {
    let mut read = Reader::new();
    let id = read.text("id", &dto.id).ok_or(MappingError {
        record: "a ticket",
        field: "id",
    })?;
    if let Some(odd) = dto.identifier.as_ref().and_then(Lenient::odd) {
        read.other.push(other_field("identifier", odd));
    }
    let created = read
        .time("created", &dto.created)
        .or_else(|| read.time("created_datetime", &dto.created_datetime));
    let updated = read
        .time("updated_time", &dto.updated_time)
        .or_else(|| read.time("updated_datetime", &dto.updated_datetime));
    let state = read.text("status", &dto.status);
    let is_closed = read.get("is_closed", &dto.is_closed).copied();
    let assigned_to = match dto.current_assignment.as_ref() {
        Some(Lenient::Known(cm)) => cm_to_domain(cm),
        Some(Lenient::Odd(Value::Null)) | None => None,
        Some(Lenient::Odd(raw)) => {
            read.other.push(other_field("current_assignment", raw));
            None
        }
    };
    let channel = read.text("social_network", &dto.social_network);
    let author = read.text("last_author", &dto.last_author);
    let last_message = read
        .text("last_content", &dto.last_content)
        .map(|body| Message {
            id: format!("{id}-last"),
            author: Author {
                kind: AuthorKind::Other(String::new()),
                id: None,
                name: author.clone(),
                role: None,
            },
            body,
            sent_at: updated,
            delivery: None,
            attachments: Vec::new(),
            read: None,
            recipients: Vec::new(),
            kind: None,
            in_reply_to: None,
        });
    // The list names the last writer but not their side: a ticket nobody has taken yet
    // awaits its first answer since it was opened; the thread says more.
    let awaiting_since = match ticket_status(state.as_deref(), is_closed) {
        ConversationStatus::Open => created,
        _ => None,
    };
    let subject = read
        .text("subject", &dto.subject)
        .or_else(|| read.text("title", &dto.title));
    read.other
        .extend(dto.other.iter().map(|(name, raw)| other_field(name, raw)));
    Ok(Conversation {
        key: ConversationKey::new(backend, id),
        backend_kind: BackendKind::Postcenter,
        customer: author
            .clone()
            .or_else(|| {
                agent_number(dto).map(|n| {
                    text_with(
                        lang,
                        msg!("postcenter-ticket-name"),
                        &Args::new().str("number", n),
                    )
                })
            })
            .unwrap_or_default(),
        subject,
        reference: agent_number(dto).map(|n| format!("#{n}")),
        status: ticket_status(state.as_deref(), is_closed),
        assignee: None,
        participants: author.into_iter().collect(),
        last_message: last_message.map(Box::new),
        last_activity: updated.or(created),
        capabilities: CAPABILITIES,
        customer_name: None,
        reason: None,
        badges: channel
            .iter()
            .map(|c| channel_word(&channel_label(c), lang))
            .collect(),
        channel: channel.as_deref().map(channel_label),
        unread: None,
        reply_recipients: Vec::new(),
        callback_phone: None,
        performer: None,
        assigned_to,
        other_fields: read.other,
        awaiting_since,
    })
}

/// A channel as the console writes it: "Facebook", "Email", or the word as it came.
pub fn channel_label(channel: &str) -> String {
    match channel.to_lowercase().as_str() {
        "facebook" => "Facebook".to_owned(),
        "twitter" => "Twitter".to_owned(),
        "email" => "Email".to_owned(),
        "whatsapp" => "WhatsApp".to_owned(),
        _ => channel.to_owned(),
    }
}

/// A message of a ticket. PostCenter gives messages no id: the index in the ticket's
/// list (oldest first) with the author and time make one that stays while the ticket
/// only grows. The company's own account writes as the agent side (`company_account`).
pub fn message_to_domain(
    ticket_id: &str,
    index: usize,
    dto: &MessageDto,
    company_account: Option<&str>,
) -> Message {
    let mut read = Reader::new();
    let account = read.text("author_account", &dto.author_account);
    let kind = match (account.as_deref(), company_account) {
        (Some(a), Some(c)) if a.eq_ignore_ascii_case(c) => AuthorKind::Agent,
        _ => AuthorKind::Customer,
    };
    let sent_at = read.time("created", &dto.created);
    let media = read.text("media", &dto.media);
    // Only web addresses become links or images: anything else (a `javascript:` URL) is
    // shown as text.
    let (media, unsafe_media) = match media {
        Some(url) if is_web_address(&url) => (Some(url), None),
        other => (None, other),
    };
    if let Some(raw) = unsafe_media {
        read.other.push(OtherField {
            name: "media".to_owned(),
            value: raw,
        });
    }
    let mut body = read.text("content", &dto.content).unwrap_or_default();
    let author = Author {
        kind,
        id: read.text("author_id", &dto.author_id),
        name: read
            .text("author_name", &dto.author_name)
            .or(account.map(|a| format!("@{a}"))),
        role: None,
    };
    read.other
        .extend(dto.other.iter().map(|(name, raw)| other_field(name, raw)));
    // A message's odd fields have nowhere else to go: they follow its text.
    for field in &read.other {
        body.push_str(&format!("\n[{}: {}]", field.name, field.value));
    }
    Message {
        id: format!("{ticket_id}-{index}"),
        author,
        body,
        sent_at,
        delivery: None,
        attachments: media
            .into_iter()
            .map(|url| media_to_domain(ticket_id, index, url))
            .collect(),
        read: None,
        recipients: Vec::new(),
        kind: None,
        in_reply_to: None,
    }
}

/// An `http(s)://` address or a path on the API's own host.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || (url.starts_with('/') && !url.starts_with("//"))
}

/// A message's `media` URL as an attachment: an image when its name says so; the console
/// still tries any media as an image and falls back to a link.
pub fn media_to_domain(ticket_id: &str, index: usize, url: String) -> Attachment {
    let name = url
        .split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit('/').find(|s| !s.is_empty()))
        .unwrap_or("media")
        .to_owned();
    let format = name
        .rsplit_once('.')
        .and_then(|(_, extension)| FileFormat::from_extension(extension));
    Attachment {
        id: format!("{ticket_id}-{index}-media"),
        media_type: format
            .map(|f| f.media_type().to_owned())
            .unwrap_or_default(),
        is_image: format.is_some_and(FileFormat::is_image),
        name,
        size: 0,
        url,
    }
}

/// A ticket's messages, oldest first (the document lists newest first), each once.
pub fn messages_to_domain(
    ticket_id: &str,
    dtos: &[Lenient<MessageDto>],
    company_account: Option<&str>,
    lang: Lang,
) -> Vec<Message> {
    let mut messages: Vec<Message> = dtos
        .iter()
        .rev()
        .enumerate()
        .map(|(index, dto)| match dto {
            Lenient::Known(dto) => message_to_domain(ticket_id, index, dto, company_account),
            Lenient::Odd(raw) => unreadable_message(ticket_id, index, raw, lang),
        })
        .collect();
    // Newest first on the wire is the document's example, not a promise: sort by time,
    // keeping the wire's order among equal or missing times.
    messages.sort_by_key(|m| m.sent_at);
    messages
}

/// An entry of the list that is not a message at all: shown as it came.
fn unreadable_message(ticket_id: &str, index: usize, raw: &Value, lang: Lang) -> Message {
    Message {
        id: format!("{ticket_id}-{index}"),
        author: Author {
            kind: AuthorKind::System,
            id: None,
            name: None,
            role: None,
        },
        body: text_with(
            lang,
            msg!("postcenter-unreadable-message"),
            &Args::new().str("raw", raw.to_string()),
        ),
        sent_at: None,
        delivery: None,
        attachments: Vec::new(),
        read: None,
        recipients: Vec::new(),
        kind: None,
        in_reply_to: None,
    }
}
