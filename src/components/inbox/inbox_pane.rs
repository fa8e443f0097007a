//! The inbox pane, the console's middle column: the view's title, the filter bar, and the
//! list with what it could not show (the one-off tools live in the command palette). It
//! loads the first page of every backend per view, each shown as it answers, and appends
//! further pages ([`pages`]); pages already shown are never fetched again.

mod header;
mod pages;

use header::InboxHeader;
use pages::{use_first_page, use_more_pages, warm_up_once_loaded, FirstPageFailure, FirstState};

use crate::components::inbox::conversation_list::ConversationList;
use crate::components::inbox::filter_bar::FilterBar;
use crate::components::inbox::inbox_filters::{use_inbox_filters, InboxFilters};
use crate::components::inbox::inbox_order::{use_refinement, use_shown_rows, SortedHere};
use crate::components::inbox::live;
use crate::components::inbox::selection::Selection;
use crate::components::inbox::snooze::SnoozeReturns;
use crate::components::inbox::text_filter::provide_typed_text;
use crate::components::shell::feedback::{EmptyState, ErrorPanel};
use crate::components::shell::later::{Later, OnFirstUse};
use crate::connectors::Inbox;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{CurrentAgent, DirectoryResource, InboxRows};
use leptos::prelude::*;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{AssigneeFilter, InboxQuery, InboxSort};
use switchboard_core::i18n::{text, text_with};

/// Conversations asked of each backend per "load more".
const INBOX_PAGE_SIZE: u32 = 50;

/// The query a view asks every backend. A backend's view is a narrowing of the rows
/// loaded (the page's refinement), never a new ask: its rows are usually there already,
/// and asking it alone would drop every other backend's rows and counts meanwhile.
fn query_for(filters: &InboxFilters, me: Option<String>) -> InboxQuery {
    InboxQuery {
        status: filters.status,
        assignee: filters.assignee,
        me,
        reference: filters.reference.clone(),
        backend: None,
        active: filters.active,
        page_size: INBOX_PAGE_SIZE,
    }
}

#[component]
pub fn InboxPane(agents: Signal<Vec<Agent>>) -> impl IntoView {
    let rows = expect_context::<InboxRows>();
    // The list narrows from the text as typed, the URL following once typing pauses.
    provide_typed_text();
    let filters = use_inbox_filters();
    let query = use_inbox_query(filters);
    let first = use_first_page(query, rows);
    let more = use_more_pages(query, rows);
    live::poll_backends(rows, query);
    forget_selection_on_new_view(filters);

    let retry = Callback::new(move |_| first.refetch());
    view! {
        <InboxHeader filters on_refresh=retry />
        <FilterBar />
        <FirstPageFailure first retry />
        <InboxBody rows agents more query retry first=FirstState::of(first, query) />
    }
}

/// A selection belongs to its view: another view (not another order of it) starts with none.
fn forget_selection_on_new_view(filters: Memo<InboxFilters>) {
    let Some(selection) = use_context::<Selection>() else {
        return;
    };
    let view = Memo::new(move |_| InboxFilters {
        sort: InboxSort::default(),
        ..filters.get()
    });
    Effect::new(move |before: Option<InboxFilters>| {
        let now = view.get();
        if before.is_some_and(|before| before != now) {
            selection.clear();
        }
        now
    });
}

/// The query the view in the URL asks every backend (the bulk bar loads the rest of the
/// view with it).
pub fn use_view_query() -> Memo<InboxQuery> {
    use_inbox_query(use_inbox_filters())
}

/// The query the view asks. Who I am matters only to "Mine": signing in again must not
/// reload other views.
fn use_inbox_query(filters: Memo<InboxFilters>) -> Memo<InboxQuery> {
    let current_agent = expect_context::<CurrentAgent>();
    Memo::new(move |_| {
        let filters = filters.get();
        let me = if filters.assignee == AssigneeFilter::Me {
            current_agent.id()
        } else {
            current_agent.id_untracked()
        };
        query_for(&filters, me)
    })
}

