//! Conversations and messages as every backend's are shown: status, author, files,
//! and what a backend lets an agent do.

use super::{BackendKind, ConversationKey};
use crate::i18n::{text, Lang};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The console's status set. A value no mapping knows is kept verbatim in `Other`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConversationStatus {
    Open,
    InProgress,
    Closed,
    Archived,
    Ignored,
    Other(String),
}

impl ConversationStatus {
    /// The status in `lang`; a value no mapping knows is shown as it came.
    pub fn label(&self, lang: Lang) -> String {
        let id = match self {
            ConversationStatus::Open => msg!("status-open"),
            ConversationStatus::InProgress => msg!("status-in-progress"),
            ConversationStatus::Closed => msg!("status-closed"),
            ConversationStatus::Archived => msg!("status-archived"),
            ConversationStatus::Ignored => msg!("status-ignored"),
            ConversationStatus::Other(raw) if raw.is_empty() => msg!("status-unknown"),
            ConversationStatus::Other(raw) => return raw.clone(),
        };
        text(lang, id)
    }

    /// A stable token for CSS classes and test hooks.
    pub fn token(&self) -> &'static str {
        match self {
            ConversationStatus::Open => "open",
            ConversationStatus::InProgress => "in-progress",
            ConversationStatus::Closed => "closed",
            ConversationStatus::Archived => "archived",
            ConversationStatus::Ignored => "ignored",
            ConversationStatus::Other(_) => "other",
        }
    }
}

/// What a backend can do with a conversation; the console hides or disables the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    pub reply: bool,
    pub assign: bool,
    pub unassign: bool,
    pub close: bool,
    pub reopen: bool,
    pub archive: bool,
    /// Whether the backend keeps a read state the console can change.
    pub mark_read: bool,
    /// Whether that read state can go back to unread (a case's messages can only be
    /// confirmed).
    #[serde(default)]
    pub mark_unread: bool,
    /// Whether the conversation has a number to call the customer back on, which agents
    /// can change (support sessions).
    pub callback_phone: bool,
    /// Whether the conversation has a performer of the order (a driver, a doctor) with a
    /// rating, whom agents set, change and remove (support sessions).
    pub performer: bool,
    /// Whether the backend proposes an agent (and why) and reassigns on its own when
    /// asked (PostCenter).
    #[serde(default)]
    pub auto_assign: bool,
}

/// The order's performer (not one of Switchboard's agents), and the rating they must have,
/// as written (a value or an expression such as `gte 4.5`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Performer {
    pub id: String,
    pub rating: Option<String>,
}

/// A reply as the agent wrote it, before any backend's words: each backend's
/// `wire/<backend>/write.rs` makes its body from it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub agent_id: String,
    pub body: String,
    /// Chosen among the conversation's `reply_recipients`; empty where the backend decides.
    pub recipients: Vec<Recipient>,
    /// The kind chosen among the backend's reply kinds, by its wire value.
    pub kind: Option<String>,
    /// The message it answers, where the backend threads replies.
    pub in_reply_to: Option<String>,
    /// The same on every attempt to send this reply, new for the next one; backends that
    /// know it never post a reply twice.
    pub idempotency_key: String,
}

/// A message's delivery state (`SENT`, `DELIVERED`, `READ`, a case's `CONFIRMED`) in
/// `lang`; a state no mapping knows is shown as it came, in lower case.
pub fn delivery_words(raw: &str, lang: Lang) -> String {
    let id = match raw.to_ascii_uppercase().as_str() {
        "SENT" => msg!("delivery-sent"),
        "DELIVERED" => msg!("delivery-delivered"),
        "READ" => msg!("delivery-read"),
        "CONFIRMED" => msg!("delivery-confirmed"),
        _ => return raw.to_lowercase(),
    };
    text(lang, id)
}

/// An action on a conversation's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChange {
    Reopen,
    Close,
    Archive,
}

