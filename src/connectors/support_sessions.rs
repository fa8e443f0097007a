//! The connector for order support sessions (`docs/backends/support-sessions.md`): a
//! session is a conversation keyed by its order id. The API cannot list sessions, so the
//! inbox reads the orders the team follows ([`super::follows`]) one session each, a few at
//! a time. A session has no messages: its thread is the history of the changes made
//! through Switchboard, each a line from the system; there is nothing to reply to.
//! Closing is `DELETE`, opening again `POST`.

use super::follows::followed_slice;
use super::http::{Client, Method};
use super::upload::UploadControl;
use super::versions::SeenVersions;
use super::{BackendInfo, ConversationBackend, Endpoint, InboxSlice, Reply, ThreadBackend};
use crate::i18n::{lang_now, Args, Lang, Say};
use async_trait::async_trait;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::domain::{
    encode_path_segment, Author, AuthorKind, Conversation, Cursor, InboxQuery, Message, Page,
    Performer, StatusChange,
};
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::{text, text_with};
use switchboard_core::wire::parse_instant;
use switchboard_core::wire::support_sessions::{
    callback_phone_to_wire, decode_error, history_line, performer_to_wire, session_to_domain,
    validate_phone, validate_rating, HistoryEntryDto, SupportDto, MAX_AGENT_ID_CHARS,
    MAX_ORDER_ID_CHARS,
};
use web_sys::File;

/// This API's way of speaking HTTP: its own error body.
const HTTP: Client = Client::new(decode_error);

/// A session takes no files: nothing is ever sent with one.
const NO_FILES: AttachmentPolicy = AttachmentPolicy {
    formats: &[],
    max_files: 0,
    max_file_bytes: 0,
    max_message_bytes: 0,
};

#[derive(Clone, Debug)]
pub struct SupportSessionsConnector {
    /// Where it answers and what it offers.
    info: BackendInfo,
    /// Each session's facts as the agent last saw them: the document has no versions, so
    /// a write first reads the session and compares (`docs/backends/support-sessions.md`).
    seen: SeenVersions,
}

impl SupportSessionsConnector {
    pub fn new(
        name: impl Into<String>,
        base_url: impl Into<String>,
        origin: impl Into<String>,
    ) -> Self {
        let endpoint = Endpoint::new(name, base_url, origin);
        let info = BackendInfo {
            no_replies_reason: msg!("session-no-messages"),
            followed_by: Some("order-id"),
            opens_items: Some(msg!("session-open-for-order")),
            ..BackendInfo::new(
                switchboard_core::domain::BackendKind::SupportSessions,
                endpoint,
                NO_FILES,
            )
        };
        Self {
            info,
            seen: SeenVersions::default(),
        }
    }

    fn session_url(&self, order_id: &str) -> String {
        format!(
            "{}/support/{}",
            self.info.endpoint.base_url,
            encode_path_segment(order_id)
        )
    }

    fn to_domain(&self, dto: &SupportDto) -> Result<Conversation, ApiError> {
        session_to_domain(&self.info.endpoint.name, dto, lang_now())
            .map_err(|e| ApiError::malformed(e.to_string()))
    }

    async fn session(&self, order_id: &str) -> Result<Conversation, ApiError> {
        let dto: SupportDto = HTTP.get_json(&self.session_url(order_id)).await?;
        self.to_domain(&dto)
    }

    /// A session as the agent now sees it, remembered for the next write.
    fn seen_now(&self, session: Conversation) -> Conversation {
        self.seen.saw(&session.key.id, Some(facts(&session)));
        session
    }

    /// Refuses a write when the session's facts changed since the agent read them (a
    /// colleague changed the phone or the agent): writing would silently undo that.
    async fn unchanged_since_seen(&self, order_id: &str) -> Result<(), ApiError> {
        let Some(seen) = self.seen.of(order_id) else {
            return Ok(());
        };
        let now = self.seen_now(self.session(order_id).await?);
        if facts(&now) == seen {
            return Ok(());
        }
        Err(ApiError {
            status: Some(412),
            backend_message: Some(changed_meanwhile(lang_now(), &now)),
            ..ApiError::new(ErrorKind::Conflict)
        })
    }
}

/// What a write could undo: the callback phone and the order's agent with their rating.
fn facts(session: &Conversation) -> String {
    format!("{:?}|{:?}", session.callback_phone, session.performer)
}

/// "Someone changed this support session since you read it: the callback phone is now
/// +33…, the order's agent is drv-77 (gte 4.5)."
fn changed_meanwhile(lang: Lang, now: &Conversation) -> String {
    let phone = match &now.callback_phone {
        Some(phone) => phone.clone(),
        None => text(lang, msg!("session-no-callback-phone")),
    };
    let agent = match &now.performer {
        Some(Performer {
            id,
            rating: Some(rating),
        }) => format!("{id} ({rating})"),
        Some(Performer { id, rating: None }) => id.clone(),
        None => text(lang, msg!("session-no-performer")),
    };
    let args = Args::new().str("phone", phone).str("agent", agent);
    text_with(lang, msg!("session-changed-meanwhile"), &args)
}

