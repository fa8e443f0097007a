//! Switchboard's reference server: each backend dialect's REST contract (`dialects`, as
//! `docs/backends/` routes them) over one store (SQLite, or PostgreSQL for several instances), Switchboard's own discovery
//! endpoints (`directory`), and the built console (`spa`, its files compressed ahead of
//! time by `precompress`).
//!
//! ```no_run
//! # async fn run() -> Result<(), switchboard_server::StartupError> {
//! let config = switchboard_server::Config {
//!     database: switchboard_server::store::Location::Sqlite("switchboard.sqlite3".into()),
//!     seed_demo: true,
//!     dist_dir: Some("dist".into()),
//!     allowed_origins: Vec::new(),
//!     postcenter_ticket_link: None,
//!     poll_seconds: None,
//!     backends: Default::default(),
//!     vendor_auth: false,
//! };
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(switchboard_server::StartupError::Bind)?;
//! switchboard_server::serve(listener, config).await
//! # }
//! ```

pub mod assignments;
pub mod auth;
pub mod check;
pub mod config;
pub mod deadlines;
pub mod dialects;
pub mod directory;
pub mod events;
pub mod follows;
pub mod http;
pub mod labels;
#[cfg(test)]
mod layers;
pub mod listen;
pub mod mentions;
pub mod no_answer;
pub mod notes;
pub mod precompress;
pub mod presence;
pub mod saved_replies;
pub mod saved_views;
pub mod seed;
pub mod snoozes;
pub mod spa;
pub mod store;
pub mod upstream;

pub use config::{Config, Limits, RateLimit};

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::{middleware, Router};
use http::rate_limit::RateLimiter;
use std::sync::Arc;
use store::Store;
use switchboard_core::session::WRITE_HEADER;
use thiserror::Error;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Bodies larger than this are refused with 413 before they are read.
pub const BODY_LIMIT_BYTES: usize = 1024 * 1024;

/// What a multipart body with files may carry beyond the files themselves: the JSON part
/// and every part's headers.
pub const MULTIPART_OVERHEAD_BYTES: usize = 1024 * 1024;

#[derive(Debug, Error)]
pub enum StartupError {
    #[error(transparent)]
    Store(#[from] store::OpenError),
    #[error("cannot seed demo data into {place}: {reason}")]
    Seed { place: String, reason: String },
    #[error("cannot reach the backends' vendors: {0}")]
    Gateway(String),
    #[error("cannot listen: {0}")]
    Bind(std::io::Error),
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The public contact form's buckets, per client address.
    pub contact_limiter: Arc<RateLimiter>,
    /// The follow-up links' buckets, per client address.
    pub follow_up_limiter: Arc<RateLimiter>,
    /// Wrong passwords' limits and delay.
    pub sign_in: Arc<auth::throttle::Throttle>,
    /// Password checks, a few at once.
    pub passwords: Arc<auth::passwords::Checker>,
    /// How long a browser that signed in stays a known device.
    pub device_lifetime: std::time::Duration,
    /// The public routes' per-address count of requests under way.
    pub door: auth::admission::Door,
    /// How long a customer's follow-up link keeps working after its last use.
    pub follow_up_link_lifetime: std::time::Duration,
    /// How long a session lasts from sign-in.
    pub session_lifetime: std::time::Duration,
    /// What discovery answers: the backends, with their configured links.
    pub backends: Arc<Vec<switchboard_core::directory::BackendDescriptor>>,
    /// The public routes and the API paths, for the gate and the door.
    pub access: Arc<auth::Access>,
    /// Each forwarded backend's vendor client, by the backend's name: Switchboard's own
    /// routes of a forwarded backend read and write the vendor's data through it.
    pub upstreams: Arc<std::collections::BTreeMap<&'static str, Arc<upstream::Upstream>>>,
    /// Wakes this instance's event streams when a change was recorded (`events`).
    pub events: events::Hub,
}

impl AppState {
    /// The vendor client of `backend` when it is forwarded; `None` when we play it.
    pub fn upstream(&self, backend: &str) -> Option<Arc<upstream::Upstream>> {
        self.upstreams.get(backend).cloned()
    }
}

/// Opens (creating on first start) the SQLite file, migrates, seeds demo data when the
/// store is empty, and returns the router, with the default [`Limits`]. Serve it with
/// [`listen::serve`] (or axum's `into_make_service_with_connect_info::<SocketAddr>()`): the
/// rate limits are kept per client address (without it, every client shares one bucket).
pub fn build_app(config: &Config) -> Result<Router, StartupError> {
    build_app_with(config, Limits::default())
}

/// [`build_app`] with other [`Limits`] (tests use small ones).
pub fn build_app_with(config: &Config, limits: Limits) -> Result<Router, StartupError> {
    build_server(config, limits).map(|server| server.app)
}

/// What one server serves: the console's address, and the admin address's (metrics).
pub struct Server {
    pub app: Router,
    /// `GET /metrics`: to be served on `[admin] address` only, never to browsers.
    pub admin: Router,
}

/// [`build_app_with`], and the admin routes beside it.
pub fn build_server(config: &Config, limits: Limits) -> Result<Server, StartupError> {
    let store = Store::open_at(&config.database, &dialects::migrations())?;
    if config.seed_demo {
        seed::seed_if_empty(&store, chrono::Utc::now(), &dialects::seeds()).map_err(|error| {
            StartupError::Seed {
                place: config.database.to_string(),
                reason: error.to_string(),
            }
        })?;
    }
    let metrics = Arc::new(upstream::metrics::Metrics::default());
    let upstreams =
        dialects::upstreams(&config.backends, &metrics).map_err(StartupError::Gateway)?;
    let hub = events::Hub::default();
    dialects::watch_vendors(&config.backends, &upstreams, &store, &hub);
    Ok(Server {
        app: router(store, config, limits, &upstreams, hub),
        admin: admin_router(metrics),
    })
}

/// The admin address's routes: the gateway's metrics, as Prometheus scrapes them.
fn admin_router(metrics: Arc<upstream::metrics::Metrics>) -> Router {
    Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let metrics = metrics.clone();
            async move {
                (
                    [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
                    metrics.render(),
                )
            }
        }),
    )
}

