//! The right pane: one conversation's header (customer, reference, reason, status,
//! assignee, read state), its thread with older messages on demand, and the reply box.
//! Writes return the conversation as it now is: the header and the inbox row take it as
//! it comes, nothing is fetched again.
//!
//! The view is assembled here from hooks kept beside it: the read state
//! ([`read_marks`]), older pages ([`older_pages`]), the thread's scroller
//! ([`thread_scroll`]), focus after a change ([`focus`]).

use crate::components::conversation::assignee_select::AssigneeKept;
use crate::components::conversation::change::{Changed, Stale};
use crate::components::conversation::conversation_header::ConversationHeader;
use crate::components::conversation::deadline::{thread_times, DeadlineLine};
use crate::components::conversation::labels::LabelLine;
use crate::components::conversation::no_replies::NoReplies;
use crate::components::conversation::notes::ConversationNotes;
use crate::components::conversation::outbox::OutboxSlot;
use crate::components::conversation::presence::{announce_presence, ConversationPresence};
use crate::components::conversation::reply_box::{
    ConversationFacts, Facts, ReplyBox, ShownConversation,
};
use crate::components::conversation::reply_context::ReplyingTo;
use crate::components::conversation::snooze::SnoozeLine;
use crate::components::inbox::mentions::see_mentions_of;
use crate::components::shell::feedback::{EmptyState, ErrorPanel, Loading};
use crate::connectors::Connector;
use crate::i18n::{lang_now, tr, tr_with, use_i18n, Args};
use crate::state::{CountersResource, DirectoryResource, InboxRows};
use focus::{came_from_list, focus_when_shown};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{Conversation, ConversationKey, Message, Page};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, Msg};
use thread_pages::{merge_thread, unread_ids};

mod arrivals;
pub mod focus;
mod follow_live;
mod older_pages;
mod read_marks;
#[cfg(test)]
mod test_messages;
mod thread_pages;
mod thread_scroll;

/// Messages fetched per page of the thread.
const MESSAGE_PAGE_SIZE: u32 = 30;

/// The thread's newest page, as the view keeps it.
type NewestPage = LocalResource<Result<Page<Message>, ApiError>>;

