//! Helpers for the browser tests: a fresh container per test, events the way a person's
//! typing produces them (bubbling, so Leptos' delegated handlers see them), and the demo
//! agent's session on the live test server.

#![allow(dead_code)]

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard::components::conversation::reply_box::ReplyBox;
use switchboard::components::inbox::list_commands::ListCommands;
use switchboard::components::inbox::selection::Selection;
use switchboard::connectors::communication::CommunicationConnector;
use switchboard::connectors::load_directory;
use switchboard::connectors::Connector;
use switchboard::state::{ApiOrigin, Clock, CurrentAgent, DirectoryResource, InboxRows};
use switchboard_core::domain::{BackendKind, Conversation, ConversationKey, ConversationStatus};
use switchboard_core::session::{Role, SessionAgent};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// Mounts a view into its own new `<div>` and returns that div; the view stays mounted.
pub fn mount<F, N>(view: F) -> HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let container = document()
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into::<HtmlElement>();
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&container)
        .expect("the div can be attached");
    let handle = leptos::mount::mount_to(container.clone(), view);
    // The view lives for the rest of the test page.
    handle.forget();
    container
}

pub fn find(root: &Element, testid: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
}

pub fn find_all(root: &Element, testid: &str) -> Vec<Element> {
    let list = root
        .query_selector_all(&format!("[data-testid=\"{testid}\"]"))
        .expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn text(root: &Element, testid: &str) -> String {
    find(root, testid).text_content().unwrap_or_default()
}

fn dispatch(el: &Element, name: &str, bubbles: bool) {
    let init = EventInit::new();
    init.set_bubbles(bubbles);
    let event = Event::new_with_event_init_dict(name, &init).expect("an event");
    el.dispatch_event(&event).expect("the event is dispatched");
}

/// Types `value` into an input or textarea, as one input event.
pub fn type_into(root: &Element, testid: &str, value: &str) {
    let el = find(root, testid);
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else {
        panic!("{testid} is not a text field");
    }
    dispatch(&el, "input", true);
}

/// What the reply box's text holds now.
pub fn reply_text(root: &Element) -> String {
    find(root, "reply-input")
        .unchecked_into::<HtmlTextAreaElement>()
        .value()
}

pub fn blur(root: &Element, testid: &str) {
    dispatch(&find(root, testid), "blur", false);
}

pub fn click(root: &Element, testid: &str) {
    find(root, testid).unchecked_into::<HtmlElement>().click();
}

/// The inbox list's scroller, given the height and overflow the console's style sheet
/// gives it (the tests load no CSS), so only the rows on screen are rendered.
/// The inbox's list of `rows`, every one shown in order, in a scroller 460 px high.
pub fn mount_list_of(rows: InboxRows) -> HtmlElement {
    use switchboard::components::inbox::conversation_list::ConversationList;
    let root = mount(move || {
        provide_context(Clock::start());
        provide_context(ListCommands::default());
        let shown = Signal::derive(move || {
            rows.0
                .with(|i| (0..i.conversations.len()).collect::<Vec<_>>())
        });
        view! {
            <leptos_router::components::Router>
                <ConversationList rows shown agents=Vec::new() />
            </leptos_router::components::Router>
        }
    });
    list_scroller(&root);
    root
}

pub fn list_scroller(root: &Element) -> HtmlElement {
    let scroller = find(root, "list-scroller").unchecked_into::<HtmlElement>();
    let style = scroller.style();
    style.set_property("height", "460px").expect("style");
    style.set_property("overflow-y", "auto").expect("style");
    scroller
}

/// Lets effects run and, for network work, lets a real server answer.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Records whether an element was ever given the `disabled` attribute, however briefly:
/// a MutationObserver sees what polling between two answers would miss.
pub struct DisabledWatch {
    observer: web_sys::MutationObserver,
    seen: std::rc::Rc<std::cell::Cell<bool>>,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl DisabledWatch {
    pub fn new(el: &Element) -> Self {
        let seen = std::rc::Rc::new(std::cell::Cell::new(el.has_attribute("disabled")));
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new({
            let seen = seen.clone();
            move |records: js_sys::Array| seen.set(seen.get() || disabled_in(&records))
        });
        let observer =
            web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).expect("an observer");
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_old_value(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"disabled".into()));
        observer
            .observe_with_options(el, &options)
            .expect("observed");
        DisabledWatch {
            observer,
            seen,
            _callback: callback,
        }
    }

    /// True if `disabled` was set at any moment since the watch began.
    pub fn ever_disabled(&self) -> bool {
        let pending = self.observer.take_records();
        self.seen.get() || disabled_in(&pending)
    }
}

