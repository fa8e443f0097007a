//! Labels under the conversation's header (`docs/labels.md`): the labels it carries, each
//! with a button to take it off, and "Add label", which finds one of the team's as the agent
//! types or creates it with a colour. Kept with the console's labels, so the row and the
//! sidebar follow at once.

mod picker;

use crate::components::inbox::labels::{LabelChip, LabelState};
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::labels::set_label;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::api_origin;
use leptos::prelude::*;
use picker::LabelPicker;
use switchboard_core::domain::ConversationKey;
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text_with;
use switchboard_core::labels::{ConversationLabels, Label};

/// Putting a label on (`true`) or taking it off.
pub type LabelAction = Action<(String, bool), Result<ConversationLabels, ApiError>>;

/// The conversation's labels, and the way to change them.
#[component]
pub fn LabelLine(backend: String, conversation: String) -> impl IntoView {
    let state = use_context::<LabelState>().unwrap_or_else(LabelState::detached);
    let key = StoredValue::new(ConversationKey::new(backend, conversation));
    let origin = StoredValue::new(api_origin());
    state.on.refresh(key.get_value());
    let action: LabelAction = Action::new_local(move |(label, on): &(String, bool)| {
        let (label, on, origin, place) = (label.clone(), *on, origin.get_value(), key.get_value());
        async move { set_label(&origin, &place.backend, &place.id, &label, on).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(kept)) = action.value().get() {
            state.on.set(key.get_value(), Some(kept));
        }
    });
    let open = RwSignal::new(false);
    let carried = Memo::new(move |_| key.with_value(|key| state.of(key)));
    view! {
        <div class="label-line" role="group" aria-label=tr(msg!("labels-heading")) data-testid="label-line">
            {move || carried.get().into_iter().map(|label| view! { <Carried label action /> }).collect_view()}
            <button
                type="button"
                class="button small ghost"
                data-testid="label-add"
                aria-expanded=move || open.get().to_string()
                aria-controls="label-picker"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {tr(msg!("labels-add"))}
            </button>
            <Show when=move || open.get()>
                <LabelPicker state carried action open />
            </Show>
            {move || match action.value().get() {
                Some(Err(error)) => Some(view! { <ErrorPanel error context=tr(msg!("labels-failed")) /> }),
                _ => None,
            }}
        </div>
    }
}

/// A label it carries, and the button that takes it off.
#[component]
fn Carried(label: Label, action: LabelAction) -> impl IntoView {
    let i18n = use_i18n();
    let (id, name) = (label.id.clone(), StoredValue::new(label.name.clone()));
    // Copy, for the name heard and the tooltip alike.
    let remove = move || {
        let args = Args::new().str("name", name.get_value());
        text_with(i18n.lang(), msg!("labels-remove"), &args)
    };
    view! {
        <span class="label-carried">
            <LabelChip label />
            <button
                type="button"
                class="label-remove"
                data-testid="label-remove"
                aria-label=remove
                title=remove
                disabled=move || action.pending().get()
                on:click=move |_| {
                    action.dispatch((id.clone(), false));
                }
            >
                "×"
            </button>
        </span>
    }
}
