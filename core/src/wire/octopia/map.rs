//! Octopia's discussions and messages mapped onto the domain: the process status and
//! `isOpen` become one console status, the sub-typology a readable reason, the graduation
//! code and sales channel badges, `hasRead` the read state, and the eligible receivers the
//! reply's recipients. Also the date windows the document's 6-month limit imposes.

use super::dto::*;
use super::*;
use crate::attachments::FileFormat;
use crate::deadlines::{awaiting_since, Waited};
use crate::domain::{
    Attachment, Author, AuthorKind, BackendKind, Conversation, ConversationKey, ConversationStatus,
    Cursor, Message, Page, Recipient,
};
use crate::i18n::{text, Lang};
use crate::wire::{parse_instant, MappingError};
use chrono::{DateTime, Months, Utc};

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// `isOpen: false` is closed whatever the process status; open discussions are to treat
/// (open) or treated (in progress), as `shared/design` maps them.
pub fn status_to_domain(
    is_open: Option<bool>,
    status: Option<&ProcessStatus>,
) -> ConversationStatus {
    match (is_open, status) {
        (Some(false), _) => ConversationStatus::Closed,
        (_, Some(ProcessStatus::Treated)) => ConversationStatus::InProgress,
        (_, Some(ProcessStatus::ToTreat) | None) => ConversationStatus::Open,
        (_, Some(ProcessStatus::Other(raw))) => ConversationStatus::Other(raw.clone()),
    }
}

/// How the console names a role, in `lang`; a role the document does not list shows as
/// it came.
pub fn role_label(user_type: &UserType, lang: Lang) -> String {
    match user_type {
        UserType::Customer => text(lang, msg!("octopia-role-customer")),
        UserType::Seller => text(lang, msg!("octopia-role-seller")),
        UserType::CustomerService => text(lang, msg!("octopia-role-care-team")),
        UserType::Other(raw) => raw.clone(),
    }
}

fn recipient_to_domain(dto: &ReceiverDto, lang: Lang) -> Option<Recipient> {
    let user_type = dto.user_type.clone()?;
    let id = non_empty(dto.user_id.clone()).unwrap_or_else(|| user_type.as_str().to_owned());
    let label = match non_empty(dto.name.clone()) {
        Some(name) => format!("{} · {name}", role_label(&user_type, lang)),
        None => role_label(&user_type, lang),
    };
    Some(Recipient {
        id,
        role: user_type.as_str().to_owned(),
        label,
    })
}

/// A file as a message lists it. Its `url` stays empty until the connector has fetched its
/// content (`GET /attachments`).
pub fn attachment_to_domain(dto: AttachmentRefDto) -> Option<Attachment> {
    let id = non_empty(dto.attachment_id)?;
    let format = dto.file_format.as_deref().and_then(format_of);
    Some(Attachment {
        name: non_empty(dto.attachment_name).unwrap_or_else(|| format!("attachment-{id}")),
        media_type: format
            .map_or("application/octet-stream", FileFormat::media_type)
            .to_owned(),
        is_image: format.is_some_and(FileFormat::is_image),
        id,
        size: dto.size,
        url: String::new(),
    })
}

/// The format the document's `fileFormat` (`pdf`, `jpg`, `docx`) names.
pub fn format_of(file_format: &str) -> Option<FileFormat> {
    let extension = file_format
        .trim()
        .trim_start_matches('.')
        .to_ascii_lowercase();
    FileFormat::from_extension(&extension)
}

pub fn message_to_domain(dto: MessageDto, lang: Lang) -> Result<Message, MappingError> {
    let id = non_empty(dto.message_id).ok_or(MappingError {
        record: "a message",
        field: "messageId",
    })?;
    let kind = match &dto.user_type {
        Some(UserType::Customer) => AuthorKind::Customer,
        Some(UserType::Seller) => AuthorKind::Agent,
        Some(other) => AuthorKind::Other(role_label(other, lang)),
        None => AuthorKind::Other(String::new()),
    };
    Ok(Message {
        id,
        author: Author {
            kind,
            id: non_empty(dto.user_id),
            name: non_empty(dto.sender),
            role: None,
        },
        body: dto.message.unwrap_or_default(),
        sent_at: dto.created_at.as_deref().and_then(parse_instant),
        delivery: None,
        attachments: dto
            .attachments
            .into_iter()
            .filter_map(attachment_to_domain)
            .collect(),
        read: dto.has_read,
        recipients: dto
            .receivers
            .iter()
            .filter_map(|r| recipient_to_domain(r, lang))
            .map(|r| r.label)
            .collect(),
        kind: None,
        in_reply_to: None,
    })
}

/// Whether a message waits for the seller: written by someone else, and not read.
pub fn is_unread(dto: &MessageDto) -> bool {
    dto.user_type != Some(UserType::Seller) && dto.has_read == Some(false)
}

