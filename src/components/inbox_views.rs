//! The left pane: the inbox's views and each backend's counts. Filters live in the URL so
//! a view can be bookmarked, shared and survives a reload.

use crate::state::{CountersResource, DirectoryResource};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use switchboard_core::domain::{AssigneeFilter, StatusFilter};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxFilters {
    pub status: StatusFilter,
    pub assignee: AssigneeFilter,
    /// An order or trip reference to find (`?reference=...`).
    pub reference: Option<String>,
}

impl InboxFilters {
    /// The console's root URL for these filters; defaults are left out.
    pub fn href(&self) -> String {
        self.href_at("/")
    }

    /// `path` with these filters: a view changed beside an open conversation keeps it open.
    pub fn href_at(&self, path: &str) -> String {
        let mut params = Vec::new();
        if self.assignee != AssigneeFilter::All {
            params.push(format!("assignee={}", self.assignee.token()));
        }
        if self.status != StatusFilter::All {
            params.push(format!("status={}", self.status.token()));
        }
        if let Some(reference) = &self.reference {
            params.push(format!(
                "reference={}",
                switchboard_core::domain::encode_path_segment(reference)
            ));
        }
        if params.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", params.join("&"))
        }
    }
}

/// The filters the URL holds now.
pub fn use_inbox_filters() -> Memo<InboxFilters> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| InboxFilters {
            status: StatusFilter::parse(q.get_str("status")),
            assignee: AssigneeFilter::parse(q.get_str("assignee")),
            reference: q
                .get_str("reference")
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned),
        })
    })
}

/// `path` followed by the current query string, whether or not the router kept its `?`.
pub fn with_search(path: &str, search: &str) -> String {
    match search {
        "" => path.to_owned(),
        s if s.starts_with('?') => format!("{path}{s}"),
        s => format!("{path}?{s}"),
    }
}

#[component]
pub fn InboxViews() -> impl IntoView {
    let filters = use_inbox_filters();
    let location = use_location();
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
                        {assignee.label()}
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
                        {status.label()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="inbox-views" aria-label="Inbox views">
            <h2 class="views-heading" id="views-assignee">"Conversations"</h2>
            <ul aria-labelledby="views-assignee">{assignee_links}</ul>
            <h2 class="views-heading" id="views-status">"Status"</h2>
            <ul aria-labelledby="views-status">{status_links}</ul>
            <BackendCounts />
        </nav>
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
                <h2 class="views-heading" id="views-counts">"To treat"</h2>
                <ul class="backend-counts" aria-labelledby="views-counts" aria-live="polite">{items}</ul>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_keep_the_query_with_or_without_its_question_mark() {
        assert_eq!(with_search("/", ""), "/");
        assert_eq!(with_search("/", "?status=open"), "/?status=open");
        assert_eq!(with_search("/c/x", "status=open"), "/c/x?status=open");
    }

    #[test]
    fn hrefs_leave_defaults_out() {
        assert_eq!(InboxFilters::default().href(), "/");
        let f = InboxFilters {
            status: StatusFilter::Closed,
            assignee: AssigneeFilter::Me,
            reference: Some("25 11/A".into()),
        };
        assert_eq!(
            f.href(),
            "/?assignee=me&status=closed&reference=25%2011%2FA"
        );
    }
}
