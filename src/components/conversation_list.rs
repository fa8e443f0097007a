//! The middle pane: one compact row per conversation, newest activity first. The list is
//! one tab stop: the open (or first) row takes Tab, arrow keys, Home and End move between
//! rows, and Enter opens one.

use crate::components::inbox_views::with_search;
use crate::components::status_badge::StatusBadge;
use crate::state::Clock;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_location;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{decode_percent, Conversation};
use switchboard_core::time;

/// The row whose path is the current location is the conversation open on the right.
#[component]
pub fn ConversationList(
    #[prop(into)] conversations: Signal<Vec<Conversation>>,
    #[prop(into)] agents: Signal<Vec<Agent>>,
) -> impl IntoView {
    let list = NodeRef::<leptos::html::Ul>::new();
    // After each change of rows, exactly one row takes Tab: the open one, else the first.
    Effect::new(move |_| {
        conversations.track();
        request_animation_frame(move || {
            if let Some(list) = list.get_untracked() {
                let rows = rows_of(&list);
                if !rows.iter().any(|r| r.tab_index() == 0) {
                    if let Some(first) = rows.first() {
                        first.set_tab_index(0);
                    }
                }
            }
        });
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(list) = list.get_untracked() else {
            return;
        };
        let rows = rows_of(&list);
        let focused = document().active_element();
        let at = rows
            .iter()
            .position(|r| Some(r.unchecked_ref::<web_sys::Element>()) == focused.as_ref());
        let next = match (ev.key().as_str(), at) {
            ("ArrowDown", Some(i)) => (i + 1).min(rows.len().saturating_sub(1)),
            ("ArrowUp", Some(i)) => i.saturating_sub(1),
            ("Home", Some(_)) => 0,
            ("End", Some(_)) => rows.len().saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        for (i, row) in rows.iter().enumerate() {
            row.set_tab_index(if i == next { 0 } else { -1 });
        }
        if let Some(row) = rows.get(next) {
            let _ = row.focus();
        }
    };
    view! {
        <ul class="conversation-list" id="conversation-list" data-testid="conversation-list" aria-label="Conversations" node_ref=list on:keydown=on_keydown>
            <For
                each=move || conversations.get()
                // A row is rebuilt when anything it shows changes.
                key=|c| {
                    (
                        c.key.clone(),
                        c.status.clone(),
                        c.assignee.clone(),
                        c.last_activity,
                        c.last_message.as_ref().map(|m| m.id.clone()),
                        c.unread,
                    )
                }
                let:conversation
            >
                <ConversationRow conversation agents />
            </For>
        </ul>
    }
}

#[component]
fn ConversationRow(conversation: Conversation, agents: Signal<Vec<Agent>>) -> impl IntoView {
    let location = use_location();
    let clock = expect_context::<Clock>();
    let key = conversation.key.clone();
    let path = key.path();
    // Keep the inbox filters when opening a conversation.
    let href = {
        let path = path.clone();
        move || with_search(&path, &location.search.get())
    };
    let is_selected = {
        // The router may hand the path back decoded: compare both decoded.
        let decoded = decode_percent(&path);
        Memo::new(move |_| {
            location
                .pathname
                .with(|current| decode_percent(current) == decoded)
        })
    };
    let last_activity = conversation.last_activity;
    let when = move || {
        last_activity
            .map(|t| time::relative(clock.now(), t))
            .unwrap_or_default()
    };
    let exact = last_activity.map(time::exact).unwrap_or_default();
    let assignee_id = conversation.assignee.clone();
    let assignee = move || match &assignee_id {
        None => "Unassigned".to_owned(),
        Some(id) => agents
            .with(|agents| agents.iter().find(|a| &a.id == id).map(|a| a.name.clone()))
            .unwrap_or_else(|| id.clone()),
    };
    let unassigned = conversation.assignee.is_none();
    let assignable = conversation.capabilities.assign;
    let unread = conversation.unread == Some(true);
    let preview = conversation.preview();
    view! {
        <li class="conversation-row" class:selected=is_selected class:unread=unread>
            <a
                href=href
                tabindex=move || if is_selected.get() { "0" } else { "-1" }
                data-testid="conversation-row"
                data-key=key.to_string()
                aria-current=move || is_selected.get().then_some("page")
            >
                <span class="row-line">
                    <span class="row-customer">{conversation.customer_display().to_owned()}</span>
                    {unread.then(|| view! { <span class="badge unread" data-testid="row-unread">"Unread"</span> })}
                    <time class="row-time" title=exact>{when}</time>
                </span>
                <span class="row-preview">{preview}</span>
                <span class="row-badges">
                    <StatusBadge status=conversation.status.clone() />
                    <span class="badge backend">{conversation.backend_kind.label()}</span>
                    {conversation.reference.clone().map(|r| view! { <span class="badge reference">{r}</span> })}
                    {conversation.badges.iter().map(|b| view! { <span class="badge">{b.clone()}</span> }).collect_view()}
                    {assignable.then(|| view! {
                        <span class="badge assignee" class:unassigned=unassigned data-testid="row-assignee">
                            {assignee}
                        </span>
                    })}
                </span>
            </a>
        </li>
    }
}

/// The list's row links, in order.
fn rows_of(list: &web_sys::HtmlUListElement) -> Vec<web_sys::HtmlElement> {
    let Ok(nodes) = list.query_selector_all("a[data-testid='conversation-row']") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}
