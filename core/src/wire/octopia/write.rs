//! What the console sends to Octopia, built from the domain (the other direction of
//! [`super::map`]), so every body is tested natively. The files' bytes are read and
//! encoded by the console (the browser holds them); their bodies arrive here made.

use super::dto::*;
use super::UserType;
use crate::domain::Reply;

/// `POST /messages` in the discussion `discussion_id`: the reply's words from the seller
/// (the agent's id), to the receivers the agent chose (each with the role Octopia knows
/// them by), with its files.
pub fn reply_to_wire(
    discussion_id: &str,
    reply: &Reply,
    attachments: Vec<NewAttachmentDto>,
) -> NewMessageDto {
    NewMessageDto {
        body: Some(reply.body.clone()),
        discussion_id: Some(discussion_id.to_owned()),
        user_id: Some(reply.agent_id.clone()),
        user_type: Some(UserType::Seller),
        receivers: reply
            .recipients
            .iter()
            .map(|r| ReceiverDto {
                user_id: Some(r.id.clone()),
                user_type: Some(UserType::from(r.role.clone())),
                name: None,
            })
            .collect(),
        attachments,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Recipient;

    #[test]
    fn a_reply_goes_from_the_seller_to_the_chosen_receivers_with_their_roles() {
        let reply = Reply {
            agent_id: "agent-camille".into(),
            body: "Your parcel left today.".into(),
            recipients: vec![Recipient {
                id: "c-42".into(),
                role: "Customer".into(),
                label: "Customer · Camille Martin".into(),
            }],
            ..Reply::default()
        };
        let file = NewAttachmentDto {
            content: Some("JVBERi0=".into()),
            name: Some("invoice.pdf".into()),
            file_format: Some("pdf".into()),
        };
        let body = reply_to_wire("d-1", &reply, vec![file.clone()]);
        assert_eq!(body.discussion_id.as_deref(), Some("d-1"));
        assert_eq!(body.user_id.as_deref(), Some("agent-camille"));
        assert_eq!(body.user_type, Some(UserType::Seller));
        assert_eq!(body.receivers[0].user_id.as_deref(), Some("c-42"));
        assert_eq!(body.receivers[0].user_type, Some(UserType::Customer));
        assert_eq!(body.attachments, vec![file]);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["userType"], "Seller");
        assert_eq!(json["receivers"][0]["userType"], "Customer");
    }
}
