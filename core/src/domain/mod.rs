//! The console's domain model. The UI knows only these types; each connector maps its
//! backend's vocabulary onto them (see `docs/backends/`).
//!
//! - [`keys`]: which backend, which conversation, and safe URL segments for both;
//! - [`conversation`]: conversations, messages, statuses and what a backend can do;
//! - [`filters`]: the inbox's views, whatever the backend;
//! - [`page`]: one page of results with an opaque cursor to the next;
//! - [`refine`]: what the page itself narrows the loaded rows to (unread, text).

pub mod active;
pub mod conversation;
pub mod filters;
pub mod keys;
pub mod page;
pub mod refine;

pub use active::*;
pub use conversation::*;
pub use filters::*;
pub use keys::*;
pub use page::*;
pub use refine::*;

use serde::{Deserialize, Serialize};

/// Which dialect a backend speaks. Serialized in kebab-case in discovery and in URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackendKind {
    Communication,
    Octopia,
    CaseMessages,
    SupportSessions,
    Postcenter,
}

impl BackendKind {
    /// The kind as discovery writes it.
    pub fn slug(self) -> &'static str {
        match self {
            BackendKind::Communication => "communication",
            BackendKind::Octopia => "octopia",
            BackendKind::CaseMessages => "case-messages",
            BackendKind::SupportSessions => "support-sessions",
            BackendKind::Postcenter => "postcenter",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BackendKind::Communication => "Communication",
            BackendKind::Octopia => "Octopia",
            BackendKind::CaseMessages => "Case messages",
            BackendKind::SupportSessions => "Support sessions",
            BackendKind::Postcenter => "PostCenter",
        }
    }
}

#[cfg(test)]
mod tests;
