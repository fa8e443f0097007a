//! What Switchboard adds to the communication API, apart from the vendor's document: the
//! customer's follow-up links (and agents withdrawing them). A gateway to the real vendor
//! forwards the document's routes and keeps serving these itself, so they live apart from
//! the vendor's handlers (`docs/backends/communication.md`, "Routes"). Their SQL stays in
//! [`super::store`], beside the tables they share with the vendor's routes. Forwarded, the
//! links lead to the vendor's conversations ([`forwarded`]), and a contact message the
//! vendor accepted gets its link after the forward ([`contact_link`]).

pub mod contact_link;
pub mod follow_up;
pub mod forwarded;