/// build_app + axum::serve on the listener until the future is dropped / process ends.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> Result<(), StartupError> {
    serve_with(listener, config, Limits::default()).await
}

/// [`serve`] with other [`Limits`].
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    config: Config,
    limits: Limits,
) -> Result<(), StartupError> {
    serve_until(listener, config, limits, std::future::pending()).await
}

/// [`serve_with`] until `stop` resolves; then the requests under way have the limits'
/// shutdown grace to finish ([`listen`]).
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    config: Config,
    limits: Limits,
    stop: impl std::future::Future<Output = ()>,
) -> Result<(), StartupError> {
    let app = build_app_with(&config, limits)?;
    listen::serve(listener, app, limits, stop)
        .await
        .map_err(StartupError::Serve)
}

fn router(
    store: Store,
    config: &Config,
    limits: Limits,
    upstreams: &std::collections::BTreeMap<&'static str, Arc<upstream::Upstream>>,
    hub: events::Hub,
) -> Router {
    let spa = spa::Spa::new(config.dist_dir.clone());
    // Other instances' changes arrive through the database (PostgreSQL's NOTIFY).
    let woken = hub.clone();
    store.listen(store::events::CHANNEL, Box::new(move || woken.wake()));
    let state = AppState {
        store,
        contact_limiter: Arc::new(RateLimiter::new(limits.contact_rate)),
        follow_up_limiter: Arc::new(RateLimiter::new(limits.follow_up_rate)),
        sign_in: Arc::new(auth::throttle::Throttle::new(&limits)),
        passwords: Arc::new(auth::passwords::Checker::new(
            limits.password_checks,
            limits.password_check_wait,
        )),
        device_lifetime: limits.device_lifetime,
        door: auth::admission::Door::new(limits.public_in_flight_per_address),
        follow_up_link_lifetime: limits.follow_up_link_lifetime,
        session_lifetime: limits.session_lifetime,
        backends: Arc::new(directory::backends(
            &config.backends,
            config.postcenter_ticket_link.as_deref(),
            config.poll_seconds,
        )),
        access: Arc::new(access_with(dialects::vendor_auths(
            &config.backends,
            config.vendor_auth,
        ))),
        upstreams: Arc::new(upstreams.clone()),
        events: hub,
    };
    let vendor_auth = !state.access.vendor.is_empty();
    Router::new()
        .merge(dialects::routes(
            &config.backends,
            upstreams,
            &state.access.vendor,
            (&state.store, &state.events),
        ))
        .merge(directory::routes())
        .route(
            events::EVENTS_PATH,
            axum::routing::get(events::stream::events),
        )
        .merge(if vendor_auth {
            Router::new().route(
                auth::vendor::TOKEN_PATH,
                axum::routing::post(auth::vendor::token),
            )
        } else {
            Router::new()
        })
        .with_state(state.clone())
        .fallback({
            let state = state.clone();
            move |request: Request| spa::respond(spa.clone(), state.clone(), request)
        })
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        // Inside the gate, so a key is scoped to the session's agent; outside the routes,
        // whose answers it keeps already in their dialect's body.
        .layer(middleware::from_fn_with_state(
            http::idempotency::Idempotency {
                store: state.store.clone(),
                applies_to: dialects::is_dialect_path,
                max_body_bytes: dialects::MAX_BODY_BYTES,
                abandoned_after: chrono::Duration::from_std(limits.idempotency_abandoned_after)
                    .unwrap_or(store::idempotency::ABANDONED_AFTER),
            },
            http::idempotency::honour,
        ))
        // Inside the guard, so session lookups count against its limits; inside the
        // renderer, so a refusal has the body of the API its path belongs to.
        .layer(middleware::from_fn_with_state(state.clone(), auth::gate))
        .layer({
            let timeout = limits.request_timeout;
            tower::ServiceBuilder::new()
                .layer(axum::error_handling::HandleErrorLayer::new(
                    move |error| async move { http::guard::refusal(error, timeout) },
                ))
                .load_shed()
                .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
                    limits.max_concurrent_requests,
                ))
                .timeout(timeout)
        })
        // Outside the guard: a public request is held to its address's budget before it
        // takes a slot, and before its body is read.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::admission::admit,
        ))
        .layer(middleware::from_fn_with_state(
            http::pace::Pace {
                idle_timeout: limits.body_idle_timeout,
                min_bytes_per_sec: limits.body_min_bytes_per_sec,
                rate_grace: limits.body_rate_grace,
                max_body_bytes: dialects::MAX_BODY_BYTES,
            },
            http::pace::pace,
        ))
        .layer(middleware::from_fn_with_state(
            renderer_for as http::guard::RendererFor,
            http::guard::render_escaped,
        ))
        .layer(http::compression::json_gzipped())
        .layer(cors(&config.allowed_origins))
        .layer(middleware::from_fn(
            http::security::credentials_for_allowed_origins_only,
        ))
        .layer(middleware::from_fn(http::security::secure))
        // Outermost, so every response, CORS preflights included, carries the id.
        .layer(middleware::from_fn(http::correlation::correlate))
}

