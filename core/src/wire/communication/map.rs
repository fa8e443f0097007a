//! The communication API's records mapped onto the domain. An unreadable record is
//! counted and reported by the caller, never silently dropped.

use super::dto::*;
use super::*;
use crate::attachments::FileFormat;
use crate::domain::{
    Attachment, Author, AuthorKind, BackendKind, ContactReceipt, Conversation, ConversationKey,
    ConversationStatus, Cursor, Message, Page,
};
use crate::follow_up::FOLLOW_UP_PAGE;
use crate::wire::{parse_instant, MappingError};

pub fn status_to_domain(status: Option<&ConversationStatusDto>) -> ConversationStatus {
    match status {
        Some(ConversationStatusDto::Open) => ConversationStatus::Open,
        Some(ConversationStatusDto::Closed) => ConversationStatus::Closed,
        Some(ConversationStatusDto::Archived) => ConversationStatus::Archived,
        Some(ConversationStatusDto::Other(raw)) => ConversationStatus::Other(raw.clone()),
        None => ConversationStatus::Other(String::new()),
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

pub fn message_to_domain(dto: MessageDto) -> Result<Message, MappingError> {
    let id = non_empty(dto.id).ok_or(MappingError {
        record: "a message",
        field: "id",
    })?;
    let kind = match dto.transmitter_type {
        Some(TransmitterType::Customer) => AuthorKind::Customer,
        Some(TransmitterType::Agent) => AuthorKind::Agent,
        Some(TransmitterType::System) => AuthorKind::System,
        Some(TransmitterType::Other(raw)) => AuthorKind::Other(raw),
        None => AuthorKind::Other(String::new()),
    };
    Ok(Message {
        id,
        author: Author {
            kind,
            id: non_empty(dto.transmitter_id),
            name: None,
            role: None,
        },
        body: dto.content.unwrap_or_default(),
        sent_at: dto.sending_date.as_deref().and_then(parse_instant),
        delivery: dto.status.map(String::from),
        attachments: dto
            .attachments
            .into_iter()
            .filter_map(attachment_to_domain)
            .collect(),
        read: None,
        recipients: Vec::new(),
        kind: None,
        in_reply_to: None,
    })
}

/// An attachment without an id or a link cannot be shown or fetched: it is left out.
pub fn attachment_to_domain(dto: AttachmentDto) -> Option<Attachment> {
    let id = non_empty(dto.id)?;
    // Only a path on the backend itself: never another site, never a `javascript:` link.
    let url =
        non_empty(dto.href).filter(|href| href.starts_with('/') && !href.starts_with("//"))?;
    let media_type = dto
        .media_type
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    Some(Attachment {
        name: non_empty(dto.file_name).unwrap_or_else(|| format!("attachment-{id}")),
        is_image: FileFormat::from_media_type(&media_type).is_some_and(FileFormat::is_image),
        id,
        media_type,
        size: dto.size,
        url,
    })
}

pub fn conversation_to_domain(
    backend: &str,
    dto: ConversationDto,
) -> Result<Conversation, MappingError> {
    let id = non_empty(dto.id).ok_or(MappingError {
        record: "a conversation",
        field: "id",
    })?;
    // A malformed last message must not hide the conversation itself.
    let last_message = dto.last_message.and_then(|m| message_to_domain(m).ok());
    let last_activity = last_message.as_ref().and_then(|m| m.sent_at);
    // Only the last message is listed: when it is the customer's, the clock ran from it at
    // least (an earlier unanswered one shows in the thread).
    let awaiting_since = last_message
        .as_ref()
        .filter(|m| m.author.kind == AuthorKind::Customer)
        .and_then(|m| m.sent_at);
    let customer_name = dto
        .extra
        .get(CUSTOMER_NAME_FIELD)
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned);
    Ok(Conversation {
        key: ConversationKey::new(backend, id),
        backend_kind: BackendKind::Communication,
        customer: non_empty(dto.customer_id).unwrap_or_else(|| "Unknown customer".to_owned()),
        subject: None,
        reference: non_empty(dto.trip_reference),
        status: status_to_domain(dto.status.as_ref()),
        assignee: non_empty(dto.assigned_agent_id),
        participants: dto.participants,
        last_message: last_message.map(Box::new),
        last_activity,
        capabilities: CAPABILITIES,
        customer_name: non_empty(customer_name),
        reason: None,
        badges: Vec::new(),
        // This API keeps no read state for agents.
        unread: None,
        reply_recipients: Vec::new(),
        callback_phone: None,
        performer: None,
        assigned_to: None,
        other_fields: Vec::new(),
        channel: None,
        awaiting_since,
    })
}

/// Maps a page, keeping every record that maps and counting those that do not.
pub fn page_to_domain<D, T>(
    dto: PageDto<D>,
    first_page: u32,
    map: impl Fn(D) -> Result<T, MappingError>,
) -> (Page<T>, Vec<MappingError>) {
    let mut items = Vec::with_capacity(dto.content.len());
    let mut unreadable = Vec::new();
    for record in dto.content {
        match map(record) {
            Ok(item) => items.push(item),
            Err(error) => unreadable.push(error),
        }
    }
    // The next page, counted as this backend counts: `first_page` is 0 or 1.
    let last = (dto.total_pages as u64 + first_page as u64).saturating_sub(1);
    let next = (dto.total_pages > 0 && (dto.current_page as u64) < last)
        .then(|| Cursor::page(dto.current_page.saturating_add(1)));
    (
        Page {
            items,
            next,
            total_items: Some(dto.total_elements),
        },
        unreadable,
    )
}

pub fn contact_receipt(dto: ContactMessageDto) -> Result<ContactReceipt, MappingError> {
    let reference = non_empty(dto.id).ok_or(MappingError {
        record: "the contact message",
        field: "id",
    })?;
    let follow_up = dto
        .links
        .iter()
        .find(|link| link.rel.as_deref() == Some("follow-up"))
        .and_then(|link| link.href.as_deref())
        .and_then(follow_up_link);
    Ok(ContactReceipt {
        reference,
        conversation_id: non_empty(dto.conversation_id),
        sent_at: dto.sending_date.as_deref().and_then(parse_instant),
        follow_up,
    })
}

/// A follow-up link is taken only as the console's own page with a plain token: a backend
/// cannot send the customer elsewhere (another site, a `javascript:` URL) through it.
fn follow_up_link(href: &str) -> Option<String> {
    let token = href.strip_prefix(FOLLOW_UP_PAGE)?.strip_prefix('#')?;
    let plain = !token.is_empty()
        && token.len() <= 128
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    plain.then(|| href.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_link_is_only_ever_the_consoles_own_page() {
        let receipt = |href: &str| {
            let raw = serde_json::json!({"id": "C-4QK7M2XD", "links": [{"rel": "follow-up", "href": href}]});
            contact_receipt(serde_json::from_value(raw).unwrap())
                .unwrap()
                .follow_up
        };
        assert_eq!(
            receipt("/contact/follow-up#Ab-9_x").as_deref(),
            Some("/contact/follow-up#Ab-9_x")
        );
        for hostile in [
            "https://evil.example/contact/follow-up#a",
            "javascript:alert(1)",
            "/contact/follow-up#a\"><script>",
            "/contact/follow-up#",
            "/contact/follow-upx#a",
            "//evil.example/contact/follow-up#a",
        ] {
            assert_eq!(receipt(hostile), None, "{hostile}");
        }
    }

    // The document's own examples, verbatim but for its "- " list markers.
    const CONVERSATION: &str = include_str!("fixtures/conversation.json");
    const CONVERSATION_PAGE: &str = include_str!("fixtures/conversation-page.json");
    const MESSAGE_PAGE: &str = include_str!("fixtures/message-page.json");
    const CONTACT: &str = include_str!("fixtures/contact.json");
    const CONTACT_PAGE: &str = include_str!("fixtures/contact-page.json");
    const MAIL: &str = include_str!("fixtures/mail.json");
    const ERROR: &str = include_str!("fixtures/error.json");

    #[test]
    fn the_documented_conversation_maps() {
        let dto: ConversationDto = serde_json::from_str(CONVERSATION).unwrap();
        assert_eq!(dto.links.len(), 1);
        assert_eq!(dto.links[0].enc_type.as_deref(), Some("application/json"));
        let conversation = conversation_to_domain("communication", dto).unwrap();
        assert_eq!(conversation.key.id, "497f6eca-6276-4993-bfeb-53cbbbba6f08");
        assert_eq!(conversation.status, ConversationStatus::Open);
        assert_eq!(conversation.assignee.as_deref(), Some("string"));
        assert_eq!(conversation.reference.as_deref(), Some("string"));
        let last = conversation.last_message.unwrap();
        assert_eq!(last.author.kind, AuthorKind::Customer);
        assert_eq!(last.delivery.as_deref(), Some("SENT"));
        assert_eq!(
            conversation.last_activity,
            parse_instant("2019-08-24T14:15:22Z")
        );
        assert_eq!(
            conversation.awaiting_since,
            parse_instant("2019-08-24T14:15:22Z"),
            "the customer wrote last: an answer awaits since then"
        );
    }

    #[test]
    fn the_documented_pages_map() {
        let dto: PageDto<ConversationDto> = serde_json::from_str(CONVERSATION_PAGE).unwrap();
        let (page, unreadable) =
            page_to_domain(dto, 1, |c| conversation_to_domain("communication", c));
        assert_eq!(page.items.len(), 1);
        assert!(unreadable.is_empty());
        assert_eq!(page.next, None, "the only page has no next");

        let dto: PageDto<MessageDto> = serde_json::from_str(MESSAGE_PAGE).unwrap();
        let (page, _) = page_to_domain(dto, 0, message_to_domain);
        assert_eq!(page.items[0].body, "string");
        assert_eq!(page.total_items, Some(0));
    }

    #[test]
    fn the_customer_s_name_is_read_beside_the_email() {
        let raw = r#"{"id":"c1","customerId":"ana@example.com","customerName":"Ana Pérez","status":"OPEN"}"#;
        let c =
            conversation_to_domain("communication", serde_json::from_str(raw).unwrap()).unwrap();
        assert_eq!(c.customer_display(), "Ana Pérez");
        assert_eq!(c.customer, "ana@example.com");
        let raw = r#"{"id":"c2","customerId":"x@example.com","customerName":null}"#;
        let c =
            conversation_to_domain("communication", serde_json::from_str(raw).unwrap()).unwrap();
        assert_eq!(c.customer_display(), "x@example.com");
    }

    #[test]
    fn the_next_cursor_counts_as_the_backend_counts() {
        let page = |current: u32, total: u32| PageDto::<MessageDto> {
            total_elements: 60,
            total_pages: total,
            current_page: current,
            content: Vec::new(),
        };
        let next = |dto, first| page_to_domain(dto, first, message_to_domain).0.next;
        assert_eq!(next(page(1, 3), 1), Some(Cursor::page(2)));
        assert_eq!(next(page(3, 3), 1), None);
        assert_eq!(next(page(0, 3), 0), Some(Cursor::page(1)));
        assert_eq!(next(page(2, 3), 0), None);
        assert_eq!(next(page(1, 0), 1), None);

        let dto: PageDto<ContactMessageDto> = serde_json::from_str(CONTACT_PAGE).unwrap();
        assert_eq!(dto.content[0].mail.as_deref(), Some("string"));
    }

    #[test]
    fn the_documented_contact_mail_and_error_deserialize() {
        let contact: ContactMessageDto = serde_json::from_str(CONTACT).unwrap();
        assert_eq!(contact.object.as_deref(), Some("string"));
        assert!(contact.required.is_null());
        let receipt = contact_receipt(contact).unwrap();
        assert_eq!(receipt.reference, "string");

        let mail: MailDto = serde_json::from_str(MAIL).unwrap();
        assert_eq!(mail.category, Some(MailCategory::ProfileCompletionRequest));
        assert_eq!(mail.product_type, Some(ProductType::Trip));
        assert_eq!(MailCategory::KNOWN.len(), 18);

        let error: ErrorBody = serde_json::from_str(ERROR).unwrap();
        assert_eq!(error.details[0].issue, "string");
    }

    #[test]
    fn what_real_servers_send_still_maps() {
        // Unknown status, null participants, counts as strings, a broken date, no last message.
        let raw = r#"{"totalElements":"2","totalPages":"1","currentPage":"1","content":[
            {"id":"c1","customerId":"ana@example.es","participants":null,"status":"PENDING",
             "lastMessage":{"id":"m1","sendingDate":"yesterday","content":"<script>x</script>","transmitterType":"BOT"}},
            {"customerId":"no-id"}]}"#;
        let dto: PageDto<ConversationDto> = serde_json::from_str(raw).unwrap();
        let (page, unreadable) =
            page_to_domain(dto, 1, |c| conversation_to_domain("communication", c));
        assert_eq!(page.total_items, Some(2));
        assert_eq!(page.items.len(), 1);
        assert_eq!(
            unreadable,
            vec![MappingError {
                record: "a conversation",
                field: "id"
            }]
        );
        let c = &page.items[0];
        assert_eq!(c.status, ConversationStatus::Other("PENDING".into()));
        assert!(c.participants.is_empty());
        let last = c.last_message.as_ref().unwrap();
        assert_eq!(last.sent_at, None);
        assert_eq!(last.author.kind, AuthorKind::Other("BOT".into()));
        assert_eq!(
            last.body, "<script>x</script>",
            "content is data, kept verbatim"
        );
    }

    #[test]
    fn attachments_map_and_broken_ones_are_left_out() {
        let raw = r#"{"id":"m1","content":"see attached","attachments":[
            {"id":"a1","fileName":"screen.png","mediaType":"image/png","size":"2048","checksum":"sha256:ab","href":"/attachments/a1"},
            {"id":"a2","fileName":"invoice.pdf","mediaType":"application/pdf","size":10,"href":"/attachments/a2"},
            {"fileName":"no-id.png","href":"/attachments/x"},
            {"id":"a3","fileName":"evil.png","href":"javascript:alert(1)"},
            {"id":"a4","fileName":"away.png","href":"//evil.example/x.png"}]}"#;
        let message = message_to_domain(serde_json::from_str(raw).unwrap()).unwrap();
        assert_eq!(message.attachments.len(), 2);
        assert!(message.attachments[0].is_image);
        assert_eq!(message.attachments[0].size, 2048);
        assert!(!message.attachments[1].is_image);
        assert_eq!(message.attachments[1].url, "/attachments/a2");
        let no_files: MessageDto =
            serde_json::from_str(r#"{"id":"m2","attachments":null}"#).unwrap();
        assert!(serde_json::to_value(&no_files)
            .unwrap()
            .get("attachments")
            .is_none());
    }

    #[test]
    fn statuses_map_and_unknown_ones_are_kept() {
        assert_eq!(
            status_to_domain(Some(&ConversationStatusDto::Closed)),
            ConversationStatus::Closed
        );
        assert_eq!(
            status_to_domain(Some(&ConversationStatusDto::Other("PAUSED".into()))),
            ConversationStatus::Other("PAUSED".into())
        );
    }

    #[test]
    fn unknown_fields_survive_a_read_change_write() {
        let raw =
            r#"{"id":"c1","status":"OPEN","priority":"HIGH","tags":["vip"],"participants":null}"#;
        let mut dto: ConversationDto = serde_json::from_str(raw).unwrap();
        dto.status = Some(ConversationStatusDto::Closed);
        let written = serde_json::to_value(&dto).unwrap();
        assert_eq!(written["priority"], "HIGH");
        assert_eq!(written["tags"][0], "vip");
        assert_eq!(written["status"], "CLOSED");
        assert!(dto.participants.is_empty());
    }

    #[test]
    fn unassigned_is_written_as_null() {
        let dto = ConversationDto {
            id: Some("c".into()),
            ..Default::default()
        };
        let json = serde_json::to_value(&dto).unwrap();
        assert!(json.get("assignedAgentId").unwrap().is_null());
        assert!(json.get("links").is_none());
    }
}
