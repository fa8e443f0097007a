//! Labels in headless Chromium, over the test server's labels: an agent creates one from a
//! conversation's header (a colour and its name), it shows on the row and in the sidebar
//! with its count; taken off and put back by finding it as they type; the list narrowed to
//! it; a name too long refused in the page, nothing sent; the bulk bar puts a label on every
//! row of the view and takes it off. The rows are made up: labels are Switchboard's own.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use switchboard::components::conversation::labels::LabelLine;
use switchboard::components::inbox::bulk::BulkBar;
use switchboard::components::inbox::conversation_list::ConversationList;
use switchboard::components::inbox::inbox_filters::use_inbox_filters;
use switchboard::components::inbox::inbox_order::{use_refinement, use_shown_rows};
use switchboard::components::inbox::labels::{LabelState, LabelViews};
use switchboard::connectors::labels::team_labels;
use switchboard::connectors::Inbox;
use switchboard::state::InboxRows;
use switchboard_core::domain::Conversation;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// This run's number: rows and label names no other run knows (the server keeps labels).
fn run() -> usize {
    // As u64: a usize is 32 bits here, and today's milliseconds are more.
    (js_sys::Date::now() as u64 % 1_000_000) as usize
}

/// The sidebar's labels, the first row's label line or the bulk bar, and the list.
#[component]
fn Labelling(
    rows: InboxRows,
    first: Conversation,
    bulk: bool,
    go: RwSignal<Option<String>>,
) -> impl IntoView {
    let filters = use_inbox_filters();
    let shown = use_shown_rows(rows, filters, use_refinement(filters));
    follow_to(go);
    view! {
        <nav class="inbox-views"><LabelViews filters /></nav>
        {(!bulk).then(|| view! { <LabelLine backend=first.key.backend.clone() conversation=first.key.id.clone() /> })}
        {bulk.then(|| view! { <BulkBar /> })}
        <ConversationList rows shown agents=Vec::new() />
    }
}

fn list(root: &web_sys::Element) -> String {
    root.query_selector(".conversation-list")
        .ok()
        .flatten()
        .and_then(|list| list.text_content())
        .unwrap_or_default()
}

fn mount_labelling(
    rows: InboxRows,
    first: Conversation,
    bulk: bool,
    go: RwSignal<Option<String>>,
) -> web_sys::HtmlElement {
    let agent = session_agent("agent-camille");
    mount(move || {
        provide_list_context(agent.clone(), rows);
        let state = LabelState::detached();
        provide_context(state);
        state.read_team();
        view! { <Router><Labelling rows first=first.clone() bulk go /></Router> }
    })
}

