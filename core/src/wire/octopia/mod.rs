//! Octopia's marketplace Discussion API V2 (`octopia-discussions-v2.txt`): discussions
//! about orders between a seller, the buyer and the marketplace's care team. The document
//! names attributes, not shapes; every choice where it is silent is written once in
//! `docs/backends/octopia.md`, and the reference server and the connector both follow it.
//!
//! - [`dto`]: the attributes, field for field, lenient on read;
//! - [`map`]: discussions and messages mapped onto the domain;
//! - [`error`]: its error body (`type`, `status`, `traceId`, `errors`), decoded into the
//!   one domain error;
//! - [`search`]: date searches longer than the API allows, asked window by window.

pub mod dto;
pub mod error;
pub mod map;
pub mod search;
pub mod write;

pub use dto::*;
pub use error::*;
pub use map::*;
pub use search::*;
pub use write::*;

use crate::attachments::{AttachmentPolicy, OCTOPIA_POLICY};
use crate::domain::Capabilities;
use crate::open_enum;

/// Where the reference server mounts this API.
pub const DEFAULT_BASE_PATH: &str = "/octopia/v2";
/// `GET /discussions` pages: `pageIndex` counts from 1, `pageSize` is 1 to 100.
pub const FIRST_PAGE_INDEX: u32 = 1;
pub const DEFAULT_PAGE_SIZE: u32 = 20;
pub const MAX_PAGE_SIZE: u32 = 100;
/// "The maximum period of research discussions may not exceed 6 months."
pub const MAX_SEARCH_MONTHS: u32 = 6;
/// A reply's body; the document gives no bound, this keeps one message readable.
pub const MAX_BODY_CHARS: usize = 5_000;
/// What one reply may carry: ten formats, up to 3 files, 4 MB per message in all.
pub const ATTACHMENT_POLICY: AttachmentPolicy = OCTOPIA_POLICY;
/// The two properties the document lets a client change, as JSON Patch paths.
pub const IS_OPEN_PATH: &str = "/isOpen";
pub const HAS_READ_PATH: &str = "/hasRead";

/// A discussion is answered, opened and closed; it has no assignee (it is the seller's)
/// and no archive.
pub const CAPABILITIES: Capabilities = Capabilities {
    reply: true,
    assign: false,
    unassign: false,
    close: true,
    reopen: true,
    archive: false,
    mark_read: true,
    mark_unread: true,
    callback_phone: false,
    performer: false,
    auto_assign: false,
};

open_enum! {
    /// Who writes or receives: the buyer, the seller (this console's side) or the
    /// marketplace's care team.
    pub enum UserType { Customer => "Customer", Seller => "Seller", CustomerService => "CustomerService" }
}

open_enum! {
    /// The process status (`status` of a discussion, `processStatus` when filtering):
    /// waiting for the seller, or answered.
    pub enum ProcessStatus { ToTreat => "ToTreat", Treated => "Treated" }
}

open_enum! {
    /// The graduation code: a plain discussion, or a claim escalated to the marketplace.
    pub enum GraduationCode { Discussion => "Discussion", Claim => "Claim" }
}

open_enum! {
    /// An order's status, the filter of the sub-typologies.
    pub enum OrderStatus {
        WaitingForShipmentAcceptation => "WaitingForShipmentAcceptation",
        Shipped => "Shipped",
        Received => "Received",
        Cancelled => "Cancelled",
    }
}
