//! The connector for the communication API: its routes and parameters (see
//! `docs/backends/communication.md`), mapped through `core` so the pages only see the domain.

use super::http::{query_string, Client, Method};
use super::upload::{post_multipart, UploadControl};
use super::versions::SeenVersions;
use super::{
    page_after, BackendInfo, ConversationBackend, CustomerChannel, Endpoint, InboxSlice, Reply,
    ThreadBackend,
};
use crate::i18n::lang_now;
use async_trait::async_trait;
use serde::de::DeserializeOwned;
use switchboard_core::domain::{
    encode_path_segment, AssigneeFilter, ContactReceipt, Conversation, Cursor, InboxQuery, Message,
    Page, StatusChange, StatusFilter,
};
use switchboard_core::error::ApiError;
use switchboard_core::follow_up::{
    follow_up_attachment_path, follow_up_path, FollowUp, FollowUpWrite,
};
use switchboard_core::i18n::text;
use switchboard_core::validation::ContactForm;
use switchboard_core::wire::communication::{
    contact_receipt, contact_to_wire, conversation_to_domain, decode_error, message_to_domain,
    page_to_domain, reply_to_wire, AssignAgentRequest, ContactMessageDto, ConversationDto,
    ConversationStatusDto, MessageDto, PageDto, ATTACHMENT_POLICY, CONTACT_PART, FILES_PART,
    MAX_PAGE_SIZE, MESSAGE_PART, MIN_CONVERSATION_PAGE_SIZE, TRIP_REFERENCE_PARAM,
    UNASSIGNED_PARAM,
};
use web_sys::{File, FormData};

/// Messages are counted from 0 by this API, conversations from 1.
const FIRST_MESSAGE_PAGE: u32 = 0;
const FIRST_CONVERSATION_PAGE: u32 = 1;
/// This API's way of speaking HTTP: its own error body.
const HTTP: Client = Client::new(decode_error);

#[derive(Clone, Debug)]
pub struct CommunicationConnector {
    /// Where it answers and what it offers.
    info: BackendInfo,
    /// Each conversation's version as the agent last saw it (`ETag`).
    seen: SeenVersions,
}

impl CommunicationConnector {
    pub fn new(name: impl Into<String>, base_url: impl Into<String>) -> Self {
        let endpoint = Endpoint::new(name, base_url, "");
        let info = BackendInfo {
            ..BackendInfo::new(
                switchboard_core::domain::BackendKind::Communication,
                endpoint,
                ATTACHMENT_POLICY,
            )
        };
        Self {
            info,
            seen: SeenVersions::default(),
        }
    }

    /// Where a follow-up token reads and writes; the token is percent-encoded like any
    /// path segment, whatever the page's fragment held.
    fn follow_up_url(&self, token: &str) -> String {
        follow_up_path(&self.info.endpoint.base_url, &encode_path_segment(token))
    }

    fn conversation_url(&self, id: &str) -> String {
        format!(
            "{}/conversations/{}",
            self.info.endpoint.base_url,
            encode_path_segment(id)
        )
    }

    fn map_conversation(&self, dto: ConversationDto) -> Result<Conversation, ApiError> {
        let mut conversation = conversation_to_domain(&self.info.endpoint.name, dto)
            .map_err(|e| ApiError::malformed(e.to_string()))?;
        if let Some(message) = conversation.last_message.as_mut() {
            self.resolve_links(message);
        }
        Ok(conversation)
    }

    /// Attachment links are relative to the API's base path; the page needs them whole.
    fn resolve_links(&self, message: &mut Message) {
        for attachment in &mut message.attachments {
            attachment.resolve(&self.info.endpoint.base_url);
        }
    }

    /// Sends `json` alone as JSON, or with files as multipart (with progress and cancel).
    async fn post_with_files<B: serde::Serialize, T: DeserializeOwned>(
        &self,
        url: &str,
        json_part: &str,
        json: &B,
        files: &[File],
        upload: &UploadControl,
        key: &str,
    ) -> Result<T, ApiError> {
        if files.is_empty() {
            return HTTP.send_json_once(url, json, key).await;
        }
        let form = FormData::new().map_err(|_| ApiError::network("no FormData"))?;
        let body = serde_json::to_string(json).map_err(|e| ApiError::malformed(e.to_string()))?;
        form.append_with_str(json_part, &body).map_err(|_| {
            ApiError::network(text(lang_now(), msg!("connector-message-not-prepared")))
        })?;
        for file in files {
            form.append_with_blob_and_filename(FILES_PART, file, &file.name())
                .map_err(|_| {
                    ApiError::network(text(lang_now(), msg!("connector-file-not-prepared")))
                })?;
        }
        let text = post_multipart(HTTP, url, &form, upload, Some(key)).await?;
        serde_json::from_str(&text).map_err(|e| ApiError::malformed(e.to_string()))
    }

