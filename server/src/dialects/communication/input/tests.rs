//! The checks of `input`, field by field: what each body refuses and what it fills in.

use super::*;
use switchboard_core::i18n::Lang;
use switchboard_core::wire::communication::{MailCategory, MailDto, ProductType};

fn fields(error: &HttpError) -> Vec<&str> {
    error.problems.iter().map(|p| p.field.as_str()).collect()
}

#[test]
fn a_conversation_names_every_missing_field() {
    let error = conversation(ConversationDto::default(), LastMessage::Ignored).unwrap_err();
    assert_eq!(
        fields(&error),
        [
            "tripPublicationId",
            "tripReference",
            "establishmentId",
            "customerId"
        ]
    );
}

#[test]
fn a_conversation_refuses_unknown_status_and_long_ids() {
    let dto = ConversationDto {
        trip_publication_id: Some("p".into()),
        trip_reference: Some("r".repeat(MAX_ID_LENGTH + 1)),
        establishment_id: Some("e".into()),
        customer_id: Some("c".into()),
        status: Some(ConversationStatusDto::Other("PENDING".into())),
        ..Default::default()
    };
    let error = conversation(dto, LastMessage::Ignored).unwrap_err();
    assert_eq!(fields(&error), ["tripReference", "status"]);
    assert!(error.problems[1].issue.contains("OPEN, CLOSED, ARCHIVED"));
}

#[test]
fn a_message_gets_defaults_and_normalised_dates() {
    let input = message(
        MessageDto {
            content: Some("Bonjour 👋".into()),
            received_date: Some("2026-04-12T11:30:00+02:00".into()),
            ..Default::default()
        },
        Files::None,
    )
    .unwrap();
    assert_eq!(input.transmitter_type, "AGENT");
    assert_eq!(input.content_type, "TEXT");
    assert_eq!(input.status, "SENT");
    assert_eq!(
        input.received_date.as_deref(),
        Some("2026-04-12T09:30:00.000Z")
    );
    let record = input.into_record("m1".into(), "c1", "2026-04-12T10:00:00.000Z");
    assert_eq!(record.sending_date, "2026-04-12T10:00:00.000Z");
}

#[test]
fn a_message_refuses_blank_or_long_content_and_unknown_enums() {
    let error = message(
        MessageDto {
            content: Some(" ".into()),
            transmitter_type: Some(TransmitterType::Other("BOT".into())),
            sending_date: Some("yesterday".into()),
            ..Default::default()
        },
        Files::None,
    )
    .unwrap_err();
    assert_eq!(
        fields(&error),
        ["sendingDate", "transmitterType", "content"]
    );
    let error = message(
        MessageDto {
            content: Some("x".repeat(5_001)),
            ..Default::default()
        },
        Files::Attached,
    )
    .unwrap_err();
    assert!(error.problems[0].issue.contains("at most 5000"), "{error}");
}

#[test]
fn with_files_the_text_may_be_empty() {
    let blank = || MessageDto {
        content: Some("  ".into()),
        ..Default::default()
    };
    assert!(message(blank(), Files::Attached).is_ok());
    assert_eq!(
        fields(&message(blank(), Files::None).unwrap_err()),
        ["content"]
    );
}

#[test]
fn the_contact_form_rules_are_the_browsers() {
    let error = contact(
        ContactRequest {
            mail: Some("not-an-address".into()),
            message: Some("short".into()),
            ..Default::default()
        },
        Lang::En,
    )
    .unwrap_err();
    assert_eq!(fields(&error), ["name", "mail", "object", "message"]);
    assert!(error.problems[1]
        .issue
        .contains("not a valid email address"));
}

#[test]
fn a_mail_needs_receivers_and_a_known_category() {
    let error = mail(
        MailDto {
            category: Some(MailCategory::Other("SPAM".into())),
            product_type: Some(ProductType::Other("CAR".into())),
            ..Default::default()
        },
        "id".into(),
        "now",
    )
    .unwrap_err();
    assert_eq!(fields(&error), ["receiversId", "productType", "category"]);
}

#[test]
fn assigning_needs_an_id() {
    let error = assigned_agent(AssignAgentRequest::default()).unwrap_err();
    assert_eq!(fields(&error), ["assignedAgentId"]);
    assert!(error.problems[0].issue.contains("null"));
}

#[test]
fn a_customer_name_is_trimmed_and_checked_like_the_forms() {
    let with_name = |name: serde_json::Value| ConversationDto {
        trip_publication_id: Some("p".into()),
        trip_reference: Some("r".into()),
        establishment_id: Some("e".into()),
        customer_id: Some("c".into()),
        extra: serde_json::Map::from_iter([(CUSTOMER_NAME_FIELD.to_owned(), name)]),
        ..Default::default()
    };
    let read = |name| conversation(with_name(name), LastMessage::Ignored);
    assert_eq!(
        read(serde_json::json!(" Ana Ruiz "))
            .unwrap()
            .customer_name
            .as_deref(),
        Some("Ana Ruiz")
    );
    assert_eq!(read(serde_json::json!(null)).unwrap().customer_name, None);
    assert_eq!(read(serde_json::json!("")).unwrap().customer_name, None);
    for wrong in [
        serde_json::json!("a".repeat(101)),
        serde_json::json!(["Ana"]),
    ] {
        assert_eq!(fields(&read(wrong).unwrap_err()), [CUSTOMER_NAME_FIELD]);
    }
}

#[test]
fn past_the_cap_the_earliest_participants_make_room_but_never_the_customer_or_assignee() {
    let mut record = ConversationRecord {
        id: "c".into(),
        trip_publication_id: "pub".into(),
        trip_reference: "TRIP-1".into(),
        establishment_id: "est".into(),
        customer_id: "ana@example.es".into(),
        assigned_agent_id: Some("agent-lea".into()),
        participants: vec!["ana@example.es".into(), "agent-lea".into()],
        status: "OPEN".into(),
        created_at: "2026-01-01T00:00:00Z".into(),
        customer_name: None,
        version: 1,
        changed_by: None,
    };
    for n in 0..MAX_PARTICIPANTS + 10 {
        include(&mut record.participants, &format!("writer-{n}"));
        cap_participants(&mut record);
    }
    assert_eq!(record.participants.len(), MAX_PARTICIPANTS);
    // The customer and the assignee stay; the newest 48 writers (12 to 59) fill the rest.
    assert_eq!(record.participants[..2], ["ana@example.es", "agent-lea"]);
    assert!(!record.participants.contains(&"writer-11".to_owned()));
    assert!(record.participants.contains(&"writer-12".to_owned()));
    assert_eq!(
        record.participants.last().map(String::as_str),
        Some(format!("writer-{}", MAX_PARTICIPANTS + 9).as_str())
    );
}