#[wasm_bindgen_test]
async fn a_label_created_from_the_header_shows_on_the_row_and_in_the_sidebar_and_narrows_the_list()
{
    sign_in().await;
    let run = run();
    let conversations = made_up_rows("Labeller", 3);
    let first = conversations[0].clone();
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: conversations.iter().cloned().map(Arc::new).collect(),
        ..Default::default()
    }));
    let go = RwSignal::new(None);
    let root = mount_labelling(rows, first, false, go);
    wait_until("the rows", || list(&root).contains("Labeller 2")).await;
    let name = format!("VIP {run}");

    // Created from the header, with a colour: on the line, the row and the sidebar.
    click(&root, "label-add");
    wait_until("the picker, its field focused", || {
        document()
            .active_element()
            .and_then(|el| el.get_attribute("data-testid"))
            .as_deref()
            == Some("label-find")
    })
    .await;
    type_into(&root, "label-find", &name);
    wait_until("offered to create", || {
        !find_all(&root, "label-create").is_empty()
    })
    .await;
    assert_eq!(
        text(&root, "label-create"),
        format!("Create label “{name}”")
    );
    choose(&root, "label-colour", "purple");
    click(&root, "label-create");
    wait_until("on the line", || text(&root, "label-line").contains(&name)).await;
    wait_until("on the row", || {
        !find_all(&root, "row-labels").is_empty() && text(&root, "row-labels").contains(&name)
    })
    .await;
    assert!(find(&root, "label-chip")
        .class_name()
        .contains("label-purple"));
    wait_until("in the sidebar, counted", || {
        !find_all(&root, "view-label").is_empty() && text(&root, "label-views").contains(&name)
    })
    .await;
    // Other runs' labels may be listed too: this run's is found by its name.
    let link = find_all(&root, "view-label")
        .into_iter()
        .find(|a| a.text_content().unwrap_or_default().contains(&name))
        .expect("its link");
    let id = link.get_attribute("data-label").expect("its id");
    assert_eq!(text(&root, &format!("count-label-{id}")), "1");

    // Taken off, then found again as the agent types, and put back.
    click(&root, "label-remove");
    wait_until("off the row", || find_all(&root, "row-labels").is_empty()).await;
    if find_all(&root, "label-find").is_empty() {
        click(&root, "label-add");
    }
    type_into(&root, "label-find", &format!("vip {run}"));
    wait_until("offered", || !find_all(&root, "label-option").is_empty()).await;
    assert!(
        find_all(&root, "label-create").is_empty(),
        "no second label of that name"
    );
    click(&root, "label-option");
    wait_until("back on the row", || {
        !find_all(&root, "row-labels").is_empty()
    })
    .await;

    // The label's view (its sidebar link's address) holds that row alone.
    let href = link.get_attribute("href").expect("an address");
    assert_eq!(href, format!("/?label={id}"));
    go.set(Some(href));
    wait_until("narrowed", || {
        list(&root).contains("Labeller 0") && !list(&root).contains("Labeller 1")
    })
    .await;

    // A name too long is refused in the page; nothing is created.
    let before = team_labels(server_origin()).await.expect("labels").len();
    type_into(&root, "label-find", &"x".repeat(41));
    wait_until("offered to create", || {
        !find_all(&root, "label-create").is_empty()
    })
    .await;
    click(&root, "label-create");
    wait_until("refused", || !find_all(&root, "label-problem").is_empty()).await;
    assert_eq!(
        text(&root, "label-problem"),
        "A label's name has at most 40 characters."
    );
    assert_eq!(
        team_labels(server_origin()).await.expect("labels").len(),
        before
    );
    // The next test starts from the whole list.
    go.set(Some("/".to_owned()));
    wait_until("the whole list again", || {
        list(&root).contains("Labeller 1")
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_bulk_bar_puts_a_label_on_every_row_of_the_view_and_takes_it_off() {
    sign_in().await;
    let run = run();
    let conversations = made_up_rows("Labeller", 3);
    let first = conversations[0].clone();
    let name = format!("Refund {run}");
    // One label of the team to choose from.
    let request = switchboard_core::labels::LabelRequest {
        name: name.clone(),
        colour: switchboard_core::labels::LabelColour::Teal,
    };
    let id = switchboard::connectors::http::new_correlation_id();
    switchboard::connectors::labels::put_label(server_origin(), &id, &request)
        .await
        .expect("created");
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: conversations.iter().cloned().map(Arc::new).collect(),
        ..Default::default()
    }));
    let root = mount_labelling(rows, first, true, RwSignal::new(None));
    wait_until("the rows", || list(&root).contains("Labeller 2")).await;
    find_all(&root, "row-pick")[0]
        .dyn_ref::<web_sys::HtmlElement>()
        .expect("a box")
        .click();
    wait_until("the bar offers the label", || {
        !find_all(&root, "bulk-label-which").is_empty()
            && text(&root, "bulk-label-which").contains(&name)
    })
    .await;
    click(&root, "bulk-select-all");
    choose(&root, "bulk-label-which", &id);
    click(&root, "bulk-label");
    wait_until("the run ends", || {
        !find_all(&root, "bulk-progress").is_empty()
            && text(&root, "bulk-progress").contains("Add label: 3 done, 0 failed")
    })
    .await;
    wait_until("every row carries it", || {
        find_all(&root, "row-labels")
            .iter()
            .filter(|l| l.text_content().unwrap_or_default().contains(&name))
            .count()
            == 3
    })
    .await;
    click(&root, "bulk-unlabel");
    wait_until("the second run ends", || {
        text(&root, "bulk-progress").contains("Remove label: 3 done, 0 failed")
    })
    .await;
    wait_until("no row carries it", || {
        find_all(&root, "row-labels").is_empty()
    })
    .await;
}

/// A mark whose reads answer when the test says, with what the server knew when asked.
#[derive(Clone, Debug, PartialEq)]
struct Gated(String);

