//! PostCenter's own cases in headless Chromium against the reference server (the contract
//! suite in `web_connectors.rs` runs it too): a ticket found by the number agents see,
//! "All" walked slice by slice across PostCenter's pages of 100 with no repeat, a state's
//! list read in detail, whom PostCenter would assign and an automatic reassignment.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use std::collections::HashSet;
use switchboard::connectors::{load_directory, Connector};
use switchboard_core::domain::{ConversationStatus, InboxQuery, StatusFilter};
use switchboard_core::error::ErrorKind;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn postcenter() -> Connector {
    let directory = load_directory(server_origin()).await.expect("directory");
    directory
        .connector("postcenter")
        .expect("postcenter")
        .clone()
}

#[wasm_bindgen_test]
async fn ticket_261_is_found_by_the_number_agents_see() {
    sign_in().await;
    let postcenter = postcenter().await;
    let id = postcenter.find_by_number("#261").await.expect("found");
    let ticket = postcenter.conversation(&id).await.expect("detail");
    assert_eq!(ticket.reference.as_deref(), Some("#261"));
    assert!(ticket.assigned_to.is_some(), "the demo ticket has an agent");
    let messages = postcenter.messages(&id, None, 50).await.expect("messages");
    assert!(messages.items.len() >= 2);
    let unknown = postcenter.find_by_number("99999999").await.unwrap_err();
    assert_eq!(unknown.kind, ErrorKind::NotFound);
    let typed_wrong = postcenter.find_by_number("26a").await.unwrap_err();
    assert!(typed_wrong.backend_message.is_some());
}

#[wasm_bindgen_test]
async fn all_walks_every_channel_slice_by_slice_with_no_repeat() {
    sign_in().await;
    let postcenter = postcenter().await;
    let query = InboxQuery {
        page_size: 60,
        ..Default::default()
    };
    let mut seen = HashSet::new();
    let mut after = None;
    let mut pages = 0;
    loop {
        let slice = postcenter
            .list_conversations(&query, after.as_ref())
            .await
            .expect("a page");
        assert_eq!(slice.unreadable, 0);
        for ticket in &slice.page.items {
            assert!(seen.insert(ticket.key.clone()), "{:?} twice", ticket.key);
            // As every backend's rows: the customer and the last message, not a number.
            assert!(
                ticket.last_message.is_some(),
                "{:?} has no last message",
                ticket.key
            );
            assert!(
                !ticket.customer_display().starts_with("Ticket #"),
                "{:?} is named {}",
                ticket.key,
                ticket.customer_display()
            );
        }
        pages += 1;
        match slice.page.next {
            Some(next) => after = Some(next),
            None => break,
        }
        assert!(pages < 100, "the walk ends");
    }
    assert!(seen.len() >= 300, "several hundred tickets: {}", seen.len());
}

#[wasm_bindgen_test]
async fn open_lists_a_states_tickets_in_detail() {
    sign_in().await;
    let postcenter = postcenter().await;
    let query = InboxQuery {
        status: StatusFilter::Open,
        page_size: 10,
        ..Default::default()
    };
    let first = postcenter
        .list_conversations(&query, None)
        .await
        .expect("open");
    assert_eq!(first.page.items.len(), 10);
    assert!(first.page.items.iter().all(|t| matches!(
        t.status,
        ConversationStatus::Open | ConversationStatus::InProgress
    )));
    let next = first.page.next.expect("more open tickets");
    let second = postcenter
        .list_conversations(&query, Some(&next))
        .await
        .expect("next");
    let seen: HashSet<_> = first.page.items.iter().map(|t| t.key.clone()).collect();
    assert!(second.page.items.iter().all(|t| !seen.contains(&t.key)));
}

#[wasm_bindgen_test]
async fn postcenter_suggests_an_agent_and_reassigns_on_its_own() {
    sign_in().await;
    let postcenter = postcenter().await;
    let query = InboxQuery {
        status: StatusFilter::Open,
        page_size: 5,
        ..Default::default()
    };
    let ticket = postcenter
        .list_conversations(&query, None)
        .await
        .expect("open")
        .page
        .items
        .into_iter()
        .find(|t| !t.badges.iter().any(|b| b == "WhatsApp"))
        .expect("an open ticket on a staffed channel");
    let suggestion = postcenter
        .suggest_agent(&ticket.key.id)
        .await
        .expect("a suggestion");
    assert!(suggestion.reason.is_some(), "{suggestion:?}");
    let reassigned = postcenter
        .reassign_automatically(&ticket.key.id)
        .await
        .expect("reassigned");
    assert!(reassigned.assigned_to.is_some());
}
