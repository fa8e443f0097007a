//! Switchboard's core: what every part of the product agrees on.
//!
//! - [`domain`]: the one model the console knows (conversations, messages, agents, pages).
//! - [`wire`]: each backend's own shapes, field for field, and their mapping onto the domain.
//! - [`validation`]: the rules checked in the browser and again on the server.
//! - [`error`]: every backend's error body normalised into one [`error::ApiError`].
//! - [`attachments`]: attachment policies as data, and the checks by magic number.
//! - [`directory`]: the reference server's own small endpoints (backends, agents).
//! - [`follow_up`]: the customer's private link to their conversation.
//! - [`session`]: signing in, and the header every write carries.
//! - [`time`]: relative times as agents read them.
//! - [`i18n`]: every sentence in English, French and Spanish, and how a language is chosen.
//!
//! No I/O lives here, so the same code runs in the wasm console and in the server.

// First, so the catalogue's `msg!` is in scope in every module after it.
#[macro_use]
pub mod i18n;
pub mod assignments;
pub mod attachments;
pub mod bulk;
pub mod deadlines;
pub mod directory;
pub mod domain;
pub mod error;
pub mod follow_up;
pub mod labels;
pub mod lenient;
pub mod mentions;
pub mod notes;
pub mod pages;
pub mod presence;
pub mod saved_replies;
pub mod saved_views;
pub mod session;
pub mod snooze;
pub mod time;
pub mod validation;
pub mod wire;
