//! The two backends that cannot list, through the console's connectors against the live
//! test server in headless Chromium: case messages never posts a reply twice when it is
//! sent again with the same key (a retry after a lost answer), and marking a case read
//! confirms its messages; a support session's thread is its history, and it closes and
//! opens again.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use switchboard::connectors::{load_directory, Connector, Reply};
use switchboard_core::domain::{AuthorKind, ConversationStatus, InboxQuery, StatusChange};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn connector(name: &str) -> Connector {
    let directory = load_directory(server_origin()).await.expect("directory");
    directory.connector(name).expect(name).clone()
}

/// The followed item with the newest activity that has messages.
async fn newest(connector: &Connector) -> String {
    let query = InboxQuery {
        page_size: 10,
        ..Default::default()
    };
    let slice = connector
        .list_conversations(&query, None)
        .await
        .expect("list");
    assert_eq!(slice.unreadable, 0, "every followed item reads");
    slice
        .page
        .items
        .into_iter()
        .find(|c| c.last_message.is_some() || c.capabilities.close)
        .expect("an item")
        .key
        .id
}

#[wasm_bindgen_test]
async fn a_case_reply_sent_again_with_its_key_is_posted_once() {
    sign_in().await;
    let cases = connector("case-messages").await;
    let guid = newest(&cases).await;
    let before = cases
        .messages(&guid, None, 100)
        .await
        .expect("messages")
        .items
        .len();
    let reply = Reply {
        body: "Das Ersatzteil ist bestellt.".into(),
        idempotency_key: format!("retry-{}", js_sys::Date::now()),
        ..Default::default()
    };
    let first = cases
        .reply(&guid, &reply, &[], &Default::default())
        .await
        .expect("sent");
    let again = cases
        .reply(&guid, &reply, &[], &Default::default())
        .await
        .expect("sent again");
    assert_eq!(first.id, again.id, "the same message, not a second one");
    assert_eq!(first.author.kind, AuthorKind::Agent);
    let after = cases
        .messages(&guid, None, 100)
        .await
        .expect("messages")
        .items;
    assert_eq!(after.len(), before + 1);
    assert_eq!(
        after.last().map(|m| m.body.as_str()),
        Some(reply.body.as_str())
    );
}

#[wasm_bindgen_test]
async fn marking_a_case_read_confirms_its_messages() {
    sign_in().await;
    let cases = connector("case-messages").await;
    let guid = newest(&cases).await;
    let read = cases.mark_read(&guid, true, &[]).await.expect("confirmed");
    assert_eq!(read.unread, Some(false));
    let unread = cases.mark_read(&guid, false, &[]).await.unwrap_err();
    assert!(
        unread.backend_message.is_some(),
        "said in words: {unread:?}"
    );
}

#[wasm_bindgen_test]
async fn confirming_what_is_shown_reports_a_message_gone_meanwhile_and_confirms_the_rest() {
    sign_in().await;
    let cases = connector("case-messages").await;
    let guid = newest(&cases).await;
    let shown: Vec<String> = cases
        .messages(&guid, None, 100)
        .await
        .expect("messages")
        .items
        .into_iter()
        .map(|m| m.id)
        .chain(["987654321".to_owned()])
        .collect();
    let report = cases.mark_read(&guid, true, &shown).await.unwrap_err();
    let said = report.backend_message.expect("said in words");
    assert!(said.contains("message 987654321"), "{said}");
    assert!(said.contains("not found"), "{said}");
    let after = cases.conversation(&guid).await.expect("case");
    assert_eq!(after.unread, Some(false), "the others were confirmed");
}

#[wasm_bindgen_test]
async fn a_support_session_shows_its_history_and_closes_and_opens_again() {
    sign_in().await;
    let sessions = connector("support-sessions").await;
    let order = newest(&sessions).await;
    let history = sessions
        .messages(&order, None, 50)
        .await
        .expect("history")
        .items;
    assert!(!history.is_empty());
    assert!(history.iter().all(|m| m.author.kind == AuthorKind::System));
    assert!(history[0].body.contains("opened"), "{:?}", history[0].body);

    let closed = sessions
        .change_status(&order, StatusChange::Close)
        .await
        .expect("closed");
    assert_eq!(closed.status, ConversationStatus::Closed);
    let reopened = sessions
        .change_status(&order, StatusChange::Reopen)
        .await
        .expect("opened");
    assert_ne!(reopened.status, ConversationStatus::Closed);
    let history = sessions
        .messages(&order, None, 50)
        .await
        .expect("history")
        .items;
    assert!(
        history.iter().any(|m| m.body.contains("closed")),
        "{history:?}"
    );
    let refused = sessions
        .reply(&order, &Reply::default(), &[], &Default::default())
        .await
        .unwrap_err();
    assert!(refused.backend_message.is_some());
}

#[wasm_bindgen_test]
async fn a_phone_changed_by_a_colleague_meanwhile_is_not_overwritten() {
    sign_in().await;
    // Two consoles: each remembers what its agent saw.
    let mine = connector("support-sessions").await;
    let colleague = connector("support-sessions").await;
    let order = newest(&mine).await;
    let seen = mine.conversation(&order).await.expect("read");
    colleague.conversation(&order).await.expect("read");
    let theirs = if seen.callback_phone.as_deref() == Some("+33612345001") {
        "+33612345002"
    } else {
        "+33612345001"
    };
    colleague
        .set_callback_phone(&order, Some(theirs))
        .await
        .expect("the colleague's change");

    let refused = mine
        .set_callback_phone(&order, Some("+33699999999"))
        .await
        .unwrap_err();
    assert_eq!(refused.status, Some(412));
    let said = refused.backend_message.expect("in words");
    assert!(
        said.contains(&format!("the callback phone is now {theirs}")),
        "{said}"
    );
    let now = mine.conversation(&order).await.expect("read");
    assert_eq!(now.callback_phone.as_deref(), Some(theirs), "not undone");

    // Deciding again, on what is now seen: it goes through.
    let changed = mine
        .set_callback_phone(&order, Some("+33699999999"))
        .await
        .expect("changed");
    assert_eq!(changed.callback_phone.as_deref(), Some("+33699999999"));
}
