//! What a backend is and what the console offers for it, declared once per connector (the
//! way OpenDAL's accessor declares its capabilities): where it answers, what a reply may
//! carry, and which features exist for it. Pages read these facts from
//! [`super::ConversationBackend::info`]; everything that talks to the backend is one of
//! the trait's operations.

use crate::i18n::Lang;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::domain::BackendKind;
use switchboard_core::i18n::Msg;

/// Where a backend answers, the same three facts for every connector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// The backend's name in discovery: the first segment of its conversation keys.
    pub name: String,
    /// Absolute or origin-relative URL of the API, without a trailing slash.
    pub base_url: String,
    /// Where the console and Switchboard's own endpoints are (followed items, media made
    /// absolute), without a trailing slash.
    pub origin: String,
}

impl Endpoint {
    pub fn new(
        name: impl Into<String>,
        base_url: impl Into<String>,
        origin: impl Into<String>,
    ) -> Endpoint {
        Endpoint {
            name: name.into(),
            base_url: base_url.into().trim_end_matches('/').to_owned(),
            origin: origin.into().trim_end_matches('/').to_owned(),
        }
    }
}

/// A backend's facts. [`BackendInfo::new`] gives what a backend without a feature has;
/// each connector changes what its backend has.
#[derive(Clone, Debug)]
pub struct BackendInfo {
    pub kind: BackendKind,
    pub endpoint: Endpoint,
    /// What one reply may carry; the reply box checks it before anything is sent.
    pub attachment_policy: AttachmentPolicy,
    /// The kinds of message a reply can be (value on the wire, label in the language),
    /// first the default; empty where the backend has none.
    pub reply_kinds: fn(Lang) -> Vec<(String, String)>,
    /// Whether a reply can answer one message in particular.
    pub replies_to_messages: bool,
    /// For a backend that cannot list: what an agent pastes to follow an item, as a token
    /// the follow form's messages choose their words by (`case-guid`, `order-id`). `None`
    /// for the backends that list for themselves.
    pub followed_by: Option<&'static str>,
    /// For a backend where an agent can start an item that does not exist yet (a support
    /// session for an order): the words of the action, naming the item by `$item`.
    pub opens_items: Option<Msg>,
    /// For a backend whose agents know items by a number of their own (PostCenter's
    /// ticket number): the words for it.
    pub finds_by_number: Option<Msg>,
    /// Why the reply box is not offered, for a backend whose conversations take no reply.
    pub no_replies_reason: Msg,
}

impl BackendInfo {
    pub fn new(kind: BackendKind, endpoint: Endpoint, attachment_policy: AttachmentPolicy) -> Self {
        BackendInfo {
            kind,
            endpoint,
            attachment_policy,
            reply_kinds: |_| Vec::new(),
            replies_to_messages: false,
            followed_by: None,
            opens_items: None,
            finds_by_number: None,
            no_replies_reason: msg!("connector-no-replies"),
        }
    }

    pub fn name(&self) -> &str {
        &self.endpoint.name
    }
}
