//! The assignee Switchboard keeps where the vendor has none (`docs/assignments.md`):
//! Octopia's discussions and the repair cases. Their connectors read the backend's kept
//! assignments beside the vendor's rows and put each assignee on its conversation, so
//! "Mine", "Unassigned", the counts and the header's assignee work as on every backend;
//! assigning writes here, never to the vendor. Shared plumbing beside the connectors,
//! as follows are.

use super::follows::read_all;
use super::http::{Client, Method};
use std::collections::HashMap;
use switchboard_core::assignments::{KeptAssignment, SetAssignee, ASSIGNMENTS_PATH};
use switchboard_core::directory::decode_error;
use switchboard_core::domain::{encode_path_segment, AssigneeFilter, Conversation, InboxQuery};
use switchboard_core::error::ApiError;
use switchboard_core::lenient::readable;

/// `/api/assignments` speaks Switchboard's own error body.
const OWN: Client = Client::new(decode_error);

/// How many conversations "Mine" reads at once.
const READ_AT_ONCE: usize = 6;

/// One backend's kept assignments, by conversation id.
pub type Kept = HashMap<String, String>;

/// A backend's kept assignments, at the server that keeps them.
#[derive(Clone, Debug)]
pub struct KeptAssignments {
    url: String,
}

impl KeptAssignments {
    pub fn new(origin: &str, backend: &str) -> Self {
        KeptAssignments {
            url: format!(
                "{origin}{ASSIGNMENTS_PATH}/{}",
                encode_path_segment(backend)
            ),
        }
    }

    /// Every kept assignment of the backend.
    pub async fn all(&self) -> Result<Kept, ApiError> {
        let rows = OWN.get_json(&self.url).await?;
        Ok(readable::<KeptAssignment>(rows)
            .into_iter()
            .map(|kept| (kept.conversation_id, kept.agent_id))
            .collect())
    }

    /// Assigns conversation `id` to `agent`, or to no one.
    pub async fn set(&self, id: &str, agent: Option<&str>) -> Result<(), ApiError> {
        let url = format!("{}/{}", self.url, encode_path_segment(id));
        let body = SetAssignee {
            agent_id: agent.map(str::to_owned),
        };
        OWN.send_json::<_, Option<KeptAssignment>>(Method::Put, &url, &body)
            .await
            .map(|_| ())
    }

    /// `conversation` with its kept assignee, and assignable.
    pub fn apply(conversation: &mut Conversation, kept: &Kept) {
        conversation.assignee = kept.get(&conversation.key.id).cloned();
        conversation.capabilities.assign = true;
        conversation.capabilities.unassign = true;
    }

    /// One conversation as read from the vendor, with its kept assignee.
    pub async fn one(&self, mut conversation: Conversation) -> Result<Conversation, ApiError> {
        let kept = self.all().await?;
        Self::apply(&mut conversation, &kept);
        Ok(conversation)
    }

    /// "Mine": every conversation kept as the signed-in agent's, read one by one from the
    /// vendor (`read`) and kept when the rest of the view admits it; how many could not
    /// be read.
    pub async fn mine<F, Fut>(
        &self,
        query: &InboxQuery,
        read: F,
    ) -> Result<(Vec<Conversation>, usize), ApiError>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<Conversation, ApiError>>,
    {
        let kept = self.all().await?;
        let me = query.me.as_deref().unwrap_or_default();
        let ids: Vec<String> = kept
            .iter()
            .filter(|(_, agent)| agent.as_str() == me)
            .map(|(id, _)| id.clone())
            .collect();
        let mut rows = Vec::new();
        let mut unreadable = 0;
        for (_, read) in read_all(ids, READ_AT_ONCE, read).await {
            match read {
                Ok(mut conversation) => {
                    Self::apply(&mut conversation, &kept);
                    if query.admits(&conversation) {
                        rows.push(conversation);
                    }
                }
                Err(_) => unreadable += 1,
            }
        }
        rows.sort_by_key(|row| std::cmp::Reverse(row.last_activity));
        Ok((rows, unreadable))
    }

    /// A page of the vendor's rows with their kept assignees, narrowed to "Unassigned"
    /// when that is the view (the vendor cannot narrow it: said in the slice).
    pub fn narrow(rows: &mut Vec<Conversation>, kept: &Kept, query: &InboxQuery) -> bool {
        for row in rows.iter_mut() {
            Self::apply(row, kept);
        }
        if query.assignee == AssigneeFilter::Unassigned {
            rows.retain(|row| row.assignee.is_none());
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::domain::{BackendKind, ConversationKey, ConversationStatus};

    fn row(id: &str) -> Conversation {
        Conversation::new(
            ConversationKey::new("octopia", id),
            BackendKind::Octopia,
            id,
            ConversationStatus::Open,
            switchboard_core::wire::octopia::CAPABILITIES,
        )
    }

    #[test]
    fn rows_take_their_kept_assignee_and_unassigned_keeps_only_the_others() {
        let kept: Kept = [("d-2".to_owned(), "a1".to_owned())].into_iter().collect();
        let mut rows = vec![row("d-1"), row("d-2")];
        let all = InboxQuery::default();
        assert!(!KeptAssignments::narrow(&mut rows, &kept, &all));
        assert_eq!(rows[1].assignee.as_deref(), Some("a1"));
        assert!(rows
            .iter()
            .all(|r| r.capabilities.assign && r.capabilities.unassign));
        let unassigned = InboxQuery {
            assignee: AssigneeFilter::Unassigned,
            ..InboxQuery::default()
        };
        assert!(KeptAssignments::narrow(&mut rows, &kept, &unassigned));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].key.id, "d-1");
    }
}
