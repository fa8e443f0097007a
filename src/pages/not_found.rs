//! The page for an address that leads nowhere: a heading that says so, and the two ways
//! on (the inbox for agents, the contact page for customers).

use crate::i18n::tr;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="public-main">
            <div class="state state-empty" data-testid="not-found">
                <h1 class="state-title">{tr(msg!("not-found-title"))}</h1>
                <p class="state-hint">{tr(msg!("not-found-hint"))}</p>
            </div>
            <nav class="center" aria-label=tr(msg!("not-found-ways"))>
                <a href="/">{tr(msg!("not-found-inbox"))}</a>
                " · "
                <a href="/contact" rel="external">{tr(msg!("contact-title"))}</a>
            </nav>
        </main>
    }
}
