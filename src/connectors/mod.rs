//! The console's connectors: one per backend dialect behind one interface
//! ([`ConversationBackend`]), dispatched by the [`Connector`] enum. Shared plumbing sits
//! beside them ([`http`], [`upload`]), discovery in [`directory`], the merge of every
//! backend's conversations in [`inbox`]. Pages call these and see only the domain.

pub mod communication;
pub mod directory;
pub mod http;
pub mod inbox;
pub mod upload;

pub use directory::{load_directory, Directory};
pub use inbox::{load_inbox, Inbox};

use communication::CommunicationConnector;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::directory::BackendDescriptor;
use switchboard_core::domain::{
    BackendKind, Conversation, InboxQuery, Message, Page, StatusChange,
};
use switchboard_core::error::ApiError;
use upload::UploadControl;
use web_sys::File;

/// What every backend's connector does, in the domain's words. Each backend speaks its own
/// dialect behind it; the console never sees a wire type.
// gloo-net futures are not `Send` and never leave the browser's one thread, so the
// futures these methods return need no `Send` bound.
#[allow(async_fn_in_trait)]
pub trait ConversationBackend {
    fn name(&self) -> &str;
    /// What one reply may carry; the reply box checks it before anything is sent.
    fn attachment_policy(&self) -> AttachmentPolicy;
    async fn list_conversations(&self, query: &InboxQuery) -> Result<InboxSlice, ApiError>;
    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError>;
    /// Page 1 holds the newest messages; each page reads oldest first.
    async fn messages(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
    ) -> Result<Page<Message>, ApiError>;
    /// Sends a reply; with files, `upload` reports progress and can cancel it.
    async fn reply(
        &self,
        id: &str,
        agent_id: &str,
        body: &str,
        files: &[File],
        upload: &UploadControl,
    ) -> Result<Message, ApiError>;
    async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError>;
    async fn change_status(&self, id: &str, change: StatusChange)
        -> Result<Conversation, ApiError>;
}

/// One backend's part of an inbox page.
#[derive(Clone, Debug, PartialEq)]
pub struct InboxSlice {
    pub backend: String,
    pub page: Page<Conversation>,
    /// Records the backend sent that could not be read; shown as a notice, never silently lost.
    pub unreadable: usize,
}

impl InboxSlice {
    pub fn empty(backend: &str) -> Self {
        InboxSlice {
            backend: backend.to_owned(),
            page: Page {
                items: Vec::new(),
                page: 1,
                total_items: 0,
                total_pages: 0,
            },
            unreadable: 0,
        }
    }
}

/// A connected backend. An enum rather than a trait object: the trait's async methods are
/// not object safe, and the set of dialects is closed and known.
#[derive(Clone, Debug, PartialEq)]
pub enum Connector {
    Communication(CommunicationConnector),
}

impl Connector {
    /// The connector for a discovered backend; `None` for a dialect this console cannot speak yet.
    pub fn for_backend(backend: &BackendDescriptor, origin: &str) -> Option<Connector> {
        let base_url = format!("{origin}{}", backend.base_path);
        match backend.kind {
            BackendKind::Communication => Some(Connector::Communication(
                CommunicationConnector::new(&backend.name, base_url),
            )),
            BackendKind::Octopia
            | BackendKind::CaseMessages
            | BackendKind::SupportSessions
            | BackendKind::Postcenter => None,
        }
    }

    fn backend(&self) -> &impl ConversationBackend {
        match self {
            Connector::Communication(c) => c,
        }
    }
}

impl ConversationBackend for Connector {
    fn name(&self) -> &str {
        self.backend().name()
    }
    fn attachment_policy(&self) -> AttachmentPolicy {
        self.backend().attachment_policy()
    }
    async fn list_conversations(&self, query: &InboxQuery) -> Result<InboxSlice, ApiError> {
        self.backend().list_conversations(query).await
    }
    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        self.backend().conversation(id).await
    }
    async fn messages(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        self.backend().messages(id, page, page_size).await
    }
    async fn reply(
        &self,
        id: &str,
        agent_id: &str,
        body: &str,
        files: &[File],
        upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        self.backend()
            .reply(id, agent_id, body, files, upload)
            .await
    }
    async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        self.backend().assign(id, agent_id).await
    }
    async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        self.backend().change_status(id, change).await
    }
}
