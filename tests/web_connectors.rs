//! Every connector against a real reference server (`scripts/test.sh` starts one with a
//! fresh database and passes its URL at build time): one contract suite that each runs
//! (list and page, open, reply with a file, assign, close, errors), then each dialect's own
//! cases beside it. The server lets only a signed-in agent in, so every test signs in
//! first (the session is the browser's cookie, shared by the tests of this file), and the
//! session's own contract is tested here too.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{make_file, server_origin, sign_in, DEMO_EMAIL, PDF_HEAD};
use leptos::prelude::*;
use std::collections::HashSet;
use switchboard::connectors::{
    customer_channel, load_backends, load_descriptors, load_directory, load_inbox, load_more,
    session, session_watch, Connector, Directory, Reply,
};
use switchboard_core::domain::{
    AssigneeFilter, AuthorKind, Conversation, ConversationStatus, InboxQuery, StatusChange,
    StatusFilter,
};
use switchboard_core::error::ErrorKind;
use switchboard_core::validation::ContactForm;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An id no backend knows, in the shape each accepts: case messages want a guid,
/// PostCenter 24 hexadecimal digits (anything else is refused as malformed, a 400).
fn no_such_id(backend: &str) -> &'static str {
    match backend {
        "postcenter" => "000000000000000000000000",
        _ => "00000000-0000-4000-8000-000000000000",
    }
}

/// Every backend the reference server serves and the console speaks.
const BACKENDS: [&str; 5] = [
    "communication",
    "octopia",
    "case-messages",
    "support-sessions",
    "postcenter",
];

async fn connector(name: &str) -> (Directory, Connector) {
    let directory = load_directory(server_origin()).await.expect("directory");
    let connector = directory.connector(name).expect(name).clone();
    (directory, connector)
}

fn reply(agent: &str, body: &str) -> Reply {
    Reply {
        agent_id: agent.to_owned(),
        body: body.to_owned(),
        ..Default::default()
    }
}

/// The first conversation of a view.
async fn first(connector: &Connector, status: StatusFilter) -> Conversation {
    let query = InboxQuery {
        status,
        page_size: 3,
        ..Default::default()
    };
    let slice = connector
        .list_conversations(&query, None)
        .await
        .expect("list");
    slice.page.items.into_iter().next().expect("a conversation")
}

async fn communication_conversation() -> (Directory, Connector, String) {
    let (directory, connector) = connector("communication").await;
    let id = first(&connector, StatusFilter::All).await.key.id;
    (directory, connector, id)
}

// ---- the contract: what every connector does ---------------------------------------------

async fn lists_newest_first_and_pages_append(name: &str) {
    let (_, connector) = connector(name).await;
    let query = InboxQuery {
        page_size: 4,
        ..Default::default()
    };
    let page = connector
        .list_conversations(&query, None)
        .await
        .expect("list")
        .page;
    assert_eq!(page.items.len(), 4, "{name}");
    let times: Vec<_> = page.items.iter().map(|c| c.last_activity).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "{name}: newest activity first");
    let next = page.next.clone().expect("a next page");
    let second = connector
        .list_conversations(&query, Some(&next))
        .await
        .expect("next")
        .page;
    let seen: HashSet<_> = page.items.iter().map(|c| c.key.clone()).collect();
    assert!(!second.items.is_empty(), "{name}");
    assert!(
        second.items.iter().all(|c| !seen.contains(&c.key)),
        "{name}: a next page holds new rows"
    );

    // The merged inbox appends: the first rows stay, new ones follow.
    let inbox = load_inbox(std::slice::from_ref(&connector), &query).await;
    let more = load_more(std::slice::from_ref(&connector), &query, &inbox).await;
    assert_eq!(more.conversations.len(), 8, "{name}");
    assert!(
        inbox
            .conversations
            .iter()
            .all(|c| more.get(&c.key).is_some()),
        "{name}"
    );
}

