//! Internal notes in headless Chromium, against the test server: the reply box switches
//! between Reply and Internal note with Alt+N and says which is about to go; a note is
//! added to Switchboard's server, shown in the thread as the team's own and never sent to
//! the backend as a reply; a note's text and its choice survive a reload; `@` in a note
//! offers the team and the note names who was chosen; a note carries files, checked as a
//! reply's are, and the thread shows them.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use switchboard::components::conversation::notes::ConversationNotes;
use switchboard::components::conversation::outbox::{self, OutboxSlot};
use switchboard::components::conversation::reply_box::ReplyBox;
use switchboard::components::conversation::thread::MessageThread;
use switchboard::connectors::{load_directory, notes, Connector};
use switchboard::state::{ApiOrigin, Clock, CurrentAgent, DirectoryResource};
use switchboard::storage;
use wasm_bindgen_test::*;
use web_sys::{KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// A key pressed in the element `testid`, with its modifiers.
fn press(root: &web_sys::Element, testid: &str, key: &str, code: &str, alt: bool, ctrl: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_code(code);
    init.set_alt_key(alt);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    find(root, testid)
        .dispatch_event(&event)
        .expect("dispatched");
}

/// The reply box and the thread's notes of conversation `id`, as the conversation page
/// puts them together.
fn mount_page(connector: Connector, id: &str, agent: &str) -> web_sys::HtmlElement {
    let (id, agent) = (id.to_owned(), session_agent(agent));
    mount(move || {
        provide_context(ApiOrigin(server_origin().to_owned()));
        provide_context(CurrentAgent(RwSignal::new(Some(agent))));
        provide_context(OutboxSlot::new());
        provide_context(Clock::start());
        let directory: DirectoryResource =
            LocalResource::new(|| async { load_directory(server_origin()).await });
        provide_context(directory);
        let notes = ConversationNotes::provide("communication", &id);
        view! {
            <MessageThread messages=Signal::derive(Vec::new) customer="" agents=Signal::derive(Vec::new) notes=notes.list />
            <ReplyBox
                connector
                conversation_id=id
                blocked_reason=Signal::derive(|| None::<String>)
                on_sent=Callback::new(|_| ())
            />
        }
    })
}

fn forget_draft(agent: &str, id: &str) {
    let draft = storage::draft_key(agent, "communication", id);
    outbox::done(&draft);
    storage::remove(&draft);
    storage::remove(&format!("{draft}:compose"));
}

#[wasm_bindgen_test]
async fn a_note_chosen_with_alt_n_goes_to_the_team_and_never_to_the_customer() {
    let (connector, id, agent) = a_conversation(0).await;
    forget_draft(&agent, &id);
    let before = message_count(&connector, &id).await;
    let root = mount_page(connector.clone(), &id, &agent);
    settle().await;
    assert_eq!(text(&root, "reply-send"), "Send");
    assert!(find_all(&root, "note-hint").is_empty());

    let words = "Buyer called: <b>refund</b> approved by finance";
    type_into(&root, "reply-input", words);
    press(&root, "reply-input", "n", "KeyN", true, false);
    wait_until("the box says a note is about to be added", || {
        find_all(&root, "note-hint").len() == 1
    })
    .await;
    assert_eq!(text(&root, "reply-send"), "Add internal note");
    assert!(find(&root, "reply-box").class_list().contains("note-mode"));
    assert_eq!(reply_text(&root), words, "switching keeps every word");

    // Ctrl+Enter, the reply's own key, adds the note: nothing goes to the backend.
    press(&root, "reply-input", "Enter", "Enter", false, true);
    wait_until("the note is in the thread", || {
        find_all(&root, "note").len() == 1
    })
    .await;
    assert_eq!(text(&root, "note-label"), "Internal note");
    assert_eq!(text(&root, "note-body"), words, "shown as text, not markup");
    assert!(reply_text(&root).is_empty(), "the box is empty again");
    assert_eq!(
        message_count(&connector, &id).await,
        before,
        "no reply was sent"
    );
    let kept = notes::notes(server_origin(), "communication", &id)
        .await
        .expect("notes");
    assert!(kept.iter().any(|n| n.body == words && n.author_id == agent));

    // Alt+N again: back to a reply, which the box says.
    press(&root, "reply-input", "n", "KeyN", true, false);
    wait_until("a reply again", || text(&root, "reply-send") == "Send").await;
    root.remove();
}

#[wasm_bindgen_test]
async fn a_note_drafted_before_a_reload_comes_back_as_a_note() {
    let (connector, id, agent) = a_conversation(1).await;
    forget_draft(&agent, &id);
    let before = message_count(&connector, &id).await;
    let root = mount_page(connector.clone(), &id, &agent);
    settle().await;
    click(&root, "compose-note");
    type_into(
        &root,
        "reply-input",
        "Do not refund before the carrier answers.",
    );
    settle().await;
    root.remove();

    // As after a reload: the text, and that it is a note.
    let root = mount_page(connector.clone(), &id, &agent);
    wait_until("the note's text is back", || {
        reply_text(&root) == "Do not refund before the carrier answers."
    })
    .await;
    assert_eq!(text(&root, "reply-send"), "Add internal note");
    click(&root, "reply-send");
    wait_until("added", || reply_text(&root).is_empty()).await;
    assert_eq!(
        message_count(&connector, &id).await,
        before,
        "no reply was sent"
    );
    root.remove();
}

fn options(root: &web_sys::Element) -> Vec<String> {
    find_all(root, "mention-option")
        .iter()
        .map(|o| o.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn at_in_a_note_offers_the_team_by_name_and_the_note_names_who_was_chosen() {
    let (connector, id, agent) = a_conversation(2).await;
    forget_draft(&agent, &id);
    let root = mount_page(connector.clone(), &id, &agent);
    settle().await;
    // In a reply, `@` is only a character: customers are not offered colleagues.
    type_into(&root, "reply-input", "Hi @jav");
    settle().await;
    assert!(options(&root).is_empty());

    click(&root, "compose-note");
    type_into(&root, "reply-input", "Please call them @jav");
    wait_until("Javier is offered", || options(&root) == ["Javier Ortega"]).await;
    let text_area = find(&root, "reply-input");
    assert_eq!(
        text_area.get_attribute("aria-activedescendant").as_deref(),
        Some("mention-options-0")
    );
    assert!(text(&root, "mention-offered").contains("One colleague offered"));
    press(&root, "reply-input", "Enter", "Enter", false, false);
    wait_until("the name is written", || {
        reply_text(&root) == "Please call them @Javier Ortega "
    })
    .await;
    wait_until("the list closed", || options(&root).is_empty()).await;

    // The signed-in agent is not offered to themselves; Esc closes the list.
    type_into(
        &root,
        "reply-input",
        "Please call them @Javier Ortega, cc @cam",
    );
    wait_until("nobody by that name", || {
        text(&root, "mention-offered").contains("No colleague")
    })
    .await;
    assert!(options(&root).is_empty());
    type_into(
        &root,
        "reply-input",
        "Please call them @Javier Ortega, cc @i",
    );
    wait_until("Ingrid is offered", || options(&root) == ["Ingrid Berg"]).await;
    press(&root, "reply-input", "Escape", "Escape", false, false);
    wait_until("closed", || options(&root).is_empty()).await;
    assert_eq!(
        reply_text(&root),
        "Please call them @Javier Ortega, cc @i",
        "Esc keeps the text"
    );

    press(&root, "reply-input", "Enter", "Enter", false, true);
    wait_until("the note is in the thread", || {
        find_all(&root, "note").len() == 1
    })
    .await;
    let kept = notes::notes(server_origin(), "communication", &id)
        .await
        .expect("notes");
    let note = kept
        .iter()
        .find(|n| n.body.contains("@Javier Ortega"))
        .expect("the note");
    assert_eq!(note.mentions, ["agent-javier"], "only whom the text names");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_note_carries_files_checked_as_a_replys_and_the_thread_shows_them() {
    let (connector, id, agent) = a_conversation(4).await;
    forget_draft(&agent, &id);
    let before = message_count(&connector, &id).await;
    let root = mount_page(connector.clone(), &id, &agent);
    settle().await;
    click(&root, "compose-note");
    wait_until("the note's file picker", || {
        !find_all(&root, "attachment-input").is_empty()
    })
    .await;
    type_into(&root, "reply-input", "The carrier's screen, for the record");
    choose_files(
        &root,
        "attachment-input",
        &[
            make_file("tool.exe", EXE_HEAD, 4_000),
            make_file("carrier.png", PNG_HEAD, 6_000),
        ],
    );
    wait_until(
        "the executable is refused in words, the picture kept",
        || {
            find_all(&root, "attachment-problem")
                .iter()
                .any(|p| p.text_content().unwrap_or_default().contains("tool.exe"))
                && find_all(&root, "attachment-chip").len() == 1
        },
    )
    .await;
    press(&root, "reply-input", "Enter", "Enter", false, true);
    wait_until("the note and its picture are in the thread", || {
        find_all(&root, "note").iter().any(|n| {
            n.query_selector("[data-testid='message-attachment']")
                .ok()
                .flatten()
                .is_some()
        })
    })
    .await;
    assert!(
        find_all(&root, "attachment-chip").is_empty(),
        "the files went with the note"
    );
    let kept = notes::notes(server_origin(), "communication", &id)
        .await
        .expect("notes");
    let note = kept
        .iter()
        .find(|n| n.body == "The carrier's screen, for the record")
        .expect("the note");
    assert_eq!(note.attachments.len(), 1);
    assert_eq!(note.attachments[0].name, "carrier.png");
    assert!(
        note.attachments[0].url.starts_with(server_origin()),
        "{}",
        note.attachments[0].url
    );
    assert_eq!(
        message_count(&connector, &id).await,
        before,
        "never sent to the backend"
    );
    root.remove();
}
