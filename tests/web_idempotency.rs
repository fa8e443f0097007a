//! Nothing doubled, in headless Chromium against the reference server: a reply or a
//! contact message sent again with the same key (its first answer lost) is stored once,
//! on every backend that takes them, and the second answer is the first one replayed.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use switchboard::connectors::communication::CommunicationConnector;
use switchboard::connectors::http::{attempt_key, new_idempotency_key};
use switchboard::connectors::CustomerChannel;
use switchboard::connectors::{load_directory, Connector, Reply};
use switchboard_core::domain::{InboxQuery, StatusFilter};
use switchboard_core::validation::ContactForm;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn connector(name: &str) -> Connector {
    let directory = load_directory(server_origin()).await.expect("directory");
    directory.connector(name).expect(name).clone()
}

async fn an_open_one(connector: &Connector) -> String {
    let query = InboxQuery {
        status: StatusFilter::Open,
        page_size: 1,
        ..Default::default()
    };
    let slice = connector
        .list_conversations(&query, None)
        .await
        .expect("list");
    slice.page.items[0].key.id.clone()
}

async fn a_reply_sent_twice_is_stored_once(name: &str, agent: &str) {
    let connector = connector(name).await;
    let id = an_open_one(&connector).await;
    let count = |page: switchboard_core::domain::Page<_>| page.items.len();
    let before = count(connector.messages(&id, None, 200).await.expect("messages"));
    let reply = Reply {
        agent_id: agent.to_owned(),
        body: format!("Sent once, whatever happens ({name})."),
        recipients: connector
            .conversation(&id)
            .await
            .expect("conversation")
            .reply_recipients
            .into_iter()
            .take(1)
            .collect(),
        idempotency_key: new_idempotency_key(),
        ..Default::default()
    };
    let upload = Default::default();
    let first = connector
        .reply(&id, &reply, &[], &upload)
        .await
        .expect("sent");
    // Its answer was lost, say: the console sends it again with the same key.
    let again = connector
        .reply(&id, &reply, &[], &upload)
        .await
        .expect("replayed");
    assert_eq!(again.id, first.id, "{name}: the first answer, replayed");
    let after = count(connector.messages(&id, None, 200).await.expect("messages"));
    assert_eq!(after, before + 1, "{name}: stored once");
}

#[wasm_bindgen_test]
async fn a_reply_sent_again_with_its_key_is_stored_once_on_every_backend_that_takes_replies() {
    let agent = sign_in().await.agent.id;
    for name in ["communication", "octopia", "case-messages"] {
        a_reply_sent_twice_is_stored_once(name, &agent).await;
    }
}

#[wasm_bindgen_test]
async fn a_contact_message_sent_again_opens_one_conversation() {
    let contact = CommunicationConnector::new(
        "communication",
        format!("{}/communication/v1", server_origin()),
    );
    let form = ContactForm {
        name: "Inès Dupont".into(),
        email: "ines.dupont@example.fr".into(),
        subject: "Réservation TRIP-2026-0411".into(),
        message: "Puis-je ajouter un bagage en soute ?".into(),
        ..Default::default()
    };
    let key = new_idempotency_key();
    let upload = Default::default();
    let first = contact
        .send_contact(&form, &[], &upload, &key)
        .await
        .expect("sent");
    let again = contact
        .send_contact(&form, &[], &upload, &key)
        .await
        .expect("replayed");
    assert_eq!(again.reference, first.reference);
    assert_eq!(again.follow_up, first.follow_up, "the same private link");
}

#[wasm_bindgen_test]
fn the_same_message_keeps_its_key_and_a_changed_one_gets_another() {
    let mut last = None;
    let first = attempt_key(&mut last, "Hello");
    assert_eq!(attempt_key(&mut last, "Hello"), first, "a retry");
    let changed = attempt_key(&mut last, "Hello, Camille");
    assert_ne!(changed, first, "a new message");
}

#[wasm_bindgen_test]
async fn a_support_session_opened_again_with_its_key_is_the_session_it_opened() {
    sign_in().await;
    let sessions = connector("support-sessions").await;
    let order = format!("ORD-WEB-{}", &new_idempotency_key()[..8]);
    let key = new_idempotency_key();
    let first = sessions.open_item(&order, &key).await.expect("opened");
    // Its answer was lost, say: the same start again is the first answer, not "already open".
    let again = sessions.open_item(&order, &key).await.expect("replayed");
    assert_eq!(again.key, first.key);
    // A start without its key is a second start, which the backend refuses as it says.
    let other = sessions
        .open_item(&order, &new_idempotency_key())
        .await
        .expect_err("a session opens once");
    assert_eq!(other.status, Some(409), "{other:?}");
}
