//! What a request may carry: each body and query is checked field by field, every problem
//! collected, and turned into the store's records. Text rules come from
//! `switchboard_core::validation`, so the server refuses exactly what the browser refuses.
//! The contact form's body is in [`contact`], a mail's in [`mail`].

mod contact;
mod mail;
#[cfg(test)]
mod tests;

pub use contact::{contact, ContactInput, ContactRequest};
pub use mail::mail;

use super::store::{ConversationFilter, ConversationRecord, MessageRecord, Window};
use crate::http::extract::QueryParams;
use crate::http::problems::{boolean, number, Problems};
use crate::http::{HttpError, Location};
use switchboard_core::validation::{
    limits::EMAIL_MAX_CHARS, validate_contact_field, validate_reply, ContactField,
};
use switchboard_core::wire::communication::{
    AssignAgentRequest, ContentType, ConversationDto, ConversationStatusDto, MessageDto,
    MessageStatus, TransmitterType, DEFAULT_PAGE_SIZE, MAX_ID_LENGTH, MAX_PAGE_SIZE,
    MIN_CONVERSATION_PAGE_SIZE, MIN_MESSAGE_PAGE_SIZE, UNASSIGNED_PARAM,
};

/// A customer id may be the customer's email (contact-us conversations use it), which
/// can be longer than other ids.
pub const CUSTOMER_ID_MAX_CHARS: usize = if EMAIL_MAX_CHARS > MAX_ID_LENGTH {
    EMAIL_MAX_CHARS
} else {
    MAX_ID_LENGTH
};
/// The conversation's field with the name the customer gave (our addition).
pub use switchboard_core::wire::communication::CUSTOMER_NAME_FIELD;
/// Bounds one conversation's participant list, as a client sends it and as it is stored
/// (see [`cap_participants`]).
pub const MAX_PARTICIPANTS: usize = 50;
/// Bounds one mail's receivers.
pub const MAX_RECEIVERS: usize = 100;

/// A path id: present and not longer than any stored id.
pub fn path_id(field: &str, id: &str) -> Result<(), HttpError> {
    if id.trim().is_empty() {
        Err(HttpError::invalid_field(
            Location::Path,
            field,
            id,
            "is required",
        ))
    } else if id.chars().count() > MAX_ID_LENGTH {
        Err(HttpError::invalid_field(
            Location::Path,
            field,
            id,
            format!("can have at most {MAX_ID_LENGTH} characters"),
        ))
    } else {
        Ok(())
    }
}

// ---- paging -------------------------------------------------------------------------------

/// How a list counts its pages, per the document.
#[derive(Clone, Copy, Debug)]
pub struct Paging {
    pub first_page: u32,
    pub min_size: u32,
}

/// Conversations and contact messages: pages from 1, `sizePage >= 3`.
pub const CONVERSATION_PAGING: Paging = Paging {
    first_page: 1,
    min_size: MIN_CONVERSATION_PAGE_SIZE,
};
/// Messages: pages from 0, `sizePage >= 1`.
pub const MESSAGE_PAGING: Paging = Paging {
    first_page: 0,
    min_size: MIN_MESSAGE_PAGE_SIZE,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub current_page: u32,
    pub size: u32,
}

impl PageRequest {
    pub fn window(self, paging: Paging) -> Window {
        Window {
            offset: u64::from(self.current_page.saturating_sub(paging.first_page))
                * u64::from(self.size),
            limit: self.size,
        }
    }
}

impl Paging {
    pub fn read(self, query: &QueryParams, problems: &mut Problems) -> PageRequest {
        let current_page = number(query, "currentPage", self.first_page, u32::MAX, problems)
            .unwrap_or(self.first_page);
        let size = number(query, "sizePage", self.min_size, MAX_PAGE_SIZE, problems)
            .unwrap_or(DEFAULT_PAGE_SIZE);
        PageRequest { current_page, size }
    }
}

// ---- conversations ------------------------------------------------------------------------

pub fn conversation_filter(query: &QueryParams, problems: &mut Problems) -> ConversationFilter {
    let mut id =
        |field: &str, max: usize| problems.optional(Location::Query, field, query.get(field), max);
    let establishment_id = id("establishmentId", MAX_ID_LENGTH);
    let customer_id = id("customerId", CUSTOMER_ID_MAX_CHARS);
    let assigned_agent_id = id("assignedAgentId", MAX_ID_LENGTH);
    let trip_reference = id("tripReference", MAX_ID_LENGTH);
    // Our addition: "nobody assigned" cannot be said with `assignedAgentId`.
    let unassigned = boolean(query, UNASSIGNED_PARAM, problems).unwrap_or(false);
    if unassigned && assigned_agent_id.is_some() {
        problems.add(
            Location::Query,
            UNASSIGNED_PARAM,
            "true",
            "cannot be combined with assignedAgentId",
        );
    }
    let status = query.get("status").map(|raw| {
        let status = ConversationStatusDto::from(raw.to_owned());
        problems.known(
            Location::Query,
            "status",
            raw,
            status.is_known(),
            ConversationStatusDto::KNOWN,
        );
        status.to_string()
    });
    ConversationFilter {
        establishment_id,
        customer_id,
        assigned_agent_id,
        status,
        trip_reference,
        unassigned,
    }
}

