//! The communication API (`communication-api.txt`) as `docs/backends/communication.md`
//! routes it: conversations and their messages, contact-us messages, mails.
//!
//! `handlers` serve the vendor's routes ([`vendor_routes`]), `input` checks what requests
//! carry, `output` shapes the answers, `contact` is what a contact-us message opens (shared
//! with the seed) and `reference` its short reference, `versions` the conversations'
//! versions and `ETag`s (ours, riding along on the vendor's routes), `errors` renders the
//! documented error body, `store` holds its tables' SQL, `migrations/` their steps and
//! `seed` its demo data; `ours` serves what Switchboard adds ([`our_routes`]): follow-up
//! links. A message's files by id are the vendor's (our reading: its document names no
//! download), so they are among the vendor's routes.

pub mod contact;
pub mod errors;
pub mod handlers;
pub mod identity;
pub mod input;
pub mod ours;
pub mod output;
pub mod reference;
pub mod seed;
pub mod store;
pub mod versions;

use super::{Dialect, Probe};
use crate::auth::{Budget, PublicRoute};
use crate::events::{Change, Item, Kind};
use crate::http::pace::limited_upload;
use crate::http::upload::Upload;
use crate::store::migrations::Migration;
use crate::upstream::attachments::{Carrier, FileRoute};
use crate::AppState;
use axum::routing::{delete, get, post, put};
use axum::Router;
use handlers::attachments;
use handlers::*;
use ours::follow_up;
use switchboard_core::domain::BackendKind;
use switchboard_core::wire::communication::{
    ATTACHMENT_POLICY, CONTACT_ATTACHMENT_POLICY, CONTACT_PART, DEFAULT_BASE_PATH, FILES_PART,
    MESSAGE_PART,
};

/// The communication API, as the dialects list mounts it.
pub const DIALECT: Dialect = Dialect {
    name: "communication",
    kind: BackendKind::Communication,
    base_path: DEFAULT_BASE_PATH,
    vendor_routes,
    our_routes,
    probe: Probe {
        path: "/conversations",
        query: Some("page=0&size=1"),
    },
    versioned: &["/conversations/{}"],
    render_error: errors::render,
    identities: &identity::IDENTITIES,
    files: FILES,
    migrations: MIGRATIONS,
    seed: seed::SEED,
    public_routes: &[
        PublicRoute {
            method: "POST",
            path: "/contact-us",
            budget: Budget::Contact,
        },
        PublicRoute {
            method: "GET",
            path: "/follow-up/{token}",
            budget: Budget::FollowUp,
        },
        PublicRoute {
            method: "POST",
            path: "/follow-up/{token}/messages",
            budget: Budget::FollowUp,
        },
        PublicRoute {
            method: "GET",
            path: "/follow-up/{token}/attachments/{id}",
            budget: Budget::FollowUp,
        },
    ],
    after_forward: Some(ours::contact_link::after_forward),
    changes: CHANGES,
    watch: Some(crate::events::watch::Watch {
        path: "/conversations",
        query: Some("currentPage=1&sizePage=50"),
        items: "/content",
        id: "id",
    }),
};

/// Its writes that change a conversation, for the consoles' event stream: a customer's
/// message through a follow-up link names no conversation (only its token).
const CHANGES: &[Change] = &[
    Change {
        method: "POST",
        template: "/conversations",
        kind: Kind::Created,
        item: Item::Location,
    },
    Change {
        method: "PUT",
        template: "/conversations/{}",
        kind: Kind::Changed,
        item: Item::Path(0),
    },
    Change {
        method: "PUT",
        template: "/conversations/{}/assigned-agent",
        kind: Kind::Assignment,
        item: Item::Path(0),
    },
    Change {
        method: "POST",
        template: "/conversations/{}/messages",
        kind: Kind::Message,
        item: Item::Path(0),
    },
    Change {
        method: "POST",
        template: "/contact-us",
        kind: Kind::Created,
        item: Item::Unnamed,
    },
    Change {
        method: "POST",
        template: "/follow-up/{}/messages",
        kind: Kind::Message,
        item: Item::Unnamed,
    },
];

/// Its schema steps, applied after Switchboard's own (step 3 needs their `files` table).
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "conversations",
        sql: include_str!("migrations/001_conversations.sql"),
        postgres: include_str!("migrations/postgres/001_conversations.sql"),
    },
    Migration {
        version: 2,
        name: "attachments",
        sql: include_str!("migrations/002_attachments.sql"),
        postgres: include_str!("migrations/postgres/002_attachments.sql"),
    },
    Migration {
        version: 3,
        name: "message files",
        sql: include_str!("migrations/003_message_files.sql"),
        postgres: include_str!("migrations/postgres/003_message_files.sql"),
    },
    Migration {
        version: 4,
        name: "conversations by reference",
        sql: include_str!("migrations/004_conversations_by_reference.sql"),
        postgres: include_str!("migrations/postgres/004_conversations_by_reference.sql"),
    },
    Migration {
        version: 5,
        name: "customer names",
        sql: include_str!("migrations/005_customer_names.sql"),
        postgres: include_str!("migrations/postgres/005_customer_names.sql"),
    },
    Migration {
        version: 6,
        name: "follow-up links",
        sql: include_str!("migrations/006_follow_up_links.sql"),
        postgres: include_str!("migrations/postgres/006_follow_up_links.sql"),
    },
    Migration {
        version: 7,
        name: "conversation versions",
        sql: include_str!("migrations/007_conversation_versions.sql"),
        postgres: include_str!("migrations/postgres/007_conversation_versions.sql"),
    },
    Migration {
        version: 8,
        name: "follow-up link expiry",
        sql: include_str!("migrations/008_follow_up_expiry.sql"),
        postgres: include_str!("migrations/postgres/008_follow_up_expiry.sql"),
    },
    Migration {
        version: 9,
        name: "forwarded follow-up links",
        sql: include_str!("migrations/009_forwarded_follow_up_links.sql"),
        postgres: include_str!("migrations/postgres/009_forwarded_follow_up_links.sql"),
    },
];