/// The list and what it could not show: failed backends, unreadable records, filters a
/// backend could not apply itself, and what the page itself narrows or orders.
#[component]
fn InboxBody(
    rows: InboxRows,
    agents: Signal<Vec<Agent>>,
    more: Action<InboxQuery, Option<(Inbox, InboxQuery)>>,
    query: Memo<InboxQuery>,
    retry: Callback<()>,
    /// Where the view's first page stands: until it has come there is nothing to count.
    first: Memo<FirstState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let loaded = Signal::derive(move || first.get() == FirstState::Loaded);
    warm_up_once_loaded(loaded);
    let filters = use_inbox_filters();
    let refinement = use_refinement(filters);
    let shown = use_shown_rows(rows, filters, refinement);
    let count = move || shown.with(Vec::len);
    let has_more = move || rows.0.with(Inbox::has_more);
    let near_end = Callback::new(move |()| {
        let sort = filters.with_untracked(|f| f.sort);
        let pending = more.pending().get_untracked();
        if pages_near_end(sort, pending, rows.0.with_untracked(Inbox::has_more)) {
            more.dispatch(query.get_untracked());
        }
    });
    let here = move || {
        let parts = refinement.with(|r| r.applied_here());
        (!parts.is_empty()).then(|| {
            view! {
                <p class="notice" data-testid="refined-here">
                    {move || {
                        let lang = i18n.lang();
                        let parts = parts.iter().map(|part| applied_part(lang, part)).collect::<Vec<_>>();
                        text_with(
                            lang,
                            msg!("inbox-filtered-here"),
                            &Args::new()
                                .str("parts", joined(lang, msg!("filter-parts-and"), parts))
                                .num("count", rows.0.with(|i| i.conversations.len())),
                        )
                    }}
                </p>
            }
        })
    };
    view! {
        <InboxNotices rows retry />
        {here}
        <SortedHere rows />
        <SnoozeReturns />
        <BulkSlot />
        <EmptyView loaded count=Signal::derive(count) query />
        // One line, loading then counting: the rows below it stay where they are.
        <p class="list-count" class:hidden=move || first.get() == FirstState::Failed>
            <span class="list-loading" role="status" data-testid="loading" class:hidden=move || first.get() != FirstState::Loading>
                <span class="spinner" aria-hidden="true"></span>
                {tr(msg!("inbox-loading"))}
            </span>
            <span data-testid="inbox-count" class:hidden=move || !loaded.get()>
                {move || {
                    let id = if has_more() { msg!("inbox-count-loaded") } else { msg!("inbox-count") };
                    text_with(i18n.lang(), id, &Args::new().num("count", count()))
                }}
            </span>
        </p>
        <ConversationList rows shown agents on_near_end=near_end />
        <Show when=has_more>
            <button
                class="button load-more"
                type="button"
                data-testid="load-more"
                disabled=move || more.pending().get()
                on:click=move |_| {
                    more.dispatch(query.get_untracked());
                }
            >
                {move || text(i18n.lang(), if more.pending().get() { msg!("inbox-loading-more") } else { msg!("inbox-load-more") })}
            </button>
        </Show>
    }
}

/// Where the bulk bar shows, once a row is picked: it arrives then, a part of its own.
#[component]
fn BulkSlot() -> impl IntoView {
    let later = use_context::<Later>();
    let selection = use_context::<Selection>();
    later.zip(selection).and_then(|(later, selection)| {
        later.bulk_bar.map(|part| {
            view! { <OnFirstUse wanted=Signal::derive(move || !selection.is_empty()) part /> }
        })
    })
}

