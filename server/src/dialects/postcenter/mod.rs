//! PostCenter's Tickets API v2 (`postcenter-tickets-v2.txt`) as
//! `docs/backends/postcenter.md` routes it: social and email tickets of a Chilean retailer
//! (Facebook, Twitter, email, WhatsApp), read in three shapes, closed, reassigned
//! automatically, found by the number agents see, by customer, by Facebook user, by state
//! and by channel and date range in pages of 100; and, ours, the demo messages' media.
//!
//! `handlers` serve the vendor's routes ([`vendor_routes`]), `input` checks what requests
//! carry, `assign` picks the agent for a ticket, `output` shapes the answers, `errors`
//! renders the error body, `store` holds its tables' SQL, `migrations/` their steps, `seed`
//! its demo data; `ours` serves what Switchboard adds ([`our_routes`]): the demo media.

pub mod assign;
pub mod errors;
pub mod handlers;
pub mod identity;
pub mod input;
pub mod ours;
pub mod output;
pub mod seed;
pub mod store;

use super::{Dialect, Probe};
use crate::auth::{Budget, PublicRoute};
use crate::events::{Change, Item, Kind};
use crate::store::migrations::Migration;
use crate::AppState;
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use handlers::*;
use ours::media;
use switchboard_core::domain::BackendKind;
use switchboard_core::wire::postcenter::DEFAULT_BASE_PATH;

/// The dialect's name: in discovery and in its schema steps' key.
pub const NAME: &str = "postcenter";

/// PostCenter, as the dialects list mounts it.
pub const DIALECT: Dialect = Dialect {
    name: NAME,
    kind: BackendKind::Postcenter,
    base_path: DEFAULT_BASE_PATH,
    vendor_routes,
    our_routes,
    probe: Probe {
        path: "/v2/tickets/state/open",
        query: None,
    },
    versioned: &[],
    render_error: errors::render,
    files: &[],
    identities: &identity::IDENTITIES,
    migrations: MIGRATIONS,
    seed: seed::SEED,
    public_routes: &[PublicRoute {
        method: "GET",
        path: media::MEDIA_PATH,
        // Demo pictures, read from memory: nothing to count but the requests under way.
        budget: Budget::UnderWayOnly,
    }],
    after_forward: None,
    changes: CHANGES,
    watch: None,
};

/// Its writes that change a ticket, for the consoles' event stream.
const CHANGES: &[Change] = &[
    Change {
        method: "POST",
        template: "/v2/ticket/{}/close/",
        kind: Kind::Status,
        item: Item::Path(0),
    },
    Change {
        method: "POST",
        template: "/v2/ticket/{}/reassign/",
        kind: Kind::Assignment,
        item: Item::Path(0),
    },
    Change {
        method: "POST",
        template: "/v2/ticket/{}/by_agent_id/",
        kind: Kind::Assignment,
        item: Item::Path(0),
    },
];

/// Its schema steps.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "tickets",
    sql: include_str!("migrations/001_tickets.sql"),
    postgres: include_str!("migrations/postgres/001_tickets.sql"),
}];

/// `path` under [`DEFAULT_BASE_PATH`], with and without its trailing slash.
fn both(router: Router<AppState>, path: &str, method: MethodRouter<AppState>) -> Router<AppState> {
    let bare = format!("{DEFAULT_BASE_PATH}{}", path.trim_end_matches('/'));
    router
        .route(&format!("{bare}/"), method.clone())
        .route(&bare, method)
}

/// The document's services, each with and without its trailing slash: what a gateway to
/// the real PostCenter would forward.
pub fn vendor_routes() -> Router<AppState> {
    let ticket = "/v2/ticket/{ticket_id}";
    let routes: [(String, MethodRouter<AppState>); 10] = [
        (format!("{ticket}/"), get(get_ticket)),
        (format!("{ticket}/messages/"), get(get_messages)),
        (format!("{ticket}/close/"), post(close_ticket)),
        (format!("{ticket}/reassign/"), post(reassign_ticket)),
        // The document's `{agent_ticket_id}`: the router needs one name per position.
        (
            format!("{ticket}/by_agent_id/"),
            get(by_agent_id).post(by_agent_id),
        ),
        (
            format!("{ticket}/get_possible_agent/"),
            get(get_possible_agent),
        ),
        ("/v2/tickets/".to_owned(), get(customer_tickets)),
        ("/v2/tickets/facebook/".to_owned(), get(facebook_tickets)),
        (
            "/v2/tickets/state/{state}".to_owned(),
            get(tickets_in_state),
        ),
        (
            "/v2/tickets/paginated/{social_network}/".to_owned(),
            get(paginated),
        ),
    ];
    routes
        .into_iter()
        .fold(Router::new(), |router, (path, method)| {
            both(router, &path, method)
        })
}

/// Switchboard's additions ([`ours`]), served by us even behind a gateway: the demo
/// messages' media, public, only without a trailing slash (as listed).
pub fn our_routes() -> Router<AppState> {
    let media = format!("{DEFAULT_BASE_PATH}{}", media::MEDIA_PATH);
    Router::new().route(&media, get(media::get_media))
}
