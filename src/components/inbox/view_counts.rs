//! What the sidebar's counts say, and how sure each is. A backend's count is its own
//! total where its first page gave one ([`Inbox::total`]); otherwise, and for mine,
//! unassigned, unread and the channels, which no backend totals, it is the rows loaded
//! now, marked as a lower bound ("40+", said "40 loaded, more to load") while more
//! pages wait. A count never claims more than the console knows.

use crate::connectors::Inbox;
use crate::i18n::{use_i18n, Args};
use leptos::prelude::*;
use std::sync::Arc;
use switchboard_core::domain::{ActiveRange, AssigneeFilter, Conversation};
use switchboard_core::i18n::text_with;

/// One count and what it rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tally {
    /// The backend's own total (or the sum of every backend's).
    Total(u64),
    /// The rows loaded, and there are no more to load.
    Loaded(u64),
    /// The rows loaded so far: more pages wait, so there may be more.
    Partial(u64),
}

impl Tally {
    /// `count` loaded rows, a lower bound while `more` pages wait.
    pub fn loaded(count: usize, more: bool) -> Self {
        if more {
            Tally::Partial(count as u64)
        } else {
            Tally::Loaded(count as u64)
        }
    }

    pub fn count(self) -> u64 {
        match self {
            Tally::Total(n) | Tally::Loaded(n) | Tally::Partial(n) => n,
        }
    }

    /// Whether the count is all there is (a total, or everything loaded).
    pub fn is_exact(self) -> bool {
        !matches!(self, Tally::Partial(_))
    }
}

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
    pub fn of<'a>(
        conversations: impl IntoIterator<Item = &'a Conversation>,
        me: Option<&str>,
    ) -> Self {
        let mut counts = LoadedCounts::default();
        for c in conversations {
            counts.all += 1;
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
}

fn count_in(counts: &mut Vec<(String, usize)>, name: &str) {
    match counts.iter_mut().find(|(n, _)| n == name) {
        Some((_, n)) => *n += 1,
        None => counts.push((name.to_owned(), 1)),
    }
}

/// The sidebar's counts, each with what it rests on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewCounts {
    /// Every backend's: the sum of their totals when each has one (and none failed),
    /// else the rows loaded.
    pub all: Tally,
    pub mine: Tally,
    pub unassigned: Tally,
    pub unread: Tally,
    /// Per backend name: those with rows first, in the order they appear, then those
    /// with only a total or a next page.
    pub per_backend: Vec<(String, Tally)>,
    pub per_channel: Vec<(String, Tally)>,
}

impl Default for Tally {
    fn default() -> Self {
        Tally::Loaded(0)
    }
}

impl ViewCounts {
    /// The counts of `inbox`; with a last-activity range, the rows loaded are counted
    /// within it (a backend's own totals already answered for it, or were dropped).
    pub fn of(inbox: &Inbox, me: Option<&str>, active: Option<ActiveRange>) -> Self {
        let loaded = LoadedCounts::of(
            inbox
                .conversations
                .iter()
                .map(Arc::as_ref)
                .filter(|c| active.is_none_or(|range| range.admits(c.last_activity))),
            me,
        );
        let more = inbox.has_more();
        let mut names: Vec<&str> = loaded.per_backend.iter().map(|(n, _)| n.as_str()).collect();
        for name in inbox
            .totals
            .iter()
            .map(|(n, _)| n)
            .chain(inbox.cursors.iter().map(|(n, _)| n))
        {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        let per_backend: Vec<(String, Tally)> = names
            .into_iter()
            .map(|name| {
                let rows = loaded
                    .per_backend
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(0, |(_, n)| *n);
                // A total is the backend's word as of its last answer: never fewer than
                // the rows listed for it (a followed item, a row the poll has not
                // dropped), and only a lower bound once its latest poll failed.
                let failed = inbox.failures.iter().any(|(n, _)| n == name);
                let tally = match inbox.total(name) {
                    Some(total) if !failed => Tally::Total(total.max(rows as u64)),
                    Some(total) => Tally::Partial(total.max(rows as u64)),
                    None => Tally::loaded(rows, inbox.has_more_of(name)),
                };
                (name.to_owned(), tally)
            })
            .collect();
        let exact = inbox.failures.is_empty() && per_backend.iter().all(|(_, t)| t.is_exact());
        let all = if exact
            && per_backend
                .iter()
                .any(|(_, t)| matches!(t, Tally::Total(_)))
        {
            Tally::Total(per_backend.iter().map(|(_, t)| t.count()).sum())
        } else {
            Tally::loaded(loaded.all, more)
        };
        ViewCounts {
            all,
            mine: Tally::loaded(loaded.mine, more),
            unassigned: Tally::loaded(loaded.unassigned, more),
            unread: Tally::loaded(loaded.unread, more),
            per_backend,
            per_channel: loaded
                .per_channel
                .into_iter()
                .map(|(channel, n)| (channel, Tally::loaded(n, more)))
                .collect(),
        }
    }

    /// The count beside an assignee's view: for All, the backends' totals where each
    /// has one; for Mine and Unassigned, the rows loaded.
    pub fn for_assignee(&self, assignee: AssigneeFilter) -> Tally {
        match assignee {
            AssigneeFilter::All => self.all,
            AssigneeFilter::Me => self.mine,
            AssigneeFilter::Unassigned => self.unassigned,
        }
    }

    /// A backend's count; one with nothing loaded and nothing said has none.
    pub fn for_backend(&self, name: &str) -> Tally {
        self.per_backend
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Tally::Loaded(0), |(_, t)| *t)
    }
}

