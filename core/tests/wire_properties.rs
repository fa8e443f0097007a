//! "Nothing lost, nothing doubled": every backend's wire parsers, fed random, truncated and
//! hostile JSON, give a value or a typed error, never a panic.
//!
//! - `wire_properties/hostile_json.rs`: the inputs (arbitrary JSON, the documents' examples
//!   mutated, cut and nested deep, hostile strings);
//! - `wire_properties/readers.rs`: for each backend, every shape its connector reads, parsed
//!   and mapped onto the domain as the connector does, which gives a value or a
//!   `MappingError`; lists keep every record, links never lead off the site;
//! - here: the properties. Each backend's readers take anything; `decode_error(status, body,
//!   None)` gives an `ApiError` with that status for any status and body; the helpers that
//!   read strings (instants, PostCenter's dates, phones, ratings, guids, Joi's messages) take
//!   any string; nesting past serde_json's recursion limit is an error, not a stack overflow.
//!
//! 256 cases a property (`PROPTEST_CASES` to change), from a fixed seed (`PROPTEST_RNG_SEED`
//! to change): a run never fails by chance.

#[path = "wire_properties/hostile_json.rs"]
mod hostile_json;
#[path = "wire_properties/readers.rs"]
mod readers;

use hostile_json::{config, each_node_replaced, grammar_string, nested, wire_text, DEPTHS};
use proptest::prelude::*;
use readers::*;
use serde_json::from_str;
use switchboard_core::wire::{
    case_messages as cm, octopia, parse_instant, postcenter as pc, support_sessions as ss,
};

/// A page's counter as a backend may write it: any number, at and past every bound, as a
/// number or as text.
fn counter() -> impl Strategy<Value = String> {
    let bounds = [
        0,
        1,
        2,
        u64::from(u32::MAX) - 1,
        u64::from(u32::MAX),
        u64::from(u32::MAX) + 1,
        u64::MAX,
    ];
    prop_oneof![
        prop::sample::select(bounds.to_vec()).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<u32>().prop_map(|n| format!("\"{n}\"")),
        Just("null".to_owned()),
        Just("-1".to_owned()),
    ]
}

#[test]
fn the_examples_themselves_read_so_the_properties_are_not_vacuous() {
    for (name, reader, fixtures) in [
        (
            "communication",
            communication as fn(&str) -> usize,
            COMMUNICATION,
        ),
        ("octopia", octopia, OCTOPIA),
        ("case messages", case_messages, CASE_MESSAGES),
        ("support sessions", support_sessions, SUPPORT_SESSIONS),
        ("postcenter", postcenter, POSTCENTER),
    ] {
        for fixture in fixtures {
            assert!(reader(fixture) > 0, "{name}: {fixture}");
        }
    }
}

#[test]
fn nesting_past_the_recursion_limit_is_an_error_not_a_stack_overflow() {
    for &depth in DEPTHS {
        for objects in [false, true] {
            let text = nested(depth, objects);
            let parsed = from_str::<serde_json::Value>(&text);
            assert_eq!(
                parsed.is_err(),
                depth > 127,
                "serde_json reads 127 levels, not 128"
            );
            // Where a record holds any value (`required`, a page's raw `items`), one level in.
            let inside = format!(r#"{{"id":"c","required":{text},"items":{text}}}"#);
            let refused = depth >= 127;
            let contact = from_str::<switchboard_core::wire::communication::ContactMessageDto>;
            assert_eq!(contact(&inside).is_err(), refused, "depth {depth}");
            let page = from_str::<octopia::DiscussionPageDto<serde_json::Value>>;
            assert_eq!(page(&inside).is_err(), refused, "depth {depth}");
            for reader in [
                communication,
                octopia,
                case_messages,
                support_sessions,
                postcenter,
            ] {
                let _ = (reader(&text), reader(&inside));
            }
            decoded(500, &text);
        }
    }
}

#[test]
fn nesting_at_every_node_of_every_example_is_read_or_refused() {
    for (reader, fixtures) in [
        (communication as fn(&str) -> usize, COMMUNICATION),
        (octopia, OCTOPIA),
        (case_messages, CASE_MESSAGES),
        (support_sessions, SUPPORT_SESSIONS),
        (postcenter, POSTCENTER),
    ] {
        for fixture in fixtures {
            for (depth, objects) in [(126, false), (127, true), (128, false), (1_000, true)] {
                for text in each_node_replaced(fixture, &nested(depth, objects)) {
                    reader(&text);
                    decoded(400, &text);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn communication_reads_anything(text in wire_text(COMMUNICATION)) {
        communication(&text);
    }

    #[test]
    fn octopia_reads_anything(text in wire_text(OCTOPIA)) {
        octopia(&text);
    }

    #[test]
    fn case_messages_reads_anything(text in wire_text(CASE_MESSAGES)) {
        case_messages(&text);
    }

    #[test]
    fn support_sessions_reads_anything(text in wire_text(SUPPORT_SESSIONS)) {
        support_sessions(&text);
    }

    #[test]
    fn postcenter_reads_anything(text in wire_text(POSTCENTER)) {
        postcenter(&text);
    }

    #[test]
    fn every_error_decoder_keeps_the_status(
        status in 100u16..=599,
        body in wire_text(&every_error_example()),
    ) {
        decoded(status, &body);
    }

    #[test]
    fn string_helpers_take_any_string(text in grammar_string()) {
        let _ = parse_instant(&text);
        let _ = (pc::parse_ticket_time(&text), pc::parse_range_date(&text));
        let _ = (pc::State::from_word(&text), pc::channel_label(&text), pc::is_web_address(&text));
        let _ = pc::media_to_domain("t", 0, text.clone());
        let _ = (ss::normalize_phone(&text), ss::tel_link(&text));
        if let Ok(rating) = ss::parse_rating(&text) {
            let _ = (rating.to_string(), rating.as_value(), rating.holds_for(4.5));
        }
        let _ = (cm::is_guid(&text), cm::issues_in(&text), cm::ConfirmFailure::from_message(&text));
        let _ = octopia::format_of(&text);
        let _ = switchboard_core::domain::preview_text(&text, 140);
    }

    #[test]
    fn page_counters_take_any_number(
        index in counter(), size in counter(), total in counter(), items in 0usize..3,
    ) {
        let discussions = vec![DISCUSSION; items].join(",");
        let octopia_page = format!(
            r#"{{"items":[{discussions}],"pageIndex":{index},"pageSize":{size},"totalCount":{total}}}"#
        );
        octopia(&octopia_page);
        let conversations = vec![COMMUNICATION[0]; items].join(",");
        let communication_page = format!(
            r#"{{"content":[{conversations}],"currentPage":{index},"totalPages":{size},"totalElements":{total}}}"#
        );
        communication(&communication_page);
    }

    #[test]
    fn range_dates_read_back_what_they_write(
        day in 0u32..40, month in 0u32..15, year in 0u32..10_000,
        hour in 0u32..30, minute in 0u32..70, second in 0u32..70, with_time: bool,
    ) {
        let mut text = format!("{day:02}-{month:02}-{year:04}");
        if with_time {
            text.push_str(&format!(" {hour:02}:{minute:02}:{second:02}"));
        }
        if let Ok(at) = pc::parse_range_date(&text) {
            prop_assert_eq!(pc::parse_range_date(&pc::format_range_date(at)), Ok(at));
        }
        let _ = pc::parse_ticket_time(&text);
    }
}
