//! The document's own examples, read as the connector reads them, and the forms it shows
//! only in passing: `identifier` as text and as a number, `subject` and `title`, three
//! time forms, Spanish and English states, a field of a type never seen.
#![cfg(test)]

use super::*;
use crate::domain::{AuthorKind, ConversationStatus};
use crate::i18n::Lang;
use crate::lenient::Lenient;
use chrono::{Datelike, Timelike};

fn fixture<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("the document's example reads")
}

#[test]
fn the_detail_example_is_a_closed_ticket_with_its_agent() {
    let dto: TicketDto = fixture(include_str!("../fixtures/ticket-detail.json"));
    let ticket = ticket_to_domain("postcenter", &dto, Lang::En).unwrap();
    assert_eq!(ticket.key.id, "583dcb2855d0a46e438d0206");
    assert_eq!(ticket.reference.as_deref(), Some("#261"));
    assert_eq!(ticket.status, ConversationStatus::Closed);
    let cm = ticket.assigned_to.expect("assigned");
    assert_eq!(cm.id, "467");
    assert_eq!(cm.name.as_deref(), Some("Francisco Pinto"));
    assert_eq!(cm.email.as_deref(), Some("fapint@somecorporate.com"));
    assert_eq!(ticket.badges, ["Facebook"]);
    assert_eq!(ticket.subject, None);
    assert!(ticket.other_fields.is_empty(), "{:?}", ticket.other_fields);
    let updated = ticket.last_activity.expect("a time with fractions");
    assert_eq!((updated.day(), updated.second()), (21, 29));
}

#[test]
fn a_customers_list_has_the_identifier_as_a_number_and_a_title() {
    let dto: TicketsDto = fixture(include_str!("../fixtures/customer-tickets.json"));
    let Lenient::Known(first) = &dto.tickets[0] else {
        panic!("a ticket")
    };
    let ticket = ticket_to_domain("postcenter", first, Lang::En).unwrap();
    assert_eq!(ticket.reference.as_deref(), Some("#1242"));
    let mut titled = first.clone();
    titled.title = Some(Lenient::Known("Factura de marzo".into()));
    assert_eq!(
        ticket_to_domain("postcenter", &titled, Lang::En)
            .unwrap()
            .subject
            .as_deref(),
        Some("Factura de marzo")
    );
}

#[test]
fn the_paginated_example_reads_spanish_states_and_list_times() {
    let page: TicketPageDto = fixture(include_str!("../fixtures/paginated-page-1.json"));
    assert_eq!(page.next_page.as_deref(), Some("5cb8fa940715430c9c8824f3"));
    let Lenient::Known(first) = &page.tickets[0] else {
        panic!("a ticket")
    };
    let ticket = ticket_to_domain("postcenter", first, Lang::En).unwrap();
    assert_eq!(ticket.status, ConversationStatus::Open);
    assert_eq!(ticket.reference.as_deref(), Some("#322"));
    let at = ticket.last_activity.expect("DD-MM-YYYY hh:mm:ss");
    assert_eq!(
        (at.day(), at.month(), at.hour(), at.minute()),
        (18, 4, 22, 30)
    );
    let last: TicketPageDto = fixture(include_str!("../fixtures/paginated-page-2.json"));
    assert_eq!(last.next_page, None);
    assert_eq!(last.number_of_tickets, Some(2));
}

#[test]
fn states_are_read_in_both_languages() {
    for (word, state) in [
        ("Abierto", State::Open),
        ("open", State::Open),
        ("Cerrado", State::Closed),
        ("closed", State::Closed),
        ("Ignorado", State::Ignored),
        ("En Progreso", State::InProgress),
        ("inProgress", State::InProgress),
    ] {
        assert_eq!(State::from_word(word), Some(state), "{word}");
    }
    assert_eq!(State::from_word("Pendiente"), None);
    assert_eq!(
        ticket_status(Some("Pendiente"), None),
        ConversationStatus::Other("Pendiente".into())
    );
    assert_eq!(ticket_status(None, Some(false)), ConversationStatus::Open);
}