async fn opens_a_conversation_and_replies_with_a_file(name: &str) {
    let (directory, connector) = connector(name).await;
    let listed = first(&connector, StatusFilter::Open).await;
    let opened = connector.conversation(&listed.key.id).await.expect("open");
    assert_eq!(opened.key, listed.key, "{name}");
    let before = connector
        .messages(&listed.key.id, None, 50)
        .await
        .expect("messages");
    assert!(!before.items.is_empty(), "{name}");
    if !opened.capabilities.reply {
        // Nothing to answer (a support session): the thread still has something to say,
        // and a reply is refused in words, never sent.
        let refused = connector
            .reply(
                &listed.key.id,
                &reply("x", "hello"),
                &[],
                &Default::default(),
            )
            .await
            .unwrap_err();
        assert!(refused.backend_message.is_some(), "{name}");
        return;
    }

    let mut answer = reply(
        &directory.agents[1].id,
        "Nous avons bien reçu votre demande 👍 — <b>merci</b>",
    );
    answer.recipients = opened.reply_recipients.iter().take(1).cloned().collect();
    // A backend that carries no files (case messages) is sent the text alone.
    let takes_files = connector.info().attachment_policy.max_files > 0;
    let files: Vec<_> = takes_files
        .then(|| make_file("facture.pdf", PDF_HEAD, 50_000))
        .into_iter()
        .collect();
    let sent = connector
        .reply(&listed.key.id, &answer, &files, &Default::default())
        .await
        .expect("reply");
    assert_eq!(sent.author.kind, AuthorKind::Agent, "{name}");
    assert_eq!(sent.body, answer.body, "{name}: text stays text");
    assert_eq!(sent.attachments.len(), files.len(), "{name}");
    if takes_files {
        assert_eq!(sent.attachments[0].media_type, "application/pdf", "{name}");
    }
    let after = connector
        .messages(&listed.key.id, None, 50)
        .await
        .expect("messages");
    assert_eq!(
        after.items.last().map(|m| m.id.clone()),
        Some(sent.id),
        "{name}: newest last"
    );
}

async fn assigns_and_closes_as_its_capabilities_say(name: &str) {
    let (directory, connector) = connector(name).await;
    let conversation = first(&connector, StatusFilter::Open).await;
    let id = conversation.key.id.clone();
    let can = conversation.capabilities;
    if can.assign {
        let agent = directory.agents[2].id.clone();
        let assigned = connector.assign(&id, Some(&agent)).await.expect("assign");
        assert_eq!(assigned.assignee.as_deref(), Some(agent.as_str()), "{name}");
        let unassigned = connector.assign(&id, None).await.expect("unassign");
        assert_eq!(unassigned.assignee, None, "{name}");
    }
    if !can.close {
        // A case lives in the provider's system: asked anyway, it is refused in words.
        let refused = connector
            .change_status(&id, StatusChange::Close)
            .await
            .unwrap_err();
        assert!(refused.backend_message.is_some(), "{name}");
        return;
    }
    let closed = connector
        .change_status(&id, StatusChange::Close)
        .await
        .expect("close");
    assert_eq!(
        closed.status,
        ConversationStatus::Closed,
        "{name}: the write returns the change"
    );
    if !can.reopen {
        // A PostCenter ticket closes for good: reopening is refused in words.
        let refused = connector
            .change_status(&id, StatusChange::Reopen)
            .await
            .unwrap_err();
        assert!(refused.backend_message.is_some(), "{name}");
        return;
    }
    let reopened = connector
        .change_status(&id, StatusChange::Reopen)
        .await
        .expect("reopen");
    assert!(
        matches!(
            reopened.status,
            ConversationStatus::Open | ConversationStatus::InProgress
        ),
        "{name}: {:?}",
        reopened.status
    );
}

async fn errors_come_back_typed_and_in_words(name: &str) {
    let (_, connector) = connector(name).await;
    let error = connector.conversation(no_such_id(name)).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound, "{name}");
    assert_eq!(error.status, Some(404), "{name}");
    assert!(
        error.correlation_id.is_some(),
        "{name}: the trace id reaches the console"
    );
    let error = connector
        .change_status(no_such_id(name), StatusChange::Close)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error.kind,
            ErrorKind::NotFound | ErrorKind::Invalid | ErrorKind::Unsupported
        ),
        "{name}: {error:?}"
    );
}

#[wasm_bindgen_test]
async fn every_connector_lists_newest_first_and_pages_append() {
    sign_in().await;
    for name in BACKENDS {
        lists_newest_first_and_pages_append(name).await;
    }
}

#[wasm_bindgen_test]
async fn every_connector_opens_and_replies_with_a_file() {
    sign_in().await;
    for name in BACKENDS {
        opens_a_conversation_and_replies_with_a_file(name).await;
    }
}

