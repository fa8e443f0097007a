//! The communication connector in the browser, against a real reference server
//! (`scripts/test.sh` starts one with a fresh database and passes its URL at build time).
#![cfg(target_arch = "wasm32")]

mod common;

use common::server_origin;
use leptos::prelude::*;
use switchboard::api::{load_directory, load_inbox, Connector, ConversationBackend, Directory};
use switchboard_core::domain::{
    AssigneeFilter, AuthorKind, ConversationStatus, InboxQuery, StatusChange, StatusFilter,
};
use switchboard_core::error::ErrorKind;
use switchboard_core::validation::ContactForm;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The live server's directory, its communication connector, and the id of one of its
/// conversations with that status.
async fn connector_and_a_conversation(status: StatusFilter) -> (Directory, Connector, String) {
    let directory = load_directory(server_origin()).await.expect("directory");
    let connector = directory
        .connector("communication")
        .expect("connector")
        .clone();
    let query = InboxQuery {
        status,
        page: 1,
        page_size: 3,
        ..Default::default()
    };
    let id = connector
        .list_conversations(&query)
        .await
        .expect("list")
        .page
        .items[0]
        .key
        .id
        .clone();
    (directory, connector, id)
}

#[wasm_bindgen_test]
async fn discovery_finds_the_communication_backend_and_the_agents() {
    let directory = load_directory(server_origin()).await.expect("directory");
    assert!(directory.connector("communication").is_some());
    assert!(directory.agents.len() >= 3, "{:?}", directory.agents);
    assert_eq!(directory.unsupported().count(), 0);
}

#[wasm_bindgen_test]
async fn the_inbox_lists_newest_activity_first_and_filters() {
    let directory = load_directory(server_origin()).await.expect("directory");
    let query = InboxQuery {
        page: 1,
        page_size: 20,
        ..Default::default()
    };
    let inbox = load_inbox(&directory.connectors, &query, 1).await;
    assert!(inbox.failures.is_empty(), "{:?}", inbox.failures);
    assert_eq!(inbox.conversations.len(), 20);
    assert!(inbox.has_more);
    let times: Vec<_> = inbox
        .conversations
        .iter()
        .map(|c| c.last_activity)
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest activity first");

    let closed = InboxQuery {
        status: StatusFilter::Closed,
        ..query.clone()
    };
    let inbox = load_inbox(&directory.connectors, &closed, 1).await;
    assert!(!inbox.conversations.is_empty());
    assert!(inbox
        .conversations
        .iter()
        .all(|c| c.status == ConversationStatus::Closed));

    let unassigned = InboxQuery {
        assignee: AssigneeFilter::Unassigned,
        ..query.clone()
    };
    let inbox = load_inbox(&directory.connectors, &unassigned, 1).await;
    assert!(!inbox.conversations.is_empty());
    assert!(inbox.conversations.iter().all(|c| c.assignee.is_none()));

    let agent = directory.agents[0].id.clone();
    let mine = InboxQuery {
        assignee: AssigneeFilter::Me,
        me: Some(agent.clone()),
        ..query
    };
    let inbox = load_inbox(&directory.connectors, &mine, 1).await;
    assert!(inbox
        .conversations
        .iter()
        .all(|c| c.assignee.as_deref() == Some(agent.as_str())));
}

#[wasm_bindgen_test]
async fn a_conversation_can_be_read_answered_assigned_and_closed() {
    let (directory, connector, id) = connector_and_a_conversation(StatusFilter::Open).await;

    let before = connector.messages(&id, 1, 50).await.expect("messages");
    let reply = connector
        .reply(
            &id,
            &directory.agents[1].id,
            "Nous avons bien reçu votre demande 👍",
            &[],
            &Default::default(),
        )
        .await
        .expect("reply");
    assert_eq!(reply.author.kind, AuthorKind::Agent);
    let after = connector.messages(&id, 1, 50).await.expect("messages");
    assert_eq!(after.total_items, before.total_items + 1);
    assert_eq!(
        after.items.last().map(|m| m.id.clone()),
        Some(reply.id.clone()),
        "newest last"
    );

    let agent = directory.agents[2].id.clone();
    let assigned = connector.assign(&id, Some(&agent)).await.expect("assign");
    assert_eq!(assigned.assignee.as_deref(), Some(agent.as_str()));
    let unassigned = connector.assign(&id, None).await.expect("unassign");
    assert_eq!(unassigned.assignee, None);

    let closed = connector
        .change_status(&id, StatusChange::Close)
        .await
        .expect("close");
    assert_eq!(closed.status, ConversationStatus::Closed);
    let reopened = connector
        .change_status(&id, StatusChange::Reopen)
        .await
        .expect("reopen");
    assert_eq!(reopened.status, ConversationStatus::Open);
    let fetched = connector.conversation(&id).await.expect("get");
    assert_eq!(fetched.last_message.map(|m| m.id), Some(reply.id));
}

