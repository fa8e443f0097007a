//! `switchboard-server check-config [--config FILE] [--probe]`: the backends' file read as
//! the server would read it, said back in words (each backend's mode, upstream and how it
//! authenticates, never a secret), and with `--probe` one call to each forwarded vendor:
//! reachable, credentials accepted, latency.

use crate::config::file::{Auth, Mode, Settings};
use crate::dialects;
use crate::upstream::{metrics::Metrics, probe};
use std::fmt::Write;
use std::sync::Arc;

/// The report, and whether everything probed is ready.
pub async fn check(settings: &Settings, probe_upstreams: bool) -> (String, bool) {
    let mut report = String::new();
    for dialect in dialects::ALL {
        let line = match settings.mode(dialect.name) {
            Mode::Embedded => "embedded (served here over the store)".to_owned(),
            Mode::Off => "off".to_owned(),
            Mode::Forward(upstream) => format!(
                "forwarded to {} ({}; timeout {} s, answers shared {} s)",
                upstream.base_url,
                auth_words(settings.auth(dialect.name)),
                upstream.timeout.as_secs(),
                upstream.share_for.as_secs()
            ),
        };
        let _ = writeln!(report, "{}: {line}", dialect.name);
    }
    if let Some(address) = settings.admin_address {
        let _ = writeln!(report, "metrics: http://{address}/metrics");
    }
    if !probe_upstreams {
        return (report, true);
    }
    let metrics = Arc::new(Metrics::default());
    let upstreams = match dialects::upstreams(settings, &metrics) {
        Ok(upstreams) => upstreams,
        Err(error) => {
            let _ = writeln!(report, "{error}");
            return (report, false);
        }
    };
    let mut ready = true;
    for dialect in dialects::ALL {
        let Some(upstream) = upstreams.get(dialect.name) else {
            continue;
        };
        let found = probe::probe(upstream, dialect.probe.path, dialect.probe.query).await;
        ready &= found.passed();
        let _ = writeln!(report, "probe {}", found.line());
    }
    (report, ready)
}

fn auth_words(auth: Option<&Auth>) -> String {
    match auth {
        None | Some(Auth::None) => "no credentials".to_owned(),
        Some(Auth::ClientCredentials {
            token_url,
            client_id,
            seller_id,
            seller_id_header,
            ..
        }) => format!(
            "OAuth2 client credentials at {token_url} as client {client_id}{}",
            seller_id
                .as_ref()
                .map(|id| format!(", {seller_id_header} {id}"))
                .unwrap_or_default()
        ),
        Some(Auth::QueryToken { parameter, .. }) => format!("a token in ?{parameter}="),
        Some(Auth::KeyHeader { header, prefix, .. }) => match prefix {
            Some(prefix) => format!("a key in {header}: {prefix} …"),
            None => format!("a key in {header}"),
        },
    }
}
