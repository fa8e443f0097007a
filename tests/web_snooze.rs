//! Snooze in headless Chromium, over the test server's snoozes: a conversation snoozed from
//! its header leaves the list and shows in the Snoozed view with until when, "Wake now"
//! brings it back; one snoozed for three seconds comes back on its own, said over the list;
//! one whose customer writes comes back at once; a time chosen in the past is refused in
//! the page, nothing sent; the bulk bar snoozes every row of a view at once. The rows are
//! made up: snoozes are Switchboard's own.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::{Duration, Utc};
use common::*;
use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use switchboard::components::conversation::snooze::SnoozeLine;
use switchboard::components::inbox::bulk::BulkBar;
use switchboard::components::inbox::conversation_list::ConversationList;
use switchboard::components::inbox::inbox_filters::use_inbox_filters;
use switchboard::components::inbox::inbox_order::{use_refinement, use_shown_rows};
use switchboard::components::inbox::snooze::{SnoozeReturns, SnoozeState, Snoozes};
use switchboard::components::shell::shortcuts;
use switchboard::connectors::snoozes::{set_snooze, snooze_of};
use switchboard::connectors::Inbox;
use switchboard::state::InboxRows;
use switchboard_core::domain::{Author, AuthorKind, Conversation, Message};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The list with "back from snooze" over it, the first row's snooze line, and the way to
/// the Snoozed view and back.
#[component]
fn Snoozing(rows: InboxRows, first: Conversation) -> impl IntoView {
    let filters = use_inbox_filters();
    let shown = use_shown_rows(rows, filters, use_refinement(filters));
    let current = RwSignal::new(Some(first.clone()));
    // Buttons rather than links: another test's router, still mounted, would take a link.
    let to_snoozed = leptos_router::hooks::use_navigate();
    let to_inbox = to_snoozed.clone();
    view! {
        <button data-testid="go-snoozed" on:click=move |_| to_snoozed("/?snoozed=1", Default::default())>"Snoozed"</button>
        <button data-testid="go-inbox" on:click=move |_| to_inbox("/", Default::default())>"Inbox"</button>
        <SnoozeLine backend=first.key.backend.clone() conversation=first.key.id.clone() current />
        <SnoozeReturns />
        <ConversationList rows shown agents=Vec::new() />
    }
}

