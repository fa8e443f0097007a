//! Snooze, under the conversation's header (`docs/snooze.md`): "Snooze" offers later today,
//! tomorrow morning, next week (each with its day and time in the agent's calendar) or a
//! date and time of their choosing; once snoozed, the line says until when and by whom, with
//! "Wake now". The snooze is kept with the console's others, so the list follows at once.

mod menu;

use crate::components::inbox::snooze::{SnoozeState, Snoozes};
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::snoozes::set_snooze;
use crate::i18n::{tr, use_i18n, weekday_time, Args};
use crate::state::{agent_name, api_origin, DirectoryResource};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use menu::SnoozeMenu;
use switchboard_core::domain::{Conversation, ConversationKey};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text_with;
use switchboard_core::snooze::Snooze;

/// Snoozing or waking: until when, or `None` to wake.
pub type SnoozeAction = Action<Option<DateTime<Utc>>, Result<Option<Snooze>, ApiError>>;

/// The conversation's snooze, or the way to snooze it.
#[component]
pub fn SnoozeLine(
    backend: String,
    conversation: String,
    current: RwSignal<Option<Conversation>>,
) -> impl IntoView {
    let state = use_context::<SnoozeState>();
    let marks = state.map_or_else(Snoozes::detached, |s| s.marks);
    let key = StoredValue::new(ConversationKey::new(backend, conversation));
    let origin = StoredValue::new(api_origin());
    marks.refresh(key.get_value());
    let action: SnoozeAction = Action::new_local(move |until: &Option<DateTime<Utc>>| {
        let (until, origin, place) = (*until, origin.get_value(), key.get_value());
        async move { set_snooze(&origin, &place.backend, &place.id, until).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(kept)) = action.value().get() {
            marks.set(key.get_value(), kept);
        }
    });
    // Away until its time, and while the customer has not written since.
    let holding = Memo::new(move |_| {
        let snooze = key.with_value(|key| marks.get(key))?;
        let now = state.map_or_else(Utc::now, |s| s.now());
        let holds = current.with(|c| {
            c.as_ref()
                .map_or(snooze.until > now, |c| snooze.holds(c, now))
        });
        holds.then_some(snooze)
    });
    view! {
        <div class="snooze-line" data-testid="snooze-line">
            {move || match holding.get() {
                Some(snooze) => view! { <Held snooze action /> }.into_any(),
                None => view! { <SnoozeMenu action /> }.into_any(),
            }}
            {move || match action.value().get() {
                Some(Err(error)) => Some(view! { <ErrorPanel error context=tr(msg!("snooze-failed")) /> }),
                _ => None,
            }}
        </div>
    }
}

/// Until when, by whom, and "Wake now".
#[component]
fn Held(snooze: Snooze, action: SnoozeAction) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_context::<DirectoryResource>();
    let said = move || {
        let args = Args::new()
            .str("time", weekday_time(i18n.lang(), snooze.until))
            .str("name", agent_name(directory, &snooze.snoozed_by));
        text_with(i18n.lang(), msg!("snooze-held"), &args)
    };
    view! {
        <p class="snooze-held" data-testid="snooze-held">
            <span aria-hidden="true">"💤"</span>
            " "
            {said}
            " "
            <button
                type="button"
                class="button small"
                data-testid="snooze-wake"
                disabled=move || action.pending().get()
                on:click=move |_| {
                    action.dispatch(None);
                }
            >
                {tr(msg!("snooze-wake"))}
            </button>
        </p>
    }
}
