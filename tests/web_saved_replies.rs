//! Saved replies in the reply box, in headless Chromium against the test server and its
//! demo library: `/` opens the picker, typing narrows it fuzzily, the preview is in the
//! conversation's language with what the conversation fills; a variable it lacks is
//! asked for before anything goes into the reply (an empty answer is refused in words),
//! and the reply never holds `{{...}}`. Esc closes and keeps what was typed.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use switchboard::components::conversation::outbox;
use switchboard::components::conversation::reply_box::{
    saved_replies_panel, ReplyBox, SavedRepliesLater, ShownConversation,
};
use switchboard::components::shell::later::MakeView;
use switchboard::connectors::Connector;
use switchboard::state::{ApiOrigin, CurrentAgent};
use switchboard::storage;
use switchboard_core::domain::{BackendKind, Conversation, ConversationKey, ConversationStatus};
use wasm_bindgen_test::*;
use web_sys::{KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn press(root: &web_sys::Element, testid: &str, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    find(root, testid)
        .dispatch_event(&event)
        .expect("dispatched");
}

/// An Octopia discussion about order FR-4417 whose buyer has no name on file.
fn discussion() -> Conversation {
    Conversation {
        reference: Some("FR-4417".into()),
        ..Conversation::new(
            ConversationKey::new("octopia", "d-saved"),
            BackendKind::Octopia,
            "buyer-88",
            ConversationStatus::Open,
            switchboard_core::wire::communication::CAPABILITIES,
        )
    }
}

fn mount_box(connector: Connector, id: &str, agent: &str) -> web_sys::HtmlElement {
    let (id, agent) = (id.to_owned(), session_agent(agent));
    mount(move || {
        provide_context(ApiOrigin(server_origin().to_owned()));
        provide_context(CurrentAgent(RwSignal::new(Some(agent))));
        provide_context(ShownConversation(Signal::derive(|| Some(discussion()))));
        // The panel at once, as a development build gives it.
        provide_context(SavedRepliesLater(|| {
            Box::pin(async { Ok(saved_replies_panel as MakeView) })
        }));
        view! {
            <ReplyBox
                connector
                conversation_id=id
                blocked_reason=Signal::derive(|| None::<String>)
                on_sent=Callback::new(|_| ())
            />
        }
    })
}

fn titles(root: &web_sys::Element) -> Vec<String> {
    find_all(root, "saved-reply-option")
        .iter()
        .filter_map(|o| o.query_selector(".saved-reply-title").ok().flatten())
        .map(|t| t.text_content().unwrap_or_default())
        .collect()
}

fn forget_draft(agent: &str, id: &str) {
    let draft = storage::draft_key(agent, "communication", id);
    outbox::done(&draft);
    storage::remove(&draft);
}

#[wasm_bindgen_test]
async fn a_saved_reply_asks_for_what_the_conversation_lacks_before_it_goes_into_the_reply() {
    let (connector, id, agent) = a_conversation(3).await;
    forget_draft(&agent, &id);
    let root = mount_box(connector, &id, &agent);
    settle().await;
    type_into(&root, "reply-input", "/");
    wait_until("the demo library is offered", || titles(&root).len() >= 3).await;
    type_into(&root, "saved-reply-search", "rfnd way");
    wait_until("the refund reply fits", || {
        titles(&root).first().map(String::as_str) == Some("Refund on its way")
    })
    .await;
    assert!(text(&root, "saved-reply-offered").contains("saved repl"));
    let preview = text(&root, "saved-reply-preview-text");
    assert!(
        preview.starts_with("Bonjour [The customer’s name]"),
        "French first on Octopia: {preview}"
    );
    assert!(
        preview.contains("commande FR-4417"),
        "the reference is filled: {preview}"
    );

    press(&root, "saved-reply-search", "Enter");
    wait_until("the missing name is asked for", || {
        find_all(&root, "saved-reply-variable").len() == 1
    })
    .await;
    let asked = find(&root, "saved-reply-variable");
    assert_eq!(
        asked.get_attribute("data-variable").as_deref(),
        Some("customer_name")
    );
    assert_eq!(
        reply_text(&root),
        "/",
        "nothing goes in before it is answered"
    );

    click(&root, "saved-reply-ask-insert");
    wait_until("an empty answer is refused in words", || {
        text(&root, "saved-reply-ask-problem").contains("Fill in The customer’s name first")
    })
    .await;
    assert_eq!(reply_text(&root), "/");

    type_into(&root, "saved-reply-variable", "Camille");
    press(&root, "saved-reply-variable", "Enter");
    wait_until("the reply is in the box", || {
        reply_text(&root).starts_with("Bonjour Camille,")
    })
    .await;
    let written = reply_text(&root);
    assert!(written.contains("la commande FR-4417"), "{written}");
    assert!(
        written.ends_with(&format!("Agent {agent}")),
        "signed with the agent's name: {written}"
    );
    assert!(
        !written.contains("{{") && !written.contains('/'),
        "every variable filled, the slash replaced: {written}"
    );
    wait_until("the picker closed, saying what went in", || {
        find_all(&root, "saved-replies-panel").is_empty()
            && text(&root, "saved-reply-said").contains("Refund on its way")
    })
    .await;
    forget_draft(&agent, &id);
    root.remove();
}

#[wasm_bindgen_test]
async fn esc_closes_the_picker_and_keeps_what_was_typed() {
    let (connector, id, agent) = a_conversation(4).await;
    forget_draft(&agent, &id);
    let root = mount_box(connector, &id, &agent);
    settle().await;
    // A slash inside a word is only a character.
    type_into(&root, "reply-input", "and/");
    settle().await;
    assert!(find_all(&root, "saved-replies-panel").is_empty());
    type_into(&root, "reply-input", "and /");
    wait_until("the picker opens", || !titles(&root).is_empty()).await;
    press(&root, "saved-reply-search", "Escape");
    wait_until("closed", || {
        find_all(&root, "saved-replies-panel").is_empty()
    })
    .await;
    assert_eq!(reply_text(&root), "and /", "Esc keeps the text");

    click(&root, "saved-replies-open");
    wait_until("the button opens it too", || !titles(&root).is_empty()).await;
    type_into(&root, "saved-reply-search", "zzzz qqqq");
    wait_until("nothing fits, said so", || {
        !find_all(&root, "saved-replies-none").is_empty()
    })
    .await;
    forget_draft(&agent, &id);
    root.remove();
}
