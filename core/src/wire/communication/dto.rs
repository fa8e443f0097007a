//! The communication API's shapes, field for field as `communication-api.txt` names them.
//! Lenient on read (nulls, numbers as strings, unknown enum values kept), exact on write.

use super::{
    ContentType, ConversationStatusDto, MailCategory, MessageStatus, ProductType, TransmitterType,
};
use crate::lenient::{lenient_u32, lenient_u64, null_as_default};
use serde::{Deserialize, Serialize};

/// A HATEOAS link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Link {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enc_type: Option<String>,
}

impl Link {
    pub fn new(rel: &str, href: String, method: &str) -> Self {
        Link {
            href: Some(href),
            rel: Some(rel.to_owned()),
            title: None,
            media_type: Some("application/json".to_owned()),
            method: Some(method.to_owned()),
            enc_type: Some("application/json".to_owned()),
        }
    }
}

/// A message of a conversation; also the body of "add a message".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MessageDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// Kept as text: a malformed date must not lose the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sending_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmitter_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receiver_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmitter_type: Option<TransmitterType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<ContentType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_date: Option<String>,
    /// Our extension (the document has none): files sent with the message.
    #[serde(
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<AttachmentDto>,
}

/// A file attached to a message; `href` is relative to the API's base path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AttachmentDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(deserialize_with = "lenient_u64")]
    pub size: u64,
    /// `sha256:<hex>` of the stored bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

/// A conversation: the body of create and update, and what every read returns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip_publication_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub establishment_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// "string or null": always written, `null` when nobody is assigned.
    #[serde(default)]
    pub assigned_agent_id: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message: Option<MessageDto>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ConversationStatusDto>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub links: Vec<Link>,
    /// Fields this version does not model, kept so that a read-change-write (`PUT` takes
    /// the whole conversation) never drops what a vendor added.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The body of "update the assigned agent".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AssignAgentRequest {
    pub assigned_agent_id: Option<String>,
}

/// A contact-us message: the public form's body, and what reads return.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactMessageDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sending_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receiver_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmitter_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The document lists `required: any` and shows `null`; carried through untouched.
    pub required: serde_json::Value,
    /// Switchboard's honeypot: a field people never see, so only a robot fills it; the
    /// server then answers as usual and stores nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub links: Vec<Link>,
}

/// A mail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MailDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sending_date: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub receivers_id: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<ProductType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub establishment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<MailCategory>,
    #[serde(
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub links: Vec<Link>,
}

/// A page: `totalElements`, `totalPages`, `currentPage`, `content`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageDto<T> {
    #[serde(default, deserialize_with = "lenient_u64")]
    pub total_elements: u64,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub total_pages: u32,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub current_page: u32,
    #[serde(
        default = "Vec::new",
        deserialize_with = "null_as_default",
        bound(deserialize = "T: Deserialize<'de>")
    )]
    pub content: Vec<T>,
}
