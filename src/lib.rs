//! Switchboard's browser app: the agent console and its sign-in page, and the customers'
//! follow-up page. The public contact page is a bundle of its own (`src/bin/contact.rs`,
//! `contact.html`): customers never download the console, and the console does not carry
//! the contact form. Links to it are external (`rel="external"`), a full page load.
//!
//! `lib.rs` only routes; each page is a module of [`pages`], widgets live in
//! [`components`], and all HTTP goes through the connectors of [`connectors`].

// The catalogue's `msg!("id")`, in every module.
#[macro_use]
extern crate switchboard_core;
pub mod components;
pub mod connectors;
pub mod draft_files;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod storage;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use pages::console::{ConsolePage, NoConversation};
use pages::conversation::ConversationPage;
use pages::follow_up::FollowUpPage;
use pages::not_found::NotFound;
use pages::sign_in::SignInPage;

#[component]
pub fn App() -> impl IntoView {
    i18n::provide_i18n();
    components::shell::theme_select::apply_saved();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/contact/follow-up") view=FollowUpPage />
                <Route path=path!("/sign-in") view=SignInPage />
                <ParentRoute path=path!("") view=ConsolePage>
                    <Route path=path!("/") view=NoConversation />
                    <Route path=path!("/conversations/:backend/:id") view=ConversationPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
