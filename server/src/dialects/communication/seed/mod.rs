//! The communication API's demo data: about forty travel-booking conversations in French,
//! Spanish and English (texts in [`scenarios`]), a few with files, a few contact-us
//! messages (through the public form's own path) and mails.

mod scenarios;

use super::contact::record_contact;
use super::input::ContactInput;
use super::store::{self, ConversationRecord, MailRecord, MessageRecord};
use crate::http::HttpError;
use crate::seed::files::{access_map_png, demo_files_by_message, pdf, screenshot_png};
use crate::seed::{seed_uuid, Seed, AGENTS};
use crate::store::files::NewFile;
use crate::store::{StoreError, Tx};
use chrono::{DateTime, Duration, Utc};
use scenarios::{
    Customer, Language, Scenario, ENGLISH_CUSTOMERS, FRENCH_CUSTOMERS, LONG_SCENARIO,
    REGULAR_SCENARIOS, SCRIPT_SCENARIO, SPANISH_CUSTOMERS, STAYS,
};
use switchboard_core::wire::communication::{
    ConversationStatusDto, MailCategory, MessageStatus, ProductType, TransmitterType,
    ATTACHMENT_POLICY,
};
use switchboard_core::wire::format_instant;

pub const CONVERSATION_COUNT: u32 = 40;

/// How the dialects list seeds this API.
pub const SEED: Seed = Seed { is_empty, run };

/// No conversation yet.
fn is_empty(conn: &Tx) -> Result<bool, StoreError> {
    Ok(store::count_conversations(conn)? == 0)
}

/// The conversations with their messages and files, the contact-us messages, the mails.
fn run(conn: &Tx, now: DateTime<Utc>) -> Result<(), HttpError> {
    for index in 0..CONVERSATION_COUNT {
        let (conversation, messages) = demo_conversation(index, now);
        store::insert_conversation(conn, &conversation)?;
        for message in &messages {
            store::insert_message(conn, message)?;
        }
        for (message_id, files) in demo_attachments(index, &messages)? {
            store::insert_message_files(conn, &message_id, &files)?;
        }
    }
    seed_contacts(conn, now)?;
    for mail in demo_mails(now) {
        store::insert_mail(conn, &mail)?;
    }
    Ok(())
}

fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}

fn status_of(index: u32) -> ConversationStatusDto {
    if index % 7 == 4 {
        ConversationStatusDto::Archived
    } else if index % 4 == 3 {
        ConversationStatusDto::Closed
    } else {
        ConversationStatusDto::Open
    }
}

fn scenario_of(index: u32) -> &'static Scenario {
    match index {
        2 => &SCRIPT_SCENARIO,
        6 => &LONG_SCENARIO,
        _ => &REGULAR_SCENARIOS[(index as usize * 5) % REGULAR_SCENARIOS.len()],
    }
}

fn trip_of(index: u32) -> String {
    format!("TRIP-2026-{:04}", 300 + index * 7)
}

fn reservation_of(index: u32) -> String {
    format!("RES-{}", 48_100 + index * 37)
}

fn customer_of(language: Language, index: u32) -> Customer {
    let pool: &[Customer] = match language {
        Language::French => &FRENCH_CUSTOMERS,
        Language::Spanish => &SPANISH_CUSTOMERS,
        Language::English => &ENGLISH_CUSTOMERS,
    };
    pool[index as usize % pool.len()]
}

