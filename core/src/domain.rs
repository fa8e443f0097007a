//! The console's domain model. The UI knows only these types; each connector maps its
//! backend's vocabulary onto them (see `docs/backends.md`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which dialect a backend speaks. Serialized in kebab-case in discovery and in URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackendKind {
    Communication,
    Octopia,
    CaseMessages,
    SupportSessions,
    Postcenter,
}

impl BackendKind {
    /// The kind as discovery writes it.
    pub fn slug(self) -> &'static str {
        match self {
            BackendKind::Communication => "communication",
            BackendKind::Octopia => "octopia",
            BackendKind::CaseMessages => "case-messages",
            BackendKind::SupportSessions => "support-sessions",
            BackendKind::Postcenter => "postcenter",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BackendKind::Communication => "Communication",
            BackendKind::Octopia => "Octopia",
            BackendKind::CaseMessages => "Case messages",
            BackendKind::SupportSessions => "Support sessions",
            BackendKind::Postcenter => "PostCenter",
        }
    }
}

/// A conversation is identified by its backend and its id: ids are only unique within a backend.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConversationKey {
    /// The backend's name as discovery gives it (also the URL segment).
    pub backend: String,
    pub id: String,
}

impl ConversationKey {
    pub fn new(backend: impl Into<String>, id: impl Into<String>) -> Self {
        Self {
            backend: backend.into(),
            id: id.into(),
        }
    }

    /// The console route of this conversation.
    pub fn path(&self) -> String {
        format!(
            "/conversations/{}/{}",
            encode_path_segment(&self.backend),
            encode_path_segment(&self.id)
        )
    }
}

impl fmt::Display for ConversationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.backend, self.id)
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so an id can never
/// change the shape of a URL path or query.
pub fn encode_path_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes [`encode_path_segment`] (and any other percent-encoding); a malformed escape
/// is kept as written.
pub fn decode_percent(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

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
    pub fn label(&self) -> &str {
        match self {
            ConversationStatus::Open => "Open",
            ConversationStatus::InProgress => "In progress",
            ConversationStatus::Closed => "Closed",
            ConversationStatus::Archived => "Archived",
            ConversationStatus::Ignored => "Ignored",
            ConversationStatus::Other(raw) => raw,
        }
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

/// The status filter of the inbox, as it stands in the URL (`?status=open`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    #[default]
    All,
    Open,
    Closed,
    Archived,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::All,
        StatusFilter::Open,
        StatusFilter::Closed,
        StatusFilter::Archived,
    ];

    pub fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("open") => StatusFilter::Open,
            Some("closed") => StatusFilter::Closed,
            Some("archived") => StatusFilter::Archived,
            _ => StatusFilter::All,
        }
    }

    pub fn token(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Open => "open",
            StatusFilter::Closed => "closed",
            StatusFilter::Archived => "archived",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All statuses",
            StatusFilter::Open => "Open",
            StatusFilter::Closed => "Closed",
            StatusFilter::Archived => "Archived",
        }
    }

    pub fn matches(self, status: &ConversationStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Open => matches!(
                status,
                ConversationStatus::Open | ConversationStatus::InProgress
            ),
            StatusFilter::Closed => *status == ConversationStatus::Closed,
            StatusFilter::Archived => *status == ConversationStatus::Archived,
        }
    }
}

/// The assignee filter of the inbox (`?assignee=me`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AssigneeFilter {
    #[default]
    All,
    Me,
    Unassigned,
}

impl AssigneeFilter {
    pub const ALL: [AssigneeFilter; 3] = [
        AssigneeFilter::All,
        AssigneeFilter::Me,
        AssigneeFilter::Unassigned,
    ];

    pub fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("me") => AssigneeFilter::Me,
            Some("unassigned") => AssigneeFilter::Unassigned,
            _ => AssigneeFilter::All,
        }
    }

    pub fn token(self) -> &'static str {
        match self {
            AssigneeFilter::All => "all",
            AssigneeFilter::Me => "me",
            AssigneeFilter::Unassigned => "unassigned",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AssigneeFilter::All => "Everyone's",
            AssigneeFilter::Me => "Mine",
            AssigneeFilter::Unassigned => "Unassigned",
        }
    }
}

