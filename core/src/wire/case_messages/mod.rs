//! The case messages API, V3 (`case-messages-v3.txt`): messages service partners attach to
//! repair cases, read by the service provider, each case known by its `guid`. Three
//! endpoints: add a message (`create`), read a case's messages, confirm messages read. The
//! API cannot list cases: Switchboard follows the ones its team works on (`/api/follows`).
//! Every choice where the document is silent is written once in
//! `docs/backends/case-messages.md`; the reference server and the connector both follow it.
//!
//! - [`dto`]: the document's fields, verbatim, lenient on read;
//! - [`map`]: a case and its messages mapped onto the domain, with readable type labels;
//! - [`error`]: its error body (`{"error":{"message"}}`), decoded into the one domain
//!   error, and the partial success of `confirm`.

pub mod dto;
pub mod error;
pub mod map;
pub mod write;

pub use dto::*;
pub use error::*;
pub use map::*;
pub use write::*;

use crate::domain::Capabilities;
use crate::open_enum;

/// Where the document's routes live (`/api/v3/case-messages...`), and so where the
/// reference server mounts them.
pub const DEFAULT_BASE_PATH: &str = "/api/v3";
/// The routes, under [`DEFAULT_BASE_PATH`].
pub const CREATE_PATH: &str = "/case-messages/create";
pub const MESSAGES_PATH: &str = "/case-messages";
pub const CONFIRM_PATH: &str = "/case-messages/confirm";
/// The query parameter `GET /case-messages` reads a case by.
pub const GUID_PARAM: &str = "guid";

/// `type` is a `String(32)`; `externalId`, `userEmail` and `userName` are `String(512)`.
pub const MAX_TYPE_CHARS: usize = 32;
pub const MAX_EXTERNAL_ID_CHARS: usize = 512;
pub const MAX_USER_EMAIL_CHARS: usize = 512;
pub const MAX_USER_NAME_CHARS: usize = 512;
/// `content` has no documented bound; ours keeps one message readable.
pub const MAX_CONTENT_CHARS: usize = 10_000;
/// Our bound on the ids one `confirm` may carry.
pub const MAX_CONFIRM_IDS: usize = 1_000;

/// `errors[].message` of `confirm`, as the document words them.
pub const NOT_FOUND: &str = "Not found";
pub const NO_ACCESS: &str = "No access";

/// A case is answered and its messages confirmed; it has no assignee and no status to
/// change (it lives in the provider's case system).
pub const CAPABILITIES: Capabilities = Capabilities {
    reply: true,
    assign: false,
    unassign: false,
    close: false,
    reopen: false,
    archive: false,
    mark_read: true,
    mark_unread: false,
    callback_phone: false,
    performer: false,
    auto_assign: false,
};

open_enum! {
    /// `type` of a message, the document's ten values in its order.
    pub enum MessageType {
        ServiceComment => "serviceComment",
        CustomerCenterReply => "customerCenterReply",
        CostProposalRejectRur => "costProposalRejectRur",
        CostProposalRejectScrap => "costProposalRejectScrap",
        StatusRequest => "statusRequest",
        SpareParts => "spareParts",
        Reminder => "reminder",
        CostProposal => "costProposal",
        Shipment => "shipment",
        Forwarding => "forwarding",
    }
}

open_enum! {
    /// `senderType`: the service partner (this console's side) or the service provider (the
    /// repairer); `null` on the wire when neither (the platform itself).
    pub enum SenderType { Partner => "partner", Provider => "provider" }
}

/// Whether `raw` is a guid as the document writes them: 8-4-4-4-12 hexadecimal digits,
/// either case. The console checks a pasted guid with it; the server refuses others.
pub fn is_guid(raw: &str) -> bool {
    let groups: Vec<&str> = raw.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_the_documents_shape() {
        assert!(is_guid("1e0abcb7-b94c-4072-a9c0-37072a1ef015"));
        assert!(is_guid("1E0ABCB7-B94C-4072-A9C0-37072A1EF015"));
        assert!(!is_guid("1e0abcb7b94c4072a9c037072a1ef015"));
        assert!(!is_guid("1e0abcb7-b94c-4072-a9c0-37072a1ef01"));
        assert!(!is_guid("{1e0abcb7-b94c-4072-a9c0-37072a1ef015}"));
        assert!(!is_guid("1e0abcb7-b94c-4072-a9c0-37072a1ef01g"));
        assert!(!is_guid(""));
    }
}