/// A contact-us conversation has no trip or establishment; the conversation's required
/// fields name where it came from instead.
pub const CONTACT_ORIGIN_ID: &str = "contact-us";

/// "Add a message" with files.
pub const MESSAGE_UPLOAD: Upload = Upload {
    json_part: MESSAGE_PART,
    files_part: FILES_PART,
    policy: &ATTACHMENT_POLICY,
    max_json_bytes: crate::BODY_LIMIT_BYTES,
};

/// The contact form's JSON, alone or as a part: its fields at their longest (5,000
/// characters of message, about 500 for the rest), even with every character written as a
/// 12-byte `\uXXXX\uXXXX` escape, fit within this.
pub const CONTACT_JSON_LIMIT_BYTES: usize = 128 * 1024;

/// "Create a contact-us message" with files.
pub const CONTACT_UPLOAD: Upload = Upload {
    json_part: CONTACT_PART,
    files_part: FILES_PART,
    policy: &CONTACT_ATTACHMENT_POLICY,
    max_json_bytes: CONTACT_JSON_LIMIT_BYTES,
};

/// A customer writing again through their follow-up link, with files: the contact form's
/// checks and limits, the message's own part name.
pub const FOLLOW_UP_UPLOAD: Upload = Upload {
    json_part: MESSAGE_PART,
    files_part: FILES_PART,
    policy: &CONTACT_ATTACHMENT_POLICY,
    max_json_bytes: CONTACT_JSON_LIMIT_BYTES,
};

/// The vendor's writes that carry files, for the gateway to check them as these routes do
/// ([`crate::upstream::attachments`]); the follow-up's are ours, served here in any mode.
pub const FILES: &[FileRoute] = &[
    FileRoute {
        method: "POST",
        path: "/conversations/{}/messages",
        carrier: Carrier::Multipart(MESSAGE_UPLOAD),
    },
    FileRoute {
        method: "POST",
        path: "/contact-us",
        carrier: Carrier::Multipart(CONTACT_UPLOAD),
    },
];

/// The document's operations, at the paths we gave them: what a gateway to the real vendor
/// would forward. Switchboard's additions ride along on some: versions and `ETag`s on the
/// conversation's reads and `PUT`s ([`versions`]), files on a message or a contact, the
/// contact's follow-up link, idempotency keys on every `POST`.
pub fn vendor_routes() -> Router<AppState> {
    let at = |path: &str| format!("{DEFAULT_BASE_PATH}{path}");
    Router::new()
        .route(
            &at("/conversations"),
            get(list_conversations).post(create_conversation),
        )
        .route(
            &at("/conversations/{id}"),
            get(get_conversation).put(update_conversation),
        )
        .route(&at("/conversations/{id}/assigned-agent"), put(assign_agent))
        // The routes that take files read larger bodies than the app-wide limit.
        .route(
            &at("/conversations/{id}/messages"),
            limited_upload(get(list_messages).post(add_message), MESSAGE_UPLOAD),
        )
        .route(
            &at("/contact-us"),
            limited_upload(get(list_contacts).post(create_contact), CONTACT_UPLOAD),
        )
        .route(&at("/contact-us/{id}"), get(get_contact))
        .route(&at("/mails"), post(create_mail))
        .route(&at("/mails/{id}"), get(get_mail))
        // Not in the document, which names no download: the vendor's own files, by id.
        .route(&at("/attachments/{id}"), get(attachments::get_attachment))
}

/// Switchboard's additions ([`ours`]), served by us even behind a gateway: a message's
/// file by its id, and the follow-up links (agents withdraw them; customers read and write
/// through them, public).
pub fn our_routes() -> Router<AppState> {
    let at = |path: &str| format!("{DEFAULT_BASE_PATH}{path}");
    Router::new()
        .route(
            &at("/conversations/{id}/follow-up-links"),
            delete(follow_up::revoke),
        )
        .route(&at("/follow-up/{token}"), get(follow_up::read))
        .route(
            &at("/follow-up/{token}/messages"),
            limited_upload(post(follow_up::write), FOLLOW_UP_UPLOAD),
        )
        .route(
            &at("/follow-up/{token}/attachments/{id}"),
            get(follow_up::attachment),
        )
}
