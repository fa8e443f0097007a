//! The console's pages, and its seldom opened pieces
//! (`switchboard::components::shell::later`), that arrive on first use (a module of the console's binary, not of
//! the library: the pages' bundles share the library, and a split point is an export that
//! would keep its page in every bundle linking it). In the release build
//! (`--cfg switchboard_split`, `scripts/split-console.sh`) each part below is cut out of
//! the console's main part into a file of its own, fetched the first time it is wanted and
//! prefetched once the inbox is up; the inbox, its list and its connectors stay in the main
//! part. Without the flag (development, clippy, tests) the same parts are there at once,
//! from one bundle.
//!
//! Each part is fetched through the splitter's fallible loader: a part that cannot be
//! downloaded is an `Err` said in words with Try again (`Arrive`), never a panic, which
//! would stop the whole console (Leptos' `#[lazy]` and `#[lazy_route]` panic there).
//!
//! The sign-in and follow-up pages are bundles of their own in the release build; their
//! routes keep them working in a development build served without Switchboard's server.

use leptos::prelude::*;
use leptos_router::LazyRoute;
use switchboard::components::conversation::reply_box::saved_replies_panel;
use switchboard::components::inbox::bulk::BulkBar;
use switchboard::components::inbox::deadlines::{engine::engine, DeadlineEngine};
use switchboard::components::inbox::saved_views::SaveViewForm;
use switchboard::components::shell::later::{Arrival, Arrive, MakeView, PartMissing};
use switchboard::components::shell::palette::{CommandPalette, PaletteOpen};
use switchboard::components::shell::prefetch::{prefetch_listed, PARTS};
use switchboard::components::shell::session_ended::SessionEnded;
use switchboard::components::shell::shortcuts::{SheetOpen, ShortcutSheet};
use switchboard::pages::conversation::ConversationPage;
use switchboard::pages::deadline_policies::DeadlinePoliciesPage;
use switchboard::pages::follow_up::FollowUpPage;
use switchboard::pages::mentions::MentionsPage;
use switchboard::pages::saved_replies::SavedRepliesPage;
use switchboard::pages::sign_in::{leave_for, SignInPage};
use switchboard::part;

/// A route whose page is the part `$part`: shown once it has come, or said missing with
/// Try again in the page's place.
macro_rules! route_part {
    ($(#[doc = $doc:literal])* $route:ident = $part:ident) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug)]
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }
            async fn view(_this: Self) -> AnyView {
                fn again() -> Arrival<MakeView> {
                    Box::pin($part())
                }
                match $part().await {
                    Ok(make) => make(),
                    Err(PartMissing) => view! { <Arrive part=again failed=true /> }.into_any(),
                }
            }
        }
    };
}

route_part! {
    /// `/conversations/:backend/:id`: the thread, its reply box and each backend's widgets.
    ConversationPart = conversation_part
}
part!(conversation_part, warm_conversation -> MakeView = || view! { <ConversationPage /> }.into_any());

route_part! {
    /// `/mentions`: the notes that name the agent.
    MentionsPart = mentions_part
}
part!(mentions_part -> MakeView = || view! { <MentionsPage /> }.into_any());

route_part! {
    /// `/settings/saved-replies`: the team's saved replies and the agent's own.
    SavedRepliesPart = saved_replies_part
}
part!(saved_replies_part -> MakeView = || view! { <SavedRepliesPage /> }.into_any());

route_part! {
    /// `/settings/deadlines`: each backend's response deadlines.
    DeadlinePoliciesPart = deadline_policies_part
}
part!(deadline_policies_part -> MakeView = || view! { <DeadlinePoliciesPage /> }.into_any());

route_part! {
    /// `/contact/follow-up`: the customers' page, for a development build.
    FollowUpPart = follow_up_part
}
part!(follow_up_part -> MakeView = || view! { <FollowUpPage /> }.into_any());

route_part! {
    /// `/sign-in`, for a development build.
    SignInPart = sign_in_part
}
part!(sign_in_part -> MakeView = sign_in_view);

fn sign_in_view() -> AnyView {
    let leave = Callback::new(|next: String| leave_for(&next));
    view! { <SignInPage leave /> }.into_any()
}

part! {
    /// The command palette (Ctrl+K), for [`switchboard::components::shell::later`].
    palette_part -> MakeView = palette_view
}

fn palette_view() -> AnyView {
    let open = expect_context::<PaletteOpen>().0;
    view! { <CommandPalette open /> }.into_any()
}

part! {
    /// The shortcut sheet (`?`).
    shortcut_sheet_part -> MakeView = shortcut_sheet_view
}

fn shortcut_sheet_view() -> AnyView {
    let open = expect_context::<SheetOpen>().0;
    view! { <ShortcutSheet open /> }.into_any()
}

part! {
    /// The dialog that signs a lapsed session in again, over the console.
    session_ended_part -> MakeView = || view! { <SessionEnded /> }.into_any()
}

part! {
    /// The saved replies' picker in the reply box (`/`): its search and matcher, its list.
    saved_replies_panel_part -> MakeView = saved_replies_panel
}

part! {
    /// The arithmetic behind the list's time left: the policies read, the due times counted.
    deadline_engine_part -> DeadlineEngine = engine()
}

part! {
    /// The bulk bar: the actions over many conversations, their progress and failures.
    bulk_bar_part -> MakeView = || view! { <BulkBar /> }.into_any()
}

part! {
    /// The form that names and saves the view on screen.
    save_view_part -> MakeView = || view! { <SaveViewForm /> }.into_any()
}

/// Once the inbox is up (`WarmUp`): the conversation's part fetched and started, the one
/// opened most and at once; then the others fetched into the browser's cache (what they
/// share with it is there by then), each started on first use. Started, each would hold
/// its compiled code in the page's memory for as long as it is open. A part that cannot
/// come now is fetched again on use, where its absence is said.
pub async fn warm_up() {
    let _ = warm_conversation().await;
    prefetch_listed(PARTS);
}