thread_local! {
    /// The next read's answer waits on this, when set.
    static GATE: std::cell::RefCell<Option<futures::channel::oneshot::Receiver<()>>> =
        const { std::cell::RefCell::new(None) };
}

/// A gate for the next read: it answers once the sender is dropped or fires.
fn gate_next_read() -> futures::channel::oneshot::Sender<()> {
    let (tx, rx) = futures::channel::oneshot::channel();
    GATE.with(|gate| *gate.borrow_mut() = Some(rx));
    tx
}

async fn pass_gate() {
    if let Some(rx) = GATE.with(|gate| gate.borrow_mut().take()) {
        let _ = rx.await;
    }
}

impl switchboard::components::inbox::kept_marks::KeptMark for Gated {
    fn conversation_id(&self) -> &str {
        &self.0
    }

    async fn read_backend(
        _origin: String,
        _backend: String,
    ) -> Result<Vec<Self>, switchboard_core::error::ApiError> {
        pass_gate().await;
        Ok(Vec::new())
    }

    async fn read_one(
        _origin: String,
        _key: switchboard_core::domain::ConversationKey,
    ) -> Result<Option<Self>, switchboard_core::error::ApiError> {
        pass_gate().await;
        Ok(None)
    }
}

/// Opening a conversation reads its labels; an agent quick enough labels it before that read
/// answers. The read, older than the label, must not take it off again (once in a full
/// end-to-end run, the row never showed the label just put on).
#[wasm_bindgen_test]
async fn a_read_that_answers_after_this_consoles_own_change_leaves_that_change() {
    use switchboard::components::inbox::kept_marks::KeptMarks;
    use switchboard_core::domain::ConversationKey;
    // A page mounted: the browser's executor runs the reads.
    let _root = mount(|| view! { <p></p> });
    let marks = KeptMarks::<Gated>::detached();
    let key = ConversationKey::new("communication", "c-1");

    // Asked on opening, answered late: "no label".
    let answer = gate_next_read();
    marks.refresh(key.clone());
    marks.set(key.clone(), Some(Gated("c-1".into())));
    drop(answer);
    settle().await;
    assert_eq!(
        marks.get(&key),
        Some(Gated("c-1".into())),
        "the label stays"
    );

    // The whole backend read again (a colleague's change), asked before the agent's own.
    let answer = gate_next_read();
    marks.read("communication".into());
    let other = ConversationKey::new("communication", "c-2");
    marks.set(other.clone(), Some(Gated("c-2".into())));
    drop(answer);
    settle().await;
    assert_eq!(
        marks.get(&other),
        Some(Gated("c-2".into())),
        "the newer change stays"
    );
    assert_eq!(
        marks.get(&key),
        None,
        "what it says of a change made before it was asked is newer: kept"
    );

    // A read asked after the change is newer than it: what it says is kept.
    marks.set(key.clone(), Some(Gated("c-1".into())));
    marks.refresh(key.clone());
    settle().await;
    assert_eq!(marks.get(&key), None, "a later read wins");
}

/// Every row and count reads the marks: a read that finds nothing new (most backends have no
/// marks when the console starts) must not make them all work again; one that takes a mark
/// away tells them.
#[wasm_bindgen_test]
async fn a_read_that_changes_nothing_tells_no_one_and_one_that_does_tells() {
    use switchboard::components::inbox::kept_marks::KeptMarks;
    use switchboard_core::domain::ConversationKey;
    let marks = KeptMarks::<Gated>::detached();
    let runs = StoredValue::new(0u32);
    let _root = mount(move || {
        Effect::new(move |_| {
            marks.with(|_| ());
            runs.update_value(|n| *n += 1);
        });
        view! { <p></p> }
    });
    settle().await;
    let before = runs.get_value();
    marks.read("octopia".into());
    settle().await;
    assert_eq!(runs.get_value(), before, "nothing changed: no one was told");

    marks.set(
        ConversationKey::new("octopia", "o-1"),
        Some(Gated("o-1".into())),
    );
    settle().await;
    let before = runs.get_value();
    // Asked after the change: the server has no mark for it any more.
    marks.read("octopia".into());
    settle().await;
    assert_eq!(marks.get(&ConversationKey::new("octopia", "o-1")), None);
    assert_eq!(
        runs.get_value(),
        before + 1,
        "the mark taken away was told once"
    );
}
