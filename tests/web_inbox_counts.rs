//! The sidebar's counts in headless Chromium: a backend's own total where its first page
//! gave one, else the rows loaded marked "+" (and said "loaded, more to load") while more
//! pages wait; a live poll, a conversation gone from the view and a page loaded keep
//! every number right.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use switchboard::components::inbox::inbox_views::InboxViews;
use switchboard::connectors::communication::CommunicationConnector;
use switchboard::connectors::{Connector, Directory, Inbox, InboxSlice};
use switchboard::state::{DirectoryResource, InboxRows};
use switchboard_core::domain::{Conversation, ConversationKey, Cursor, Page};
use switchboard_core::error::ApiError;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Row `i` of backend `backend`.
fn row_of(backend: &str, i: usize) -> Conversation {
    let mut row = row(i);
    row.key = ConversationKey::new(backend, format!("c-{i}"));
    row
}

/// A first page of communication's, saying how many it holds in the view.
fn counted(items: Vec<Conversation>, total: u64) -> InboxSlice {
    InboxSlice {
        backend: "communication".into(),
        page: Page {
            items,
            next: None,
            total_items: Some(total),
        },
        unreadable: 0,
        filtered_here: Vec::new(),
        none_because: None,
    }
}

/// What a count shows, and what a screen reader hears beside it when it is a lower bound.
fn count(root: &web_sys::Element, testid: &str) -> (String, Option<String>) {
    let badge = find(root, testid);
    let part = |selector: &str| {
        badge
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.text_content())
    };
    match part("[aria-hidden='true']") {
        Some(shown) => (shown, part(".visually-hidden")),
        None => (badge.text_content().unwrap_or_default(), None),
    }
}

fn shows(root: &web_sys::Element, testid: &str, wanted: &str) -> bool {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()
        .flatten()
        .is_some()
        && count(root, testid).0 == wanted
}

#[wasm_bindgen_test]
async fn backend_totals_stand_and_loaded_counts_say_when_more_are_to_load() {
    // Communication said 120 in all and sent 3 (c-0 unread); Octopia
    // said nothing, sent 2 (c-3 unread) and has a next page.
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: (0..3)
            .map(|i| row_of("communication", i))
            .chain((3..5).map(|i| row_of("octopia", i)))
            .map(Arc::new)
            .collect(),
        totals: vec![("communication".into(), 120)],
        cursors: vec![("octopia".into(), Cursor("2".into()))],
        ..Default::default()
    }));
    let root = mount(move || {
        provide_context(rows);
        let directory: DirectoryResource = LocalResource::new(|| async {
            let connector =
                |name: &str| Connector::new(CommunicationConnector::new(name, UNREACHABLE_API));
            Ok::<_, ApiError>(Directory {
                backends: Vec::new(),
                agents: Vec::new(),
                connectors: vec![connector("communication"), connector("octopia")],
            })
        });
        provide_context(directory);
        view! { <Router><InboxViews /></Router> }
    });
    wait_until("communication shows its total", || {
        shows(&root, "count-backend-communication", "120")
    })
    .await;
    assert_eq!(count(&root, "count-backend-communication").1, None);
    assert_eq!(
        count(&root, "count-backend-octopia"),
        ("2+".to_owned(), Some("2 loaded, more to load".to_owned()))
    );
    // Octopia's is a lower bound, so is every backends' sum, and so are the counts no
    // backend totals.
    assert_eq!(count(&root, "count-backend-all").0, "5+");
    assert_eq!(
        count(&root, "count-unread"),
        ("2+".to_owned(), Some("2 loaded, more to load".to_owned()))
    );
    assert_eq!(count(&root, "count-assignee-unassigned").0, "5+");

    // A live poll brings a new conversation: communication's fresh total counts it.
    let fresh = vec![row_of("communication", 9), row_of("communication", 0)];
    rows.0.update(|inbox| {
        assert!(inbox.take_fresh("communication", Ok(counted(fresh.clone(), 121))));
    });
    wait_until("the fresh total shows", || {
        shows(&root, "count-backend-communication", "121")
    })
    .await;
    assert_eq!(count(&root, "count-backend-all").0, "6+");

    // One is closed out of the view elsewhere: the next poll says one fewer, though its
    // row stays loaded.
    rows.0.update(|inbox| {
        assert!(inbox.take_fresh("communication", Ok(counted(fresh, 120))));
    });
    wait_until("the total follows the backend", || {
        shows(&root, "count-backend-communication", "120")
    })
    .await;

    // Octopia's next, last page: its count is exact, and so is the sum (the totals
    // stand: a later page counts the same view).
    rows.0.update(|inbox| {
        inbox.append(Inbox {
            conversations: (5..7).map(|i| Arc::new(row_of("octopia", i))).collect(),
            totals: vec![("communication".into(), 999)],
            ..Default::default()
        });
    });
    wait_until("octopia's count is exact", || {
        shows(&root, "count-backend-octopia", "4")
    })
    .await;
    assert_eq!(count(&root, "count-backend-octopia").1, None);
    assert_eq!(count(&root, "count-backend-communication").0, "120");
    assert_eq!(count(&root, "count-backend-all").0, "124");
    assert_eq!(count(&root, "count-unread"), ("4".to_owned(), None));
    assert!(text(&root, "views-counts-note").contains("own total"));
}
