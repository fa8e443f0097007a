//! What an agent does in one open conversation ([`ThreadBackend`]): read its messages,
//! reply, assign, change its status and read state, and each backend's own controls. A
//! trait apart from [`ConversationBackend`] (the inbox's side) because a `dyn` object's
//! table names every one of its methods: the inbox makes its connectors as it starts, and
//! with one trait all of this would load with the inbox. This side is reached only from
//! the conversation's page, through [`Connector`]'s methods below, and the object is made
//! there ([`Connector::thread`]), so in the release build this code comes with the
//! conversation's part (`src/parts.rs`), on first use.

use super::case_messages::CaseMessagesConnector;
use super::communication::CommunicationConnector;
use super::octopia::OctopiaConnector;
use super::postcenter::PostcenterConnector;
use super::support_sessions::SupportSessionsConnector;
use super::upload::UploadControl;
use super::{unsupported, Connector, Reply};
use crate::i18n::lang_now;
use async_trait::async_trait;
use std::any::Any;
use std::sync::Arc;
use switchboard_core::domain::{
    AgentSuggestion, BackendKind, Conversation, Cursor, Message, Page, Performer, StatusChange,
};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text;
use web_sys::File;

/// The open conversation's operations, in the domain's words. Methods with a body are what
/// a backend without that feature answers. Object safe, with no `Send` bound on its
/// futures, as [`ConversationBackend`].
///
/// [`ConversationBackend`]: super::ConversationBackend
#[async_trait(?Send)]
pub trait ThreadBackend {
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
}

/// The open conversation's side of a connector, as one object.
pub type ThreadConnector = Arc<dyn ThreadBackend + Send + Sync>;

/// The connector `any` as a [`ThreadBackend`], when it is a `T`.
fn seen_as<T: ThreadBackend + Send + Sync + 'static>(
    any: Arc<dyn Any + Send + Sync>,
) -> Option<ThreadConnector> {
    any.downcast::<T>().ok().map(|c| c as ThreadConnector)
}

impl Connector {
    /// This backend's [`ThreadBackend`]: the same connector the inbox uses, seen as that
    /// trait here, where only the conversation's page reaches (see the module's note).
    fn thread(&self) -> Result<ThreadConnector, ApiError> {
        let any = self.as_any();
        let thread = match self.kind() {
            BackendKind::Communication => seen_as::<CommunicationConnector>(any),
            BackendKind::Octopia => seen_as::<OctopiaConnector>(any),
            BackendKind::SupportSessions => seen_as::<SupportSessionsConnector>(any),
            BackendKind::CaseMessages => seen_as::<CaseMessagesConnector>(any),
            BackendKind::Postcenter => seen_as::<PostcenterConnector>(any),
        };
        // Every connector is made by `Connector::for_backend`, for its kind: this is a
        // connector made some other way.
        thread.ok_or_else(|| unsupported(text(lang_now(), msg!("error-unsupported"))))
    }

    /// See [`ThreadBackend::messages`].
    pub async fn messages(
        &self,
        id: &str,
        before: Option<&Cursor>,
        page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        self.thread()?.messages(id, before, page_size).await
    }

    /// See [`ThreadBackend::reply`].
    pub async fn reply(
        &self,
        id: &str,
        reply: &Reply,
        files: &[File],
        upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        self.thread()?.reply(id, reply, files, upload).await
    }

    /// See [`ThreadBackend::assign`].
    pub async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        self.thread()?.assign(id, agent_id).await
    }

    /// See [`ThreadBackend::change_status`].
    pub async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        self.thread()?.change_status(id, change).await
    }

    /// See [`ThreadBackend::mark_read`].
    pub async fn mark_read(
        &self,
        id: &str,
        read: bool,
        shown: &[String],
    ) -> Result<Conversation, ApiError> {
        self.thread()?.mark_read(id, read, shown).await
    }

    /// See [`ThreadBackend::set_callback_phone`].
    pub async fn set_callback_phone(
        &self,
        id: &str,
        phone: Option<&str>,
    ) -> Result<Conversation, ApiError> {
        self.thread()?.set_callback_phone(id, phone).await
    }

    /// See [`ThreadBackend::set_performer`].
    pub async fn set_performer(
        &self,
        id: &str,
        performer: Option<&Performer>,
    ) -> Result<Conversation, ApiError> {
        self.thread()?.set_performer(id, performer).await
    }

    /// See [`ThreadBackend::check_callback_phone`].
    pub fn check_callback_phone(&self, raw: &str) -> Result<(), String> {
        self.thread()
            .map_or(Ok(()), |thread| thread.check_callback_phone(raw))
    }

    /// See [`ThreadBackend::check_performer`].
    pub fn check_performer(&self, performer: &Performer) -> Result<(), String> {
        self.thread()
            .map_or(Ok(()), |thread| thread.check_performer(performer))
    }

    /// See [`ThreadBackend::suggest_agent`].
    pub async fn suggest_agent(&self, id: &str) -> Result<AgentSuggestion, ApiError> {
        self.thread()?.suggest_agent(id).await
    }

    /// See [`ThreadBackend::reassign_automatically`].
    pub async fn reassign_automatically(&self, id: &str) -> Result<Conversation, ApiError> {
        self.thread()?.reassign_automatically(id).await
    }

    /// See [`ThreadBackend::open_elsewhere`].
    pub fn open_elsewhere(&self, conversation: &Conversation) -> Option<(String, String)> {
        self.thread().ok()?.open_elsewhere(conversation)
    }
}