#[wasm_bindgen_test]
async fn errors_come_back_typed_and_in_words() {
    let directory = load_directory(server_origin()).await.expect("directory");
    let connector = directory
        .connector("communication")
        .expect("connector")
        .clone();
    let error = connector
        .conversation("no-such-conversation")
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound);
    assert_eq!(error.status, Some(404));
    assert!(
        error.correlation_id.is_some(),
        "the trace id reaches the console"
    );

    let error = connector
        .assign("no-such-conversation", Some("agent-x"))
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind, ErrorKind::NotFound | ErrorKind::Invalid),
        "{error:?}"
    );

    // Nobody listens there: a network error, not a panic.
    let unreachable = switchboard::api::load_directory("http://127.0.0.1:9")
        .await
        .unwrap_err();
    assert_eq!(unreachable.kind, ErrorKind::Network);
}

#[wasm_bindgen_test]
async fn the_contact_form_reaches_the_server_and_gets_a_reference() {
    let directory = load_directory(server_origin()).await.expect("directory");
    let contact = directory
        .contact_backend()
        .expect("contact backend")
        .clone();
    let form = ContactForm {
        name: "Søren Ødegård".into(),
        email: "soren@example.no".into(),
        subject: "Booking TRIP-2026-0999".into(),
        message: "Can I move my trip to next week? Takk!".into(),
    };
    let receipt = contact
        .send_contact(&form, &[], &Default::default())
        .await
        .expect("sent");
    assert!(!receipt.reference.is_empty());
    let conversation_id = receipt.conversation_id.expect("a conversation was opened");
    let connector = directory.connector("communication").unwrap();
    let conversation = connector
        .conversation(&conversation_id)
        .await
        .expect("conversation");
    assert_eq!(conversation.customer, "soren@example.no");

    // The server re-validates what the browser checks.
    let bad = ContactForm {
        email: "not-an-email".into(),
        ..form
    };
    let error = contact
        .send_contact(&bad, &[], &Default::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Invalid);
    assert!(error.details.iter().any(|d| d.field == "mail"), "{error:?}");
}

#[wasm_bindgen_test]
async fn replies_carry_files_and_the_server_checks_them_again() {
    use common::{make_file, EXE_HEAD, PDF_HEAD, PNG_HEAD};
    use switchboard::api::upload::UploadControl;

    let (directory, connector, id) = connector_and_a_conversation(StatusFilter::All).await;
    let agent = directory.agents[0].id.clone();
    let upload = UploadControl::default();
    let files = [
        make_file("screen.png", PNG_HEAD, 200_000),
        make_file("facture.pdf", PDF_HEAD, 50_000),
    ];
    let message = connector
        .reply(&id, &agent, "Ci-joint.", &files, &upload)
        .await
        .expect("sent with files");
    assert_eq!(message.attachments.len(), 2);
    let png = &message.attachments[0];
    assert_eq!(png.name, "screen.png");
    assert_eq!(png.media_type, "image/png");
    assert_eq!(png.size, 200_000);
    assert!(png.is_image);
    assert!(png.url.starts_with(server_origin()), "{}", png.url);
    let served = gloo_net::http::Request::get(&message.attachments[1].url)
        .send()
        .await
        .expect("download");
    assert_eq!(served.status(), 200);
    assert_eq!(served.binary().await.expect("bytes").len(), 50_000);

    // Bypassing the page's checks, a disguised program is still refused, by name.
    let error = connector
        .reply(
            &id,
            &agent,
            "",
            &[make_file("invoice.pdf", EXE_HEAD, 1_000)],
            &upload,
        )
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Invalid);
    assert!(
        error
            .details
            .iter()
            .any(|d| d.field == "files[0]" && d.issue.contains("invoice.pdf")),
        "{error:?}"
    );
}

#[wasm_bindgen_test]
async fn an_upload_under_way_can_be_cancelled() {
    use common::{make_file, PDF_HEAD};
    use switchboard::api::upload::UploadControl;
    use switchboard_core::attachments::MB;

    let (directory, connector, id) = connector_and_a_conversation(StatusFilter::All).await;
    let before = connector
        .messages(&id, 1, 5)
        .await
        .expect("messages")
        .total_items;
    let upload = UploadControl::default();
    let files = [make_file("big-scan.pdf", PDF_HEAD, 8 * MB as usize)];
    let sending = connector.reply(&id, &directory.agents[0].id, "Big file", &files, &upload);
    // Cancel as soon as the upload has started: the browser cannot have finished it yet.
    let cancel = async {
        while upload.progress.get_untracked().is_none() {
            leptos::task::tick().await;
        }
        upload.cancel();
    };
    let (result, ()) = futures::join!(sending, cancel);
    assert_eq!(result.unwrap_err().kind, ErrorKind::Cancelled);
    assert!(
        upload.progress.get_untracked().is_none(),
        "the progress bar goes away"
    );
    let after = connector
        .messages(&id, 1, 5)
        .await
        .expect("messages")
        .total_items;
    assert_eq!(after, before, "nothing was half-sent");
}
