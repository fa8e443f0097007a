//! The demo data's promises: the fixed case as the document and the console's test expect
//! it, replies within their case, every type, both senders and the platform, stable ids.

use super::*;
use std::collections::HashSet;
use switchboard_core::wire::case_messages::MessageType;

#[test]
fn the_fixed_case_is_the_documents_and_the_newest() {
    let all = demo_cases(Utc::now());
    let fixed = &all[0];
    assert_eq!(fixed.case.guid, CASE_GUID);
    assert_eq!(fixed.case.id, CASE_ID);
    assert_eq!(fixed.messages.len(), CASE_MESSAGE_COUNT);
    assert_eq!(fixed.messages[0].0, FIRST_MESSAGE_ID);
    let (_, last) = fixed.messages.last().unwrap();
    assert_eq!(last.sender_type.as_deref(), Some("provider"));
    assert_eq!(last.confirmed_at, None, "the workshop's last word waits");
    let newest = |demo: &Demo| demo.messages.last().map(|(_, m)| m.created_at.clone());
    for other in &all[1..] {
        assert!(newest(other) < newest(fixed), "{}", other.case.guid);
    }
}

#[test]
fn replies_answer_earlier_messages_of_their_own_case() {
    for demo in demo_cases(Utc::now()) {
        let ids: Vec<i64> = demo.messages.iter().map(|(id, _)| *id).collect();
        for (position, (id, message)) in demo.messages.iter().enumerate() {
            if let Some(parent) = message.parent_message_id {
                let at = ids
                    .iter()
                    .position(|i| *i == parent)
                    .expect("a parent of this case");
                assert!(at < position, "message {id} answers a later one");
            }
            assert!(message.created_at >= message.declared_at);
            if let Some(confirmed) = &message.confirmed_at {
                assert!(confirmed > &message.created_at, "message {id}");
                assert_eq!(&message.updated_at, confirmed);
            }
        }
    }
}

#[test]
fn the_seed_is_varied_and_its_ids_unique() {
    let all = demo_cases(Utc::now());
    let messages: Vec<&MessageFields> = all
        .iter()
        .flat_map(|d| d.messages.iter().map(|(_, m)| m))
        .collect();
    let kinds: HashSet<&str> = messages.iter().map(|m| m.kind.as_str()).collect();
    for kind in MessageType::KNOWN {
        assert!(kinds.contains(kind), "{kind} is seeded");
    }
    let senders: HashSet<Option<&str>> =
        messages.iter().map(|m| m.sender_type.as_deref()).collect();
    assert_eq!(senders.len(), 3, "partner, provider and the platform");
    assert!(
        messages
            .iter()
            .filter(|m| m.parent_message_id.is_some())
            .count()
            >= 20
    );
    assert!(
        all.iter().filter(|d| d.messages.len() >= 8).count() >= 5,
        "long back-and-forths"
    );

    let ids: HashSet<i64> = all
        .iter()
        .flat_map(|d| d.messages.iter().map(|(id, _)| *id))
        .collect();
    assert_eq!(ids.len(), messages.len());
    let guids: HashSet<&str> = all.iter().map(|d| d.case.guid.as_str()).collect();
    assert_eq!(guids.len(), all.len());
    assert!(guids
        .iter()
        .all(|g| switchboard_core::wire::case_messages::is_guid(g)));
    assert!(guids.iter().all(|g| *g == g.to_ascii_lowercase()));
    let case_ids: HashSet<i64> = all.iter().map(|d| d.case.id).collect();
    assert_eq!(case_ids.len(), all.len());

    let ours = all
        .iter()
        .filter(|d| d.case.partner_account_id == PARTNER_ACCOUNT_ID)
        .count();
    assert_eq!(ours, FOLLOWED_CASE_COUNT);
    let foreign = all
        .iter()
        .find(|d| d.case.guid == FOREIGN_CASE_GUID)
        .unwrap();
    assert_eq!(foreign.case.partner_account_id, OTHER_PARTNER_ACCOUNT_ID);
    assert_eq!(foreign.messages[0].0, FOREIGN_MESSAGE_ID);
    let empty = all.iter().find(|d| d.case.guid == EMPTY_CASE_GUID).unwrap();
    assert!(empty.messages.is_empty());
}

#[test]
fn two_seeds_differ_only_in_their_times() {
    let a = demo_cases(Utc::now());
    let b = demo_cases(Utc::now() - Duration::days(3));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.case.guid, y.case.guid);
        let ids = |d: &Demo| {
            d.messages
                .iter()
                .map(|(id, m)| (*id, m.content.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(x), ids(y));
    }
}
