//! Who is signed in, at the top right, and the way out: "Sign out" ends the session on
//! the server, then loads the sign-in page. If the server cannot be reached the agent is
//! told they are still signed in, rather than shown a sign-in page that would lie.

use crate::connectors::session;
use crate::i18n::{tr, use_i18n, Args, Say};
use crate::pages::sign_in::{leave_for, SIGN_IN_PATH};
use crate::state::{api_origin, CurrentAgent};
use leptos::prelude::*;
use switchboard_core::i18n::text_with;

#[component]
pub fn SignedInAgent() -> impl IntoView {
    let agent = expect_context::<CurrentAgent>();
    let origin = api_origin();
    let sign_out = Action::new_local(move |_: &()| {
        let origin = origin.clone();
        async move { session::sign_out(&origin).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            // The sign-in page is a bundle of its own: a full load.
            leave_for(SIGN_IN_PATH);
        }
    });
    let i18n = use_i18n();
    let error = move || match sign_out.value().get() {
        Some(Err(error)) => Some(text_with(
            i18n.lang(),
            msg!("signed-in-still"),
            &Args::new().str("reason", error.say(i18n.lang())),
        )),
        _ => None,
    };
    let busy = move || sign_out.pending().get().then_some("true");
    let (signing_out, sign_out_label) = (
        tr(msg!("signed-in-signing-out")),
        tr(msg!("signed-in-sign-out")),
    );
    view! {
        <span class="signed-in">
            <span class="label-text">{tr(msg!("signed-in-as"))}</span>
            <strong data-testid="signed-in-agent">{move || agent.name()}</strong>
        </span>
        // Busy, never disabled: a disabled button would drop the agent's focus.
        <button
            class="button ghost"
            type="button"
            data-testid="sign-out"
            aria-disabled=busy
            on:click=move |_| {
                if !sign_out.pending().get_untracked() {
                    sign_out.dispatch(());
                }
            }
        >
            {move || if sign_out.pending().get() { signing_out() } else { sign_out_label() }}
        </button>
        <span class="field-error" role="alert" data-testid="sign-out-error">{error}</span>
    }
}
