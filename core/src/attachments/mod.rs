//! Attachments: each backend's policy as data, and the checks made on it in the browser
//! before a byte is sent and again on the server. A file's format is read from its first
//! bytes (magic numbers), never taken from its name or the browser's guess alone.
//!
//! - [`formats`]: the formats we know and how their first bytes reveal them;
//! - [`policies`]: what each backend accepts on one message;
//! - [`checks`]: one file, then a whole message, against a policy, in words a person reads.

pub mod checks;
pub mod formats;
pub mod policies;

pub use checks::*;
pub use formats::*;
pub use policies::*;

/// Sizes are counted the way people read them on their screens: 1 MB = 1,000,000 bytes.
pub const KB: u64 = 1_000;
pub const MB: u64 = 1_000_000;

/// How many leading bytes [`identify`] needs.
pub const SNIFF_LEN: usize = 16;

/// The longest file name kept, in characters.
pub const MAX_NAME_CHARS: usize = 180;

#[cfg(test)]
mod tests;
