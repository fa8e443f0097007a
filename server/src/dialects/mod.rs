//! The backends this server speaks, one module each, and the one list that mounts them:
//! adding a dialect is one module and one line in [`ALL`].
//!
//! A dialect brings its routes (absolute paths under its base path), the renderer of its
//! error body ([`crate::http::render::Renderer`]), its schema steps
//! ([`crate::store::migrations`]) and its demo data ([`crate::seed::Seed`]). Everything below its base path is
//! answered in its shape, including unknown paths and wrong methods.
//!
//! Only this module and the top (`lib.rs`) read [`ALL`]: the lower layers (auth, store,
//! seed, http) are handed what they need of it as data ([`public_routes`],
//! [`migrations`], [`seeds`]), so none of them imports the dialects that import them.

pub mod after_forward;
pub mod case_messages;
pub mod communication;
pub mod octopia;
pub mod postcenter;
pub mod support_sessions;

use crate::auth::vendor::{self, VendorAuth};
use crate::auth::{Budget, PublicRoute, PUBLIC};
use crate::config::file::{Mode, Settings};
use crate::http::render::{forwarded, rendered, Renderer};
use crate::seed::Seed;
use crate::store::migrations::{Keyed, Migration, SWITCHBOARD, SWITCHBOARD_MIGRATIONS};
use crate::upstream::attachments::{FileRoute, Files};
use crate::upstream::forward::Forwarding;
use crate::upstream::identity::{Check, Identities};
use crate::upstream::{self, metrics::Metrics, Upstream};
use crate::AppState;
use after_forward::{AfterForward, Forwarded};
use axum::extract::{Request, State};
use axum::middleware::from_fn;
use axum::routing::any;
use axum::Router;
use std::collections::BTreeMap;
use std::sync::Arc;
use switchboard_core::directory::BackendDescriptor;
use switchboard_core::domain::BackendKind;

/// What the server needs to know of one backend dialect.
pub struct Dialect {
    /// The dialect's name: in discovery, in its module path, in its schema steps' key.
    pub name: &'static str,
    pub kind: BackendKind,
    /// Where its routes live; discovery gives it to the console.
    pub base_path: &'static str,
    /// The vendor's document's routes, at absolute paths under `base_path`: served here
    /// over the store when embedded, replaced by the gateway's forwarding when forwarded.
    pub vendor_routes: fn() -> Router<AppState>,
    /// What Switchboard adds to this backend, served by us in every mode.
    pub our_routes: fn() -> Router<AppState>,
    /// The cheapest read of the vendor's API, for `check-config --probe`.
    pub probe: Probe,
    /// Its resources (path templates under the vendor's base) whose writes the console
    /// guards with `If-Match`: versioned by us when forwarded to a vendor without `ETag`s.
    pub versioned: &'static [&'static str],
    /// Its error body.
    pub render_error: Renderer,
    /// How its vendor knows which agent writes, for the gateway (`identity.rs` beside it).
    pub identities: &'static Identities,
    /// Its vendor's writes that carry files, and how, for the gateway's checks.
    pub files: &'static [FileRoute],
    /// Its schema steps, keyed by its name (see [`crate::store::migrations`]).
    pub migrations: &'static [Migration],
    /// Its demo data, written into an empty store.
    pub seed: Seed,
    /// The routes anyone may call, under `base_path`; every other path under it needs a
    /// signed-in agent ([`crate::auth`]). Empty for most: a backend's data is agents' work.
    pub public_routes: &'static [PublicRoute],
    /// Its writes that change a conversation, recorded for the consoles' event stream
    /// ([`crate::events`]), embedded or forwarded.
    pub changes: &'static [crate::events::Change],
    /// When forwarded, the list the server reads from its vendor for the team, to push
    /// what changed there ([`crate::events::watch`]); `None` when its vendor cannot list.
    pub watch: Option<crate::events::watch::Watch>,
    /// When forwarded, what it keeps of its own after the vendor answered one of its
    /// requests ([`after_forward`]): what its embedded writes record as they ride along.
    pub after_forward: Option<AfterForward>,
}

/// A read that any account may make, to see whether a vendor answers and accepts the
/// credentials (its answer's content does not matter).
pub struct Probe {
    /// Under the vendor's base URL.
    pub path: &'static str,
    pub query: Option<&'static str>,
}