/// One inbox query, whatever the backend: connectors translate it into their own parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxQuery {
    pub status: StatusFilter,
    pub assignee: AssigneeFilter,
    /// The signed-in agent, needed for [`AssigneeFilter::Me`].
    pub me: Option<String>,
    /// 1-based page of the inbox.
    pub page: u32,
    pub page_size: u32,
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
}

impl Capabilities {
    pub const NONE: Capabilities = Capabilities {
        reply: false,
        assign: false,
        unassign: false,
        close: false,
        reopen: false,
        archive: false,
    };
}

/// An action on a conversation's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChange {
    Reopen,
    Close,
    Archive,
}

impl StatusChange {
    pub fn label(self) -> &'static str {
        match self {
            StatusChange::Reopen => "Reopen",
            StatusChange::Close => "Close",
            StatusChange::Archive => "Archive",
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
    pub last_message: Option<Message>,
    pub last_activity: Option<DateTime<Utc>>,
    pub capabilities: Capabilities,
}

impl Conversation {
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

/// A page of results as the console sees it, whatever the backend's pagination.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u32,
    pub total_items: u64,
    pub total_pages: u32,
}

impl<T> Page<T> {
    pub fn has_more(&self) -> bool {
        self.page < self.total_pages
    }
}

/// A contact-us message as the console and the contact page see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactReceipt {
    /// The reference given to the customer.
    pub reference: String,
    pub conversation_id: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_encode_into_safe_paths() {
        let key = ConversationKey::new("communication", "a/b c?d");
        assert_eq!(key.path(), "/conversations/communication/a%2Fb%20c%3Fd");
    }

    #[test]
    fn decoding_undoes_encoding_and_survives_bad_escapes() {
        for id in ["a/b c?d", "réservation #4", "plain-id_1.2~x", ""] {
            assert_eq!(decode_percent(&encode_path_segment(id)), id);
        }
        assert_eq!(decode_percent("100%"), "100%");
        assert_eq!(decode_percent("%zz%4"), "%zz%4");
        assert_eq!(decode_percent("%C3"), "\u{FFFD}");
    }

    #[test]
    fn slugs_are_the_serialized_kinds() {
        for kind in [
            BackendKind::Communication,
            BackendKind::Octopia,
            BackendKind::CaseMessages,
            BackendKind::SupportSessions,
            BackendKind::Postcenter,
        ] {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.slug())
            );
        }
    }

    #[test]
    fn filters_round_trip_through_their_tokens() {
        for f in StatusFilter::ALL {
            assert_eq!(StatusFilter::parse(Some(f.token())), f);
        }
        for f in AssigneeFilter::ALL {
            assert_eq!(AssigneeFilter::parse(Some(f.token())), f);
        }
        assert_eq!(StatusFilter::parse(Some("nonsense")), StatusFilter::All);
        assert_eq!(AssigneeFilter::parse(None), AssigneeFilter::All);
    }

    #[test]
    fn open_filter_includes_in_progress() {
        assert!(StatusFilter::Open.matches(&ConversationStatus::InProgress));
        assert!(!StatusFilter::Open.matches(&ConversationStatus::Closed));
        assert!(StatusFilter::All.matches(&ConversationStatus::Other("X".into())));
    }

    #[test]
    fn preview_folds_whitespace_and_cuts_on_characters() {
        assert_eq!(preview_text("  a\n\n b\t c ", 10), "a b c");
        let long = "é".repeat(200);
        let cut = preview_text(&long, 10);
        assert_eq!(cut.chars().count(), 10);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn status_changes_follow_the_status() {
        assert_eq!(
            StatusChange::available_from(&ConversationStatus::Open),
            vec![StatusChange::Close, StatusChange::Archive]
        );
        assert_eq!(
            StatusChange::available_from(&ConversationStatus::Archived),
            vec![StatusChange::Reopen]
        );
    }
}
