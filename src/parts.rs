//! The console's pages, and its seldom opened dialogs
//! (`switchboard::components::shell::later`), that arrive on first use (a module of the console's binary, not of
//! the library: the pages' bundles share the library, and a split point is an export that
//! would keep its page in every bundle linking it). In the release build
//! (`--cfg switchboard_split`, `scripts/split-console.sh`) each `view` below is cut out of
//! the console's main part into a part of its own, fetched the first time the route shows
//! and prefetched once the inbox is up; the inbox, its list and its connectors stay in the
//! main part. Without the flag (development, clippy, tests) the same routes render at once
//! from one bundle.
//!
//! The sign-in and follow-up pages are bundles of their own in the release build; these
//! routes keep them working in a development build served without Switchboard's server.

#[cfg(switchboard_split)]
use leptos::lazy;
use leptos::prelude::*;
#[cfg(switchboard_split)]
use leptos_router::lazy_route;
use leptos_router::LazyRoute;
use switchboard::components::conversation::reply_box::saved_replies_panel;
use switchboard::components::inbox::bulk::BulkBar;
use switchboard::components::inbox::deadlines::{engine::engine, DeadlineEngine};
use switchboard::components::inbox::saved_views::SaveViewForm;
use switchboard::components::shell::later::MakeView;
use switchboard::components::shell::palette::{CommandPalette, PaletteOpen};
use switchboard::components::shell::session_ended::SessionEnded;
use switchboard::components::shell::shortcuts::{SheetOpen, ShortcutSheet};
use switchboard::pages::conversation::ConversationPage;
use switchboard::pages::deadline_policies::DeadlinePoliciesPage;
use switchboard::pages::follow_up::FollowUpPage;
use switchboard::pages::mentions::MentionsPage;
use switchboard::pages::saved_replies::SavedRepliesPage;
use switchboard::pages::sign_in::{leave_for, SignInPage};

/// `/conversations/:backend/:id`: the thread, its reply box and each backend's widgets.
#[derive(Clone, Debug)]
pub struct ConversationPart;

#[cfg(switchboard_split)]
#[lazy_route]
impl LazyRoute for ConversationPart {
    fn data() -> Self {
        ConversationPart
    }
    fn view(_this: Self) -> AnyView {
        conversation_view()
    }
}

#[cfg(not(switchboard_split))]
impl LazyRoute for ConversationPart {
    fn data() -> Self {
        ConversationPart
    }
    async fn view(_this: Self) -> AnyView {
        conversation_view()
    }
}

fn conversation_view() -> AnyView {
    view! { <ConversationPage /> }.into_any()
}

/// `/mentions`: the notes that name the agent.
#[derive(Clone, Debug)]
pub struct MentionsPart;

#[cfg(switchboard_split)]
#[lazy_route]
impl LazyRoute for MentionsPart {
    fn data() -> Self {
        MentionsPart
    }
    fn view(_this: Self) -> AnyView {
        mentions_view()
    }
}

#[cfg(not(switchboard_split))]
impl LazyRoute for MentionsPart {
    fn data() -> Self {
        MentionsPart
    }
    async fn view(_this: Self) -> AnyView {
        mentions_view()
    }
}

fn mentions_view() -> AnyView {
    view! { <MentionsPage /> }.into_any()
}

/// `/settings/saved-replies`: the team's saved replies and the agent's own.
#[derive(Clone, Debug)]
pub struct SavedRepliesPart;

#[cfg(switchboard_split)]
#[lazy_route]
impl LazyRoute for SavedRepliesPart {
    fn data() -> Self {
        SavedRepliesPart
    }
    fn view(_this: Self) -> AnyView {
        saved_replies_view()
    }
}

#[cfg(not(switchboard_split))]
impl LazyRoute for SavedRepliesPart {
    fn data() -> Self {
        SavedRepliesPart
    }
    async fn view(_this: Self) -> AnyView {
        saved_replies_view()
    }
}

fn saved_replies_view() -> AnyView {
    view! { <SavedRepliesPage /> }.into_any()
}

/// `/contact/follow-up`: the customers' page, for a development build.
#[derive(Clone, Debug)]
pub struct FollowUpPart;

