//! Order support sessions (`support-management.txt`, "8.12 Support Management") as
//! `docs/backends/support-sessions.md` routes them: a session per order, with the number
//! to call the customer back and the order's agent (driver, delivery person, doctor) with
//! its rating; and, as Switchboard's own addition, the history of the changes made
//! through Switchboard. The document cannot list sessions: every order opened or changed
//! here, and every demo one, joins Switchboard's followed items (`/api/follows/support-sessions`).
//!
//! `handlers` serve the vendor's routes ([`vendor_routes`]), `input` checks what requests
//! carry, `changes` decides what each write may do and what it records, `output` shapes the
//! answers, `errors` renders the error body, `store` holds its tables' SQL, `migrations/`
//! their steps and `seed` its demo data; `ours` serves what Switchboard adds
//! ([`our_routes`]): the history.

pub mod changes;
pub mod errors;
pub mod handlers;
pub mod identity;
pub mod input;
pub mod ours;
pub mod output;
pub mod seed;
pub mod store;

use super::{Dialect, Probe};
use crate::events::{Change, Item, Kind};
use crate::store::migrations::Migration;
use crate::AppState;
use axum::routing::get;
use axum::Router;
use handlers::*;
use switchboard_core::domain::BackendKind;
use switchboard_core::wire::support_sessions::{
    AGENT_PATH, DEFAULT_BASE_PATH, HISTORY_PATH, SESSION_PATH,
};

/// The dialect's name: in discovery, in its schema steps' key, in the followed items.
pub const NAME: &str = "support-sessions";

/// The support sessions, as the dialects list mounts them.
pub const DIALECT: Dialect = Dialect {
    name: NAME,
    kind: BackendKind::SupportSessions,
    base_path: DEFAULT_BASE_PATH,
    vendor_routes,
    our_routes,
    probe: Probe {
        path: "/support/check-config-probe",
        query: None,
    },
    versioned: &[],
    render_error: errors::render,
    files: &[],
    identities: &identity::IDENTITIES,
    migrations: MIGRATIONS,
    seed: seed::SEED,
    public_routes: &[],
    after_forward: Some(ours::forwarded::after_forward),
    changes: CHANGES,
    watch: None,
};

/// Its writes that change an order's session, for the consoles' event stream.
const CHANGES: &[Change] = &[
    Change {
        method: "POST",
        template: "/support/{}",
        kind: Kind::Created,
        item: Item::Path(0),
    },
    Change {
        method: "PUT",
        template: "/support/{}",
        kind: Kind::Changed,
        item: Item::Path(0),
    },
    Change {
        method: "DELETE",
        template: "/support/{}",
        kind: Kind::Status,
        item: Item::Path(0),
    },
    Change {
        method: "PUT",
        template: "/support/{}/agent",
        kind: Kind::Assignment,
        item: Item::Path(0),
    },
    Change {
        method: "DELETE",
        template: "/support/{}/agent",
        kind: Kind::Assignment,
        item: Item::Path(0),
    },
];

/// Its schema steps.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "sessions",
    sql: include_str!("migrations/001_sessions.sql"),
    postgres: include_str!("migrations/postgres/001_sessions.sql"),
}];

/// The document's operations: what a gateway to the real vendor would forward. Each write
/// also records Switchboard's history and follows the order, riding along.
pub fn vendor_routes() -> Router<AppState> {
    let at = |path: &str| format!("{DEFAULT_BASE_PATH}{path}");
    Router::new()
        .route(
            &at(SESSION_PATH),
            get(get_session)
                .post(open_session)
                .put(change_session)
                .delete(close_session),
        )
        .route(
            &at(AGENT_PATH),
            get(get_agent).put(set_agent).delete(remove_agent),
        )
}

/// Switchboard's additions ([`ours`]), served by us even behind a gateway: the history of
/// the changes made through Switchboard.
pub fn our_routes() -> Router<AppState> {
    let at = |path: &str| format!("{DEFAULT_BASE_PATH}{path}");
    Router::new().route(&at(HISTORY_PATH), get(ours::history::get_history))
}