#[wasm_bindgen_test]
async fn every_connector_assigns_and_closes_as_its_capabilities_say() {
    sign_in().await;
    for name in BACKENDS {
        assigns_and_closes_as_its_capabilities_say(name).await;
    }
}

#[wasm_bindgen_test]
async fn every_connector_maps_errors() {
    sign_in().await;
    for name in BACKENDS {
        errors_come_back_typed_and_in_words(name).await;
    }
    // Nobody listens there: a network error, not a panic.
    let unreachable = load_directory("http://127.0.0.1:9").await.unwrap_err();
    assert_eq!(unreachable.kind, ErrorKind::Network);
}

// ---- the session ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn an_agent_signs_in_is_known_and_signs_out_and_then_nothing_opens() {
    let origin = server_origin();
    session::sign_out(origin).await.expect("signed out");
    assert_eq!(session::current(origin).await.expect("asked"), None);

    // Deny by default: without a session every backend answers 401, and the console hears
    // that its session has ended; discovery alone is public.
    let lost = std::rc::Rc::new(std::cell::Cell::new(0));
    let watch = session_watch::watch_lost_session({
        let lost = lost.clone();
        move || lost.set(lost.get() + 1)
    });
    let public = load_backends(origin).await.expect("public discovery");
    for connector in &public.connectors {
        let error = connector
            .list_conversations(&InboxQuery::default(), None)
            .await
            .unwrap_err();
        assert_eq!(error.kind, ErrorKind::Unauthorized, "{}", connector.name());
    }
    assert_eq!(
        load_directory(origin).await.unwrap_err().kind,
        ErrorKind::Unauthorized,
        "who the agents are is not public"
    );
    let heard = lost.get();
    assert!(
        heard > public.connectors.len(),
        "every 401 is heard: {heard}"
    );

    // A wrong password is refused in words, and is not a session that ended.
    let refusal = session::sign_in(origin, DEMO_EMAIL, "not-the-password")
        .await
        .unwrap_err();
    assert_eq!(refusal.error.kind, ErrorKind::Unauthorized);
    assert_eq!(
        lost.get(),
        heard,
        "a refused sign-in is not a session that ended"
    );
    drop(watch);

    let signed_in = sign_in().await;
    assert_eq!(signed_in.agent.email, DEMO_EMAIL);
    assert!(!signed_in.agent.name.is_empty());
    let known = session::current(origin)
        .await
        .expect("asked")
        .expect("a session");
    assert_eq!(known.agent, signed_in.agent);
    let directory = load_directory(origin).await.expect("directory");
    assert!(directory.agents.iter().any(|a| a.id == known.agent.id));

    session::sign_out(origin).await.expect("signed out");
    assert_eq!(session::current(origin).await.expect("asked"), None);
    // Signing out twice is no error: the session is as ended as it gets.
    session::sign_out(origin).await.expect("signed out again");
}

// ---- communication's own cases ---------------------------------------------------------------

#[wasm_bindgen_test]
async fn discovery_finds_both_backends_and_the_agents() {
    sign_in().await;
    let directory = load_directory(server_origin()).await.expect("directory");
    for name in BACKENDS {
        assert!(directory.connector(name).is_some(), "{name}");
    }
    assert!(directory.agents.len() >= 3, "{:?}", directory.agents);
    assert_eq!(directory.unsupported().count(), 0);
}

#[wasm_bindgen_test]
async fn the_inbox_lists_newest_activity_first_and_filters() {
    sign_in().await;
    let directory = load_directory(server_origin()).await.expect("directory");
    let query = InboxQuery {
        page_size: 20,
        ..Default::default()
    };
    // The backends that list for themselves, each with more than a page of demo data.
    let listing: Vec<Connector> = directory
        .connectors
        .iter()
        .filter(|c| ["communication", "octopia"].contains(&c.name()))
        .cloned()
        .collect();
    let inbox = load_inbox(&listing, &query).await;
    assert!(inbox.failures.is_empty(), "{:?}", inbox.failures);
    assert_eq!(inbox.conversations.len(), 20 * listing.len());
    assert!(inbox.has_more());
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
    let inbox = load_inbox(&directory.connectors, &closed).await;
    assert!(!inbox.conversations.is_empty());
    assert!(inbox
        .conversations
        .iter()
        .all(|c| c.status == ConversationStatus::Closed));

    let unassigned = InboxQuery {
        assignee: AssigneeFilter::Unassigned,
        ..query.clone()
    };
    let inbox = load_inbox(&directory.connectors, &unassigned).await;
    assert!(!inbox.conversations.is_empty());
    assert!(inbox.conversations.iter().all(|c| c.assignee.is_none()));

    let agent = directory.agents[0].id.clone();
    let mine = InboxQuery {
        assignee: AssigneeFilter::Me,
        me: Some(agent.clone()),
        ..query
    };
    let inbox = load_inbox(&directory.connectors, &mine).await;
    assert!(inbox
        .conversations
        .iter()
        .all(|c| c.assignee.as_deref() == Some(agent.as_str())));
}

