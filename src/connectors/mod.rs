//! The console's connectors: one per backend dialect behind one interface
//! ([`ConversationBackend`], with its facts in [`info`]), held as one object by
//! [`Connector`]; the public pages' side in [`CustomerChannel`]. Shared plumbing sits
//! beside them ([`http`], [`upload`]), discovery in [`directory`], who is signed in in
//! [`session`] and whether that session has ended in [`session_watch`], the merge of every
//! backend's conversations in [`inbox`], Switchboard's list of followed items (for the
//! backends that cannot list) in [`follows`]. Pages call these and see only the domain.

pub mod case_messages;
pub mod communication;
mod connector;
pub mod deadlines;
pub mod directory;
pub mod follows;
pub mod http;
pub mod inbox;
pub mod info;
pub mod kept_assignment;
pub mod labels;
pub mod mentions;
pub mod notes;
pub mod octopia;
pub mod postcenter;
pub mod presence;
pub mod saved_replies;
pub mod saved_views;
pub mod session;
pub mod session_watch;
pub mod snoozes;
pub mod support_sessions;
pub mod thread;
pub mod upload;
pub mod versions;

pub use connector::{customer_channel, Connector, CustomerConnector};
pub use directory::{load_backends, load_descriptors, load_directory, Directory};
pub use inbox::{asked, load_inbox, load_inbox_as_it_comes, load_more, next_pages, Inbox};
pub use info::{BackendInfo, Endpoint};
pub use thread::{ThreadBackend, ThreadConnector};

use crate::i18n::lang_now;
use async_trait::async_trait;
use switchboard_core::directory::BackendDescriptor;
use switchboard_core::domain::{
    BackendKind, ContactReceipt, Conversation, Cursor, InboxQuery, Page,
};
use switchboard_core::error::ApiError;
use switchboard_core::follow_up::FollowUp;
use switchboard_core::i18n::text;
use switchboard_core::validation::ContactForm;
use upload::UploadControl;
use web_sys::File;

/// What every backend's connector does for the inbox, in the domain's words: its facts,
/// declared once ([`ConversationBackend::info`]), and its operations; what an agent does in
/// an open conversation is [`ThreadBackend`], apart, so that it loads with the
/// conversation's page. Each backend speaks its own dialect behind it; the console never
/// sees a wire type. Methods with a body are what a backend without that feature answers.
/// Object safe, so a connector is one `dyn` object.
// gloo-net futures are not `Send` and never leave the browser's one thread: the boxed
// futures carry no `Send` bound (`?Send`).
#[async_trait(?Send)]
pub trait ConversationBackend {
    fn info(&self) -> &BackendInfo;
    /// One page of conversations, newest activity first; `after` is the cursor a previous
    /// page gave. What the backend cannot filter is filtered here and said in the slice.
    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError>;
    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError>;
    /// The backend's own counts for the sidebar ("claims to treat").
    async fn counters(&self) -> Result<Vec<Counter>, ApiError> {
        Ok(Vec::new())
    }
    /// Whether `id` has the shape of this backend's items, before asking it.
    fn check_item_id(&self, _id: &str) -> Result<(), String> {
        Ok(())
    }
    /// Starts the item `id` (see [`BackendInfo::opens_items`]), sent with the idempotency
    /// `key` that every retry of the same start reuses.
    async fn open_item(&self, _id: &str, _key: &str) -> Result<Conversation, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-start-items"),
        )))
    }
    /// The id of the item agents know by `number` (see [`BackendInfo::finds_by_number`]).
    async fn find_by_number(&self, _number: &str) -> Result<String, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("connector-cannot-find-by-number"),
        )))
    }
}

/// What a backend that takes customers' messages does for the public pages (the contact
/// form and the private follow-up link): a trait of its own, so the agents' connector
/// stays about agents' work. Methods with a body are what a backend that takes none says.
#[async_trait(?Send)]
pub trait CustomerChannel {
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
    ApiError::unsupported(reason)
}

/// A reply as the agent wrote it: the domain's, which each backend's `core` write
/// mapping turns into its body. Named here too, beside the trait that takes it.
pub use switchboard_core::domain::Reply;

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
