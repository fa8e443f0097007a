//! Order support sessions (`support-management.txt`, "8.12 Support Management"): a
//! session opened for an order, with a number to call the customer back and the order's
//! agent (its driver, delivery person or doctor) with a rating. The document lists routes
//! and two shapes, nothing else; every choice where it is silent is written once in
//! `docs/backends/support-sessions.md`, and the reference server and the connector both
//! follow it. There is no way to list sessions: Switchboard's followed items stand in.
//!
//! - [`dto`]: the session and the agent, field for field, and Switchboard's history;
//! - [`map`]: a session as a conversation keyed by its order id;
//! - [`error`]: the error body (Beckn's `error: {code, paths, message}`), decoded into the
//!   one domain error;
//! - [`rating`]: the grammar of a `rating` (a value, or `gt`/`gte`/`lt`/`lte` with `&&` and
//!   `||`); [`phone`]: the rule of a `callback_phone` (E.164, separators tolerated).

pub mod dto;
pub mod error;
pub mod map;
pub mod phone;
pub mod rating;
pub mod write;

pub use dto::*;
pub use error::*;
pub use map::*;
pub use phone::{normalize_phone, tel_link, validate_phone, PhoneProblem};
pub use rating::{parse_rating, validate_rating, Rating, RatingProblem, MAX_RATING_CHARS};
pub use write::*;

use crate::domain::Capabilities;
use crate::open_enum;

/// Where the reference server mounts this API. The document gives only the routes
/// (`/support/{orderId}`…); the prefix names its section and a version, as the other
/// backends' do.
pub const DEFAULT_BASE_PATH: &str = "/support-management/v1";
/// The routes under the base path, `{orderId}` percent-encoded by the caller.
pub const SESSION_PATH: &str = "/support/{orderId}";
pub const AGENT_PATH: &str = "/support/{orderId}/agent";
/// Ours, not the vendor's: the changes made through Switchboard.
pub const HISTORY_PATH: &str = "/support/{orderId}/history";

/// An order id (the path's `orderId`) and an agent's `id`: 1 to 100 characters, trimmed,
/// no control characters.
pub const MAX_ORDER_ID_CHARS: usize = 100;
pub const MAX_AGENT_ID_CHARS: usize = 100;

/// The `code` of each refusal, by status: 400, 401, 403, 404 (an unknown order, or no
/// agent), 405, 409 (opened twice, closed twice, a change to a closed session), 413, 415,
/// 429, 500, 503.
pub const ERROR_CODES: &[(u16, &str)] = &[
    (400, "INVALID_REQUEST"),
    (401, "UNAUTHORIZED"),
    (403, "FORBIDDEN"),
    (404, "NOT_FOUND"),
    (405, "METHOD_NOT_ALLOWED"),
    (409, "CONFLICT"),
    (413, "PAYLOAD_TOO_LARGE"),
    (415, "UNSUPPORTED_MEDIA_TYPE"),
    (429, "TOO_MANY_REQUESTS"),
    (500, "INTERNAL_ERROR"),
    (503, "SERVICE_UNAVAILABLE"),
];

/// The `code` of a status: its own, else the class's (`INVALID_REQUEST`, `INTERNAL_ERROR`).
pub fn error_code(status: u16) -> &'static str {
    ERROR_CODES
        .iter()
        .find(|(s, _)| *s == status)
        .map(|(_, code)| *code)
        .unwrap_or(if status >= 500 {
            "INTERNAL_ERROR"
        } else {
            "INVALID_REQUEST"
        })
}

/// A session has no messages in this contract: nothing to reply to or mark read. It is
/// closed (`DELETE`) and opened again (`POST`); its agent is the order's performer, not one
/// of Switchboard's agents, so the console's assignee control does not apply: the agent has
/// its own control (`/support/{orderId}/agent`).
pub const CAPABILITIES: Capabilities = Capabilities {
    reply: false,
    assign: false,
    unassign: false,
    close: true,
    reopen: true,
    archive: false,
    mark_read: false,
    mark_unread: false,
    callback_phone: true,
    performer: true,
    auto_assign: false,
};

open_enum! {
    /// Ours: whether the session is open (`POST` done) or closed (`DELETE` done).
    pub enum SessionStatus { Open => "open", Closed => "closed" }
}

open_enum! {
    /// Ours: what a change in the history did.
    pub enum HistoryEvent {
        Opened => "opened",
        CallbackPhoneChanged => "callback_phone_changed",
        AgentSet => "agent_set",
        AgentChanged => "agent_changed",
        AgentRemoved => "agent_removed",
        Closed => "closed",
    }
}

#[cfg(test)]
mod tests;
