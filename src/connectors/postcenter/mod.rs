//! The connector for PostCenter's Tickets API v2 (`docs/backends/postcenter.md`): tickets
//! from social networks and email. The document cannot reply, so the console reads,
//! closes, asks who PostCenter would assign and has it reassign. Listing takes two roads:
//! "All" pages through each channel's date range by its `next_page` cursor; "Open" and
//! "Closed" list a state's ids and read their details a few at a time, kept for a minute.

mod cursor;
mod known;

pub use cursor::ticket_number;

use crate::connectors::follows::{read_all, READ_AT_ONCE};
use crate::connectors::http::{query_string, Client, Method};
use crate::connectors::upload::UploadControl;
use crate::connectors::{
    unsupported, BackendInfo, ConversationBackend, Endpoint, InboxSlice, Reply, ThreadBackend,
};
use crate::i18n::{lang_now, Args};
use async_trait::async_trait;
use chrono::{Duration, Utc};
use cursor::ChannelCursor;
use known::Known;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::directory::ITEM_LINK_NUMBER;
use switchboard_core::domain::{
    encode_path_segment, AgentSuggestion, AssigneeFilter, BackendAgent, Conversation, Cursor,
    InboxQuery, Message, Page, StatusChange, StatusFilter,
};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with};
use switchboard_core::lenient::Lenient;
use switchboard_core::wire::postcenter::{
    body_refusal, decode_error, format_range_date, messages_to_domain, ticket_to_domain,
    MessagesDto, PossibleAgentDto, State, StatusMessageDto, TicketDto, TicketIdDto, TicketIdsDto,
    TicketPageDto, COMPANY_ACCOUNT,
};
use web_sys::File;

/// This API's way of speaking HTTP: its own error body.
const HTTP: Client = Client::new(decode_error);

/// A 200 whose body's own `status` says otherwise is a refusal (the document puts the
/// real answer there).
fn accepted(status: Option<u16>) -> Result<(), ApiError> {
    body_refusal(status, None).map_or(Ok(()), Err)
}

/// The channels "All" pages through, in this order.
const CHANNELS: [&str; 4] = ["facebook", "twitter", "email", "whatsapp"];
/// How far back "All" reaches.
const LISTED_DAYS: i64 = 183;

/// The document carries no files with a reply (there is no reply).
const NO_FILES: AttachmentPolicy = AttachmentPolicy {
    formats: &[],
    max_files: 0,
    max_file_bytes: 0,
    max_message_bytes: 0,
};

#[derive(Clone, Debug)]
pub struct PostcenterConnector {
    /// Where it answers and what it offers.
    info: BackendInfo,
    /// The ticket in PostCenter's own tool, `{number}` for its number, when configured.
    pub ticket_link: Option<String>,
    known: Known,
}

impl PostcenterConnector {
    pub fn new(
        name: impl Into<String>,
        base_url: impl Into<String>,
        origin: impl Into<String>,
    ) -> Self {
        let endpoint = Endpoint::new(name, base_url, origin);
        let info = BackendInfo {
            no_replies_reason: msg!("postcenter-no-replies"),
            finds_by_number: Some(msg!("postcenter-ticket-number")),
            ..BackendInfo::new(
                switchboard_core::domain::BackendKind::Postcenter,
                endpoint,
                NO_FILES,
            )
        };
        Self {
            info,
            ticket_link: None,
            known: Known::default(),
        }
    }

    /// With the team's link to a ticket in PostCenter's own tool (from discovery).
    pub fn with_ticket_link(mut self, pattern: Option<String>) -> Self {
        self.ticket_link = pattern.filter(|p| {
            let lower = p.to_ascii_lowercase();
            p.contains(ITEM_LINK_NUMBER)
                && (lower.starts_with("https://") || lower.starts_with("http://"))
        });
        self
    }

    fn ticket_url(&self, id: &str, action: &str) -> String {
        format!(
            "{}/v2/ticket/{}/{action}",
            self.info.endpoint.base_url,
            encode_path_segment(id)
        )
    }

    fn map(&self, dto: &TicketDto) -> Result<Conversation, ApiError> {
        let ticket = self.map_row(dto)?;
        self.known.remember(&ticket);
        Ok(ticket)
    }

    fn map_row(&self, dto: &TicketDto) -> Result<Conversation, ApiError> {
        ticket_to_domain(&self.info.endpoint.name, dto, lang_now())
            .map_err(|e| ApiError::malformed(e.to_string()))
    }

