//! A case and its messages mapped onto the domain. A case is a conversation keyed by its
//! `guid`; it has no status of its own (open while it has messages), no subject and no
//! customer: its reference is its `caseId`. A message's `type` and `senderType` get
//! readable words; `confirmedAt` is the read state of what the provider (or the platform)
//! wrote, and the delivery state of what the partner (this console's side) wrote. The
//! domain has no field for `parentMessageId`: [`parent_of`] finds the message one answers.

use super::dto::*;
use super::*;
use crate::domain::{
    Author, AuthorKind, BackendKind, Conversation, ConversationKey, ConversationStatus, Message,
};
use crate::wire::{parse_instant, MappingError};
use chrono::{DateTime, Utc};

/// The delivery state of a partner's message the provider has confirmed.
pub const CONFIRMED: &str = "CONFIRMED";
/// The status of a followed case that has no message yet.
pub const NO_MESSAGES: &str = "No messages";

fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// How the console names a message type (the reply box's choices, the thread's badge); a
/// type the document does not list shows as it came.
pub fn type_label(kind: &MessageType) -> &str {
    match kind {
        MessageType::Other(raw) => raw,
        known => known_label(known),
    }
}

/// Every documented type with its label, in the document's order.
pub fn type_choices() -> Vec<(MessageType, &'static str)> {
    MessageType::KNOWN
        .iter()
        .map(|raw| {
            let kind = MessageType::from((*raw).to_owned());
            let label = known_label(&kind);
            (kind, label)
        })
        .collect()
}

fn known_label(kind: &MessageType) -> &'static str {
    match kind {
        MessageType::ServiceComment => "Service comment",
        MessageType::CustomerCenterReply => "Customer centre reply",
        MessageType::CostProposalRejectRur => "Cost proposal rejected: return unrepaired",
        MessageType::CostProposalRejectScrap => "Cost proposal rejected: scrap",
        MessageType::StatusRequest => "Status request",
        MessageType::SpareParts => "Spare parts",
        MessageType::Reminder => "Reminder",
        MessageType::CostProposal => "Cost proposal",
        MessageType::Shipment => "Shipment",
        MessageType::Forwarding => "Forwarding",
        MessageType::Other(_) => "",
    }
}

/// How the console names who sent a message; `null` is the platform itself.
pub fn sender_label(sender: Option<&SenderType>) -> &str {
    match sender {
        Some(SenderType::Partner) => "Service partner",
        Some(SenderType::Provider) => "Service provider",
        Some(SenderType::Other(raw)) => raw,
        None => "System",
    }
}

/// Whether a message waits for this console's confirmation: not the partner's own, and not
/// confirmed yet.
pub fn is_unread(dto: &CaseMessageDto) -> bool {
    dto.sender_type != Some(SenderType::Partner) && dto.confirmed_at.is_none()
}

/// The ids `confirm` should be sent, oldest first.
pub fn unconfirmed_ids(messages: &[CaseMessageDto]) -> Vec<u64> {
    messages
        .iter()
        .filter(|m| is_unread(m))
        .filter_map(|m| m.id)
        .collect()
}

/// The message `dto` answers, when it is among `messages`.
pub fn parent_of<'a>(
    messages: &'a [CaseMessageDto],
    dto: &CaseMessageDto,
) -> Option<&'a CaseMessageDto> {
    let parent = dto.parent_message_id?;
    messages.iter().find(|m| m.id == Some(parent))
}

/// When a message happened: its declared time, else when it was stored.
pub fn message_time(dto: &CaseMessageDto) -> Option<DateTime<Utc>> {
    dto.declared_at
        .as_deref()
        .and_then(parse_instant)
        .or_else(|| dto.created_at.as_deref().and_then(parse_instant))
}

pub fn message_to_domain(dto: &CaseMessageDto) -> Result<Message, MappingError> {
    let id = dto.id.ok_or(MappingError {
        record: "a case message",
        field: "id",
    })?;
    let from_partner = dto.sender_type == Some(SenderType::Partner);
    let kind = match &dto.sender_type {
        Some(SenderType::Partner) => AuthorKind::Agent,
        None => AuthorKind::System,
        Some(other) => AuthorKind::Other(sender_label(Some(other)).to_owned()),
    };
    Ok(Message {
        id: id.to_string(),
        author: Author {
            kind,
            id: non_empty(dto.user_email.as_deref())
                .or_else(|| dto.sender_account_id.map(|a| a.to_string())),
            name: non_empty(dto.user_name.as_deref()),
            role: from_partner.then(|| sender_label(dto.sender_type.as_ref()).to_owned()),
        },
        body: dto.content.clone().unwrap_or_default(),
        sent_at: message_time(dto),
        delivery: (from_partner && dto.confirmed_at.is_some()).then(|| CONFIRMED.to_owned()),
        attachments: Vec::new(),
        read: Some(!is_unread(dto)),
        recipients: Vec::new(),
        kind: dto.kind.as_ref().map(|k| type_label(k).to_owned()),
        in_reply_to: dto.parent_message_id.map(|id| id.to_string()),
    })
}

