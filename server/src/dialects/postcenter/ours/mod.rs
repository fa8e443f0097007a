//! What Switchboard adds to PostCenter, apart from the vendor's document: the demo
//! messages' media. A gateway to the real vendor forwards the document's routes and keeps
//! serving these itself, so they live apart from the vendor's handlers
//! (`docs/backends/postcenter.md`, "Routes").

pub mod media;