    /// A ticket's detail, read now.
    async fn detail(&self, id: &str) -> Result<Conversation, ApiError> {
        let dto: TicketDto = HTTP.get_json(&self.ticket_url(id, "")).await?;
        self.map(&dto)
    }

    /// A ticket's detail, read within the last minute or now.
    async fn recent_detail(&self, id: String) -> Result<Conversation, ApiError> {
        match self.known.fresh(&id) {
            Some(ticket) => Ok(ticket),
            None => self.detail(&id).await,
        }
    }

    /// A write answered `{"status": 200, "message": "Ok"}`; the ticket as it now is.
    async fn act(&self, id: &str, action: &str) -> Result<Conversation, ApiError> {
        let answer: StatusMessageDto = HTTP
            .send_empty(Method::Post, &self.ticket_url(id, action))
            .await?;
        if let Some(refusal) = body_refusal(answer.status, answer.message.as_deref()) {
            return Err(refusal);
        }
        self.detail(id).await
    }

    /// "All": a slice of one channel's page of the last months, newest created first.
    /// PostCenter's pages hold 100; the inbox asks for fewer, so the cursor says which
    /// channel, PostCenter's `next` for the page, and where in it (`ChannelCursor`).
    async fn channel_page(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        let at = ChannelCursor::read(after)?;
        let (tickets, next_page) = self.vendor_page(at.channel, at.next.as_deref()).await?;
        let (items, unreadable) = self.read_tickets(&tickets);
        let end = (at.offset + query.page_size.max(1) as usize).min(items.len());
        let rows: Vec<Conversation> = items.get(at.offset..end).unwrap_or_default().to_vec();
        let mut slice = self.in_detail(rows).await;
        slice.sort_by_key(|t| std::cmp::Reverse(t.last_activity));
        let next = if end < items.len() {
            Some(at.at_offset(end))
        } else {
            ChannelCursor::after(at.channel, next_page)
        };
        Ok(InboxSlice {
            backend: self.info.endpoint.name.clone(),
            page: Page {
                items: slice,
                next: next.map(|c| c.write()),
                total_items: None,
            },
            // Counted once, with the page's first slice.
            unreadable: if at.offset == 0 { unreadable } else { 0 },
            filtered_here: Vec::new(),
            none_because: None,
        })
    }

    /// One of PostCenter's pages of a channel, read within the last minute or now.
    async fn vendor_page(
        &self,
        channel: usize,
        next: Option<&str>,
    ) -> Result<(Vec<Lenient<TicketDto>>, Option<String>), ApiError> {
        let key = format!("{channel}:{}", next.unwrap_or_default());
        if let Some(page) = self.known.page(&key) {
            return Ok(page);
        }
        let now = Utc::now().naive_utc();
        let mut params = vec![
            ("from", format_range_date(now - Duration::days(LISTED_DAYS))),
            ("to", format_range_date(now + Duration::days(1))),
        ];
        if let Some(next) = next {
            params.push(("next", next.to_owned()));
        }
        let url = format!(
            "{}/v2/tickets/paginated/{}/{}",
            self.info.endpoint.base_url,
            CHANNELS[channel],
            query_string(&params)
        );
        let dto: TicketPageDto = HTTP.get_json(&url).await?;
        accepted(dto.status)?;
        let page = (dto.tickets, dto.next_page);
        self.known.keep_page(key, page.clone());
        Ok(page)
    }

    /// The rows of a channel's page with what only a ticket's detail says: its customer and
    /// its last message, as every backend's rows show them (and the text filter finds).
    /// The row's own state stands; a detail that cannot be read leaves the row as it was.
    async fn in_detail(&self, rows: Vec<Conversation>) -> Vec<Conversation> {
        let ids = rows.iter().map(|t| t.key.id.clone()).collect();
        let mut details: std::collections::HashMap<String, Conversation> =
            read_all(ids, READ_AT_ONCE, |id| self.recent_detail(id))
                .await
                .into_iter()
                .filter_map(|(id, read)| read.ok().map(|detail| (id, detail)))
                .collect();
        rows.into_iter()
            .map(|row| match details.remove(&row.key.id) {
                Some(detail) => Conversation {
                    status: row.status.clone(),
                    ..detail
                },
                None => row,
            })
            .collect()
    }

