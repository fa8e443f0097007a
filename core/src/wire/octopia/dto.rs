//! Octopia's attributes, field for field as `octopia-discussions-v2.txt` lists them, in
//! camelCase JSON. Lenient on read: nulls, numbers as strings and unknown enum values
//! never fail a record; exact on write.

use super::{GraduationCode, OrderStatus, ProcessStatus, UserType};
use crate::lenient::{lenient_u32, lenient_u64, null_as_default};
use serde::{Deserialize, Serialize};

/// `GET /discussions/typologies`: one sub-typology (the reason for a discussion).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypologyDto {
    #[serde(default)]
    pub typology_id: Option<String>,
    #[serde(default)]
    pub typology_code: Option<String>,
    #[serde(default)]
    pub sub_typology_code: Option<String>,
    /// The readable label of the sub-typology.
    #[serde(default)]
    pub typology_description: Option<String>,
    /// The order status this sub-typology applies to.
    #[serde(default)]
    pub state: Option<OrderStatus>,
    #[serde(default)]
    pub sales_channel: Option<String>,
}

/// `GET /discussions/count`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountDto {
    #[serde(default, deserialize_with = "lenient_u64")]
    pub discussion_count: u64,
}

/// One end of a message: a sender or a receiver, and the eligible receivers of a reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiverDto {
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub user_type: Option<UserType>,
    /// A readable name where the backend gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A file as a message lists it; its content comes from `GET /attachments`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentRefDto {
    #[serde(default)]
    pub attachment_id: Option<String>,
    #[serde(default)]
    pub attachment_name: Option<String>,
    /// The extension as the document lists formats: `png`, `pdf`, `docx`...
    #[serde(default)]
    pub file_format: Option<String>,
    #[serde(default, deserialize_with = "lenient_u64")]
    pub size: u64,
}

/// A message of a discussion: `message` (its body), `sender`, `userType` (the sender's),
/// `receivers`, `attachmentCount`, and whether the seller has read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageDto {
    #[serde(default)]
    pub message_id: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    /// The sender's readable name.
    #[serde(default)]
    pub sender: Option<String>,
    /// The sender's id.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The sender's type.
    #[serde(default)]
    pub user_type: Option<UserType>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub receivers: Vec<ReceiverDto>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub has_read: Option<bool>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub attachment_count: u32,
    #[serde(default, deserialize_with = "null_as_default")]
    pub attachments: Vec<AttachmentRefDto>,
}

/// A discussion. `GET /discussions` lists each with its latest message only;
/// `GET /discussions/{discussionId}` gives every message, oldest first, and the eligible
/// `receivers` of the next reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiscussionDto {
    #[serde(default)]
    pub discussion_id: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub order_reference: Option<String>,
    #[serde(default)]
    pub order_id: Option<String>,
    #[serde(default)]
    pub offer_id: Option<String>,
    #[serde(default)]
    pub product_id: Option<String>,
    #[serde(default)]
    pub typology_code: Option<String>,
    #[serde(default)]
    pub sub_typology_code: Option<String>,
    /// The process status.
    #[serde(default)]
    pub status: Option<ProcessStatus>,
    #[serde(default)]
    pub is_open: Option<bool>,
    #[serde(default)]
    pub graduation_code: Option<GraduationCode>,
    #[serde(default)]
    pub customer_id: Option<String>,
    /// The customer's readable name, where the backend gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    /// The document writes `sellerid`; both spellings are read.
    #[serde(default, alias = "sellerid")]
    pub seller_id: Option<String>,
    #[serde(default)]
    pub sales_channel: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub messages: Vec<MessageDto>,
    /// Who the next reply may go to (detail only).
    #[serde(default, deserialize_with = "null_as_default")]
    pub receivers: Vec<ReceiverDto>,
}

/// `GET /discussions`: one page. The connector reads `items` as raw values first, so one
/// unreadable discussion is counted instead of failing the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiscussionPageDto<T> {
    #[serde(
        default = "Vec::new",
        deserialize_with = "null_as_default",
        bound(deserialize = "T: Deserialize<'de>")
    )]
    pub items: Vec<T>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub page_index: u32,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub page_size: u32,
    #[serde(default, deserialize_with = "lenient_u64")]
    pub total_count: u64,
}

/// A file of a reply: its bytes in base64, its name, and its format (extension).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAttachmentDto {
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub file_format: Option<String>,
}

/// `POST /messages`: a reply to an existing discussion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewMessageDto {
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub discussion_id: Option<String>,
    #[serde(default)]
    pub sales_channel: Option<String>,
    /// The document's `salesChannel-ExternalDiscussionReference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_channel_external_discussion_reference: Option<String>,
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub user_type: Option<UserType>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub receivers: Vec<ReceiverDto>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub attachments: Vec<NewAttachmentDto>,
}

/// `GET /attachments`: one file with its content in base64.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentContentDto {
    #[serde(default)]
    pub discussion_id: Option<String>,
    #[serde(default)]
    pub message_id: Option<String>,
    #[serde(default)]
    pub attachment_id: Option<String>,
    #[serde(default)]
    pub attachment_name: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub file_format: Option<String>,
}

/// One operation of `PATCH /discussions/{id}` and `PATCH /messages/{id}`, JSON Patch
/// style. The document writes `opt`; `op` (RFC 6902) is what is sent, both are read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PatchOperation {
    #[serde(alias = "opt")]
    pub op: String,
    pub path: String,
    pub value: serde_json::Value,
}

impl PatchOperation {
    pub fn replace(path: &str, value: bool) -> Self {
        PatchOperation {
            op: "replace".to_owned(),
            path: path.to_owned(),
            value: serde_json::Value::Bool(value),
        }
    }
}
