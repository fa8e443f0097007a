//! The agents' console: its routes. The sign-in page and the customers' pages are bundles
//! of their own (`src/bin/`); the server sends each for its path, and the console's routes
//! for them serve only a development build. The conversation's page comes in a part of its
//! own in the release build ([`parts`]).

mod parts;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy};
use parts::{
    ConversationPart, DeadlinePoliciesPart, FollowUpPart, MentionsPart, SavedRepliesPart,
    SignInPart,
};
use switchboard::components::conversation::reply_box::SavedRepliesLater;
use switchboard::components::inbox::deadlines::DeadlinesLater;
use switchboard::components::shell::later::{Later, WarmUp};
use switchboard::pages::console::{ConsolePage, NoConversation};
use switchboard::pages::not_found::NotFound;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    switchboard::i18n::provide_i18n();
    switchboard::components::shell::theme_select::apply_saved();
    provide_context(SavedRepliesLater(|| {
        Box::pin(parts::saved_replies_panel_part())
    }));
    provide_context(DeadlinesLater(|| Box::pin(parts::deadline_engine_part())));
    provide_context(WarmUp(|| Box::pin(parts::warm_up())));
    provide_context(Later {
        palette: || Box::pin(parts::palette_part()),
        shortcut_sheet: || Box::pin(parts::shortcut_sheet_part()),
        session_ended: || Box::pin(parts::session_ended_part()),
        bulk_bar: Some(|| Box::pin(parts::bulk_bar_part())),
        save_view: Some(|| Box::pin(parts::save_view_part())),
    });
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/contact/follow-up") view={Lazy::<FollowUpPart>::new()} />
                <Route path=path!("/sign-in") view={Lazy::<SignInPart>::new()} />
                <ParentRoute path=path!("") view=ConsolePage>
                    <Route path=path!("/") view=NoConversation />
                    <Route path=path!("/conversations/:backend/:id") view={Lazy::<ConversationPart>::new()} />
                    <Route path=path!("/mentions") view={Lazy::<MentionsPart>::new()} />
                    <Route path=path!("/settings/saved-replies") view={Lazy::<SavedRepliesPart>::new()} />
                    <Route path=path!("/settings/deadlines") view={Lazy::<DeadlinePoliciesPart>::new()} />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