#[component]
pub fn ConversationPage() -> impl IntoView {
    let params = use_params_map();
    let directory = expect_context::<DirectoryResource>();
    see_mentions_of(
        Signal::derive(move || params.with(|p| p.get("backend").unwrap_or_default())),
        Signal::derive(move || params.with(|p| p.get("id").unwrap_or_default())),
    );
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

/// The conversation as loaded, then as each write returns it.
#[derive(Clone, Copy)]
struct Current {
    loaded: LocalResource<Result<Conversation, ApiError>>,
    /// The conversation as it now is: loaded once, then as each write returns it.
    conversation: RwSignal<Option<Conversation>>,
    rows: InboxRows,
    counters: CountersResource,
}

impl Current {
    /// The row changes in place; the list is not asked again (a close is one request, not
    /// one per backend). A backend's total in the sidebar follows at its next poll.
    fn apply(self, changed: Conversation) {
        self.rows.replace(&changed);
        self.conversation.set(Some(changed));
        self.counters.refetch();
    }
}

#[component]
fn ConversationView(connector: Connector, id: String, agents: Vec<Agent>) -> impl IntoView {
    let agents = Signal::stored(agents);
    // What screen readers hear after a change; focus goes where the change says.
    let announcement = RwSignal::new(String::new());
    let article = NodeRef::<html::Article>::new();
    let current = use_current(&connector, &id, article);
    let newest = newest_page(&connector, &id);
    arrivals::announce_arrivals(newest, announcement);
    let stale_notice = use_stale_notice(current.loaded);
    let on_changed = on_changed(current, newest, stale_notice, announcement, article);
    // The agent's own changes: a reply being written is now written against them.
    let own = RwSignal::new(0u64);
    let on_changed = Callback::new(move |changed: Changed| {
        own.update(|n| *n += 1);
        on_changed.run(changed);
    });
    // The assignee's unsaved choice and its write outlive the header's rebuilds.
    AssigneeKept::provide(connector.clone(), id.clone(), agents, on_changed);
    let marks = read_marks::use_read_marks(&connector, &id, current, newest, on_changed, article);
    let on_sent = on_sent(current, newest, on_changed);
    follow_live::follow_live(
        ConversationKey::new(connector.name(), id.clone()),
        current,
        newest,
    );
    let older = older_pages::use_older_pages(&connector, &id, newest);
    let shown_unread = shown_unread(newest, older);
    read_marks::read_on_open(current, newest, shown_unread, marks);

    // What the header shows, and only that: a reply that moves the last message must not
    // rebuild it under an agent who is choosing an assignee.
    let header = Memo::new(move |_| current.conversation.get().map(header_facts));
    // The message a reply answers, shared by the thread and the reply box.
    provide_context(ReplyingTo::new(connector.info().replies_to_messages));
    // The reply being sent, shown at the end of the thread.
    provide_context(OutboxSlot::new());
    // The team's internal notes, shown in the thread and added from the reply box.
    let notes = ConversationNotes::provide(connector.name(), &id);
    // What a reply is written against, for the box to ask before it goes when it moved on.
    let now = Memo::new(move |_| {
        let note_ids = notes
            .list
            .with(|l| l.iter().map(|n| n.id.clone()).collect());
        current
            .conversation
            .with(|c| Facts::of(c.as_ref(), note_ids))
    });
    provide_context(ConversationFacts {
        now: now.into(),
        own,
    });
    // Its fields fill a saved reply's variables.
    provide_context(ShownConversation(current.conversation.into()));
    // The time left to answer, from the backend's policy (the console's) and the thread.
    let thread = thread_times(newest);
    // Colleagues see that this agent is here, and whether they write.
    announce_presence(connector.name(), &id);
    let retry = Callback::new(move |_| {
        current.loaded.refetch();
        newest.refetch();
    });
    let header_connector = connector.clone();
    let mark_read = marks.mark_read;
    view! {
        <article class="conversation" data-testid="conversation" node_ref=article>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcement">{move || announcement.get()}</p>
            <StaleNotice notice=stale_notice />
            <ConversationPresence backend=connector.name().to_owned() id=id.clone() />
            <DeadlineLine backend=connector.name().to_owned() conversation=id.clone() thread />
            <SnoozeLine backend=connector.name().to_owned() conversation=id.clone() current=current.conversation />
            <LabelLine backend=connector.name().to_owned() conversation=id.clone() />
            {move || match (header.get(), current.loaded.get()) {
                (Some(c), _) => {
                    let connector = header_connector.clone();
                    view! { <ConversationHeader conversation=c connector agents on_changed mark_read shown_unread /> }.into_any()
                }
                (None, Some(Err(error))) => view! { <ErrorPanel error context=tr(msg!("conversation-not-loaded")) on_retry=retry /> }.into_any(),
                (None, _) => view! { <Loading label=tr(msg!("conversation-loading")) /> }.into_any(),
            }}
            <thread_scroll::ThreadScroll loaded=current.loaded newest older agents retry />
            <ReplySlot connector id current on_sent />
        </article>
    }
}

/// Loads the conversation (again in another language: a backend's words, a claim's badge
/// or a channel, are said when it is read) and applies it as it arrives.
fn use_current(connector: &Connector, id: &str, article: NodeRef<html::Article>) -> Current {
    let i18n = use_i18n();
    let loaded = LocalResource::new({
        let (connector, id) = (connector.clone(), id.to_owned());
        move || {
            i18n.lang();
            let (connector, id) = (connector.clone(), id.clone());
            async move { connector.conversation(&id).await }
        }
    });
    let current = Current {
        loaded,
        conversation: RwSignal::new(None),
        rows: expect_context::<InboxRows>(),
        counters: expect_context::<CountersResource>(),
    };
    // Opened from the list with the keyboard (focus is on its row as this view is made):
    // once loaded, reading goes on here, not in the list. Asked now, not when the
    // conversation arrives, when focus may already have moved.
    let focus_on_load = StoredValue::new(came_from_list());
    Effect::new(move |_| {
        if let Some(Ok(conversation)) = loaded.get() {
            current.apply(conversation);
            if focus_on_load.get_value() {
                focus_on_load.set_value(false);
                focus_when_shown(article, "conversation-customer");
            }
        }
    });
    current
}

/// The thread's newest page.
fn newest_page(connector: &Connector, id: &str) -> NewestPage {
    let (connector, id) = (connector.clone(), id.to_owned());
    LocalResource::new(move || {
        let (connector, id) = (connector.clone(), id.clone());
        async move { connector.messages(&id, None, MESSAGE_PAGE_SIZE).await }
    })
}

/// A write refused because a colleague changed it since it was read: said here, the
/// conversation read again, the agent decides again.
fn use_stale_notice(
    loaded: LocalResource<Result<Conversation, ApiError>>,
) -> RwSignal<Option<String>> {
    let stale_notice = RwSignal::new(None::<String>);
    provide_context(Stale(Callback::new(move |said: String| {
        stale_notice.set(Some(said));
        loaded.refetch();
    })));
    stale_notice
}

/// What follows a write that returned the conversation: the header and the row take it,
/// the change is said and focus goes where it says.
fn on_changed(
    current: Current,
    newest: NewestPage,
    stale_notice: RwSignal<Option<String>>,
    announcement: RwSignal<String>,
    article: NodeRef<html::Article>,
) -> Callback<Changed> {
    Callback::new(move |changed: Changed| {
        stale_notice.set(None);
        // Where the thread is the history of changes (no replies), a change adds to it.
        let thread_is_history = !changed.conversation.capabilities.reply;
        current.apply(changed.conversation);
        announcement.set(changed.announce);
        focus_when_shown(article, changed.focus);
        if thread_is_history {
            newest.refetch();
        }
    })
}

/// A sent reply: the newest messages again, and the conversation for its row (as the
/// reopen that went with it returned it, or read again).
fn on_sent(
    current: Current,
    newest: NewestPage,
    on_changed: Callback<Changed>,
) -> Callback<Option<Conversation>> {
    Callback::new(move |reopened: Option<Conversation>| {
        newest.refetch();
        match reopened {
            Some(conversation) => on_changed.run(Changed {
                conversation,
                focus: "reply-input",
                announce: text(lang_now(), msg!("conversation-reply-sent-reopened")),
            }),
            None => current.loaded.refetch(),
        }
    })
}

/// What the agent has in front of them, unread: what "Mark read" confirms.
fn shown_unread(newest: NewestPage, older: older_pages::OlderPages) -> Signal<Vec<String>> {
    Signal::derive(move || {
        let newest = match newest.get() {
            Some(Ok(page)) => page.items,
            _ => Vec::new(),
        };
        older
            .older
            .with(|older| unread_ids(&merge_thread(older, &newest)))
    })
}

/// A write refused as stale, said until the agent dismisses it or changes something.
#[component]
fn StaleNotice(notice: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        notice.get().map(|said| {
            view! {
                <div class="notice stale" role="alert" data-testid="stale-notice">
                    <p>{said}</p>
                    <p>{tr(msg!("conversation-stale-hint"))}</p>
                    <button class="button ghost" type="button" on:click=move |_| notice.set(None)>{tr(msg!("conversation-dismiss"))}</button>
                </div>
            }
        })
    }
}

