//! What the console sends to the case messages API, built from the domain (the other
//! direction of [`super::map`]), so every body is tested natively.

use super::dto::*;
use super::MessageType;
use crate::domain::Reply;

/// "Create a case message" for the case `guid`: the reply's words, its kind (a service
/// comment unless the agent chose one), the message it answers, and the reply's
/// idempotency key as the document's `external_id`, so a reply sent again after a lost
/// answer is the same message.
pub fn reply_to_wire(guid: &str, reply: &Reply) -> NewCaseMessageDto {
    NewCaseMessageDto {
        guid: guid.to_owned(),
        content: Some(reply.body.trim().to_owned()),
        kind: reply
            .kind
            .clone()
            .map_or(MessageType::ServiceComment, MessageType::from),
        declared_at: None,
        external_id: Some(reply.idempotency_key.clone()),
        parent_message_id: reply.in_reply_to.as_deref().and_then(|id| id.parse().ok()),
        user_email: None,
        user_name: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_answers_its_message_once_with_its_key_as_the_external_id() {
        let reply = Reply {
            body: "  The part ships Monday.  ".into(),
            in_reply_to: Some("4380".into()),
            idempotency_key: "k-1".into(),
            ..Reply::default()
        };
        let body = reply_to_wire("1e0abcb7", &reply);
        assert_eq!(body.guid, "1e0abcb7");
        assert_eq!(body.content.as_deref(), Some("The part ships Monday."));
        assert_eq!(body.kind, MessageType::ServiceComment);
        assert_eq!(body.parent_message_id, Some(4380));
        assert_eq!(body.external_id.as_deref(), Some("k-1"));
    }

    #[test]
    fn a_chosen_kind_is_sent_and_an_unreadable_parent_is_left_out() {
        let reply = Reply {
            kind: Some("CostProposal".into()),
            in_reply_to: Some("not-a-number".into()),
            ..Reply::default()
        };
        let body = reply_to_wire("g", &reply);
        assert_eq!(body.kind, MessageType::from("CostProposal".to_owned()));
        assert_eq!(body.parent_message_id, None);
    }
}
