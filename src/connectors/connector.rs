//! The [`Connector`] enum: every dialect's connector behind the one
//! [`ConversationBackend`] interface, each call dispatched to whichever it is, and the
//! connector made for a backend the directory discovered.

use super::case_messages::CaseMessagesConnector;
use super::communication::CommunicationConnector;
use super::octopia::OctopiaConnector;
use super::postcenter::PostcenterConnector;
use super::support_sessions::SupportSessionsConnector;
use super::*;

/// A connected backend. An enum rather than a trait object: the trait's async methods are
/// not object safe, and the set of dialects is closed and known.
#[derive(Clone, Debug, PartialEq)]
pub enum Connector {
    Communication(CommunicationConnector),
    Octopia(OctopiaConnector),
    CaseMessages(CaseMessagesConnector),
    SupportSessions(SupportSessionsConnector),
    Postcenter(PostcenterConnector),
}

/// Calls the same method on whichever connector this is: one arm per dialect.
macro_rules! dispatch {
    ($connector:expr, $inner:ident => $call:expr) => {
        match $connector {
            Connector::Communication($inner) => $call,
            Connector::Octopia($inner) => $call,
            Connector::CaseMessages($inner) => $call,
            Connector::SupportSessions($inner) => $call,
            Connector::Postcenter($inner) => $call,
        }
    };
}

impl Connector {
    /// Which of the dialects this is: its name for people, in each language.
    pub fn kind(&self) -> BackendKind {
        match self {
            Connector::Communication(_) => BackendKind::Communication,
            Connector::Octopia(_) => BackendKind::Octopia,
            Connector::CaseMessages(_) => BackendKind::CaseMessages,
            Connector::SupportSessions(_) => BackendKind::SupportSessions,
            Connector::Postcenter(_) => BackendKind::Postcenter,
        }
    }

    /// The connector for a discovered backend; `None` for a dialect this console cannot speak yet.
    pub fn for_backend(backend: &BackendDescriptor, origin: &str) -> Option<Connector> {
        let base_url = format!("{origin}{}", backend.base_path);
        match backend.kind {
            BackendKind::Communication => Some(Connector::Communication(
                CommunicationConnector::new(&backend.name, base_url),
            )),
            BackendKind::Octopia => Some(Connector::Octopia(OctopiaConnector::new(
                &backend.name,
                base_url,
            ))),
            BackendKind::SupportSessions => Some(Connector::SupportSessions(
                SupportSessionsConnector::new(&backend.name, base_url, origin),
            )),
            BackendKind::CaseMessages => Some(Connector::CaseMessages(CaseMessagesConnector::new(
                &backend.name,
                base_url,
                origin,
            ))),
            BackendKind::Postcenter => Some(Connector::Postcenter(
                PostcenterConnector::new(&backend.name, base_url, origin)
                    .with_ticket_link(backend.item_link.clone()),
            )),
        }
    }
}

impl ConversationBackend for Connector {
    fn name(&self) -> &str {
        dispatch!(self, c => c.name())
    }
    fn attachment_policy(&self) -> AttachmentPolicy {
        dispatch!(self, c => c.attachment_policy())
    }
    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        dispatch!(self, c => c.list_conversations(query, after).await)
    }
    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.conversation(id).await)
    }
    async fn messages(
        &self,
        id: &str,
        before: Option<&Cursor>,
        page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        dispatch!(self, c => c.messages(id, before, page_size).await)
    }
    async fn reply(
        &self,
        id: &str,
        reply: &Reply,
        files: &[File],
        upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        dispatch!(self, c => c.reply(id, reply, files, upload).await)
    }
    async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.assign(id, agent_id).await)
    }
    async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.change_status(id, change).await)
    }
    async fn mark_read(
        &self,
        id: &str,
        read: bool,
        shown: &[String],
    ) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.mark_read(id, read, shown).await)
    }
    async fn counters(&self) -> Result<Vec<Counter>, ApiError> {
        dispatch!(self, c => c.counters().await)
    }
    fn no_replies_reason(&self) -> switchboard_core::i18n::Msg {
        dispatch!(self, c => c.no_replies_reason())
    }
    fn reply_kinds(&self, lang: Lang) -> Vec<(String, String)> {
        dispatch!(self, c => c.reply_kinds(lang))
    }
    fn replies_to_messages(&self) -> bool {
        dispatch!(self, c => c.replies_to_messages())
    }
    fn followed_by(&self) -> Option<&'static str> {
        dispatch!(self, c => c.followed_by())
    }
    fn check_item_id(&self, id: &str) -> Result<(), String> {
        dispatch!(self, c => c.check_item_id(id))
    }
    fn opens_items(&self) -> Option<switchboard_core::i18n::Msg> {
        dispatch!(self, c => c.opens_items())
    }
    async fn set_callback_phone(
        &self,
        id: &str,
        phone: Option<&str>,
    ) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.set_callback_phone(id, phone).await)
    }
    async fn set_performer(
        &self,
        id: &str,
        performer: Option<&Performer>,
    ) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.set_performer(id, performer).await)
    }
    fn check_callback_phone(&self, raw: &str) -> Result<(), String> {
        dispatch!(self, c => c.check_callback_phone(raw))
    }
    fn check_performer(&self, performer: &Performer) -> Result<(), String> {
        dispatch!(self, c => c.check_performer(performer))
    }
    async fn open_item(&self, id: &str, key: &str) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.open_item(id, key).await)
    }
    fn finds_by_number(&self) -> Option<switchboard_core::i18n::Msg> {
        dispatch!(self, c => c.finds_by_number())
    }
    fn open_elsewhere(&self, conversation: &Conversation) -> Option<(String, String)> {
        dispatch!(self, c => c.open_elsewhere(conversation))
    }
    async fn find_by_number(&self, number: &str) -> Result<String, ApiError> {
        dispatch!(self, c => c.find_by_number(number).await)
    }
    async fn suggest_agent(&self, id: &str) -> Result<AgentSuggestion, ApiError> {
        dispatch!(self, c => c.suggest_agent(id).await)
    }
    async fn reassign_automatically(&self, id: &str) -> Result<Conversation, ApiError> {
        dispatch!(self, c => c.reassign_automatically(id).await)
    }
    fn takes_contact_messages(&self) -> bool {
        dispatch!(self, c => c.takes_contact_messages())
    }
    async fn send_contact(
        &self,
        form: &ContactForm,
        files: &[File],
        upload: &UploadControl,
        key: &str,
    ) -> Result<ContactReceipt, ApiError> {
        dispatch!(self, c => c.send_contact(form, files, upload, key).await)
    }
    async fn follow_up(&self, token: &str) -> Result<FollowUp, ApiError> {
        dispatch!(self, c => c.follow_up(token).await)
    }
    fn follow_up_file_url(&self, token: &str, id: &str) -> Option<String> {
        dispatch!(self, c => c.follow_up_file_url(token, id))
    }
    async fn write_follow_up(
        &self,
        token: &str,
        message: &str,
        files: &[File],
        upload: &UploadControl,
        key: &str,
    ) -> Result<FollowUp, ApiError> {
        dispatch!(self, c => c.write_follow_up(token, message, files, upload, key).await)
    }
}
