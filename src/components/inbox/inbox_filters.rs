//! The inbox's filters and order as the URL holds them (`?assignee=me&status=open&q=…`,
//! `&overdue=1&sort=due`, `?snoozed=1`, `?label=…`): read once
//! per change of the URL, written back as links, so a view can be bookmarked, shared and
//! survives a reload, and changing it beside an open conversation keeps that open.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use switchboard_core::domain::{
    decode_percent, encode_path_segment, ActiveRange, AssigneeFilter, InboxSort, Refinement,
    StatusFilter,
};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxFilters {
    pub status: StatusFilter,
    pub assignee: AssigneeFilter,
    /// An order or trip reference to find (`?reference=...`).
    pub reference: Option<String>,
    /// One backend only (`?backend=octopia`): the rows loaded, narrowed at once.
    pub backend: Option<String>,
    /// One channel only (`?channel=Facebook`), applied in the page.
    pub channel: Option<String>,
    /// Only conversations with something unread (`?unread=1`), applied in the page.
    pub unread: bool,
    /// Only conversations whose answer is overdue (`?overdue=1`), applied in the page.
    pub overdue: bool,
    /// Only the snoozed conversations (`?snoozed=1`), which every other view leaves out.
    pub snoozed: bool,
    /// Only the conversations carrying one label (`?label=<id>`), applied in the page.
    pub label: Option<String>,
    /// Text over customer, subject, reference and last message (`?q=...`), in the page.
    pub text: Option<String>,
    /// Days of last activity (`?from=2026-03-01&until=2026-09-30`): asked of the backends
    /// that search by date, applied in the page to the others.
    pub active: Option<ActiveRange>,
    /// The order (`?sort=oldest`); absent, the backends' own: newest activity first.
    pub sort: InboxSort,
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
            params.push(format!("reference={}", encode_path_segment(reference)));
        }
        if let Some(backend) = &self.backend {
            params.push(format!("backend={}", encode_path_segment(backend)));
        }
        if let Some(channel) = &self.channel {
            params.push(format!("channel={}", encode_path_segment(channel)));
        }
        if self.unread {
            params.push("unread=1".to_owned());
        }
        if self.overdue {
            params.push("overdue=1".to_owned());
        }
        if self.snoozed {
            params.push("snoozed=1".to_owned());
        }
        if let Some(label) = &self.label {
            params.push(format!("label={}", encode_path_segment(label)));
        }
        if let Some(text) = &self.text {
            params.push(format!("q={}", encode_path_segment(text)));
        }
        if let Some(range) = &self.active {
            let (from, until) = range.tokens();
            params.push(format!("from={from}"));
            if let Some(until) = until {
                params.push(format!("until={until}"));
            }
        }
        if self.sort != InboxSort::default() {
            params.push(format!("sort={}", self.sort.token()));
        }
        if params.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", params.join("&"))
        }
    }

    /// What the page narrows the loaded rows to.
    pub fn refinement(&self) -> Refinement {
        Refinement {
            backend: self.backend.clone(),
            channel: self.channel.clone(),
            unread: self.unread,
            overdue: self.overdue,
            snoozed: self.snoozed,
            label: self.label.clone(),
            text: self.text.clone(),
            active: self.active,
        }
    }
}

/// The filters the URL holds now.
pub fn use_inbox_filters() -> Memo<InboxFilters> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| InboxFilters::read(|key| q.get_str(key))))
}

