//! Who else is here, on the open conversation (`docs/presence.md`): the page says where
//! its agent is ([`announce_presence`]: viewing, or writing while they type in the reply
//! box, said again every `PRESENCE_REFRESH_SECONDS` while the tab shows, and left when
//! the conversation closes), and shows in words who else is on it, writers first.

use crate::components::shell::presence::{doing, PresenceList};
use crate::connectors::presence;
use crate::i18n::use_i18n;
use crate::state::api_origin;
use leptos::prelude::*;
use std::time::Duration;
use switchboard_core::presence::{PresenceState, PRESENCE_REFRESH_SECONDS};

/// How long after a keystroke the agent still counts as writing, in ms.
const WRITING_FOR_MS: f64 = 10_000.0;

/// When the agent last typed in the reply box (ms since the epoch; 0 before): the box
/// sets it, the page says "writing" from it.
#[derive(Clone, Copy)]
pub struct ComposeActivity(pub RwSignal<f64>);

impl ComposeActivity {
    pub fn typed(&self) {
        self.0.set(js_sys::Date::now());
    }
}

/// What to say at `now`, given the last keystroke.
fn state_at(now: f64, last_typed: f64) -> PresenceState {
    if last_typed > 0.0 && now - last_typed < WRITING_FOR_MS {
        PresenceState::Typing
    } else {
        PresenceState::Viewing
    }
}

/// Says, while this conversation shows, that the agent is on it and whether they write;
/// says they left when it goes. Gives the reply box its [`ComposeActivity`].
pub fn announce_presence(backend: &str, id: &str) {
    let activity = ComposeActivity(RwSignal::new(0.0));
    provide_context(activity);
    let place = StoredValue::new((backend.to_owned(), id.to_owned(), api_origin()));
    let said = StoredValue::new(None::<PresenceState>);
    let say = move |state: PresenceState| {
        said.set_value(Some(state));
        let (backend, id, origin) = place.get_value();
        leptos::task::spawn_local(async move {
            // A hint for colleagues: a failure is not the agent's concern.
            let _ = presence::say(&origin, &backend, &id, state).await;
        });
    };
    say(PresenceState::Viewing);
    // The first keystroke says "writing" at once; the refresh below says when it stops.
    Effect::new(move |_| {
        let last = activity.0.get();
        if last > 0.0 && said.get_value() != Some(PresenceState::Typing) {
            say(PresenceState::Typing);
        }
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            // A hidden tab stays silent, and drops out on its own.
            if !document().hidden() {
                say(state_at(js_sys::Date::now(), activity.0.get_untracked()));
            }
        },
        Duration::from_secs(u64::from(PRESENCE_REFRESH_SECONDS)),
    ) {
        on_cleanup(move || handle.clear());
    }
    on_cleanup(move || {
        if let Some((backend, id, origin)) = place.try_get_value() {
            leptos::task::spawn_local(async move {
                let _ = presence::leave(&origin, &backend, &id).await;
            });
        }
    });
}

/// "Javier Ortega is writing · Aisha Khan is viewing", under the header.
#[component]
pub fn ConversationPresence(backend: String, id: String) -> impl IntoView {
    let list = use_context::<PresenceList>();
    let i18n = use_i18n();
    let said = move || {
        let here = list.map(|l| l.others_on(&backend, &id)).unwrap_or_default();
        here.iter()
            .map(|(name, state)| doing(i18n.lang(), name, *state))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <p class="presence-line" role="status" aria-live="polite" data-testid="conversation-presence">{said}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agent_writes_for_ten_seconds_after_a_keystroke() {
        assert_eq!(state_at(50_000.0, 0.0), PresenceState::Viewing);
        assert_eq!(state_at(50_000.0, 45_000.0), PresenceState::Typing);
        assert_eq!(state_at(50_000.0, 39_000.0), PresenceState::Viewing);
    }
}
