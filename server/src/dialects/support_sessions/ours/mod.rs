//! What Switchboard adds to the support sessions, apart from the vendor's document: the
//! history of the changes made through Switchboard. A gateway to the real vendor forwards
//! the document's routes and keeps serving these itself, so they live apart from the
//! vendor's handlers (`docs/backends/support-sessions.md`, "Routes" and "History"). Forwarded, the
//! vendor's writes are recorded after the vendor accepted them ([`forwarded`]).

pub mod forwarded;
pub mod history;