impl InboxFilters {
    /// The filters a query holds, each field read by `get` (the router's, or a saved
    /// view's query string).
    pub fn read<'a>(get: impl Fn(&str) -> Option<&'a str>) -> InboxFilters {
        InboxFilters {
            status: StatusFilter::parse(get("status")),
            assignee: AssigneeFilter::parse(get("assignee")),
            reference: non_empty(get("reference")),
            backend: non_empty(get("backend")),
            channel: non_empty(get("channel")),
            unread: matches!(get("unread"), Some("1" | "true")),
            overdue: matches!(get("overdue"), Some("1" | "true")),
            snoozed: matches!(get("snoozed"), Some("1" | "true")),
            label: non_empty(get("label")),
            // Kept as typed (spaces and all), so the field does not fight the agent.
            text: get("q").filter(|t| !t.trim().is_empty()).map(str::to_owned),
            active: ActiveRange::parse(get("from"), get("until")),
            sort: InboxSort::parse(get("sort")),
        }
    }

    /// The filters of a query string as `href` writes it (`status=open&q=refund%20asked`).
    pub fn of_query(query: &str) -> InboxFilters {
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                let decode = |t: &str| decode_percent(&t.replace('+', " "));
                (!key.is_empty()).then(|| (decode(key), decode(value)))
            })
            .collect();
        InboxFilters::read(|key| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        })
    }

    /// The query string `href` writes for these filters, without its `?`.
    pub fn query(&self) -> String {
        let href = self.href();
        href.split_once('?')
            .map(|(_, query)| query.to_owned())
            .unwrap_or_default()
    }
}

/// Puts filters in the URL at the current path, replacing rather than pushing the entry,
/// so Back does not replay each keystroke or pick of a field that filters as it changes.
pub fn use_replace_filters() -> impl Fn(InboxFilters) + Clone {
    let navigate = use_navigate();
    let location = use_location();
    move |filters: InboxFilters| {
        navigate(
            &filters.href_at(&location.pathname.get_untracked()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    }
}

fn non_empty(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
}

/// `path` followed by the current query string, whether or not the router kept its `?`.
pub fn with_search(path: &str, search: &str) -> String {
    match search {
        "" => path.to_owned(),
        s if s.starts_with('?') => format!("{path}{s}"),
        s => format!("{path}?{s}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_views_query_string_reads_back_as_the_same_filters() {
        let filters = InboxFilters {
            status: StatusFilter::Open,
            assignee: AssigneeFilter::Me,
            backend: Some("octopia".into()),
            text: Some("refund asked & more".into()),
            label: Some("6f1c1d1e-0000-4000-8000-000000000001".into()),
            sort: InboxSort::Due,
            overdue: true,
            ..Default::default()
        };
        assert_eq!(InboxFilters::of_query(&filters.query()), filters);
        assert_eq!(
            InboxFilters::of_query("?q=caf%C3%A9+cr%C3%A8me")
                .text
                .as_deref(),
            Some("café crème")
        );
        assert_eq!(
            InboxFilters::of_query("&&=x&status"),
            InboxFilters::default()
        );
    }

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
            ..Default::default()
        };
        assert_eq!(
            f.href(),
            "/?assignee=me&status=closed&reference=25%2011%2FA"
        );
        let narrowed = InboxFilters {
            backend: Some("octopia".into()),
            unread: true,
            text: Some("colis égaré".into()),
            ..Default::default()
        };
        assert_eq!(
            narrowed.href_at("/conversations/octopia/7"),
            "/conversations/octopia/7?backend=octopia&unread=1&q=colis%20%C3%A9gar%C3%A9"
        );
        let dated = InboxFilters {
            active: ActiveRange::parse(Some("2026-01-01"), Some("2026-09-30")),
            ..Default::default()
        };
        assert_eq!(dated.href(), "/?from=2026-01-01&until=2026-09-30");
        assert_eq!(dated.refinement().active, dated.active);
        let overdue = InboxFilters {
            overdue: true,
            sort: InboxSort::Due,
            ..Default::default()
        };
        assert_eq!(overdue.href(), "/?overdue=1&sort=due");
        assert!(overdue.refinement().overdue);
        let oldest = InboxFilters {
            status: StatusFilter::Open,
            sort: InboxSort::Oldest,
            ..Default::default()
        };
        assert_eq!(oldest.href(), "/?status=open&sort=oldest");
        let newest = InboxFilters {
            sort: InboxSort::Newest,
            ..oldest
        };
        assert_eq!(
            newest.href(),
            "/?status=open",
            "the default order is left out"
        );
    }
}
