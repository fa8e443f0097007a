//! The inbox at a busy team's scale, in headless Chromium: ten thousand rows put only the
//! rows on screen in the page, scrolling moves the window and asks for more near the end,
//! the keyboard moves through rows that were not in the page, text typed in the filter
//! narrows the rows and stays in the URL, and the shortcuts act only outside fields.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::Router;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use switchboard::components::inbox::conversation_list::ConversationList;
use switchboard::components::inbox::inbox_views::InboxViews;
use switchboard::components::inbox::list_commands::ListCommands;
use switchboard::components::inbox::text_filter::{provide_typed_text, use_typed_text, TextFilter};
use switchboard::components::shell::shortcuts::{self, ShortcutSheet};
use switchboard::connectors::Inbox;
use switchboard::state::{Clock, InboxRows};
use switchboard_core::domain::Conversation;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn inbox(n: usize) -> Inbox {
    Inbox {
        conversations: (0..n).map(row).map(Arc::new).collect(),
        ..Default::default()
    }
}

fn rendered_keys(root: &web_sys::Element) -> Vec<String> {
    find_all(root, "conversation-row")
        .iter()
        .filter_map(|r| r.get_attribute("data-key"))
        .collect()
}

fn press(el: &web_sys::Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    el.dispatch_event(&event).expect("dispatched");
}

fn focused_key() -> Option<String> {
    document()
        .active_element()
        .and_then(|el| el.get_attribute("data-key"))
}

/// A list of `n` rows in a scroller 460 px high, as the console's style sheet would make it.
fn mount_list(n: usize, near_end: Arc<AtomicU32>) -> HtmlElement {
    let root = mount(move || {
        provide_context(Clock::start());
        provide_context(ListCommands::default());
        let rows = InboxRows(RwSignal::new(inbox(n)));
        let shown = Signal::derive(move || {
            rows.0
                .with(|i| (0..i.conversations.len()).collect::<Vec<_>>())
        });
        let asked = Callback::new(move |()| {
            near_end.fetch_add(1, Ordering::SeqCst);
        });
        view! {
            <Router>
                <ConversationList rows shown agents=Vec::new() on_near_end=asked />
            </Router>
        }
    });
    list_scroller(&root);
    root
}

fn scroll_to(root: &web_sys::Element, top: i32) {
    let scroller = find(root, "list-scroller");
    scroller.set_scroll_top(top);
    scroller
        .dispatch_event(&web_sys::Event::new("scroll").expect("an event"))
        .expect("dispatched");
}

#[wasm_bindgen_test]
async fn ten_thousand_rows_put_only_those_on_screen_in_the_page() {
    let near_end = Arc::new(AtomicU32::new(0));
    let root = mount_list(10_000, near_end.clone());
    // Measured once mounted: from then on, the window is the scroller's height.
    scroll_to(&root, 0);
    wait_until("the list shows its first rows", || {
        let keys = rendered_keys(&root);
        keys.first().map(String::as_str) == Some("communication/c-0") && keys.len() < 60
    })
    .await;
    assert_eq!(
        near_end.load(Ordering::SeqCst),
        0,
        "nothing more is asked at the top"
    );

    // The middle: rows around row 5,000 and nothing of the top.
    let row_height = find(&root, "conversation-row")
        .unchecked_into::<HtmlElement>()
        .parent_element()
        .expect("the row's item")
        .unchecked_into::<HtmlElement>()
        .offset_height();
    assert!(row_height > 0);
    scroll_to(&root, 5_000 * row_height);
    wait_until("the window moves to row 5,000", || {
        rendered_keys(&root).contains(&"communication/c-5000".to_owned())
    })
    .await;
    let keys = rendered_keys(&root);
    assert!(keys.len() < 60, "{} rows in the page", keys.len());
    assert!(!keys.contains(&"communication/c-0".to_owned()));

    // The end: more is asked for.
    scroll_to(&root, 10_000 * row_height);
    wait_until("the last row shows", || {
        rendered_keys(&root).contains(&"communication/c-9999".to_owned())
    })
    .await;
    wait_until("more is asked near the end", || {
        near_end.load(Ordering::SeqCst) > 0
    })
    .await;
}