/// A history entry as a line of the thread, from the system, in `lang`.
fn history_message(index: usize, entry: &HistoryEntryDto, lang: Lang) -> Message {
    let by = entry.by.as_ref();
    Message {
        id: format!("history-{index}"),
        author: Author {
            kind: AuthorKind::System,
            id: by.and_then(|by| by.id.clone()),
            name: by.and_then(|by| by.name.clone()),
            role: None,
        },
        body: history_line(entry, lang),
        sent_at: entry.at.as_deref().and_then(parse_instant),
        delivery: None,
        attachments: Vec::new(),
        read: None,
        recipients: Vec::new(),
        kind: None,
        in_reply_to: None,
    }
}

#[async_trait(?Send)]
impl ConversationBackend for SupportSessionsConnector {
    fn info(&self) -> &BackendInfo {
        &self.info
    }

    /// `POST /support/{orderId}`: the server follows the order it opens. With its
    /// `Idempotency-Key`, a retry after a lost answer is the session it opened.
    async fn open_item(&self, id: &str, key: &str) -> Result<Conversation, ApiError> {
        let dto: SupportDto = HTTP
            .send_empty_once(&self.session_url(id.trim()), key)
            .await?;
        self.to_domain(&dto)
    }

    fn check_item_id(&self, id: &str) -> Result<(), String> {
        let id = id.trim();
        if id.is_empty()
            || id.chars().count() > MAX_ORDER_ID_CHARS
            || id.chars().any(char::is_control)
        {
            let args = Args::new().num("max", MAX_ORDER_ID_CHARS as u32);
            return Err(text_with(lang_now(), msg!("session-order-id-shape"), &args));
        }
        Ok(())
    }

    async fn list_conversations(
        &self,
        query: &InboxQuery,
        after: Option<&Cursor>,
    ) -> Result<InboxSlice, ApiError> {
        followed_slice(
            &self.info.endpoint.origin,
            &self.info.endpoint.name,
            query,
            after,
            |order| async move { self.session(&order).await },
        )
        .await
    }

    async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        Ok(self.seen_now(self.session(id).await?))
    }
}

#[async_trait(?Send)]
impl ThreadBackend for SupportSessionsConnector {
    /// `PUT /support/{orderId}` with the phone (`null` removes it).
    async fn set_callback_phone(
        &self,
        id: &str,
        phone: Option<&str>,
    ) -> Result<Conversation, ApiError> {
        self.unchanged_since_seen(id).await?;
        let body = callback_phone_to_wire(phone);
        let dto: SupportDto = HTTP
            .send_json(Method::Put, &self.session_url(id), &body)
            .await?;
        Ok(self.seen_now(self.to_domain(&dto)?))
    }

    /// `PUT /support/{orderId}/agent` with the performer, or `DELETE` it.
    async fn set_performer(
        &self,
        id: &str,
        performer: Option<&Performer>,
    ) -> Result<Conversation, ApiError> {
        self.unchanged_since_seen(id).await?;
        let url = format!("{}/agent", self.session_url(id));
        let dto: SupportDto = match performer {
            Some(performer) => {
                let body = performer_to_wire(performer);
                HTTP.send_json(Method::Put, &url, &body).await?
            }
            None => HTTP.send_empty(Method::Delete, &url).await?,
        };
        Ok(self.seen_now(self.to_domain(&dto)?))
    }

    fn check_callback_phone(&self, raw: &str) -> Result<(), String> {
        validate_phone(raw).map_err(|problem| problem.say(lang_now()))
    }

    fn check_performer(&self, performer: &Performer) -> Result<(), String> {
        let id = performer.id.trim();
        if id.is_empty() || id.chars().count() > MAX_AGENT_ID_CHARS {
            let args = Args::new().num("max", MAX_AGENT_ID_CHARS as u32);
            return Err(text_with(
                lang_now(),
                msg!("session-performer-id-length"),
                &args,
            ));
        }
        match performer.rating.as_deref().map(str::trim) {
            Some(rating) if !rating.is_empty() => {
                validate_rating(rating).map_err(|problem| problem.say(lang_now()))
            }
            _ => Ok(()),
        }
    }

    /// The history of the changes made through Switchboard, oldest first, all at once.
    async fn messages(
        &self,
        id: &str,
        _before: Option<&Cursor>,
        _page_size: u32,
    ) -> Result<Page<Message>, ApiError> {
        let url = format!("{}/history", self.session_url(id));
        let entries: Vec<HistoryEntryDto> = HTTP.get_json(&url).await?;
        let lang = lang_now();
        let items: Vec<Message> = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| history_message(index, entry, lang))
            .collect();
        Ok(Page::whole(items))
    }

    async fn reply(
        &self,
        _id: &str,
        _reply: &Reply,
        _files: &[File],
        _upload: &UploadControl,
    ) -> Result<Message, ApiError> {
        Err(super::unsupported(text(
            lang_now(),
            msg!("session-cannot-reply"),
        )))
    }

    async fn assign(&self, _id: &str, _agent_id: Option<&str>) -> Result<Conversation, ApiError> {
        Err(super::unsupported(text(
            lang_now(),
            msg!("session-cannot-assign"),
        )))
    }

    async fn change_status(
        &self,
        id: &str,
        change: StatusChange,
    ) -> Result<Conversation, ApiError> {
        let url = self.session_url(id);
        let dto: SupportDto = match change {
            StatusChange::Close => HTTP.send_empty(Method::Delete, &url).await?,
            StatusChange::Reopen => HTTP.send_empty(Method::Post, &url).await?,
            StatusChange::Archive => {
                return Err(super::unsupported(text(
                    lang_now(),
                    msg!("session-cannot-archive"),
                )))
            }
        };
        self.to_domain(&dto)
    }
}
