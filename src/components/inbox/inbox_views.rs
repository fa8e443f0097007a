//! The left pane: the inbox's views and each backend's counts. Filters live in the URL so
//! a view can be bookmarked, shared and survives a reload (`inbox_filters`); what each
//! count rests on (a backend's total, or the rows loaded) is `view_counts`'.

use crate::components::inbox::deadlines::RowDues;
use crate::components::inbox::inbox_filters::{use_inbox_filters, InboxFilters};
use crate::components::inbox::labels::LabelViews;
use crate::components::inbox::mentions::MentionsLink;
use crate::components::inbox::saved_views::SavedViewLinks;
use crate::components::inbox::snooze::SnoozeState;
use crate::components::inbox::view_counts::{CountBadge, Tally, ViewCounts};
use crate::connectors::Inbox;
use crate::i18n::tr;
use crate::state::{CountersResource, CurrentAgent, DirectoryResource, InboxRows};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use switchboard_core::domain::{channel_word, AssigneeFilter, InboxSort, StatusFilter};

/// The sidebar's counts: they change as the rows do (live, a write, a page).
fn use_view_counts() -> Memo<ViewCounts> {
    let rows = use_context::<InboxRows>();
    let agent = use_context::<CurrentAgent>();
    let filters = use_inbox_filters();
    Memo::new(move |_| {
        let me = agent.and_then(|a| a.id());
        // The last-activity filter narrows the counts as it narrows the list.
        let active = filters.with(|f| f.active);
        rows.map(|r| r.0.with(|i| ViewCounts::of(i, me.as_deref(), active)))
            .unwrap_or_default()
    })
}

#[component]
pub fn InboxViews() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let filters = use_inbox_filters();
    let location = use_location();
    let counts = use_view_counts();
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
                        <CountBadge
                            tally=Signal::derive(move || counts.with(|c| c.for_assignee(assignee)))
                            testid=format!("count-assignee-{}", assignee.token())
                        />
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
        <nav class="inbox-views" aria-label=tr(msg!("views-label"))>
            <h2 class="views-heading" id="views-assignee">{tr(msg!("views-conversations"))}</h2>
            <ul aria-labelledby="views-assignee">{assignee_links}<OverdueLink filters /><SnoozedLink filters /><MentionsLink /></ul>
            <h2 class="views-heading" id="views-status">{tr(msg!("views-status"))}</h2>
            <ul aria-labelledby="views-status">{status_links}</ul>
            <SavedViewLinks filters />
            <LabelViews filters />
            <h2 class="views-heading" id="views-backend">{tr(msg!("views-backends"))}</h2>
            <BackendViews filters counts />
            <ChannelViews filters counts />
            <p class="views-note" data-testid="views-counts-note">{tr(msg!("views-counts-note"))}</p>
            <BackendCounts />
        </nav>
    }
}

/// The Overdue view, the most urgent first, with how many loaded conversations are overdue
/// now; a second press leaves it (its state is the link's `aria-current`).
#[component]
fn OverdueLink(filters: Memo<InboxFilters>) -> impl IntoView {
    let location = use_location();
    let dues = use_context::<RowDues>();
    let rows = use_context::<InboxRows>();
    let href = move || {
        let current = filters.get();
        let overdue = !current.overdue;
        let sort = match current.sort {
            InboxSort::Newest if overdue => InboxSort::Due,
            sort => sort,
        };
        InboxFilters {
            overdue,
            sort,
            ..current
        }
        .href_at(&location.pathname.get())
    };
    let tally = Signal::derive(move || {
        let count = dues.map_or(0, |d| d.overdue_count());
        let more = rows.is_some_and(|r| r.0.with(Inbox::has_more));
        Tally::loaded(count, more)
    });
    view! {
        <li>
            <a
                href=href
                aria-current=move || filters.with(|f| f.overdue).then_some("true")
                data-testid="view-overdue"
            >
                <span class="views-mark" aria-hidden="true">"⚠"</span>
                {tr(msg!("views-overdue"))}
                <CountBadge tally testid="count-overdue" />
            </a>
        </li>
    }
}

