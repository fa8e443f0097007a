//! The right pane: one conversation's header (customer, reference, status, assignee), its
//! thread with older messages on demand, and the reply box.

use crate::components::assignee_select::AssigneeSelect;
use crate::components::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::inbox_views::with_search;
use crate::components::reply_box::ReplyBox;
use crate::components::status_badge::StatusBadge;
use crate::components::status_controls::StatusControls;
use crate::components::thread::MessageThread;
use crate::connectors::{Connector, ConversationBackend};
use crate::state::{DirectoryResource, InboxVersion};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use switchboard_core::directory::Agent;
use switchboard_core::domain::{Conversation, Message};

/// Messages fetched per page of the thread.
const MESSAGE_PAGE_SIZE: u32 = 30;

#[component]
pub fn ConversationPage() -> impl IntoView {
    let params = use_params_map();
    let directory = expect_context::<DirectoryResource>();
    view! {
        <Transition fallback=|| view! { <Loading label="Loading conversation…" /> }>
            {move || {
                let backend = params.with(|p| p.get("backend").unwrap_or_default());
                let id = params.with(|p| p.get("id").unwrap_or_default());
                Suspend::new(async move {
                    match directory.await {
                        Err(error) => view! { <ErrorPanel error context="The console could not reach its server." /> }.into_any(),
                        Ok(directory) => match directory.connector(&backend) {
                            None => view! {
                                <EmptyState
                                    title="This conversation's backend is not connected"
                                    hint=format!("No connected backend is called “{backend}”.")
                                />
                            }
                            .into_any(),
                            Some(connector) => view! {
                                <ConversationView connector=connector.clone() id agents=directory.agents.clone() />
                            }
                            .into_any(),
                        },
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn ConversationView(connector: Connector, id: String, agents: Vec<Agent>) -> impl IntoView {
    let inbox_version = expect_context::<InboxVersion>();
    let agents = Signal::stored(agents);
    // An assignment or a status change reloads the header; a reply reloads the newest
    // messages. Either way the inbox follows.
    let version = RwSignal::new(0u32);
    let messages_version = RwSignal::new(0u32);
    let on_changed = Callback::new(move |_| {
        version.update(|v| *v += 1);
        inbox_version.bump();
    });
    let on_sent = Callback::new(move |_| {
        messages_version.update(|v| *v += 1);
        inbox_version.bump();
    });

    let conversation = LocalResource::new({
        let (connector, id) = (connector.clone(), id.clone());
        move || {
            version.track();
            let (connector, id) = (connector.clone(), id.clone());
            async move { connector.conversation(&id).await }
        }
    });
    let newest = LocalResource::new({
        let (connector, id) = (connector.clone(), id.clone());
        move || {
            messages_version.track();
            let (connector, id) = (connector.clone(), id.clone());
            async move { connector.messages(&id, 1, MESSAGE_PAGE_SIZE).await }
        }
    });

    // Older pages, loaded on demand and kept while newer ones reload.
    let older = RwSignal::new(Vec::<Message>::new());
    let oldest_page = RwSignal::new(1u32);
    let load_older = Action::new_local({
        let (connector, id) = (connector.clone(), id.clone());
        move |page: &u32| {
            let (connector, id, page) = (connector.clone(), id.clone(), *page);
            async move {
                let loaded = connector.messages(&id, page, MESSAGE_PAGE_SIZE).await?;
                older.update(|o| {
                    let mut merged = loaded.items.clone();
                    merged.append(o);
                    *o = merged;
                });
                oldest_page.set(page);
                Ok::<_, switchboard_core::error::ApiError>(())
            }
        }
    });
    let older_error = move || match load_older.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    };

    let scroller = NodeRef::<html::Div>::new();
    // Land on the newest message when the thread first arrives and after each reload.
    Effect::new(move |_| {
        if newest.get().is_some() {
            request_animation_frame(move || {
                if let Some(el) = scroller.get_untracked() {
                    el.set_scroll_top(el.scroll_height());
                }
            });
        }
    });

    let blocked_reason = Signal::derive(move || match conversation.get() {
        None => Some("Loading…".to_owned()),
        Some(Err(_)) => Some("This conversation could not be loaded.".to_owned()),
        Some(Ok(c)) if !c.capabilities.reply => {
            Some("This backend does not accept replies.".to_owned())
        }
        Some(Ok(_)) => None,
    });
    let retry = Callback::new(move |_| {
        version.update(|v| *v += 1);
        messages_version.update(|v| *v += 1);
    });
    let header_connector = connector.clone();

    view! {
        <article class="conversation" data-testid="conversation">
            <Transition fallback=|| view! { <Loading label="Loading conversation…" /> }>
                {
                    move || {
                        let connector = header_connector.clone();
                        Suspend::new(async move {
                            match conversation.await {
                                Ok(c) => view! { <ConversationHeader conversation=c connector agents on_changed /> }.into_any(),
                                Err(error) => view! { <ErrorPanel error context="This conversation could not be loaded." on_retry=retry /> }.into_any(),
                            }
                        })
                    }
                }
            </Transition>
            <div class="thread-scroll" node_ref=scroller>
                <Transition fallback=|| view! { <Loading label="Loading messages…" /> }>
                    {move || Suspend::new(async move {
                        let customer = conversation
                            .await
                            .map(|c| c.customer)
                            .unwrap_or_else(|_| "Customer".to_owned());
                        match newest.await {
                            Err(error) => view! { <ErrorPanel error context="The messages could not be loaded." on_retry=retry /> }.into_any(),
                            Ok(page) => {
                                let total_pages = page.total_pages;
                                let has_older = move || oldest_page.get() < total_pages;
                                let latest = page.items;
                                let messages = Signal::derive(move || merge_thread(&older.get(), &latest));
                                let empty = move || messages.with(Vec::is_empty);
                                view! {
                                    <Show when=has_older>
                                        <button
                                            class="button ghost load-older"
                                            type="button"
                                            data-testid="load-older"
                                            disabled=move || load_older.pending().get()
                                            on:click=move |_| {
                                                load_older.dispatch(oldest_page.get_untracked() + 1);
                                            }
                                        >
                                            {move || if load_older.pending().get() { "Loading older messages…" } else { "Load older messages" }}
                                        </button>
                                    </Show>
                                    {move || older_error().map(|error| view! { <ErrorPanel error context="Older messages could not be loaded." /> })}
                                    <Show when=empty>
                                        <EmptyState title="No messages yet" hint="Write the first reply below." />
                                    </Show>
                                    <MessageThread messages customer=customer.clone() agents />
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </div>
            <ReplyBox connector conversation_id=id blocked_reason on_sent />
        </article>
    }
}

/// Older pages then the newest, each oldest first, each message once: pages shift as
/// replies arrive, so a message can be in two. The backend's order is kept as it is, dated
/// or not.
fn merge_thread(older: &[Message], newest: &[Message]) -> Vec<Message> {
    let mut seen = std::collections::HashSet::new();
    older
        .iter()
        .chain(newest)
        .filter(|m| seen.insert(m.id.clone()))
        .cloned()
        .collect()
}

#[component]
fn ConversationHeader(
    conversation: Conversation,
    connector: Connector,
    agents: Signal<Vec<Agent>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let id = conversation.key.id.clone();
    let location = use_location();
    // Back to the inbox view the agent came from, filters and all.
    let back = move || with_search("/", &location.search.get());
    view! {
        <header class="conversation-header">
            <div class="conversation-title">
                <a class="back-link" href=back>"← Back to the inbox"</a>
                <h2 data-testid="conversation-customer">{conversation.customer.clone()}</h2>
                <p class="conversation-meta">
                    <StatusBadge status=conversation.status.clone() />
                    <span class="badge backend">{conversation.backend_kind.label()}</span>
                    {conversation.reference.clone().map(|r| view! { <span class="badge reference" title="Reference">{r}</span> })}
                </p>
            </div>
            <div class="conversation-actions">
                <AssigneeSelect
                    connector=connector.clone()
                    conversation_id=id.clone()
                    assignee=conversation.assignee.clone()
                    capabilities=conversation.capabilities
                    agents
                    on_changed
                />
                <StatusControls
                    connector
                    conversation_id=id
                    status=conversation.status.clone()
                    capabilities=conversation.capabilities
                    on_changed
                />
            </div>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::domain::{Author, AuthorKind};

    fn message(id: &str, minute: u32) -> Message {
        Message {
            id: id.to_owned(),
            author: Author {
                kind: AuthorKind::Customer,
                id: None,
            },
            body: id.to_owned(),
            sent_at: switchboard_core::wire::parse_instant(&format!(
                "2026-01-01T10:{minute:02}:00Z"
            )),
            delivery: None,
            attachments: Vec::new(),
        }
    }

    #[test]
    fn pages_merge_once_each_oldest_first() {
        let older = vec![message("a", 1), message("b", 2), message("c", 3)];
        let newest = vec![message("c", 3), message("d", 4)];
        let ids: Vec<_> = merge_thread(&older, &newest)
            .into_iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
    }
}
