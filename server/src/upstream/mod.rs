//! The gateway's client: one [`Upstream`] per forwarded backend, holding what every call
//! to that vendor shares (the HTTP client, the credentials, a circuit breaker, the
//! vendor's own rate budget, the answers shared between agents, the metrics). It knows
//! nothing of the dialects: the top hands it a name, a base URL and an auth, the way
//! object_store's providers share one `client/` of retries and credentials.
//!
//! A call: the breaker and the budget are asked first (either may answer at once), then
//! the vendor, with a timeout; a GET that found no answer or a 502/503/504 is tried again
//! with backoff and jitter (never a write: a vendor may have done it); a 401 under OAuth2
//! retires the token and tries once more. Each call is one log line and a few metrics.

pub mod attachments;
pub mod breaker;
pub mod budget;
pub mod credentials;
pub mod forward;
pub mod identity;
pub mod metrics;
pub mod probe;
pub mod routes;
mod spool;
pub mod versions;

use crate::config::file::{Auth, UpstreamSettings};
use backon::{ExponentialBuilder, Retryable};
use breaker::Breaker;
use budget::Budget;
use bytes::Bytes;
use credentials::{Credentials, CredentialsError};
use metrics::Metrics;
use reqwest::{Client, Method, StatusCode, Url};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// The largest answer a shared GET holds in memory; a bigger one is refused (502).
pub const MAX_SHARED_BYTES: usize = 32 * 1024 * 1024;

/// One vendor's API, as every agent's calls to it share it.
pub struct Upstream {
    /// The backend's name, in logs and metrics.
    pub name: &'static str,
    pub settings: UpstreamSettings,
    client: Client,
    pub credentials: Credentials,
    breaker: Breaker,
    budget: Budget,
    /// GET answers by method, path and query, shared for `share_for`; concurrent identical
    /// calls wait on the first.
    shared: moka::future::Cache<String, Arc<Answer>>,
    metrics: Arc<Metrics>,
}

/// An answer held whole, to be given to several agents.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Bytes,
}

/// Why a call got no answer from the vendor.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Failure {
    #[error("{backend}'s API failed several times in a row and is given {} s of rest", .retry_after.as_secs().max(1))]
    Resting {
        backend: &'static str,
        retry_after: Duration,
    },
    #[error("{backend}'s API asked to slow down for {} s", .retry_after.as_secs().max(1))]
    Budget {
        backend: &'static str,
        retry_after: Duration,
    },
    #[error("{backend}'s API did not answer within {} s", .after.as_secs())]
    Timeout {
        backend: &'static str,
        after: Duration,
    },
    #[error("{backend}'s API could not be reached: {reason}")]
    Unreachable {
        backend: &'static str,
        reason: String,
    },
    #[error("{backend}'s credentials could not be had: {reason}")]
    Credentials {
        backend: &'static str,
        reason: String,
    },
    #[error("{backend}'s answer is larger than the gateway holds ({} MB)", MAX_SHARED_BYTES / 1024 / 1024)]
    TooLarge { backend: &'static str },
}

/// One call as the gateway makes it.
pub struct Call {
    pub method: Method,
    /// The path under the backend's base, as the vendor's document writes it.
    pub path: String,
    pub query: Option<String>,
    /// The request's headers that may go to the vendor ([`forward`] chose them).
    pub headers: reqwest::header::HeaderMap,
    pub correlation_id: String,
}

impl Call {
    fn route(&self) -> String {
        metrics::route_template(&self.path)
    }
}

/// What a call sends: nothing, bytes that can be sent again, or a stream sent once.
pub enum Outgoing {
    Empty,
    Bytes(Bytes),
    Stream(reqwest::Body),
}

impl Upstream {
    pub fn new(
        name: &'static str,
        settings: &UpstreamSettings,
        auth: Option<&Auth>,
        metrics: Arc<Metrics>,
    ) -> Result<Upstream, String> {
        let client = Client::builder()
            .connect_timeout(settings.connect_timeout)
            .user_agent(concat!("Switchboard/", env!("CARGO_PKG_VERSION")))
            // A redirect would carry the credentials elsewhere: the vendor's answer is
            // given as it is.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| format!("{name}: cannot build the HTTP client: {error}"))?;
        Ok(Upstream {
            name,
            credentials: Credentials::new(auth, client.clone()),
            client,
            breaker: Breaker::new(settings.breaker_failures, settings.breaker_open_for),
            budget: Budget::default(),
            shared: moka::future::Cache::builder()
                .max_capacity(2_000)
                .time_to_live(settings.share_for.max(Duration::from_millis(1)))
                .build(),
            settings: settings.clone(),
            metrics,
        })
    }

    /// The vendor's URL for `path` (under the base) and `query`.
    fn url(&self, path: &str, query: Option<&str>) -> Url {
        let mut url = self.settings.base_url.clone();
        let base = url.path().trim_end_matches('/').to_owned();
        url.set_path(&format!("{base}{path}"));
        url.set_query(query);
        url
    }

