//! The backends' file (`--config PATH` or `SWITCHBOARD_CONFIG`, TOML): for each backend,
//! whether this server plays it over its own store (`embedded`, the default and what a
//! server with no file does), forwards its vendor's routes to the real API (`forward`,
//! the gateway), or leaves it out (`off`); how to reach the upstream and how the vendor
//! authenticates. Secrets never sit in the file: it names the variables that hold them
//! ([`super::secrets`]), with a default name for each.
//!
//! Everything wrong is said at once, in words, with the backend it concerns: a person
//! fixing a file wants the whole list, not one error per start.

use super::secrets::{self, Env};
use reqwest::Url;
use secrecy::SecretString;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

/// What the file says, checked and with its secrets read.
#[derive(Debug, Default)]
pub struct Settings {
    /// Per backend name; a backend the file does not name is embedded.
    pub backends: BTreeMap<String, BackendSettings>,
    /// Where the metrics are served (`GET /metrics`), apart from the console's address.
    pub admin_address: Option<SocketAddr>,
}

impl Settings {
    /// How `backend` is served.
    pub fn mode(&self, backend: &str) -> &Mode {
        self.backends
            .get(backend)
            .map_or(&Mode::Embedded, |settings| &settings.mode)
    }

    /// How `backend`'s vendor authenticates, if the file says.
    pub fn auth(&self, backend: &str) -> Option<&Auth> {
        self.backends.get(backend).and_then(|s| s.auth.as_ref())
    }
}

#[derive(Debug)]
pub struct BackendSettings {
    pub mode: Mode,
    /// For `forward`: the credentials the server adds. For `embedded` with
    /// `--vendor-auth`: the credentials callers must present, as the vendor would check.
    pub auth: Option<Auth>,
}

#[derive(Debug)]
pub enum Mode {
    Embedded,
    Forward(Box<UpstreamSettings>),
    Off,
}

/// How to reach one vendor's API and how patient to be with it.
#[derive(Debug, Clone)]
pub struct UpstreamSettings {
    /// The document's base: every vendor route's path is appended to it.
    pub base_url: Url,
    /// A whole call, headers and body.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Tries after the first, for calls that are safe to repeat (GET and HEAD).
    pub retries: usize,
    /// How long a list's or a count's answer is given to every agent who asks again.
    pub share_for: Duration,
    /// Failures in a row (timeouts, refused connections, 5xx) that open the breaker.
    pub breaker_failures: u32,
    /// How long an open breaker answers at once before one call tries the vendor again.
    pub breaker_open_for: Duration,
    /// The longest a call waits for the vendor's `Retry-After` to pass before it is
    /// refused instead.
    pub max_budget_wait: Duration,
    /// How often the server reads the vendor's list for what changed there, for the
    /// consoles' event stream (a backend that can list); `None` (`watch_seconds = 0`):
    /// never, the consoles poll the vendor themselves.
    pub watch_every: Option<Duration>,
}

/// How a vendor authenticates a caller.
#[derive(Debug)]
pub enum Auth {
    /// OAuth2 client credentials (Octopia): a bearer token from `token_url`, cached and
    /// refreshed, and the seller's id in a header.
    ClientCredentials {
        token_url: Url,
        client_id: String,
        client_secret: SecretString,
        scope: Option<String>,
        /// Octopia's `SellerId`: which seller's discussions.
        seller_id: Option<String>,
        seller_id_header: String,
        /// Only for `--vendor-auth`: how long the tokens this server issues last.
        token_lifetime: Duration,
    },
    /// A token in a query parameter (case messages' `accessToken`).
    QueryToken {
        parameter: String,
        token: SecretString,
    },
    /// A key in a header: its name, and a word before the key (`Bearer`) if any.
    KeyHeader {
        header: String,
        prefix: Option<String>,
        key: SecretString,
    },
    /// The vendor asks for nothing (a private network's service).
    None,
}

