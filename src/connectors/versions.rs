//! The versions of what the agent has in front of them (`ETag`s), for backends that have
//! them: a write says which version it was made on (`If-Match`), so a colleague's change
//! made in between is refused (412) instead of silently undone. Kept per item, as last
//! read or written by this console.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// (`Arc` and `Mutex` only because views need `Send` values; the browser has one thread.)
#[derive(Clone, Default)]
pub struct SeenVersions(Arc<Mutex<HashMap<String, String>>>);

impl std::fmt::Debug for SeenVersions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SeenVersions")
    }
}

/// Two connectors are the same backend whatever they have seen.
impl PartialEq for SeenVersions {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SeenVersions {}

impl SeenVersions {
    /// The version of `id` the agent last saw, when known.
    pub fn of(&self, id: &str) -> Option<String> {
        self.0.lock().ok()?.get(id).cloned()
    }

    /// What the backend now says `id`'s version is (nothing when it gave none).
    pub fn saw(&self, id: &str, version: Option<String>) {
        if let (Some(version), Ok(mut seen)) = (version, self.0.lock()) {
            seen.insert(id.to_owned(), version);
        }
    }
}
