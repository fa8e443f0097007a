//! The browser's localStorage, for what must survive a reload: the drafts agents typed
//! (who the agent is lives in the server's session, never here); and the tab's
//! sessionStorage for what matters only to one tab (a contact form's submission key).
//! Storage can be missing or full (private mode, quotas); then these calls do nothing
//! rather than fail the page.
//!
//! Kept rather than `gloo-storage`: it stores every value as JSON, so the drafts and
//! settings that consoles already keep as plain text would no longer read after an
//! upgrade (an agent's unsent reply lost), and its raw access is these same `web-sys`
//! calls.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// This tab's storage: what must survive a reload of it, and no more (a contact form's
/// submission key).
pub fn tab_read(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

pub fn tab_write(key: &str, value: &str) {
    if let Some(storage) = session_storage() {
        // Full or refused: the key then lives only as long as the page.
        let _ = storage.set_item(key, value);
    }
}

pub fn tab_remove(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Returns whether the value was stored.
pub fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        // Nothing to recover from: the key simply stays until the next write.
        let _ = storage.remove_item(key);
    }
}

/// Whether opening a conversation marks it read (confirms a case's messages): "on" unless
/// the agent turned it off on this browser.
pub const READ_ON_OPEN_KEY: &str = "switchboard.read-on-open";

/// The agent's choice for [`READ_ON_OPEN_KEY`].
pub fn read_on_open() -> bool {
    read(READ_ON_OPEN_KEY).as_deref() != Some("off")
}

pub fn set_read_on_open(on: bool) {
    write(READ_ON_OPEN_KEY, if on { "on" } else { "off" });
}

/// Where one agent's draft of a reply to one conversation is kept: per agent, so on a
/// shared browser the next agent to sign in never sees (or sends) another's words, and
/// each finds their own drafts again when they come back.
pub fn draft_key(agent: &str, backend: &str, id: &str) -> String {
    format!("switchboard.draft.{agent}.{backend}.{id}")
}