impl StatusChange {
    /// The button's word in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            StatusChange::Reopen => text(lang, msg!("status-change-reopen")),
            StatusChange::Close => text(lang, msg!("status-change-close")),
            StatusChange::Archive => text(lang, msg!("status-change-archive")),
        }
    }

    /// Why a backend that cannot make this change offers no button for it, in `lang`.
    pub fn not_allowed(self, lang: Lang) -> String {
        match self {
            StatusChange::Reopen => text(lang, msg!("status-cannot-reopen")),
            StatusChange::Close => text(lang, msg!("status-cannot-close")),
            StatusChange::Archive => text(lang, msg!("status-cannot-archive")),
        }
    }

    /// The console's stable hook for its button: `status-close`.
    pub fn test_id(self) -> &'static str {
        match self {
            StatusChange::Reopen => "status-reopen",
            StatusChange::Close => "status-close",
            StatusChange::Archive => "status-archive",
        }
    }

    /// Which changes make sense from a status, in the order the console shows them.
    pub fn available_from(status: &ConversationStatus) -> Vec<StatusChange> {
        match status {
            ConversationStatus::Open | ConversationStatus::InProgress => {
                vec![StatusChange::Close, StatusChange::Archive]
            }
            ConversationStatus::Closed => vec![StatusChange::Reopen, StatusChange::Archive],
            ConversationStatus::Archived => vec![StatusChange::Reopen],
            ConversationStatus::Ignored | ConversationStatus::Other(_) => {
                vec![StatusChange::Reopen, StatusChange::Close]
            }
        }
    }

    pub fn allowed_by(self, capabilities: &Capabilities) -> bool {
        match self {
            StatusChange::Reopen => capabilities.reopen,
            StatusChange::Close => capabilities.close,
            StatusChange::Archive => capabilities.archive,
        }
    }
}

/// Who wrote a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthorKind {
    Customer,
    Agent,
    System,
    Other(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub kind: AuthorKind,
    pub id: Option<String>,
    /// A readable name, when the backend gives one.
    pub name: Option<String>,
    /// The side they wrote for, in words, where the backend says it and the kind does not
    /// (a case's "Service partner", which is the console's side).
    #[serde(default)]
    pub role: Option<String>,
}

/// Someone a reply can go to, where a backend lets the agent choose (Octopia's receivers).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Recipient {
    /// The backend's own id of that person or team.
    pub id: String,
    /// The backend's word for their role (`Customer`, `CustomerService`), kept verbatim.
    pub role: String,
    /// How the console names them: "Customer · Camille Martin".
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub author: Author,
    pub body: String,
    pub sent_at: Option<DateTime<Utc>>,
    /// The backend's delivery state, verbatim (`SENT`, `READ`, ...), when it has one.
    pub delivery: Option<String>,
    pub attachments: Vec<Attachment>,
    /// Whether the agent's side has read it, where the backend keeps that.
    pub read: Option<bool>,
    /// Who it was sent to, as the console names them; empty where the backend does not say.
    pub recipients: Vec<String>,
    /// The backend's kind of message, in words ("Cost proposal"), where it has kinds.
    #[serde(default)]
    pub kind: Option<String>,
    /// The id of the message this one answers, where the backend threads replies.
    #[serde(default)]
    pub in_reply_to: Option<String>,
}

/// A file sent with a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Where to fetch it: as the backend gives it, made absolute by the connector.
    pub url: String,
    /// A picture the browser can show as a thumbnail.
    pub is_image: bool,
}

impl Attachment {
    /// A link the server gave as a path, made whole under `base` (where the API is); a
    /// whole link stays as it is.
    pub fn resolve(&mut self, base: &str) {
        if self.url.starts_with('/') {
            self.url = format!("{base}{}", self.url);
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    pub key: ConversationKey,
    pub backend_kind: BackendKind,
    /// How the customer is known to the backend (an id or a mail address).
    pub customer: String,
    pub subject: Option<String>,
    /// A reference the customer and the agent share (trip, order, case).
    pub reference: Option<String>,
    pub status: ConversationStatus,
    pub assignee: Option<String>,
    pub participants: Vec<String>,
    /// Boxed: a message is a third of a row's size, and ten thousand rows are kept.
    pub last_message: Option<Box<Message>>,
    pub last_activity: Option<DateTime<Utc>>,
    pub capabilities: Capabilities,
    /// The customer's readable name, when the backend has one beside `customer`.
    pub customer_name: Option<String>,
    /// Why the customer wrote (Octopia's sub-typology), in readable words.
    pub reason: Option<String>,
    /// Short facts shown as badges in the list and the header ("Claim", a sales channel).
    pub badges: Vec<String>,
    /// Whether something in it is unread; `None` where the backend keeps no read state.
    pub unread: Option<bool>,
    /// Who the next reply may go to; empty where the backend decides alone.
    pub reply_recipients: Vec<Recipient>,
    /// Where to call the customer back, E.164, where the backend keeps one.
    #[serde(default)]
    pub callback_phone: Option<String>,
    /// The order's performer, where the backend has one.
    #[serde(default)]
    pub performer: Option<Performer>,
    /// The backend's own agent it is assigned to, where the backend names its agents
    /// itself rather than Switchboard's (PostCenter's `current_assignment`).
    #[serde(default)]
    pub assigned_to: Option<BackendAgent>,
    /// Fields the backend sent that the console has no place for, or of a type never seen:
    /// shown as they came rather than lost.
    #[serde(default)]
    pub other_fields: Vec<OtherField>,
    /// Where the customer wrote from, in words (`Facebook`, a marketplace's sales
    /// channel), where the backend says; the inbox can be narrowed to one.
    #[serde(default)]
    pub channel: Option<String>,
    /// When the customer's message that awaits an answer was written (the first since the
    /// team last wrote), as far as the backend's list tells: the start of its response
    /// clock (`docs/deadlines.md`); `None` when the team wrote last or the list cannot say.
    #[serde(default)]
    pub awaiting_since: Option<DateTime<Utc>>,
}

/// An agent as a backend knows them (not one of Switchboard's agents).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackendAgent {
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
}

/// The agent a backend would assign (PostCenter's possible agent), and why; no agent when
/// none is available.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentSuggestion {
    pub agent: Option<BackendAgent>,
    pub reason: Option<String>,
}

