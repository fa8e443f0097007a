//! Signing in, in headless Chromium without a server: the browser's `fetch` is replaced
//! for each test by one that answers as the server would (401, 429 with `Retry-After`,
//! 200, or never), and records what the console sent. The form says each refusal in
//! words and keeps what was typed; every request goes with credentials, and every write
//! with the header a cross-site form cannot send; `next` leads only to this site; a 401
//! from anywhere but `/api/session` is heard as a session that has ended.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use std::sync::{Arc, Mutex};
use switchboard::components::shell::sign_in_form::SignInForm;
use switchboard::connectors::{load_directory, session, session_watch};
use switchboard::pages::sign_in::SignInPage;
use switchboard::state::ApiOrigin;
use switchboard_core::error::ErrorKind;
use switchboard_core::session::Session;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, RequestCredentials};

wasm_bindgen_test_configure!(run_in_browser);

/// Never contacted: the replaced `fetch` answers first.
const STUB_ORIGIN: &str = "http://switchboard.test";
const SESSION_JSON: &str = r#"{"agent":{"id":"agent-camille","name":"Camille Laurent","email":"camille.laurent@switchboard.example","role":"agent"},"expiresAt":"2030-01-01T00:00:00Z"}"#;

/// From now on `fetch` answers `status` (0: never answers) with `body` and `headers`, and
/// keeps a copy of each request in `window.__requests`; except that asking who is signed
/// in (the console does, as it opens) always finds nobody, unrecorded.
fn stub_fetch(status: u16, body: &str, headers: &[(&str, &str)]) {
    let install = js_sys::Function::new_with_args(
        "status, body, headers",
        "if (!window.__realFetch) window.__realFetch = window.fetch;
         window.__requests = [];
         window.fetch = (input, init) => {
             const request = new Request(input, init);
             if (request.method === 'GET' && new URL(request.url).pathname === '/api/session') {
                 return Promise.resolve(new Response('{}', { status: 401 }));
             }
             window.__requests.push(request.clone());
             if (status === 0) return new Promise(() => {});
             const empty = status === 204 || status === 304;
             return Promise.resolve(new Response(empty ? null : body, { status, headers }));
         };",
    );
    let answer_headers = js_sys::Object::new();
    for (name, value) in headers {
        js_sys::Reflect::set(&answer_headers, &(*name).into(), &(*value).into()).expect("set");
    }
    install
        .call3(
            &JsValue::NULL,
            &status.into(),
            &body.into(),
            &answer_headers,
        )
        .expect("fetch replaced");
}

fn restore_fetch() {
    js_sys::Function::new_no_args(
        "if (window.__realFetch) window.fetch = window.__realFetch; window.__requests = [];",
    )
    .call0(&JsValue::NULL)
    .expect("fetch restored");
}

/// What the console sent since the stub was installed.
fn requests() -> Vec<web_sys::Request> {
    let sent = js_sys::Reflect::get(&window(), &"__requests".into()).expect("recorded");
    sent.dyn_into::<js_sys::Array>()
        .map(|all| all.iter().map(|r| r.unchecked_into()).collect())
        .unwrap_or_default()
}

async fn body_of(request: &web_sys::Request) -> String {
    let text = request.text().expect("a body");
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .expect("read")
        .as_string()
        .unwrap_or_default()
}

/// The form, talking to `origin`, and the sessions it handed over.
fn mount_form(origin: &str, email: &str) -> (HtmlElement, Arc<Mutex<Vec<Session>>>) {
    let signed_in = Arc::new(Mutex::new(Vec::new()));
    let (origin, email, handed) = (origin.to_owned(), email.to_owned(), signed_in.clone());
    let root = mount(move || {
        provide_context(ApiOrigin(origin));
        let on_signed_in = Callback::new(move |session: Session| {
            handed.lock().expect("not poisoned").push(session);
        });
        view! { <SignInForm email on_signed_in /> }
    });
    (root, signed_in)
}

fn value(root: &HtmlElement, testid: &str) -> String {
    find(root, testid)
        .unchecked_into::<HtmlInputElement>()
        .value()
}

fn focused() -> Option<String> {
    document()
        .active_element()
        .and_then(|e| e.get_attribute("data-testid"))
}

async fn refused_with(root: &HtmlElement) -> String {
    wait_until("a refusal shows", || {
        !text(root, "sign-in-problem").is_empty()
    })
    .await;
    text(root, "sign-in-problem")
}

