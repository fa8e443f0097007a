//! The left pane: the inbox's views and each backend's counts. Filters live in the URL so
//! a view can be bookmarked, shared and survives a reload (`inbox_filters`).

use crate::components::inbox_filters::{use_inbox_filters, InboxFilters};
use crate::connectors::ConversationBackend;
use crate::i18n::tr;
use crate::state::{CountersResource, CurrentAgent, DirectoryResource, InboxRows};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use switchboard_core::domain::{channel_word, AssigneeFilter, Conversation, StatusFilter};

/// What the sidebar counts over the loaded conversations, in one pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadedCounts {
    pub all: usize,
    pub mine: usize,
    pub unassigned: usize,
    pub unread: usize,
    /// Per backend name, in the order backends first appear.
    pub per_backend: Vec<(String, usize)>,
    /// Per channel, in the order channels first appear.
    pub per_channel: Vec<(String, usize)>,
}

impl LoadedCounts {
    pub fn of(conversations: &[Conversation], me: Option<&str>) -> Self {
        let mut counts = LoadedCounts {
            all: conversations.len(),
            ..Default::default()
        };
        for c in conversations {
            match c.assignee.as_deref() {
                None => counts.unassigned += 1,
                Some(who) if Some(who) == me => counts.mine += 1,
                Some(_) => {}
            }
            if c.unread == Some(true) {
                counts.unread += 1;
            }
            count_in(&mut counts.per_backend, &c.key.backend);
            if let Some(channel) = &c.channel {
                count_in(&mut counts.per_channel, channel);
            }
        }
        counts
    }

    fn for_assignee(&self, assignee: AssigneeFilter) -> usize {
        match assignee {
            AssigneeFilter::All => self.all,
            AssigneeFilter::Me => self.mine,
            AssigneeFilter::Unassigned => self.unassigned,
        }
    }
}

fn count_in(counts: &mut Vec<(String, usize)>, name: &str) {
    match counts.iter_mut().find(|(n, _)| n == name) {
        Some((_, n)) => *n += 1,
        None => counts.push((name.to_owned(), 1)),
    }
}

/// The counts of the rows loaded now: they change as the rows do (live, a write, a page).
fn use_loaded_counts() -> Memo<LoadedCounts> {
    let rows = use_context::<InboxRows>();
    let agent = use_context::<CurrentAgent>();
    Memo::new(move |_| {
        let me = agent.and_then(|a| a.id());
        rows.map(|r| {
            r.0.with(|i| LoadedCounts::of(&i.conversations, me.as_deref()))
        })
        .unwrap_or_default()
    })
}