fn demo_conversation(index: u32, now: DateTime<Utc>) -> (ConversationRecord, Vec<MessageRecord>) {
    let i = i64::from(index);
    let scenario = scenario_of(index);
    let (first_name, full_name, email) = customer_of(scenario.language, index);
    let (establishment_id, stay, city) = STAYS[(index as usize * 3 + 1) % STAYS.len()];
    let trip = trip_of(index);
    let reservation = reservation_of(index);
    let conversation_id = seed_uuid(1, u64::from(index));

    // Some conversations wait in the queue; the others are spread over every agent.
    let assigned = (index % 6 != 1).then(|| AGENTS[(index as usize * 3) % AGENTS.len()].0);
    // Who answered: the assignee, or for a queued one whoever took it before it was released.
    let responder = assigned.unwrap_or(AGENTS[(index as usize + 2) % AGENTS.len()].0);

    // The newest activity runs from 5 minutes to about 29 days ago, denser near now.
    let last_at = now - minutes(5 + 27 * i * i);
    let count = scenario.messages.len();
    let mut sent_at = Vec::with_capacity(count);
    let mut at = last_at;
    for k in (0..count).rev() {
        sent_at.push(at);
        at -= minutes(4 + ((i * 7 + k as i64 * 11) % 50));
    }
    sent_at.reverse();
    let created_at = sent_at[0] - minutes(2);

    let fill = |template: &str| {
        template
            .replace("{first}", first_name)
            .replace("{trip}", &trip)
            .replace("{res}", &reservation)
            .replace("{stay}", stay)
            .replace("{city}", city)
    };
    let messages: Vec<MessageRecord> = scenario
        .messages
        .iter()
        .enumerate()
        .map(|(k, template)| {
            let from_customer = k % 2 == 0;
            let is_last = k + 1 == count;
            let status = match (is_last, index % 2) {
                (false, _) => MessageStatus::Read,
                (true, 0) => MessageStatus::Delivered,
                (true, _) => MessageStatus::Sent,
            };
            let received_date =
                (status != MessageStatus::Sent).then(|| format_instant(sent_at[k] + minutes(1)));
            let (transmitter_type, transmitter, receiver) = if from_customer {
                (TransmitterType::Customer, Some(email), assigned)
            } else {
                (TransmitterType::Agent, Some(responder), Some(email))
            };
            MessageRecord {
                id: seed_uuid(2, u64::from(index) * 16 + k as u64),
                conversation_id: conversation_id.clone(),
                sending_date: format_instant(sent_at[k]),
                transmitter_id: transmitter.map(str::to_owned),
                receiver_id: receiver.map(str::to_owned),
                transmitter_type: transmitter_type.to_string(),
                content: fill(template),
                content_type: "TEXT".to_owned(),
                status: status.to_string(),
                received_date,
                attachments: Vec::new(),
            }
        })
        .collect();

    let mut participants = vec![email.to_owned()];
    if count > 1 {
        participants.push(responder.to_owned());
    }
    if let Some(agent) = assigned {
        if agent != responder {
            participants.push(agent.to_owned());
        }
    }
    let conversation = ConversationRecord {
        id: conversation_id,
        trip_publication_id: format!("pub-{}-2026", establishment_id.trim_start_matches("est-")),
        trip_reference: trip,
        establishment_id: establishment_id.to_owned(),
        customer_id: email.to_owned(),
        assigned_agent_id: assigned.map(str::to_owned),
        participants,
        status: status_of(index).to_string(),
        created_at: format_instant(created_at),
        customer_name: Some(full_name.to_owned()),
        version: 1,
        changed_by: None,
    };
    (conversation, messages)
}

// ---- demo attachments ---------------------------------------------------------------------

/// The files a few demo messages carry, made here so the seed needs no asset: a customer's
/// screenshot, an agent's map, a confirmation. `(message index, name, bytes)`.
fn demo_files(index: u32) -> Vec<(usize, String, Vec<u8>)> {
    let trip = trip_of(index);
    let reservation = reservation_of(index);
    match index {
        // "The host leaves the keys in a key box": the agent sends the way in.
        0 => vec![(1, "plan d'accès.png".to_owned(), access_map_png())],
        // The customer shows the booking whose dates should change.
        5 => vec![(
            0,
            "captura-reserva.png".to_owned(),
            screenshot_png(0x1a73e8),
        )],
        // The long request: the updated confirmation and the easier walking route.
        6 => vec![
            (
                1,
                format!("confirmation-{reservation}.pdf"),
                pdf(
                    &format!("Booking confirmation {reservation}"),
                    &[
                        &format!("Trip: {trip}"),
                        "Travellers: 4 (Eoin's name corrected)",
                        "Extra night added at the end of the tour.",
                        "Return flight: 07:10, new times confirmed.",
                    ],
                ),
            ),
            (1, "easier-route.png".to_owned(), access_map_png()),
        ],
        // "My card was declined": the customer's screenshot of the error.
        10 => vec![(0, "card-declined.png".to_owned(), screenshot_png(0xd93025))],
        _ => Vec::new(),
    }
}

/// The demo files of one conversation, checked like uploads, grouped by message id.
fn demo_attachments(
    index: u32,
    messages: &[MessageRecord],
) -> Result<Vec<(String, Vec<NewFile>)>, HttpError> {
    let messages: Vec<(&str, &str)> = messages
        .iter()
        .map(|message| (message.id.as_str(), message.sending_date.as_str()))
        .collect();
    demo_files_by_message(
        &ATTACHMENT_POLICY,
        (5, u64::from(index)),
        demo_files(index),
        &messages,
    )
}

