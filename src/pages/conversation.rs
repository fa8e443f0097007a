//! The right pane: one conversation's header (customer, reference, reason, status,
//! assignee, read state), its thread with older messages on demand, and the reply box.
//! Writes return the conversation as it now is: the header and the inbox row take it as
//! it comes, nothing is fetched again.

use crate::components::conversation::change::{Changed, Stale};
use crate::components::conversation::conversation_header::{ConversationHeader, ReadMark};
use crate::components::conversation::no_replies::NoReplies;
use crate::components::conversation::outbox::{OutboxMessage, OutboxSlot};
use crate::components::conversation::reply_box::ReplyBox;
use crate::components::conversation::reply_context::ReplyingTo;
use crate::components::conversation::thread::MessageThread;
use crate::components::shell::feedback::{EmptyState, ErrorPanel, Loading};
use crate::connectors::Connector;
use crate::i18n::{lang_now, tr, tr_with, use_i18n, Args};
use crate::state::{CountersResource, DirectoryResource, InboxRows};
use crate::storage;
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_params_map;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{Conversation, ConversationKey, Cursor, Message};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text;
use thread_pages::{activity, merge_thread, unread_ids};

mod arrivals;
mod thread_pages;

/// Messages fetched per page of the thread.
const MESSAGE_PAGE_SIZE: u32 = 30;

