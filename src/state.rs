//! What the whole console shares through context: where the API is, the directory the
//! server gave, the signed-in agent and whether their session has ended, the clock for
//! relative times, the inbox as shown, and every backend's counts.

use crate::components::inbox::list_commands::ListCommands;
use crate::connectors::session_watch::watch_lost_session;
use crate::connectors::{Counter, Directory, Inbox};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::time::Duration;
use switchboard_core::domain::Conversation;
use switchboard_core::error::ApiError;
use switchboard_core::session::SessionAgent;

/// Prefix for every API URL: empty for the serving origin; tests point it at a test server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiOrigin(pub String);

pub fn api_origin() -> String {
    use_context::<ApiOrigin>().unwrap_or_default().0
}

/// The directory, loaded once for the console.
pub type DirectoryResource = LocalResource<Result<Directory, ApiError>>;

/// The signed-in agent, as the session says: who replies, and whom "Assign to me" means.
/// `None` only where a widget is mounted without a session (its tests).
#[derive(Clone, Copy, Debug)]
pub struct CurrentAgent(pub RwSignal<Option<SessionAgent>>);

impl CurrentAgent {
    pub fn signed_in(agent: SessionAgent) -> Self {
        CurrentAgent(RwSignal::new(Some(agent)))
    }

    pub fn id(&self) -> Option<String> {
        self.0.with(|agent| agent.as_ref().map(|a| a.id.clone()))
    }

    pub fn id_untracked(&self) -> Option<String> {
        self.0
            .with_untracked(|agent| agent.as_ref().map(|a| a.id.clone()))
    }

    pub fn name(&self) -> Option<String> {
        self.0.with(|agent| agent.as_ref().map(|a| a.name.clone()))
    }

    pub fn email_untracked(&self) -> Option<String> {
        self.0
            .with_untracked(|agent| agent.as_ref().map(|a| a.email.clone()))
    }

    /// Signed in again, maybe as someone else.
    pub fn set(&self, agent: SessionAgent) {
        self.0.set(Some(agent));
    }
}

/// Whether a request has found the session ended (expired, or signed out elsewhere), and
/// what had focus then: the console waits, untouched, under a sign-in dialog, and the
/// agent is given their place back once signed in again.
#[derive(Clone, Copy)]
pub struct SessionLost {
    pub ended: RwSignal<bool>,
    focus: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl SessionLost {
    /// Hears every request's 401 for as long as the console lives.
    fn watch() -> Self {
        let lost = SessionLost {
            ended: RwSignal::new(false),
            focus: StoredValue::new_local(None),
        };
        let watch = watch_lost_session(move || lost.report());
        on_cleanup(move || drop(watch));
        lost
    }

    fn report(&self) {
        if self.ended.try_get_untracked() == Some(false) {
            // Now, before the console is made inert and the browser moves focus away.
            let focused = document()
                .active_element()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            self.focus.try_set_value(focused);
            self.ended.try_set(true);
        }
    }

    /// Signed in again: the console is usable again, and focus goes back where it was.
    pub fn resolved(&self) {
        self.ended.set(false);
        if let Some(element) = self.focus.try_get_value().flatten() {
            leptos::task::spawn_local(async move {
                // Once the console is no longer inert: an inert element takes no focus.
                gloo_timers::future::TimeoutFuture::new(0).await;
                let _ = element.focus();
            });
        }
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

/// The last internal note a colleague added, as the server's events said: its backend and
/// conversation, numbered so the same conversation twice is two changes. The open
/// conversation reads its notes again when it is the one.
#[derive(Clone, Copy, Debug)]
pub struct NoteChanges(pub RwSignal<(u64, String, String)>);

impl NoteChanges {
    pub fn said(&self, backend: &str, conversation: &str) {
        self.0.update(|(count, b, c)| {
            *count += 1;
            backend.clone_into(b);
            conversation.clone_into(c);
        });
    }
}

/// How many times a colleague's console has said someone arrived on a conversation,
/// started or stopped writing, or left (`docs/presence.md`): who is where is read again.
#[derive(Clone, Copy, Debug)]
pub struct PresenceChanges(pub RwSignal<u64>);

/// The name of the agent `id`, as the directory says it (the id when it does not).
pub fn agent_name(directory: Option<DirectoryResource>, id: &str) -> String {
    let named = directory.and_then(|d| {
        d.with(|d| match d {
            Some(Ok(d)) => Some(switchboard_core::directory::agent_name(&d.agents, id)),
            _ => None,
        })
    });
    named.unwrap_or_else(|| id.to_owned())
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

/// Shares everything the console needs; called once by the console layout, signed in.
pub fn provide_console_state(directory: DirectoryResource, agent: SessionAgent) {
    provide_context(directory);
    provide_context(CurrentAgent::signed_in(agent));
    provide_context(SessionLost::watch());
    provide_context(InboxRows(RwSignal::new(Inbox::default())));
    provide_context(NoteChanges(RwSignal::new((
        0,
        String::new(),
        String::new(),
    ))));
    provide_context(PresenceChanges(RwSignal::new(0)));
    provide_context(counters(directory));
    provide_context(Clock::start());
    provide_context(ListCommands::default());
    provide_context(crate::components::inbox::selection::Selection::default());
}
