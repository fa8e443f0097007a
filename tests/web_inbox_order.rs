//! The inbox's order in headless Chromium: the select puts `?sort=oldest` in the URL and
//! takes it out again, the list follows (windowed, moved through with j and End), rows a
//! page or a live poll brings land in their place, and the view says while the page
//! rather than the backends ordered the rows loaded. Ordered by time left, the most urgent
//! come first, each row says how late it is, and a "No answer needed" takes a row out of
//! the count.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::Router;
use std::sync::Arc;
use switchboard::components::inbox::conversation_list::ConversationList;
use switchboard::components::inbox::deadlines::engine::engine;
use switchboard::components::inbox::deadlines::{DeadlinePolicies, NoAnswerMarks, RowDues};
use switchboard::components::inbox::inbox_filters::use_inbox_filters;
use switchboard::components::inbox::inbox_order::{
    use_refinement, use_shown_rows, SortSelect, SortedHere,
};
use switchboard::components::inbox::list_commands::ListCommands;
use switchboard::components::shell::shortcuts;
use switchboard::connectors::{Inbox, InboxSlice};
use switchboard::state::{Clock, InboxRows};
use switchboard_core::deadlines::{BackendPolicy, Clock as PolicyClock, NoAnswerMark, Policy};
use switchboard_core::domain::{Conversation, ConversationKey, ConversationStatus, Cursor, Page};
use wasm_bindgen_test::*;
use web_sys::{HtmlSelectElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Row `i`, last active `i` minutes before noon: row 0 is the newest.
fn dated(i: usize) -> Conversation {
    let noon = Utc
        .with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
        .single()
        .expect("a time");
    Conversation {
        last_activity: Some(noon - Duration::minutes(i as i64)),
        ..row(i)
    }
}

fn slice(items: Vec<Conversation>, next: Option<&str>) -> InboxSlice {
    InboxSlice {
        backend: "communication".into(),
        page: Page {
            items,
            next: next.map(|c| Cursor(c.into())),
            total_items: None,
        },
        unreadable: 0,
        filtered_here: Vec::new(),
        none_because: None,
    }
}

/// The list as the inbox pane shows it: the rows in the URL's order.
#[component]
fn Ordered(rows: InboxRows) -> impl IntoView {
    let filters = use_inbox_filters();
    let shown = use_shown_rows(rows, filters, use_refinement(filters));
    view! {
        <SortSelect />
        <SortedHere rows />
        <ConversationList rows shown agents=Vec::new() />
    }
}

fn search() -> String {
    window().location().search().unwrap_or_default()
}

fn rendered_keys(root: &web_sys::Element) -> Vec<String> {
    find_all(root, "conversation-row")
        .iter()
        .filter_map(|r| r.get_attribute("data-key"))
        .collect()
}

fn first_key(root: &web_sys::Element) -> Option<String> {
    rendered_keys(root).into_iter().next()
}

fn focused_key() -> Option<String> {
    document()
        .active_element()
        .and_then(|el| el.get_attribute("data-key"))
}

fn press(el: &web_sys::Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    el.dispatch_event(&event).expect("dispatched");
}

fn choose(root: &web_sys::Element, value: &str) {
    let select = find(root, "inbox-sort").unchecked_into::<HtmlSelectElement>();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("an event");
    select.dispatch_event(&event).expect("dispatched");
}

/// Whatever another test left in the URL, each test starts at the default order.
fn at_the_default_order() {
    let path = window().location().pathname().expect("a path");
    window()
        .history()
        .expect("a history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("the URL is reset");
}

#[wasm_bindgen_test]
async fn the_chosen_order_stays_in_the_url_and_rows_that_come_later_land_in_their_place() {
    at_the_default_order();
    // Thirty rows loaded, newest first as the backends page them; more to load.
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: (0..30).map(dated).map(Arc::new).collect(),
        cursors: vec![("communication".into(), Cursor("2".into()))],
        ..Default::default()
    }));
    let root = mount(move || {
        provide_context(Clock::start());
        provide_context(ListCommands::default());
        shortcuts::install(RwSignal::new(false), RwSignal::new(false));
        view! { <Router><Ordered rows /></Router> }
    });
    let scroller = list_scroller(&root);
    wait_until("the newest row is first", || {
        first_key(&root).as_deref() == Some("communication/c-0")
    })
    .await;
    let label = root
        .query_selector("label[for='inbox-sort']")
        .ok()
        .flatten()
        .expect("the select is labelled");
    assert_eq!(label.text_content().as_deref(), Some("Order"));
    assert!(
        find_all(&root, "sorted-here").is_empty(),
        "the backends' own order is not said"
    );

    // Oldest first: in the URL, the list turned over, and the view says it sorted here.
    choose(&root, "oldest");
    wait_until("the order is in the URL", || {
        search().contains("sort=oldest")
    })
    .await;
    wait_until("the oldest row is first", || {
        first_key(&root).as_deref() == Some("communication/c-29")
    })
    .await;
    wait_until("the view says the page sorted", || {
        !find_all(&root, "sorted-here").is_empty()
    })
    .await;
    assert!(
        text(&root, "sorted-here")
            .contains("oldest activity first among the 30 conversations loaded"),
        "{}",
        text(&root, "sorted-here")
    );

    // j moves down the list as shown.
    press(&document().body().expect("a body"), "j");
    wait_until("j moves to the second oldest", || {
        focused_key().as_deref() == Some("communication/c-28")
    })
    .await;

    // The next page brings older rows: they come first, above the focused row, which
    // keeps the focus and its place (the list scrolls by as much); everything is loaded.
    rows.0.update(|inbox| {
        inbox.append(Inbox {
            conversations: (30..35).map(dated).map(Arc::new).collect(),
            ..Default::default()
        });
    });
    wait_until("the paged rows are above, the focused row kept", || {
        let keys = rendered_keys(&root);
        let at = |key: &str| keys.iter().position(|k| k == key);
        at("communication/c-33") < at("communication/c-29")
            && at("communication/c-33").is_some()
            && scroller.scroll_top() > 0
            && focused_key().as_deref() == Some("communication/c-28")
    })
    .await;
    scroller.set_scroll_top(0);
    scroller
        .dispatch_event(&web_sys::Event::new("scroll").expect("an event"))
        .expect("dispatched");
    wait_until("the paged rows are first", || {
        first_key(&root).as_deref() == Some("communication/c-34")
    })
    .await;
    wait_until("with everything loaded, nothing is said", || {
        find_all(&root, "sorted-here").is_empty()
    })
    .await;

    // A live poll brings a new conversation: it is the newest, so it goes last.
    let mut newest = dated(0);
    newest.key = switchboard_core::domain::ConversationKey::new("communication", "live");
    newest.last_activity = newest.last_activity.map(|at| at + Duration::minutes(5));
    rows.0.update(|inbox| {
        assert!(inbox.take_fresh("communication", Ok(slice(vec![newest, dated(0)], None))));
    });
    // The focused row kept the focus through it all: End is pressed on it.
    press(&document().active_element().expect("focus"), "End");
    wait_until("End reaches the live row, last", || {
        focused_key().as_deref() == Some("communication/live")
    })
    .await;

    // Newest first again: out of the URL, and the live row leads.
    choose(&root, "newest");
    wait_until("the default order leaves the URL", || {
        !search().contains("sort=")
    })
    .await;
    // Back at the top (the browser may keep the list where it was as rows move), the
    // live row leads.
    wait_until("the live row is first", || {
        if scroller.scroll_top() != 0 {
            scroller.set_scroll_top(0);
            scroller
                .dispatch_event(&web_sys::Event::new("scroll").expect("an event"))
                .expect("dispatched");
        }
        first_key(&root).as_deref() == Some("communication/live")
    })
    .await;
}