    /// Read, change, write back: `PUT` takes the whole conversation.
    /// A full update, made on the version the agent saw (`If-Match`): the current
    /// conversation with `change` applied, participants left to the server (it merges).
    /// Refused with 412 when a colleague changed it since; the conversation is then read
    /// again, so what the agent sees next is how it stands.
    async fn update(
        &self,
        id: &str,
        change: impl FnOnce(&mut ConversationDto),
    ) -> Result<ConversationDto, ApiError> {
        let url = self.conversation_url(id);
        let (mut dto, version): (ConversationDto, _) = HTTP.get_json_versioned(&url).await?;
        let seen = self.seen.of(id).or(version);
        change(&mut dto);
        dto.links.clear();
        dto.participants.clear();
        self.write_versioned(id, Method::Put, &url, &dto, seen)
            .await
    }

    /// A write on version `seen`, remembering the new one; on 412, the conversation is
    /// read again (and its version with it) before the refusal is passed on.
    async fn write_versioned<B: serde::Serialize>(
        &self,
        id: &str,
        method: Method,
        url: &str,
        body: &B,
        seen: Option<String>,
    ) -> Result<ConversationDto, ApiError> {
        match HTTP
            .send_json_versioned(method, url, body, seen.as_deref())
            .await
        {
            Ok((dto, version)) => {
                self.seen.saw(id, version);
                Ok(dto)
            }
            Err(refused) if refused.status == Some(412) => {
                let _ = self.read_versioned(id).await;
                Err(refused)
            }
            Err(refused) => Err(refused),
        }
    }

    /// The conversation as it is now, its version remembered.
    async fn read_versioned(&self, id: &str) -> Result<ConversationDto, ApiError> {
        let (dto, version) = HTTP.get_json_versioned(&self.conversation_url(id)).await?;
        self.seen.saw(id, version);
        Ok(dto)
    }
}

#[async_trait(?Send)]
impl ConversationBackend for CommunicationConnector {
    fn info(&self) -> &BackendInfo {
        &self.info
    }

    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        let page_size = query
            .page_size
            .clamp(MIN_CONVERSATION_PAGE_SIZE, MAX_PAGE_SIZE);
        let current_page = page_after(after, FIRST_CONVERSATION_PAGE)?;
        let mut params = vec![
            ("currentPage", current_page.to_string()),
            ("sizePage", page_size.to_string()),
        ];
        let status = match query.status {
            StatusFilter::All => None,
            StatusFilter::Open => Some(ConversationStatusDto::Open),
            StatusFilter::Closed => Some(ConversationStatusDto::Closed),
            StatusFilter::Archived => Some(ConversationStatusDto::Archived),
        };
        if let Some(status) = status {
            params.push(("status", status.to_string()));
        }
        if let Some(reference) = &query.reference {
            params.push((TRIP_REFERENCE_PARAM, reference.trim().to_owned()));
        }
        if query.assignee == AssigneeFilter::Unassigned {
            params.push((UNASSIGNED_PARAM, "true".to_owned()));
        }
        if query.assignee == AssigneeFilter::Me {
            match &query.me {
                Some(me) => params.push(("assignedAgentId", me.clone())),
                // "Mine" before the agent has said who they are is an empty view.
                None => return Ok(InboxSlice::empty(&self.info.endpoint.name)),
            }
        }
        let url = format!(
            "{}/conversations{}",
            self.info.endpoint.base_url,
            query_string(&params)
        );
        let dto: PageDto<ConversationDto> = HTTP.get_json(&url).await?;
        let (page, unreadable) = page_to_domain(dto, FIRST_CONVERSATION_PAGE, |c| {
            conversation_to_domain(&self.info.endpoint.name, c)
        });
        Ok(InboxSlice {
            backend: self.info.endpoint.name.clone(),
            page,
            unreadable: unreadable.len(),
            filtered_here: Vec::new(),
            none_because: None,
        })
    }

    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        let dto = self.read_versioned(id).await?;
        self.map_conversation(dto)
    }
}