/// The file, read as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    backends: BTreeMap<String, RawBackend>,
    admin: Option<RawAdmin>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdmin {
    address: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBackend {
    #[serde(default)]
    mode: RawMode,
    upstream: Option<String>,
    timeout_seconds: Option<u64>,
    connect_timeout_seconds: Option<u64>,
    retries: Option<usize>,
    share_seconds: Option<u64>,
    breaker_failures: Option<u32>,
    breaker_open_seconds: Option<u64>,
    max_budget_wait_seconds: Option<u64>,
    watch_seconds: Option<u64>,
    auth: Option<RawAuth>,
}

#[derive(Deserialize, Default, PartialEq)]
#[serde(rename_all = "snake_case")]
enum RawMode {
    #[default]
    Embedded,
    Forward,
    Off,
}

#[derive(Deserialize)]
#[serde(tag = "scheme", rename_all = "snake_case", deny_unknown_fields)]
enum RawAuth {
    Oauth2 {
        token_url: String,
        client_id: Option<String>,
        client_id_env: Option<String>,
        client_secret_env: Option<String>,
        scope: Option<String>,
        seller_id: Option<String>,
        seller_id_header: Option<String>,
        token_seconds: Option<u64>,
    },
    Query {
        parameter: Option<String>,
        token_env: Option<String>,
    },
    Header {
        header: Option<String>,
        prefix: Option<String>,
        key_env: Option<String>,
    },
    None,
}

/// Reads the file at `path` and checks it ([`parse`]); every error names the file.
pub fn load(path: &std::path::Path, known: &[&str], env: Env<'_>) -> Result<Settings, Vec<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| vec![format!("cannot read {}: {error}", path.display())])?;
    parse(&text, known, env).map_err(|errors| {
        errors
            .into_iter()
            .map(|error| format!("{}: {error}", path.display()))
            .collect()
    })
}

/// Reads and checks `text`; `known` are the names of the backends this server has (the
/// top hands them down: the config never reads the list of dialects).
pub fn parse(text: &str, known: &[&str], env: Env<'_>) -> Result<Settings, Vec<String>> {
    let raw: RawFile = toml::from_str(text).map_err(|error| vec![error.to_string()])?;
    let mut errors = Vec::new();
    let mut backends = BTreeMap::new();
    for (name, backend) in raw.backends {
        if !known.contains(&name.as_str()) {
            errors.push(format!(
                "[backends.{name}]: no backend has this name; the backends are {}",
                known.join(", ")
            ));
            continue;
        }
        match backend_settings(&name, backend, env) {
            Ok(settings) => {
                backends.insert(name, settings);
            }
            Err(mut found) => errors.append(&mut found),
        }
    }
    let admin_address = raw.admin.and_then(|admin| {
        admin
            .address
            .parse()
            .map_err(|_| {
                errors.push(format!(
                    "[admin] address: “{}” is not an address and port such as 127.0.0.1:9090",
                    admin.address
                ))
            })
            .ok()
    });
    if errors.is_empty() {
        Ok(Settings {
            backends,
            admin_address,
        })
    } else {
        Err(errors)
    }
}

fn backend_settings(
    name: &str,
    raw: RawBackend,
    env: Env<'_>,
) -> Result<BackendSettings, Vec<String>> {
    let mut errors = Vec::new();
    let mode = match raw.mode {
        RawMode::Embedded | RawMode::Off if raw.upstream.is_some() => {
            errors.push(format!(
                "[backends.{name}] upstream: only a backend in mode = \"forward\" has one"
            ));
            Mode::Off
        }
        RawMode::Embedded => Mode::Embedded,
        RawMode::Off => Mode::Off,
        RawMode::Forward => match upstream(name, &raw) {
            Ok(settings) => Mode::Forward(Box::new(settings)),
            Err(error) => {
                errors.push(error);
                Mode::Off
            }
        },
    };
    let auth = match raw.auth {
        None => None,
        Some(auth) => match self::auth(name, auth, env) {
            Ok(auth) => Some(auth),
            Err(mut found) => {
                errors.append(&mut found);
                None
            }
        },
    };
    if errors.is_empty() {
        Ok(BackendSettings { mode, auth })
    } else {
        Err(errors)
    }
}

fn upstream(name: &str, raw: &RawBackend) -> Result<UpstreamSettings, String> {
    let Some(text) = raw.upstream.as_deref() else {
        return Err(format!(
            "[backends.{name}] upstream: a forwarded backend needs the vendor's base URL, \
             such as upstream = \"https://api.example.com/v2\""
        ));
    };
    let base_url = web_url(text).map_err(|why| format!("[backends.{name}] upstream: {why}"))?;
    let seconds = Duration::from_secs;
    Ok(UpstreamSettings {
        base_url,
        timeout: seconds(raw.timeout_seconds.unwrap_or(20).max(1)),
        connect_timeout: seconds(raw.connect_timeout_seconds.unwrap_or(5).max(1)),
        retries: raw.retries.unwrap_or(2),
        share_for: seconds(raw.share_seconds.unwrap_or(2)),
        breaker_failures: raw.breaker_failures.unwrap_or(5).max(1),
        breaker_open_for: seconds(raw.breaker_open_seconds.unwrap_or(15).max(1)),
        max_budget_wait: seconds(raw.max_budget_wait_seconds.unwrap_or(5)),
        watch_every: match raw.watch_seconds.unwrap_or(10) {
            0 => None,
            every => Some(seconds(every)),
        },
    })
}

/// An `http` or `https` URL with a host, without a query, a fragment or credentials.
fn web_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|error| format!("“{text}” is not a URL ({error})"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(format!("“{text}” is not an http:// or https:// address"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("“{text}” must not carry a query or a fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(
            "a URL must not carry a user or password: secrets come from the environment".to_owned(),
        );
    }
    Ok(url)
}

/// `octopia's`, `case-messages'`: a backend's name as the owner in a sentence.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// `SWITCHBOARD_CASE_MESSAGES_TOKEN` for backend `case-messages`, field `token`.
pub fn default_variable(backend: &str, field: &str) -> String {
    format!("SWITCHBOARD_{backend}_{field}")
        .to_uppercase()
        .replace('-', "_")
}

fn auth(name: &str, raw: RawAuth, env: Env<'_>) -> Result<Auth, Vec<String>> {
    let secret = |field: &str, variable: Option<String>, what: &str| {
        let variable = variable.unwrap_or_else(|| default_variable(name, field));
        secrets::read(&variable, &format!("{} {what}", possessive(name)), env)
    };
    match raw {
        RawAuth::Oauth2 {
            token_url,
            client_id,
            client_id_env,
            client_secret_env,
            scope,
            seller_id,
            seller_id_header,
            token_seconds,
        } => {
            let mut errors = Vec::new();
            let token_url = web_url(&token_url)
                .map_err(|why| errors.push(format!("[backends.{name}.auth] token_url: {why}")))
                .ok();
            let client_id = match (client_id, client_id_env) {
                (Some(id), None) => Some(id),
                (None, variable) => {
                    let variable = variable.unwrap_or_else(|| default_variable(name, "client_id"));
                    env(&variable).or_else(|| {
                        errors.push(format!(
                            "{} client id: set client_id in the file or {variable}",
                            possessive(name)
                        ));
                        None
                    })
                }
                (Some(_), Some(_)) => {
                    errors.push(format!(
                        "[backends.{name}.auth]: client_id and client_id_env both set; keep one"
                    ));
                    None
                }
            };
            let client_secret = secret("client_secret", client_secret_env, "client secret")
                .map_err(|error| errors.push(error))
                .ok();
            match (token_url, client_id, client_secret) {
                (Some(token_url), Some(client_id), Some(client_secret)) if errors.is_empty() => {
                    Ok(Auth::ClientCredentials {
                        token_url,
                        client_id,
                        client_secret,
                        scope,
                        seller_id,
                        seller_id_header: seller_id_header.unwrap_or_else(|| "SellerId".to_owned()),
                        token_lifetime: Duration::from_secs(token_seconds.unwrap_or(3600).max(1)),
                    })
                }
                _ => Err(errors),
            }
        }
        RawAuth::Query {
            parameter,
            token_env,
        } => Ok(Auth::QueryToken {
            parameter: parameter.unwrap_or_else(|| "accessToken".to_owned()),
            token: secret("token", token_env, "access token").map_err(|e| vec![e])?,
        }),
        RawAuth::Header {
            header,
            prefix,
            key_env,
        } => {
            let header = header.unwrap_or_else(|| "Authorization".to_owned());
            if axum::http::HeaderName::from_bytes(header.as_bytes()).is_err() {
                return Err(vec![format!(
                    "[backends.{name}.auth] header: “{header}” is not a header name"
                )]);
            }
            Ok(Auth::KeyHeader {
                header,
                prefix: prefix.filter(|p| !p.trim().is_empty()),
                key: secret("api_key", key_env, "API key").map_err(|e| vec![e])?,
            })
        }
        RawAuth::None => Ok(Auth::None),
    }
}

#[cfg(test)]
mod tests;