fn noon() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
        .single()
        .expect("a time")
}

/// Row `i`, its customer waiting since `minutes` before noon.
fn waiting(i: usize, minutes: i64) -> Conversation {
    Conversation {
        awaiting_since: Some(noon() - Duration::minutes(minutes)),
        ..dated(i)
    }
}

fn row_deadline(root: &web_sys::Element, key: &str) -> Option<String> {
    root.query_selector(&format!("a[data-key='{key}'] [data-testid='row-deadline']"))
        .ok()
        .flatten()
        .and_then(|chip| chip.text_content())
}

#[wasm_bindgen_test]
async fn by_time_left_the_most_urgent_come_first_and_each_row_says_how_late() {
    at_the_default_order();
    let mut closed = waiting(5, 600);
    closed.status = ConversationStatus::Closed;
    // An answer is due an hour after the customer wrote, in alarm after four.
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: vec![
            waiting(0, 10),
            dated(1),
            waiting(2, 180),
            dated(3),
            waiting(4, 30),
            closed,
        ]
        .into_iter()
        .map(Arc::new)
        .collect(),
        ..Default::default()
    }));
    let policy = BackendPolicy {
        backend: "communication".into(),
        policy: Policy {
            clock: PolicyClock::Always,
            target_minutes: 60,
            alarm_minutes: 240,
        },
        is_default: true,
        updated_by: None,
        updated_at: None,
    };
    let marks = NoAnswerMarks::detached();
    let root = mount(move || {
        let clock = Clock(RwSignal::new(noon()));
        provide_context(clock);
        provide_context(ListCommands::default());
        let policies = DeadlinePolicies(RwSignal::new(Some(vec![policy])));
        RowDues::provide(rows, policies, marks, clock, Signal::stored(Some(engine())));
        view! { <Router><Ordered rows /></Router> }
    });
    choose(&root, "due");
    wait_until("the order is in the URL", || search().contains("sort=due")).await;
    let urgent_first = [
        "communication/c-2",
        "communication/c-4",
        "communication/c-0",
        "communication/c-1",
        "communication/c-3",
        "communication/c-5",
    ];
    wait_until("the most urgent first, then the newest", || {
        rendered_keys(&root) == urgent_first
    })
    .await;
    assert_eq!(
        row_deadline(&root, "communication/c-2").as_deref(),
        Some("⚠ 2 h overdue")
    );
    assert_eq!(
        row_deadline(&root, "communication/c-4").as_deref(),
        Some("⏱ 30 min left")
    );
    assert_eq!(
        row_deadline(&root, "communication/c-5"),
        None,
        "a closed conversation awaits nothing"
    );

    // A colleague says no answer is needed: the row stops counting and takes its place
    // among those awaiting nothing.
    marks.set(
        ConversationKey::new("communication", "c-2"),
        Some(NoAnswerMark {
            conversation_id: "c-2".into(),
            marked_by: "a2".into(),
            marked_at: noon() - Duration::minutes(5),
        }),
    );
    wait_until("the marked row awaits nothing", || {
        row_deadline(&root, "communication/c-2").is_none()
    })
    .await;
    assert_eq!(
        rendered_keys(&root)[..3],
        [
            "communication/c-4",
            "communication/c-0",
            "communication/c-1"
        ]
    );
}

