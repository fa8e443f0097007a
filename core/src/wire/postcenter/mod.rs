//! PostCenter's Tickets API v2 (`postcenter-tickets-v2.txt`): tickets from Facebook,
//! Twitter, email and other channels. The least tidy of the five documents: the same
//! ticket comes in three shapes, `identifier` as a string or a number, `subject` or
//! `title`, `created` or `created_datetime`, ISO times or `DD-MM-YYYY hh:mm:ss`, states in
//! Spanish or English, and `status` inside every body. The reading here accepts every form
//! the document shows; every choice where it is silent is in `docs/backends/postcenter.md`.
//!
//! - [`dto`]: the shapes, field for field, each field lenient ([`crate::lenient::Lenient`]);
//! - [`dates`]: the range dates (`DD-MM-YYYY [hh:mm:ss]`) and the ticket times;
//! - [`map`]: tickets and messages mapped onto the domain;
//! - [`error`]: its error body (`{"message": ..., "status": 404}`), into the one domain error.

pub mod dates;
pub mod dto;
pub mod error;
pub mod map;

pub use dates::*;
pub use dto::*;
pub use error::*;
pub use map::*;

use crate::domain::Capabilities;
use crate::open_enum;

/// Where the reference server mounts this API: the document's paths (`/v2/ticket/...`)
/// below it.
pub const DEFAULT_BASE_PATH: &str = "/postcenter";
/// `GET /v2/tickets/paginated/...` answers in pages of this many, "except perhaps the last".
pub const PAGE_SIZE: usize = 100;
/// The `author_account` the reference server's demo company (Mercado Sur) writes its own
/// messages under: a message by this account is the company's, any other the customer's.
/// The document's example uses `superempresa` the same way.
pub const COMPANY_ACCOUNT: &str = "mercadosur";

/// A ticket is read and closed; its assignee is chosen by PostCenter (an agent suggested,
/// an automatic reassignment), never by name from the console; the document has no way
/// to reply, reopen or archive, and no read state.
pub const CAPABILITIES: Capabilities = Capabilities {
    reply: false,
    assign: false,
    unassign: false,
    close: true,
    reopen: false,
    archive: false,
    mark_read: false,
    mark_unread: false,
    callback_phone: false,
    performer: false,
    auto_assign: true,
};

open_enum! {
    /// A ticket's state as `/v2/tickets/state/{state}` names it.
    pub enum State {
        Open => "open",
        Closed => "closed",
        Ignored => "ignored",
        InProgress => "inProgress",
    }
}

open_enum! {
    /// The channels the document and the demo data show (`social_network`); any other is
    /// kept as written.
    pub enum Channel {
        Facebook => "facebook",
        Twitter => "twitter",
        Email => "email",
        Whatsapp => "whatsapp",
    }
}

impl State {
    /// A state as a ticket's `status` writes it: the Spanish words of the paginated list
    /// (`Abierto`, `Cerrado`, `Ignorado`, `En Progreso`) or the English ones of the state
    /// route, in any case and spacing. `None` for a word never seen.
    pub fn from_word(word: &str) -> Option<State> {
        let folded: String = word
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        match folded.as_str() {
            "open" | "abierto" | "abierta" => Some(State::Open),
            "closed" | "cerrado" | "cerrada" => Some(State::Closed),
            "ignored" | "ignorado" | "ignorada" => Some(State::Ignored),
            "inprogress" | "enprogreso" | "encurso" => Some(State::InProgress),
            _ => None,
        }
    }

    /// The Spanish word the paginated list writes.
    pub fn spanish(&self) -> &str {
        match self {
            State::Open => "Abierto",
            State::Closed => "Cerrado",
            State::Ignored => "Ignorado",
            State::InProgress => "En Progreso",
            State::Other(raw) => raw,
        }
    }
}

#[cfg(test)]
mod tests;