/// Every dialect, in discovery's order.
pub const ALL: &[Dialect] = &[
    communication::DIALECT,
    octopia::DIALECT,
    case_messages::DIALECT,
    support_sessions::DIALECT,
    postcenter::DIALECT,
];

/// A backend this server speaks, by its discovery name: Switchboard's own routes per
/// backend (follows, notes) answer 404 for any other.
pub fn known(backend: String) -> Result<String, crate::http::HttpError> {
    if ALL.iter().any(|dialect| dialect.name == backend) {
        Ok(backend)
    } else {
        Err(crate::http::HttpError::not_found(
            "backend",
            crate::http::Location::Path,
            "backend",
            &backend,
        ))
    }
}

/// A backend whose conversations' assignee Switchboard keeps (its vendor has none,
/// `switchboard_core::assignments::kept_by_switchboard`): 404 for an unknown backend, 422
/// for one whose vendor assigns (its assignment is the vendor's, never kept twice).
pub fn keeping_assignment(backend: String) -> Result<String, crate::http::HttpError> {
    let backend = known(backend)?;
    let keeps = ALL.iter().any(|dialect| {
        dialect.name == backend && switchboard_core::assignments::kept_by_switchboard(dialect.kind)
    });
    if keeps {
        Ok(backend)
    } else {
        Err(crate::http::HttpError::unprocessable(format!(
            "{backend} assigns its conversations itself: assign them through its own API."
        )))
    }
}

/// The longest conversation id Switchboard's own routes keep (vendors' ids are far
/// shorter).
const MAX_CONVERSATION_CHARS: usize = 200;

/// A conversation of `backend` and its id, as Switchboard's own routes beside a vendor's
/// conversation (notes, presence) take them: a known backend (404 otherwise) and an id of
/// 1 to 200 characters (400 otherwise). The conversation is not looked up at the vendor.
pub fn conversation(
    backend: String,
    id: String,
) -> Result<(String, String), crate::http::HttpError> {
    let backend = known(backend)?;
    let count = id.chars().count();
    if id.trim().is_empty() || count > MAX_CONVERSATION_CHARS {
        return Err(crate::http::HttpError::invalid_field(
            crate::http::Location::Path,
            "conversation",
            &id,
            format!("must have 1 to {MAX_CONVERSATION_CHARS} characters"),
        ));
    }
    Ok((backend, id))
}

impl Dialect {
    /// How discovery (`/api/backends`) lists it.
    pub fn descriptor(&self) -> BackendDescriptor {
        BackendDescriptor {
            kind: self.kind,
            name: self.name.to_owned(),
            label: self.kind.label(switchboard_core::i18n::Lang::En),
            base_path: self.base_path.to_owned(),
            item_link: None,
            poll_seconds: None,
            pushed: false,
        }
    }

    /// Its routes as `mode` serves them, every error under its base path in its own shape;
    /// `None` when it is off. `upstream` is its vendor's client when forwarded;
    /// `vendor_checked` says the gate checks its vendor's credentials (`--vendor-auth`):
    /// then its vendor routes answer vendor calls only and its own routes agents only.
    pub fn router(
        &self,
        mode: &Mode,
        upstream: Option<Arc<Upstream>>,
        vendor_checked: bool,
    ) -> Option<Router<AppState>> {
        match (mode, upstream) {
            (Mode::Off, _) => None,
            (Mode::Forward(_), Some(upstream)) => Some(self.forwarding(upstream)),
            _ => {
                let (mut vendor, mut ours) = ((self.vendor_routes)(), (self.our_routes)());
                if vendor_checked {
                    vendor = vendor.route_layer(from_fn(vendor::vendor_callers_only));
                    // axum refuses a route layer on no routes (Octopia has none of ours).
                    if ours.has_routes() {
                        ours = ours.route_layer(from_fn(vendor::agents_only));
                    }
                }
                Some(rendered(
                    vendor.merge(ours),
                    self.base_path,
                    self.render_error,
                ))
            }
        }
    }