/// A discussion as the console shows it. `typologies` gives readable reasons; a code it
/// does not know is shown as it came.
pub fn discussion_to_domain(
    backend: &str,
    dto: DiscussionDto,
    typologies: &[TypologyDto],
    lang: Lang,
) -> Result<Conversation, MappingError> {
    let id = non_empty(dto.discussion_id).ok_or(MappingError {
        record: "a discussion",
        field: "discussionId",
    })?;
    let unread = dto.messages.iter().any(is_unread);
    let reason = non_empty(dto.sub_typology_code.clone()).map(|code| {
        typologies
            .iter()
            .find(|t| t.sub_typology_code.as_deref() == Some(code.as_str()))
            .and_then(|t| non_empty(t.typology_description.clone()))
            .unwrap_or(code)
    });
    let mut badges = Vec::new();
    if dto.graduation_code == Some(GraduationCode::Claim) {
        badges.push(text(lang, msg!("octopia-badge-claim")));
    }
    badges.extend(non_empty(dto.sales_channel.clone()));
    // The whole discussion is in the list: its clock starts where the thread's would.
    let times: Vec<_> = dto
        .messages
        .iter()
        .map(|m| {
            let kind = match &m.user_type {
                Some(UserType::Customer) => AuthorKind::Customer,
                Some(UserType::Seller) => AuthorKind::Agent,
                _ => AuthorKind::System,
            };
            (kind, m.created_at.as_deref().and_then(parse_instant))
        })
        .collect();
    let awaiting_since = match awaiting_since(&times, None) {
        Waited::Since(start) => Some(start),
        Waited::NoAnswerNeeded | Waited::Answered => None,
    };
    // A malformed message must not hide the discussion itself.
    let last_message = dto
        .messages
        .into_iter()
        .next_back()
        .and_then(|m| message_to_domain(m, lang).ok());
    let last_activity = dto
        .updated_at
        .as_deref()
        .and_then(parse_instant)
        .or(last_message.as_ref().and_then(|m| m.sent_at))
        .or(dto.created_at.as_deref().and_then(parse_instant));
    let customer = non_empty(dto.customer_id).unwrap_or_default();
    Ok(Conversation {
        key: ConversationKey::new(backend, id),
        backend_kind: BackendKind::Octopia,
        participants: vec![customer.clone()],
        customer,
        customer_name: non_empty(dto.customer_name),
        subject: non_empty(dto.subject),
        reference: non_empty(dto.order_reference).or(non_empty(dto.order_id)),
        status: status_to_domain(dto.is_open, dto.status.as_ref()),
        assignee: None,
        last_message: last_message.map(Box::new),
        last_activity,
        capabilities: CAPABILITIES,
        reason,
        badges,
        unread: Some(unread),
        reply_recipients: dto
            .receivers
            .iter()
            .filter_map(|r| recipient_to_domain(r, lang))
            .collect(),
        callback_phone: None,
        performer: None,
        assigned_to: None,
        other_fields: Vec::new(),
        channel: non_empty(dto.sales_channel.clone()),
        awaiting_since,
    })
}

/// A page of discussions, each read on its own: an unreadable one is counted, the others
/// still show.
pub fn page_to_domain(
    backend: &str,
    dto: DiscussionPageDto<serde_json::Value>,
    typologies: &[TypologyDto],
    lang: Lang,
) -> (Page<Conversation>, usize) {
    let mut unreadable = 0;
    let mut items = Vec::with_capacity(dto.items.len());
    let count = dto.items.len() as u64;
    for raw in dto.items {
        match serde_json::from_value::<DiscussionDto>(raw)
            .ok()
            .and_then(|d| discussion_to_domain(backend, d, typologies, lang).ok())
        {
            Some(conversation) => items.push(conversation),
            None => unreadable += 1,
        }
    }
    let index = dto.page_index.max(FIRST_PAGE_INDEX);
    let seen = u64::from(index - FIRST_PAGE_INDEX)
        .saturating_mul(u64::from(dto.page_size))
        .saturating_add(count);
    // A page numbered `u32::MAX` has no next one a request could name (`pageIndex` is read
    // as a `u32`): whatever `totalCount` claims, the list ends there.
    let next = (count > 0 && seen < dto.total_count)
        .then(|| index.checked_add(1).map(Cursor::page))
        .flatten();
    (
        Page {
            items,
            next,
            total_items: Some(dto.total_count),
        },
        unreadable,
    )
}

/// Splits a search over `[from, to)` into windows the document accepts (at most
/// [`MAX_SEARCH_MONTHS`] each), newest first, so a long search is asked in parts instead of
/// being sent to fail.
pub fn search_windows(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut windows = Vec::new();
    let mut end = to;
    while end > from {
        let start = end
            .checked_sub_months(Months::new(MAX_SEARCH_MONTHS))
            .map_or(from, |s| s.max(from));
        windows.push((start, end));
        end = start;
    }
    windows
}

#[cfg(test)]
mod tests;