#[wasm_bindgen_test]
async fn rows_coming_in_above_do_not_move_what_the_agent_reads() {
    let rows = InboxRows(RwSignal::new(inbox(300)));
    let root = mount_list_of(rows);
    let scroller = list_scroller(&root);
    scroll_to(&root, 0);
    wait_until("rows show", || !rendered_keys(&root).is_empty()).await;
    let row_height = find(&root, "conversation-row")
        .parent_element()
        .expect("the row's item")
        .unchecked_into::<HtmlElement>()
        .offset_height();
    scroll_to(&root, 100 * row_height);
    wait_until("row 100 is at the top", || {
        rendered_keys(&root).contains(&"communication/c-100".to_owned())
    })
    .await;
    // Three new conversations come in at the top (a live refresh).
    rows.0.update(|inbox| {
        for i in 0..3 {
            inbox.conversations.insert(0, Arc::new(row(10_000 + i)));
        }
    });
    wait_until("the list scrolled by the three rows", || {
        scroller.scroll_top() == 103 * row_height
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_keyboard_reaches_rows_that_were_not_in_the_page() {
    let root = mount_list(500, Arc::new(AtomicU32::new(0)));
    scroll_to(&root, 0);
    wait_until("the first row takes Tab", || {
        root.query_selector("a[tabindex='0']")
            .ok()
            .flatten()
            .and_then(|a| a.get_attribute("data-key"))
            .as_deref()
            == Some("communication/c-0")
    })
    .await;
    let first = root
        .query_selector("a[tabindex='0']")
        .ok()
        .flatten()
        .expect("a row takes Tab")
        .unchecked_into::<HtmlElement>();
    first.focus().expect("focusable");
    press(&first, "End");
    wait_until("End focuses the last row, scrolled into the page", || {
        focused_key().as_deref() == Some("communication/c-499")
    })
    .await;
    let last = document().active_element().expect("focus");
    press(&last, "ArrowUp");
    wait_until("ArrowUp moves one row", || {
        focused_key().as_deref() == Some("communication/c-498")
    })
    .await;
    press(&document().active_element().expect("focus"), "Home");
    wait_until("Home goes back to the top", || {
        focused_key().as_deref() == Some("communication/c-0")
    })
    .await;
    assert_eq!(
        find_all(&root, "conversation-row")
            .iter()
            .filter(|a| a.get_attribute("tabindex").as_deref() == Some("0"))
            .count(),
        1,
        "one row takes Tab"
    );
}

#[wasm_bindgen_test]
async fn shortcuts_move_in_the_list_but_never_while_typing() {
    let root = mount(move || {
        provide_context(Clock::start());
        provide_context(ListCommands::default());
        let rows = InboxRows(RwSignal::new(inbox(30)));
        let shown = Signal::derive(move || {
            rows.0
                .with(|i| (0..i.conversations.len()).collect::<Vec<_>>())
        });
        let sheet = RwSignal::new(false);
        shortcuts::install(sheet, RwSignal::new(false));
        view! {
            <Router>
                <input data-testid="some-field" />
                <ConversationList rows shown agents=Vec::new() />
                <ShortcutSheet open=sheet />
            </Router>
        }
    });
    wait_until("rows show", || !rendered_keys(&root).is_empty()).await;
    let body = document().body().expect("a body");
    press(&body, "j");
    wait_until("j moves to the second row", || {
        focused_key().as_deref() == Some("communication/c-1")
    })
    .await;
    press(&document().active_element().expect("focus"), "k");
    wait_until("k moves back", || {
        focused_key().as_deref() == Some("communication/c-0")
    })
    .await;

    // In a field, j is a letter.
    let field = find(&root, "some-field").unchecked_into::<HtmlElement>();
    field.focus().expect("focusable");
    press(&field, "j");
    settle().await;
    assert_eq!(
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-testid"))
            .as_deref(),
        Some("some-field"),
        "typing j in a field moves nothing"
    );
    // Esc leaves the field for the list's current row.
    press(&field, "Escape");
    wait_until("Esc goes back to the list", || {
        focused_key().as_deref() == Some("communication/c-0")
    })
    .await;

    // ? shows the cheat sheet, listing every shortcut.
    press(&body, "?");
    let sheet = find(&root, "shortcut-sheet");
    wait_until("the cheat sheet opens", || sheet.has_attribute("open")).await;
    assert!(sheet
        .text_content()
        .unwrap_or_default()
        .contains("Close, then open the next conversation"));
    click(&root, "shortcut-sheet-close");
    wait_until("Close shuts it", || !sheet.has_attribute("open")).await;

    // o opens the current row, as Enter does: it follows the row's link (held here, so
    // the test page stays where it is).
    let opened = Arc::new(AtomicU32::new(0));
    let first = root
        .query_selector("[data-key='communication/c-0']")
        .ok()
        .flatten()
        .expect("the first row");
    let counted = opened.clone();
    let hold = leptos::wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
        move |ev: web_sys::Event| {
            ev.prevent_default();
            counted.fetch_add(1, Ordering::SeqCst);
        },
    );
    first
        .add_event_listener_with_callback("click", hold.as_ref().unchecked_ref())
        .expect("listening");
    press(&body, "o");
    wait_until("o follows the current row's link", || {
        opened.load(Ordering::SeqCst) == 1
    })
    .await;
    first
        .remove_event_listener_with_callback("click", hold.as_ref().unchecked_ref())
        .expect("no longer listening");
}

/// Under the inbox, the rows narrow from the text as typed at once, and the URL (each
/// change of which the router handles) takes it only once typing pauses.
#[wasm_bindgen_test]
async fn under_the_inbox_the_text_leads_at_once_and_the_url_follows_when_typing_pauses() {
    let ahead = Arc::new(std::sync::Mutex::new(None));
    let seen = ahead.clone();
    let root = mount(move || {
        provide_typed_text();
        *seen.lock().expect("not poisoned") = use_typed_text();
        view! {
            <Router>
                <TextFilter />
            </Router>
        }
    });
    let typed = ahead
        .lock()
        .expect("not poisoned")
        .expect("the inbox's typed text");
    type_into(&root, "inbox-filter", "colis");
    // The same task as the keystroke: no timer has run, yet the text leads.
    assert_eq!(typed.0.get_untracked().as_deref(), Some("colis"));
    assert!(!window()
        .location()
        .search()
        .unwrap_or_default()
        .contains("q="));
    wait_until("the URL takes the text once typing pauses", || {
        window()
            .location()
            .search()
            .unwrap_or_default()
            .contains("q=colis")
    })
    .await;
    assert_eq!(typed.0.get_untracked(), None, "the URL holds it now");
    click(&root, "inbox-filter-clear");
    wait_until("cleared, the URL forgets it", || {
        !window()
            .location()
            .search()
            .unwrap_or_default()
            .contains("q=")
    })
    .await;
}

#[wasm_bindgen_test]
async fn typed_text_narrows_the_rows_and_stays_in_the_url() {
    let root = mount(move || {
        view! {
            <Router>
                <TextFilter />
            </Router>
        }
    });
    type_into(&root, "inbox-filter", "colis égaré");
    wait_until("the text is in the URL", || {
        window()
            .location()
            .search()
            .unwrap_or_default()
            .contains("q=colis%20%C3%A9gar%C3%A9")
    })
    .await;
    wait_until("the filter offers to clear it", || {
        !find_all(&root, "inbox-filter-clear").is_empty()
    })
    .await;
    click(&root, "inbox-filter-clear");
    wait_until("cleared, the URL forgets it", || {
        !window()
            .location()
            .search()
            .unwrap_or_default()
            .contains("q=")
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_sidebar_counts_loaded_channels_and_narrows_to_one() {
    let rows = InboxRows(RwSignal::new(inbox(6)));
    rows.0.update(|inbox| {
        for (i, c) in inbox.conversations.iter_mut().enumerate() {
            Arc::make_mut(c).channel = Some(if i < 4 { "Facebook" } else { "Email" }.to_owned());
        }
    });
    let root = mount(move || {
        provide_context(rows);
        view! { <Router><InboxViews /></Router> }
    });
    wait_until("the channels are listed", || {
        !find_all(&root, "view-channel-Facebook").is_empty()
    })
    .await;
    let facebook = find(&root, "view-channel-Facebook");
    assert!(facebook.text_content().unwrap_or_default().contains('4'));
    assert!(find(&root, "view-channel-Email")
        .text_content()
        .unwrap_or_default()
        .contains('2'));
    assert!(facebook
        .get_attribute("href")
        .unwrap_or_default()
        .contains("channel=Facebook"));
    assert_eq!(text(&root, "count-unread"), "2", "rows 0 and 3 are unread");
    // A new conversation from Email comes in: the counts follow.
    rows.0.update(|inbox| {
        let mut more = row(100);
        more.channel = Some("Email".into());
        inbox.conversations.push(Arc::new(more));
    });
    wait_until("the Email count follows", || {
        find(&root, "view-channel-Email")
            .text_content()
            .unwrap_or_default()
            .contains('3')
    })
    .await;
}

/// The `data-testid` of the element that has focus.
fn focused_hook() -> Option<String> {
    document()
        .active_element()
        .and_then(|e| e.get_attribute("data-testid"))
}

#[wasm_bindgen_test]
async fn r_a_slash_and_u_reach_the_controls_a_mouse_would_use() {
    let unread_clicks = Arc::new(AtomicU32::new(0));
    let counted = unread_clicks.clone();
    mount(move || {
        provide_context(ListCommands::default());
        shortcuts::install(RwSignal::new(false), RwSignal::new(false));
        view! {
            <textarea data-testid="reply-input"></textarea>
            <select data-testid="assignee-select"><option>"Léa"</option></select>
            <input data-testid="inbox-filter" />
            // Worded in French: u finds the control by what it does, not by its words.
            <button data-testid="toggle-read" data-marks="unread" on:click=move |_| {
                counted.fetch_add(1, Ordering::SeqCst);
            }>"Marquer comme non lu"</button>
        }
    });
    settle().await;
    let body = document().body().expect("a body");
    for (key, control) in [
        ("r", "reply-input"),
        ("a", "assignee-select"),
        ("/", "inbox-filter"),
    ] {
        press(&body, key);
        wait_until(&format!("{key} goes to {control}"), || {
            focused_hook().as_deref() == Some(control)
        })
        .await;
    }
    // u presses "Mark unread", once, whatever else listens to the page's keys.
    press(&body, "u");
    wait_until("u marks unread", || {
        unread_clicks.load(Ordering::SeqCst) == 1
    })
    .await;
    settle().await;
    assert_eq!(unread_clicks.load(Ordering::SeqCst), 1);
}

/// A row is drawn again when the backend's own words in it change (read again in another
/// language): its badges, subject and channel follow, not only its status and time.
#[wasm_bindgen_test]
async fn a_row_follows_the_backends_words_when_they_are_read_again() {
    let mut claim = row(0);
    claim.badges = vec!["Réclamation".to_owned()];
    claim.channel = Some("Boutique".to_owned());
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: vec![Arc::new(claim)],
        ..Default::default()
    }));
    let root = mount_list_of(rows);
    let says = |words: &str| text(&root, "conversation-row").contains(words);
    wait_until("the row says its words", || says("Réclamation")).await;
    rows.0.update(|inbox| {
        let mut read_again = Conversation::clone(&inbox.conversations[0]);
        read_again.badges = vec!["Reclamación".to_owned()];
        read_again.subject = Some("Pedido dañado".to_owned());
        inbox.conversations[0] = Arc::new(read_again);
    });
    wait_until("the row says the words read again", || {
        says("Reclamación") && says("Pedido dañado")
    })
    .await;
}