#[wasm_bindgen_test]
async fn the_contact_form_reaches_the_server_and_gets_a_reference() {
    // A customer has no session: the public discovery and the contact endpoint need none.
    session::sign_out(server_origin())
        .await
        .expect("signed out");
    let public = load_descriptors(server_origin())
        .await
        .expect("public discovery");
    let (name, contact) = public
        .iter()
        .find_map(|b| customer_channel(b, server_origin()).map(|c| (b.name.as_str(), c)))
        .expect("contact backend");
    assert_eq!(
        name, "communication",
        "the backend that takes contact messages"
    );
    let form = ContactForm {
        name: "Søren Ødegård".into(),
        email: "soren@example.no".into(),
        subject: "Booking TRIP-2026-0999".into(),
        message: "Can I move my trip to next week? Takk!".into(),
        ..Default::default()
    };
    let receipt = contact
        .send_contact(
            &form,
            &[],
            &Default::default(),
            &switchboard::connectors::http::new_idempotency_key(),
        )
        .await
        .expect("sent");
    assert!(!receipt.reference.is_empty());
    assert_eq!(
        receipt.conversation_id, None,
        "the customer is told their reference, not support's ids"
    );
    sign_in().await;
    let directory = load_directory(server_origin()).await.expect("directory");
    let connector = directory.connector("communication").unwrap();
    // An agent finds the conversation it opened by the customer's reference.
    let query = InboxQuery {
        reference: Some(receipt.reference.clone()),
        page_size: 20,
        ..Default::default()
    };
    let found = connector
        .list_conversations(&query, None)
        .await
        .expect("found by its reference")
        .page
        .items;
    assert_eq!(found.len(), 1, "{found:?}");
    let conversation = connector
        .conversation(&found[0].key.id)
        .await
        .expect("conversation");
    assert_eq!(conversation.customer, "soren@example.no");
    assert_eq!(conversation.customer_display(), "Søren Ødegård");
    assert_eq!(
        conversation.reference.as_deref(),
        Some(receipt.reference.as_str()),
        "one reference"
    );

    // The server re-validates what the browser checks.
    let bad = ContactForm {
        email: "not-an-email".into(),
        ..form
    };
    let error = contact
        .send_contact(
            &bad,
            &[],
            &Default::default(),
            &switchboard::connectors::http::new_idempotency_key(),
        )
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Invalid);
    assert!(error.details.iter().any(|d| d.field == "mail"), "{error:?}");
}

