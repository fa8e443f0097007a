//! The connector for Octopia's Discussion API V2 (`docs/backends/octopia.md`): discussions
//! listed newest activity first with their reasons in words, read and answered as the
//! seller, opened and closed, marked read and unread, and its two counts (discussions and
//! claims to treat). Files travel as base64 inside JSON, both ways.

use super::http::{query_string, Client, Method};
use super::kept_assignment::KeptAssignments;
use super::upload::{post_with_progress, UploadBody, UploadControl};
use super::{
    page_after, BackendInfo, ConversationBackend, Counter, Endpoint, InboxSlice, Reply,
    ThreadBackend,
};
use crate::i18n::{lang_now, Args};
use async_trait::async_trait;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use switchboard_core::attachments::{identify, SNIFF_LEN};
use switchboard_core::domain::{
    encode_path_segment, AssigneeFilter, Conversation, Cursor, InboxQuery, Message, Page,
    StatusChange, StatusFilter,
};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with};
use switchboard_core::wire::octopia::{
    decode_error, discussion_to_domain, format_of, is_unread, message_to_domain, page_to_domain,
    reply_to_wire, search_windows, window_bounds, AttachmentContentDto, CountDto, DatedPlace,
    DiscussionDto, DiscussionPageDto, GraduationCode, NewAttachmentDto, PatchOperation,
    ProcessStatus, ResponseDto, TypologyDto, UserType, ATTACHMENT_POLICY, FIRST_PAGE_INDEX,
    HAS_READ_PATH, IS_OPEN_PATH, MAX_PAGE_SIZE,
};
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

/// This API's way of speaking HTTP: its own error body.
const HTTP: Client = Client::new(decode_error);

/// The sub-typologies, read once per console: the document calls for them "occasionally".
/// (`Arc` and `Mutex` only because views need `Send` values; the browser has one thread.)
#[derive(Clone, Default)]
struct Typologies(Arc<Mutex<Option<Arc<Vec<TypologyDto>>>>>);

impl std::fmt::Debug for Typologies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Typologies")
    }
}

/// Two connectors are the same backend whatever they have cached.
impl PartialEq for Typologies {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Clone, Debug)]
pub struct OctopiaConnector {
    /// Where it answers and what it offers.
    info: BackendInfo,
    typologies: Typologies,
    /// Discussions have no assignee at Octopia: Switchboard keeps one.
    kept: KeptAssignments,
}

impl OctopiaConnector {
    /// `origin` is Switchboard's server, which keeps the discussions' assignees.
    pub fn new(name: impl Into<String>, base_url: impl Into<String>, origin: &str) -> Self {
        let name = name.into();
        let kept = KeptAssignments::new(origin, &name);
        let endpoint = Endpoint::new(name, base_url, origin);
        let info = BackendInfo {
            ..BackendInfo::new(
                switchboard_core::domain::BackendKind::Octopia,
                endpoint,
                ATTACHMENT_POLICY,
            )
        };
        Self {
            info,
            typologies: Typologies::default(),
            kept,
        }
    }

    /// A discussion as Octopia has it, before its kept assignee.
    async fn read(&self, id: &str) -> Result<Conversation, ApiError> {
        let dto = self.detail(id).await?;
        self.map(dto).await
    }

    fn discussion_url(&self, id: &str) -> String {
        format!(
            "{}/discussions/{}",
            self.info.endpoint.base_url,
            encode_path_segment(id)
        )
    }

    /// The readable reasons; without them, codes show as they are (never a failure).
    async fn typologies(&self) -> Arc<Vec<TypologyDto>> {
        if let Some(known) = self.cached_typologies() {
            return known;
        }
        let url = format!("{}/discussions/typologies", self.info.endpoint.base_url);
        match HTTP.get_json::<Vec<TypologyDto>>(&url).await {
            Ok(list) => {
                let list = Arc::new(list);
                if let Ok(mut cache) = self.typologies.0.lock() {
                    *cache = Some(list.clone());
                }
                list
            }
            Err(_) => Arc::new(Vec::new()),
        }
    }

    fn cached_typologies(&self) -> Option<Arc<Vec<TypologyDto>>> {
        self.typologies
            .0
            .lock()
            .ok()
            .and_then(|cache| cache.clone())
    }