    /// A GET, answered from what another agent's identical call got within the sharing
    /// window, or by joining that call while it is under way.
    pub async fn shared_get(&self, call: Call) -> Result<Arc<Answer>, Failure> {
        // The headers that can change a vendor's answer are part of what makes two calls
        // the same: a 304 for one agent's `If-None-Match` is never another agent's answer.
        let header = |name: reqwest::header::HeaderName| {
            call.headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let key = format!(
            "{}?{}\n{}\n{}\n{}",
            call.path,
            call.query.as_deref().unwrap_or(""),
            header(reqwest::header::ACCEPT),
            header(reqwest::header::ACCEPT_LANGUAGE),
            header(reqwest::header::IF_NONE_MATCH),
        );
        if self.settings.share_for.is_zero() {
            return self.fetch_whole(&call).await.map(Arc::new);
        }
        let asked = std::sync::atomic::AtomicBool::new(false);
        let result = self
            .shared
            .try_get_with(key.clone(), async {
                asked.store(true, std::sync::atomic::Ordering::Relaxed);
                self.fetch_whole(&call).await.map(Arc::new)
            })
            .await;
        if !asked.load(std::sync::atomic::Ordering::Relaxed) {
            self.metrics.shared(self.name, &call.route());
        }
        match result {
            // Only a success is shared for the window; an error answer is given to the
            // calls that waited on it, then forgotten.
            Ok(answer) if !answer.status.is_success() => {
                self.shared.invalidate(&key).await;
                Ok(answer)
            }
            Ok(answer) => Ok(answer),
            Err(failure) => Err((*failure).clone()),
        }
    }

    /// A write (or anything with a body) went through: what agents were shared may no
    /// longer be what the vendor holds.
    pub fn forget_shared(&self) {
        self.shared.invalidate_all();
    }

    /// The call, its answer held whole (never shared with other agents).
    pub async fn fetch_whole(&self, call: &Call) -> Result<Answer, Failure> {
        let response = self.send(call, Outgoing::Empty).await?;
        self.hold(response).await
    }

    /// A vendor's answer read whole, up to [`MAX_SHARED_BYTES`].
    pub async fn hold(&self, mut response: reqwest::Response) -> Result<Answer, Failure> {
        let status = response.status();
        let headers = response.headers().clone();
        if response
            .content_length()
            .is_some_and(|length| length > MAX_SHARED_BYTES as u64)
        {
            return Err(Failure::TooLarge { backend: self.name });
        }
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > MAX_SHARED_BYTES {
                        return Err(Failure::TooLarge { backend: self.name });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(error) => return Err(self.transport_failure(&error)),
            }
        }
        Ok(Answer {
            status,
            headers,
            body: Bytes::from(body),
        })
    }