#[async_trait(?Send)]
impl ThreadBackend for CommunicationConnector {
    /// No cursor is page 0, the newest messages; each page comes oldest first.
    async fn messages(
        &self,
        id: &str,
        before: Option<&Cursor>,
        page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        let wire_page = page_after(before, FIRST_MESSAGE_PAGE)?;
        let url = format!(
            "{}/messages{}",
            self.conversation_url(id),
            query_string(&[
                ("currentPage", wire_page.to_string()),
                ("sizePage", page_size.clamp(1, MAX_PAGE_SIZE).to_string()),
            ])
        );
        let dto: PageDto<MessageDto> = HTTP.get_json(&url).await?;
        let (mut page, _unreadable) = page_to_domain(dto, FIRST_MESSAGE_PAGE, message_to_domain);
        // The API sends newest first; a thread reads oldest first.
        page.items.reverse();
        page.items.iter_mut().for_each(|m| self.resolve_links(m));
        Ok(page)
    }

    async fn reply(
        &self,
        id: &str,
        reply: &Reply,
        files: &[File],
        upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        let request = reply_to_wire(id, reply);
        let url = format!("{}/messages", self.conversation_url(id));
        let dto: MessageDto = self
            .post_with_files(
                &url,
                MESSAGE_PART,
                &request,
                files,
                upload,
                &reply.idempotency_key,
            )
            .await?;
        let mut message = message_to_domain(dto).map_err(|e| ApiError::malformed(e.to_string()))?;
        self.resolve_links(&mut message);
        Ok(message)
    }

    async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        let dto: ConversationDto = match agent_id {
            Some(agent_id) => {
                let url = format!("{}/assigned-agent", self.conversation_url(id));
                let body = AssignAgentRequest {
                    assigned_agent_id: Some(agent_id.to_owned()),
                };
                let seen = self.seen.of(id);
                self.write_versioned(id, Method::Put, &url, &body, seen)
                    .await?
            }
            // The assigned-agent route requires an agent: unassigning is a full update.
            None => self.update(id, |dto| dto.assigned_agent_id = None).await?,
        };
        self.map_conversation(dto)
    }

    async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        let status = match change {
            StatusChange::Reopen => ConversationStatusDto::Open,
            StatusChange::Close => ConversationStatusDto::Closed,
            StatusChange::Archive => ConversationStatusDto::Archived,
        };
        let dto = self.update(id, |dto| dto.status = Some(status)).await?;
        self.map_conversation(dto)
    }
}

/// The public pages' side: the contact form and the private follow-up link.
#[async_trait(?Send)]
impl CustomerChannel for CommunicationConnector {
    /// The public contact-us form.
    async fn send_contact(
        &self,
        form: &ContactForm,
        files: &[File],
        upload: &UploadControl,
        key: &str,
    ) -> Result<ContactReceipt, ApiError> {
        let request = contact_to_wire(form);
        let url = format!("{}/contact-us", self.info.endpoint.base_url);
        let dto: ContactMessageDto = self
            .post_with_files(&url, CONTACT_PART, &request, files, upload, key)
            .await?;
        contact_receipt(dto).map_err(|e| ApiError::malformed(e.to_string()))
    }

    async fn follow_up(&self, token: &str) -> Result<FollowUp, ApiError> {
        HTTP.get_json(&self.follow_up_url(token)).await
    }

    fn follow_up_file_url(&self, token: &str, id: &str) -> Option<String> {
        Some(follow_up_attachment_path(
            &self.info.endpoint.base_url,
            &encode_path_segment(token),
            &encode_path_segment(id),
        ))
    }

    async fn write_follow_up(
        &self,
        token: &str,
        message: &str,
        files: &[File],
        upload: &UploadControl,
        key: &str,
    ) -> Result<FollowUp, ApiError> {
        let url = format!("{}/messages", self.follow_up_url(token));
        let body = FollowUpWrite {
            message: message.trim().to_owned(),
        };
        self.post_with_files(&url, MESSAGE_PART, &body, files, upload, key)
            .await
    }
}