/// The body of create and update, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationInput {
    pub id: Option<String>,
    pub trip_publication_id: String,
    pub trip_reference: String,
    pub establishment_id: String,
    pub customer_id: String,
    pub assigned_agent_id: Option<String>,
    pub participants: Vec<String>,
    pub status: Option<String>,
    /// The name the customer gave, checked like the contact form's; absent, null or blank
    /// is `None`.
    pub customer_name: Option<String>,
    /// Create only: a conversation may be opened with its first message.
    pub first_message: Option<MessageInput>,
}

/// Whether the body's `lastMessage` is read: on create it is the first message; on update
/// the server owns it, so it is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastMessage {
    FirstMessage,
    Ignored,
}

pub fn conversation(
    dto: ConversationDto,
    last: LastMessage,
) -> Result<ConversationInput, HttpError> {
    let mut problems = Problems::default();
    let id = problems.optional(Location::Body, "id", dto.id.as_deref(), MAX_ID_LENGTH);
    let trip_publication_id = problems.required(
        "tripPublicationId",
        dto.trip_publication_id.as_deref(),
        MAX_ID_LENGTH,
    );
    let trip_reference = problems.required(
        "tripReference",
        dto.trip_reference.as_deref(),
        MAX_ID_LENGTH,
    );
    let establishment_id = problems.required(
        "establishmentId",
        dto.establishment_id.as_deref(),
        MAX_ID_LENGTH,
    );
    let customer_id = problems.required(
        "customerId",
        dto.customer_id.as_deref(),
        CUSTOMER_ID_MAX_CHARS,
    );
    let assigned_agent_id = problems.optional(
        Location::Body,
        "assignedAgentId",
        dto.assigned_agent_id.as_deref(),
        MAX_ID_LENGTH,
    );
    let participants = problems.ids(
        "participants",
        &dto.participants,
        MAX_PARTICIPANTS,
        CUSTOMER_ID_MAX_CHARS,
    );
    let status = dto.status.map(|status| {
        problems.known(
            Location::Body,
            "status",
            status.as_str(),
            status.is_known(),
            ConversationStatusDto::KNOWN,
        );
        status.to_string()
    });
    let customer_name = customer_name(dto.extra.get(CUSTOMER_NAME_FIELD), &mut problems);
    let first_message = match (last, dto.last_message) {
        (LastMessage::FirstMessage, Some(message)) => Some(read_message(
            message,
            "lastMessage.",
            Files::None,
            &mut problems,
        )),
        _ => None,
    };
    problems.finish()?;
    Ok(ConversationInput {
        id,
        trip_publication_id,
        trip_reference,
        establishment_id,
        customer_id,
        assigned_agent_id,
        participants,
        status,
        customer_name,
        first_message,
    })
}

/// `customerName`: a string or null; a name is at most as long, and on one line, as the
/// contact form's.
fn customer_name(value: Option<&serde_json::Value>, problems: &mut Problems) -> Option<String> {
    let text = match value {
        None | Some(serde_json::Value::Null) => return None,
        Some(serde_json::Value::String(text)) => text.trim(),
        Some(other) => {
            let shown = other.to_string();
            problems.add(
                Location::Body,
                CUSTOMER_NAME_FIELD,
                &shown,
                "must be a string or null",
            );
            return None;
        }
    };
    if text.is_empty() {
        return None;
    }
    if let Err(issue) = validate_contact_field(ContactField::Name, text) {
        problems.add(Location::Body, CUSTOMER_NAME_FIELD, text, issue.to_string());
    }
    Some(text.to_owned())
}

/// The assigned-agent route's body: the id is required there.
pub fn assigned_agent(request: AssignAgentRequest) -> Result<String, HttpError> {
    let mut problems = Problems::default();
    let id = problems.optional(
        Location::Body,
        "assignedAgentId",
        request.assigned_agent_id.as_deref(),
        MAX_ID_LENGTH,
    );
    let Some(id) = id else {
        return Err(HttpError::invalid_field(
            Location::Body,
            "assignedAgentId",
            "",
            "is required; to unassign, PUT the conversation with \"assignedAgentId\": null",
        ));
    };
    problems.finish()?;
    Ok(id)
}

