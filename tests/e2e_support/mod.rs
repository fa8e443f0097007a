//! The end-to-end tests' harness: a reference server on a fresh database serving the
//! built console, a chromedriver of its own, and helpers that wait on conditions (never
//! fixed sleeps): for elements, text, focus, the page's path, signing in on the sign-in
//! page, and the test's own signed-in requests to the API. [`start_through_gateway`] puts
//! a gateway between the console and the vendors ([`gateway`]).

#![allow(dead_code)]

mod gateway;
pub mod instances;

use std::net::TcpListener as StdListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;
use switchboard_core::session::{SESSION_COOKIE, SESSION_PATH, WRITE_HEADER, WRITE_HEADER_VALUE};
use switchboard_server::{serve, Config};
use thirtyfour::prelude::*;
use thirtyfour::ChromiumLikeCapabilities;

/// The team's link to a ticket in PostCenter's own tool, as the harness configures it.
pub const TICKET_LINK: &str = "https://postcenter.example/tickets/{number}";

/// The store's file in the harness's temporary directory.
const DB_FILE: &str = "e2e.sqlite3";

pub const WAIT: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(100);

/// The demo agent the reference server creates, and the password the README gives.
pub const DEMO_EMAIL: &str = "camille.laurent@switchboard.example";
pub const DEMO_PASSWORD: &str = "switchboard-demo";

struct Chromedriver(Child);

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct Harness {
    pub base: String,
    /// A second instance over the same database, when the test asked for one.
    pub second: Option<String>,
    pub driver: WebDriver,
    /// The vendors' server, when the console's server forwards to it (the gateway).
    vendor: Option<gateway::Vendor>,
    /// The test's own session cookie (`name=value`), for its requests to the API.
    api_cookie: Mutex<Option<String>>,
    /// Whether [`Harness::finish`] checked for panics and ended the browser's session.
    finished: bool,
    _chromedriver: Chromedriver,
    db: tempfile::TempDir,
}