#[component]
pub fn InboxViews() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let filters = use_inbox_filters();
    let location = use_location();
    let counts = use_loaded_counts();
    let assignee_links = AssigneeFilter::ALL
        .into_iter()
        .map(|assignee| {
            let href = move || {
                InboxFilters {
                    assignee,
                    ..filters.get()
                }
                .href_at(&location.pathname.get())
            };
            let current = move || (filters.with(|f| f.assignee == assignee)).then_some("page");
            view! {
                <li>
                    <a
                        href=href
                        aria-current=current
                        data-testid=format!("view-assignee-{}", assignee.token())
                    >
                        {move || assignee.label(i18n.lang())}
                        <span class="count" data-testid=format!("count-assignee-{}", assignee.token())>
                            {move || counts.with(|c| c.for_assignee(assignee))}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let status_links = StatusFilter::ALL
        .into_iter()
        .map(|status| {
            let href = move || {
                InboxFilters { status, ..filters.get() }.href_at(&location.pathname.get())
            };
            let current = move || (filters.with(|f| f.status == status)).then_some("page");
            view! {
                <li>
                    <a
                        href=href
                        aria-current=current
                        data-testid=format!("view-status-{}", status.token())
                    >
                        <span class=format!("dot status-{}", status.token()) aria-hidden="true"></span>
                        {move || status.label(i18n.lang())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="inbox-views" aria-label=tr("views-label")>
            <h2 class="views-heading" id="views-assignee">{tr("views-conversations")}</h2>
            <ul aria-labelledby="views-assignee">{assignee_links}</ul>
            <h2 class="views-heading" id="views-status">{tr("views-status")}</h2>
            <ul aria-labelledby="views-status">{status_links}</ul>
            <h2 class="views-heading" id="views-backend">{tr("views-backends")}</h2>
            <BackendViews filters counts />
            <ChannelViews filters counts />
            <p class="views-note">{tr("views-counts-note")}</p>
            <BackendCounts />
        </nav>
    }
}

/// Unread only, and one backend or all of them, each with its count of loaded rows.
#[component]
fn BackendViews(filters: Memo<InboxFilters>, counts: Memo<LoadedCounts>) -> impl IntoView {
    let location = use_location();
    let directory = use_context::<DirectoryResource>();
    let link = move |backend: Option<String>, label: Signal<String>, count: Signal<usize>| {
        let testid = format!("view-backend-{}", backend.as_deref().unwrap_or("all"));
        let current = {
            let backend = backend.clone();
            move || filters.with(|f| f.backend == backend).then_some("page")
        };
        let href = move || {
            InboxFilters {
                backend: backend.clone(),
                ..filters.get()
            }
            .href_at(&location.pathname.get())
        };
        view! {
            <li>
                <a href=href aria-current=current data-testid=testid>
                    {label}
                    <span class="count">{count}</span>
                </a>
            </li>
        }
    };
    let unread_href = move || {
        InboxFilters {
            unread: !filters.with(|f| f.unread),
            ..filters.get()
        }
        .href_at(&location.pathname.get())
    };
    let backends = move || {
        let known = directory
            .and_then(|d| d.get())
            .and_then(Result::ok)
            .map(|d| {
                d.connectors
                    .iter()
                    .map(|c| {
                        let name = c.name().to_owned();
                        let label = d
                            .backend(&name)
                            .map(|b| b.label.clone())
                            .unwrap_or_else(|| name.clone());
                        (name, label)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        known
            .into_iter()
            .map(|(name, label)| {
                let count = {
                    let name = name.clone();
                    Signal::derive(move || {
                        counts.with(|c| {
                            c.per_backend
                                .iter()
                                .find(|(b, _)| *b == name)
                                .map_or(0, |(_, n)| *n)
                        })
                    })
                };
                link(Some(name), Signal::stored(label), count)
            })
            .collect_view()
    };
    view! {
        <ul aria-labelledby="views-backend">
            <li>
                <a
                    href=unread_href
                    // A link's state is `aria-current` (`aria-pressed` is a button's).
                    aria-current=move || filters.with(|f| f.unread).then_some("true")
                    data-testid="view-unread"
                >
                    {tr("views-unread-only")}
                    <span class="count" data-testid="count-unread">{move || counts.with(|c| c.unread)}</span>
                </a>
            </li>
            {link(None, Signal::derive(tr("views-all-backends")), Signal::derive(move || counts.with(|c| c.all)))}
            {backends}
        </ul>
    }
}

/// The channels of the loaded conversations (Facebook, Email, a marketplace's sales
/// channel), each a view with its count; "All channels" when one is chosen.
#[component]
fn ChannelViews(filters: Memo<InboxFilters>, counts: Memo<LoadedCounts>) -> impl IntoView {
    let location = use_location();
    let href = move |channel: Option<String>| {
        InboxFilters {
            channel,
            ..filters.get()
        }
        .href_at(&location.pathname.get())
    };
    let i18n = crate::i18n::use_i18n();
    let channels = Memo::new(move |_| counts.with(|c| c.per_channel.clone()));
    move || {
        let listed = channels.get();
        let chosen = filters.with(|f| f.channel.clone());
        (!listed.is_empty() || chosen.is_some()).then(|| {
            let links = listed
                .into_iter()
                .map(|(channel, count)| {
                    let current = (chosen.as_deref() == Some(channel.as_str())).then_some("page");
                    let to = Some(channel.clone());
                    view! {
                        <li>
                            <a href=move || href(to.clone()) aria-current=current data-testid=format!("view-channel-{channel}")>
                                {let label = channel.clone(); move || channel_word(&label, i18n.lang())}
                                <span class="count">{count}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 class="views-heading" id="views-channel">{tr("views-channels")}</h2>
                <ul aria-labelledby="views-channel">
                    <li>
                        <a
                            href=move || href(None)
                            aria-current=chosen.is_none().then_some("page")
                            data-testid="view-channel-all"
                        >
                            {tr("views-all-channels")}
                        </a>
                    </li>
                    {links}
                </ul>
            }
        })
    }
}

/// Each backend's own counts ("Claims to treat"), refreshed after every change.
#[component]
fn BackendCounts() -> impl IntoView {
    // Mounted alone (in a test, on a page without backends), it shows nothing.
    let counters = use_context::<CountersResource>();
    let directory = use_context::<DirectoryResource>();
    let label = move |backend: &str| {
        directory
            .and_then(|d| d.get())
            .and_then(Result::ok)
            .and_then(|d| d.backend(backend).map(|b| b.label.clone()))
            .unwrap_or_else(|| backend.to_owned())
    };
    move || {
        let counts = counters.and_then(|c| c.get()).unwrap_or_default();
        (!counts.is_empty()).then(|| {
            let items = counts
                .into_iter()
                .map(|(backend, counter)| {
                    view! {
                        <li class="backend-count">
                            <span>{format!("{} · {}", label(&backend), counter.label)}</span>
                            <span class="count" data-testid=format!("count-{}", counter.token)>
                                {counter.count}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 class="views-heading" id="views-counts">{tr("views-to-treat")}</h2>
                <ul class="backend-counts" aria-labelledby="views-counts" aria-live="polite">{items}</ul>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loaded_counts_take_one_pass() {
        use switchboard_core::domain::{BackendKind, ConversationKey, ConversationStatus};
        let row = |backend: &str, id: &str, assignee: Option<&str>, unread: bool| Conversation {
            key: ConversationKey::new(backend, id),
            backend_kind: BackendKind::Communication,
            customer: id.into(),
            subject: None,
            reference: None,
            status: ConversationStatus::Open,
            assignee: assignee.map(str::to_owned),
            participants: Vec::new(),
            last_message: None,
            last_activity: None,
            capabilities: switchboard_core::wire::support_sessions::CAPABILITIES,
            customer_name: None,
            reason: None,
            badges: Vec::new(),
            unread: Some(unread),
            reply_recipients: Vec::new(),
            callback_phone: None,
            performer: None,
            assigned_to: None,
            other_fields: Vec::new(),
            channel: None,
        };
        let rows = [
            row("communication", "1", Some("me"), true),
            row("communication", "2", None, false),
            row("octopia", "3", Some("other"), true),
        ];
        let counts = LoadedCounts::of(&rows, Some("me"));
        assert_eq!(
            (counts.all, counts.mine, counts.unassigned, counts.unread),
            (3, 1, 1, 2)
        );
        assert_eq!(
            counts.per_backend,
            vec![("communication".to_owned(), 2), ("octopia".to_owned(), 1)]
        );
        let mut facebook = row("postcenter", "4", None, false);
        facebook.channel = Some("Facebook".into());
        let counts = LoadedCounts::of(&[facebook.clone(), facebook], None);
        assert_eq!(counts.per_channel, vec![("Facebook".to_owned(), 2)]);
    }
}
