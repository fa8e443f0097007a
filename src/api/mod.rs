//! The console's API layer: one connector per backend behind one interface, and the
//! reference server's discovery. Pages call these functions and see only the domain.

pub mod communication;
pub mod http;
pub mod upload;

use communication::CommunicationConnector;
use futures::future::join_all;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::directory::{Agent, BackendDescriptor, AGENTS_PATH, BACKENDS_PATH};
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

/// What the serving server says is connected, and who can be assigned.
#[derive(Clone, Debug, PartialEq)]
pub struct Directory {
    pub backends: Vec<BackendDescriptor>,
    pub agents: Vec<Agent>,
    pub connectors: Vec<Connector>,
}

impl Directory {
    pub fn connector(&self, name: &str) -> Option<&Connector> {
        self.connectors.iter().find(|c| c.name() == name)
    }

    pub fn backend(&self, name: &str) -> Option<&BackendDescriptor> {
        self.backends.iter().find(|b| b.name == name)
    }

    pub fn agent(&self, id: &str) -> Option<&Agent> {
        self.agents.iter().find(|a| a.id == id)
    }

    /// Discovered backends this console has no connector for yet.
    pub fn unsupported(&self) -> impl Iterator<Item = &BackendDescriptor> {
        self.backends
            .iter()
            .filter(|b| self.connector(&b.name).is_none())
    }

    /// The communication backend, which also receives the public contact-us form.
    pub fn contact_backend(&self) -> Option<&CommunicationConnector> {
        self.connectors
            .iter()
            .map(|c| match c {
                Connector::Communication(c) => c,
            })
            .next()
    }
}

/// `origin` is empty for the server that serves the console, or `http://host:port`.
pub async fn load_directory(origin: &str) -> Result<Directory, ApiError> {
    let backends_url = format!("{origin}{BACKENDS_PATH}");
    let agents_url = format!("{origin}{AGENTS_PATH}");
    let (backends, agents) = futures::join!(
        http::get_json::<Vec<BackendDescriptor>>(&backends_url),
        http::get_json::<Vec<Agent>>(&agents_url)
    );
    let backends = backends?;
    let connectors = backends
        .iter()
        .filter_map(|b| Connector::for_backend(b, origin))
        .collect();
    Ok(Directory {
        backends,
        agents: agents?,
        connectors,
    })
}

/// The merged inbox: every backend's conversations, newest activity first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inbox {
    pub conversations: Vec<Conversation>,
    /// Backends that failed, by name, with why; the others still show.
    pub failures: Vec<(String, ApiError)>,
    pub total: u64,
    pub unreadable: usize,
    pub has_more: bool,
}

/// Loads pages `1..=pages` of every backend at once and merges them.
pub async fn load_inbox(connectors: &[Connector], query: &InboxQuery, pages: u32) -> Inbox {
    let per_backend = connectors.iter().map(|connector| async move {
        let mut slices = Vec::new();
        for page in 1..=pages.max(1) {
            let query = InboxQuery {
                page,
                ..query.clone()
            };
            let slice = connector.list_conversations(&query).await?;
            let last = !slice.page.has_more();
            slices.push(slice);
            if last {
                break;
            }
        }
        Ok::<_, ApiError>(slices)
    });
    let mut inbox = Inbox::default();
    for (connector, result) in connectors.iter().zip(join_all(per_backend).await) {
        match result {
            Ok(slices) => {
                if let Some(last) = slices.last() {
                    inbox.has_more |= last.page.has_more();
                    inbox.total += last.page.total_items;
                }
                for slice in slices {
                    inbox.unreadable += slice.unreadable;
                    inbox.conversations.extend(slice.page.items);
                }
            }
            Err(error) => inbox.failures.push((connector.name().to_owned(), error)),
        }
    }
    // Newest activity first across backends; conversations without a date go last.
    inbox
        .conversations
        .sort_by_key(|c| std::cmp::Reverse(c.last_activity));
    inbox
}
