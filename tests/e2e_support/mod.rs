//! The end-to-end tests' harness: a reference server on a fresh database serving the
//! built console, a chromedriver of its own, and helpers that wait on conditions (never
//! fixed sleeps): for elements, text, focus, the page's path, signing in on the sign-in
//! page, and the test's own signed-in requests to the API. [`start_through_gateway`] puts
//! a gateway between the console and the vendors ([`gateway`]).

#![allow(dead_code)]

mod api;
mod gateway;
pub mod instances;
mod page;

pub use page::*;

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