/// A field shown as it came: its name, and its value as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherField {
    pub name: String,
    pub value: String,
}

impl Conversation {
    /// A conversation with what every backend gives, and nothing else yet: no subject,
    /// message, date, assignee or facts. Mappings name every field (so a new one is never
    /// forgotten); fixtures start here and set what they test.
    pub fn new(
        key: ConversationKey,
        backend_kind: BackendKind,
        customer: impl Into<String>,
        status: ConversationStatus,
        capabilities: Capabilities,
    ) -> Conversation {
        Conversation {
            key,
            backend_kind,
            customer: customer.into(),
            subject: None,
            reference: None,
            status,
            assignee: None,
            participants: Vec::new(),
            last_message: None,
            last_activity: None,
            capabilities,
            customer_name: None,
            reason: None,
            badges: Vec::new(),
            unread: None,
            reply_recipients: Vec::new(),
            callback_phone: None,
            performer: None,
            assigned_to: None,
            other_fields: Vec::new(),
            channel: None,
            awaiting_since: None,
        }
    }

    /// How the list and the header name the customer: their name, else the backend's id.
    pub fn customer_display(&self) -> &str {
        self.customer_name.as_deref().unwrap_or(&self.customer)
    }

    /// The customer's email address shown beside their name (the list's row), when the
    /// backend gave a name and the customer's id is an address: who to answer, at a glance.
    pub fn customer_email_beside_name(&self) -> Option<&str> {
        let named = self
            .customer_name
            .as_deref()
            .is_some_and(|n| n != self.customer);
        (named && self.customer.contains('@')).then_some(self.customer.as_str())
    }

    /// The line under the customer in the list: the subject, else the last message.
    pub fn preview(&self) -> String {
        let text = self
            .subject
            .as_deref()
            .or(self.last_message.as_ref().map(|m| m.body.as_str()))
            .unwrap_or("");
        preview_text(text, 140)
    }
}

/// One line of plain text: whitespace folded, cut at `max_chars` with an ellipsis.
pub fn preview_text(text: &str, max_chars: usize) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max_chars {
        folded
    } else {
        let mut cut: String = folded.chars().take(max_chars.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// A contact-us message as the console and the contact page see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactReceipt {
    /// The reference given to the customer.
    pub reference: String,
    pub conversation_id: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    /// The customer's private link to follow up (a path on the console's site, see
    /// [`crate::follow_up`]); `None` when the backend gives none.
    pub follow_up: Option<String>,
}

#[cfg(test)]
mod delivery_tests {
    use super::*;

    #[test]
    fn delivery_states_are_said_in_the_readers_language_and_unknown_ones_as_they_came() {
        assert_eq!(delivery_words("READ", Lang::Fr), "lu");
        assert_eq!(delivery_words("sent", Lang::Es), "enviado");
        assert_eq!(delivery_words("CONFIRMED", Lang::En), "confirmed");
        assert_eq!(delivery_words("BOUNCED", Lang::Fr), "bounced");
    }
}
