//! Records become the document's shapes, with HATEOAS links whose `href` is relative to
//! the API's base path (a deployment may mount the API elsewhere).

use super::input::{PageRequest, CUSTOMER_NAME_FIELD};
use super::store::{ContactRecord, ConversationRecord, MailRecord, MessageRecord, Slice};
use crate::http::HttpError;
use crate::store::files::FileRecord;
use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::Response;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::follow_up::follow_up_page_link;
use switchboard_core::wire::communication::{
    AttachmentDto, ContactMessageDto, ConversationDto, Link, MailDto, MessageDto, PageDto,
};

pub fn conversation_path(id: &str) -> String {
    format!("/conversations/{}", encode_path_segment(id))
}

pub fn contact_path(id: &str) -> String {
    format!("/contact-us/{}", encode_path_segment(id))
}

pub fn mail_path(id: &str) -> String {
    format!("/mails/{}", encode_path_segment(id))
}

pub fn attachment_path(id: &str) -> String {
    format!("/attachments/{}", encode_path_segment(id))
}

fn titled(mut link: Link, title: &str) -> Link {
    link.title = Some(title.to_owned());
    link
}

pub fn message(record: MessageRecord) -> MessageDto {
    MessageDto {
        id: Some(record.id),
        conversation_id: Some(record.conversation_id),
        sending_date: Some(record.sending_date),
        transmitter_id: record.transmitter_id,
        receiver_id: record.receiver_id,
        transmitter_type: Some(record.transmitter_type.into()),
        content: Some(record.content),
        content_type: Some(record.content_type.into()),
        status: Some(record.status.into()),
        received_date: record.received_date,
        attachments: record.attachments.into_iter().map(attachment).collect(),
    }
}

pub fn attachment(record: FileRecord) -> AttachmentDto {
    AttachmentDto {
        href: Some(attachment_path(&record.id)),
        id: Some(record.id),
        file_name: Some(record.name),
        media_type: Some(record.media_type),
        size: record.size,
        checksum: Some(format!("sha256:{}", record.sha256)),
    }
}

/// A stored file as a download: never shown inline, never sniffed, and sandboxed should a
/// browser open it anyway, so nothing uploaded runs in the console's origin. The bytes
/// under an id never change, so caches may keep them.
pub fn download(record: FileRecord, data: Vec<u8>) -> Result<Response, HttpError> {
    let value = |text: &str| HeaderValue::from_str(text).map_err(HttpError::internal);
    let headers = [
        (header::CONTENT_TYPE, value(&record.media_type)?),
        (header::CONTENT_LENGTH, HeaderValue::from(data.len())),
        (
            header::CONTENT_DISPOSITION,
            value(&content_disposition(&record.name))?,
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; sandbox"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=31536000, immutable"),
        ),
        (header::ETAG, value(&format!("\"{}\"", record.sha256))?),
    ];
    let mut response = Response::new(Body::from(data));
    response.headers_mut().extend(
        headers
            .into_iter()
            .map(|(name, value)| (Some::<HeaderName>(name), value)),
    );
    Ok(response)
}