    /// Its routes when forwarded: every path under its base goes to `upstream` (with the
    /// gateway's checks and, if it keeps state of its own, its `after_forward`), but
    /// Switchboard's own routes, served here.
    fn forwarding(&self, upstream: Arc<Upstream>) -> Router<AppState> {
        let (base_path, backend, identities) = (self.base_path, self.name, self.identities);
        let route = Arc::new(Forwarding {
            upstream,
            base_path,
            max_body: MAX_BODY_BYTES,
            versioned: self.versioned,
            files: Files::new(self.files),
        });
        let after = self.after_forward;
        let forward = any(move |State(state): State<AppState>, request: Request| {
            let identity = Check {
                store: state.store.clone(),
                backend,
                identities,
            };
            let seen = after.map(|after| (after, Forwarded::of(&request, base_path)));
            let answer = upstream::forward::forward(route.clone(), identity, request);
            async move {
                let answer = answer.await;
                match seen {
                    Some((after, seen)) => after(state, seen, answer).await,
                    None => answer,
                }
            }
        });
        let vendor = Router::new()
            .route(base_path, forward.clone())
            .route(&format!("{base_path}/{{*rest}}"), forward);
        forwarded((self.our_routes)().merge(vendor), self.render_error)
    }
}

/// Whether `path` is under a dialect's base path: where `POST`s honour an
/// `Idempotency-Key` ([`crate::http::idempotency`]).
pub fn is_dialect_path(path: &str) -> bool {
    ALL.iter()
        .any(|dialect| crate::http::guard::is_under(path, dialect.base_path))
}

/// The longest body any dialect's route accepts: a communication message with its files.
/// A body past it is refused by whichever route it was sent to.
pub const MAX_BODY_BYTES: usize = max_of(&[
    crate::BODY_LIMIT_BYTES,
    communication::MESSAGE_UPLOAD.body_limit(),
    communication::CONTACT_UPLOAD.body_limit(),
    octopia::MESSAGE_BODY_LIMIT,
]);

const fn max_of(values: &[usize]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < values.len() {
        if values[i] > max {
            max = values[i];
        }
        i += 1;
    }
    max
}

/// Every public route, for the gate and the door ([`crate::auth::Access`]): Switchboard's,
/// then each dialect's under its base path.
pub fn public_routes() -> Vec<(String, &'static str, Budget)> {
    PUBLIC
        .iter()
        .map(|route| (route.path.to_owned(), route.method, route.budget))
        .chain(ALL.iter().flat_map(|dialect| {
            dialect.public_routes.iter().map(|route| {
                (
                    format!("{}{}", dialect.base_path, route.path),
                    route.method,
                    route.budget,
                )
            })
        }))
        .collect()
}

/// Every key's schema steps, in the order they apply, for the store
/// ([`crate::store::Store::open`]): Switchboard's, then each dialect's.
pub fn migrations() -> Vec<Keyed> {
    std::iter::once((SWITCHBOARD, SWITCHBOARD_MIGRATIONS))
        .chain(ALL.iter().map(|dialect| (dialect.name, dialect.migrations)))
        .collect()
}

/// Every dialect's demo data, in discovery's order, for [`crate::seed::seed_if_empty`].
pub fn seeds() -> Vec<Seed> {
    ALL.iter().map(|dialect| dialect.seed).collect()
}

/// Every dialect's routes together, each as the backends' file says (embedded unless
/// it says otherwise); `upstreams` holds the forwarded ones' clients by name, `checked`
/// the backends whose vendor credentials the gate checks ([`vendor_auths`]).
pub fn routes(
    settings: &Settings,
    upstreams: &BTreeMap<&str, Arc<Upstream>>,
    checked: &[Arc<VendorAuth>],
    (store, hub): (&crate::store::Store, &crate::events::Hub),
) -> Router<AppState> {
    ALL.iter().fold(Router::new(), |app, dialect| {
        let upstream = upstreams.get(dialect.name).cloned();
        let vendor_checked = checked.iter().any(|vendor| vendor.backend == dialect.name);
        let recording = crate::events::Recording {
            store: store.clone(),
            hub: hub.clone(),
            backend: dialect.name,
            base_path: dialect.base_path,
            changes: dialect.changes,
        };
        match dialect.router(settings.mode(dialect.name), upstream, vendor_checked) {
            // Whatever the mode, the writes that change a conversation are recorded for
            // the consoles' streams.
            Some(router) => app.merge(router.layer(axum::middleware::from_fn_with_state(
                recording,
                crate::events::record,
            ))),
            None => app,
        }
    })
}