impl Drop for DisabledWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A record with no old value is the attribute being added.
fn disabled_in(records: &js_sys::Array) -> bool {
    records.iter().any(|record| {
        record
            .unchecked_into::<web_sys::MutationRecord>()
            .old_value()
            .is_none()
    })
}

/// Waits (up to ~10 s) until `ready` holds; network answers take real time.
pub async fn wait_until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
        leptos::task::tick().await;
    }
    panic!("timed out waiting until {what}");
}

pub fn clear_storage() {
    if let Some(storage) = window().local_storage().ok().flatten() {
        storage.clear().expect("storage can be cleared");
    }
}

/// The reference server the test script started for these tests.
pub fn server_origin() -> &'static str {
    // Read at build time (the browser has no environment); clippy builds without it.
    match option_env!("SWITCHBOARD_TEST_SERVER") {
        Some(origin) => origin,
        None => panic!(
            "SWITCHBOARD_TEST_SERVER must name a running reference server; scripts/test.sh starts one"
        ),
    }
}

/// The demo agent the reference server creates, and the password written in the README.
pub const DEMO_EMAIL: &str = "camille.laurent@switchboard.example";
pub const DEMO_PASSWORD: &str = "switchboard-demo";

/// Signs the demo agent in on the live test server, unless this browser already holds
/// their session (the cookie is shared by every test of a file): tests that talk to the
/// server call it first.
pub async fn sign_in() -> switchboard_core::session::Session {
    use switchboard::connectors::session;
    let origin = server_origin();
    if let Ok(Some(current)) = session::current(origin).await {
        if current.agent.email == DEMO_EMAIL {
            return current;
        }
    }
    session::sign_in(origin, DEMO_EMAIL, DEMO_PASSWORD)
        .await
        .unwrap_or_else(|refusal| panic!("the demo agent cannot sign in: {refusal:?}"))
}

/// A file built in the test: `head` (its magic number) then zeros up to `size` bytes.
pub fn make_file(name: &str, head: &[u8], size: usize) -> web_sys::File {
    let mut bytes = vec![0u8; size.max(head.len())];
    bytes[..head.len()].copy_from_slice(head);
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes.as_slice()));
    web_sys::File::new_with_u8_array_sequence(&parts, name).expect("a file")
}

pub const PNG_HEAD: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
pub const PDF_HEAD: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
pub const EXE_HEAD: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";

/// Puts files into a file input as a person choosing them would, and fires `change`.
pub fn choose_files(root: &Element, testid: &str, files: &[web_sys::File]) {
    let transfer = web_sys::DataTransfer::new().expect("a DataTransfer");
    for file in files {
        transfer.items().add_with_file(file).expect("file added");
    }
    let input = find(root, testid).unchecked_into::<HtmlInputElement>();
    input.set_files(transfer.files().as_ref());
    dispatch(&input, "change", true);
}

/// Drops files onto an element, as dragging them from the desktop does.
pub fn drop_files(root: &Element, testid: &str, files: &[web_sys::File]) {
    let transfer = web_sys::DataTransfer::new().expect("a DataTransfer");
    for file in files {
        transfer.items().add_with_file(file).expect("file added");
    }
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let event = web_sys::DragEvent::new_with_event_init_dict("drop", &init).expect("a drop");
    find(root, testid).dispatch_event(&event).expect("dropped");
}

/// Pastes files onto an element, as pasting a screenshot from the clipboard does.
pub fn paste_files(root: &Element, testid: &str, files: &[web_sys::File]) {
    let transfer = web_sys::DataTransfer::new().expect("a DataTransfer");
    for file in files {
        transfer.items().add_with_file(file).expect("file added");
    }
    let init = web_sys::ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&transfer));
    let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).expect("a paste");
    find(root, testid).dispatch_event(&event).expect("pasted");
}

/// Where nothing listens: a send there fails like a dropped connection.
pub const UNREACHABLE_API: &str = "http://127.0.0.1:9/communication/v1";

/// The agent `id` as a session names them, for widgets mounted without a server.
pub fn session_agent(id: &str) -> SessionAgent {
    SessionAgent {
        id: id.to_owned(),
        name: format!("Agent {id}"),
        email: format!("{id}@switchboard.example"),
        role: Role::Agent,
    }
}

/// The console's context for a widget used by the signed-in agent `id`.
pub fn signed_in_as(id: &str) -> CurrentAgent {
    CurrentAgent::signed_in(session_agent(id))
}

