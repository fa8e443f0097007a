//! What a contact-us message does to the conversations: it always opens a new one (the
//! public form cannot name, continue or reopen an existing conversation), whose
//! `tripReference` is the message's short reference ([`super::reference`]). Shared by the
//! public route and the seed, so demo contacts land exactly as real ones do.

use super::input::ContactInput;
use super::reference;
use super::store::{self, ConversationRecord, MessageRecord};
use super::CONTACT_ORIGIN_ID;
use crate::http::HttpError;
use crate::store::files::NewFile;
use crate::store::Tx;
use switchboard_core::wire::communication::{ConversationStatusDto, TransmitterType};

/// The conversation a first contact message opens: the customer is known by their mail,
/// and the agent sees the customer's reference (the contact message's id).
pub fn contact_conversation(
    id: String,
    contact_id: &str,
    contact: &ContactInput,
    now: &str,
) -> ConversationRecord {
    ConversationRecord {
        id,
        trip_publication_id: CONTACT_ORIGIN_ID.to_owned(),
        trip_reference: contact_id.to_owned(),
        establishment_id: CONTACT_ORIGIN_ID.to_owned(),
        customer_id: contact.mail.clone(),
        assigned_agent_id: None,
        participants: vec![contact.mail.clone()],
        status: ConversationStatusDto::Open.to_string(),
        created_at: now.to_owned(),
        customer_name: Some(contact.name.clone()),
        version: 1,
        changed_by: None,
    }
}

/// The conversation message a contact message becomes: its object on the first line.
pub fn contact_message(
    id: String,
    conversation_id: &str,
    contact: &ContactInput,
    now: &str,
) -> MessageRecord {
    MessageRecord {
        id,
        conversation_id: conversation_id.to_owned(),
        sending_date: now.to_owned(),
        transmitter_id: Some(contact.mail.clone()),
        receiver_id: None,
        transmitter_type: TransmitterType::Customer.to_string(),
        content: format!("{}\n{}", contact.object, contact.message),
        content_type: "TEXT".to_owned(),
        status: "SENT".to_owned(),
        received_date: None,
        attachments: Vec::new(),
    }
}

/// A reference no conversation (whatever the case) and no contact message has yet:
/// `new_reference` is drawn until one is free, at most [`reference::ATTEMPTS`] times.
pub fn free_reference(
    conn: &Tx,
    new_reference: &mut dyn FnMut() -> String,
) -> Result<String, HttpError> {
    for _ in 0..reference::ATTEMPTS {
        let candidate = new_reference();
        if !store::reference_taken(conn, &candidate)? {
            return Ok(candidate);
        }
    }
    Err(HttpError::internal(format!(
        "no free contact reference in {} draws",
        reference::ATTEMPTS
    )))
}

/// Opens a conversation for the contact message and records the message in it, its files
/// attached to the conversation message. Runs inside the caller's transaction. `new_id`
/// makes the ids of what is created, `new_reference` the contact message's own (its short
/// reference); both random for requests, fixed for the seed.
pub fn record_contact(
    conn: &Tx,
    contact: ContactInput,
    files: &[NewFile],
    now: &str,
    new_id: &mut dyn FnMut() -> String,
    new_reference: &mut dyn FnMut() -> String,
) -> Result<store::ContactRecord, HttpError> {
    let contact_id = free_reference(conn, new_reference)?;
    let conversation = contact_conversation(new_id(), &contact_id, &contact, now);
    store::insert_conversation(conn, &conversation)?;
    let message = contact_message(new_id(), &conversation.id, &contact, now);
    store::insert_message(conn, &message)?;
    store::insert_message_files(conn, &message.id, files)?;
    let record = contact.into_record(contact_id, conversation.id, now);
    store::insert_contact(conn, &record)?;
    Ok(record)
}

/// What a contact message whose honeypot was filled is answered with: a record shaped like
/// a real one, with a fresh reference and conversation id, that nothing stores.
pub fn unrecorded_contact(
    contact: ContactInput,
    now: &str,
    new_id: &mut dyn FnMut() -> String,
) -> store::ContactRecord {
    contact.into_record(reference::random(), new_id(), now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn form() -> ContactInput {
        ContactInput {
            name: "Zoë Lambert".into(),
            mail: "zoe@example.fr".into(),
            object: "Petit-déjeuner".into(),
            message: "Le petit-déjeuner est-il inclus ?".into(),
        }
    }

    /// Draws the given references in turn.
    fn draws(references: &'static [&'static str]) -> impl FnMut() -> String {
        let mut next = references.iter();
        move || next.next().map_or_else(String::new, |r| (*r).to_owned())
    }

    #[test]
    fn the_reference_is_the_contact_id_and_the_trip_reference() {
        let store = Store::in_memory(&crate::dialects::migrations());
        let mut n = 0;
        let mut new_id = || {
            n += 1;
            format!("id-{n}")
        };
        let record = store
            .run_blocking(|conn| {
                record_contact(
                    conn,
                    form(),
                    &[],
                    "2026-01-01T00:00:00.000Z",
                    &mut new_id,
                    &mut draws(&["C-4QK7M2XD"]),
                )
            })
            .unwrap();
        assert_eq!(record.id, "C-4QK7M2XD");
        let conversation_id = record.conversation_id.unwrap();
        let conversation = store
            .run_blocking(|conn| store::get_conversation(conn, &conversation_id))
            .unwrap()
            .unwrap();
        assert_eq!(conversation.trip_reference, "C-4QK7M2XD");
        assert_eq!(conversation.customer_name.as_deref(), Some("Zoë Lambert"));
    }

    #[test]
    fn a_taken_reference_in_any_case_is_drawn_again() {
        let store = Store::in_memory(&crate::dialects::migrations());
        let mut n = 0;
        let mut new_id = || {
            n += 1;
            format!("id-{n}")
        };
        let now = "2026-01-01T00:00:00.000Z";
        let second = store
            .run_blocking(|conn| {
                record_contact(
                    conn,
                    form(),
                    &[],
                    now,
                    &mut new_id,
                    &mut draws(&["C-AAAAAAAA"]),
                )?;
                // A conversation created through the API may hold one too, in lower case.
                let mut other = contact_conversation("other".into(), "c-bbbbbbbb", &form(), now);
                other.trip_reference = "c-bbbbbbbb".into();
                store::insert_conversation(conn, &other)?;
                let mut again = draws(&["C-AAAAAAAA", "C-BBBBBBBB", "C-CCCCCCCC"]);
                record_contact(conn, form(), &[], now, &mut new_id, &mut again)
            })
            .unwrap();
        assert_eq!(second.id, "C-CCCCCCCC");

        let error = store
            .run_blocking(|conn| free_reference(conn, &mut || "C-AAAAAAAA".to_owned()))
            .unwrap_err();
        assert_eq!(error.status, axum::http::StatusCode::INTERNAL_SERVER_ERROR);
    }
}
