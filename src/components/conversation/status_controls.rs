//! Open, close, archive: the changes that make sense from the current status. A change the
//! backend cannot make is shown disabled with the reason, never failing after a click.
//! After a change, focus goes to the control that replaced the one pressed; while it is
//! being saved the buttons are marked busy rather than disabled, so focus never falls out
//! of the page (a disabled button loses it) and a refusal leaves the agent where they were.
//! The controls keep their places whatever the status (`status-place`).

use crate::components::conversation::change::{Changed, Stale};
use crate::connectors::Connector;
use crate::i18n::{lang_now, tr, use_i18n, Args, Say};
use leptos::prelude::*;
use switchboard_core::domain::{Capabilities, ConversationStatus, StatusChange};
use switchboard_core::i18n::text_with;

#[component]
pub fn StatusControls(
    connector: Connector,
    #[prop(into)] conversation_id: String,
    status: ConversationStatus,
    capabilities: Capabilities,
    /// Receives the conversation as the write returned it.
    on_changed: Callback<Changed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stale = use_context::<Stale>();
    let change = Action::new_local(move |change: &StatusChange| {
        let connector = connector.clone();
        let conversation_id = conversation_id.clone();
        let change = *change;
        async move { connector.change_status(&conversation_id, change).await }
    });
    Effect::new(move |_| {
        // A colleague changed it meanwhile: the page shows how it stands now.
        if let Some(Err(error)) = change.value().get() {
            Stale::report(stale, &error);
        }
        if let Some(Ok(conversation)) = change.value().get() {
            // The first control of the new status takes the place of the one pressed.
            let focus = StatusChange::available_from(&conversation.status)
                .first()
                .map_or("status-badge", |next| next.test_id());
            // Said once, in the language of the moment: reading the language here would
            // run the change again when it is switched.
            let announce = text_with(
                lang_now(),
                msg!("status-announce"),
                &Args::new().str("status", conversation.status.token()),
            );
            on_changed.run(Changed {
                conversation,
                focus,
                announce,
            });
        }
    });
    let error = move || match change.value().get() {
        Some(Err(error)) => Some(text_with(
            i18n.lang(),
            msg!("status-not-changed"),
            &Args::new().str("reason", error.say(i18n.lang())),
        )),
        _ => None,
    };
    let buttons = StatusChange::available_from(&status)
        .into_iter()
        .map(|action| {
            let allowed = action.allowed_by(&capabilities);
            let reason = move || (!allowed).then(|| action.not_allowed(i18n.lang()));
            view! {
                <button
                    class="button"
                    class:primary=action == StatusChange::Close
                    type="button"
                    data-testid=action.test_id()
                    disabled=!allowed
                    aria-disabled=move || change.pending().get().then_some("true")
                    title=reason
                    on:click=move |_| {
                        if !change.pending().get_untracked() {
                            change.dispatch(action);
                        }
                    }
                >
                    {move || action.label(i18n.lang())}
                </button>
            }
        })
        .collect_view();
    // Every status shows two places, so the header keeps its width and nothing moves
    // under the pointer when Close becomes Reopen or Archive goes.
    let spare_place = (StatusChange::available_from(&status).len() < 2)
        .then(|| view! { <span class="status-place" aria-hidden="true"></span> });
    view! {
        <div class="status-controls" role="group" aria-label=tr(msg!("status-group"))>
            {buttons}
            {spare_place}
            <span class="field-error" role="alert" data-testid="status-error">{error}</span>
        </div>
    }
}
