//! What the console sends to the communication API, built from the domain (the other
//! direction of [`super::map`]), so every body is tested natively.

use super::dto::*;
use super::{ContentType, TransmitterType};
use crate::domain::Reply;
use crate::validation::ContactForm;

/// "Add a message" to the conversation `conversation_id`: the agent's text. (The server
/// writes it as the signed-in agent whatever the body says; the body says it too, as the
/// document asks.)
pub fn reply_to_wire(conversation_id: &str, reply: &Reply) -> MessageDto {
    MessageDto {
        conversation_id: Some(conversation_id.to_owned()),
        transmitter_id: Some(reply.agent_id.clone()),
        transmitter_type: Some(TransmitterType::Agent),
        content: Some(reply.body.clone()),
        content_type: Some(ContentType::Text),
        ..Default::default()
    }
}

/// "Create a contact-us message" from the public form: its four fields trimmed, and the
/// honeypot only when a robot filled it.
pub fn contact_to_wire(form: &ContactForm) -> ContactMessageDto {
    ContactMessageDto {
        name: Some(form.name.trim().to_owned()),
        mail: Some(form.email.trim().to_owned()),
        object: Some(form.subject.trim().to_owned()),
        message: Some(form.message.trim().to_owned()),
        website: Some(form.website.clone()).filter(|w| !w.is_empty()),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_is_the_agents_text_in_its_conversation() {
        let reply = Reply {
            agent_id: "agent-camille".into(),
            body: "Yes, breakfast is included.".into(),
            ..Reply::default()
        };
        let json = serde_json::to_value(reply_to_wire("c-0001", &reply)).unwrap();
        assert_eq!(json["conversationId"], "c-0001");
        assert_eq!(json["transmitterId"], "agent-camille");
        assert_eq!(json["transmitterType"], "AGENT");
        assert_eq!(json["content"], "Yes, breakfast is included.");
        assert_eq!(json["contentType"], "TEXT");
    }

    #[test]
    fn the_contact_form_is_sent_trimmed_and_without_an_empty_honeypot() {
        let form = ContactForm {
            name: " Zoë ".into(),
            email: "zoe@example.fr ".into(),
            subject: " Facture".into(),
            message: " Bonjour ".into(),
            website: String::new(),
        };
        let json = serde_json::to_value(contact_to_wire(&form)).unwrap();
        assert_eq!(json["name"], "Zoë");
        assert_eq!(json["mail"], "zoe@example.fr");
        assert_eq!(json["object"], "Facture");
        assert_eq!(json["message"], "Bonjour");
        assert!(json.get("website").is_none(), "{json}");
        let robot = ContactForm {
            website: "http://spam.example".into(),
            ..form
        };
        assert_eq!(
            contact_to_wire(&robot).website.as_deref(),
            Some("http://spam.example")
        );
    }
}