#[component]
pub fn ConversationPage() -> impl IntoView {
    let params = use_params_map();
    let directory = expect_context::<DirectoryResource>();
    view! {
        <Transition fallback=|| view! { <Loading label=tr(msg!("conversation-loading")) /> }>
            {move || {
                let backend = params.with(|p| p.get("backend").unwrap_or_default());
                let id = params.with(|p| p.get("id").unwrap_or_default());
                Suspend::new(async move {
                    match directory.await {
                        Err(error) => view! { <ErrorPanel error context=tr(msg!("console-unreachable")) /> }.into_any(),
                        Ok(directory) => match directory.connector(&backend) {
                            None => {
                                let backend = StoredValue::new(backend.clone());
                                view! {
                                    <EmptyState
                                        title=tr(msg!("conversation-backend-not-connected"))
                                        hint=tr_with(msg!("conversation-no-such-backend"), move || {
                                            Args::new().str("backend", backend.get_value())
                                        })
                                    />
                                }
                                .into_any()
                            }
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
    let i18n = use_i18n();
    let rows = expect_context::<InboxRows>();
    let counters = expect_context::<CountersResource>();
    let agents = Signal::stored(agents);

    // Keyed on the language too: a backend's words (a claim's badge, a channel) are said
    // when the conversation is read, so another language reads it again.
    let loaded = LocalResource::new({
        let (connector, id) = (connector.clone(), id.clone());
        move || {
            i18n.lang();
            let (connector, id) = (connector.clone(), id.clone());
            async move { connector.conversation(&id).await }
        }
    });
    // The conversation as it now is: loaded once, then as each write returns it.
    let current = RwSignal::new(None::<Conversation>);
    // The row changes in place; the list is not asked again (a close is one request, not
    // one per backend). A backend's total in the sidebar follows at its next poll.
    let apply = move |changed: Conversation| {
        rows.replace(&changed);
        current.set(Some(changed));
        counters.refetch();
    };
    // What screen readers hear after a change; focus goes where the change says.
    let announcement = RwSignal::new(String::new());
    let article = NodeRef::<html::Article>::new();
    // Opened from the list with the keyboard (focus is on its row as this view is made):
    // once loaded, reading goes on here, not in the list. Asked now, not when the
    // conversation arrives, when focus may already have moved.
    let focus_on_load = StoredValue::new(came_from_list());
    Effect::new(move |_| {
        if let Some(Ok(conversation)) = loaded.get() {
            apply(conversation);
            if focus_on_load.get_value() {
                focus_on_load.set_value(false);
                focus_when_shown(article, "conversation-customer");
            }
        }
    });
    let newest = LocalResource::new({
        let (connector, id) = (connector.clone(), id.clone());
        move || {
            let (connector, id) = (connector.clone(), id.clone());
            async move { connector.messages(&id, None, MESSAGE_PAGE_SIZE).await }
        }
    });
    arrivals::announce_arrivals(newest, announcement);
    // A write refused because a colleague changed it since it was read: said here, the
    // conversation read again, the agent decides again.
    let stale_notice = RwSignal::new(None::<String>);
    provide_context(Stale(Callback::new(move |said: String| {
        stale_notice.set(Some(said));
        loaded.refetch();
    })));
    let on_changed = Callback::new(move |changed: Changed| {
        stale_notice.set(None);
        // Where the thread is the history of changes (no replies), a change adds to it.
        let thread_is_history = !changed.conversation.capabilities.reply;
        apply(changed.conversation);
        announcement.set(changed.announce);
        focus_when_shown(article, changed.focus);
        if thread_is_history {
            newest.refetch();
        }
    });
    // Opening a conversation with unread messages reads them, where the backend keeps a
    // read state; once per visit, so "Mark unread" stays unread.
    // Input: (read, asked by the agent). Reading on open moves no focus and says nothing.
    let mark_asked = StoredValue::new(false);
    // Whether this visit has read on open already, or the agent marked it themself: then
    // nothing reads it again on its own (a "Mark unread" stays unread).
    let read_on_open = StoredValue::new(false);
    let mark_read = Action::new_local({
        let (connector, id) = (connector.clone(), id.clone());
        move |mark: &ReadMark| {
            mark_asked.set_value(mark.asked);
            if mark.asked {
                read_on_open.set_value(true);
            }
            let (connector, id, mark) = (connector.clone(), id.clone(), mark.clone());
            async move {
                let changed = connector.mark_read(&id, mark.read, &mark.shown).await;
                changed.map(|c| (c, mark))
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((conversation, ReadMark { read, asked, .. }))) = mark_read.value().get() {
            if asked {
                on_changed.run(Changed {
                    conversation,
                    focus: "toggle-read",
                    // Said once, in the language of the moment: a later switch of language
                    // must not run this again.
                    announce: text(
                        lang_now(),
                        if read {
                            msg!("conversation-marked-read")
                        } else {
                            msg!("conversation-marked-unread")
                        },
                    ),
                });
            } else {
                apply(conversation);
            }
            // The thread shows each message's read state: show the new one.
            newest.refetch();
        }
        // A refusal may still have changed some (a partial confirmation): show what is,
        // and keep the agent on the control they used, its report beside it.
        if let Some(Err(_)) = mark_read.value().get() {
            loaded.refetch();
            newest.refetch();
            if mark_asked.get_value() {
                focus_when_shown(article, "toggle-read");
            }
        }
    });

    // A sent reply: the newest messages again, and the conversation for its row (as the
    // reopen that went with it returned it, or read again).
    let on_sent = Callback::new(move |reopened: Option<Conversation>| {
        newest.refetch();
        match reopened {
            Some(conversation) => on_changed.run(Changed {
                conversation,
                focus: "reply-input",
                announce: text(lang_now(), msg!("conversation-reply-sent-reopened")),
            }),
            None => loaded.refetch(),
        }
    });

    // Live: when the inbox's poll brings this conversation with newer activity than the
    // one shown, the thread and the header are read again, in place.
    let listed = Memo::new({
        let key = ConversationKey::new(connector.name(), id.clone());
        move |_| rows.0.with(|inbox| inbox.get(&key).map(activity))
    });
    Effect::new(move |_| {
        let Some(listed) = listed.get() else { return };
        let shown = current.with_untracked(|c| c.as_ref().map(activity));
        if shown.is_some_and(|shown| shown != listed) {
            newest.refetch();
            loaded.refetch();
        }
    });

    // Older pages, loaded on demand and kept while newer ones reload.
    let older = RwSignal::new(Vec::<Message>::new());
    let older_cursor = RwSignal::new(None::<Cursor>);
    Effect::new(move |_| {
        if let Some(Ok(page)) = newest.get() {
            if older.with_untracked(Vec::is_empty) {
                older_cursor.set(page.next);
            }
        }
    });
    let load_older = Action::new_local({
        let (connector, id) = (connector.clone(), id.clone());
        move |cursor: &Cursor| {
            let (connector, id, cursor) = (connector.clone(), id.clone(), cursor.clone());
            async move {
                let loaded = connector
                    .messages(&id, Some(&cursor), MESSAGE_PAGE_SIZE)
                    .await?;
                older.update(|o| {
                    let mut merged = loaded.items.clone();
                    merged.append(o);
                    *o = merged;
                });
                older_cursor.set(loaded.next);
                Ok::<_, ApiError>(())
            }
        }
    });
    let older_error = move || match load_older.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    };

    // What the agent has in front of them, unread: what "Mark read" confirms.
    let shown_unread = Signal::derive(move || {
        let newest = match newest.get() {
            Some(Ok(page)) => page.items,
            _ => Vec::new(),
        };
        older.with(|older| unread_ids(&merge_thread(older, &newest)))
    });
    // Reading on open reads only what the agent saw: once the thread is on screen, in a
    // tab that shows (a conversation restored in a background tab waits for the agent),
    // and for a backend that reads message by message, only the unread ones shown.
    let page_shows = RwSignal::new(!document().hidden());
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        page_shows.set(!document().hidden());
    });
    on_cleanup(move || visibility.remove());
    Effect::new(move |_| {
        let Some(c) = current.get() else { return };
        // Unless the agent chose to mark read (confirm) only when they say so.
        let wanted = !read_on_open.get_value()
            && storage::read_on_open()
            && c.capabilities.mark_read
            && c.unread == Some(true);
        if !wanted || !page_shows.get() {
            return;
        }
        let Some(Ok(thread)) = newest.get() else {
            return;
        };
        let shown = shown_unread.get_untracked();
        let per_message = thread.items.iter().any(|m| m.read.is_some());
        if per_message && shown.is_empty() {
            return;
        }
        read_on_open.set_value(true);
        mark_read.dispatch(ReadMark {
            read: true,
            asked: false,
            shown,
        });
    });

    let scroller = NodeRef::<html::Div>::new();
    // Whether the agent reads the end of the thread: then new messages stay in view;
    // scrolled up to read older ones, nothing moves under them.
    let at_end = StoredValue::new(true);
    // Land on the newest message when the thread first arrives and after each reload.
    Effect::new(move |_| {
        if newest.get().is_some() && at_end.get_value() {
            // A frame later the page may be gone (a case no longer followed): `try_`.
            request_animation_frame(move || {
                if let Some(el) = scroller.try_get_untracked().flatten() {
                    el.set_scroll_top(el.scroll_height());
                }
            });
        }
    });

    // What the header shows, and only that: a reply that moves the last message must not
    // rebuild it under an agent who is choosing an assignee.
    let header = Memo::new(move |_| current.get().map(header_facts));
    let no_replies = connector.info().no_replies_reason;
    // The message a reply answers, shared by the thread and the reply box.
    provide_context(ReplyingTo::new(connector.info().replies_to_messages));
    // The reply being sent, shown at the end of the thread.
    provide_context(OutboxSlot::new());
    let blocked_reason = Signal::derive(move || match (current.get(), loaded.get()) {
        (Some(c), _) if !c.capabilities.reply => Some(text(i18n.lang(), no_replies)),
        (Some(_), _) => None,
        (None, Some(Err(_))) => Some(text(i18n.lang(), msg!("conversation-not-loaded"))),
        (None, _) => Some(text(i18n.lang(), msg!("conversation-reply-waits"))),
    });
    let status = Signal::derive(move || current.with(|c| c.as_ref().map(|c| c.status.clone())));
    let can_reopen =
        Signal::derive(move || current.with(|c| c.as_ref().is_some_and(|c| c.capabilities.reopen)));
    let recipients = Signal::derive(move || {
        current.with(|c| {
            c.as_ref()
                .map(|c| c.reply_recipients.clone())
                .unwrap_or_default()
        })
    });
    let retry = Callback::new(move |_| {
        loaded.refetch();
        newest.refetch();
    });
    let header_connector = connector.clone();
    // Where replies are not offered, the notice in the reply box's place (with the item in
    // the backend's own tool, where the team configured a link).
    let no_replies_notice = {
        let connector = connector.clone();
        move || {
            let elsewhere = current.with(|c| {
                c.as_ref()
                    .filter(|c| !c.capabilities.reply)
                    .map(|c| connector.open_elsewhere(c))
            })?;
            Some(view! { <NoReplies reason=no_replies elsewhere /> })
        }
    };

    let (loading_older, load_older_label) = (
        tr(msg!("thread-loading-older")),
        tr(msg!("thread-load-older")),
    );
    view! {
        <article class="conversation" data-testid="conversation" node_ref=article>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcement">{move || announcement.get()}</p>
            {move || stale_notice.get().map(|said| view! {
                <div class="notice stale" role="alert" data-testid="stale-notice">
                    <p>{said}</p>
                    <p>{tr(msg!("conversation-stale-hint"))}</p>
                    <button class="button ghost" type="button" on:click=move |_| stale_notice.set(None)>{tr(msg!("conversation-dismiss"))}</button>
                </div>
            })}
            {move || match (header.get(), loaded.get()) {
                (Some(c), _) => {
                    let connector = header_connector.clone();
                    view! { <ConversationHeader conversation=c connector agents on_changed mark_read shown_unread /> }.into_any()
                }
                (None, Some(Err(error))) => view! { <ErrorPanel error context=tr(msg!("conversation-not-loaded")) on_retry=retry /> }.into_any(),
                (None, _) => view! { <Loading label=tr(msg!("conversation-loading")) /> }.into_any(),
            }}
            <div
                class="thread-scroll"
                id="thread"
                tabindex="-1"
                node_ref=scroller
                on:scroll=move |_| {
                    if let Some(el) = scroller.get_untracked() {
                        at_end.set_value(el.scroll_height() - el.scroll_top() - el.client_height() < 48);
                    }
                }
            >
                <Transition fallback=|| view! { <Loading label=tr(msg!("thread-loading")) /> }>
                    {move || Suspend::new(async move {
                        // Empty when unknown: the thread names the customer in the reader's words.
                        let customer = loaded
                            .await
                            .map(|c| c.customer_display().to_owned())
                            .unwrap_or_default();
                        match newest.await {
                            Err(error) => view! { <ErrorPanel error context=tr(msg!("thread-not-loaded")) on_retry=retry /> }.into_any(),
                            Ok(page) => {
                                let has_older = move || older_cursor.with(Option::is_some);
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
                                                if let Some(cursor) = older_cursor.get_untracked() {
                                                    load_older.dispatch(cursor);
                                                }
                                            }
                                        >
                                            {move || if load_older.pending().get() { loading_older() } else { load_older_label() }}
                                        </button>
                                    </Show>
                                    {move || older_error().map(|error| view! { <ErrorPanel error context=tr(msg!("thread-older-not-loaded")) /> })}
                                    <Show when=empty>
                                        <EmptyState title=tr(msg!("thread-empty")) hint=tr(msg!("thread-empty-hint")) />
                                    </Show>
                                    <MessageThread messages customer=customer.clone() agents />
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
                <OutboxMessage />
            </div>
            {no_replies_notice}
            <ReplyBox connector conversation_id=id blocked_reason recipients status can_reopen on_sent />
        </article>
    }
}

/// How long a focus request waits for its control: polls of `FOCUS_POLL_MS`.
const FOCUS_POLLS: u32 = 100;
const FOCUS_POLL_MS: u32 = 20;

/// Focuses the control with this `data-testid` once the page shows the change. The
/// header is patched in the tasks that follow the change, so the first try waits one
/// timer tick, then tries again each tick until the control is there (two seconds at
/// most). Timers, not animation frames: a page that is not painting gets no frames.
fn focus_when_shown(article: NodeRef<html::Article>, test_id: &'static str) {
    leptos::task::spawn_local(async move {
        for _ in 0..FOCUS_POLLS {
            gloo_timers::future::TimeoutFuture::new(FOCUS_POLL_MS).await;
            if focus_in(article, test_id) {
                return;
            }
        }
    });
}

/// Focuses the control with this `data-testid` inside the conversation; `false` when it
/// is not on the page.
fn focus_in(article: NodeRef<html::Article>, test_id: &str) -> bool {
    article
        .try_get_untracked()
        .flatten()
        .and_then(|a| {
            a.query_selector(&format!("[data-testid='{test_id}']"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// A conversation without what its header does not show.
fn header_facts(mut conversation: Conversation) -> Conversation {
    conversation.last_message = None;
    conversation.last_activity = None;
    conversation.participants.clear();
    conversation
}

/// Whether focus is on a row of the list: the conversation was opened from it by keyboard.
fn came_from_list() -> bool {
    document()
        .active_element()
        .and_then(|el| el.get_attribute("data-testid"))
        .is_some_and(|id| id == "conversation-row")
}
