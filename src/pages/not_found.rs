use crate::components::feedback::EmptyState;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="public-main">
            <EmptyState title="This page does not exist" hint="Go back to the inbox, or to the contact page." />
            <p class="center"><a href="/">"Inbox"</a> " · " <a href="/contact" rel="external">"Contact us"</a></p>
        </main>
    }
}
