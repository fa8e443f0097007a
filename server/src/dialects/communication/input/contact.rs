//! The public contact form's body: only the form's fields are read, each checked with the
//! browser's own rules.

use super::super::store::ContactRecord;
use crate::http::problems::Problems;
use crate::http::{HttpError, Location};
use serde::Deserialize;
use switchboard_core::i18n::{Lang, Say};
use switchboard_core::validation::{validate_contact_field, ContactField};

/// What the public form may set, and nothing else: any other field of the document's
/// contact message (`id`, `conversationId`, `sendingDate`, `transmitterId`, `receiverId`,
/// `required`, `links`) is ignored, whatever its type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ContactRequest {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub mail: Option<String>,
    #[serde(default)]
    pub object: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    /// The honeypot (our addition): a field the form hides from people, so only a robot
    /// fills it.
    #[serde(default)]
    pub website: Option<String>,
}

impl ContactRequest {
    /// Whether the honeypot was filled: then the message is answered but never stored.
    pub fn is_from_a_robot(&self) -> bool {
        self.website
            .as_deref()
            .is_some_and(|website| !website.trim().is_empty())
    }
}

/// The public form's body, checked with the form's own rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactInput {
    pub name: String,
    pub mail: String,
    pub object: String,
    pub message: String,
}

impl ContactInput {
    pub fn into_record(self, id: String, conversation_id: String, now: &str) -> ContactRecord {
        ContactRecord {
            id,
            conversation_id: Some(conversation_id),
            sending_date: now.to_owned(),
            receiver_id: None,
            transmitter_id: None,
            name: self.name,
            mail: self.mail,
            object: self.object,
            message: self.message,
            required: serde_json::Value::Null,
        }
    }
}

/// The four fields, each at most its limit of `core::validation::limits`.
/// Refusals are said in `lang`, the customer's.
pub fn contact(request: ContactRequest, lang: Lang) -> Result<ContactInput, HttpError> {
    let mut problems = Problems::default();
    let mut form_field = |field: ContactField, value: Option<String>| {
        let value = value.unwrap_or_default();
        if let Err(issue) = validate_contact_field(field, &value) {
            problems.add(Location::Body, field.wire_name(), &value, issue.say(lang));
        }
        value
    };
    let name = form_field(ContactField::Name, request.name)
        .trim()
        .to_owned();
    let mail = form_field(ContactField::Email, request.mail)
        .trim()
        .to_owned();
    let object = form_field(ContactField::Subject, request.object)
        .trim()
        .to_owned();
    let message = form_field(ContactField::Message, request.message);
    problems.finish()?;
    Ok(ContactInput {
        name,
        mail,
        object,
        message,
    })
}
