//! What the whole console shares through context: where the API is, the directory the
//! server gave, who the agent is, the clock for relative times, and a counter that tells
//! lists to reload after a change.

use crate::connectors::Directory;
use crate::storage;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::time::Duration;
use switchboard_core::error::ApiError;

/// Prefix for every API URL: empty for the serving origin; tests point it at a test server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiOrigin(pub String);

pub fn api_origin() -> String {
    use_context::<ApiOrigin>().unwrap_or_default().0
}

/// The directory, loaded once for the console.
pub type DirectoryResource = LocalResource<Result<Directory, ApiError>>;

/// The agent using the console, remembered in the browser until sign-in exists.
#[derive(Clone, Copy, Debug)]
pub struct CurrentAgent(pub RwSignal<Option<String>>);

impl CurrentAgent {
    pub fn from_storage() -> Self {
        CurrentAgent(RwSignal::new(storage::read(storage::AGENT_KEY)))
    }

    pub fn id(&self) -> Option<String> {
        self.0.get()
    }

    pub fn set(&self, id: Option<String>) {
        match &id {
            Some(id) => {
                storage::write(storage::AGENT_KEY, id);
            }
            None => storage::remove(storage::AGENT_KEY),
        }
        self.0.set(id);
    }
}

/// Bumped after any change to a conversation so the inbox and counts reload.
#[derive(Clone, Copy, Debug)]
pub struct InboxVersion(pub RwSignal<u32>);

impl InboxVersion {
    pub fn bump(&self) {
        self.0.update(|v| *v = v.wrapping_add(1));
    }
}

/// The current minute, so relative times stay true while the console stays open.
#[derive(Clone, Copy, Debug)]
pub struct Clock(pub RwSignal<DateTime<Utc>>);

impl Clock {
    pub fn start() -> Self {
        let now = RwSignal::new(Utc::now());
        if let Ok(handle) =
            set_interval_with_handle(move || now.set(Utc::now()), Duration::from_secs(30))
        {
            on_cleanup(move || handle.clear());
        }
        Clock(now)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.0.get()
    }
}

/// Shares everything the console needs; called once by the console layout.
pub fn provide_console_state(directory: DirectoryResource) {
    provide_context(directory);
    provide_context(CurrentAgent::from_storage());
    provide_context(InboxVersion(RwSignal::new(0)));
    provide_context(Clock::start());
}
