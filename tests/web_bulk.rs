//! The bulk bar in headless Chromium, over the test server's communication backend: a row's
//! box picks it, a shift-click picks the range from it, `x` picks the current row, "all in
//! this view" picks every row; an action runs over them, says its progress, and lists the
//! one that failed (a conversation the backend does not have) with its customer and why,
//! ready to retry. Reopening open conversations changes nothing the other tests see.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use switchboard::components::inbox::bulk::BulkBar;
use switchboard::components::inbox::conversation_list::ConversationList;
use switchboard::components::inbox::inbox_filters::use_inbox_filters;
use switchboard::components::inbox::inbox_order::{use_refinement, use_shown_rows};
use switchboard::components::shell::shortcuts;
use switchboard::connectors::{load_directory, Inbox};
use switchboard::state::InboxRows;
use switchboard_core::domain::{ConversationKey, InboxQuery, StatusFilter};
use wasm_bindgen_test::*;
use web_sys::{MouseEvent, MouseEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The list and the bar, as the inbox pane puts them together.
#[component]
fn Picking(rows: InboxRows) -> impl IntoView {
    let filters = use_inbox_filters();
    let shown = use_shown_rows(rows, filters, use_refinement(filters));
    view! {
        <BulkBar />
        <ConversationList rows shown agents=Vec::new() />
    }
}

fn picks(root: &web_sys::Element) -> Vec<web_sys::HtmlInputElement> {
    use leptos::wasm_bindgen::JsCast;
    find_all(root, "row-pick")
        .into_iter()
        .filter_map(|el| el.dyn_into().ok())
        .collect()
}

fn shift_click(el: &web_sys::Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_shift_key(true);
    let click = MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("a click");
    el.dispatch_event(&click).expect("dispatched");
}

fn count_says(root: &web_sys::Element, words: &str) -> bool {
    !find_all(root, "bulk-count").is_empty() && text(root, "bulk-count").contains(words)
}

#[wasm_bindgen_test]
async fn rows_are_picked_by_box_range_key_and_view_and_what_failed_is_listed_to_retry() {
    let agent = sign_in().await.agent;
    let directory = load_directory(server_origin()).await.expect("directory");
    let connector = directory.connector("communication").expect("communication");
    let query = InboxQuery {
        status: StatusFilter::Open,
        page_size: 20,
        ..Default::default()
    };
    let listed = connector
        .list_conversations(&query, None)
        .await
        .expect("a page");
    // Three open conversations no other test counts on, and one the backend does not have.
    let mut conversations: Vec<_> = listed.page.items[12..15].to_vec();
    let mut missing = conversations[0].clone();
    missing.key = ConversationKey::new("communication", "c-bulk-missing");
    missing.customer = "nobody@bulk.example".into();
    missing.customer_name = None;
    conversations.push(missing);
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: conversations.into_iter().map(Arc::new).collect(),
        ..Default::default()
    }));
    let root = mount(move || {
        provide_list_context(agent.clone(), rows);
        shortcuts::install(RwSignal::new(false), RwSignal::new(false));
        view! { <Router><Picking rows /></Router> }
    });
    wait_until("four rows, each with its box", || picks(&root).len() == 4).await;
    let boxes = picks(&root);
    assert!(
        boxes[0]
            .get_attribute("aria-label")
            .is_some_and(|l| l.starts_with("Select ")),
        "each box says whose row it picks"
    );

    // A click picks one; a shift-click the range from it.
    boxes[0].click();
    wait_until("one picked", || count_says(&root, "1 selected")).await;
    shift_click(&boxes[2]);
    wait_until("the range picked", || count_says(&root, "3 selected")).await;
    assert!(picks(&root)[1].checked(), "the row between is picked");
    click(&root, "bulk-clear");
    wait_until("none picked", || find_all(&root, "bulk-count").is_empty()).await;

    // x picks the current row, from the keyboard.
    press_on_body("x");
    wait_until("x picks the current row", || {
        count_says(&root, "1 selected")
    })
    .await;

    // All in this view, then reopen: three done, the missing one listed with why.
    click(&root, "bulk-select-all");
    wait_until("all picked", || {
        count_says(&root, "All 4 conversations of this view")
    })
    .await;
    assert!(picks(&root).iter().all(|b| b.checked()));
    click(&root, "bulk-reopen");
    wait_until("the run ends", || {
        !find_all(&root, "bulk-progress").is_empty()
            && text(&root, "bulk-progress").contains("Reopen: 3 done, 1 failed")
    })
    .await;
    let failures = find_all(&root, "bulk-failure");
    assert_eq!(failures.len(), 1);
    assert_eq!(
        failures[0].get_attribute("data-key").as_deref(),
        Some("communication/c-bulk-missing")
    );
    let said = failures[0].text_content().unwrap_or_default();
    assert!(said.starts_with("nobody@bulk.example: "), "{said}");
    assert!(
        said.len() > "nobody@bulk.example: ".len(),
        "with why: {said}"
    );

    // Retry runs the failed one alone.
    click(&root, "bulk-retry");
    wait_until("the retry ends", || {
        !find_all(&root, "bulk-progress").is_empty()
            && text(&root, "bulk-progress").contains("Reopen: 0 done, 1 failed")
    })
    .await;
}