    async fn detail(&self, id: &str) -> Result<DiscussionDto, ApiError> {
        HTTP.get_json(&self.discussion_url(id)).await
    }

    async fn map(&self, dto: DiscussionDto) -> Result<Conversation, ApiError> {
        discussion_to_domain(
            &self.info.endpoint.name,
            dto,
            &self.typologies().await,
            lang_now(),
        )
        .map_err(|e| ApiError::malformed(e.to_string()))
    }

    async fn patch(&self, url: &str, path: &str, value: bool) -> Result<(), ApiError> {
        let body = [PatchOperation::replace(path, value)];
        // The answer is the string "success"; anything readable as JSON will do.
        let _: serde_json::Value = HTTP.send_json(Method::Patch, url, &body).await?;
        Ok(())
    }

    async fn count(&self, graduation: GraduationCode) -> Result<u64, ApiError> {
        let url = format!(
            "{}/discussions/count{}",
            self.info.endpoint.base_url,
            query_string(&[
                ("graduationCode", graduation.to_string()),
                ("processStatus", ProcessStatus::ToTreat.to_string()),
                ("isOpen", "true".to_owned()),
            ])
        );
        Ok(HTTP.get_json::<CountDto>(&url).await?.discussion_count)
    }

    /// Every file of a discussion, with its content, as `data:` URLs the thread can show
    /// and download: the content never leaves the page, and nothing needs freeing.
    async fn fill_attachment_links(
        &self,
        id: &str,
        messages: &mut [Message],
    ) -> Result<(), ApiError> {
        if messages.iter().all(|m| m.attachments.is_empty()) {
            return Ok(());
        }
        let url = format!(
            "{}/attachments{}",
            self.info.endpoint.base_url,
            query_string(&[("discussionId", id.to_owned())])
        );
        let contents: Vec<AttachmentContentDto> = HTTP.get_json(&url).await?;
        for message in messages.iter_mut() {
            for attachment in &mut message.attachments {
                let content = contents
                    .iter()
                    .find(|c| c.attachment_id.as_deref() == Some(attachment.id.as_str()))
                    .and_then(|c| c.content.as_deref())
                    .filter(|c| BASE64.decode(c).is_ok());
                if let Some(content) = content {
                    attachment.url = format!("data:{};base64,{content}", attachment.media_type);
                }
            }
            // A file whose content did not come cannot be shown or fetched: left out, as
            // every connector does.
            message.attachments.retain(|a| !a.url.is_empty());
        }
        Ok(())
    }
}

/// A chosen file as the document sends it: its bytes in base64, its name, its format.
async fn encode_file(file: &File) -> Result<NewAttachmentDto, ApiError> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| {
        let args = Args::new().str("name", file.name());
        ApiError::network(text_with(
            lang_now(),
            msg!("connector-file-unreadable"),
            &args,
        ))
    })?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let name = file.name();
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let format = identify(&name, head)
        .and_then(|f| f.extensions().first().copied())
        .or_else(|| {
            name.rsplit_once('.')
                .map(|(_, ext)| ext)
                .filter(|e| format_of(e).is_some())
        })
        .unwrap_or_default()
        .to_owned();
    Ok(NewAttachmentDto {
        content: Some(BASE64.encode(&bytes)),
        name: Some(name),
        file_format: Some(format),
    })
}

impl OctopiaConnector {
    /// One page of `GET /discussions` for the view, within `window` when it is a date
    /// search; each discussion read on its own.
    async fn discussions(
        &self,
        query: &InboxQuery,
        page_index: u32,
        window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    ) -> Result<(Page<Conversation>, usize), ApiError> {
        let mut params = vec![
            ("pageIndex", page_index.to_string()),
            (
                "pageSize",
                query.page_size.clamp(1, MAX_PAGE_SIZE).to_string(),
            ),
        ];
        match query.status {
            StatusFilter::Open => params.push(("isOpen", "true".to_owned())),
            StatusFilter::Closed => params.push(("isOpen", "false".to_owned())),
            StatusFilter::All | StatusFilter::Archived => {}
        }
        if let Some(reference) = &query.reference {
            params.push(("orderReference", reference.trim().to_owned()));
        }
        if let Some(window) = window {
            let (min, max) = window_bounds(window);
            params.push(("updatedAtMin", min));
            params.push(("updatedAtMax", max));
        }
        let url = format!(
            "{}/discussions{}",
            self.info.endpoint.base_url,
            query_string(&params)
        );
        let (dto, typologies) = futures::join!(
            HTTP.get_json::<DiscussionPageDto<serde_json::Value>>(&url),
            self.typologies()
        );
        Ok(page_to_domain(
            &self.info.endpoint.name,
            dto?,
            &typologies,
            lang_now(),
        ))
    }

