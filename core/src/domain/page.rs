//! One page of results as the console sees it, whatever the backend's pagination:
//! numbered pages (communication, Octopia) and cursors (PostCenter's `next_page`) both
//! become an opaque [`Cursor`] to the next page, so loading more appends and never asks
//! for the first pages again.

use serde::{Deserialize, Serialize};

/// Where the next page starts. Only the connector that made it reads it: a page number,
/// a vendor's cursor, whatever that backend needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cursor(pub String);

impl Cursor {
    /// A cursor for backends that count pages.
    pub fn page(number: u32) -> Self {
        Cursor(number.to_string())
    }

    /// The page number a [`Cursor::page`] holds; `None` for anything else, so a
    /// cursor from elsewhere is refused instead of misread.
    pub fn page_number(&self) -> Option<u32> {
        self.0.parse().ok()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The next page, when there is one.
    pub next: Option<Cursor>,
    /// How many items there are in all, when the backend says.
    pub total_items: Option<u64>,
}

impl<T> Page<T> {
    pub fn empty() -> Self {
        Page {
            items: Vec::new(),
            next: None,
            total_items: Some(0),
        }
    }

    /// Everything there is, in one page (a backend that answers all at once).
    pub fn whole(items: Vec<T>) -> Self {
        Page {
            total_items: Some(items.len() as u64),
            items,
            next: None,
        }
    }

    pub fn has_more(&self) -> bool {
        self.next.is_some()
    }
}