/// `attachment` with a plain-ASCII `filename` for old clients and the exact UTF-8 name in
/// `filename*` (RFC 6266, RFC 8187).
pub fn content_disposition(file_name: &str) -> String {
    let fallback: String = file_name
        .chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' => c,
            _ => '_',
        })
        .collect();
    let mut encoded = String::with_capacity(file_name.len() * 3);
    for byte in file_name.bytes() {
        // RFC 8187's attr-char: everything else is percent-encoded.
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

/// As lists show it: no links. With the name the customer gave as `customerName` (our
/// addition), `null` when unknown.
pub fn conversation(record: ConversationRecord, last: Option<MessageRecord>) -> ConversationDto {
    ConversationDto {
        id: Some(record.id),
        trip_publication_id: Some(record.trip_publication_id),
        trip_reference: Some(record.trip_reference),
        establishment_id: Some(record.establishment_id),
        customer_id: Some(record.customer_id),
        assigned_agent_id: record.assigned_agent_id,
        participants: record.participants,
        last_message: last.map(message),
        status: Some(record.status.into()),
        links: Vec::new(),
        extra: serde_json::Map::from_iter([(
            CUSTOMER_NAME_FIELD.to_owned(),
            record
                .customer_name
                .map_or(serde_json::Value::Null, serde_json::Value::String),
        )]),
    }
}

/// As a single resource: with what can be done with it.
pub fn conversation_with_links(
    record: ConversationRecord,
    last: Option<MessageRecord>,
) -> ConversationDto {
    let path = conversation_path(&record.id);
    let mut dto = conversation(record, last);
    dto.links = vec![
        titled(Link::new("self", path.clone(), "GET"), "This conversation"),
        titled(
            Link::new("update", path.clone(), "PUT"),
            "Update the conversation",
        ),
        titled(
            Link::new("messages", format!("{path}/messages"), "GET"),
            "Its messages, newest first",
        ),
        titled(
            Link::new("add-message", format!("{path}/messages"), "POST"),
            "Add a message",
        ),
        titled(
            Link::new("assign", format!("{path}/assigned-agent"), "PUT"),
            "Assign an agent",
        ),
    ];
    dto
}

pub fn contact(record: ContactRecord) -> ContactMessageDto {
    ContactMessageDto {
        id: Some(record.id),
        conversation_id: record.conversation_id,
        sending_date: Some(record.sending_date),
        receiver_id: record.receiver_id,
        transmitter_id: record.transmitter_id,
        name: Some(record.name),
        mail: Some(record.mail),
        object: Some(record.object),
        message: Some(record.message),
        required: record.required,
        website: None,
        links: Vec::new(),
    }
}

pub fn contact_with_links(record: ContactRecord) -> ContactMessageDto {
    let mut links = vec![titled(
        Link::new("self", contact_path(&record.id), "GET"),
        "This contact message",
    )];
    if let Some(conversation_id) = &record.conversation_id {
        links.push(titled(
            Link::new("conversation", conversation_path(conversation_id), "GET"),
            "The conversation it belongs to",
        ));
    }
    let mut dto = contact(record);
    dto.links = links;
    dto
}

/// A new contact message as its customer is answered: their reference (the message's
/// id), when it was received, and their private `follow-up` link (the token is in no other
/// answer, and stored only hashed). Nothing of support's own: no conversation, no agents'
/// routes.
pub fn contact_for_customer(record: ContactRecord, token: &str) -> ContactMessageDto {
    reference_for_customer(record.id, record.sending_date, token)
}

/// [`contact_for_customer`] from its parts: a forwarded contact message's reference and
/// date are the vendor's, the link ours.
pub fn reference_for_customer(id: String, sending_date: String, token: &str) -> ContactMessageDto {
    ContactMessageDto {
        id: Some(id),
        sending_date: Some(sending_date),
        links: vec![titled(
            Link::new("follow-up", follow_up_page_link(token), "GET"),
            "Your private link: read our answers and write again. Keep it to yourself.",
        )],
        ..ContactMessageDto::default()
    }
}

pub fn mail_with_links(record: MailRecord) -> MailDto {
    let links = vec![titled(
        Link::new("self", mail_path(&record.id), "GET"),
        "This mail",
    )];
    MailDto {
        id: Some(record.id),
        sending_date: Some(record.sending_date),
        receivers_id: record.receivers_id,
        publication_id: record.publication_id,
        reservation_id: record.reservation_id,
        product_type: record.product_type.map(Into::into),
        organization_id: record.organization_id,
        establishment_id: record.establishment_id,
        category: Some(record.category.into()),
        links,
    }
}

pub fn page<R, T>(slice: Slice<R>, request: PageRequest, map: impl Fn(R) -> T) -> PageDto<T> {
    let size = u64::from(request.size.max(1));
    let total_pages = slice.total.div_ceil(size);
    PageDto {
        total_elements: slice.total,
        total_pages: u32::try_from(total_pages).unwrap_or(u32::MAX),
        current_page: request.current_page,
        content: slice.rows.into_iter().map(map).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_up() {
        let slice = Slice {
            total: 7,
            rows: vec![1, 2, 3],
        };
        let request = PageRequest {
            current_page: 0,
            size: 3,
        };
        let dto = page(slice, request, |n| n * 10);
        assert_eq!(dto.total_pages, 3);
        assert_eq!(dto.current_page, 0);
        assert_eq!(dto.content, [10, 20, 30]);
    }

    #[test]
    fn download_names_are_safe_in_a_header_and_exact_in_utf8() {
        assert_eq!(
            content_disposition("Facture “mai” \"2026\".pdf"),
            "attachment; filename=\"Facture _mai_ _2026_.pdf\"; \
             filename*=UTF-8''Facture%20%E2%80%9Cmai%E2%80%9D%20%222026%22.pdf"
        );
        assert_eq!(
            content_disposition("a\\b;c.png"),
            "attachment; filename=\"a_b;c.png\"; filename*=UTF-8''a%5Cb%3Bc.png"
        );
    }

    #[test]
    fn links_encode_ids() {
        assert_eq!(conversation_path("a/b c"), "/conversations/a%2Fb%20c");
    }
}