    /// The call, tried again when that is safe and could help.
    pub async fn send(&self, call: &Call, body: Outgoing) -> Result<reqwest::Response, Failure> {
        let repeatable =
            matches!(call.method, Method::GET | Method::HEAD) && matches!(body, Outgoing::Empty);
        if !repeatable {
            return self.attempt(call, body).await;
        }
        let backoff = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(100))
            .with_max_delay(Duration::from_secs(2))
            .with_max_times(self.settings.retries)
            .with_jitter();
        (|| async {
            let response = self.attempt(call, Outgoing::Empty).await?;
            if matches!(response.status().as_u16(), 502..=504) {
                return Err(Attempt::Answered(response));
            }
            Ok(response)
        })
        .retry(backoff)
        .when(|outcome: &Attempt| outcome.worth_again())
        .await
        .or_else(|outcome| match outcome {
            Attempt::Answered(response) => Ok(response),
            Attempt::Failed(failure) => Err(failure),
        })
    }

    /// One try: breaker, budget, credentials, the vendor.
    async fn attempt(&self, call: &Call, body: Outgoing) -> Result<reqwest::Response, Failure> {
        if let Err(retry_after) = self.breaker.admit(Instant::now()) {
            return Err(Failure::Resting {
                backend: self.name,
                retry_after,
            });
        }
        self.honour_budget(call).await?;
        let again = match &body {
            Outgoing::Empty => Some(Outgoing::Empty),
            Outgoing::Bytes(bytes) => Some(Outgoing::Bytes(bytes.clone())),
            Outgoing::Stream(_) => None,
        };
        let started = Instant::now();
        let (response, token) = self.one(call, body).await?;
        let response = match (response.status(), again) {
            (StatusCode::UNAUTHORIZED, Some(again))
                if self.credentials.rejected(token.as_ref()).await =>
            {
                self.observe(call, Ok(response.status()), started);
                self.one(call, again).await?.0
            }
            _ => response,
        };
        self.observe(call, Ok(response.status()), started);
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            let pause = response
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| budget::retry_after(value, SystemTime::now()))
                .unwrap_or(Duration::from_secs(5));
            self.budget.pause(Instant::now(), pause);
        }
        Ok(response)
    }

    async fn one(
        &self,
        call: &Call,
        body: Outgoing,
    ) -> Result<(reqwest::Response, Option<credentials::Token>), Failure> {
        let request = self
            .client
            .request(
                call.method.clone(),
                self.url(&call.path, call.query.as_deref()),
            )
            .headers(call.headers.clone())
            .header("x-correlation-id", &call.correlation_id)
            .timeout(self.settings.timeout);
        let request = match body {
            Outgoing::Empty => request,
            Outgoing::Bytes(bytes) => request.body(bytes),
            Outgoing::Stream(stream) => request.body(stream),
        };
        let (request, token) = self.credentials.apply(request).await.map_err(|error| {
            self.breaker.record(false, Instant::now());
            self.credentials_failure(call, &error)
        })?;
        let started = Instant::now();
        match request.send().await {
            Ok(response) => {
                let healthy = !response.status().is_server_error();
                self.breaker.record(healthy, Instant::now());
                self.metrics.breaker(self.name, self.breaker_gauge());
                Ok((response, token))
            }
            Err(error) => {
                self.breaker.record(false, Instant::now());
                self.metrics.breaker(self.name, self.breaker_gauge());
                let failure = self.transport_failure(&error);
                self.observe(call, Err(&failure), started);
                Err(failure)
            }
        }
    }

    async fn honour_budget(&self, call: &Call) -> Result<(), Failure> {
        let Some(wait) = self.budget.wait_needed(Instant::now()) else {
            return Ok(());
        };
        if wait > self.settings.max_budget_wait {
            return Err(Failure::Budget {
                backend: self.name,
                retry_after: wait,
            });
        }
        self.metrics.budget_wait(self.name, &call.route());
        tokio::time::sleep(wait).await;
        Ok(())
    }

    fn breaker_gauge(&self) -> i64 {
        match self.breaker.state() {
            breaker::State::Closed => 0,
            breaker::State::Open => 1,
            breaker::State::Trying => 2,
        }
    }

    fn transport_failure(&self, error: &reqwest::Error) -> Failure {
        if error.is_timeout() {
            Failure::Timeout {
                backend: self.name,
                after: self.settings.timeout,
            }
        } else {
            Failure::Unreachable {
                backend: self.name,
                reason: describe(error),
            }
        }
    }

    fn credentials_failure(&self, call: &Call, error: &CredentialsError) -> Failure {
        self.metrics
            .failure(self.name, &call.route(), "credentials");
        Failure::Credentials {
            backend: self.name,
            reason: error.to_string(),
        }
    }

    /// One log line and the metrics for one answer or failure.
    fn observe(&self, call: &Call, outcome: Result<StatusCode, &Failure>, started: Instant) {
        let took = started.elapsed();
        let route = call.route();
        match outcome {
            Ok(status) => {
                self.metrics.call(self.name, &route, status.as_u16(), took);
                if status.is_server_error() {
                    self.metrics.failure(self.name, &route, "5xx");
                }
                tracing::info!(
                    backend = self.name,
                    method = %call.method,
                    route = %route,
                    status = status.as_u16(),
                    latency_ms = took.as_millis() as u64,
                    correlation_id = %call.correlation_id,
                    "upstream call"
                );
            }
            Err(failure) => {
                let kind = match failure {
                    Failure::Timeout { .. } => "timeout",
                    _ => "unreachable",
                };
                self.metrics.failure(self.name, &route, kind);
                tracing::warn!(
                    backend = self.name,
                    method = %call.method,
                    route = %route,
                    failure = %failure,
                    latency_ms = took.as_millis() as u64,
                    correlation_id = %call.correlation_id,
                    "upstream call failed"
                );
            }
        }
    }
}

/// What one retried try ended with.
enum Attempt {
    /// The vendor answered, with a status worth another try (502 to 504).
    Answered(reqwest::Response),
    Failed(Failure),
}

impl From<Failure> for Attempt {
    fn from(failure: Failure) -> Self {
        Attempt::Failed(failure)
    }
}

impl Attempt {
    fn worth_again(&self) -> bool {
        match self {
            Attempt::Answered(_) => true,
            Attempt::Failed(Failure::Timeout { .. } | Failure::Unreachable { .. }) => true,
            Attempt::Failed(_) => false,
        }
    }
}

/// A transport error in words, with its causes, and without its URL: a query may hold a
/// token (case messages' `accessToken`), and this text is logged.
fn describe(error: &reqwest::Error) -> String {
    let mut words = Vec::new();
    let mut cause: Option<&dyn std::error::Error> = std::error::Error::source(error);
    while let Some(current) = cause {
        words.push(current.to_string());
        cause = current.source();
    }
    if words.is_empty() {
        words.push(if error.is_connect() {
            "the connection failed".to_owned()
        } else {
            "the call failed".to_owned()
        });
    }
    let mut text = words.join(": ");
    if let Some(url) = error.url() {
        text = text.replace(url.as_str(), "the vendor's URL");
    }
    text
}
