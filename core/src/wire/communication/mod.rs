//! The "communication" API (`communication-api.txt`): conversations, their messages,
//! contact-us messages and mails. Field names are the document's; routes are ours and are
//! written down in `docs/backends/communication.md`.
//!
//! - [`dto`]: the document's shapes, field for field;
//! - [`map`]: their mapping onto the domain;
//! - [`error`]: its error body, decoded into the one domain error.

pub mod dto;
pub mod error;
pub mod map;
pub mod write;

pub use dto::*;
pub use error::*;
pub use map::*;
pub use write::*;

use crate::attachments::{AttachmentPolicy, COMMUNICATION_POLICY, CONTACT_POLICY};
use crate::domain::Capabilities;
use crate::open_enum;

/// Where the reference server mounts this API, and where the connector looks by default.
pub const DEFAULT_BASE_PATH: &str = "/communication/v1";
/// `sizePage >= 3` for conversations and contact messages, `>= 1` for messages.
pub const MIN_CONVERSATION_PAGE_SIZE: u32 = 3;
pub const MIN_MESSAGE_PAGE_SIZE: u32 = 1;
/// Our bound on `sizePage`, so one request cannot ask for the whole store.
pub const MAX_PAGE_SIZE: u32 = 100;
pub const DEFAULT_PAGE_SIZE: u32 = 20;
/// Ids are opaque strings; this bounds what the server stores.
pub const MAX_ID_LENGTH: usize = 100;

/// Our addition to a conversation: the name the customer gave (contact-us), kept in
/// [`ConversationDto::extra`] so a read-change-write carries it untouched.
pub const CUSTOMER_NAME_FIELD: &str = "customerName";
/// Our addition to the conversation list: find by `tripReference`, exact, case aside.
pub const TRIP_REFERENCE_PARAM: &str = "tripReference";
/// Our addition to the conversation list: `unassigned=true`, only those nobody handles.
pub const UNASSIGNED_PARAM: &str = "unassigned";

/// Agents' replies: what a message may carry.
pub const ATTACHMENT_POLICY: AttachmentPolicy = COMMUNICATION_POLICY;
/// The public contact-us form: what a customer may attach.
pub const CONTACT_ATTACHMENT_POLICY: AttachmentPolicy = CONTACT_POLICY;
/// The multipart parts of "add a message" and "create a contact-us message" with files.
pub const MESSAGE_PART: &str = "message";
pub const CONTACT_PART: &str = "contact";
pub const FILES_PART: &str = "files";

/// What this backend lets the console do.
pub const CAPABILITIES: Capabilities = Capabilities {
    reply: true,
    assign: true,
    unassign: true,
    close: true,
    reopen: true,
    archive: true,
    mark_read: false,
    mark_unread: false,
    callback_phone: false,
    performer: false,
    auto_assign: false,
};

open_enum! {
    /// `status` of a conversation.
    pub enum ConversationStatusDto { Open => "OPEN", Closed => "CLOSED", Archived => "ARCHIVED" }
}

open_enum! {
    /// `transmitterType` of a message. The document shows `CUSTOMER`; agents and the
    /// system are the two other writers it implies.
    pub enum TransmitterType { Customer => "CUSTOMER", Agent => "AGENT", System => "SYSTEM" }
}

open_enum! {
    /// `contentType` of a message.
    pub enum ContentType { Text => "TEXT" }
}

open_enum! {
    /// `status` of a message.
    pub enum MessageStatus { Sent => "SENT", Delivered => "DELIVERED", Read => "READ" }
}

open_enum! {
    /// `productType` of a mail.
    pub enum ProductType { Trip => "TRIP", Hote => "HOTE" }
}

open_enum! {
    /// `category` of a mail.
    pub enum MailCategory {
        ProfileCompletionRequest => "PROFILE_COMPLETION_REQUEST",
        OrganizationCreationRequest => "ORGANIZATION_CREATION_REQUEST",
        EstablishmentCreationRequest => "ESTABLISHMENT_CREATION_REQUEST",
        OrganizationInfoCompletionRequest => "ORGANIZATION_INFO_COMPLETION_REQUEST",
        EstablishmentInfoCompletionRequest => "ESTABLISHMENT_INFO_COMPLETION_REQUEST",
        UserAccountActivationConfirmation => "USER_ACCOUNT_ACTIVATION_CONFIRMATION",
        OrganizationActivationConfirmation => "ORGANIZATION_ACTIVATION_CONFIRMATION",
        EstablishmentActivationConfirmation => "ESTABLISHMENT_ACTIVATION_CONFIRMATION",
        TripDraftPublicationRequest => "TRIP_DRAFT_PUBLICATION_REQUEST",
        TripPublicationNotification => "TRIP_PUBLICATION_NOTIFICATION",
        TripResponsibleDesignationNotification => "TRIP_RESPONSIBLE_DESIGNATION_NOTIFICATION",
        PartnerTripBookingNotification => "PARTNER_TRIP_BOOKING_NOTIFICATION",
        ClientTripBookingNotification => "CLIENT_TRIP_BOOKING_NOTIFICATION",
        PartnerBookingCancellationNotification => "PARTNER_BOOKING_CANCELLATION_NOTIFICATION",
        ClientBookingCancellationNotification => "CLIENT_BOOKING_CANCELLATION_NOTIFICATION",
        PartnerPaymentNotification => "PARTNER_PAYMENT_NOTIFICATION",
        ClientPaymentNotification => "CLIENT_PAYMENT_NOTIFICATION",
        TripReminderNotification => "TRIP_REMINDER_NOTIFICATION",
    }
}
