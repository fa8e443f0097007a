//! The agent console's frame: top bar, views on the left, the inbox in the middle, and
//! the open conversation (the nested route) on the right.

use crate::components::agent_picker::AgentPicker;
use crate::components::conversation_list::ConversationList;
use crate::components::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::inbox_views::{use_inbox_filters, InboxViews};
use crate::connectors::{load_directory, load_inbox};
use crate::state::{
    api_origin, provide_console_state, CurrentAgent, DirectoryResource, InboxVersion,
};
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{AssigneeFilter, InboxQuery};

/// Conversations asked of each backend per "load more".
const INBOX_PAGE_SIZE: u32 = 50;

#[component]
pub fn ConsolePage() -> impl IntoView {
    let origin = api_origin();
    let directory: DirectoryResource = LocalResource::new(move || {
        let origin = origin.clone();
        async move { load_directory(&origin).await }
    });
    provide_console_state(directory);
    let agents = Signal::derive(move || {
        directory
            .get()
            .and_then(Result::ok)
            .map(|d| d.agents)
            .unwrap_or_default()
    });
    let location = use_location();
    // On a phone one pane shows at a time: the thread when a conversation is open.
    let has_selection = move || location.pathname.with(|p| p.starts_with("/conversations/"));

    view! {
        <div class="console" class:has-selection=has_selection>
            <header class="topbar">
                <a class="brand" href="/">"Switchboard"</a>
                <span class="topbar-spacer"></span>
                <a class="topbar-link" href="/contact">"Public contact page"</a>
                <AgentPicker agents />
            </header>
            <aside class="sidebar">
                <InboxViews />
            </aside>
            <section class="list-pane" aria-label="Inbox">
                <Inbox agents />
            </section>
            <main class="thread-pane">
                <Outlet />
            </main>
        </div>
    }
}

#[component]
fn Inbox(agents: Signal<Vec<Agent>>) -> impl IntoView {
    let directory = expect_context::<DirectoryResource>();
    let current_agent = expect_context::<CurrentAgent>();
    let version = expect_context::<InboxVersion>();
    let filters = use_inbox_filters();
    let pages = RwSignal::new(1u32);
    // A new view starts again from its first page.
    Effect::new(move |_| {
        filters.track();
        // `set` always notifies: only reset when it changes something, or the inbox loads twice.
        if pages.get_untracked() != 1 {
            pages.set(1);
        }
    });

    let inbox = LocalResource::new(move || {
        let filters = filters.get();
        // Who I am matters only to "Mine": choosing yourself must not reload other views.
        let me = if filters.assignee == AssigneeFilter::Me {
            current_agent.id()
        } else {
            current_agent.0.get_untracked()
        };
        let pages = pages.get();
        version.0.track();
        async move {
            let directory = directory.await?;
            let query = InboxQuery {
                status: filters.status,
                assignee: filters.assignee,
                me,
                page: 1,
                page_size: INBOX_PAGE_SIZE,
            };
            Ok::<_, switchboard_core::error::ApiError>((
                load_inbox(&directory.connectors, &query, pages).await,
                directory,
            ))
        }
    });

    let retry = Callback::new(move |_| inbox.refetch());
    let title = move || {
        let f = filters.get();
        match (f.assignee, f.status.label()) {
            (AssigneeFilter::All, "All statuses") => "All conversations".to_owned(),
            (assignee, "All statuses") => assignee.label().to_owned(),
            (AssigneeFilter::All, status) => status.to_owned(),
            (assignee, status) => format!("{} · {}", assignee.label(), status),
        }
    };

    view! {
        <div class="list-header">
            <h1 data-testid="inbox-title">{title}</h1>
            <button class="button ghost" type="button" on:click=move |_| inbox.refetch() aria-label="Refresh the inbox">
                "Refresh"
            </button>
        </div>
        <Transition fallback=|| view! { <Loading label="Loading conversations…" /> }>
            {move || Suspend::new(async move {
                match inbox.await {
                    Err(error) => {
                        view! {
                            <ErrorPanel error context="The console could not reach its server." on_retry=retry />
                        }
                            .into_any()
                    }
                    Ok((inbox, directory)) => {
                        let failures = inbox
                            .failures
                            .into_iter()
                            .map(|(backend, error)| {
                                let label = directory
                                    .backend(&backend)
                                    .map(|b| b.label.clone())
                                    .unwrap_or(backend);
                                view! {
                                    <ErrorPanel error context=format!("{label} could not be loaded; other backends still show.") on_retry=retry />
                                }
                            })
                            .collect_view();
                        let unsupported = directory
                            .unsupported()
                            .map(|b| view! { <p class="notice">{format!("{} is connected to the server, but this console cannot read it yet.", b.label)}</p> })
                            .collect_view();
                        let unreadable = (inbox.unreadable > 0)
                            .then(|| {
                                view! {
                                    <p class="notice" role="status">
                                        {format!("{} conversation(s) sent by a backend could not be read and are not shown.", inbox.unreadable)}
                                    </p>
                                }
                            });
                        let count = inbox.conversations.len();
                        let has_more = inbox.has_more;
                        let empty = (count == 0)
                            .then(|| {
                                let hint = match filters.get_untracked().assignee {
                                    AssigneeFilter::Me if current_agent.id().is_none() => "Choose who you are at the top right to see your conversations.",
                                    AssigneeFilter::Me => "Nothing is assigned to you in this view.",
                                    _ => "Try another view on the left.",
                                };
                                view! { <EmptyState title="No conversations here" hint=hint /> }
                            });
                        let conversations = Signal::derive(move || inbox.conversations.clone());
                        view! {
                            {failures}
                            {unsupported}
                            {unreadable}
                            {empty}
                            <p class="list-count" data-testid="inbox-count">
                                {format!("{count} conversation{}{}", if count == 1 { "" } else { "s" }, if has_more { " loaded" } else { "" })}
                            </p>
                            <ConversationList conversations agents />
                            <Show when=move || has_more>
                                <button class="button load-more" type="button" on:click=move |_| pages.update(|p| *p += 1)>
                                    "Load more conversations"
                                </button>
                            </Show>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The right pane when no conversation is open.
#[component]
pub fn NoConversation() -> impl IntoView {
    view! {
        <EmptyState title="No conversation open" hint="Choose a conversation in the list to read it and reply." />
    }
}
