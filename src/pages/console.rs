//! The agent console's frame: top bar, views on the left, the inbox in the middle, and
//! the open conversation (the nested route) on the right ([`InboxPane`] is the middle).
//!
//! Nothing of it shows without a session: the server sends a visitor without one to the
//! sign-in page before the console loads, and the console asks who is signed in; should
//! the session have ended in between, it loads the sign-in page, which brings the agent
//! back here. A session
//! that ends later is signed into again over the console ([`SessionEnded`]).

use crate::components::inbox::inbox_filters::with_search;
use crate::components::inbox::inbox_pane::InboxPane;
use crate::components::inbox::inbox_views::InboxViews;
use crate::components::inbox::live::{self, provide_live_state, LiveBanner};
use crate::components::inbox::mentions::{self, MentionAnnouncer, MENTIONS_ROUTE};
use crate::components::shell::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::shell::language_select::LanguageSelect;
use crate::components::shell::later::{Later, OnFirstUse};
use crate::components::shell::palette::PaletteOpen;
use crate::components::shell::shortcuts::{self, SheetOpen};
use crate::components::shell::signed_in::SignedInAgent;
use crate::components::shell::theme_select::ThemeSelect;
use crate::connectors::{load_directory, session};
use crate::i18n::tr;
use crate::pages::sign_in::{leave_for, sign_in_href};
use crate::state::{api_origin, provide_console_state, DirectoryResource, InboxRows, SessionLost};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;
use switchboard_core::session::SessionAgent;

/// The console once the server has said who is signed in; the sign-in page otherwise.
/// Not in a `Transition`: one would also wait for every resource the console reads (the
/// directory, each backend's counts, labels, views), and the whole console appeared only
/// once the slowest backend had answered (1.5 s after the session on the demo data, the
/// page's largest paint); each part of it says its own loading instead.
#[component]
pub fn ConsolePage() -> impl IntoView {
    let origin = api_origin();
    let session = LocalResource::new(move || {
        let origin = origin.clone();
        async move { session::current(&origin).await }
    });
    let retry = Callback::new(move |_| session.refetch());
    move || match session.get() {
        None => view! { <Loading label=tr(msg!("console-opening")) /> }.into_any(),
        Some(Ok(Some(session))) => view! { <Console agent=session.agent /> }.into_any(),
        Some(Ok(None)) => view! { <ToSignIn /> }.into_any(),
        Some(Err(error)) => view! {
            <main class="public-main">
                <ErrorPanel error context=tr(msg!("console-unreachable")) on_retry=retry />
            </main>
        }
        .into_any(),
    }
}

/// Nobody is signed in (the session ended between the page's load and the question):
/// to the sign-in page, a bundle of its own, which comes back to this very page.
#[component]
fn ToSignIn() -> impl IntoView {
    let location = use_location();
    let wanted = with_search(
        &location.pathname.get_untracked(),
        &location.search.get_untracked(),
    );
    // Replacing: Back from the sign-in page must not come here to be sent there again.
    leave_for(&sign_in_href(&wanted));
}

#[component]
fn Console(agent: SessionAgent) -> impl IntoView {
    let origin = api_origin();
    let directory: DirectoryResource = LocalResource::new(move || {
        let origin = origin.clone();
        async move { load_directory(&origin).await }
    });
    provide_console_state(directory, agent);
    // Read once: the header of every conversation and the list's rows count with them.
    let dues = crate::components::inbox::deadlines::provide_deadlines(directory);
    crate::components::inbox::snooze::SnoozeState::provide(
        directory,
        expect_context::<InboxRows>(),
    );
    crate::components::inbox::labels::LabelState::provide(directory);
    let agents = Signal::derive(move || {
        directory
            .get()
            .and_then(Result::ok)
            .map(|d| d.agents)
            .unwrap_or_default()
    });
    let location = use_location();
    // On a phone one pane shows at a time: the thread when a conversation is open.
    let in_conversation = move || location.pathname.with(|p| p.starts_with("/conversations/"));
    let has_selection =
        move || in_conversation() || location.pathname.with(|p| p == MENTIONS_ROUTE);
    let lost = expect_context::<SessionLost>();
    let live_state = provide_live_state();
    // Changes pushed by the server; polling alone when the stream is unavailable.
    crate::components::inbox::stream::listen_to_events(live_state);
    mentions::read_while_unpushed(mentions::provide_mentions(), live_state);
    crate::components::shell::presence::provide_presence();
    live::counts_in_title(
        expect_context::<InboxRows>(),
        Signal::derive(move || dues.overdue_count()),
    );
    let sheet_open = RwSignal::new(false);
    let palette_open = RwSignal::new(false);
    provide_context(PaletteOpen(palette_open));
    provide_context(SheetOpen(sheet_open));
    let later = use_context::<Later>();
    shortcuts::install(sheet_open, palette_open);

    view! {
        // Inert while the session is signed into again: kept as it is, out of reach.
        <div class="console" class:has-selection=has_selection inert=move || lost.ended.get()>
            <nav class="skip-links" aria-label=tr(msg!("skip-links"))>
                <a href="#conversation-list" data-testid="skip-to-list" on:click=skip_to("conversation-list")>{tr(msg!("skip-to-list"))}</a>
                // The conversation's links only while one is open: a skip link leads somewhere.
                <Show when=in_conversation>
                    <a href="#thread" data-testid="skip-to-thread" on:click=skip_to("thread")>{tr(msg!("skip-to-thread"))}</a>
                    <a href="#reply-text" data-testid="skip-to-reply" on:click=skip_to("reply-text")>{tr(msg!("skip-to-reply"))}</a>
                </Show>
            </nav>
            <header class="topbar">
                <a class="brand" href="/">"Switchboard"</a>
                <span class="topbar-spacer"></span>
                <a class="topbar-link" href="/contact" rel="external">{tr(msg!("console-contact-page"))}</a>
                <LanguageSelect />
                <ThemeSelect />
                <button class="button ghost" type="button" data-testid="show-shortcuts" aria-keyshortcuts="Shift+?" on:click=move |_| sheet_open.set(true)>
                    {tr(msg!("console-shortcuts"))}
                </button>
                <SignedInAgent />
            </header>
            <LiveBanner />
            <aside class="sidebar">
                <InboxViews />
            </aside>
            <section class="list-pane" aria-label=tr(msg!("console-inbox"))>
                <InboxPane agents />
            </section>
            <main class="thread-pane">
                <Outlet />
            </main>
        </div>
        // Seldom opened: each arrives the first time it is wanted (`later`).
        {later.map(|later| view! {
            <OnFirstUse wanted=sheet_open part=later.shortcut_sheet />
            <OnFirstUse wanted=palette_open part=later.palette />
            <OnFirstUse wanted=Signal::derive(move || lost.ended.get()) part=later.session_ended />
        })}
        <MentionAnnouncer />
    }
}

/// A skip link's click: focus its target (for the list, its current row) without leaving
/// the route, as a fragment link would.
fn skip_to(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    move |ev| {
        ev.prevent_default();
        let target = document().get_element_by_id(id);
        let target = match id {
            "conversation-list" => target.and_then(|list| {
                list.query_selector("a[tabindex='0']")
                    .ok()
                    .flatten()
                    .or(Some(list))
            }),
            _ => target,
        };
        if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
}

/// The right pane when no conversation is open.
#[component]
pub fn NoConversation() -> impl IntoView {
    view! {
        <EmptyState title=tr(msg!("console-none-open")) hint=tr(msg!("console-none-open-hint")) />
    }
}
