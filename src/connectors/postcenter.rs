//! The connector for PostCenter's Tickets API v2 (`docs/backends/postcenter.md`): tickets
//! from social networks and email. The document cannot reply, so the console reads,
//! closes, asks who PostCenter would assign and has it reassign. Listing takes two roads:
//! "All" pages through each channel's date range by its `next_page` cursor; "Open" and
//! "Closed" list a state's ids and read their details a few at a time, kept for a minute.

use super::follows::{read_all, READ_AT_ONCE};
use super::http::{query_string, Client, Method};
use super::upload::UploadControl;
use super::{ConversationBackend, InboxSlice, Reply};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::domain::{
    encode_path_segment, AgentSuggestion, AssigneeFilter, BackendAgent, Conversation, Cursor,
    InboxQuery, Message, Page, StatusChange, StatusFilter,
};
use switchboard_core::error::ApiError;
use switchboard_core::lenient::Lenient;
use switchboard_core::wire::postcenter::{
    body_refusal, decode_error, format_range_date, messages_to_domain, ticket_to_domain,
    MessagesDto, PossibleAgentDto, State, StatusMessageDto, TicketDto, TicketIdDto, TicketIdsDto,
    TicketPageDto, COMPANY_ACCOUNT,
};
use web_sys::File;

/// This API's way of speaking HTTP: its own error body.
const HTTP: Client = Client::new(decode_error);

/// The channels "All" pages through, in this order.
const CHANNELS: [&str; 4] = ["facebook", "twitter", "email", "whatsapp"];
/// How far back "All" reaches.
const LISTED_DAYS: i64 = 183;
/// How long a ticket's detail read for a state's list is reused.
const DETAIL_KEPT_SECONDS: i64 = 60;

/// The document carries no files with a reply (there is no reply).
const NO_FILES: AttachmentPolicy = AttachmentPolicy {
    formats: &[],
    max_files: 0,
    max_file_bytes: 0,
    max_message_bytes: 0,
};

/// What this console has read: tickets' details (with when), and PostCenter's agents by
/// their number, learned from the tickets they are assigned to. (`Arc` and `Mutex` only
/// because views need `Send` values; the browser has one thread.)
#[derive(Clone, Default)]
struct Known(Arc<Mutex<KnownInner>>);

#[derive(Default)]
struct KnownInner {
    tickets: HashMap<String, (DateTime<Utc>, Conversation)>,
    agents: HashMap<String, BackendAgent>,
}

impl std::fmt::Debug for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Known")
    }
}

/// Two connectors are the same backend whatever they have read.
impl PartialEq for Known {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Known {
    fn remember(&self, ticket: &Conversation) {
        if let Ok(mut known) = self.0.lock() {
            if let Some(agent) = &ticket.assigned_to {
                known.agents.insert(agent.id.clone(), agent.clone());
            }
            known
                .tickets
                .insert(ticket.key.id.clone(), (Utc::now(), ticket.clone()));
        }
    }

    fn fresh(&self, id: &str) -> Option<Conversation> {
        let known = self.0.lock().ok()?;
        let (at, ticket) = known.tickets.get(id)?;
        (Utc::now() - *at < Duration::seconds(DETAIL_KEPT_SECONDS)).then(|| ticket.clone())
    }