/// Typing on narrows among the rows the last keystroke showed; a row changed in place
/// meanwhile is read again, and a text that is shorter, or another, widens again.
#[wasm_bindgen_test]
fn typing_narrows_the_last_rows_yet_reads_a_changed_row_again_and_widens_when_shortened() {
    use switchboard::components::inbox::inbox_filters::InboxFilters;
    use switchboard_core::domain::Refinement;
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: (0..210).map(row).map(Arc::new).collect(),
        ..Default::default()
    }));
    let text = RwSignal::new(None::<String>);
    let filters = Memo::new(|_| InboxFilters::default());
    let refinement = Memo::new(move |_| Refinement {
        text: text.get(),
        ..Default::default()
    });
    let shown = use_shown_rows(rows, filters, refinement);
    let ids = move |typed: &str| {
        text.set(Some(typed.to_owned()));
        shown.with(|shown| {
            rows.0.with(|inbox| {
                shown
                    .iter()
                    .map(|&i| inbox.conversations[i].key.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    // Rows 7, 107 and 207 are "Colis égaré n°…"; the others "Question …".
    assert_eq!(ids("COLIS"), ["c-7", "c-107", "c-207"]);
    assert_eq!(ids("colis ÉGARÉ"), ["c-7", "c-107", "c-207"]);
    assert_eq!(ids("colis égaré n°10"), ["c-107"]);
    // A row the last keystroke left out, changed while the filter is on, is read again.
    rows.0.update(|inbox| {
        Arc::make_mut(&mut inbox.conversations[3]).subject = Some("Colis égaré n°100".into());
    });
    assert_eq!(ids("colis égaré n°10"), ["c-3", "c-107"]);
    // Shorter, the rows the last keystroke left out come back.
    assert_eq!(ids("colis égaré n°"), ["c-3", "c-7", "c-107", "c-207"]);
    // Another text altogether ("20" is in "Question 120" too).
    assert_eq!(
        ids("question 20"),
        [
            "c-20", "c-120", "c-200", "c-201", "c-202", "c-203", "c-204", "c-205", "c-206",
            "c-208", "c-209"
        ]
    );
}