/// The error body of the API `path` belongs to; `None` for the console's paths. The
/// longest base path `path` is under wins: the case messages API lives at `/api/v3`, inside
/// Switchboard's own `/api`.
fn renderer_for(path: &str) -> Option<http::render::Renderer> {
    std::iter::once((
        directory::BASE_PATH,
        directory::render_error as http::render::Renderer,
    ))
    .chain(
        dialects::ALL
            .iter()
            .map(|dialect| (dialect.base_path, dialect.render_error)),
    )
    .filter(|(base, _)| http::guard::is_under(path, base))
    .max_by_key(|(base, _)| base.len())
    .map(|(_, renderer)| renderer)
}

/// Whether `path` belongs to an API (Switchboard's own or a dialect's) rather than to the
/// console's pages.
pub fn is_api_path(path: &str) -> bool {
    renderer_for(path).is_some()
}

/// What the gate and the door are told of the routes (`auth` never reads the dialects):
/// every public route, and which paths are an API's; no vendor credentials checked.
pub fn access() -> auth::Access {
    access_with(Vec::new())
}

/// [`access`], with the backends whose vendor credentials are checked (`--vendor-auth`):
/// then their token endpoint is public too, on the sign-in attempts' budget (each call is
/// a guess at a secret).
fn access_with(vendor: Vec<Arc<auth::vendor::VendorAuth>>) -> auth::Access {
    let mut public = dialects::public_routes();
    if !vendor.is_empty() {
        public.push((
            auth::vendor::TOKEN_PATH.to_owned(),
            "POST",
            auth::Budget::SignIn,
        ));
    }
    auth::Access {
        public,
        is_api_path,
        vendor,
    }
}

/// Only the configured origins may call with credentials; with none, the browser's
/// same-origin rule stands alone (the console is served from the API's own origin).
fn cors(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_credentials(true)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers([
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static(WRITE_HEADER),
            HeaderName::from_static("x-correlation-id"),
            HeaderName::from_static(switchboard_core::directory::CLIENT_HEADER),
            http::idempotency::IDEMPOTENCY_KEY,
            header::IF_MATCH,
        ])
        // Content-Disposition carries an attachment's name to a console fetching it.
        .expose_headers([
            HeaderName::from_static("x-correlation-id"),
            header::CONTENT_DISPOSITION,
            header::RETRY_AFTER,
            http::idempotency::REPLAYED,
            http::idempotency::REUSED,
            header::ETAG,
        ])
}
