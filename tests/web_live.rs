//! The console's live signs in headless Chromium: the banner says when the network goes
//! and comes back (the browser's `offline` and `online` events), and the tab's title
//! carries the unread count as conversations are read and come in.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use std::sync::Arc;
use switchboard::components::inbox::live::{self, LiveBanner};
use switchboard::connectors::Inbox;
use switchboard::state::InboxRows;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fire(name: &str) {
    let event = web_sys::Event::new(name).expect("an event");
    window().dispatch_event(&event).expect("dispatched");
}

fn banner(root: &web_sys::Element) -> Option<String> {
    root.query_selector("[data-testid='live-banner']")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("data-link"))
}

#[wasm_bindgen_test]
async fn the_banner_says_offline_then_reconnecting_and_keeps_its_live_region() {
    let root = mount(|| {
        live::provide_live_state();
        view! { <LiveBanner /> }
    });
    settle().await;
    assert_eq!(banner(&root), None, "silent while all is well");
    let region = root
        .query_selector("[role='status'][aria-live='polite']")
        .ok()
        .flatten();
    assert!(
        region.is_some(),
        "a polite live region, there before anything is said"
    );

    fire("offline");
    settle().await;
    assert_eq!(banner(&root).as_deref(), Some("offline"));
    assert!(text(&root, "live-banner").contains("You are offline"));

    fire("online");
    settle().await;
    assert_eq!(banner(&root).as_deref(), Some("reconnecting"));
}

#[wasm_bindgen_test]
async fn the_tab_title_carries_the_unread_and_overdue_counts() {
    let rows = InboxRows(RwSignal::new(Inbox {
        // Rows 0, 3 and 6 are unread.
        conversations: (0..8).map(row).map(Arc::new).collect(),
        ..Default::default()
    }));
    let overdue = RwSignal::new(0_usize);
    let _root = mount(move || {
        live::counts_in_title(rows, overdue.into());
        view! { <p>"console"</p> }
    });
    settle().await;
    assert_eq!(document().title(), "(3) Switchboard");

    overdue.set(2);
    settle().await;
    assert_eq!(
        document().title(),
        "2 overdue · (3) Switchboard",
        "overdue first, where a glance at the tab sees it"
    );
    overdue.set(0);

    rows.0
        .update(|inbox| Arc::make_mut(&mut inbox.conversations[0]).unread = Some(false));
    settle().await;
    assert_eq!(document().title(), "(2) Switchboard");

    rows.0.update(|inbox| {
        for conversation in &mut inbox.conversations {
            Arc::make_mut(conversation).unread = Some(false);
        }
    });
    settle().await;
    assert_eq!(
        document().title(),
        "Switchboard",
        "no count when none is unread"
    );
}

#[wasm_bindgen_test]
async fn a_refused_event_stream_leaves_the_console_polling_and_says_so() {
    let root = mount(|| {
        let state = live::provide_live_state();
        // The test page's server has no event stream: the browser is refused.
        switchboard::components::inbox::stream::listen_to_events(state);
        view! { <LiveBanner /> }
    });
    let stream = |root: &web_sys::Element| {
        root.query_selector(".live-banner-slot")
            .ok()
            .flatten()
            .and_then(|slot| slot.get_attribute("data-stream"))
    };
    wait_until("the stream is said to be unavailable", || {
        stream(&root).as_deref() == Some("unavailable")
    })
    .await;
    assert_eq!(banner(&root).as_deref(), Some("polling"));
    assert!(text(&root, "live-banner").contains("Live updates are paused"));
}

#[wasm_bindgen_test]
async fn an_open_stream_is_silent_and_offline_still_wins() {
    let state = std::rc::Rc::new(std::cell::RefCell::new(None));
    let kept = state.clone();
    let root = mount(move || {
        let live = live::provide_live_state();
        *kept.borrow_mut() = Some(live);
        view! { <LiveBanner /> }
    });
    let live = state.borrow().expect("the live state");
    live.stream.set(live::Stream::Open);
    settle().await;
    assert_eq!(banner(&root), None, "silent while the stream is open");
    live.stream.set(live::Stream::Unavailable);
    fire("offline");
    settle().await;
    assert_eq!(
        banner(&root).as_deref(),
        Some("offline"),
        "offline says more"
    );
}

/// A change pushed while its backend's poller was asking that backend (not asleep, so
/// nothing to wake) is not slept through: that poller's next sleep ends at once, and only
/// that one; the same after a sleep that ended on time rather than woken.
#[wasm_bindgen_test]
async fn a_change_heard_while_its_backend_is_being_asked_ends_the_next_sleep_at_once() {
    let state = std::rc::Rc::new(std::cell::RefCell::new(None));
    let kept = state.clone();
    let _root = mount(move || {
        *kept.borrow_mut() = Some(live::provide_live_state());
        view! { <LiveBanner /> }
    });
    let live = state.borrow().expect("the live state");
    live.wake_backend("communication");
    let started = js_sys::Date::now();
    live.sleep("communication", 60_000).await;
    assert!(
        js_sys::Date::now() - started < 10_000.0,
        "the change was not slept through"
    );
    // Heard once, it ends one sleep: the next one waits its time.
    let started = js_sys::Date::now();
    live.sleep("communication", 200).await;
    assert!(js_sys::Date::now() - started >= 150.0, "waited");
    // Another backend's change ends none of this one's sleeps.
    live.wake_backend("octopia");
    let started = js_sys::Date::now();
    live.sleep("communication", 200).await;
    assert!(js_sys::Date::now() - started >= 150.0, "waited");
    // That sleep ended on time: a change heard now, while it asks, is not lost on it.
    live.wake_backend("communication");
    let started = js_sys::Date::now();
    live.sleep("communication", 60_000).await;
    assert!(
        js_sys::Date::now() - started < 10_000.0,
        "a sleep that ended on time heard nothing for its poller"
    );
}
