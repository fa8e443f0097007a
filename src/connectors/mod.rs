//! The console's connectors: one per backend dialect behind one interface
//! ([`ConversationBackend`]), dispatched by the [`Connector`] enum. Shared plumbing sits
//! beside them ([`http`], [`upload`]), discovery in [`directory`], who is signed in in
//! [`session`] and whether that session has ended in [`session_watch`], the merge of every
//! backend's conversations in [`inbox`], Switchboard's list of followed items (for the
//! backends that cannot list) in [`follows`]. Pages call these and see only the domain.

pub mod case_messages;
pub mod communication;
mod connector;
pub mod directory;
pub mod follows;
pub mod http;
pub mod inbox;
pub mod octopia;
pub mod postcenter;
pub mod session;
pub mod session_watch;
pub mod support_sessions;
pub mod upload;
pub mod versions;

pub use connector::Connector;
pub use directory::{load_backends, load_directory, Directory};
pub use inbox::{asked, load_inbox, load_inbox_as_it_comes, load_more, next_pages, Inbox};

use crate::i18n::{lang_now, Lang};
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::directory::BackendDescriptor;
use switchboard_core::domain::{
    AgentSuggestion, BackendKind, ContactReceipt, Conversation, Cursor, InboxQuery, Message, Page,
    Performer, Recipient, StatusChange,
};
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::follow_up::FollowUp;
use switchboard_core::i18n::text;
use switchboard_core::validation::ContactForm;
use upload::UploadControl;
use web_sys::File;

/// What every backend's connector does, in the domain's words. Each backend speaks its own
/// dialect behind it; the console never sees a wire type. Methods with a body are what a
/// backend without that feature answers.
// gloo-net futures are not `Send` and never leave the browser's one thread, so the
// futures these methods return need no `Send` bound.
#[allow(async_fn_in_trait)]
pub trait ConversationBackend {
    fn name(&self) -> &str;
    /// What one reply may carry; the reply box checks it before anything is sent.
    fn attachment_policy(&self) -> AttachmentPolicy;
    /// One page of conversations, newest activity first; `after` is the cursor a previous
    /// page gave. What the backend cannot filter is filtered here and said in the slice.
    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError>;
    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError>;
    /// The newest messages without a cursor, then older pages; each page reads oldest first.
    async fn messages(
        &self,
        id: &str,
        before: Option<&Cursor>,
        page_size: u32,
    ) -> Result<Page<Message>, ApiError>;
    /// Sends a reply; with files, `upload` reports progress and can cancel it.
    async fn reply(
        &self,
        id: &str,
        reply: &Reply,
        files: &[File],
        upload: &UploadControl,
    ) -> Result<Message, ApiError>;
    /// Writes return the conversation as it now is, so no one fetches it again.
    async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError>;
    async fn change_status(&self, id: &str, change: StatusChange)
        -> Result<Conversation, ApiError>;
    /// Marks everything read, or the newest message unread. `shown`: the unread messages
    /// the agent has in front of them, for a backend that reads message by message (those
    /// are what the agent read, and only those are marked); empty means whatever is
    /// unread now.
    async fn mark_read(
        &self,
        _id: &str,
        _read: bool,
        _shown: &[String],
    ) -> Result<Conversation, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-keep-read-state"),
        )))
    }
    /// The backend's own counts for the sidebar ("claims to treat").
    async fn counters(&self) -> Result<Vec<Counter>, ApiError> {
        Ok(Vec::new())
    }
    /// The kinds of message a reply can be (value on the wire, label in `lang`), first the
    /// default; empty where the backend has none.
    fn reply_kinds(&self, _lang: Lang) -> Vec<(String, String)> {
        Vec::new()
    }
    /// Whether a reply can answer one message in particular.
    fn replies_to_messages(&self) -> bool {
        false
    }
    /// For a backend that cannot list: what an agent pastes to follow an item, as a token
    /// the follow form's messages choose their words by (`case-guid`, `order-id`). `None`
    /// for the backends that list for themselves.
    fn followed_by(&self) -> Option<&'static str> {
        None
    }
    /// Whether `id` has the shape of this backend's items, before asking it.
    fn check_item_id(&self, _id: &str) -> Result<(), String> {
        Ok(())
    }
    /// Changes the number to call the customer back on (`None` removes it).
    async fn set_callback_phone(
        &self,
        _id: &str,
        _phone: Option<&str>,
    ) -> Result<Conversation, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-keep-callback-phone"),
        )))
    }
    /// Sets, changes or (with `None`) removes the order's performer.
    async fn set_performer(
        &self,
        _id: &str,
        _performer: Option<&Performer>,
    ) -> Result<Conversation, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-keep-performer"),
        )))
    }
    /// Why a callback phone would be refused, before it is sent.
    fn check_callback_phone(&self, _raw: &str) -> Result<(), String> {
        Ok(())
    }
    /// Why a performer would be refused, before it is sent.
    fn check_performer(&self, _performer: &Performer) -> Result<(), String> {
        Ok(())
    }
    /// For a backend where an agent can start an item that does not exist yet (a support
    /// session for an order): the catalogue message of the action's words, which name the item
    /// by `$item`. `None` elsewhere.
    fn opens_items(&self) -> Option<switchboard_core::i18n::Msg> {
        None
    }
    /// Starts the item `id` (see [`ConversationBackend::opens_items`]), sent with the
    /// idempotency `key` that every retry of the same start reuses.
    async fn open_item(&self, _id: &str, _key: &str) -> Result<Conversation, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-start-items"),
        )))
    }
    /// For a backend whose agents know items by a number of their own (PostCenter's
    /// ticket number): the catalogue message of the words for it. `None` elsewhere.
    fn finds_by_number(&self) -> Option<switchboard_core::i18n::Msg> {
        None
    }
    /// The id of the item agents know by `number` (see [`ConversationBackend::finds_by_number`]).
    async fn find_by_number(&self, _number: &str) -> Result<String, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-find-by-number"),
        )))
    }
    /// The agent the backend would assign, and why (`capabilities.auto_assign`).
    async fn suggest_agent(&self, _id: &str) -> Result<AgentSuggestion, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-suggest-agent"),
        )))
    }
    /// Has the backend reassign it on its own; the conversation as it now is.
    async fn reassign_automatically(&self, _id: &str) -> Result<Conversation, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-reassign"),
        )))
    }
    /// The item in the backend's own tool, and what the link says, where the team
    /// configured a link pattern (PostCenter's ticket by its number).
    fn open_elsewhere(&self, _conversation: &Conversation) -> Option<(String, String)> {
        None
    }
    /// Why the reply box is not offered, for a backend whose conversations take no reply:
    /// the catalogue message of the sentence, said where it is shown.
    fn no_replies_reason(&self) -> switchboard_core::i18n::Msg {
        msg!("connector-no-replies")
    }
    /// Whether the public contact page can write to this backend.
    fn takes_contact_messages(&self) -> bool {
        false
    }
    /// Sends the contact form once: `key` is the submission's, the same on every retry
    /// and reload of it.
    async fn send_contact(
        &self,
        _form: &ContactForm,
        _files: &[File],
        _upload: &UploadControl,
        _key: &str,
    ) -> Result<ContactReceipt, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-take-contact-messages"),
        )))
    }
    /// What a customer's private link shows (the token from their link).
    async fn follow_up(&self, _token: &str) -> Result<FollowUp, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-follow-up"),
        )))
    }
    /// Where a file of a link's conversation is fetched (through the link); `None` where
    /// the backend shows none.
    fn follow_up_file_url(&self, _token: &str, _id: &str) -> Option<String> {
        None
    }
    /// The customer writes again through their link, with files if any (`upload` reports
    /// progress and can cancel); the link's view as it now is.
    async fn write_follow_up(
        &self,
        _token: &str,
        _message: &str,
        _files: &[File],
        _upload: &UploadControl,
        _key: &str,
    ) -> Result<FollowUp, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-follow-up"),
        )))
    }
}