/// The Snoozed view: the conversations every other view leaves out until their time, with
/// how many of those loaded are snoozed; a second press leaves it.
#[component]
fn SnoozedLink(filters: Memo<InboxFilters>) -> impl IntoView {
    let location = use_location();
    let snoozes = use_context::<SnoozeState>();
    let rows = use_context::<InboxRows>();
    let href = move || {
        let current = filters.get();
        InboxFilters {
            snoozed: !current.snoozed,
            ..current
        }
        .href_at(&location.pathname.get())
    };
    let tally = Signal::derive(move || {
        let count = snoozes.map_or(0, |s| s.count());
        let more = rows.is_some_and(|r| r.0.with(Inbox::has_more));
        Tally::loaded(count, more)
    });
    view! {
        <li>
            <a
                href=href
                aria-current=move || filters.with(|f| f.snoozed).then_some("true")
                data-testid="view-snoozed"
            >
                <span class="views-mark" aria-hidden="true">"💤"</span>
                {tr(msg!("views-snoozed"))}
                <CountBadge tally testid="count-snoozed" />
            </a>
        </li>
    }
}

/// Unread only, and one backend or all of them, each with its count.
#[component]
fn BackendViews(filters: Memo<InboxFilters>, counts: Memo<ViewCounts>) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let location = use_location();
    let directory = use_context::<DirectoryResource>();
    let link = move |backend: Option<String>, label: Signal<String>, count: Signal<Tally>| {
        let name = backend.as_deref().unwrap_or("all");
        let (testid, count_testid) = (
            format!("view-backend-{name}"),
            format!("count-backend-{name}"),
        );
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
                    <CountBadge tally=count testid=count_testid />
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
                        let kind = d.backend(&name).map(|b| b.kind);
                        (name, kind)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        known
            .into_iter()
            .map(|(name, kind)| {
                let count = {
                    let name = name.clone();
                    Signal::derive(move || counts.with(|c| c.for_backend(&name)))
                };
                // The backend's name in the reader's language, as its badges say it.
                let label = {
                    let name = name.clone();
                    Signal::derive(move || {
                        kind.map_or_else(|| name.clone(), |k| k.label(i18n.lang()))
                    })
                };
                link(Some(name), label, count)
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
                    {tr(msg!("views-unread-only"))}
                    <CountBadge tally=Signal::derive(move || counts.with(|c| c.unread)) testid="count-unread" />
                </a>
            </li>
            {link(None, Signal::derive(tr(msg!("views-all-backends"))), Signal::derive(move || counts.with(|c| c.all)))}
            {backends}
        </ul>
    }
}

/// The channels of the loaded conversations (Facebook, Email, a marketplace's sales
/// channel), each a view with its count; "All channels" when one is chosen.
#[component]
fn ChannelViews(filters: Memo<InboxFilters>, counts: Memo<ViewCounts>) -> impl IntoView {
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
                                <CountBadge tally=count testid=format!("count-channel-{channel}") />
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 class="views-heading" id="views-channel">{tr(msg!("views-channels"))}</h2>
                <ul aria-labelledby="views-channel">
                    <li>
                        <a
                            href=move || href(None)
                            aria-current=chosen.is_none().then_some("page")
                            data-testid="view-channel-all"
                        >
                            {tr(msg!("views-all-channels"))}
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
    let i18n = crate::i18n::use_i18n();
    let label = move |backend: &str| {
        directory
            .and_then(|d| d.get())
            .and_then(Result::ok)
            .and_then(|d| d.backend(backend).map(|b| b.kind.label(i18n.lang())))
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
                <h2 class="views-heading" id="views-counts">{tr(msg!("views-to-treat"))}</h2>
                <ul class="backend-counts" aria-labelledby="views-counts" aria-live="polite">{items}</ul>
            }
        })
    }
}