/// Where the agent replies: the reply box, waiting or blocked with why, and where replies
/// are not offered, the notice in its place (with the item in the backend's own tool,
/// where the team configured a link).
#[component]
fn ReplySlot(
    connector: Connector,
    id: String,
    current: Current,
    on_sent: Callback<Option<Conversation>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let no_replies = connector.info().no_replies_reason;
    let conversation = current.conversation;
    let blocked_reason = Signal::derive(move || {
        let failed = matches!(current.loaded.get(), Some(Err(_)));
        conversation
            .with(|c| reply_blocked(c.as_ref(), failed, no_replies))
            .map(|why| text(i18n.lang(), why))
    });
    let status =
        Signal::derive(move || conversation.with(|c| c.as_ref().map(|c| c.status.clone())));
    let can_reopen = Signal::derive(move || {
        conversation.with(|c| c.as_ref().is_some_and(|c| c.capabilities.reopen))
    });
    let recipients = Signal::derive(move || {
        conversation.with(|c| {
            c.as_ref()
                .map(|c| c.reply_recipients.clone())
                .unwrap_or_default()
        })
    });
    let no_replies_notice = {
        let connector = connector.clone();
        move || {
            let elsewhere = conversation.with(|c| {
                c.as_ref()
                    .filter(|c| !c.capabilities.reply)
                    .map(|c| connector.open_elsewhere(c))
            })?;
            Some(view! { <NoReplies reason=no_replies elsewhere /> })
        }
    };
    view! {
        {no_replies_notice}
        <ReplyBox connector conversation_id=id blocked_reason recipients status can_reopen on_sent />
    }
}