    /// A page's tickets as rows. Not remembered as details: a page's shape lacks the
    /// customer and the last message.
    fn read_tickets(&self, dtos: &[Lenient<TicketDto>]) -> (Vec<Conversation>, usize) {
        let mut unreadable = 0;
        let items = dtos
            .iter()
            .filter_map(|dto| match dto.known().map(|dto| self.map_row(dto)) {
                Some(Ok(ticket)) => Some(ticket),
                _ => {
                    unreadable += 1;
                    None
                }
            })
            .collect();
        (items, unreadable)
    }

    /// "Open" or "Closed": the states' ids, then a page of them read in detail.
    async fn state_page(
        &self,
        states: &[State],
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        let mut ids = Vec::new();
        for state in states {
            let url = format!(
                "{}/v2/tickets/state/{}",
                self.info.endpoint.base_url,
                state.as_str()
            );
            let dto: TicketIdsDto = HTTP.get_json(&url).await?;
            accepted(dto.status)?;
            ids.extend(dto.tickets.iter().filter_map(|id| id.known().cloned()));
        }
        let start = match after {
            None => 0,
            Some(cursor) => cursor
                .page_number()
                .ok_or_else(|| ApiError::malformed("a list cursor that is not a number"))?
                as usize,
        };
        let size = query.page_size.max(1) as usize;
        let end = (start + size).min(ids.len());
        let page_ids = ids.get(start..end).unwrap_or_default().to_vec();
        let read = read_all(page_ids, READ_AT_ONCE, |id| self.recent_detail(id)).await;
        let unreadable = read.iter().filter(|(_, r)| r.is_err()).count();
        let items = read.into_iter().filter_map(|(_, r)| r.ok()).collect();
        Ok(InboxSlice {
            backend: self.info.endpoint.name.clone(),
            page: Page {
                items,
                next: (end < ids.len()).then(|| Cursor::page(end as u32)),
                total_items: Some(ids.len() as u64),
            },
            unreadable,
            filtered_here: Vec::new(),
            none_because: None,
        })
    }

    /// A ticket found by the number agents see, as the inbox's reference search.
    async fn numbered(&self, number: &str) -> Result<InboxSlice, ApiError> {
        let id = match self.find_by_number(number).await {
            Ok(id) => id,
            Err(e) if e.kind == switchboard_core::error::ErrorKind::NotFound => {
                return Ok(InboxSlice::empty(&self.info.endpoint.name))
            }
            Err(e) => return Err(e),
        };
        let ticket = self.detail(&id).await?;
        Ok(InboxSlice {
            backend: self.info.endpoint.name.clone(),
            page: Page::whole(vec![ticket]),
            unreadable: 0,
            filtered_here: Vec::new(),
            none_because: None,
        })
    }

    /// The ticket in PostCenter's own tool and its number, where the team configured its
    /// link.
    fn ticket_in_postcenter(&self, conversation: &Conversation) -> Option<(String, String)> {
        let pattern = self.ticket_link.as_deref()?;
        let number = conversation.reference.as_deref()?.trim_start_matches('#');
        let number = ticket_number(number)?;
        Some((pattern.replace(ITEM_LINK_NUMBER, &number), number))
    }

    /// Media on the API's own host, made absolute for the page.
    fn with_absolute_media(&self, mut messages: Vec<Message>) -> Vec<Message> {
        for attachment in messages.iter_mut().flat_map(|m| m.attachments.iter_mut()) {
            attachment.resolve(&self.info.endpoint.origin);
        }
        messages
    }
}

#[async_trait(?Send)]
impl ConversationBackend for PostcenterConnector {
    fn info(&self) -> &BackendInfo {
        &self.info
    }

    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        // PostCenter's agents are not Switchboard's: "Mine" is empty here; no archive.
        if query.assignee == AssigneeFilter::Me || query.status == StatusFilter::Archived {
            return Ok(InboxSlice::empty(&self.info.endpoint.name));
        }
        let mut slice = match (&query.reference, query.status) {
            (Some(reference), _) if ticket_number(reference).is_some() => {
                self.numbered(reference).await?
            }
            (Some(_), _) => InboxSlice::empty(&self.info.endpoint.name),
            (None, StatusFilter::Open) => {
                self.state_page(&[State::Open, State::InProgress], query, after)
                    .await?
            }
            (None, StatusFilter::Closed) => self.state_page(&[State::Closed], query, after).await?,
            (None, _) => self.channel_page(query, after).await?,
        };
        if query.assignee == AssigneeFilter::Unassigned {
            slice.page.items.retain(|t| t.assigned_to.is_none());
            slice
                .filtered_here
                .push(text(lang_now(), msg!("postcenter-filtered-unassigned")));
        }
        Ok(slice)
    }

    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        self.detail(id).await
    }

    async fn find_by_number(&self, number: &str) -> Result<String, ApiError> {
        let number = ticket_number(number).ok_or_else(|| ApiError {
            backend_message: Some(text(lang_now(), msg!("postcenter-ticket-number-shape"))),
            ..ApiError::new(switchboard_core::error::ErrorKind::Invalid)
        })?;
        let url = format!(
            "{}/v2/ticket/{}/by_agent_id/",
            self.info.endpoint.base_url,
            encode_path_segment(&number)
        );
        let dto: TicketIdDto = HTTP.get_json(&url).await?;
        accepted(dto.status)?;
        dto.ticket_id
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| ApiError::malformed("a ticket number's answer without a ticket_id"))
    }
}

