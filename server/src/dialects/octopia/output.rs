//! Records become the document's attributes (core's `wire::octopia` DTOs): discussions with
//! their messages and receivers, typologies, pages, attachments with their bytes in base64,
//! and the answer to a reply.

use super::input::PageRequest;
use super::store::{AttachmentContent, DiscussionRecord, MessageRecord, PartyRecord};
use super::typologies::Typology;
use crate::store::files::FileRecord;
use crate::store::Slice;
use base64::Engine;
use switchboard_core::attachments::FileFormat;
use switchboard_core::wire::octopia::{
    AttachmentContentDto, AttachmentRefDto, DiscussionDto, DiscussionPageDto, Errors, MessageDto,
    ReceiverDto, ResponseDto, TypologyDto,
};

/// `type` of the answer to `POST /messages`.
pub const MESSAGE_CREATED: &str = "MessageCreated";

pub fn typology(entry: &Typology) -> TypologyDto {
    TypologyDto {
        typology_id: Some(entry.typology_id.to_owned()),
        typology_code: Some(entry.typology_code.to_owned()),
        sub_typology_code: Some(entry.sub_typology_code.to_owned()),
        typology_description: Some(entry.description.to_owned()),
        state: Some(entry.state.status()),
        // The catalogue is the same on every sales channel.
        sales_channel: None,
    }
}

pub fn party(record: PartyRecord) -> ReceiverDto {
    ReceiverDto {
        user_id: Some(record.user_id),
        user_type: Some(record.user_type.into()),
        name: record.name,
    }
}

/// The extension the document lists formats by (`png`, `jpg`, `tif`, `docx`…), from the
/// type the bytes were recognised as.
pub fn file_format(media_type: &str) -> Option<String> {
    FileFormat::from_media_type(media_type)
        .and_then(|format| format.extensions().first())
        .map(|extension| (*extension).to_owned())
}

pub fn attachment_ref(file: FileRecord) -> AttachmentRefDto {
    AttachmentRefDto {
        file_format: file_format(&file.media_type),
        attachment_id: Some(file.id),
        attachment_name: Some(file.name),
        size: file.size,
    }
}

pub fn message(record: MessageRecord) -> MessageDto {
    MessageDto {
        message_id: Some(record.id),
        message: Some(record.body),
        sender: Some(record.sender_name),
        user_id: Some(record.sender_id),
        user_type: Some(record.user_type.into()),
        receivers: record.receivers.into_iter().map(party).collect(),
        created_at: Some(record.created_at),
        has_read: Some(record.has_read),
        attachment_count: u32::try_from(record.attachments.len()).unwrap_or(u32::MAX),
        attachments: record.attachments.into_iter().map(attachment_ref).collect(),
    }
}

/// A discussion with the messages given (the list: the latest; the detail: all, oldest
/// first) and the eligible receivers of the next reply (the detail only).
pub fn discussion(
    record: DiscussionRecord,
    messages: Vec<MessageRecord>,
    receivers: Vec<PartyRecord>,
) -> DiscussionDto {
    DiscussionDto {
        discussion_id: Some(record.id),
        subject: Some(record.subject),
        order_reference: Some(record.order_reference),
        order_id: Some(record.order_id),
        offer_id: record.offer_id,
        product_id: record.product_id,
        typology_code: Some(record.typology_code),
        sub_typology_code: Some(record.sub_typology_code),
        status: Some(record.status.into()),
        is_open: Some(record.is_open),
        graduation_code: Some(record.graduation_code.into()),
        customer_id: Some(record.customer_id),
        customer_name: Some(record.customer_name),
        seller_id: Some(record.seller_id),
        sales_channel: Some(record.sales_channel),
        created_at: Some(record.created_at),
        updated_at: Some(record.updated_at),
        messages: messages.into_iter().map(message).collect(),
        receivers: receivers.into_iter().map(party).collect(),
    }
}

pub fn page<R, T>(
    slice: Slice<R>,
    request: PageRequest,
    map: impl Fn(R) -> T,
) -> DiscussionPageDto<T> {
    DiscussionPageDto {
        items: slice.rows.into_iter().map(map).collect(),
        page_index: request.index,
        page_size: request.size,
        total_count: slice.total,
    }
}

pub fn attachment_content(found: AttachmentContent) -> AttachmentContentDto {
    AttachmentContentDto {
        discussion_id: Some(found.discussion_id),
        message_id: Some(found.message_id),
        file_format: file_format(&found.file.media_type),
        attachment_id: Some(found.file.id),
        attachment_name: Some(found.file.name),
        content: Some(base64::engine::general_purpose::STANDARD.encode(&found.data)),
    }
}

/// The document's answer to a reply: type, status, trace id, no errors.
pub fn message_created(trace_id: &str) -> ResponseDto {
    ResponseDto {
        kind: Some(MESSAGE_CREATED.to_owned()),
        title: None,
        status: 201,
        trace_id: Some(trace_id.to_owned()),
        errors: Errors::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_by_their_usual_extension() {
        assert_eq!(file_format("image/png").as_deref(), Some("png"));
        assert_eq!(file_format("image/jpeg").as_deref(), Some("jpg"));
        assert_eq!(file_format("image/tiff").as_deref(), Some("tif"));
        assert_eq!(file_format("application/x-unknown"), None);
    }

    #[test]
    fn the_reply_answer_is_the_documented_one() {
        let json = serde_json::to_value(message_created("t-9")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "MessageCreated", "status": 201, "traceId": "t-9", "errors": {}})
        );
    }
}