/// Adds `id` to `participants` unless already there.
pub fn include(participants: &mut Vec<String>, id: &str) {
    if !participants.iter().any(|p| p == id) {
        participants.push(id.to_owned());
    }
}

/// Past [`MAX_PARTICIPANTS`], the earliest participants who are neither the customer nor
/// the assigned agent make room for the newest. So the list a client reads can always be
/// written back whole: no update is ever refused because many people once wrote.
pub fn cap_participants(record: &mut ConversationRecord) {
    let mut excess = record.participants.len().saturating_sub(MAX_PARTICIPANTS);
    if excess == 0 {
        return;
    }
    let customer = record.customer_id.clone();
    let agent = record.assigned_agent_id.clone();
    record.participants.retain(|participant| {
        let kept = excess == 0 || *participant == customer || Some(participant) == agent.as_ref();
        if !kept {
            excess -= 1;
        }
        kept
    });
}

// ---- messages -----------------------------------------------------------------------------

/// A message body, checked; the server fills what it may leave out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageInput {
    pub id: Option<String>,
    pub conversation_id: Option<String>,
    pub sending_date: Option<String>,
    pub transmitter_id: Option<String>,
    pub receiver_id: Option<String>,
    pub transmitter_type: String,
    pub content: String,
    pub content_type: String,
    pub status: String,
    pub received_date: Option<String>,
}

impl MessageInput {
    pub fn into_record(self, id: String, conversation_id: &str, now: &str) -> MessageRecord {
        MessageRecord {
            id: self.id.unwrap_or(id),
            conversation_id: conversation_id.to_owned(),
            sending_date: self.sending_date.unwrap_or_else(|| now.to_owned()),
            transmitter_id: self.transmitter_id,
            receiver_id: self.receiver_id,
            transmitter_type: self.transmitter_type,
            content: self.content,
            content_type: self.content_type,
            status: self.status,
            received_date: self.received_date,
            attachments: Vec::new(),
        }
    }
}

/// Whether a message comes with files: then its text may be left empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Files {
    None,
    Attached,
}

pub fn message(dto: MessageDto, files: Files) -> Result<MessageInput, HttpError> {
    let mut problems = Problems::default();
    let input = read_message(dto, "", files, &mut problems);
    problems.finish()?;
    Ok(input)
}

/// `prefix` names the fields of a message nested in another body (`lastMessage.`).
fn read_message(
    dto: MessageDto,
    prefix: &str,
    files: Files,
    problems: &mut Problems,
) -> MessageInput {
    let field = |name: &str| format!("{prefix}{name}");
    let id = problems.optional(
        Location::Body,
        &field("id"),
        dto.id.as_deref(),
        MAX_ID_LENGTH,
    );
    let conversation_id = problems.optional(
        Location::Body,
        &field("conversationId"),
        dto.conversation_id.as_deref(),
        MAX_ID_LENGTH,
    );
    let sending_date = problems.instant(&field("sendingDate"), dto.sending_date.as_deref());
    let received_date = problems.instant(&field("receivedDate"), dto.received_date.as_deref());
    let transmitter_id = problems.optional(
        Location::Body,
        &field("transmitterId"),
        dto.transmitter_id.as_deref(),
        CUSTOMER_ID_MAX_CHARS,
    );
    let receiver_id = problems.optional(
        Location::Body,
        &field("receiverId"),
        dto.receiver_id.as_deref(),
        CUSTOMER_ID_MAX_CHARS,
    );
    let transmitter_type = dto.transmitter_type.unwrap_or(TransmitterType::Agent);
    problems.known(
        Location::Body,
        &field("transmitterType"),
        transmitter_type.as_str(),
        transmitter_type.is_known(),
        TransmitterType::KNOWN,
    );
    let content_type = dto.content_type.unwrap_or(ContentType::Text);
    problems.known(
        Location::Body,
        &field("contentType"),
        content_type.as_str(),
        content_type.is_known(),
        ContentType::KNOWN,
    );
    let status = dto.status.unwrap_or(MessageStatus::Sent);
    problems.known(
        Location::Body,
        &field("status"),
        status.as_str(),
        status.is_known(),
        MessageStatus::KNOWN,
    );
    let content = dto.content.unwrap_or_default();
    // A picture can say it all: with files, the text may be empty (but not too long).
    let files_speak = files == Files::Attached && content.trim().is_empty();
    if let (Err(issue), false) = (validate_reply(&content), files_speak) {
        problems.add(
            Location::Body,
            &field("content"),
            &content,
            issue.to_string(),
        );
    }
    MessageInput {
        id,
        conversation_id,
        sending_date,
        transmitter_id,
        receiver_id,
        transmitter_type: transmitter_type.to_string(),
        content,
        content_type: content_type.to_string(),
        status: status.to_string(),
        received_date,
    }
}
