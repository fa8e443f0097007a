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
use crate::i18n::{text, text_with, Args, Lang, Msg};
use crate::wire::{parse_instant, MappingError};
use chrono::{DateTime, Utc};

/// The delivery state of a partner's message the provider has confirmed.
pub const CONFIRMED: &str = "CONFIRMED";

/// The status of a followed case that has no message yet, in `lang`.
pub fn no_messages(lang: Lang) -> String {
    text(lang, msg!("case-no-messages"))
}

/// How the console names a case: by its `caseId`, "Case 7748".
pub fn case_name(case_id: u64, lang: Lang) -> String {
    text_with(
        lang,
        msg!("case-name"),
        &Args::new().str("id", case_id.to_string()),
    )
}

fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// How the console names a message type in `lang` (the reply box's choices, the thread's
/// badge); a type the document does not list shows as it came.
pub fn type_label(kind: &MessageType, lang: Lang) -> String {
    match known_label(kind) {
        Some(id) => text(lang, id),
        None => kind.to_string(),
    }
}

/// Every documented type with its label in `lang`, in the document's order.
pub fn type_choices(lang: Lang) -> Vec<(MessageType, String)> {
    MessageType::KNOWN
        .iter()
        .map(|raw| {
            let kind = MessageType::from((*raw).to_owned());
            let label = type_label(&kind, lang);
            (kind, label)
        })
        .collect()
}

/// The catalogue's message naming a documented type; none for a type it does not list.
fn known_label(kind: &MessageType) -> Option<Msg> {
    Some(match kind {
        MessageType::ServiceComment => msg!("case-type-service-comment"),
        MessageType::CustomerCenterReply => msg!("case-type-customer-center-reply"),
        MessageType::CostProposalRejectRur => msg!("case-type-cost-proposal-reject-rur"),
        MessageType::CostProposalRejectScrap => msg!("case-type-cost-proposal-reject-scrap"),
        MessageType::StatusRequest => msg!("case-type-status-request"),
        MessageType::SpareParts => msg!("case-type-spare-parts"),
        MessageType::Reminder => msg!("case-type-reminder"),
        MessageType::CostProposal => msg!("case-type-cost-proposal"),
        MessageType::Shipment => msg!("case-type-shipment"),
        MessageType::Forwarding => msg!("case-type-forwarding"),
        MessageType::Other(_) => return None,
    })
}

