//! PostCenter's shapes, field for field. One ticket comes in three shapes (detail, a
//! customer's list, the paginated list), so [`TicketDto`] holds the union of their fields,
//! each optional and lenient: a field of a type never seen is kept ([`Lenient::Odd`]),
//! and a field never documented lands in `other`, shown as it came. The reference server
//! writes these same types, so a field renamed here is renamed on both sides.

use crate::lenient::Lenient;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `identifier`, "the code agents see": a string in the detail, a number in the lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Identifier {
    Number(u64),
    Text(String),
}

impl Identifier {
    /// As agents see it: digits, without quotes.
    pub fn as_text(&self) -> String {
        match self {
            Identifier::Number(n) => n.to_string(),
            Identifier::Text(s) => s.trim().to_owned(),
        }
    }
}

/// `CMEmbeddedSerializer`: the agent ("ejecutivo") a ticket is assigned to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CmDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cmid: Option<Lenient<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Lenient<String>>,
    /// "(opcional)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Lenient<String>>,
}

/// `TicketSummaryResponse`, in any of its three shapes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TicketDto {
    /// The API's id (`583dcb2855d0a46e438d0206`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Lenient<Identifier>>,
    /// Detail and a customer's list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Lenient<String>>,
    /// The paginated list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_datetime: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_time: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_datetime: Option<Lenient<String>>,
    /// `null` when no one is assigned (not shown in the document; the obvious reading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_assignment: Option<Lenient<CmDto>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_closed: Option<Lenient<bool>>,
    /// The paginated list's state word (`Abierto`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_author: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_content: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_network: Option<Lenient<String>>,
    /// An email's subject, in the detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Lenient<String>>,
    /// An email's subject, in the lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Lenient<String>>,
    /// Fields the document does not name, kept as they came.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// `MessageResponse`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_name: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_account: Option<Lenient<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Lenient<String>>,
    /// "Url de media (opcional)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Lenient<String>>,
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// `MessagesListResponse`: newest first, as the document's example.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessagesDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub messages: Vec<Lenient<MessageDto>>,
}

/// `TicketsListResponse`: a customer's or a Facebook user's tickets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketsDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub tickets: Vec<Lenient<TicketDto>>,
}

/// The tickets in a state: ids only.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketIdsDto {
    pub tickets: Vec<Lenient<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
}

/// One page of a channel's tickets in a date range.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketPageDto {
    pub tickets: Vec<Lenient<TicketDto>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_tickets: Option<u32>,
    /// The cursor for `next`; `null` on the last page (always written).
    pub next_page: Option<String>,
}

/// `{"status": 200, "message": "Ok"}` (close, reassign) and the error body
/// `{"message": "Non-existent status", "status": 404}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusMessageDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `by_agent_id`: the API id of the ticket agents know by a number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketIdDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub ticket_id: Option<String>,
}

/// `AssignationDetail`: the agent (`cm`) PostCenter would assign, or `null`, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssignationDto {
    pub cm: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `AssignationResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PossibleAgentDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub assignation: Option<AssignationDto>,
}