#[test]
fn nobody_assigned_reads_the_same_as_null_an_object_of_nulls_or_nothing() {
    for assignment in [
        r#""current_assignment": null,"#,
        r#""current_assignment": {"cmid": null, "name": null, "email": null},"#,
        r#""current_assignment": {},"#,
        "",
    ] {
        let json = format!(r#"{{"id": "t-1", {assignment} "identifier": "7"}}"#);
        let dto: TicketDto = serde_json::from_str(&json).unwrap();
        let ticket = ticket_to_domain("postcenter", &dto, Lang::En).unwrap();
        assert_eq!(ticket.assigned_to, None, "{assignment}");
        assert!(
            ticket.other_fields.is_empty(),
            "{assignment}: {:?}",
            ticket.other_fields
        );
    }
    // A number written as a string is still the agent.
    let dto: TicketDto = serde_json::from_str(
        r#"{"id": "t-2", "current_assignment": {"cmid": "467", "name": "F. Pinto"}}"#,
    )
    .unwrap();
    let ticket = ticket_to_domain("postcenter", &dto, Lang::En).unwrap();
    assert_eq!(ticket.assigned_to.map(|cm| cm.id).as_deref(), Some("467"));
}

#[test]
fn a_field_of_a_type_never_seen_is_kept_and_the_ticket_still_shows() {
    let dto: TicketDto = serde_json::from_str(
        r#"{"id": "abc", "identifier": {"n": 9}, "is_closed": "sí",
            "created": "ayer", "priority": ["alta"]}"#,
    )
    .unwrap();
    let ticket = ticket_to_domain("postcenter", &dto, Lang::En).unwrap();
    let shown: Vec<String> = ticket
        .other_fields
        .iter()
        .map(|f| format!("{}={}", f.name, f.value))
        .collect();
    assert!(
        shown.contains(&r#"identifier={"n":9}"#.to_owned()),
        "{shown:?}"
    );
    assert!(shown.contains(&"is_closed=sí".to_owned()), "{shown:?}");
    assert!(shown.contains(&"created=ayer".to_owned()), "{shown:?}");
    assert!(
        shown.contains(&r#"priority=["alta"]"#.to_owned()),
        "{shown:?}"
    );
    assert_eq!(ticket.status, ConversationStatus::Open);
    let nameless: TicketDto = serde_json::from_str(r#"{"identifier": 5}"#).unwrap();
    assert!(ticket_to_domain("postcenter", &nameless, Lang::En).is_err());
}

#[test]
fn messages_read_oldest_first_with_media_and_the_company_as_agent() {
    let dto: MessagesDto = fixture(include_str!("../fixtures/ticket-messages.json"));
    let messages = messages_to_domain("t1", &dto.messages, Some("superempresa"), Lang::En);
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[0].body, "@superempresa hola tengo un problema");
    assert_eq!(messages[0].author.kind, AuthorKind::Customer);
    assert_eq!(messages[2].author.kind, AuthorKind::Agent);
    let media = &messages[2].attachments[0];
    assert_eq!(media.url, "http://placekitten.com/200/300");
    assert!(
        !media.is_image,
        "no extension: the console tries it and falls back"
    );
    let ids: std::collections::HashSet<_> = messages.iter().map(|m| m.id.clone()).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn the_small_answers_read() {
    let ok: StatusMessageDto = fixture(include_str!("../fixtures/ok.json"));
    assert!(body_refusal(ok.status, ok.message.as_deref()).is_none());
    let id: TicketIdDto = fixture(include_str!("../fixtures/by-agent-id.json"));
    assert_eq!(id.ticket_id.as_deref(), Some("5b64e514ed76411a80dd3bed"));
    let possible: PossibleAgentDto = fixture(include_str!("../fixtures/possible-agent.json"));
    assert_eq!(possible.assignation.as_ref().and_then(|a| a.cm), Some(27));
    let none: PossibleAgentDto =
        serde_json::from_str(r#"{"status": 200, "assignation": {"cm": null, "reason": "Nadie"}}"#)
            .unwrap();
    assert_eq!(none.assignation.and_then(|a| a.cm), None);
    let ids: TicketIdsDto = fixture(include_str!("../fixtures/tickets-by-state.json"));
    assert_eq!(ids.tickets.len(), 14);
    let refused: StatusMessageDto = fixture(include_str!("../fixtures/non-existent-status.json"));
    assert!(body_refusal(refused.status, refused.message.as_deref()).is_some());
}

#[test]
fn range_dates_take_the_documents_two_forms_only() {
    let day = parse_range_date("12-10-2018").unwrap();
    assert_eq!(
        (day.day(), day.month(), day.year(), day.hour()),
        (12, 10, 2018, 0)
    );
    let at = parse_range_date("09-08-2017 12:22:25").unwrap();
    assert_eq!((at.hour(), at.minute(), at.second()), (12, 22, 25));
    for refused in [
        "12/12/2012",
        "12-12-12",
        "10-12",
        "03-16-2014",
        "12-10-2018 10:23",
        "",
        "1-10-2018",
        "12-10-2018T10:23:00",
        "31-02-2019",
    ] {
        assert!(parse_range_date(refused).is_err(), "{refused}");
    }
    assert_eq!(format_range_date(at), "09-08-2017 12:22:25");
    assert!(parse_range_date("03-16-2014")
        .unwrap_err()
        .to_string()
        .contains("DD-MM-YYYY"));
}

#[test]
fn ticket_times_come_in_three_forms() {
    let a = parse_ticket_time("2016-11-29T18:38:32").unwrap();
    let b = parse_ticket_time("2016-11-29T18:38:32.000").unwrap();
    let c = parse_ticket_time("29-11-2016 18:38:32").unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(format_list_time(a), "29-11-2016 18:38:32");
    assert_eq!(format_detail_time(a), "2016-11-29T18:38:32.000");
    assert_eq!(parse_ticket_time("ayer"), None);
}

#[test]
fn media_that_is_not_a_web_address_is_text_not_a_link() {
    let dto: MessageDto = serde_json::from_str(
        r#"{"content": "hola", "media": "javascript:alert(1)", "created": "2014-11-30T18:50:11"}"#,
    )
    .unwrap();
    let message = message_to_domain("t", 0, &dto, None);
    assert!(message.attachments.is_empty());
    assert!(
        message.body.contains("[media: javascript:alert(1)]"),
        "{}",
        message.body
    );
    let image: MessageDto =
        serde_json::from_str(r#"{"media": "/postcenter/media/foto.png"}"#).unwrap();
    let message = message_to_domain("t", 1, &image, None);
    assert!(message.attachments[0].is_image);
    assert_eq!(message.attachments[0].name, "foto.png");
}