/// How the console names who sent a message, in `lang`; `null` is the platform itself, and
/// a sender the document does not list shows as it came.
pub fn sender_label(sender: Option<&SenderType>, lang: Lang) -> String {
    let id = match sender {
        Some(SenderType::Partner) => msg!("case-sender-partner"),
        Some(SenderType::Provider) => msg!("case-sender-provider"),
        Some(SenderType::Other(raw)) => return raw.clone(),
        None => msg!("case-sender-system"),
    };
    text(lang, id)
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

/// A message as the console shows it, its sender and type named in `lang`.
pub fn message_to_domain(dto: &CaseMessageDto, lang: Lang) -> Result<Message, MappingError> {
    let id = dto.id.ok_or(MappingError {
        record: "a case message",
        field: "id",
    })?;
    let from_partner = dto.sender_type == Some(SenderType::Partner);
    let kind = match &dto.sender_type {
        Some(SenderType::Partner) => AuthorKind::Agent,
        None => AuthorKind::System,
        Some(other) => AuthorKind::Other(sender_label(Some(other), lang)),
    };
    Ok(Message {
        id: id.to_string(),
        author: Author {
            kind,
            id: non_empty(dto.user_email.as_deref())
                .or_else(|| dto.sender_account_id.map(|a| a.to_string())),
            name: non_empty(dto.user_name.as_deref()),
            role: from_partner.then(|| sender_label(dto.sender_type.as_ref(), lang)),
        },
        body: dto.content.clone().unwrap_or_default(),
        sent_at: message_time(dto),
        delivery: (from_partner && dto.confirmed_at.is_some()).then(|| CONFIRMED.to_owned()),
        attachments: Vec::new(),
        read: Some(!is_unread(dto)),
        recipients: Vec::new(),
        kind: dto.kind.as_ref().map(|k| type_label(k, lang)),
        in_reply_to: dto.parent_message_id.map(|id| id.to_string()),
    })
}

/// A followed case as the console lists and shows it, from `GET /case-messages?guid=`
/// (oldest first), its words in `lang`. A malformed message does not hide the case.
pub fn case_to_domain(
    backend: &str,
    guid: &str,
    messages: &[CaseMessageDto],
    lang: Lang,
) -> Conversation {
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
        customer_name: case_id.map(|id| case_name(id, lang)),
        subject: None,
        reference,
        status: if messages.is_empty() {
            ConversationStatus::Other(no_messages(lang))
        } else {
            ConversationStatus::Open
        },
        assignee: None,
        participants: Vec::new(),
        last_message: last
            .and_then(|m| message_to_domain(m, lang).ok())
            .map(Box::new),
        last_activity,
        capabilities: CAPABILITIES,
        reason: last
            .and_then(|m| m.kind.as_ref())
            .map(|k| type_label(k, lang)),
        badges: Vec::new(),
        unread: Some(messages.iter().any(is_unread)),
        reply_recipients: Vec::new(),
        callback_phone: None,
        performer: None,
        assigned_to: None,
        other_fields: Vec::new(),
        channel: None,
        // The partner answers the customer centre, whose messages the clock does not count
        // as a customer's (the thread's header reads them the same way).
        awaiting_since: None,
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
        let case = case_to_domain("case-messages", guid, &messages, Lang::En);
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
        let first = message_to_domain(&messages[0], Lang::En).unwrap();
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
        let mapped = message_to_domain(&message, Lang::En).unwrap();
        assert_eq!(mapped.author.kind, AuthorKind::Agent);
        assert_eq!(mapped.author.role.as_deref(), Some("Service partner"));
        assert_eq!(mapped.delivery, None);
        assert_eq!(mapped.sent_at, parse_instant("2017-07-25T10:12:54.003Z"));
        message.confirmed_at = Some("2017-07-27T08:00:00.000Z".into());
        assert_eq!(
            message_to_domain(&message, Lang::En)
                .unwrap()
                .delivery
                .as_deref(),
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
            message_to_domain(&messages[1], Lang::En)
                .unwrap()
                .author
                .kind,
            AuthorKind::System
        );
        assert!(is_unread(&messages[1]));
    }

    #[test]
    fn a_case_without_messages_is_still_a_conversation() {
        let case = case_to_domain("case-messages", "g", &[], Lang::En);
        assert_eq!(case.status, ConversationStatus::Other("No messages".into()));
        assert_eq!(case.unread, Some(false));
        assert_eq!(case.last_message, None);
        assert!(case.capabilities.reply && case.capabilities.mark_read);
        assert!(!case.capabilities.close);
    }

    #[test]
    fn every_type_has_a_label_and_unknown_ones_show_verbatim() {
        for lang in Lang::ALL {
            let choices = type_choices(lang);
            assert_eq!(choices.len(), 10);
            assert!(choices
                .iter()
                .all(|(kind, label)| !label.is_empty() && type_label(kind, lang) == *label));
            assert_eq!(type_label(&MessageType::Other("x".into()), lang), "x");
            assert_eq!(
                sender_label(Some(&SenderType::Other("robot".into())), lang),
                "robot"
            );
        }
        let english: Vec<String> = type_choices(Lang::En).into_iter().map(|c| c.1).collect();
        assert_eq!(
            english,
            [
                "Service comment",
                "Customer centre reply",
                "Cost proposal rejected: return unrepaired",
                "Cost proposal rejected: scrap",
                "Status request",
                "Spare parts",
                "Reminder",
                "Cost proposal",
                "Shipment",
                "Forwarding",
            ]
        );
        assert_eq!(sender_label(None, Lang::En), "System");
    }

    #[test]
    fn types_and_senders_read_in_french_and_spanish() {
        let rur = MessageType::CostProposalRejectRur;
        assert_eq!(
            type_label(&MessageType::ServiceComment, Lang::Fr),
            "Commentaire du service"
        );
        assert_eq!(
            type_label(&rur, Lang::Fr),
            "Devis refusé : retour non réparé"
        );
        assert_eq!(
            type_label(&MessageType::ServiceComment, Lang::Es),
            "Comentario del servicio"
        );
        assert_eq!(
            type_label(&rur, Lang::Es),
            "Presupuesto rechazado: devolución sin reparar"
        );
        assert_eq!(
            sender_label(Some(&SenderType::Provider), Lang::Fr),
            "Prestataire de service"
        );
        assert_eq!(sender_label(None, Lang::Fr), "Système");
        assert_eq!(
            sender_label(Some(&SenderType::Partner), Lang::Es),
            "Socio de servicio"
        );
        assert_eq!(sender_label(None, Lang::Es), "Sistema");
    }

    #[test]
    fn a_case_reads_in_the_readers_language() {
        let messages = list();
        let guid = "1e0abcb7-b94c-4072-a9c0-37072a1ef015";
        let fr = case_to_domain("case-messages", guid, &messages, Lang::Fr);
        assert_eq!(fr.customer_display(), "Dossier 7748");
        assert_eq!(fr.reason.as_deref(), Some("Commentaire du service"));
        let first = message_to_domain(&messages[0], Lang::Fr).unwrap();
        assert_eq!(
            first.author.kind,
            AuthorKind::Other("Prestataire de service".into())
        );
        let es = case_to_domain("case-messages", guid, &messages, Lang::Es);
        assert_eq!(es.customer_display(), "Caso 7748");
        assert_eq!(es.reason.as_deref(), Some("Comentario del servicio"));
        let empty = case_to_domain("case-messages", "g", &[], Lang::Es);
        assert_eq!(
            empty.status,
            ConversationStatus::Other("Sin mensajes".into())
        );
        assert_eq!(
            case_to_domain("case-messages", "g", &[], Lang::Fr).status,
            ConversationStatus::Other("Aucun message".into())
        );
    }
}