    fn agent(&self, cmid: &str) -> Option<BackendAgent> {
        self.0.lock().ok()?.agents.get(cmid).cloned()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PostcenterConnector {
    /// The backend's name in discovery: the first segment of its conversation keys.
    pub name: String,
    /// Absolute or origin-relative URL of the API, without a trailing slash.
    pub base_url: String,
    /// Where the console is served: media on the API's own host are made absolute here.
    pub origin: String,
    known: Known,
}

impl PostcenterConnector {
    pub fn new(
        name: impl Into<String>,
        base_url: impl Into<String>,
        origin: impl Into<String>,
    ) -> Self {
        let base_url: String = base_url.into();
        Self {
            name: name.into(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            origin: origin.into().trim_end_matches('/').to_owned(),
            known: Known::default(),
        }
    }

    fn ticket_url(&self, id: &str, action: &str) -> String {
        format!(
            "{}/v2/ticket/{}/{action}",
            self.base_url,
            encode_path_segment(id)
        )
    }

    fn map(&self, dto: &TicketDto) -> Result<Conversation, ApiError> {
        let ticket =
            ticket_to_domain(&self.name, dto).map_err(|e| ApiError::malformed(e.to_string()))?;
        self.known.remember(&ticket);
        Ok(ticket)
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

    /// "All": one channel's page of the last months, newest created first; the cursor
    /// says which channel and PostCenter's `next_page` in it.
    async fn channel_page(&self, after: Option<&Cursor>) -> Result<InboxSlice, ApiError> {
        let (channel, next) = ChannelCursor::read(after)?;
        let now = Utc::now().naive_utc();
        let mut params = vec![
            ("from", format_range_date(now - Duration::days(LISTED_DAYS))),
            ("to", format_range_date(now + Duration::days(1))),
        ];
        if let Some(next) = &next {
            params.push(("next", next.clone()));
        }
        let url = format!(
            "{}/v2/tickets/paginated/{}/{}",
            self.base_url,
            CHANNELS[channel],
            query_string(&params)
        );
        let dto: TicketPageDto = HTTP.get_json(&url).await?;
        if let Some(refusal) = body_refusal(dto.status, None) {
            return Err(refusal);
        }
        let next = ChannelCursor::after(channel, dto.next_page);
        let (items, unreadable) = self.read_tickets(&dto.tickets);
        Ok(InboxSlice {
            backend: self.name.clone(),
            page: Page {
                items,
                next,
                total_items: None,
            },
            unreadable,
            filtered_here: Vec::new(),
        })
    }

    fn read_tickets(&self, dtos: &[Lenient<TicketDto>]) -> (Vec<Conversation>, usize) {
        let mut unreadable = 0;
        let items = dtos
            .iter()
            .filter_map(|dto| match dto.known().map(|dto| self.map(dto)) {
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
            let url = format!("{}/v2/tickets/state/{}", self.base_url, state.as_str());
            let dto: TicketIdsDto = HTTP.get_json(&url).await?;
            if let Some(refusal) = body_refusal(dto.status, None) {
                return Err(refusal);
            }
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
            backend: self.name.clone(),
            page: Page {
                items,
                next: (end < ids.len()).then(|| Cursor::page(end as u32)),
                total_items: Some(ids.len() as u64),
            },
            unreadable,
            filtered_here: Vec::new(),
        })
    }

    /// A ticket found by the number agents see, as the inbox's reference search.
    async fn numbered(&self, number: &str) -> Result<InboxSlice, ApiError> {
        let id = match self.find_by_number(number).await {
            Ok(id) => id,
            Err(e) if e.kind == switchboard_core::error::ErrorKind::NotFound => {
                return Ok(InboxSlice::empty(&self.name))
            }
            Err(e) => return Err(e),
        };
        let ticket = self.detail(&id).await?;
        Ok(InboxSlice {
            backend: self.name.clone(),
            page: Page::whole(vec![ticket]),
            unreadable: 0,
            filtered_here: Vec::new(),
        })
    }

    /// Media on the API's own host, made absolute for the page.
    fn with_absolute_media(&self, mut messages: Vec<Message>) -> Vec<Message> {
        for attachment in messages.iter_mut().flat_map(|m| m.attachments.iter_mut()) {
            if attachment.url.starts_with('/') {
                attachment.url = format!("{}{}", self.origin, attachment.url);
            }
        }
        messages
    }
}

/// Where "All" stands: the channel's index in [`CHANNELS`] and PostCenter's `next_page`
/// in it, written `index:next` (`2:` at the start of the third channel).
struct ChannelCursor;

impl ChannelCursor {
    fn read(after: Option<&Cursor>) -> Result<(usize, Option<String>), ApiError> {
        let Some(cursor) = after else {
            return Ok((0, None));
        };
        let (index, next) = cursor
            .0
            .split_once(':')
            .and_then(|(i, next)| Some((i.parse::<usize>().ok()?, next)))
            .filter(|(i, _)| *i < CHANNELS.len())
            .ok_or_else(|| ApiError::malformed("a list cursor this connector did not make"))?;
        Ok((index, Some(next.to_owned()).filter(|n| !n.is_empty())))
    }

    /// The next page: further in this channel, else the next channel's first.
    fn after(channel: usize, next_page: Option<String>) -> Option<Cursor> {
        match next_page.filter(|n| !n.is_empty()) {
            Some(next) => Some(Cursor(format!("{channel}:{next}"))),
            None => (channel + 1 < CHANNELS.len()).then(|| Cursor(format!("{}:", channel + 1))),
        }
    }
}

/// A ticket number as an agent may type it: `261`, `#261`, ` 261 `.
pub fn ticket_number(raw: &str) -> Result<String, String> {
    let digits = raw.trim().trim_start_matches('#').trim();
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(
            "A ticket number is digits only, as PostCenter shows it (for example 261).".into(),
        );
    }
    let number = digits.trim_start_matches('0');
    Ok(if number.is_empty() { "0" } else { number }.to_owned())
}

impl ConversationBackend for PostcenterConnector {
    fn name(&self) -> &str {
        &self.name
    }

    fn attachment_policy(&self) -> AttachmentPolicy {
        NO_FILES
    }

    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        // PostCenter's agents are not Switchboard's: "Mine" is empty here; no archive.
        if query.assignee == AssigneeFilter::Me || query.status == StatusFilter::Archived {
            return Ok(InboxSlice::empty(&self.name));
        }
        let mut slice = match (&query.reference, query.status) {
            (Some(reference), _) if ticket_number(reference).is_ok() => {
                self.numbered(reference).await?
            }
            (Some(_), _) => InboxSlice::empty(&self.name),
            (None, StatusFilter::Open) => {
                self.state_page(&[State::Open, State::InProgress], query, after)
                    .await?
            }
            (None, StatusFilter::Closed) => self.state_page(&[State::Closed], query, after).await?,
            (None, _) => self.channel_page(after).await?,
        };
        if query.assignee == AssigneeFilter::Unassigned {
            slice.page.items.retain(|t| t.assigned_to.is_none());
            slice
                .filtered_here
                .push("unassigned (PostCenter lists every ticket)".to_owned());
        }
        Ok(slice)
    }

    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        self.detail(id).await
    }

    /// Every message at once, oldest first (the API has no paging here).
    async fn messages(
        &self,
        id: &str,
        _before: Option<&Cursor>,
        _page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        let dto: MessagesDto = HTTP.get_json(&self.ticket_url(id, "messages/")).await?;
        if let Some(refusal) = body_refusal(dto.status, None) {
            return Err(refusal);
        }
        let messages = messages_to_domain(id, &dto.messages, Some(COMPANY_ACCOUNT));
        Ok(Page::whole(self.with_absolute_media(messages)))
    }

    async fn reply(
        &self,
        _id: &str,
        _reply: &Reply,
        _files: &[File],
        _upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        Err(super::unsupported(
            "take replies: answer the ticket in PostCenter",
        ))
    }

    async fn assign(&self, _id: &str, _agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        Err(super::unsupported(
            "assign a chosen agent: ask PostCenter to reassign instead",
        ))
    }

    async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        match change {
            StatusChange::Close => self.act(id, "close/").await,
            StatusChange::Reopen | StatusChange::Archive => Err(super::unsupported(
                "reopen or archive tickets: only close them",
            )),
        }
    }