/// A demo contact message: (minutes ago, reference, name, mail, object, message).
type DemoContact = (
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The demo contact messages; their references are fixed, so a demo can quote them.
const DEMO_CONTACTS: [DemoContact; 3] = [
        (
            38,
            "C-4QK7M2XD",
            "Inès Bouchard",
            "ines.bouchard@gmail.com",
            "Question sur une réservation",
            "Bonjour, je n'ai pas reçu l'e-mail de confirmation de ma réservation au Riad Zitoun. Pouvez-vous vérifier ? Merci !",
        ),
        (
            60 * 7,
            "C-9TB3W6RH",
            "Marco Rossi",
            "marco.rossi@libero.it",
            "Group trip for 12 people",
            "Hello, we are a hiking club of 12 and would like a private version of your Chamonix trip in September. Is that possible?",
        ),
        (
            60 * 53,
            "C-H2N8PZ5E",
            "Alejandra Gómez",
            "alejandra.gomez@hotmail.com",
            "Factura de mi viaje",
            "Hola, necesito la factura de mi viaje a Oaxaca con mis datos fiscales. ¿A quién se la pido?",
        ),
];

/// Contact-us messages go through the same path as the public form, so each opens its
/// conversation exactly as a real one would.
fn seed_contacts(conn: &Tx, now: DateTime<Utc>) -> Result<(), HttpError> {
    let mut next = 0u64;
    let mut new_id = || {
        next += 1;
        seed_uuid(3, next)
    };
    for (ago, reference, name, mail, object, message) in DEMO_CONTACTS {
        let contact = ContactInput {
            name: name.to_owned(),
            mail: mail.to_owned(),
            object: object.to_owned(),
            message: message.to_owned(),
        };
        record_contact(
            conn,
            contact,
            &[],
            &format_instant(now - minutes(ago)),
            &mut new_id,
            &mut || reference.to_owned(),
        )?;
    }
    Ok(())
}

fn demo_mails(now: DateTime<Utc>) -> Vec<MailRecord> {
    vec![
        MailRecord {
            id: seed_uuid(4, 1),
            sending_date: format_instant(now - minutes(60 * 26)),
            receivers_id: vec!["olivia.bennett@outlook.com".to_owned()],
            publication_id: Some("pub-riad-zitoun-2026".to_owned()),
            reservation_id: Some("RES-48137".to_owned()),
            product_type: Some(ProductType::Trip.to_string()),
            organization_id: None,
            establishment_id: Some("est-riad-zitoun".to_owned()),
            category: MailCategory::ClientTripBookingNotification.to_string(),
        },
        MailRecord {
            id: seed_uuid(4, 2),
            sending_date: format_instant(now - minutes(60 * 75)),
            receivers_id: vec!["host-villa-limoni".to_owned()],
            publication_id: None,
            reservation_id: Some("RES-48211".to_owned()),
            product_type: Some(ProductType::Hote.to_string()),
            organization_id: Some("org-limoni-stays".to_owned()),
            establishment_id: Some("est-villa-limoni".to_owned()),
            category: MailCategory::PartnerPaymentNotification.to_string(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialects::communication::reference;

    #[test]
    fn seeded_conversations_have_two_to_eight_alternating_messages() {
        let now = Utc::now();
        let mut seen_script = false;
        for index in 0..CONVERSATION_COUNT {
            let (conversation, messages) = demo_conversation(index, now);
            assert!((2..=8).contains(&messages.len()), "{index}");
            for pair in messages.windows(2) {
                assert_ne!(pair[0].transmitter_type, pair[1].transmitter_type);
                assert!(pair[0].sending_date < pair[1].sending_date);
            }
            assert!(conversation.created_at < messages[0].sending_date);
            assert!(messages.iter().all(|m| !m.content.contains('{')), "{index}");
            seen_script |= messages
                .iter()
                .any(|m| m.content == "<script>alert('x')</script> is this safe?");
        }
        assert!(seen_script);
    }

    #[test]
    fn demo_contacts_have_distinct_well_formed_references() {
        let references: std::collections::HashSet<&str> =
            DEMO_CONTACTS.iter().map(|contact| contact.1).collect();
        assert_eq!(references.len(), DEMO_CONTACTS.len());
        assert!(references.iter().all(|r| reference::is_reference(r)));
    }

    #[test]
    fn a_few_demo_messages_carry_valid_files() {
        let now = Utc::now();
        let mut messages_with_files = 0;
        for index in 0..CONVERSATION_COUNT {
            let (_, messages) = demo_conversation(index, now);
            let groups = demo_attachments(index, &messages).unwrap();
            assert_eq!(
                groups.iter().map(|(_, files)| files.len()).sum::<usize>(),
                demo_files(index).len(),
                "every demo file lands on a message of conversation {index}"
            );
            messages_with_files += groups.len();
        }
        assert!(
            (3..=5).contains(&messages_with_files),
            "{messages_with_files}"
        );
        let names: Vec<String> = demo_files(0).into_iter().map(|(_, name, _)| name).collect();
        assert_eq!(names, ["plan d'accès.png"]);
    }
}
