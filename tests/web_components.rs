//! Components mounted in headless Chromium: they render, react to typing and clicks, and
//! say what is wrong in words.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::Router;
use switchboard::components::inbox::inbox_views::InboxViews;
use switchboard::pages::contact::{ContactForm, ContactSending};
use switchboard::state::ApiOrigin;
use switchboard::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn contact_form_flags_an_invalid_email_once_the_field_is_left() {
    let root = mount(|| view! { <ContactForm sending=ContactSending::AT_HAND /> });
    settle().await;
    assert_eq!(
        text(&root, "error-mail"),
        "",
        "quiet before the person types"
    );

    type_into(&root, "contact-mail", "marie.dupont@");
    settle().await;
    assert_eq!(
        text(&root, "error-mail"),
        "",
        "quiet while typing the first time"
    );

    blur(&root, "contact-mail");
    settle().await;
    assert!(
        text(&root, "error-mail").contains("is not a valid email address"),
        "got {:?}",
        text(&root, "error-mail")
    );
    assert_eq!(
        find(&root, "contact-mail")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    // Fixing it clears the message as the person types.
    type_into(&root, "contact-mail", "marie.dupont@example.fr");
    settle().await;
    assert_eq!(text(&root, "error-mail"), "");
}

#[wasm_bindgen_test]
async fn contact_form_refuses_to_send_an_incomplete_form_and_names_each_field() {
    // An origin nothing listens on: if anything were sent, an error panel would appear.
    let root = mount(|| {
        provide_context(ApiOrigin("http://127.0.0.1:9".into()));
        view! { <ContactForm sending=ContactSending::AT_HAND /> }
    });
    settle().await;
    type_into(&root, "contact-message", "Too short");
    click(&root, "contact-submit");
    settle().await;

    assert_eq!(text(&root, "error-name"), "Your name is required.");
    assert_eq!(text(&root, "error-mail"), "Your email address is required.");
    assert_eq!(text(&root, "error-object"), "The subject is required.");
    assert_eq!(
        text(&root, "error-message"),
        "Your message needs at least 10 characters (9 so far)."
    );
    assert!(
        find_all(&root, "error-panel").is_empty(),
        "nothing was sent"
    );
    assert!(find_all(&root, "contact-confirmation").is_empty());
    let focused = document()
        .active_element()
        .and_then(|e| e.get_attribute("data-testid"));
    assert_eq!(
        focused.as_deref(),
        Some("contact-name"),
        "focus goes to the first problem"
    );
}

#[wasm_bindgen_test]
async fn inbox_views_and_the_date_search_follow_the_url() {
    use switchboard::components::inbox::date_filter::DateFilter;
    // One router for the page: views and date search side by side, as in the console.
    let root = mount(|| view! { <Router><InboxViews /><DateFilter /></Router> });
    settle().await;
    let mine = find(&root, "view-assignee-me");
    assert_eq!(mine.get_attribute("href").as_deref(), Some("/?assignee=me"));
    assert_eq!(
        find(&root, "view-assignee-all")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );

    click(&root, "view-assignee-me");
    settle().await;
    assert_eq!(
        find(&root, "view-assignee-me")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    assert_eq!(
        find(&root, "view-assignee-all").get_attribute("aria-current"),
        None
    );
    // The status links keep the assignee chosen.
    assert_eq!(
        find(&root, "view-status-closed")
            .get_attribute("href")
            .as_deref(),
        Some("/?assignee=me&status=closed")
    );
    assert!(window()
        .location()
        .search()
        .unwrap_or_default()
        .contains("assignee=me"));

    // The date search: "Until" waits for "From"; both go in the URL beside the view.
    let until = || {
        find(&root, "active-until")
            .unchecked_into::<web_sys::HtmlInputElement>()
            .disabled()
    };
    assert!(until(), "no end before a start");
    pick_date(&root, "active-from", "2026-03-01");
    settle().await;
    let search = || window().location().search().unwrap_or_default();
    assert!(search().contains("from=2026-03-01"), "{}", search());
    assert!(!until());
    pick_date(&root, "active-until", "2026-09-30");
    settle().await;
    assert!(
        search().contains("assignee=me&from=2026-03-01&until=2026-09-30"),
        "{}",
        search()
    );
    click(&root, "active-clear");
    settle().await;
    assert!(!search().contains("from="), "{}", search());
    assert!(search().contains("assignee=me"), "{}", search());
    assert!(until());
}

fn reply_box(agent: Option<&str>) -> web_sys::HtmlElement {
    mount_reply_box(agent, "conv-1", UNREACHABLE_API)
}

#[wasm_bindgen_test]
async fn reply_box_refuses_a_blank_reply_and_keeps_the_draft() {
    clear_storage();
    let root = reply_box(Some("agent-camille"));
    settle().await;

    click(&root, "reply-send");
    settle().await;
    assert_eq!(text(&root, "reply-problem"), "A reply is required.");

    type_into(
        &root,
        "reply-input",
        "Bonjour, je regarde votre réservation.",
    );
    settle().await;
    assert_eq!(
        text(&root, "reply-problem"),
        "",
        "typing clears the problem"
    );
    assert_eq!(
        storage::read(&storage::draft_key(
            "agent-camille",
            "communication",
            "conv-1"
        ))
        .as_deref(),
        Some("Bonjour, je regarde votre réservation."),
        "the draft survives a reload"
    );
    assert_eq!(
        storage::read(&storage::draft_key(
            "agent-javier",
            "communication",
            "conv-1"
        )),
        None,
        "another agent on this browser has no draft here"
    );

    // A new reply box for the same conversation starts from the draft.
    let again = reply_box(Some("agent-camille"));
    settle().await;
    let area = find(&again, "reply-input")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert_eq!(area.value(), "Bonjour, je regarde votre réservation.");

    // Another agent signed in on this browser starts from nothing.
    let other = reply_box(Some("agent-javier"));
    settle().await;
    let area = find(&other, "reply-input")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert_eq!(area.value(), "");
}

#[wasm_bindgen_test]
async fn reply_box_sends_nothing_without_a_signed_in_agent_and_keeps_text_when_sending_fails() {
    clear_storage();
    let root = reply_box(None);
    settle().await;
    type_into(&root, "reply-input", "Hello!");
    click(&root, "reply-send");
    settle().await;
    assert!(text(&root, "reply-problem").contains("sign in again"));

    // Nobody listens on port 9: the send fails, the words stay.
    let root = reply_box(Some("agent-camille"));
    settle().await;
    type_into(&root, "reply-input", "Your refund is on its way.");
    click(&root, "reply-send");
    wait_until("the send fails", || {
        !find_all(&root, "error-panel").is_empty()
    })
    .await;
    assert!(text(&root, "error-panel").contains("could not be reached"));
    let area = find(&root, "reply-input")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert_eq!(area.value(), "Your refund is on its way.");
}

/// Picks `value` in the date field `testid`, as a person does (one bubbling change).
fn pick_date(root: &web_sys::Element, testid: &str, value: &str) {
    let input = find(root, testid).unchecked_into::<web_sys::HtmlInputElement>();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let change = web_sys::Event::new_with_event_init_dict("change", &init).expect("an event");
    input.dispatch_event(&change).expect("dispatched");
}

/// The parts listed for prefetching go in as links a few per task, never all in one (each
/// link starts a download, and eighty-four at once were a long task on a phone), and the
/// list leaves the page.
#[wasm_bindgen_test]
async fn files_listed_for_prefetching_are_linked_a_few_per_task_until_all_are() {
    use switchboard::components::shell::prefetch::prefetch_listed;
    // A page is up (its tasks run), as the console is when it prefetches.
    mount(|| ());
    let urls: Vec<String> = (0..30)
        .map(|i| format!("/prefetch-test/part-{i}.wasm"))
        .collect();
    let meta = document().create_element("meta").expect("a meta");
    meta.set_attribute("name", "switchboard:test-parts")
        .expect("named");
    meta.set_attribute("content", &urls.join(" "))
        .expect("listed");
    document()
        .head()
        .expect("a head")
        .append_child(&meta)
        .expect("added");
    let linked = || {
        document()
            .query_selector_all("link[rel='prefetch'][href^='/prefetch-test/']")
            .expect("a query")
            .length()
    };
    prefetch_listed("switchboard:test-parts");
    let at_once = linked();
    assert!(
        (1..30).contains(&at_once),
        "some now, not all at once: {at_once}"
    );
    wait_until("every file is linked", || linked() == 30).await;
    assert!(!meta.is_connected(), "the list left the page");
    let wasm = document()
        .query_selector("link[href='/prefetch-test/part-0.wasm']")
        .ok()
        .flatten()
        .expect("the first link");
    assert_eq!(wasm.get_attribute("as").as_deref(), Some("fetch"));
}
