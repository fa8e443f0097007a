//! The console through the gateway, as a team with real vendors runs it: a second server
//! plays the five vendors with `--vendor-auth` (it checks each vendor's credentials), and
//! the console's own server forwards every backend to it, adding those credentials. The
//! demo agents are given their identity on each vendor, as an admin would. The secrets
//! come from a map, never from the process's environment.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use switchboard_server::config::file::{self, Settings};
use switchboard_server::{serve, Config};

/// The vendors' secrets for this run: no answer the browser gets may hold one.
pub const SECRETS: [(&str, &str); 5] = [
    (
        "SWITCHBOARD_COMMUNICATION_API_KEY",
        "e2e-communication-key-5b21",
    ),
    (
        "SWITCHBOARD_OCTOPIA_CLIENT_SECRET",
        "e2e-octopia-secret-77c0",
    ),
    ("SWITCHBOARD_CASE_MESSAGES_TOKEN", "e2e-case-token-0e9d"),
    (
        "SWITCHBOARD_SUPPORT_SESSIONS_API_KEY",
        "e2e-support-key-31aa",
    ),
    ("SWITCHBOARD_POSTCENTER_API_KEY", "e2e-postcenter-key-c4f2"),
];

/// Each backend's name and where the vendor serves it.
const BASES: [(&str, &str); 5] = [
    ("communication", "/communication/v1"),
    ("octopia", "/octopia/v2"),
    ("case-messages", "/api/v3"),
    ("support-sessions", "/support-management/v1"),
    ("postcenter", "/postcenter"),
];

/// What the vendor checks and the gateway adds: the same sections on both sides, as the
/// test command's gateway uses them.
fn auth_sections(vendor: &str) -> String {
    include_str!("../fixtures/gateway-auth.toml").replace("VENDOR", vendor)
}

fn parse(text: &str) -> Settings {
    let names = switchboard_server::dialects::names();
    let env = |name: &str| {
        SECRETS
            .iter()
            .find(|(variable, _)| *variable == name)
            .map(|(_, value)| (*value).to_owned())
    };
    file::parse(text, &names, &env).unwrap_or_else(|errors| panic!("a valid file: {errors:?}"))
}

/// The reference server playing the five vendors, on a fresh store.
pub struct Vendor {
    pub base: String,
    dir: tempfile::TempDir,
}

impl Vendor {
    pub async fn start() -> Vendor {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let config = Config {
            database: switchboard_server::store::Location::Sqlite(
                dir.path().join("vendor.sqlite3"),
            ),
            seed_demo: true,
            dist_dir: None,
            allowed_origins: Vec::new(),
            postcenter_ticket_link: None,
            poll_seconds: None,
            backends: Arc::new(parse(&auth_sections(&base))),
            vendor_auth: true,
        };
        tokio::spawn(async move {
            serve(listener, config).await.expect("the vendor runs");
        });
        Vendor { base, dir }
    }

    /// The console's server's file: every backend forwarded here, but `hanging`'s, which
    /// goes to `hanging_url` (a vendor that never answers), with little patience.
    pub fn gateway_settings(&self, hanging: Option<(&str, &str)>) -> Settings {
        let mut text = String::new();
        for (name, base) in BASES {
            match hanging {
                Some((backend, url)) if backend == name => text.push_str(&format!(
                    "[backends.{name}]\nmode = \"forward\"\nupstream = \"{url}{base}\"\n\
                     timeout_seconds = 2\nretries = 0\nbreaker_failures = 1\n"
                )),
                _ => text.push_str(&format!(
                    "[backends.{name}]\nmode = \"forward\"\nupstream = \"{}{base}\"\n",
                    self.base
                )),
            }
        }
        text.push_str(&auth_sections(&self.base));
        parse(&text)
    }

    /// The vendor's store: where the backends' data lives through the gateway.
    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("vendor.sqlite3")
    }
}

/// Each demo agent, themselves on every vendor that knows agents (the vendor is seeded
/// with the same agents), once the console's server at `base` has made its store at `db`.
pub async fn give_identities(base: &str, db: &Path) {
    let answers = || async {
        reqwest::get(format!("{base}/api/backends"))
            .await
            .is_ok_and(|response| response.status().is_success())
    };
    for _ in 0..200 {
        if answers().await {
            break;
        }
        tokio::time::sleep(super::POLL).await;
    }
    use switchboard_server::auth::cli::{run, Command};
    let migrations = switchboard_server::dialects::migrations();
    for (id, _, email) in switchboard_server::seed::AGENTS {
        for backend in ["communication", "octopia", "case-messages", "postcenter"] {
            let command = Command::IdentitySet {
                email: email.to_owned(),
                backend: backend.to_owned(),
                vendor_id: id.to_owned(),
                vendor_email: None,
                vendor_name: None,
            };
            let database = switchboard_server::store::Location::Sqlite(db.to_owned());
            run(command, &database, &migrations).expect("the identity is set");
        }
    }
}

/// A vendor that accepts connections and never answers: its URL. The connections are
/// held until the test's runtime ends.
pub async fn hanging_vendor() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    url
}

/// Installed in every page when the console's server is a gateway: each answer the page
/// reads (fetch and XMLHttpRequest, headers and body) is searched for the vendors'
/// secrets. A find is kept with the panics, so the test fails as on a panic; each answer
/// searched is counted, so a test can tell the watch ran.
pub fn secret_watch() -> String {
    let secrets: Vec<&str> = SECRETS.iter().map(|(_, value)| *value).collect();
    let secrets = serde_json::to_string(&secrets).unwrap_or_default();
    format!(
        r#"(() => {{
  const SECRETS = {secrets};
  const keep = (key, change) => {{
    try {{ sessionStorage.setItem(key, JSON.stringify(change(JSON.parse(sessionStorage.getItem(key) || 'null')))); }}
    catch (_) {{}}
  }};
  const check = (where, text) => {{
    keep('__switchboard_checked', (n) => (n || 0) + 1);
    for (const secret of SECRETS) {{
      if (String(text).includes(secret)) {{
        keep('__switchboard_panics', (seen) => (seen || []).concat(['a vendor secret reached the browser: ' + where]));
      }}
    }}
  }};
  const fetch0 = window.fetch.bind(window);
  window.fetch = async (...args) => {{
    const response = await fetch0(...args);
    try {{
      check(response.url + ' (headers)', [...response.headers].map((pair) => pair.join(': ')).join('\n'));
      response.clone().text().then((text) => check(response.url, text), () => {{}});
    }} catch (_) {{}}
    return response;
  }};
  const send0 = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {{
    this.addEventListener('load', () => {{
      try {{
        const body = this.responseType === '' || this.responseType === 'text' ? this.responseText : '';
        check(this.responseURL, this.getAllResponseHeaders() + '\n' + body);
      }} catch (_) {{}}
    }});
    return send0.apply(this, args);
  }};
}})();"#
    )
}
