//! Nothing typed or chosen is lost, in headless Chromium: a reply's chosen files are kept
//! in IndexedDB with its draft and come back when the conversation is opened again (as
//! after a reload or a crash), and never follow the agent into another conversation or
//! another agent into this one.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use switchboard::components::conversation::outbox;
use switchboard::draft_files;
use switchboard::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits until the draft `key` has `count` files kept.
async fn kept(key: &str, count: usize) {
    for _ in 0..200 {
        if draft_files::load(key).await.len() == count {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(25).await;
    }
    panic!("the draft {key} never had {count} files kept");
}

#[wasm_bindgen_test]
async fn files_are_kept_and_restored_as_given() {
    let key = "test-draft-roundtrip";
    let files = [
        make_file("facture.pdf", PDF_HEAD, 3_000),
        make_file("photo.png", PNG_HEAD, 1_000),
    ];
    assert!(draft_files::save(key, &files).await);
    let back = draft_files::load(key).await;
    let names: Vec<String> = back.iter().map(|f| f.name()).collect();
    assert_eq!(names, ["facture.pdf", "photo.png"]);
    assert_eq!(back[0].size(), 3_000.0);
    assert!(draft_files::save(key, &[]).await);
    assert!(draft_files::load(key).await.is_empty());
}

#[wasm_bindgen_test]
async fn chosen_files_come_back_with_the_draft_and_stay_in_their_conversation() {
    let key = storage::draft_key("agent-camille", "communication", "conv-files");
    storage::remove(&key);
    draft_files::save(&key, &[]).await;
    let root = mount_reply_box(Some("agent-camille"), "conv-files", UNREACHABLE_API);
    // The box has read what was kept (nothing) before the agent chooses.
    settle().await;
    choose_files(
        &root,
        "attachment-input",
        &[make_file("facture.pdf", PDF_HEAD, 2_000)],
    );
    kept(&key, 1).await;
    root.remove();

    // Opened again, as after a reload: the file is back in the box.
    let again = mount_reply_box(Some("agent-camille"), "conv-files", UNREACHABLE_API);
    wait_until("the kept file is back", || {
        find_all(&again, "attachment-chip").len() == 1
    })
    .await;
    assert!(text(&again, "attachment-chip").contains("facture.pdf"));

    // Another conversation, another agent: nothing of it.
    for (agent, conversation) in [("agent-camille", "conv-other"), ("agent-lea", "conv-files")] {
        let elsewhere = mount_reply_box(Some(agent), conversation, UNREACHABLE_API);
        let their_key = storage::draft_key(agent, "communication", conversation);
        assert!(draft_files::load(&their_key).await.is_empty());
        settle().await;
        assert!(
            find_all(&elsewhere, "attachment-chip").is_empty(),
            "{agent} {conversation}"
        );
        elsewhere.remove();
    }

    // Removing it from the box removes it from what is kept.
    click(&again, "attachment-remove");
    kept(&key, 0).await;
    again.remove();
}

#[wasm_bindgen_test]
async fn a_reply_not_sent_stays_in_the_outbox_with_its_key_across_a_reload() {
    // Only this test's own keys: the tests of a file run side by side.
    let draft = storage::draft_key("agent-camille", "communication", "conv-outbox");
    outbox::done(&draft);
    storage::remove(&draft);
    let root = mount_reply_box(Some("agent-camille"), "conv-outbox", UNREACHABLE_API);
    settle().await;
    type_into(&root, "reply-input", "Votre colis part demain.");
    click(&root, "reply-send");
    wait_until("the reply is shown as maybe not sent", || {
        root.text_content()
            .unwrap_or_default()
            .contains("may not have been sent")
    })
    .await;
    // Said once, and as true as it can be: no answer came, so it may have arrived.
    let said = root.text_content().unwrap_or_default().to_lowercase();
    assert_eq!(said.matches("not sent").count(), 0, "{said}");
    assert_eq!(said.matches("not have been sent").count(), 1, "{said}");
    assert!(text(&root, "outbox-state").starts_with("Retry sends it once"));
    let kept = outbox::read(&draft).expect("kept in the outbox");
    assert!(matches!(kept.state, outbox::Sending::Failed(_)));
    assert_eq!(
        storage::read(&draft).as_deref(),
        Some("Votre colis part demain."),
        "the draft is kept"
    );
    root.remove();

    // After a reload: still there, with why, the text in the box, and the same key.
    let again = mount_reply_box(Some("agent-camille"), "conv-outbox", UNREACHABLE_API);
    wait_until("the outbox is shown again", || {
        !find_all(&again, "outbox-entry").is_empty()
    })
    .await;
    assert!(text(&again, "outbox-state").starts_with("May not have been sent: "));
    wait_until("the text is back in the box", || {
        reply_text(&again) == "Votre colis part demain."
    })
    .await;
    click(&again, "outbox-retry");
    wait_until("the retry failed too", || {
        again
            .text_content()
            .unwrap_or_default()
            .contains("Your reply may not have been sent")
    })
    .await;
    assert_eq!(
        outbox::read(&draft).expect("kept").key,
        kept.key,
        "one message, one key"
    );

    // Discarded: the outbox, the text and the draft go.
    click(&again, "outbox-discard");
    settle().await;
    assert!(find_all(&again, "outbox-entry").is_empty());
    assert!(outbox::read(&draft).is_none());
    assert_eq!(reply_text(&again), "");
    assert!(storage::read(&draft).is_none());
    again.remove();
}

#[wasm_bindgen_test]
async fn a_reply_whose_page_went_away_while_sending_is_shown_as_not_confirmed() {
    let draft = storage::draft_key("agent-camille", "communication", "conv-gone");
    storage::write(&draft, "Merci, c'est noté.");
    outbox::sending(&draft, "\"Merci, c'est noté.\"[]", "Merci, c'est noté.");
    let root = mount_reply_box(Some("agent-camille"), "conv-gone", UNREACHABLE_API);
    wait_until("the notice", || !find_all(&root, "outbox-entry").is_empty()).await;
    assert!(text(&root, "outbox-state").starts_with("Not confirmed"));
    assert!(!find_all(&root, "outbox-retry").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_reply_in_the_outbox_is_the_last_message_of_the_thread() {
    use leptos::prelude::*;
    use switchboard::components::conversation::outbox::{OutboxMessage, OutboxSlot};
    use switchboard::components::conversation::reply_box::ReplyBox;
    use switchboard::connectors::communication::CommunicationConnector;
    use switchboard::connectors::Connector;
    use switchboard::state::CurrentAgent;

    let draft = storage::draft_key("agent-camille", "communication", "conv-thread");
    outbox::done(&draft);
    storage::remove(&draft);
    let root = mount(|| {
        provide_context(CurrentAgent(RwSignal::new(Some(session_agent(
            "agent-camille",
        )))));
        provide_context(OutboxSlot::new());
        let connector = Connector::new(CommunicationConnector::new(
            "communication",
            UNREACHABLE_API,
        ));
        view! {
            <OutboxMessage />
            <ReplyBox
                connector
                conversation_id="conv-thread"
                blocked_reason=Signal::derive(|| None::<String>)
                on_sent=Callback::new(|_| ())
            />
        }
    });
    settle().await;
    assert!(find_all(&root, "outbox-message").is_empty());
    type_into(&root, "reply-input", "Le remboursement est parti.");
    click(&root, "reply-send");
    wait_until("the thread shows it as not sent", || {
        find_all(&root, "outbox-message-state")
            .first()
            .is_some_and(|s| s.text_content().unwrap_or_default() == "May not have been sent")
    })
    .await;
    assert!(text(&root, "outbox-message").contains("Le remboursement est parti."));
    // On the agent's side of the thread, where it will be once sent.
    let bubble = find(&root, "outbox-message");
    assert!(
        bubble.class_list().contains("from-agent"),
        "{}",
        bubble.class_name()
    );
    click(&root, "outbox-discard");
    wait_until("gone from the thread", || {
        find_all(&root, "outbox-message").is_empty()
    })
    .await;
    root.remove();
}

/// The text of the element `testid`, or nothing while it is not there.
fn shown(root: &web_sys::Element, testid: &str) -> String {
    find_all(root, testid)
        .first()
        .and_then(|el| el.text_content())
        .unwrap_or_default()
}

/// The messages of the communication conversation `id` on the live server.
#[wasm_bindgen_test]
async fn an_edited_reply_whose_first_version_arrived_unconfirmed_is_not_doubled() {
    use switchboard::connectors::Reply;
    let (connector, id, agent) = a_conversation(0).await;
    let draft = storage::draft_key(&agent, "communication", &id);
    outbox::done(&draft);
    storage::remove(&draft);
    let before = message_count(&connector, &id).await;

    // The first version went, and arrived, but the page went away before the answer.
    let first = "Votre remboursement part aujourd'hui.";
    let entry = outbox::sending(&draft, "first version", first);
    let sent = Reply {
        agent_id: agent.clone(),
        body: first.to_owned(),
        idempotency_key: entry.key.clone(),
        ..Default::default()
    };
    connector
        .reply(&id, &sent, &[], &Default::default())
        .await
        .expect("the first version arrives");
    assert_eq!(message_count(&connector, &id).await, before + 1);

    // The agent, told it is not confirmed, corrects the text and sends: not a second message.
    let base = format!("{}/communication/v1", server_origin());
    let root = mount_reply_box(Some(&agent), &id, &base);
    wait_until("the outbox says not confirmed", || {
        shown(&root, "outbox-state").starts_with("Not confirmed")
    })
    .await;
    let edited = "Votre remboursement part demain.";
    type_into(&root, "reply-input", edited);
    click(&root, "reply-send");
    wait_until("the earlier version is said to have arrived", || {
        shown(&root, "error-panel").contains("earlier version")
    })
    .await;
    assert_eq!(
        message_count(&connector, &id).await,
        before + 1,
        "not doubled"
    );
    assert!(outbox::read(&draft).is_none(), "its key is forgotten");
    assert_eq!(reply_text(&root), edited, "the edited text stays");

    // Sent again, it is a new message with a new key.
    click(&root, "reply-send");
    wait_until("the reply is stored", || reply_text(&root).is_empty()).await;
    assert_eq!(message_count(&connector, &id).await, before + 2);
    root.remove();
}