/// Why the reply box waits, if it does: replies not offered here (`no_replies`, the
/// backend's words), the conversation not loaded, or not loaded yet.
fn reply_blocked(
    current: Option<&Conversation>,
    load_failed: bool,
    no_replies: Msg,
) -> Option<Msg> {
    match current {
        Some(c) if !c.capabilities.reply => Some(no_replies),
        Some(_) => None,
        None if load_failed => Some(msg!("conversation-not-loaded")),
        None => Some(msg!("conversation-reply-waits")),
    }
}

/// A conversation without what its header does not show.
fn header_facts(mut conversation: Conversation) -> Conversation {
    conversation.last_message = None;
    conversation.last_activity = None;
    conversation.participants.clear();
    conversation
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::domain::{BackendKind, ConversationStatus};

    fn conversation(reply: bool) -> Conversation {
        let mut capabilities = switchboard_core::wire::communication::CAPABILITIES;
        capabilities.reply = reply;
        Conversation::new(
            ConversationKey::new("communication", "1"),
            BackendKind::Communication,
            "ana@example.com",
            ConversationStatus::Open,
            capabilities,
        )
    }

    #[test]
    fn a_conversation_without_replies_says_why_in_the_backends_words() {
        let why = msg!("session-no-messages");
        assert_eq!(
            reply_blocked(Some(&conversation(false)), false, why),
            Some(why)
        );
        assert_eq!(
            reply_blocked(Some(&conversation(false)), true, why),
            Some(why)
        );
    }

    #[test]
    fn a_loaded_conversation_that_takes_replies_blocks_nothing() {
        let why = msg!("connector-no-replies");
        assert_eq!(reply_blocked(Some(&conversation(true)), true, why), None);
    }

    #[test]
    fn without_a_conversation_the_reply_says_it_failed_or_waits() {
        let why = msg!("connector-no-replies");
        assert_eq!(
            reply_blocked(None, true, why),
            Some(msg!("conversation-not-loaded"))
        );
        assert_eq!(
            reply_blocked(None, false, why),
            Some(msg!("conversation-reply-waits"))
        );
    }

    #[test]
    fn the_header_keeps_nothing_it_does_not_show() {
        let mut full = conversation(true);
        full.participants = vec!["ana".into()];
        full.last_activity = switchboard_core::wire::parse_instant("2026-01-01T10:00:00Z");
        let facts = header_facts(full.clone());
        assert!(facts.participants.is_empty() && facts.last_activity.is_none());
        assert_eq!(facts.customer, full.customer);
    }
}
