//! The shapes of `support-management.txt`, field for field and in its snake_case: the
//! session ("Details of customer support": `order_id`, `callback_phone`) and the agent
//! (`id`, `rating`). The session's `status`, `agent` and instants, and the history, are
//! Switchboard's additions (`docs/backends/support-sessions.md`). Lenient on read: every
//! field may be missing or null, an unknown status is kept verbatim, and a `rating` sent
//! as a JSON number is read as its text.

use super::{HistoryEvent, SessionStatus};
use serde::{Deserialize, Deserializer, Serialize};

/// A support session: what every route of `/support/{orderId}` answers (and the agent's
/// `PUT` and `DELETE` too, as the document says).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportDto {
    /// The order's human-readable id (the path's `orderId`).
    pub order_id: Option<String>,
    /// Where to call the customer back, E.164 (`+33612345678`).
    pub callback_phone: Option<String>,
    /// Ours: `open` or `closed`.
    pub status: Option<SessionStatus>,
    /// Ours: the agent of the order (`GET /support/{orderId}/agent`), `null` when none.
    pub agent: Option<AgentDto>,
    /// Ours: when it was (last) opened, last changed and closed; RFC 3339, UTC.
    pub opened_at: Option<String>,
    pub updated_at: Option<String>,
    pub closed_at: Option<String>,
}

/// The direct performer of the order (a driver, a delivery person, a doctor): its `id` and
/// its `rating`, kept as written (a value, or an expression: see [`super::rating`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgentDto {
    pub id: Option<String>,
    #[serde(deserialize_with = "text_or_number")]
    pub rating: Option<String>,
}

/// What a client sends to open (`POST`) or change (`PUT`) a session: the document's
/// fields. `callback_phone` tells absent (`None`) from `null` (`Some(None)`: remove it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportChangeDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub callback_phone: Option<Option<String>>,
}

/// What `PUT /support/{orderId}/agent` takes: the agent. The document shows the session's
/// shape for this body; Switchboard reads the agent's, and accepts the session's
/// `order_id` beside it when it names the same order (`docs/backends/support-sessions.md`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgentChangeDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(
        deserialize_with = "text_or_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub rating: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Read only to refuse it: the phone changes with `PUT /support/{orderId}`.
    #[serde(deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub callback_phone: Option<Option<String>>,
}

/// Ours: who made a change through Switchboard.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActorDto {
    pub id: Option<String>,
    pub name: Option<String>,
}

/// Ours (`GET /support/{orderId}/history`): one change made through Switchboard, oldest
/// first. Each event fills the fields it changed: `opened` the phone it opened with,
/// `callback_phone_changed` both phones, `agent_set` the agent, `agent_changed` both
/// agents, `agent_removed` the previous one, `closed` nothing more.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HistoryEntryDto {
    pub event: Option<HistoryEvent>,
    pub at: Option<String>,
    pub by: Option<ActorDto>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_callback_phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<AgentDto>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_agent: Option<AgentDto>,
}

/// A field that may be `null`: present is `Some`, whatever its value.
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Some(Option::<T>::deserialize(deserializer)?))
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TextOrNumber {
    Text(String),
    Number(serde_json::Number),
}

/// A string, or a number kept as the text JSON wrote it (`4.5`).
fn text_or_number<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(
        Option::<TextOrNumber>::deserialize(deserializer)?.map(|value| match value {
            TextOrNumber::Text(text) => text,
            TextOrNumber::Number(number) => number.to_string(),
        }),
    )
}