#[async_trait(?Send)]
impl ThreadBackend for PostcenterConnector {
    /// Every message at once, oldest first (the API has no paging here).
    async fn messages(
        &self,
        id: &str,
        _before: Option<&Cursor>,
        _page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        let dto: MessagesDto = HTTP.get_json(&self.ticket_url(id, "messages/")).await?;
        accepted(dto.status)?;
        let messages = messages_to_domain(id, &dto.messages, Some(COMPANY_ACCOUNT), lang_now());
        Ok(Page::whole(self.with_absolute_media(messages)))
    }

    async fn reply(
        &self,
        _id: &str,
        _reply: &Reply,
        _files: &[File],
        _upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("postcenter-cannot-reply"),
        )))
    }

    async fn assign(&self, _id: &str, _agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        Err(unsupported(text(
            lang_now(),
            msg!("postcenter-cannot-assign"),
        )))
    }

    async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        match change {
            StatusChange::Close => self.act(id, "close/").await,
            StatusChange::Reopen | StatusChange::Archive => {
                Err(unsupported(text(lang_now(), msg!("postcenter-only-close"))))
            }
        }
    }

    /// "Open #261 in PostCenter", where the team configured its link.
    fn open_elsewhere(&self, conversation: &Conversation) -> Option<(String, String)> {
        let (url, number) = self.ticket_in_postcenter(conversation)?;
        let args = Args::new().str("number", number);
        Some((
            url,
            text_with(lang_now(), msg!("postcenter-open-ticket"), &args),
        ))
    }

    async fn suggest_agent(&self, id: &str) -> Result<AgentSuggestion, ApiError> {
        let dto: PossibleAgentDto = HTTP
            .get_json(&self.ticket_url(id, "get_possible_agent/"))
            .await?;
        accepted(dto.status)?;
        let assignation = dto.assignation.unwrap_or_default();
        let agent = assignation.cm.map(|cm| {
            let id = cm.to_string();
            self.known.agent(&id).unwrap_or(BackendAgent {
                id,
                name: None,
                email: None,
            })
        });
        Ok(AgentSuggestion {
            agent,
            reason: assignation.reason.filter(|r| !r.trim().is_empty()),
        })
    }

    async fn reassign_automatically(&self, id: &str) -> Result<Conversation, ApiError> {
        self.act(id, "reassign/").await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use switchboard_core::wire::postcenter::TicketDto;

    fn ticket_261() -> Conversation {
        let dto: TicketDto =
            serde_json::from_str(r#"{"id": "583dcb2855d0a46e438d0206", "identifier": "261"}"#)
                .unwrap();
        ticket_to_domain("postcenter", &dto, Lang::En).unwrap()
    }

    #[test]
    fn a_configured_link_opens_the_ticket_by_its_number_and_only_on_the_web() {
        let plain = PostcenterConnector::new("postcenter", "/postcenter", "");
        assert_eq!(plain.open_elsewhere(&ticket_261()), None);
        let linked = plain
            .clone()
            .with_ticket_link(Some("https://app.postcenter.io/tickets/{number}".into()));
        assert_eq!(
            linked.ticket_in_postcenter(&ticket_261()),
            Some((
                "https://app.postcenter.io/tickets/261".to_owned(),
                "261".to_owned()
            ))
        );
        let args = Args::new().str("number", "261");
        assert_eq!(
            text_with(Lang::En, msg!("postcenter-open-ticket"), &args),
            "Open #261 in PostCenter"
        );
        let hostile = plain.with_ticket_link(Some("javascript:alert('{number}')".into()));
        assert_eq!(hostile.open_elsewhere(&ticket_261()), None);
    }
}