fn customers(root: &web_sys::Element) -> String {
    root.query_selector(".conversation-list")
        .ok()
        .flatten()
        .and_then(|list| list.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_snoozed_conversation_leaves_the_views_and_comes_back_at_its_time_or_when_the_customer_writes(
) {
    let agent = sign_in().await.agent;
    let conversations = made_up_rows("Snoozer", 3);
    let first = conversations[0].clone();
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: conversations.iter().cloned().map(Arc::new).collect(),
        ..Default::default()
    }));
    let marks = StoredValue::new(None::<Snoozes>);
    let mounted = first.clone();
    let root = mount(move || {
        provide_list_context(agent.clone(), rows);
        shortcuts::install(RwSignal::new(false), RwSignal::new(false));
        let state = SnoozeState::over(Snoozes::detached(), rows);
        provide_context(state);
        marks.set_value(Some(state.marks));
        view! { <Router><Snoozing rows first=mounted.clone() /></Router> }
    });
    let marks = marks.get_value().expect("the snoozes");
    wait_until("the three rows", || customers(&root).contains("Snoozer 2")).await;

    // From the header, opened with `z`: the first choice takes the focus; tomorrow morning
    // is named with its day and time.
    press_on_body("z");
    wait_until("the choices", || {
        !find_all(&root, "snooze-choice-tomorrow").is_empty()
    })
    .await;
    wait_until("the first choice has the focus", || {
        document()
            .active_element()
            .and_then(|el| el.get_attribute("data-testid"))
            .is_some_and(|id| id.starts_with("snooze-choice-"))
    })
    .await;
    let tomorrow = text(&root, "snooze-choice-tomorrow");
    assert!(tomorrow.starts_with("Tomorrow, "), "{tomorrow}");
    assert!(
        tomorrow.contains("09:00") || tomorrow.contains("9:00"),
        "{tomorrow}"
    );
    click(&root, "snooze-choice-tomorrow");
    wait_until("the line says until when", || {
        !find_all(&root, "snooze-held").is_empty()
            && text(&root, "snooze-held").contains("Snoozed until")
    })
    .await;
    wait_until("the row left the list", || {
        !customers(&root).contains("Snoozer 0")
    })
    .await;
    let kept = snooze_of(server_origin(), &first.key.backend, &first.key.id)
        .await
        .expect("read");
    assert!(
        kept.is_some_and(|s| s.until > Utc::now() + Duration::hours(1)),
        "kept by the server"
    );

    // The Snoozed view holds it alone, with until when.
    click(&root, "go-snoozed");
    wait_until("the Snoozed view", || {
        customers(&root).contains("Snoozer 0") && !customers(&root).contains("Snoozer 1")
    })
    .await;
    assert!(text(&root, "row-snoozed").contains("Snoozed until"));
    click(&root, "go-inbox");
    wait_until("back in the inbox", || {
        customers(&root).contains("Snoozer 1")
    })
    .await;

    // Wake now: back in the list, and nothing said (the agent woke it).
    click(&root, "snooze-wake");
    wait_until("the row is back", || customers(&root).contains("Snoozer 0")).await;
    assert!(
        find_all(&root, "snooze-back-item").is_empty(),
        "a woken row is not announced"
    );

    // A time in the past is refused in the page; nothing is sent.
    click(&root, "snooze-open");
    wait_until("the form", || !find_all(&root, "snooze-at").is_empty()).await;
    type_into(&root, "snooze-at", "2020-01-01T09:00");
    click(&root, "snooze-at-submit");
    wait_until("the problem said", || {
        !find_all(&root, "snooze-at-problem").is_empty()
    })
    .await;
    assert_eq!(
        text(&root, "snooze-at-problem"),
        "Choose a time later than now."
    );
    assert_eq!(
        find(&root, "snooze-at")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    let none = snooze_of(server_origin(), &first.key.backend, &first.key.id)
        .await
        .expect("read");
    assert_eq!(none, None, "nothing sent");

    // Three seconds: away, then back on its own, said.
    let second = &conversations[1];
    let soon = Utc::now() + Duration::seconds(3);
    let snooze = set_snooze(
        server_origin(),
        &second.key.backend,
        &second.key.id,
        Some(soon),
    )
    .await
    .expect("snoozed");
    marks.set(second.key.clone(), snooze);
    wait_until("away", || !customers(&root).contains("Snoozer 1")).await;
    wait_until("back at its time, said", || {
        customers(&root).contains("Snoozer 1")
            && text(&root, "snooze-back").contains("Snoozer 1 is back from snooze")
    })
    .await;
    click(&root, "snooze-back-dismiss");
    wait_until("dismissed", || {
        find_all(&root, "snooze-back-item").is_empty()
    })
    .await;

    // Snoozed for a week, the customer writes: back at once, said.
    let third = conversations[2].clone();
    let week = Utc::now() + Duration::days(7);
    let snooze = set_snooze(
        server_origin(),
        &third.key.backend,
        &third.key.id,
        Some(week),
    )
    .await
    .expect("snoozed");
    marks.set(third.key.clone(), snooze);
    wait_until("away", || !customers(&root).contains("Snoozer 2")).await;
    let mut wrote = third.clone();
    wrote.last_message = Some(Box::new(Message {
        id: "m-new".into(),
        author: Author {
            kind: AuthorKind::Customer,
            id: None,
            name: None,
            role: None,
        },
        body: "Any news?".into(),
        sent_at: Some(Utc::now() + Duration::seconds(1)),
        delivery: None,
        attachments: Vec::new(),
        read: None,
        recipients: Vec::new(),
        kind: None,
        in_reply_to: None,
    }));
    rows.0.update(|inbox| inbox.replace(&wrote));
    wait_until("back at once, said", || {
        customers(&root).contains("Snoozer 2")
            && text(&root, "snooze-back").contains("Snoozer 2 is back from snooze")
    })
    .await;
    let _ = set_snooze(server_origin(), &third.key.backend, &third.key.id, None).await;
}

/// The list with the bulk bar over it.
#[component]
fn BulkSnoozing(rows: InboxRows) -> impl IntoView {
    let filters = use_inbox_filters();
    let shown = use_shown_rows(rows, filters, use_refinement(filters));
    view! {
        <BulkBar />
        <ConversationList rows shown agents=Vec::new() />
    }
}

#[wasm_bindgen_test]
async fn the_bulk_bar_snoozes_every_row_of_the_view_until_the_time_chosen_beside_it() {
    let agent = sign_in().await.agent;
    let conversations = made_up_rows("Snoozer", 3);
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: conversations.iter().cloned().map(Arc::new).collect(),
        ..Default::default()
    }));
    let root = mount(move || {
        provide_list_context(agent.clone(), rows);
        provide_context(SnoozeState::over(Snoozes::detached(), rows));
        view! { <Router><BulkSnoozing rows /></Router> }
    });
    wait_until("the three rows", || customers(&root).contains("Snoozer 2")).await;
    find_all(&root, "row-pick")[0]
        .dyn_ref::<web_sys::HtmlElement>()
        .expect("a box")
        .click();
    wait_until("the bar", || {
        !find_all(&root, "bulk-snooze-until").is_empty()
    })
    .await;
    click(&root, "bulk-select-all");
    choose(&root, "bulk-snooze-until", "next-week");
    click(&root, "bulk-snooze");
    wait_until("the run ends", || {
        !find_all(&root, "bulk-progress").is_empty()
            && text(&root, "bulk-progress").contains("Snooze: 3 done, 0 failed")
    })
    .await;
    wait_until("every row left the view", || {
        !customers(&root).contains("Snoozer")
    })
    .await;
    for conversation in &conversations {
        let kept = snooze_of(
            server_origin(),
            &conversation.key.backend,
            &conversation.key.id,
        )
        .await
        .expect("read")
        .expect("snoozed");
        assert!(kept.until > Utc::now() + Duration::hours(12), "next week");
        let _ = set_snooze(
            server_origin(),
            &conversation.key.backend,
            &conversation.key.id,
            None,
        )
        .await;
    }
}