/// A reply box for `conversation_id` on the communication connector at `api`, as the
/// signed-in agent `agent` (or with nobody signed in).
pub fn mount_reply_box(agent: Option<&str>, conversation_id: &str, api: &str) -> HtmlElement {
    let agent = agent.map(session_agent);
    let conversation_id = conversation_id.to_owned();
    let api = api.to_owned();
    mount(move || {
        provide_context(CurrentAgent(RwSignal::new(agent)));
        let connector = Connector::new(CommunicationConnector::new("communication", api));
        view! {
            <ReplyBox
                connector
                conversation_id
                blocked_reason=Signal::derive(|| None::<String>)
                on_sent=Callback::new(|_| ())
            />
        }
    })
}

/// Conversation `i` of a made-up inbox: communication, open, every third one unread, every
/// hundredth (plus seven) about a lost parcel in French.
pub fn row(i: usize) -> Conversation {
    Conversation {
        subject: Some(if i % 100 == 7 {
            format!("Colis égaré n°{i}")
        } else {
            format!("Question {i}")
        }),
        unread: Some(i.is_multiple_of(3)),
        ..Conversation::new(
            ConversationKey::new("communication", format!("c-{i}")),
            BackendKind::Communication,
            format!("customer-{i}@example.com"),
            ConversationStatus::Open,
            switchboard_core::wire::communication::CAPABILITIES,
        )
    }
}

/// Open communication conversation `n` (newest first) of the test server, its connector
/// and the signed-in agent: each test takes its own `n`, as the server is shared.
pub async fn a_conversation(n: usize) -> (switchboard::connectors::Connector, String, String) {
    use switchboard::connectors::load_directory;
    use switchboard_core::domain::{InboxQuery, StatusFilter};
    let agent = sign_in().await.agent.id;
    let directory = load_directory(server_origin()).await.expect("directory");
    let connector = directory
        .connector("communication")
        .expect("communication")
        .clone();
    let query = InboxQuery {
        status: StatusFilter::Open,
        page_size: 5,
        ..Default::default()
    };
    let listed = connector
        .list_conversations(&query, None)
        .await
        .expect("list");
    (connector, listed.page.items[n].key.id.clone(), agent)
}

/// How many messages conversation `id` has.
pub async fn message_count(connector: &switchboard::connectors::Connector, id: &str) -> usize {
    connector
        .messages(id, None, 200)
        .await
        .expect("messages")
        .items
        .len()
}

/// What a list of the console stands in: the test server, the signed-in `agent`, the clock,
/// the list's keys and selection, the directory (read from the server) and the `rows`.
pub fn provide_list_context(agent: SessionAgent, rows: InboxRows) {
    provide_context(ApiOrigin(server_origin().to_owned()));
    provide_context(CurrentAgent(RwSignal::new(Some(agent))));
    provide_context(Clock::start());
    provide_context(ListCommands::default());
    provide_context(Selection::default());
    let directory: DirectoryResource =
        LocalResource::new(|| async { load_directory(server_origin()).await });
    provide_context(directory);
    provide_context(rows);
}

/// A key pressed while no field has the focus: the body is its target.
pub fn press_on_body(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    document()
        .body()
        .expect("a body")
        .dispatch_event(&event)
        .expect("dispatched");
}

/// Chooses `value` in the select `testid`, as a person's pick does (a `change` follows).
pub fn choose(root: &Element, testid: &str, value: &str) {
    let select = find(root, testid)
        .dyn_into::<web_sys::HtmlSelectElement>()
        .expect("a select");
    select.set_value(value);
    select
        .dispatch_event(&Event::new("change").expect("an event"))
        .expect("dispatched");
}

/// `count` made-up communication rows, their customers named "`name` 0", "`name` 1"…, with
/// ids no other run of the tests has (the test server keeps what is written about them).
pub fn made_up_rows(name: &str, count: usize) -> Vec<Conversation> {
    // As u64: a usize is 32 bits here, and today's milliseconds are more.
    let run = (js_sys::Date::now() as u64 % 1_000_000) as usize;
    (0..count)
        .map(|i| {
            let mut conversation = row(run * 10 + i);
            conversation.customer_name = Some(format!("{name} {i}"));
            conversation
        })
        .collect()
}

/// Sends the page where `go` says, through the router of the component that calls this:
/// a link's click would be taken by another test's router, still mounted.
pub fn follow_to(go: RwSignal<Option<String>>) {
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(path) = go.get() {
            navigate(&path, Default::default());
        }
    });
}
