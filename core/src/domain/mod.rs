//! The console's domain model. The UI knows only these types; each connector maps its
//! backend's vocabulary onto them (see `docs/backends/`).
//!
//! - [`keys`]: which backend, which conversation, and safe URL segments for both;
//! - [`conversation`]: conversations, messages, statuses and what a backend can do;
//! - [`filters`]: the inbox's views, whatever the backend;
//! - [`order`]: the inbox's order, and arranging the loaded rows in it;
//! - [`page`]: one page of results with an opaque cursor to the next;
//! - [`refine`]: what the page itself narrows the loaded rows to (unread, text).

pub mod active;
pub mod conversation;
pub mod filters;
pub mod fold;
pub mod keys;
pub mod order;
pub mod page;
pub mod refine;

pub use active::*;
pub use conversation::*;
pub use filters::*;
pub use fold::*;
pub use keys::*;
pub use order::*;
pub use page::*;
pub use refine::*;

use crate::i18n::{text, Lang};
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

    /// The backend's name in `lang` (vendors' brand names stay as they are).
    pub fn label(self, lang: Lang) -> String {
        match self {
            BackendKind::Communication => text(lang, msg!("backend-communication")),
            BackendKind::Octopia => "Octopia".to_owned(),
            BackendKind::CaseMessages => text(lang, msg!("backend-case-messages")),
            BackendKind::SupportSessions => text(lang, msg!("backend-support-sessions")),
            BackendKind::Postcenter => "PostCenter".to_owned(),
        }
    }
}

/// A channel's name in `lang`: the console's own word for email; brand names
/// (Facebook, WhatsApp) and a marketplace's sales channels stay as they came.
pub fn channel_word(channel: &str, lang: Lang) -> String {
    if channel.eq_ignore_ascii_case("email") {
        text(lang, msg!("channel-email"))
    } else {
        channel.to_owned()
    }
}

#[cfg(test)]
mod tests;