#[cfg(switchboard_split)]
#[lazy_route]
impl LazyRoute for FollowUpPart {
    fn data() -> Self {
        FollowUpPart
    }
    fn view(_this: Self) -> AnyView {
        follow_up_view()
    }
}

#[cfg(not(switchboard_split))]
impl LazyRoute for FollowUpPart {
    fn data() -> Self {
        FollowUpPart
    }
    async fn view(_this: Self) -> AnyView {
        follow_up_view()
    }
}

fn follow_up_view() -> AnyView {
    view! { <FollowUpPage /> }.into_any()
}

/// `/sign-in`, for a development build.
#[derive(Clone, Debug)]
pub struct SignInPart;

#[cfg(switchboard_split)]
#[lazy_route]
impl LazyRoute for SignInPart {
    fn data() -> Self {
        SignInPart
    }
    fn view(_this: Self) -> AnyView {
        sign_in_view()
    }
}

#[cfg(not(switchboard_split))]
impl LazyRoute for SignInPart {
    fn data() -> Self {
        SignInPart
    }
    async fn view(_this: Self) -> AnyView {
        sign_in_view()
    }
}

fn sign_in_view() -> AnyView {
    let leave = Callback::new(|next: String| leave_for(&next));
    view! { <SignInPage leave /> }.into_any()
}

/// The command palette (Ctrl+K), for [`switchboard::components::shell::later`].
#[cfg_attr(switchboard_split, lazy)]
pub async fn palette_part() -> MakeView {
    palette_view as MakeView
}

fn palette_view() -> AnyView {
    let open = expect_context::<PaletteOpen>().0;
    view! { <CommandPalette open /> }.into_any()
}

/// The shortcut sheet (`?`).
#[cfg_attr(switchboard_split, lazy)]
pub async fn shortcut_sheet_part() -> MakeView {
    shortcut_sheet_view as MakeView
}

fn shortcut_sheet_view() -> AnyView {
    let open = expect_context::<SheetOpen>().0;
    view! { <ShortcutSheet open /> }.into_any()
}

/// The dialog that signs a lapsed session in again, over the console.
#[cfg_attr(switchboard_split, lazy)]
pub async fn session_ended_part() -> MakeView {
    session_ended_view as MakeView
}

fn session_ended_view() -> AnyView {
    view! { <SessionEnded /> }.into_any()
}

/// The saved replies' picker in the reply box (`/`): its search and matcher, its list.
#[cfg_attr(switchboard_split, lazy)]
pub async fn saved_replies_panel_part() -> MakeView {
    saved_replies_panel as MakeView
}

/// The arithmetic behind the list's time left: the policies read, the due times counted.
#[cfg_attr(switchboard_split, lazy)]
pub async fn deadline_engine_part() -> DeadlineEngine {
    engine()
}

/// The bulk bar: the actions over many conversations, their progress and failures.
#[cfg_attr(switchboard_split, lazy)]
pub async fn bulk_bar_part() -> MakeView {
    bulk_bar_view as MakeView
}

fn bulk_bar_view() -> AnyView {
    view! { <BulkBar /> }.into_any()
}

/// The form that names and saves the view on screen.
#[cfg_attr(switchboard_split, lazy)]
pub async fn save_view_part() -> MakeView {
    save_view_form as MakeView
}

fn save_view_form() -> AnyView {
    view! { <SaveViewForm /> }.into_any()
}

/// `/settings/deadlines`: each backend's response deadlines.
#[derive(Clone, Debug)]
pub struct DeadlinePoliciesPart;

#[cfg(switchboard_split)]
#[lazy_route]
impl LazyRoute for DeadlinePoliciesPart {
    fn data() -> Self {
        DeadlinePoliciesPart
    }
    fn view(_this: Self) -> AnyView {
        deadline_policies_view()
    }
}

#[cfg(not(switchboard_split))]
impl LazyRoute for DeadlinePoliciesPart {
    fn data() -> Self {
        DeadlinePoliciesPart
    }
    async fn view(_this: Self) -> AnyView {
        deadline_policies_view()
    }
}

fn deadline_policies_view() -> AnyView {
    view! { <DeadlinePoliciesPage /> }.into_any()
}
