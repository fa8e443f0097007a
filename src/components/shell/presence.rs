//! Who is on which conversation now (`docs/presence.md`), for the whole console: read when
//! the console opens, again whenever a colleague's console says someone arrived, started
//! or stopped writing, or left (the event stream), and every half minute while the tab
//! shows (a closed tab drops out silently). The list's rows carry a small mark, the
//! conversation's header the words ([`crate::components::conversation::presence`]).

use crate::connectors::presence;
use crate::i18n::{use_i18n, Args, Lang};
use crate::state::{agent_name, api_origin, CurrentAgent, DirectoryResource, PresenceChanges};
use leptos::prelude::*;
use std::time::Duration;
use switchboard_core::domain::ConversationKey;
use switchboard_core::i18n::text_with;
use switchboard_core::presence::{others_on, Presence, PresenceState};

/// How often the list is read again while the tab shows, in ms.
const READ_EVERY_MS: u64 = 30_000;

/// Everyone on a conversation now, as last read (empty when it could not be).
#[derive(Clone, Copy)]
pub struct PresenceList {
    all: LocalResource<Vec<Presence>>,
    me: Option<CurrentAgent>,
    directory: Option<DirectoryResource>,
}

impl PresenceList {
    /// The colleagues on `(backend, id)`, writers first, with their names.
    pub fn others_on(&self, backend: &str, id: &str) -> Vec<(String, PresenceState)> {
        let me = self.me.and_then(|a| a.id_untracked());
        self.all.with(|all| {
            let all = all.as_deref().unwrap_or_default();
            others_on(all, backend, id, me.as_deref())
                .into_iter()
                .map(|p| (self.name_of(&p.agent_id), p.state))
                .collect()
        })
    }

    fn name_of(&self, id: &str) -> String {
        untrack(|| agent_name(self.directory, id))
    }
}

/// Reads the list, again on each colleague's change and every half minute; shared
/// through the context.
pub fn provide_presence() {
    let origin = StoredValue::new(api_origin());
    let changes = use_context::<PresenceChanges>();
    let tick = RwSignal::new(0u64);
    let all = LocalResource::new(move || {
        tick.track();
        if let Some(changes) = changes {
            changes.0.track();
        }
        let origin = origin.get_value();
        // A failed read shows no one: presence is a hint, never a blocker.
        async move { presence::everyone(&origin).await.unwrap_or_default() }
    });
    let list = PresenceList {
        all,
        me: use_context::<CurrentAgent>(),
        directory: use_context::<DirectoryResource>(),
    };
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if !document().hidden() {
                tick.update(|n| *n += 1);
            }
        },
        Duration::from_millis(READ_EVERY_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    provide_context(list);
}

/// "Ana is writing", "Ana is viewing", in `lang`.
pub fn doing(lang: Lang, name: &str, state: PresenceState) -> String {
    let id = match state {
        PresenceState::Typing => msg!("presence-typing"),
        PresenceState::Viewing => msg!("presence-viewing"),
    };
    text_with(lang, id, &Args::new().str("name", name.to_owned()))
}

/// A row's mark: someone else is on this conversation (a pen when writing, an eye when
/// viewing), said in words to a screen reader and on hover.
#[component]
pub fn RowPresence(key: ConversationKey) -> impl IntoView {
    let list = use_context::<PresenceList>();
    let i18n = use_i18n();
    move || {
        let here = list
            .map(|l| l.others_on(&key.backend, &key.id))
            .unwrap_or_default();
        let (_, first) = here.first()?;
        let icon = match first {
            PresenceState::Typing => "✎",
            PresenceState::Viewing => "◉",
        };
        let words = here
            .iter()
            .map(|(name, state)| doing(i18n.lang(), name, *state))
            .collect::<Vec<_>>()
            .join(", ");
        let (typing, title) = (*first == PresenceState::Typing, words.clone());
        Some(view! {
            <span class="presence-mark" class:typing=typing title=title data-testid="row-presence">
                <span aria-hidden="true">{icon}</span>
                <span class="visually-hidden">{words}</span>
            </span>
        })
    }
}
