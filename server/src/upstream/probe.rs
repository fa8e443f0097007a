//! `switchboard-server check-config --probe`: one call to each forwarded vendor, with its
//! credentials, to say before a team relies on it whether the vendor is reachable, whether
//! it accepts the credentials, and how long it takes to answer.

use super::{Call, Failure, Outgoing, Upstream};
use reqwest::header::HeaderMap;
use reqwest::Method;
use std::time::{Duration, Instant};

/// What one probe found.
#[derive(Debug)]
pub struct Probe {
    pub backend: &'static str,
    pub outcome: Result<u16, Failure>,
    pub latency: Duration,
}

impl Probe {
    /// One line a person reads.
    pub fn line(&self) -> String {
        let ms = self.latency.as_millis();
        match &self.outcome {
            Ok(401 | 403) => format!(
                "{}: reachable, credentials REFUSED (HTTP {}), {ms} ms",
                self.backend,
                self.outcome.as_ref().map_or(0, |s| *s)
            ),
            Ok(status) if *status < 500 => format!(
                "{}: reachable, credentials accepted (HTTP {status}), {ms} ms",
                self.backend
            ),
            Ok(status) => format!(
                "{}: reachable but failing (HTTP {status}), {ms} ms",
                self.backend
            ),
            Err(failure) => format!("{}: NOT reachable: {failure}", self.backend),
        }
    }

    /// Whether the backend is ready for use.
    pub fn passed(&self) -> bool {
        matches!(self.outcome, Ok(status) if status < 500 && status != 401 && status != 403)
    }
}

/// Calls `path` (under the vendor's base, with `query`) once.
pub async fn probe(upstream: &Upstream, path: &str, query: Option<&str>) -> Probe {
    let call = Call {
        method: Method::GET,
        path: path.to_owned(),
        query: query.map(str::to_owned),
        headers: HeaderMap::new(),
        correlation_id: format!("check-config-{}", uuid::Uuid::new_v4()),
    };
    let started = Instant::now();
    let outcome = upstream
        .attempt(&call, Outgoing::Empty)
        .await
        .map(|response| response.status().as_u16());
    Probe {
        backend: upstream.name,
        outcome,
        latency: started.elapsed(),
    }
}
