//! Octopia's Discussion API V2 (`octopia-discussions-v2.txt`) as `docs/backends/octopia.md`
//! routes it: the seller's side of discussions and claims about marketplace orders.
//!
//! `handlers` serve the vendor's routes ([`vendor_routes`]), `input` checks what requests
//! carry, `output` shapes the answers, `typologies` is the fixed catalogue of reasons,
//! `errors` renders the document's answer body, `store` holds its tables' SQL,
//! `migrations/` their steps and `seed` its demo data. Who may receive a reply is decided
//! here, once, for the detail and for the reply's checks. Switchboard adds no route here
//! ([`our_routes`] is empty), so there is no `ours` module.

pub mod errors;
pub mod handlers;
pub mod identity;
pub mod input;
pub mod output;
pub mod seed;
pub mod store;
pub mod typologies;

use super::{Dialect, Probe};
use crate::events::{Change, Item, Kind};
use crate::store::migrations::Migration;
use crate::upstream::attachments::{Carrier, FileRoute};
use crate::AppState;
use axum::routing::{get, patch, post};
use axum::Router;
use handlers::*;
use store::{DiscussionRecord, PartyRecord};
use switchboard_core::domain::BackendKind;
use switchboard_core::wire::octopia::{
    GraduationCode, UserType, ATTACHMENT_POLICY, DEFAULT_BASE_PATH,
};

/// Octopia's discussions, as the dialects list mounts them.
pub const DIALECT: Dialect = Dialect {
    name: "octopia",
    kind: BackendKind::Octopia,
    base_path: DEFAULT_BASE_PATH,
    vendor_routes,
    our_routes,
    probe: Probe {
        path: "/discussions/count",
        query: None,
    },
    versioned: &[],
    render_error: errors::render,
    identities: &identity::IDENTITIES,
    files: FILES,
    migrations: MIGRATIONS,
    seed: seed::SEED,
    public_routes: &[],
    after_forward: None,
    changes: CHANGES,
    watch: Some(crate::events::watch::Watch {
        path: "/discussions",
        query: Some("pageIndex=1&pageSize=50"),
        items: "/items",
        id: "discussionId",
    }),
};

/// Its writes that change a discussion, for the consoles' event stream: a reply and a read
/// mark name theirs only in the body, or not at all.
const CHANGES: &[Change] = &[
    Change {
        method: "PATCH",
        template: "/discussions/{}",
        kind: Kind::Status,
        item: Item::Path(0),
    },
    Change {
        method: "POST",
        template: "/messages",
        kind: Kind::Message,
        item: Item::Unnamed,
    },
    Change {
        method: "PATCH",
        template: "/messages/{}",
        kind: Kind::Read,
        item: Item::Unnamed,
    },
];

/// Its schema steps, applied after Switchboard's own (they need the `files` table).
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "discussions",
    sql: include_str!("migrations/001_discussions.sql"),
    postgres: include_str!("migrations/postgres/001_discussions.sql"),
}];

/// Files a little over the policy are still read whole, so they are refused by the
/// policy's own words (naming the rule and the limit) instead of cut off mid-upload.
const READ_BEYOND_POLICY_BYTES: u64 = 2 * switchboard_core::attachments::MB;

/// `POST /messages` reads up to this: 6 MB of files (the policy's 4 MB and 2 MB more) in
/// base64 (a third larger), plus 1 MiB for the JSON around them. About 9 MB.
pub const MESSAGE_BODY_LIMIT: usize =
    ((ATTACHMENT_POLICY.max_message_bytes + READ_BEYOND_POLICY_BYTES).div_ceil(3) * 4) as usize
        + crate::BODY_LIMIT_BYTES;

/// The vendor's write that carries files (a reply's, in base64), for the gateway to check
/// them as [`handlers::add_message`] does ([`crate::upstream::attachments`]).
pub const FILES: &[FileRoute] = &[FileRoute {
    method: "POST",
    path: "/messages",
    carrier: Carrier::Json(check_forwarded_reply),
}];

/// The marketplace's care team, as a receiver of the seller's replies on a claim.
pub const CUSTOMER_SERVICE_ID: &str = "customer-service";
pub const CUSTOMER_SERVICE_NAME: &str = "Service client";

/// Who the seller's next reply may go to: the customer always, and the care team when the
/// discussion is a claim. The seller never receives.
pub fn eligible_receivers(discussion: &DiscussionRecord) -> Vec<PartyRecord> {
    let mut receivers = vec![PartyRecord {
        user_id: discussion.customer_id.clone(),
        user_type: UserType::Customer.to_string(),
        name: Some(discussion.customer_name.clone()),
    }];
    if discussion.graduation_code == GraduationCode::Claim.as_str() {
        receivers.push(PartyRecord {
            user_id: CUSTOMER_SERVICE_ID.to_owned(),
            user_type: UserType::CustomerService.to_string(),
            name: Some(CUSTOMER_SERVICE_NAME.to_owned()),
        });
    }
    receivers
}

/// The document's endpoints: what a gateway to the real Octopia would forward. Our
/// additions ride along on them: the filters and names `docs/backends/octopia.md` marks
/// as ours, idempotency keys on `POST /messages`.
pub fn vendor_routes() -> Router<AppState> {
    let at = |path: &str| format!("{DEFAULT_BASE_PATH}{path}");
    Router::new()
        .route(&at("/discussions/typologies"), get(list_typologies))
        .route(&at("/discussions/count"), get(count_discussions))
        .route(&at("/discussions"), get(list_discussions))
        .route(
            &at("/discussions/{discussionId}"),
            get(get_discussion).patch(patch_discussion),
        )
        .route(&at("/messages"), post(add_message))
        .route(&at("/messages/{messageId}"), patch(patch_message))
        .route(&at("/attachments"), get(search_attachments))
}

/// Switchboard's additions: none. Octopia's discussions list themselves, so nothing of
/// ours (no followed items, no history) needs a route; kept, empty, so every dialect has
/// the same two halves.
pub fn our_routes() -> Router<AppState> {
    Router::new()
}
