//! Octopia's attributes, field for field as `octopia-discussions-v2.txt` lists them, in
//! camelCase JSON. Lenient on read: nulls, numbers as strings and unknown enum values
//! never fail a record; exact on write.

use super::{GraduationCode, OrderStatus, ProcessStatus, UserType};
use crate::lenient::{lenient_u32, lenient_u64, null_as_default};
use serde::{Deserialize, Serialize};

/// `GET /discussions/typologies`: one sub-typology (the reason for a discussion).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TypologyDto {
    pub typology_id: Option<String>,
    pub typology_code: Option<String>,
    pub sub_typology_code: Option<String>,
    /// The readable label of the sub-typology.
    pub typology_description: Option<String>,
    /// The order status this sub-typology applies to.
    pub state: Option<OrderStatus>,
    pub sales_channel: Option<String>,
}

/// `GET /discussions/count`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CountDto {
    #[serde(deserialize_with = "lenient_u64")]
    pub discussion_count: u64,
}

/// One end of a message: a sender or a receiver, and the eligible receivers of a reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReceiverDto {
    pub user_id: Option<String>,
    pub user_type: Option<UserType>,
    /// A readable name where the backend gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A file as a message lists it; its content comes from `GET /attachments`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AttachmentRefDto {
    pub attachment_id: Option<String>,
    pub attachment_name: Option<String>,
    /// The extension as the document lists formats: `png`, `pdf`, `docx`...
    pub file_format: Option<String>,
    #[serde(deserialize_with = "lenient_u64")]
    pub size: u64,
}

/// A message of a discussion: `message` (its body), `sender`, `userType` (the sender's),
/// `receivers`, `attachmentCount`, and whether the seller has read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageDto {
    pub message_id: Option<String>,
    pub message: Option<String>,
    /// The sender's readable name.
    pub sender: Option<String>,
    /// The sender's id.
    pub user_id: Option<String>,
    /// The sender's type.
    pub user_type: Option<UserType>,
    #[serde(deserialize_with = "null_as_default")]
    pub receivers: Vec<ReceiverDto>,
    pub created_at: Option<String>,
    pub has_read: Option<bool>,
    #[serde(deserialize_with = "lenient_u32")]
    pub attachment_count: u32,
    #[serde(deserialize_with = "null_as_default")]
    pub attachments: Vec<AttachmentRefDto>,
}

/// A discussion. `GET /discussions` lists each with its latest message only;
/// `GET /discussions/{discussionId}` gives every message, oldest first, and the eligible
/// `receivers` of the next reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DiscussionDto {
    pub discussion_id: Option<String>,
    pub subject: Option<String>,
    pub order_reference: Option<String>,
    pub order_id: Option<String>,
    pub offer_id: Option<String>,
    pub product_id: Option<String>,
    pub typology_code: Option<String>,
    pub sub_typology_code: Option<String>,
    /// The process status.
    pub status: Option<ProcessStatus>,
    pub is_open: Option<bool>,
    pub graduation_code: Option<GraduationCode>,
    pub customer_id: Option<String>,
    /// The customer's readable name, where the backend gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    /// The document writes `sellerid`; both spellings are read.
    #[serde(alias = "sellerid")]
    pub seller_id: Option<String>,
    pub sales_channel: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub messages: Vec<MessageDto>,
    /// Who the next reply may go to (detail only).
    #[serde(deserialize_with = "null_as_default")]
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
#[serde(rename_all = "camelCase", default)]
pub struct NewAttachmentDto {
    pub content: Option<String>,
    pub name: Option<String>,
    pub file_format: Option<String>,
}

/// `POST /messages`: a reply to an existing discussion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NewMessageDto {
    pub body: Option<String>,
    pub discussion_id: Option<String>,
    pub sales_channel: Option<String>,
    /// The document's `salesChannel-ExternalDiscussionReference`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sales_channel_external_discussion_reference: Option<String>,
    pub user_id: Option<String>,
    pub user_type: Option<UserType>,
    #[serde(deserialize_with = "null_as_default")]
    pub receivers: Vec<ReceiverDto>,
    #[serde(deserialize_with = "null_as_default")]
    pub attachments: Vec<NewAttachmentDto>,
}

/// `GET /attachments`: one file with its content in base64.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AttachmentContentDto {
    pub discussion_id: Option<String>,
    pub message_id: Option<String>,
    pub attachment_id: Option<String>,
    pub attachment_name: Option<String>,
    pub content: Option<String>,
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