/// The page a numbered-page backend is asked for: `first` without a cursor, else the
/// number the cursor holds. A cursor that holds none was not made by this connector.
pub(crate) fn page_after(after: Option<&Cursor>, first: u32) -> Result<u32, ApiError> {
    match after {
        None => Ok(first),
        Some(cursor) => cursor
            .page_number()
            .ok_or_else(|| ApiError::malformed("a page cursor that is not a number")),
    }
}

/// What a backend cannot do, said as `reason` (a whole sentence from the catalogue).
pub(crate) fn unsupported(reason: String) -> ApiError {
    ApiError {
        backend_message: Some(reason),
        ..ApiError::new(ErrorKind::Unexpected)
    }
}

/// A reply as the agent wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub agent_id: String,
    pub body: String,
    /// Chosen among the conversation's `reply_recipients`; empty where the backend decides.
    pub recipients: Vec<Recipient>,
    /// The kind chosen among [`ConversationBackend::reply_kinds`], by its wire value.
    pub kind: Option<String>,
    /// The message it answers, where the backend threads replies.
    pub in_reply_to: Option<String>,
    /// The same on every attempt to send this reply, new for the next one
    /// ([`http::new_idempotency_key`]); backends that know it never post a reply twice.
    pub idempotency_key: String,
}

/// A count a backend keeps, for the sidebar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counter {
    /// Stable, for test hooks: `claims-to-treat`.
    pub token: &'static str,
    pub label: String,
    pub count: u64,
}

/// One backend's part of an inbox page.
#[derive(Clone, Debug, PartialEq)]
pub struct InboxSlice {
    pub backend: String,
    pub page: Page<Conversation>,
    /// Records the backend sent that could not be read; shown as a notice, never silently lost.
    pub unreadable: usize,
    /// Parts of the query this backend could not apply itself, in words, applied in the
    /// page instead (over what was loaded).
    pub filtered_here: Vec<String>,
    /// Why this backend has nothing at all in the view (a filter that cannot match any of
    /// its items), in words: said in the page, so an empty part is never a mystery.
    pub none_because: Option<String>,
}

impl InboxSlice {
    /// Nothing in this view, and why (see [`InboxSlice::none_because`]).
    pub fn none_because(backend: &str, reason: impl Into<String>) -> Self {
        InboxSlice {
            none_because: Some(reason.into()),
            ..InboxSlice::empty(backend)
        }
    }

    pub fn empty(backend: &str) -> Self {
        InboxSlice {
            backend: backend.to_owned(),
            page: Page::empty(),
            unreadable: 0,
            filtered_here: Vec::new(),
            none_because: None,
        }
    }
}