    /// A date search, window by window (`wire::octopia::search`): the page at `after`, and
    /// the place after it. A window with nothing in it is passed over at once, so the
    /// inbox never holds an empty page with more to come.
    async fn dated_page(
        &self,
        query: &InboxQuery,
        windows: &[(DateTime<Utc>, DateTime<Utc>)],
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        let mut place = match after {
            None => DatedPlace::FIRST,
            Some(cursor) => DatedPlace::from_cursor(cursor)
                .ok_or_else(|| ApiError::malformed("a date search cursor that is not one"))?,
        };
        loop {
            let Some(&window) = windows.get(place.window) else {
                return Ok(InboxSlice::empty(&self.info.endpoint.name));
            };
            let (page, unreadable) = self.discussions(query, place.page, Some(window)).await?;
            let next_page = page.next.as_ref().and_then(Cursor::page_number);
            let next = place.after(next_page, windows.len());
            if page.items.is_empty() && unreadable == 0 && next_page.is_none() {
                match next {
                    Some(following) => {
                        place = following;
                        continue;
                    }
                    None => return Ok(InboxSlice::empty(&self.info.endpoint.name)),
                }
            }
            return Ok(InboxSlice {
                backend: self.info.endpoint.name.clone(),
                page: Page {
                    items: page.items,
                    next: next.map(DatedPlace::cursor),
                    total_items: None,
                },
                unreadable,
                filtered_here: Vec::new(),
                none_because: None,
            });
        }
    }
}

impl OctopiaConnector {
    /// A page of discussions as Octopia lists them, by date range when the view has one.
    async fn vendor_page(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        if let Some(range) = query.active {
            let windows = search_windows(range.start(), range.end(chrono::Utc::now()));
            return self.dated_page(query, &windows, after).await;
        }
        let page_index = page_after(after, FIRST_PAGE_INDEX)?;
        let (page, unreadable) = self.discussions(query, page_index, None).await?;
        Ok(InboxSlice {
            backend: self.info.endpoint.name.clone(),
            page,
            unreadable,
            filtered_here: Vec::new(),
            none_because: None,
        })
    }

    /// "Mine": the discussions kept as the agent's, in one page.
    async fn mine(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        let (items, unreadable) = match after {
            Some(_) => (Vec::new(), 0),
            None => {
                self.kept
                    .mine(query, |id| async move { self.read(&id).await })
                    .await?
            }
        };
        Ok(InboxSlice {
            backend: self.info.endpoint.name.clone(),
            page: Page {
                total_items: Some(items.len() as u64),
                items,
                next: None,
            },
            unreadable,
            filtered_here: Vec::new(),
            none_because: None,
        })
    }
}

#[async_trait(?Send)]
impl ConversationBackend for OctopiaConnector {
    fn info(&self) -> &BackendInfo {
        &self.info
    }

    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        // No archive: "Archived" is truly empty here, and the page says why. The assignee
        // is Switchboard's: "Mine" reads the discussions kept as the agent's, one page.
        if query.assignee == AssigneeFilter::Me {
            return self.mine(query, after).await;
        }
        if query.status == StatusFilter::Archived {
            return Ok(InboxSlice::none_because(
                &self.info.endpoint.name,
                text(lang_now(), msg!("octopia-none-archived")),
            ));
        }
        let (slice, kept) = futures::join!(self.vendor_page(query, after), self.kept.all());
        let (mut slice, kept) = (slice?, kept?);
        if KeptAssignments::narrow(&mut slice.page.items, &kept, query) {
            slice
                .filtered_here
                .push(text(lang_now(), msg!("kept-filtered-unassigned")));
        }
        Ok(slice)
    }

    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        self.kept.one(self.read(id).await?).await
    }

    async fn counters(&self) -> Result<Vec<Counter>, ApiError> {
        let (discussions, claims) = futures::join!(
            self.count(GraduationCode::Discussion),
            self.count(GraduationCode::Claim)
        );
        let lang = lang_now();
        Ok(vec![
            Counter {
                token: "discussions-to-treat",
                label: text(lang, msg!("octopia-discussions-to-treat")),
                count: discussions?,
            },
            Counter {
                token: "claims-to-treat",
                label: text(lang, msg!("octopia-claims-to-treat")),
                count: claims?,
            },
        ])
    }
}