#[wasm_bindgen_test]
async fn replies_carry_files_and_the_server_checks_them_again() {
    sign_in().await;
    use common::{make_file, EXE_HEAD, PDF_HEAD, PNG_HEAD};
    use switchboard::connectors::upload::UploadControl;

    let (directory, connector, id) = communication_conversation().await;
    let agent = directory.agents[0].id.clone();
    let upload = UploadControl::default();
    let files = [
        make_file("screen.png", PNG_HEAD, 200_000),
        make_file("facture.pdf", PDF_HEAD, 50_000),
    ];
    let message = connector
        .reply(&id, &reply(&agent, "Ci-joint."), &files, &upload)
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
        .credentials(web_sys::RequestCredentials::Include)
        .send()
        .await
        .expect("download");
    assert_eq!(served.status(), 200);
    assert_eq!(served.binary().await.expect("bytes").len(), 50_000);

    // Bypassing the page's checks, a disguised program is still refused, by name.
    let error = connector
        .reply(
            &id,
            &reply(&agent, ""),
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
    sign_in().await;
    use common::{make_file, PDF_HEAD};
    use switchboard::connectors::upload::UploadControl;
    use switchboard_core::attachments::MB;

    let (directory, connector, id) = communication_conversation().await;
    let before = connector
        .messages(&id, None, 5)
        .await
        .expect("messages")
        .total_items;
    let upload = UploadControl::default();
    let files = [make_file("big-scan.pdf", PDF_HEAD, 8 * MB as usize)];
    let big = reply(&directory.agents[0].id, "Big file");
    let sending = connector.reply(&id, &big, &files, &upload);
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
        .messages(&id, None, 5)
        .await
        .expect("messages")
        .total_items;
    assert_eq!(after, before, "nothing was half-sent");
}

// ---- Octopia's own cases -----------------------------------------------------------------

/// The seeded claim the end-to-end test also uses.
const CLAIM_REFERENCE: &str = "2511PAQ7731";

async fn the_claim(connector: &Connector) -> Conversation {
    let query = InboxQuery {
        reference: Some(CLAIM_REFERENCE.to_owned()),
        page_size: 20,
        ..Default::default()
    };
    let found = connector
        .list_conversations(&query, None)
        .await
        .expect("find")
        .page
        .items;
    assert_eq!(found.len(), 1, "{found:?}");
    connector
        .conversation(&found[0].key.id)
        .await
        .expect("open")
}

#[wasm_bindgen_test]
async fn octopia_finds_by_order_reference_with_reasons_in_words() {
    sign_in().await;
    let (_, connector) = connector("octopia").await;
    let claim = the_claim(&connector).await;
    assert_eq!(claim.reference.as_deref(), Some(CLAIM_REFERENCE));
    assert_eq!(claim.reason.as_deref(), Some("Colis endommagé"));
    assert!(
        claim.badges.contains(&"Claim".to_owned()),
        "{:?}",
        claim.badges
    );
    assert_eq!(claim.customer_display(), "Camille Martin");
    let roles: Vec<_> = claim
        .reply_recipients
        .iter()
        .map(|r| r.role.as_str())
        .collect();
    assert_eq!(roles, ["Customer", "CustomerService"]);
    // Assignable (Switchboard keeps its assignee, docs/assignments.md), never archived.
    assert!(claim.capabilities.assign && !claim.capabilities.archive);
}

#[wasm_bindgen_test]
async fn octopia_says_why_archived_holds_none_of_its_discussions() {
    sign_in().await;
    let (_, connector) = connector("octopia").await;
    let archived = InboxQuery {
        status: StatusFilter::Archived,
        ..Default::default()
    };
    let slice = connector
        .list_conversations(&archived, None)
        .await
        .expect("list");
    assert!(slice.page.items.is_empty());
    let why = slice.none_because.unwrap_or_default();
    assert!(why.contains("never archived"), "{why}");
}

/// The ids of a view's first page of `connector`.
async fn first_page(connector: &Connector, query: &InboxQuery) -> Vec<String> {
    let slice = connector
        .list_conversations(query, None)
        .await
        .expect("a page");
    slice.page.items.into_iter().map(|c| c.key.id).collect()
}

#[wasm_bindgen_test]
async fn switchboard_keeps_the_assignee_of_octopia_discussions_and_mine_and_unassigned_follow() {
    let me = sign_in().await.agent.id;
    let (_, connector) = connector("octopia").await;
    let all = InboxQuery {
        page_size: 5,
        ..Default::default()
    };
    let id = first_page(&connector, &all)
        .await
        .pop()
        .expect("a discussion");
    let mine = InboxQuery {
        assignee: AssigneeFilter::Me,
        me: Some(me.clone()),
        ..all.clone()
    };
    let unassigned = InboxQuery {
        assignee: AssigneeFilter::Unassigned,
        ..all.clone()
    };

    let assigned = connector.assign(&id, Some(&me)).await.expect("assigned");
    assert_eq!(assigned.assignee.as_deref(), Some(me.as_str()));
    assert!(assigned.capabilities.assign && assigned.capabilities.unassign);
    assert_eq!(
        connector
            .conversation(&id)
            .await
            .expect("read")
            .assignee
            .as_deref(),
        Some(me.as_str()),
        "kept"
    );
    assert!(first_page(&connector, &mine).await.contains(&id));
    let slice = connector
        .list_conversations(&unassigned, None)
        .await
        .expect("a page");
    assert!(slice
        .page
        .items
        .iter()
        .all(|c| c.key.id != id && c.assignee.is_none()));
    assert!(
        !slice.filtered_here.is_empty(),
        "the view says it narrowed the page itself"
    );

    let cleared = connector.assign(&id, None).await.expect("unassigned");
    assert_eq!(cleared.assignee, None);
    assert!(!first_page(&connector, &mine).await.contains(&id));
}

/// Every discussion of `query`, following the cursor to the end.
async fn every_discussion(connector: &Connector, query: &InboxQuery) -> Vec<String> {
    let mut keys = Vec::new();
    let mut after = None;
    for _ in 0..100 {
        let slice = connector
            .list_conversations(query, after.as_ref())
            .await
            .expect("a page");
        keys.extend(slice.page.items.iter().map(|c| c.key.to_string()));
        match slice.page.next {
            Some(next) => after = Some(next),
            None => return keys,
        }
    }
    panic!("the cursor never ended");
}

#[wasm_bindgen_test]
async fn octopia_searches_thirteen_months_in_windows_it_accepts_with_no_gap_and_no_repeat() {
    use switchboard_core::domain::ActiveRange;
    sign_in().await;
    let (_, connector) = connector("octopia").await;
    let today = chrono::Utc::now().date_naive();
    let year_ago = today - chrono::Months::new(13);
    let paged = |active| InboxQuery {
        active,
        page_size: 10,
        ..Default::default()
    };
    let range = ActiveRange::parse(Some(&year_ago.to_string()), Some(&today.to_string()));
    let dated = every_discussion(&connector, &paged(range)).await;
    let all = every_discussion(&connector, &paged(None)).await;
    let distinct: HashSet<_> = dated.iter().collect();
    assert_eq!(distinct.len(), dated.len(), "no repeat");
    assert_eq!(distinct, all.iter().collect::<HashSet<_>>(), "no gap");
    // Two windows with nothing in them: no page, no error.
    let long_ago = ActiveRange::parse(Some("2019-01-01"), Some("2019-12-31"));
    assert!(every_discussion(&connector, &paged(long_ago))
        .await
        .is_empty());
}

#[wasm_bindgen_test]
async fn octopia_refuses_a_receiver_the_discussion_does_not_have() {
    sign_in().await;
    let (directory, connector) = connector("octopia").await;
    let discussion = first(&connector, StatusFilter::Open).await;
    let mut wrong = reply(&directory.agents[0].id, "Bonjour");
    wrong.recipients = vec![switchboard_core::domain::Recipient {
        id: "someone".into(),
        role: "Seller".into(),
        label: "Seller".into(),
    }];
    let error = connector
        .reply(&discussion.key.id, &wrong, &[], &Default::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Invalid);
    assert!(
        error.details.iter().any(|d| d.field.contains("userType")),
        "{error:?}"
    );
}

#[wasm_bindgen_test]
async fn octopia_reads_unreads_and_counts_claims_to_treat() {
    sign_in().await;
    let (_, connector) = connector("octopia").await;
    let claim = the_claim(&connector).await;
    let id = claim.key.id.clone();
    let read = connector.mark_read(&id, true, &[]).await.expect("read");
    assert_eq!(read.unread, Some(false));
    let unread = connector.mark_read(&id, false, &[]).await.expect("unread");
    assert_eq!(unread.unread, Some(true));
    // Reading what the agent was shown reads nothing else: the unread message was not.
    let not_shown = connector
        .mark_read(&id, true, &["a message never shown".to_owned()])
        .await
        .expect("nothing to read");
    assert_eq!(not_shown.unread, Some(true));

    let claims = |counts: Vec<switchboard::connectors::Counter>| {
        counts
            .into_iter()
            .find(|c| c.token == "claims-to-treat")
            .expect("claims")
            .count
    };
    let before = claims(connector.counters().await.expect("counts"));
    connector
        .change_status(&id, StatusChange::Close)
        .await
        .expect("close");
    assert_eq!(
        claims(connector.counters().await.expect("counts")),
        before - 1
    );
    connector
        .change_status(&id, StatusChange::Reopen)
        .await
        .expect("reopen");
    assert_eq!(claims(connector.counters().await.expect("counts")), before);
}
