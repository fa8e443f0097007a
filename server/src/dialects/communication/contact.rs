//! What a contact-us message does to the conversations: it always opens a new one (the
//! public form cannot name, continue or reopen an existing conversation). Shared by the
//! public route and the seed, so demo contacts land exactly as real ones do.

use super::input::ContactInput;
use super::store::{self, ConversationRecord, MessageRecord};
use super::CONTACT_ORIGIN_ID;
use crate::http::HttpError;
use crate::store::files::NewFile;
use rusqlite::Connection;
use switchboard_core::wire::communication::{ConversationStatusDto, TransmitterType};

/// The conversation a first contact message opens: the customer is known by their mail.
pub fn contact_conversation(
    id: String,
    contact_id: &str,
    contact: &ContactInput,
    now: &str,
) -> ConversationRecord {
    let reference: String = contact_id.chars().take(8).collect();
    ConversationRecord {
        id,
        trip_publication_id: CONTACT_ORIGIN_ID.to_owned(),
        trip_reference: format!("CONTACT-{reference}"),
        establishment_id: CONTACT_ORIGIN_ID.to_owned(),
        customer_id: contact.mail.clone(),
        assigned_agent_id: None,
        participants: vec![contact.mail.clone()],
        status: ConversationStatusDto::Open.to_string(),
        created_at: now.to_owned(),
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

/// Opens a conversation for the contact message and records the message in it, its files
/// attached to the conversation message. Runs inside the caller's transaction. `new_id`
/// makes the ids of what is created (random for requests, fixed for the seed).
pub fn record_contact(
    conn: &Connection,
    contact: ContactInput,
    files: &[NewFile],
    now: &str,
    new_id: &mut dyn FnMut() -> String,
) -> Result<store::ContactRecord, HttpError> {
    let contact_id = new_id();
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
/// a real one, with fresh ids, that nothing stores.
pub fn unrecorded_contact(
    contact: ContactInput,
    now: &str,
    new_id: &mut dyn FnMut() -> String,
) -> store::ContactRecord {
    let contact_id = new_id();
    contact.into_record(contact_id, new_id(), now)
}
