//! What the whole console shares through context: where the API is, the directory the
//! server gave, who the agent is, the clock for relative times, the inbox as shown, and
//! every backend's counts.

use crate::connectors::{ConversationBackend, Counter, Directory, Inbox};
use crate::storage;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::time::Duration;
use switchboard_core::domain::Conversation;
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

/// The inbox as shown: the list reads it, "load more" appends to it, and a write puts
/// the conversation it returned back in place, so nothing is fetched twice.
#[derive(Clone, Copy, Debug)]
pub struct InboxRows(pub RwSignal<Inbox>);

impl InboxRows {
    pub fn replace(&self, changed: &Conversation) {
        self.0.update(|inbox| inbox.replace(changed));
    }
}

/// Every backend's own counts for the sidebar; refetched after a change.
pub type CountersResource = LocalResource<Vec<(String, Counter)>>;

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

/// Each connected backend's counts, asked at once; a backend that fails shows none.
fn counters(directory: DirectoryResource) -> CountersResource {
    // The directory as a value, not awaited: awaiting would subscribe and ask twice.
    LocalResource::new(move || {
        let directory = directory.get();
        async move {
            let Some(Ok(directory)) = directory else {
                return Vec::new();
            };
            let asks = directory.connectors.iter().map(|c| async move {
                let counts = c.counters().await.unwrap_or_default();
                counts
                    .into_iter()
                    .map(|n| (c.name().to_owned(), n))
                    .collect::<Vec<_>>()
            });
            futures::future::join_all(asks)
                .await
                .into_iter()
                .flatten()
                .collect()
        }
    })
}

/// Shares everything the console needs; called once by the console layout.
pub fn provide_console_state(directory: DirectoryResource) {
    provide_context(directory);
    provide_context(CurrentAgent::from_storage());
    provide_context(InboxRows(RwSignal::new(Inbox::default())));
    provide_context(counters(directory));
    provide_context(Clock::start());
}
