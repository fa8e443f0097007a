//! Assignment kept by Switchboard (`docs/assignments.md`): Octopia's discussions and the
//! repair cases have no assignee in their vendors' APIs, so Switchboard keeps one for
//! them, and "Mine" and "Unassigned" mean the same on every backend. Where a vendor
//! assigns (the communication API, PostCenter, support sessions), the vendor's stays the
//! truth and nothing is kept twice: [`kept_by_switchboard`] says which is which, once,
//! for the server and the console.

use crate::domain::BackendKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `GET {ASSIGNMENTS_PATH}/{backend}` lists a backend's kept assignments; `PUT
/// {ASSIGNMENTS_PATH}/{backend}/{conversation}` sets or clears one.
pub const ASSIGNMENTS_PATH: &str = "/api/assignments";

/// Whether Switchboard keeps the assignee of this kind of backend's conversations.
pub fn kept_by_switchboard(kind: BackendKind) -> bool {
    matches!(kind, BackendKind::Octopia | BackendKind::CaseMessages)
}

/// One kept assignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptAssignment {
    pub conversation_id: String,
    pub agent_id: String,
    /// The agent who assigned it.
    pub assigned_by: String,
    pub assigned_at: DateTime<Utc>,
}

/// What the console sends: the agent, or `null` to leave it unassigned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetAssignee {
    pub agent_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switchboard_keeps_the_assignee_only_where_the_vendor_has_none() {
        assert!(kept_by_switchboard(BackendKind::Octopia));
        assert!(kept_by_switchboard(BackendKind::CaseMessages));
        assert!(!kept_by_switchboard(BackendKind::Communication));
        assert!(!kept_by_switchboard(BackendKind::Postcenter));
        assert!(!kept_by_switchboard(BackendKind::SupportSessions));
    }

    #[test]
    fn unassigning_is_a_null_agent() {
        let clear: SetAssignee = serde_json::from_str(r#"{"agentId":null}"#).unwrap();
        assert_eq!(clear.agent_id, None);
        let set: SetAssignee = serde_json::from_str(r#"{"agentId":"a1"}"#).unwrap();
        assert_eq!(set.agent_id.as_deref(), Some("a1"));
    }
}