/// Starts, on the current runtime, the watcher of each forwarded backend that can list:
/// one instance at a time reads its vendor's first page for the team and records what
/// changed there ([`crate::events::watch`]). Without a runtime (a test that only builds
/// the routes) nothing starts.
pub fn watch_vendors(
    settings: &Settings,
    upstreams: &BTreeMap<&str, Arc<Upstream>>,
    store: &crate::store::Store,
    hub: &crate::events::Hub,
) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let holder = uuid::Uuid::new_v4().to_string();
    for dialect in ALL {
        let (Mode::Forward(upstream_settings), Some(watch), Some(upstream)) = (
            settings.mode(dialect.name),
            dialect.watch,
            upstreams.get(dialect.name),
        ) else {
            continue;
        };
        let Some(every) = upstream_settings.watch_every else {
            continue;
        };
        let watcher = crate::events::watch::Watcher {
            store: store.clone(),
            hub: hub.clone(),
            upstream: upstream.clone(),
            backend: dialect.name,
            watch,
            every,
            holder: holder.clone(),
        };
        runtime.spawn(watcher.run());
    }
}

/// With `--vendor-auth` (`on`), what each embedded backend whose `auth` asks for
/// credentials expects of its callers, for the gate; nothing otherwise. A forwarded
/// backend's `auth` is what the gateway sends, not what it checks.
pub fn vendor_auths(settings: &Settings, on: bool) -> Vec<Arc<VendorAuth>> {
    if !on {
        return Vec::new();
    }
    ALL.iter()
        .filter(|dialect| matches!(settings.mode(dialect.name), Mode::Embedded))
        .filter_map(|dialect| {
            let auth = settings.auth(dialect.name)?;
            VendorAuth::new(dialect.name, dialect.base_path, auth).map(Arc::new)
        })
        .collect()
}

/// Every dialect's name, for the backends' file (which never reads this list).
pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|dialect| dialect.name).collect()
}

/// A client for each forwarded dialect's vendor, by name.
pub fn upstreams(
    settings: &Settings,
    metrics: &Arc<Metrics>,
) -> Result<BTreeMap<&'static str, Arc<Upstream>>, String> {
    let mut upstreams = BTreeMap::new();
    for dialect in ALL {
        if let Mode::Forward(upstream) = settings.mode(dialect.name) {
            let client = Upstream::new(
                dialect.name,
                upstream,
                settings.auth(dialect.name),
                metrics.clone(),
            )?;
            upstreams.insert(dialect.name, Arc::new(client));
        }
    }
    Ok(upstreams)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::{seed_if_empty, AGENTS};
    use crate::store::Store;
    use chrono::Utc;
    use communication::seed::CONVERSATION_COUNT;
    use communication::store::{self, ConversationFilter, Window};

    #[test]
    fn the_seed_is_varied_and_runs_once() {
        let store = Store::in_memory(&migrations());
        let now = Utc::now();
        assert!(seed_if_empty(&store, now, &seeds()).unwrap());
        assert!(
            !seed_if_empty(&store, now, &seeds()).unwrap(),
            "a second start adds nothing"
        );

        let all = Window {
            offset: 0,
            limit: 100,
        };
        let page = store
            .run_blocking(|conn| {
                store::list_conversations(conn, &ConversationFilter::default(), all)
            })
            .unwrap();
        assert_eq!(page.total, u64::from(CONVERSATION_COUNT) + 3);
        for status in ["OPEN", "CLOSED", "ARCHIVED"] {
            assert!(page.rows.iter().any(|c| c.status == status), "{status}");
        }
        assert!(page.rows.iter().any(|c| c.assigned_agent_id.is_none()));
        for (agent, _, _) in AGENTS {
            assert!(
                page.rows
                    .iter()
                    .any(|c| c.assigned_agent_id.as_deref() == Some(agent)),
                "{agent} has conversations"
            );
        }
        let open = page.rows.iter().filter(|c| c.status == "OPEN").count();
        assert!(open * 2 > page.rows.len(), "most conversations are open");
    }

    #[test]
    fn the_public_list_is_short_and_exact() {
        let access = crate::access();
        assert!(access.is_public("POST", "/api/session"));
        assert!(!access.is_public("GET", "/api/session"));
        assert!(!access.is_public("DELETE", "/api/session"));
        assert!(access.is_public("GET", "/api/backends"));
        assert!(access.is_public("HEAD", "/api/backends"));
        assert!(!access.is_public("GET", "/api/agents"));
        assert!(access.is_public("POST", "/communication/v1/contact-us"));
        assert!(!access.is_public("GET", "/communication/v1/contact-us"));
        assert!(!access.is_public("GET", "/communication/v1/contact-us/x"));
    }
}
