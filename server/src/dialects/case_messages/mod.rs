//! The case messages API, V3 (`case-messages-v3.txt`), as `docs/backends/case-messages.md`
//! routes it: the service partner's side of messages on repair cases, read by the service
//! provider. The console's team is the partner ([`PARTNER_ACCOUNT_ID`]).
//!
//! `handlers` serve the vendor's three routes ([`vendor_routes`]), `input` checks what
//! requests carry (every problem named as the vendor's validator names it), `output` shapes
//! the answers, `errors` renders the document's `{"error":{"message"}}` body, `store` holds
//! its tables' SQL, `migrations/` their steps and `seed` its demo cases. The API cannot list
//! cases: every case written through these routes, and every demo case, is followed
//! ([`crate::store::follows`]), so `/api/follows/case-messages` lists them. That list is
//! Switchboard's own, under `/api`, not here: this dialect adds no route ([`our_routes`] is
//! empty), so there is no `ours` module.
//!
//! The vendor's `accessToken` query parameter is not read: these routes are an agent's,
//! behind the session like every console route; a gateway to the real vendor will add the
//! token on the server side.

pub mod errors;
pub mod handlers;
pub mod identity;
pub mod input;
pub mod output;
pub mod seed;
pub mod store;

use super::{Dialect, Probe};
use crate::events::{Change, Item, Kind};
use crate::store::migrations::Migration;
use crate::AppState;
use axum::routing::{get, post};
use axum::Router;
use handlers::*;
use switchboard_core::domain::BackendKind;
use switchboard_core::wire::case_messages::{
    CONFIRM_PATH, CREATE_PATH, DEFAULT_BASE_PATH, MESSAGES_PATH,
};

/// The dialect's name: discovery's, its schema steps' key, and its followed items' backend.
pub const NAME: &str = "case-messages";

/// The service partner this console writes for: `senderAccountId` of its messages (the
/// document's example account), and the owner of the cases it may read.
pub const PARTNER_ACCOUNT_ID: i64 = 1009;

/// The platform's own account: its messages carry it as `senderAccountId`, which the
/// document always shows as an integer (their `senderType` stays `null`).
pub const PLATFORM_ACCOUNT_ID: i64 = 1;

/// The case messages API, as the dialects list mounts it.
pub const DIALECT: Dialect = Dialect {
    name: NAME,
    kind: BackendKind::CaseMessages,
    base_path: DEFAULT_BASE_PATH,
    vendor_routes,
    our_routes,
    probe: Probe {
        path: "/case-messages",
        query: None,
    },
    versioned: &[],
    render_error: errors::render,
    files: &[],
    identities: &identity::IDENTITIES,
    migrations: MIGRATIONS,
    seed: seed::SEED,
    public_routes: &[],
    after_forward: None,
    changes: CHANGES,
    watch: None,
};

/// Its writes that change a case, for the consoles' event stream: both name theirs only in
/// the body.
const CHANGES: &[Change] = &[
    Change {
        method: "POST",
        template: "/case-messages/create",
        kind: Kind::Message,
        item: Item::Unnamed,
    },
    Change {
        method: "POST",
        template: "/case-messages/confirm",
        kind: Kind::Read,
        item: Item::Unnamed,
    },
];

/// Its schema steps.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "cases and messages",
    sql: include_str!("migrations/001_cases.sql"),
    postgres: include_str!("migrations/postgres/001_cases.sql"),
}];

/// The document's three endpoints: what a gateway to the real vendor would forward. Our
/// additions ride along on them: a written case joins the followed items, the output
/// fields `docs/backends/case-messages.md` marks as ours, idempotency keys.
pub fn vendor_routes() -> Router<AppState> {
    let at = |path: &str| format!("{DEFAULT_BASE_PATH}{path}");
    Router::new()
        .route(&at(CREATE_PATH), post(create_message))
        .route(&at(MESSAGES_PATH), get(list_messages))
        .route(&at(CONFIRM_PATH), post(confirm_messages))
}

/// Switchboard's additions: none under this base path. The followed cases are listed by
/// Switchboard's `/api/follows/case-messages`, which is not this dialect's; kept, empty,
/// so every dialect has the same two halves.
pub fn our_routes() -> Router<AppState> {
    Router::new()
}