    fn no_replies_reason(&self) -> &'static str {
        "PostCenter's API has no way to reply to a ticket: answer it in PostCenter."
    }

    fn finds_by_number(&self) -> Option<&'static str> {
        Some("Ticket number")
    }

    async fn find_by_number(&self, number: &str) -> Result<String, ApiError> {
        let number = ticket_number(number).map_err(|e| ApiError {
            backend_message: Some(e),
            ..ApiError::new(switchboard_core::error::ErrorKind::Invalid)
        })?;
        let url = format!(
            "{}/v2/ticket/{}/by_agent_id/",
            self.base_url,
            encode_path_segment(&number)
        );
        let dto: TicketIdDto = HTTP.get_json(&url).await?;
        if let Some(refusal) = body_refusal(dto.status, None) {
            return Err(refusal);
        }
        dto.ticket_id
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| ApiError::malformed("a ticket number's answer without a ticket_id"))
    }

    async fn suggest_agent(&self, id: &str) -> Result<AgentSuggestion, ApiError> {
        let dto: PossibleAgentDto = HTTP
            .get_json(&self.ticket_url(id, "get_possible_agent/"))
            .await?;
        if let Some(refusal) = body_refusal(dto.status, None) {
            return Err(refusal);
        }
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

    #[test]
    fn ticket_numbers_are_read_as_agents_type_them() {
        assert_eq!(ticket_number("261").as_deref(), Ok("261"));
        assert_eq!(ticket_number(" #261 ").as_deref(), Ok("261"));
        assert_eq!(ticket_number("0261").as_deref(), Ok("261"));
        assert!(ticket_number("26a").is_err());
        assert!(ticket_number("").is_err());
        assert!(ticket_number("../261").is_err());
    }

    #[test]
    fn the_channel_cursor_walks_each_channel_then_the_next() {
        assert_eq!(ChannelCursor::read(None).unwrap(), (0, None));
        let next = ChannelCursor::after(0, Some("abc".into())).unwrap();
        assert_eq!(
            ChannelCursor::read(Some(&next)).unwrap(),
            (0, Some("abc".into()))
        );
        let second = ChannelCursor::after(0, None).unwrap();
        assert_eq!(ChannelCursor::read(Some(&second)).unwrap(), (1, None));
        assert!(ChannelCursor::after(CHANNELS.len() - 1, None).is_none());
        assert!(ChannelCursor::read(Some(&Cursor("9:x".into()))).is_err());
        assert!(ChannelCursor::read(Some(&Cursor("12".into()))).is_err());
    }
}