/// A followed case as the console lists and shows it, from `GET /case-messages?guid=`
/// (oldest first). A malformed message does not hide the case.
pub fn case_to_domain(backend: &str, guid: &str, messages: &[CaseMessageDto]) -> Conversation {
    let case_id = messages.iter().find_map(|m| m.case_id);
    let last = messages.iter().max_by_key(|m| (message_time(m), m.id));
    let last_activity = messages
        .iter()
        .flat_map(|m| {
            [m.updated_at.as_deref(), m.created_at.as_deref()]
                .into_iter()
                .flatten()
                .filter_map(parse_instant)
                .chain(message_time(m))
        })
        .max();
    let reference = case_id.map(|id| id.to_string());
    Conversation {
        key: ConversationKey::new(backend, guid),
        backend_kind: BackendKind::CaseMessages,
        customer: guid.to_owned(),
        customer_name: reference.as_ref().map(|id| format!("Case {id}")),
        subject: None,
        reference,
        status: if messages.is_empty() {
            ConversationStatus::Other(NO_MESSAGES.to_owned())
        } else {
            ConversationStatus::Open
        },
        assignee: None,
        participants: Vec::new(),
        last_message: last.and_then(|m| message_to_domain(m).ok()),
        last_activity,
        capabilities: CAPABILITIES,
        reason: last
            .and_then(|m| m.kind.as_ref())
            .map(|k| type_label(k).to_owned()),
        badges: Vec::new(),
        unread: Some(messages.iter().any(is_unread)),
        reply_recipients: Vec::new(),
        callback_phone: None,
        performer: None,
        assigned_to: None,
        other_fields: Vec::new(),
        channel: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> Vec<CaseMessageDto> {
        serde_json::from_str(include_str!("fixtures/list_response.json")).unwrap()
    }

    #[test]
    fn the_documents_list_is_a_case_with_two_unread_provider_messages() {
        let messages = list();
        let guid = "1e0abcb7-b94c-4072-a9c0-37072a1ef015";
        let case = case_to_domain("case-messages", guid, &messages);
        assert_eq!(case.key, ConversationKey::new("case-messages", guid));
        assert_eq!(case.reference.as_deref(), Some("7748"));
        assert_eq!(case.customer_display(), "Case 7748");
        assert_eq!(case.status, ConversationStatus::Open);
        assert_eq!(case.unread, Some(true));
        assert_eq!(case.reason.as_deref(), Some("Service comment"));
        assert_eq!(case.last_message.as_ref().unwrap().body, "Test comemnt");
        assert_eq!(
            case.last_activity,
            parse_instant("2017-07-26T13:54:53.058Z")
        );
        assert_eq!(unconfirmed_ids(&messages), [1, 2]);
        let first = message_to_domain(&messages[0]).unwrap();
        assert_eq!(
            first.author.kind,
            AuthorKind::Other("Service provider".into())
        );
        assert_eq!(first.author.role, None, "the kind says it");
        assert_eq!(first.read, Some(false));
    }

    #[test]
    fn the_partners_own_messages_are_read_and_confirmed_when_the_provider_confirms() {
        let mut message: CaseMessageDto =
            serde_json::from_str(include_str!("fixtures/create_response.json")).unwrap();
        assert!(!is_unread(&message));
        let mapped = message_to_domain(&message).unwrap();
        assert_eq!(mapped.author.kind, AuthorKind::Agent);
        assert_eq!(mapped.author.role.as_deref(), Some("Service partner"));
        assert_eq!(mapped.delivery, None);
        assert_eq!(mapped.sent_at, parse_instant("2017-07-25T10:12:54.003Z"));
        message.confirmed_at = Some("2017-07-27T08:00:00.000Z".into());
        assert_eq!(
            message_to_domain(&message).unwrap().delivery.as_deref(),
            Some(CONFIRMED)
        );
    }

    #[test]
    fn replies_find_their_parent_and_system_messages_have_no_sender() {
        let mut messages = list();
        messages[1].parent_message_id = Some(1);
        messages[1].sender_type = None;
        assert_eq!(parent_of(&messages, &messages[1]).unwrap().id, Some(1));
        assert_eq!(parent_of(&messages, &messages[0]), None);
        assert_eq!(
            message_to_domain(&messages[1]).unwrap().author.kind,
            AuthorKind::System
        );
        assert!(is_unread(&messages[1]));
    }

    #[test]
    fn a_case_without_messages_is_still_a_conversation() {
        let case = case_to_domain("case-messages", "g", &[]);
        assert_eq!(case.status, ConversationStatus::Other(NO_MESSAGES.into()));
        assert_eq!(case.unread, Some(false));
        assert_eq!(case.last_message, None);
        assert!(case.capabilities.reply && case.capabilities.mark_read);
        assert!(!case.capabilities.close);
    }

    #[test]
    fn every_type_has_a_label_and_unknown_ones_show_verbatim() {
        let choices = type_choices();
        assert_eq!(choices.len(), 10);
        assert!(choices
            .iter()
            .all(|(kind, label)| !label.is_empty() && type_label(kind) == *label));
        assert_eq!(type_label(&MessageType::Other("x".into())), "x");
        assert_eq!(sender_label(None), "System");
    }
}