#[async_trait(?Send)]
impl ThreadBackend for OctopiaConnector {
    /// The detail carries every message: one page, oldest first, with files' content.
    async fn messages(
        &self,
        id: &str,
        _before: Option<&Cursor>,
        _page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        let dto = self.detail(id).await?;
        let mut items: Vec<Message> = dto
            .messages
            .into_iter()
            .filter_map(|m| message_to_domain(m, lang_now()).ok())
            .collect();
        self.fill_attachment_links(id, &mut items).await?;
        Ok(Page {
            total_items: Some(items.len() as u64),
            items,
            next: None,
        })
    }

    async fn reply(
        &self,
        id: &str,
        reply: &Reply,
        files: &[File],
        upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        let mut attachments = Vec::with_capacity(files.len());
        for file in files {
            attachments.push(encode_file(file).await?);
        }
        let request = reply_to_wire(id, reply, attachments);
        let body =
            serde_json::to_string(&request).map_err(|e| ApiError::malformed(e.to_string()))?;
        let url = format!("{}/messages", self.info.endpoint.base_url);
        let key = Some(reply.idempotency_key.as_str());
        let answer = post_with_progress(HTTP, &url, UploadBody::Json(&body), upload, key).await?;
        serde_json::from_str::<ResponseDto>(&answer)
            .map_err(|e| ApiError::malformed(e.to_string()))?;
        // The answer names no message: the newest one this agent wrote is it.
        let mut page = self.messages(id, None, 0).await?;
        let mine = page
            .items
            .iter()
            .rposition(|m| m.author.id.as_deref() == Some(reply.agent_id.as_str()))
            .ok_or_else(|| ApiError::malformed("the reply is not in the discussion"))?;
        Ok(page.items.swap_remove(mine))
    }

    /// Kept by Switchboard: Octopia is not told.
    async fn assign(&self, id: &str, agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        self.kept.set(id, agent_id).await?;
        self.conversation(id).await
    }

    async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        let open = match change {
            StatusChange::Reopen => true,
            StatusChange::Close => false,
            StatusChange::Archive => {
                return Err(ApiError::unsupported(text(
                    lang_now(),
                    msg!("octopia-cannot-archive"),
                )))
            }
        };
        self.patch(&self.discussion_url(id), IS_OPEN_PATH, open)
            .await?;
        self.conversation(id).await
    }

    /// Read: every message waiting for the seller. Unread: the newest message from the
    /// others, so the discussion shows as waiting again. Octopia reads a discussion as a
    /// whole: what is shown does not narrow it.
    async fn mark_read(
        &self,
        id: &str,
        read: bool,
        shown: &[String],
    ) -> Result<Conversation, ApiError> {
        let dto = self.detail(id).await?;
        // Read: the unread messages the agent was shown (all of them when none is named).
        let targets: Vec<String> = if read {
            dto.messages
                .iter()
                .filter(|m| is_unread(m))
                .filter_map(|m| m.message_id.clone())
                .filter(|id| shown.is_empty() || shown.contains(id))
                .collect()
        } else {
            dto.messages
                .iter()
                .rev()
                .find(|m| m.user_type != Some(UserType::Seller))
                .and_then(|m| m.message_id.clone())
                .into_iter()
                .collect()
        };
        for message_id in targets {
            let url = format!(
                "{}/messages/{}",
                self.info.endpoint.base_url,
                encode_path_segment(&message_id)
            );
            self.patch(&url, HAS_READ_PATH, read).await?;
        }
        self.conversation(id).await
    }
}
