//! Every sentence the product shows, in English, French and Spanish.
//!
//! The words live in Project Fluent files (`core/locales/<lang>/<part>.ftl`), one set per
//! language, compiled into the binary by `core/build.rs` (see `catalog`): plural forms and
//! placeholders are the translator's to shape, never glued together in code. The console,
//! the contact page and the server all read them here, so a refusal the server explains
//! and the page shows read the same in the person's language. A message missing from a
//! language falls back to English; the catalogue's tests make sure none is.

// `msg!` is defined in the compiled catalogue; the crate's other modules use it too.
#[macro_use]
mod catalog;
mod lang;

pub use catalog::{messages, text, text_with, Args, Message, Msg};
pub use lang::Lang;

/// Something that can say itself in any of the product's languages: refusals, validation
/// problems, labels of backend values.
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}
