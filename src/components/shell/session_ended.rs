//! When a request finds the agent's session ended (it expired, or they signed out in
//! another tab), the console asks them to sign in again in a dialog over it, rather than
//! leaving for the sign-in page: the reply being typed, the files chosen, the open
//! conversation and the scroll all stay as they were, and focus comes back to where it
//! was. The console under it is inert meanwhile, so nothing is half-done behind the dialog.

use crate::components::shell::sign_in_form::SignInForm;
use crate::i18n::tr;
use crate::state::{CountersResource, CurrentAgent, DirectoryResource, SessionLost};
use leptos::prelude::*;
use switchboard_core::session::Session;

#[component]
pub fn SessionEnded() -> impl IntoView {
    let lost = expect_context::<SessionLost>();
    let agent = expect_context::<CurrentAgent>();
    let directory = expect_context::<DirectoryResource>();
    let counters = expect_context::<CountersResource>();
    let on_signed_in = Callback::new(move |session: Session| {
        agent.set(session.agent);
        lost.resolved();
        // What failed for want of a session is asked again; a failed write keeps its own
        // "try again", and its words are still in their box.
        if matches!(directory.get_untracked(), Some(Err(_))) {
            directory.refetch();
        }
        counters.refetch();
    });
    view! {
        <Show when=move || lost.ended.get()>
            <div class="dialog-backdrop">
                <section
                    class="card dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="session-ended-title"
                    aria-describedby="session-ended-hint"
                    data-testid="session-ended"
                >
                    <h1 id="session-ended-title">{tr(msg!("session-ended-title"))}</h1>
                    <p id="session-ended-hint" class="state-hint">
                        {tr(msg!("session-ended-hint"))}
                    </p>
                    <SignInForm email=agent.email_untracked().unwrap_or_default() on_signed_in />
                </section>
            </div>
        </Show>
    }
}