#[wasm_bindgen_test]
async fn a_wrong_password_is_refused_in_words_and_nothing_typed_is_lost() {
    stub_fetch(
        401,
        r#"{"message":"The email or password is not right.","debug_id":"d-1"}"#,
        &[("Content-Type", "application/json")],
    );
    let (root, signed_in) = mount_form(STUB_ORIGIN, "");
    settle().await;
    assert_eq!(
        focused().as_deref(),
        Some("sign-in-email"),
        "the first field waits"
    );
    type_into(
        &root,
        "sign-in-email",
        "Camille.Laurent@switchboard.example",
    );
    type_into(&root, "sign-in-password", "not-the-password");
    click(&root, "sign-in-submit");

    let refusal = refused_with(&root).await;
    assert!(refusal.contains("do not match"), "{refusal}");
    assert_eq!(
        value(&root, "sign-in-email"),
        "Camille.Laurent@switchboard.example",
        "the email stays as typed"
    );
    assert_eq!(value(&root, "sign-in-password"), "not-the-password");
    assert!(signed_in.lock().unwrap().is_empty());

    // What went: one POST to /api/session with credentials and the write header.
    let sent = requests();
    assert_eq!(sent.len(), 1);
    let request = &sent[0];
    assert_eq!(request.method(), "POST");
    assert_eq!(request.url(), format!("{STUB_ORIGIN}/api/session"));
    assert_eq!(request.credentials(), RequestCredentials::Include);
    assert_eq!(
        request
            .headers()
            .get("x-requested-by")
            .ok()
            .flatten()
            .as_deref(),
        Some("switchboard")
    );
    let body: serde_json::Value = serde_json::from_str(&body_of(request).await).expect("JSON");
    assert_eq!(body["email"], "Camille.Laurent@switchboard.example");
    assert_eq!(body["password"], "not-the-password");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn too_many_attempts_say_how_long_to_wait() {
    stub_fetch(
        429,
        r#"{"message":"Too many attempts.","debug_id":"d-2"}"#,
        &[("Retry-After", "30")],
    );
    let (root, _) = mount_form(STUB_ORIGIN, "camille.laurent@switchboard.example");
    settle().await;
    type_into(&root, "sign-in-password", "guess");
    click(&root, "sign-in-submit");
    assert_eq!(
        refused_with(&root).await,
        "Too many attempts to sign in. Wait 30 seconds and try again."
    );
    assert_eq!(value(&root, "sign-in-password"), "guess");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn the_server_out_of_reach_is_said_and_the_form_is_kept() {
    restore_fetch();
    // Nobody listens on port 9.
    let (root, _) = mount_form("http://127.0.0.1:9", "");
    settle().await;
    type_into(
        &root,
        "sign-in-email",
        "camille.laurent@switchboard.example",
    );
    type_into(&root, "sign-in-password", "switchboard-demo");
    click(&root, "sign-in-submit");
    let refusal = refused_with(&root).await;
    assert!(refusal.contains("could not be reached"), "{refusal}");
    assert_eq!(
        value(&root, "sign-in-email"),
        "camille.laurent@switchboard.example"
    );
    assert_eq!(value(&root, "sign-in-password"), "switchboard-demo");
}

#[wasm_bindgen_test]
async fn signing_in_is_busy_never_disabled_and_asks_once() {
    stub_fetch(0, "", &[]);
    let (root, _) = mount_form(STUB_ORIGIN, "camille.laurent@switchboard.example");
    settle().await;
    assert_eq!(
        focused().as_deref(),
        Some("sign-in-password"),
        "with the email given, the password waits"
    );
    let button = find(&root, "sign-in-submit");
    let watch = DisabledWatch::new(&button);
    type_into(&root, "sign-in-password", "switchboard-demo");
    click(&root, "sign-in-submit");
    wait_until("the button is busy", || {
        text(&root, "sign-in-submit") == "Signing in…"
    })
    .await;
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    click(&root, "sign-in-submit");
    settle().await;
    assert_eq!(requests().len(), 1, "a second press sends nothing more");
    assert!(!watch.ever_disabled(), "never disabled: focus stays");
    assert_eq!(value(&root, "sign-in-password"), "switchboard-demo");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_blank_field_is_named_and_nothing_is_sent() {
    stub_fetch(200, SESSION_JSON, &[]);
    let (root, signed_in) = mount_form(STUB_ORIGIN, "");
    settle().await;
    click(&root, "sign-in-submit");
    settle().await;
    assert_eq!(text(&root, "sign-in-problem"), "Enter your email address.");
    assert_eq!(focused().as_deref(), Some("sign-in-email"));
    type_into(
        &root,
        "sign-in-email",
        "camille.laurent@switchboard.example",
    );
    click(&root, "sign-in-submit");
    settle().await;
    assert_eq!(text(&root, "sign-in-problem"), "Enter your password.");
    assert_eq!(focused().as_deref(), Some("sign-in-password"));
    assert!(requests().is_empty());
    assert!(signed_in.lock().unwrap().is_empty());
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_right_password_hands_the_session_over() {
    stub_fetch(200, SESSION_JSON, &[("Content-Type", "application/json")]);
    let (root, signed_in) = mount_form(STUB_ORIGIN, "camille.laurent@switchboard.example");
    settle().await;
    type_into(&root, "sign-in-password", "switchboard-demo");
    click(&root, "sign-in-submit");
    wait_until("signed in", || !signed_in.lock().unwrap().is_empty()).await;
    assert_eq!(signed_in.lock().unwrap()[0].agent.name, "Camille Laurent");
    assert_eq!(text(&root, "sign-in-problem"), "");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_401_is_a_session_ended_except_from_the_session_itself() {
    stub_fetch(401, "{}", &[]);
    let heard = std::rc::Rc::new(std::cell::Cell::new(0));
    let watch = session_watch::watch_lost_session({
        let heard = heard.clone();
        move || heard.set(heard.get() + 1)
    });

    let error = load_directory(STUB_ORIGIN).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Unauthorized);
    let asked = requests().len();
    assert_eq!(heard.get(), asked, "every 401 of a backend is heard");
    for request in requests() {
        assert_eq!(request.method(), "GET");
        assert_eq!(request.credentials(), RequestCredentials::Include);
        assert_eq!(
            request.headers().get("x-requested-by").ok().flatten(),
            None,
            "a read carries no write header"
        );
    }

    // /api/session's own 401 is its answer: nobody signed in, or a wrong password.
    assert_eq!(session::current(STUB_ORIGIN).await.expect("asked"), None);
    assert!(session::sign_in(STUB_ORIGIN, "a@b.c", "x").await.is_err());
    session::sign_out(STUB_ORIGIN)
        .await
        .expect("as ended as it gets");
    assert_eq!(heard.get(), asked);
    let sign_out = requests().pop().expect("the DELETE");
    assert_eq!(sign_out.method(), "DELETE");
    assert_eq!(
        sign_out
            .headers()
            .get("x-requested-by")
            .ok()
            .flatten()
            .as_deref(),
        Some("switchboard")
    );

    drop(watch);
    let _ = load_directory(STUB_ORIGIN).await;
    assert_eq!(heard.get(), asked, "a dropped watch hears nothing");
    restore_fetch();
}

/// Opens the sign-in page at `search`, signs in, and says where the page would go (the
/// page's `leave`, which in the browser loads the console there).
async fn signed_in_from(search: &str) -> String {
    let history = window().history().expect("history");
    let start = window().location().href().expect("href");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("/sign-in{search}")))
        .expect("at the sign-in page");
    stub_fetch(200, SESSION_JSON, &[]);
    let went = Arc::new(Mutex::new(None::<String>));
    let heard = went.clone();
    let leave = Callback::new(move |next: String| {
        *heard.lock().expect("not poisoned") = Some(next);
    });
    let root = mount(move || {
        provide_context(ApiOrigin(STUB_ORIGIN.to_owned()));
        view! { <SignInPage leave /> }
    });
    settle().await;
    type_into(
        &root,
        "sign-in-email",
        "camille.laurent@switchboard.example",
    );
    type_into(&root, "sign-in-password", "switchboard-demo");
    click(&root, "sign-in-submit");
    wait_until("the page leaves", || {
        went.lock().expect("not poisoned").is_some()
    })
    .await;
    restore_fetch();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&start))
        .expect("back where the tests run");
    let went = went.lock().expect("not poisoned").take();
    went.unwrap_or_default()
}

#[wasm_bindgen_test]
async fn after_signing_in_the_page_goes_back_where_the_agent_was_going_on_this_site_only() {
    assert_eq!(
        signed_in_from("?next=%2Fconversations%2Fcommunication%2Fc-1%3Fstatus%3Dopen").await,
        "/conversations/communication/c-1?status=open"
    );
    assert_eq!(signed_in_from("?next=%2F%2Fevil.example%2F").await, "/");
    assert_eq!(
        signed_in_from("?next=https%3A%2F%2Fevil.example%2F").await,
        "/"
    );
    assert_eq!(signed_in_from("").await, "/");
}