/// A count as the sidebar shows it: the number, with "+" and words for screen readers
/// ("40 loaded, more to load") when it is a lower bound.
#[component]
pub fn CountBadge(
    #[prop(into)] tally: Signal<Tally>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="count" data-testid=testid>
            {move || match tally.get() {
                Tally::Partial(n) => {
                    let args = Args::new().num("count", n);
                    let lang = i18n.lang();
                    view! {
                        <span aria-hidden="true">{text_with(lang, msg!("views-count-partial"), &args)}</span>
                        <span class="visually-hidden">{text_with(lang, msg!("views-count-partial-label"), &args)}</span>
                    }
                    .into_any()
                }
                exact => exact.count().to_string().into_any(),
            }}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::Inbox;
    use switchboard_core::domain::{BackendKind, ConversationKey, ConversationStatus, Cursor};
    use switchboard_core::error::ApiError;

    fn row(backend: &str, id: &str, assignee: Option<&str>, unread: bool) -> Conversation {
        Conversation {
            assignee: assignee.map(str::to_owned),
            unread: Some(unread),
            ..Conversation::new(
                ConversationKey::new(backend, id),
                BackendKind::Communication,
                id,
                ConversationStatus::Open,
                switchboard_core::wire::support_sessions::CAPABILITIES,
            )
        }
    }

    #[test]
    fn loaded_counts_take_one_pass() {
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

    /// Communication said 120 in all; Octopia has more pages and said nothing; PostCenter
    /// is wholly loaded.
    fn inbox() -> Inbox {
        Inbox {
            conversations: vec![
                row("communication", "1", Some("me"), true),
                row("communication", "2", None, false),
                row("octopia", "3", None, true),
                row("postcenter", "4", None, false),
            ]
            .into_iter()
            .map(Arc::new)
            .collect(),
            totals: vec![("communication".into(), 120)],
            cursors: vec![
                ("communication".into(), Cursor("2".into())),
                ("octopia".into(), Cursor("2".into())),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn a_backend_shows_its_total_else_what_is_loaded_marked_while_more_wait() {
        let counts = ViewCounts::of(&inbox(), Some("me"), None);
        assert_eq!(counts.for_backend("communication"), Tally::Total(120));
        assert_eq!(counts.for_backend("octopia"), Tally::Partial(1));
        assert_eq!(counts.for_backend("postcenter"), Tally::Loaded(1));
        assert_eq!(counts.for_backend("elsewhere"), Tally::Loaded(0));
        // Octopia's is a lower bound: so is the sum, counted over the rows loaded.
        assert_eq!(counts.all, Tally::Partial(4));
        // No backend totals these: rows loaded, with more to load.
        assert_eq!(counts.for_assignee(AssigneeFilter::Me), Tally::Partial(1));
        assert_eq!(counts.unassigned, Tally::Partial(3));
        assert_eq!(counts.unread, Tally::Partial(2));
    }

    #[test]
    fn every_backend_exact_makes_the_sum_exact_unless_one_failed() {
        let mut whole = inbox();
        whole.cursors.retain(|(n, _)| n == "communication");
        let counts = ViewCounts::of(&whole, None, None);
        assert_eq!(counts.for_backend("octopia"), Tally::Loaded(1));
        assert_eq!(counts.all, Tally::Total(122));
        // Loaded rows with another page to come stay a lower bound.
        assert_eq!(counts.unread, Tally::Partial(2));

        whole
            .failures
            .push(("octopia".into(), ApiError::network("refused")));
        assert_eq!(ViewCounts::of(&whole, None, None).all, Tally::Partial(4));

        let mut loaded = inbox();
        loaded.cursors.clear();
        loaded.totals.clear();
        let counts = ViewCounts::of(&loaded, None, None);
        assert_eq!(
            counts.all,
            Tally::Loaded(4),
            "no total: the rows, all loaded"
        );
        assert_eq!(counts.unread, Tally::Loaded(2));
        // A backend with a total and no row loaded (an empty first page) is listed.
        loaded.totals.push(("support".into(), 0));
        assert_eq!(
            ViewCounts::of(&loaded, None, None).for_backend("support"),
            Tally::Total(0)
        );
    }

    #[test]
    fn a_total_is_never_below_the_rows_listed_and_is_a_lower_bound_once_its_poll_failed() {
        let mut inbox = inbox();
        inbox.totals = vec![("communication".into(), 1)];
        let counts = ViewCounts::of(&inbox, None, None);
        assert_eq!(counts.for_backend("communication"), Tally::Total(2));

        inbox.totals = vec![("communication".into(), 120)];
        inbox
            .failures
            .push(("communication".into(), ApiError::network("refused")));
        let counts = ViewCounts::of(&inbox, None, None);
        assert_eq!(counts.for_backend("communication"), Tally::Partial(120));
    }

    #[test]
    fn with_a_last_activity_range_the_loaded_rows_are_counted_within_it() {
        use chrono::TimeZone;
        let mut inbox = Inbox::default();
        let at = |day: u32| chrono::Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).single();
        let mut early = row("a", "1", None, false);
        early.last_activity = at(1);
        let mut late = row("a", "2", None, false);
        late.last_activity = at(20);
        inbox.conversations = vec![Arc::new(early), Arc::new(late)];
        let range = ActiveRange::parse(Some("2026-03-10"), None);
        assert_eq!(ViewCounts::of(&inbox, None, None).all, Tally::Loaded(2));
        assert_eq!(ViewCounts::of(&inbox, None, range).all, Tally::Loaded(1));
    }
}
