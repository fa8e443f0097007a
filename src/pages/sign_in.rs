//! The sign-in page (`/sign-in?next=...`), a bundle of its own (`src/bin/sign_in.rs`,
//! `sign-in.html`): agents see the form after a small download, and the console's main
//! part is fetched while they type ([`prefetch_listed`]).
//! The server sends this page to a visitor of the console who has no session, and sends an
//! agent who has one straight on, so the page itself never asks who is signed in. Once
//! signed in, the agent goes back to the page they wanted, but only to a path on this site
//! ([`safe_next`]).
//!
//! The console's router keeps the same page at `/sign-in` for a development build served
//! without Switchboard's server in front.

use crate::components::shell::language_select::LanguageSelect;
use crate::components::shell::prefetch::{prefetch_listed, CONSOLE};
use crate::components::shell::sign_in_form::SignInForm;
use crate::i18n::{provide_i18n, tr, use_i18n};
use leptos::prelude::*;
use switchboard_core::i18n::text;
use switchboard_core::pages::{next_in_query, safe_next};
use switchboard_core::session::Session;

pub use switchboard_core::pages::{sign_in_href, SIGN_IN_PATH};

/// The page on its own, as `sign-in.html` mounts it: once signed in, the browser loads the
/// console at the page the agent wanted (a full load, the console being another bundle).
#[component]
pub fn SignInApp() -> impl IntoView {
    provide_i18n();
    crate::components::shell::theme_select::apply_saved();
    let leave = Callback::new(|next: String| leave_for(&next));
    view! { <SignInPage leave /> }
}

/// The form in its page. `leave` is handed where to go once signed in, as this page's
/// address asked (`?next=`), made safe.
#[component]
pub fn SignInPage(leave: Callback<String>) -> impl IntoView {
    // Where to go is decided as the page opens.
    let next = safe_next(next_in_query(&current_search()).as_deref());
    let on_signed_in = Callback::new(move |_: Session| leave.run(next.clone()));
    let i18n = use_i18n();
    Effect::new(move |_| document().set_title(&text(i18n.lang(), msg!("page-title-sign-in"))));
    view! {
        <div class="public-page">
            <header class="public-header">
                <span class="brand">"Switchboard"</span>
                <span class="public-tagline">{tr(msg!("sign-in-tagline"))}</span>
                <LanguageSelect />
            </header>
            // The agent is typing: the console's main part comes meanwhile.
            <main class="public-main sign-in-main" on:input=|_| prefetch_listed(CONSOLE)>
                <section class="card sign-in-card" aria-labelledby="sign-in-title">
                    <h1 id="sign-in-title">{tr(msg!("sign-in-title"))}</h1>
                    <p class="state-hint">{tr(msg!("sign-in-intro"))}</p>
                    <SignInForm on_signed_in />
                </section>
            </main>
        </div>
    }
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Loads `next` in place of the sign-in page: Back from the console leaves the site's
/// sign-in behind rather than showing the form again.
pub fn leave_for(next: &str) {
    // Should the browser refuse, the agent is signed in and any link to the console works.
    let _ = window().location().replace(next);
}
