//! The reference server's own small endpoints, shared by server and console:
//! `GET /api/backends` (discovery) and `GET /api/agents` (who can be assigned).

use crate::domain::BackendKind;
use crate::error::ApiError;
use serde::{Deserialize, Serialize};

pub const BACKENDS_PATH: &str = "/api/backends";
/// The consoles' stream of changes (Server-Sent Events), for signed-in agents.
pub const EVENTS_PATH: &str = "/api/events";
/// Names the console (one browser tab) that sent a write, so its own changes come back
/// on the stream marked as its own and it does not ask again what it already shows.
pub const CLIENT_HEADER: &str = "x-switchboard-client";
pub const AGENTS_PATH: &str = "/api/agents";

/// Where the items followed on `backend` are listed (`GET`), and one is followed (`PUT
/// …/{item}`) or no longer (`DELETE …/{item}`): Switchboard's own list for the backends
/// that cannot list what exists.
pub fn follows_path(backend: &str) -> String {
    format!("/api/follows/{backend}")
}

/// One item the team follows on a backend that cannot list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowedItem {
    pub item_id: String,
    pub added_at: String,
    /// The agent who added it; `None` when the server did.
    #[serde(default)]
    pub added_by: Option<String>,
}

/// One connected backend: which dialect, its name (the URL segment of its conversations),
/// and where its API is mounted relative to the console's origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendDescriptor {
    pub kind: BackendKind,
    pub name: String,
    pub label: String,
    pub base_path: String,
    /// Where the team opens an item in the backend's own tool, `{number}` standing for
    /// the number agents know it by (`https://app.postcenter.io/tickets/{number}`), when
    /// the server is configured with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_link: Option<String>,
    /// How often the console asks this backend again for what is new, in seconds, when
    /// all is well (it backs off after failures); the console's own default without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_seconds: Option<u32>,
    /// Every change of this backend passes through the server, which pushes it on its
    /// event stream (an embedded backend): the console then asks it only now and then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pushed: bool,
}

/// The placeholder of [`BackendDescriptor::item_link`].
pub const ITEM_LINK_NUMBER: &str = "{number}";

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// The name of agent `id` among `agents`; the id itself when it is none of theirs.
pub fn agent_name(agents: &[Agent], id: &str) -> String {
    agents
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| id.to_owned(), |a| a.name.clone())
}

/// Switchboard's own error body on `/api`: a `message` and the request's `debug_id`.
#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    message: String,
    #[serde(default)]
    debug_id: String,
}

/// An error from Switchboard's own endpoints as the one domain error.
pub fn decode_error(status: u16, body: &str, correlation_id: Option<String>) -> ApiError {
    let mut error = ApiError::from_status(status, correlation_id);
    if let Ok(parsed) = serde_json::from_str::<ErrorBody>(body) {
        error.backend_message = Some(parsed.message).filter(|m| !m.trim().is_empty());
        if !parsed.debug_id.is_empty() {
            error.correlation_id = Some(parsed.debug_id);
        }
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_uses_kebab_kinds_and_camel_fields() {
        let raw = r#"[{"kind":"communication","name":"communication","label":"Communication","basePath":"/communication/v1"}]"#;
        let backends: Vec<BackendDescriptor> = serde_json::from_str(raw).unwrap();
        assert_eq!(backends[0].kind, BackendKind::Communication);
        assert_eq!(serde_json::to_string(&backends).unwrap(), raw);
    }

    #[test]
    fn its_own_error_body_is_read() {
        let e = decode_error(404, r#"{"message":"No such route","debug_id":"d-1"}"#, None);
        assert_eq!(e.backend_message.as_deref(), Some("No such route"));
        assert_eq!(e.correlation_id.as_deref(), Some("d-1"));
    }
}