/// Installed in every page before its own scripts: a wasm panic (the panic hook's
/// `console.error`, then the `unreachable` trap) is kept in the tab's `sessionStorage`,
/// which outlives reloads and navigations on the site, for [`Harness::panics`].
const PANIC_WATCH: &str = r#"(() => {
  const KEY = '__switchboard_panics';
  const keep = (what) => {
    try {
      const seen = JSON.parse(sessionStorage.getItem(KEY) || '[]');
      seen.push(String(what).slice(0, 2000));
      sessionStorage.setItem(KEY, JSON.stringify(seen));
    } catch (_) {}
  };
  const panic = /panicked at|already been disposed|RuntimeError|unreachable/;
  const error = console.error.bind(console);
  console.error = (...args) => {
    const said = args.map(String).join(' ');
    if (panic.test(said)) keep(said);
    error(...args);
  };
  addEventListener('error', (e) => { if (panic.test(String(e.message))) keep(e.message); });
  addEventListener('unhandledrejection', (e) => {
    if (panic.test(String(e.reason))) keep(e.reason);
  });
})()"#;

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("SWITCHBOARD_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no built console: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// A console that asks its backends again only once an hour: the tests that count
/// requests or watch focus see no poll land in the middle of what they check.
const QUIET_POLL_SECONDS: u32 = 3_600;

pub async fn start() -> Harness {
    start_with(Browser::default()).await
}

/// A harness whose console's server is a gateway in front of the vendors ([`gateway`]).
pub async fn start_through_gateway() -> Harness {
    start_with(Browser {
        through_gateway: true,
        ..Browser::default()
    })
    .await
}

/// A harness whose console asks each backend again every `poll_seconds` (the live tests).
pub async fn start_polling_every(poll_seconds: u32) -> Harness {
    start_with(Browser {
        poll_seconds,
        ..Browser::default()
    })
    .await
}

/// The browser a test drives: how often the console polls, the window's size, and the
/// languages the browser prefers (`Accept-Language`, `navigator.languages`).
pub struct Browser {
    pub poll_seconds: u32,
    pub window: (u32, u32),
    pub languages: &'static str,
    /// Whether the console's server is a gateway, forwarding every backend to a second
    /// server that plays the vendors ([`gateway`]).
    pub through_gateway: bool,
    /// Through the gateway, a backend whose vendor hangs instead (never answers).
    pub hanging: Option<&'static str>,
    /// A second server instance over the same database ([`instances`]).
    pub second_instance: bool,
    /// Another harness's server (its `base`) instead of a new one: a second browser, for
    /// two agents side by side.
    pub join: Option<String>,
}

impl Default for Browser {
    fn default() -> Self {
        Browser {
            poll_seconds: QUIET_POLL_SECONDS,
            window: (1400, 900),
            languages: "en-US,en",
            through_gateway: false,
            hanging: None,
            second_instance: false,
            join: None,
        }
    }
}

/// A phone's window: 360 CSS pixels wide, the narrowest the pages are made for.
pub const PHONE: (u32, u32) = (360, 740);

pub async fn start_with(browser: Browser) -> Harness {
    let Browser {
        poll_seconds,
        window,
        languages,
        through_gateway,
        hanging,
        second_instance,
        join,
    } = browser;
    let hanging_url = match hanging {
        Some(_) => Some(gateway::hanging_vendor().await),
        None => None,
    };
    let hanging = hanging.zip(hanging_url.as_deref());
    let vendor = match through_gateway {
        true => Some(gateway::Vendor::start().await),
        false => None,
    };
    let db = tempfile::tempdir().expect("a temporary directory");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = join
        .clone()
        .unwrap_or_else(|| format!("http://{}", listener.local_addr().expect("address")));
    let config = Config {
        database: instances::location(db.path().join(DB_FILE), second_instance),
        seed_demo: true,
        dist_dir: Some(dist_dir()),
        allowed_origins: Vec::new(),
        postcenter_ticket_link: Some(TICKET_LINK.to_owned()),
        poll_seconds: Some(poll_seconds),
        backends: std::sync::Arc::new(
            vendor
                .as_ref()
                .map(|vendor| vendor.gateway_settings(hanging))
                .unwrap_or_default(),
        ),
        vendor_auth: false,
    };
    let second_config = second_instance.then(|| config.clone());
    if join.is_none() {
        tokio::spawn(async move {
            serve(listener, config).await.expect("the server runs");
        });
    }
    let second = match second_config {
        Some(config) => Some(instances::start_second(&base, config).await),
        None => None,
    };
    if vendor.is_some() {
        gateway::give_identities(&base, &db.path().join(DB_FILE)).await;
    }

    let port = free_port();
    let chromedriver_path =
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned());
    let chromedriver = Chromedriver(
        Command::new(&chromedriver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {chromedriver_path}: {e}")),
    );
    let mut caps = DesiredCapabilities::chrome();
    if let Ok(binary) = std::env::var("CHROME_BINARY") {
        caps.set_binary(&binary).expect("binary");
    }
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // No HTTP cache on disk: chromedriver leaves every profile behind.
        "--disk-cache-dir=/dev/null",
        // `performance.memory` exact, not rounded to a coarse bucket: the inbox
        // benchmark compares heaps.
        "--enable-precise-memory-info",
    ] {
        caps.add_arg(arg).expect("argument");
    }
    caps.add_arg(&format!("--window-size={},{}", window.0, window.1))
        .expect("argument");
    let primary = languages.split(',').next().unwrap_or("en-US");
    caps.add_arg(&format!("--lang={primary}"))
        .expect("argument");
    caps.add_experimental_option(
        "prefs",
        serde_json::json!({ "intl.accept_languages": languages }),
    )
    .expect("preferences");
    let mut driver = None;
    for _ in 0..100 {
        match WebDriver::new(format!("http://127.0.0.1:{port}"), caps.clone()).await {
            Ok(d) => {
                driver = Some(d);
                break;
            }
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
    let driver = driver.expect("chromedriver answers within 10 s");
    if window == PHONE {
        // A desktop window cannot be made as narrow as a phone (Chrome keeps a minimum
        // width): the page is given a phone's viewport instead, as devtools' device mode.
        driver
            .cdp()
            .send_raw(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({
                    "width": window.0, "height": window.1,
                    "deviceScaleFactor": 2, "mobile": true
                }),
            )
            .await
            .expect("a phone's viewport");
    }
    driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": PANIC_WATCH }),
        )
        .await
        .expect("the panic watch is installed");
    if vendor.is_some() {
        driver
            .cdp()
            .send_raw(
                "Page.addScriptToEvaluateOnNewDocument",
                serde_json::json!({ "source": gateway::secret_watch() }),
            )
            .await
            .expect("the secret watch is installed");
    }
    Harness {
        base,
        second,
        driver,
        vendor,
        api_cookie: Mutex::new(None),
        finished: false,
        _chromedriver: chromedriver,
        db,
    }
}

/// Every test fails on a wasm panic anywhere in it: checked when the test ends with
/// [`Harness::finish`], or here when it ends without (the browser still open).
impl Drop for Harness {
    fn drop(&mut self) {
        if self.finished || std::thread::panicking() {
            return;
        }
        let panics = tokio::task::block_in_place(|| {
            tokio::runtime::Handle::current().block_on(self.panics())
        });
        assert!(panics.is_empty(), "the console panicked: {panics:#?}");
    }
}

impl Harness {
    /// What panicked in the pages of this test so far (see [`PANIC_WATCH`]); nothing when
    /// the page is not on the site.
    pub async fn panics(&self) -> Vec<String> {
        let read = self
            .driver
            .execute(
                "try { return JSON.parse(sessionStorage.getItem('__switchboard_panics') || '[]'); } \
                 catch (_) { return []; }",
                Vec::new(),
            )
            .await;
        match read {
            Ok(value) => serde_json::from_value(value.json().clone()).unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }

    /// Opens one of the inbox's one-off tools in the command palette (`reference`,
    /// `follow`, `number`, `read-setting`), as an agent would: Ctrl+K, then the tool.
    pub async fn open_tool(&self, tool: &str) {
        self.press_ctrl("k").await;
        self.wait_for(testid("palette-input")).await;
        self.click(By::Css(format!("[data-testid='palette-option-{tool}']")))
            .await;
        self.wait_for(testid("palette-tool")).await;
    }

    /// Fails the test if anything panicked in its pages so far.
    pub async fn assert_no_panic(&self) {
        let panics = self.panics().await;
        assert!(panics.is_empty(), "the console panicked: {panics:#?}");
    }

    /// Ends the test: nothing may have panicked, then the browser's session ends.
    pub async fn finish(mut self) {
        self.assert_no_panic().await;
        if self.vendor.is_some() {
            let checked = self
                .driver
                .execute(
                    "return Number(sessionStorage.getItem('__switchboard_checked') || 0);",
                    Vec::new(),
                )
                .await
                .map(|value| value.json().as_u64().unwrap_or(0))
                .unwrap_or(0);
            assert!(checked > 0, "the secret watch searched no answer");
        }
        self.finished = true;
        self.driver.clone().quit().await.expect("the session ends");
    }

    /// The vendor's store, opened beside it: for what someone else does to the vendor's
    /// data while the agent is looking (a message deleted meanwhile). Through the gateway,
    /// the vendors' server's; otherwise the console's server's, which plays them.
    pub fn store(&self) -> rusqlite::Connection {
        let path = match &self.vendor {
            Some(vendor) => vendor.db_path(),
            None => self.db.path().join(DB_FILE),
        };
        let store = rusqlite::Connection::open(path).expect("the store");
        store
            .busy_timeout(WAIT)
            .expect("waits for the server's writes");
        store
    }
}

pub fn testid(id: &str) -> By {
    By::Css(format!("[data-testid='{id}']"))
}

/// A row of the communication API: other backends' rows share the list.
pub fn communication_row() -> By {
    By::Css("[data-testid='conversation-row'][data-key^='communication/']".to_owned())
}

impl Harness {
    pub async fn wait_for(&self, by: By) -> WebElement {
        self.driver
            .query(by)
            .wait(WAIT, POLL)
            .first()
            .await
            .expect("the element appears")
    }

    /// Waits until the element's text contains `expected`.
    pub async fn wait_for_text(&self, by: By, expected: &str) -> WebElement {
        let mut last = String::new();
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            if let Ok(el) = self.driver.find(by.clone()).await {
                last = el.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return el;
                }
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("{by:?} never contained {expected:?}; last text {last:?}");
    }

    /// Clicks the element once it is there, finding it again if the page re-rendered it
    /// between finding and clicking.
    pub async fn click(&self, by: By) {
        let mut last_error = None;
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            match self.driver.find(by.clone()).await {
                Ok(el) => match el.click().await {
                    Ok(()) => return,
                    Err(e) => last_error = Some(e),
                },
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("could not click {by:?}: {last_error:?}");
    }

    /// An attribute of the first match, re-finding it if the page re-rendered it.
    pub async fn attribute(&self, by: By, name: &str) -> String {
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            if let Ok(el) = self.driver.find(by.clone()).await {
                if let Ok(Some(value)) = el.attr(name).await {
                    return value;
                }
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("{by:?} never had a {name} attribute");
    }

    pub async fn select(&self, select: &str, value: &str) {
        self.click(By::Css(format!(
            "[data-testid='{select}'] option[value='{value}']"
        )))
        .await;
    }

    /// Types keys into whatever has focus, as a person at the keyboard does.
    pub async fn press(&self, keys: impl Into<TypingData>) {
        self.driver
            .action_chain()
            .send_keys(keys)
            .perform()
            .await
            .expect("the keys are typed");
    }

    /// Waits until the focused element is the one with this `data-testid`.
    pub async fn wait_for_focus(&self, id: &str) {
        let mut last = serde_json::Value::Null;
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            last = self
                .driver
                .execute(
                    "return document.activeElement && document.activeElement.dataset.testid;",
                    vec![],
                )
                .await
                .expect("a script")
                .json()
                .clone();
            if last == id {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("focus never reached {id}; it is on {last}");
    }

    /// How many requests the page made to URLs containing `part` since it loaded.
    pub async fn requests_to(&self, part: &str) -> u64 {
        self.driver
            .execute(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes(arguments[0])).length;",
                vec![serde_json::Value::from(part)],
            )
            .await
            .expect("a script")
            .json()
            .as_u64()
            .expect("a count")
    }

    /// The page's path, with its query.
    pub async fn path(&self) -> String {
        let url = self.driver.current_url().await.expect("a URL");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits until the page's path and query are `expected`.
    pub async fn wait_for_path(&self, expected: &str) {
        self.wait_for_path_where(expected, |now| now == expected)
            .await;
    }

    /// Waits until the page's path (with its query) starts with `prefix`.
    pub async fn wait_for_path_starting(&self, prefix: &str) {
        self.wait_for_path_where(prefix, |now| now.starts_with(prefix))
            .await;
    }

    async fn wait_for_path_where(&self, wanted: &str, ok: impl Fn(&str) -> bool) {
        let mut last = String::new();
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            last = self.path().await;
            if ok(&last) {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("the page never reached {wanted}; it is at {last}");
    }

    /// Puts the keyboard on the list's current row (else its first), presses `j`, and
    /// waits until another row has focus: the rows (`data-key`) it left and reached; the
    /// same twice when it never moved.
    pub async fn press_j_in_the_list(&self) -> (String, String) {
        let from = self
            .driver
            .execute(
                "const row = document.querySelector(\"a[data-testid='conversation-row'][tabindex='0']\")
                   || document.querySelector(\"a[data-testid='conversation-row']\");
                 row.focus(); return row.dataset.key;",
                Vec::new(),
            )
            .await
            .expect("a row to focus")
            .json()
            .as_str()
            .unwrap_or_default()
            .to_owned();
        self.press("j").await;
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            let on = match self.driver.active_element().await {
                Ok(el) => el.attr("data-key").await.ok().flatten().unwrap_or_default(),
                Err(_) => String::new(),
            };
            if !on.is_empty() && on != from {
                return (from, on);
            }
            tokio::time::sleep(POLL).await;
        }
        (from.clone(), from)
    }

    /// The look of the list's focused row and of a neighbour: (box-shadow, background)
    /// each; `None` while no row but the first has focus.
    pub async fn focused_row_look(&self) -> Option<((String, String), (String, String))> {
        let look = self
            .driver
            .execute(
                "const rows = [...document.querySelectorAll(\"a[data-testid='conversation-row']\")];
                 const at = rows.indexOf(document.activeElement);
                 if (at < 0) return null;
                 const other = rows[at + 1] || rows[at - 1];
                 const of = (el) => { const s = getComputedStyle(el); return [s.boxShadow, s.backgroundColor]; };
                 return [of(rows[at]), of(other)];",
                Vec::new(),
            )
            .await
            .expect("a script")
            .json()
            .clone();
        let pair = |v: &serde_json::Value| {
            (
                v[0].as_str().unwrap_or_default().to_owned(),
                v[1].as_str().unwrap_or_default().to_owned(),
            )
        };
        (!look.is_null()).then(|| (pair(&look[0]), pair(&look[1])))
    }

    /// Replaces a field's text as a person does: select all, type over it.
    pub async fn retype(&self, by: By, text: &str) {
        let field = self.wait_for(by).await;
        field.send_keys(Key::Control + "a").await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Fills the sign-in form on screen as the demo agent and sends it with Enter.
    pub async fn submit_sign_in(&self, password: &str) {
        self.submit_sign_in_as(DEMO_EMAIL, password).await;
    }

    pub async fn submit_sign_in_as(&self, email: &str, password: &str) {
        self.retype(testid("sign-in-email"), email).await;
        self.retype(testid("sign-in-password"), password).await;
        self.press(Key::Enter).await;
    }

    /// Opens `path` as an agent does: the console sends them to sign in, they sign in on
    /// the page, and it brings them back to `path`. Returns the signed-in agent's id.
    pub async fn sign_in_at(&self, path: &str) -> String {
        self.sign_in_as_at(DEMO_EMAIL, path).await
    }

    /// [`Harness::sign_in_at`] as the demo agent `email`; the test's own requests are then
    /// theirs too.
    pub async fn sign_in_as_at(&self, email: &str, path: &str) -> String {
        self.driver
            .goto(format!("{}{path}", self.base))
            .await
            .unwrap();
        self.wait_for(testid("sign-in-form")).await;
        self.submit_sign_in_as(email, DEMO_PASSWORD).await;
        let cookie = self.session_cookie(email).await;
        *self.api_cookie.lock().unwrap() = Some(cookie);
        self.wait_for(testid("signed-in-agent")).await;
        self.wait_for_path(path).await;
        let session = self.api_json(SESSION_PATH).await;
        session["agent"]["id"]
            .as_str()
            .expect("the demo agent's id")
            .to_owned()
    }

    /// The test's own session on the server, signed in once.
    pub async fn api_cookie(&self) -> String {
        if let Some(cookie) = self.api_cookie.lock().unwrap().clone() {
            return cookie;
        }
        let cookie = self.session_cookie(DEMO_EMAIL).await;
        *self.api_cookie.lock().unwrap() = Some(cookie.clone());
        cookie
    }

    /// A POST as another demo agent (a colleague), signed in for it.
    pub async fn api_post_as(&self, email: &str, path: &str, body: serde_json::Value) {
        let cookie = self.session_cookie(email).await;
        self.post_json(&reqwest::Client::new(), Some(&cookie), path, body)
            .await;
    }

    /// A POST as a customer, as the public pages make it (no session); its JSON answer.
    pub async fn customer_post(&self, path: &str, body: serde_json::Value) -> serde_json::Value {
        self.post_json(&reqwest::Client::new(), None, path, body)
            .await
    }

    /// Presses `key` with Ctrl held (Ctrl+Enter sends a reply or adds a note).
    pub async fn press_ctrl(&self, key: impl Into<TypingData>) {
        self.driver
            .action_chain()
            .key_down(Key::Control)
            .send_keys(key)
            .key_up(Key::Control)
            .perform()
            .await
            .expect("the keys are pressed");
    }

    /// A PUT as another demo agent (a colleague), which must succeed.
    pub async fn api_put_as(&self, email: &str, path: &str, body: serde_json::Value) {
        let cookie = self.session_cookie(email).await;
        let response = reqwest::Client::new()
            .put(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .header(WRITE_HEADER, WRITE_HEADER_VALUE)
            .json(&body)
            .send()
            .await
            .expect("the server answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
    }

    /// A new session of the demo agent `email` (`name=value` of its cookie).
    async fn session_cookie(&self, email: &str) -> String {
        let body = serde_json::json!({ "email": email, "password": DEMO_PASSWORD });
        let response = reqwest::Client::new()
            .post(format!("{}{SESSION_PATH}", self.base))
            .header("content-type", "application/json")
            .header(WRITE_HEADER, WRITE_HEADER_VALUE)
            .body(body.to_string())
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), 200, "the demo agent signs in");
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with(&format!("{SESSION_COOKIE}=")))
            .and_then(|value| value.split(';').next())
            .expect("the session cookie")
            .to_owned()
    }

    /// A GET as the signed-in demo agent.
    pub async fn api_get(&self, url: &str) -> reqwest::Response {
        reqwest::Client::new()
            .get(url)
            .header("cookie", self.api_cookie().await)
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn api_json(&self, path: &str) -> serde_json::Value {
        let response = self.api_get(&format!("{}{path}", self.base)).await;
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        let text = response.text().await.expect("a body");
        serde_json::from_str(&text).expect("the server answers JSON")
    }

    /// A JSON POST as the signed-in demo agent, on `client` (one per caller keeps its
    /// connections); the answer's JSON, after asserting it succeeded.
    pub async fn api_post_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: serde_json::Value,
    ) -> serde_json::Value {
        let cookie = self.api_cookie().await;
        self.post_json(client, Some(&cookie), path, body).await
    }

    /// A JSON POST, with a session's cookie or none, which must succeed; its JSON answer.
    async fn post_json(
        &self,
        client: &reqwest::Client,
        cookie: Option<&str>,
        path: &str,
        body: serde_json::Value,
    ) -> serde_json::Value {
        let mut request = client.post(format!("{}{path}", self.base));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request
            .header(WRITE_HEADER, WRITE_HEADER_VALUE)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("the server answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        serde_json::from_str(&response.text().await.expect("a body")).expect("JSON")
    }

    pub async fn api_post(&self, path: &str, body: serde_json::Value) -> serde_json::Value {
        self.api_post_with(&reqwest::Client::new(), path, body)
            .await
    }

    pub async fn api_bytes(&self, url: &str) -> Vec<u8> {
        let response = self.api_get(url).await;
        assert!(
            response.status().is_success(),
            "{url}: {}",
            response.status()
        );
        response.bytes().await.expect("a body").to_vec()
    }
}

/// A file of `tests/fixtures`, to attach.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What sticks out past the window's right edge (the page then scrolls sideways): the
/// outermost such elements, named by tag, class and test hook; empty when the page fits.
pub async fn sticking_out(h: &Harness) -> Vec<String> {
    let found = h
        .driver
        .execute(
            "if (document.documentElement.scrollWidth <= window.innerWidth) return [];
             const out = [...document.body.querySelectorAll('*')].filter(e =>
                 e.getBoundingClientRect().right > window.innerWidth + 1 &&
                 !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1));
             return out.slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' +
                 (e.dataset.testid || '') + ' ' + Math.round(e.getBoundingClientRect().right));",
            Vec::new(),
        )
        .await
        .unwrap();
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}

/// The visible elements `css` finds that are not shown whole: cut by an ancestor that
/// clips (the element passes its edge), cut inside (its text is wider than its box,
/// ellipsis or not) or broken over two lines; each named by class and text.
pub async fn not_whole(h: &Harness, css: &str) -> Vec<String> {
    let found = h
        .driver
        .execute(
            "const cut = (el) => {
                 const r = el.getBoundingClientRect();
                 if (r.width === 0) return false;
                 if (el.scrollWidth > el.clientWidth + 1) return true;
                 const range = document.createRange();
                 range.selectNodeContents(el);
                 const lines = new Set([...range.getClientRects()]
                     .filter(x => x.width > 0).map(x => Math.round(x.bottom)));
                 if (lines.size > 1) return true;
                 for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                     if (getComputedStyle(a).overflowX === 'visible') continue;
                     const b = a.getBoundingClientRect();
                     if (r.left < b.left - 1 || r.right > b.right + 1) return true;
                 }
                 return false;
             };
             return [...document.querySelectorAll(arguments[0])].filter(cut)
                 .map(e => e.className + ': ' + e.textContent.trim());",
            vec![serde_json::Value::from(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}
