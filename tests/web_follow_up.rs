//! The customer's follow-up page against the live test server, in headless Chromium: a
//! contact message's private link opens the conversation with no sign-in, an empty message
//! is refused in words without a request, a message written again appears in the thread,
//! and a wrong link says so and offers the contact page. Text from people is shown as text.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard::components::inbox::live::LivePolicy;
use switchboard::connectors::communication::CommunicationConnector;
use switchboard::connectors::CustomerChannel;
use switchboard::connectors::{Connector, Reply};
use switchboard::pages::follow_up::FollowUpPage;
use switchboard::state::ApiOrigin;
use switchboard_core::domain::InboxQuery;
use switchboard_core::validation::ContactForm;
use switchboard_core::wire::communication::DEFAULT_BASE_PATH;
use wasm_bindgen_test::*;
use web_sys::HtmlFormElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Sends a contact message as a customer would (no session) and returns its private link.
async fn contact(message: &str) -> String {
    contact_with_reference(message).await.0
}

/// Sends a contact message (no session) and returns its private link and its reference.
async fn contact_with_reference(message: &str) -> (String, String) {
    let connector = CommunicationConnector::new(
        "communication",
        format!("{}{DEFAULT_BASE_PATH}", server_origin()),
    );
    // A name with markup: the page must show it as text.
    let form = ContactForm {
        name: "Ana <b>Silva</b>".into(),
        email: "ana.silva@example.pt".into(),
        subject: "Booking 2611".into(),
        message: message.into(),
        ..Default::default()
    };
    let receipt = connector
        .send_contact(
            &form,
            &[],
            &Default::default(),
            &switchboard::connectors::http::new_idempotency_key(),
        )
        .await
        .expect("the contact message is taken");
    (
        receipt.follow_up.expect("a private link"),
        receipt.reference,
    )
}

/// Points the page's address at `link` (the fragment is what the page reads).
fn open(link: &str) {
    let fragment = link.split_once('#').map_or("", |(_, token)| token);
    window()
        .location()
        .set_hash(fragment)
        .expect("the fragment is set");
}

fn mount_page() -> web_sys::HtmlElement {
    mount(|| {
        provide_context(ApiOrigin(server_origin().to_owned()));
        view! { <FollowUpPage /> }
    })
}

fn submit(root: &web_sys::Element) {
    root.query_selector("form")
        .ok()
        .flatten()
        .expect("the form")
        .unchecked_into::<HtmlFormElement>()
        .request_submit()
        .expect("submitted");
}

#[wasm_bindgen_test]
async fn a_customer_reads_their_conversation_and_writes_again() {
    let link = contact("Is the <script>alert(1)</script> breakfast included?").await;
    assert!(link.starts_with("/contact/follow-up#"), "{link}");
    open(&link);
    let root = mount_page();
    wait_until("the conversation shows", || {
        find_all(&root, "follow-up-message").len() == 1
    })
    .await;
    assert!(text(&root, "follow-up-reference").starts_with("C-"));
    let first = text(&root, "follow-up-message");
    assert!(
        first.contains("<script>alert(1)</script>"),
        "as text: {first}"
    );
    assert!(first.contains("Ana <b>Silva</b>"), "as text: {first}");
    assert!(root.query_selector("script, b").unwrap().is_none());
    // The link's expiry is said, with the renewal that each visit brings.
    let expiry = text(&root, "follow-up-expiry");
    assert!(
        expiry.contains("works until") && expiry.contains("each visit"),
        "{expiry}"
    );

    // Nothing to send: said in words, nothing sent.
    submit(&root);
    settle().await;
    assert!(!text(&root, "follow-up-error").is_empty());
    assert_eq!(find_all(&root, "follow-up-message").len(), 1);

    type_into(&root, "follow-up-input", "And is parking free?");
    submit(&root);
    wait_until("the new message shows", || {
        find_all(&root, "follow-up-message").len() == 2
    })
    .await;
    assert!(text(&root, "follow-up-message").contains("Is the"));
    let all: Vec<String> = find_all(&root, "follow-up-message")
        .iter()
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert!(all[1].contains("And is parking free?"), "{all:?}");
    let input = find(&root, "follow-up-input").unchecked_into::<web_sys::HtmlTextAreaElement>();
    assert_eq!(input.value(), "", "the sent message leaves the box");
    assert_eq!(text(&root, "follow-up-error"), "");
}

#[wasm_bindgen_test]
async fn a_wrong_link_says_so_and_offers_the_contact_page() {
    open("/contact/follow-up#not-a-real-token");
    let root = mount_page();
    wait_until("the refusal shows", || {
        !find_all(&root, "follow-up-unavailable").is_empty()
    })
    .await;
    let shown = text(&root, "follow-up-unavailable");
    assert!(shown.contains("This link opens no conversation"), "{shown}");
    assert!(shown.contains("mistyped"), "{shown}");
    assert!(root.query_selector("a[href='/contact']").unwrap().is_some());
    assert!(find_all(&root, "follow-up").is_empty());
}

#[wasm_bindgen_test]
async fn supports_answer_appears_on_the_customers_page_without_a_reload() {
    let (link, reference) = contact_with_reference("When is breakfast served, please?").await;
    open(&link);
    let root = mount(|| {
        provide_context(ApiOrigin(server_origin().to_owned()));
        // Asked again every 200 ms here; every 20 s for customers.
        provide_context(LivePolicy {
            every_ms: 200,
            at_most_ms: 1_000,
        });
        view! { <FollowUpPage /> }
    });
    wait_until("the conversation shows", || {
        find_all(&root, "follow-up-message").len() == 1
    })
    .await;

    // An agent answers, from the console's side.
    sign_in().await;
    let agent = Connector::new(CommunicationConnector::new(
        "communication",
        format!("{}{DEFAULT_BASE_PATH}", server_origin()),
    ));
    let query = InboxQuery {
        reference: Some(reference),
        page_size: 20,
        ..Default::default()
    };
    let found = agent
        .list_conversations(&query, None)
        .await
        .expect("found by its reference")
        .page
        .items;
    let answer = Reply {
        agent_id: "agent-camille".into(),
        body: "Breakfast is served from 7 to 10.".into(),
        idempotency_key: switchboard::connectors::http::new_idempotency_key(),
        ..Default::default()
    };
    agent
        .reply(&found[0].key.id, &answer, &[], &Default::default())
        .await
        .expect("answered");

    wait_until("the answer shows on its own", || {
        find_all(&root, "follow-up-message").len() == 2
    })
    .await;
    let all = find_all(&root, "follow-up-message");
    let last = all.last().expect("the answer");
    assert!(last.class_list().contains("from-support"));
    assert!(last
        .text_content()
        .unwrap_or_default()
        .contains("Breakfast is served from 7 to 10."));
    root.remove();
}