/// What the inbox could not show: failed backends (their rows, if any, are marked stale),
/// unreadable records, filters a backend could not apply itself.
#[component]
fn InboxNotices(rows: InboxRows, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let directory = expect_context::<DirectoryResource>();
    let known = move || directory.get().and_then(Result::ok);
    let label = move |backend: &str| {
        known()
            .and_then(|d| d.backend(backend).map(|b| b.kind.label(i18n.lang())))
            .unwrap_or_else(|| backend.to_owned())
    };
    let notices = move || {
        let (failures, filtered, none_here, unreadable) = rows.0.with(|inbox| {
            (
                inbox.failures.clone(),
                inbox.filtered_here.clone(),
                inbox.none_here.clone(),
                inbox.unreadable,
            )
        });
        let none_here = none_here
            .into_iter()
            .map(|(backend, why)| {
                view! {
                    <p class="notice" data-testid="none-here">
                        {move || text_with(
                            i18n.lang(),
                            msg!("inbox-none-in-view"),
                            &Args::new().str("backend", label(&backend)).str("reason", why.clone()),
                        )}
                    </p>
                }
            })
            .collect_view();
        let failures = failures
            .into_iter()
            .map(|(backend, error)| {
                let context = move || {
                    text_with(
                        i18n.lang(),
                        msg!("inbox-backend-failed"),
                        &Args::new().str("backend", label(&backend)),
                    )
                };
                view! { <ErrorPanel error context on_retry=retry /> }
            })
            .collect_view();
        let filtered = filtered
            .into_iter()
            .map(|(backend, parts)| {
                view! {
                    <p class="notice" data-testid="filtered-here">
                        {move || {
                            let lang = i18n.lang();
                            text_with(
                                lang,
                                msg!("inbox-backend-filtered-here"),
                                &Args::new()
                                    .str("backend", label(&backend))
                                    .str("parts", joined(lang, msg!("filter-parts-or"), parts.clone())),
                            )
                        }}
                    </p>
                }
            })
            .collect_view();
        let unreadable = (unreadable > 0).then(|| {
            view! {
                <p class="notice" role="status">
                    {move || text_with(i18n.lang(), msg!("inbox-unreadable"), &Args::new().num("count", unreadable))}
                </p>
            }
        });
        (failures, filtered, none_here, unreadable)
    };
    let unsupported = move || {
        known().map(|d| {
            d.unsupported()
                .map(|b| {
                    let backend = b.label.clone();
                    view! {
                        <p class="notice">
                            {move || text_with(
                                i18n.lang(),
                                msg!("inbox-backend-unsupported"),
                                &Args::new().str("backend", backend.clone()),
                            )}
                        </p>
                    }
                })
                .collect_view()
        })
    };
    view! { {notices} {unsupported} }
}

/// Said when a loaded view shows nothing.
#[component]
fn EmptyView(loaded: Signal<bool>, count: Signal<usize>, query: Memo<InboxQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let current_agent = expect_context::<CurrentAgent>();
    move || {
        (loaded.get() && count.get() == 0).then(|| {
            let hint = match query.with(|q| q.assignee) {
                AssigneeFilter::Me if current_agent.id().is_none() => msg!("inbox-empty-signed-out"),
                AssigneeFilter::Me => msg!("inbox-empty-mine"),
                _ => msg!("inbox-empty-other-view"),
            };
            view! {
                <EmptyState title=tr(msg!("inbox-empty-title")) hint=move || text(i18n.lang(), hint) />
            }
        })
    }
}

/// A part of the view the page narrows itself ([`Refinement::applied_here`]), in words.
///
/// [`Refinement::applied_here`]: switchboard_core::domain::Refinement::applied_here
fn applied_part(lang: crate::i18n::Lang, part: &str) -> String {
    let id = match part {
        "channel" => msg!("filter-part-channel"),
        "unread" => msg!("filter-part-unread"),
        "overdue" => msg!("filter-part-overdue"),
        "snoozed" => msg!("filter-part-snoozed"),
        "label" => msg!("filter-part-label"),
        "activity dates" => msg!("filter-part-activity-dates"),
        "text" => msg!("filter-part-text"),
        other => return other.to_owned(),
    };
    text(lang, id)
}

/// Items in one phrase, each pair joined by the message `id` ("a and b", "a or b").
fn joined(lang: crate::i18n::Lang, id: crate::i18n::Msg, parts: Vec<String>) -> String {
    parts
        .into_iter()
        .reduce(|first, second| {
            text_with(
                lang,
                id,
                &Args::new().str("first", first).str("second", second),
            )
        })
        .unwrap_or_default()
}

/// Whether reaching the list's end asks for the next page: only in the backends' own
/// order. In another, an older page lands above the reader, who stays near the end and
/// would pull in every page unseen; "Load more" asks for them there.
fn pages_near_end(sort: InboxSort, pending: bool, has_more: bool) -> bool {
    sort.is_backends_order() && !pending && has_more
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_backends_order_pages_as_the_list_ends() {
        assert!(pages_near_end(InboxSort::Newest, false, true));
        assert!(!pages_near_end(InboxSort::Oldest, false, true));
        assert!(!pages_near_end(InboxSort::Newest, true, true));
        assert!(!pages_near_end(InboxSort::Newest, false, false));
    }
}
