//! The inbox's order, as it stands in the URL (`?sort=oldest`). Every vendor API pages
//! newest activity first, so that is the merged inbox's order and the default; another
//! order can only arrange the rows loaded so far, which the view says. Kept here, a pure
//! function over conversations, so the views only ask for it.

use super::Conversation;
use crate::i18n::{text, text_with, Args, Lang};
use chrono::{DateTime, Utc};
use std::borrow::Borrow;
use std::cmp::Reverse;

/// How the inbox's rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InboxSort {
    /// Newest activity first: the backends' own order (absent from the URL).
    #[default]
    Newest,
    /// Oldest activity first: who has waited longest.
    Oldest,
    /// The least time left to answer first (`docs/deadlines.md`); conversations that await
    /// no answer after them, newest activity first.
    Due,
}

impl InboxSort {
    pub const ALL: [InboxSort; 3] = [InboxSort::Newest, InboxSort::Oldest, InboxSort::Due];

    /// Anything unknown (an old or mistyped link) is the default.
    pub fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("oldest") => InboxSort::Oldest,
            Some("due") => InboxSort::Due,
            _ => InboxSort::Newest,
        }
    }

    pub fn token(self) -> &'static str {
        match self {
            InboxSort::Newest => "newest",
            InboxSort::Oldest => "oldest",
            InboxSort::Due => "due",
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            InboxSort::Newest => text(lang, msg!("sort-newest")),
            InboxSort::Oldest => text(lang, msg!("sort-oldest")),
            InboxSort::Due => text(lang, msg!("sort-due")),
        }
    }

    /// Whether the backends page in this order: otherwise only the rows loaded are sorted.
    pub fn is_backends_order(self) -> bool {
        self == InboxSort::Newest
    }

    /// Puts `shown` (indices into `conversations`) in this order; `due` is when an answer
    /// to each conversation is due, where one awaits (same indices). Conversations without
    /// a date go last either way; equals keep the order they came in (the sort is stable).
    pub fn arrange<C: Borrow<Conversation>>(
        self,
        conversations: &[C],
        due: &[Option<DateTime<Utc>>],
        shown: &mut [usize],
    ) {
        let activity = |i: &usize| conversations.get(*i).and_then(|c| c.borrow().last_activity);
        match self {
            InboxSort::Newest => shown.sort_by_key(|i| Reverse(activity(i))),
            InboxSort::Oldest => shown.sort_by_key(|i| {
                let at = activity(i);
                (at.is_none(), at)
            }),
            InboxSort::Due => shown.sort_by_key(|i| {
                let due = due.get(*i).copied().flatten();
                (due.is_none(), due, Reverse(activity(i)))
            }),
        }
    }

    /// What the view says when the page, not the backends, put the `loaded` rows in this
    /// order and more are still to load; `None` in the backends' own order.
    pub fn sorted_here(self, lang: Lang, loaded: usize) -> Option<String> {
        let id = match self {
            InboxSort::Newest => return None,
            InboxSort::Oldest => msg!("inbox-sorted-here-oldest"),
            InboxSort::Due => msg!("inbox-sorted-here-due"),
        };
        Some(text_with(lang, id, &Args::new().num("count", loaded)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BackendKind, ConversationKey, ConversationStatus};
    use chrono::{TimeZone, Utc};

    fn row(id: &str, minute: Option<u32>) -> Conversation {
        Conversation {
            last_activity: minute
                .and_then(|m| Utc.with_ymd_and_hms(2026, 11, 25, 9, m, 0).single()),
            ..Conversation::new(
                ConversationKey::new("communication", id),
                BackendKind::Communication,
                id,
                ConversationStatus::Open,
                crate::wire::communication::CAPABILITIES,
            )
        }
    }

    fn arranged(sort: InboxSort, rows: &[Conversation], mut shown: Vec<usize>) -> Vec<String> {
        sort.arrange(rows, &[], &mut shown);
        shown.iter().map(|&i| rows[i].key.id.clone()).collect()
    }

    #[test]
    fn the_url_names_only_what_is_not_the_default() {
        assert_eq!(InboxSort::parse(None), InboxSort::Newest);
        assert_eq!(InboxSort::parse(Some("oldest")), InboxSort::Oldest);
        assert_eq!(InboxSort::parse(Some("sideways")), InboxSort::Newest);
        for sort in InboxSort::ALL {
            assert_eq!(InboxSort::parse(Some(sort.token())), sort);
        }
        assert!(InboxSort::default().is_backends_order());
        assert!(!InboxSort::Oldest.is_backends_order());
    }

    #[test]
    fn each_order_puts_undated_rows_last_and_keeps_equals_as_they_came() {
        let rows = [
            row("undated", None),
            row("a", Some(30)),
            row("b", Some(10)),
            row("c", Some(30)),
            row("d", Some(50)),
        ];
        let all = (0..rows.len()).collect::<Vec<_>>();
        assert_eq!(
            arranged(InboxSort::Newest, &rows, all.clone()),
            ["d", "a", "c", "b", "undated"]
        );
        assert_eq!(
            arranged(InboxSort::Oldest, &rows, all),
            ["b", "a", "c", "d", "undated"]
        );
        // Only the rows shown (a filter applied in the page) are arranged.
        assert_eq!(
            arranged(InboxSort::Oldest, &rows, vec![3, 0, 2]),
            ["b", "c", "undated"]
        );
    }

    #[test]
    fn rows_that_come_later_land_in_their_place() {
        // A page appended (older rows) and a live arrival (newer) after the first rows.
        let rows = [
            row("first", Some(40)),
            row("second", Some(20)),
            row("paged", Some(5)),
            row("live", Some(55)),
        ];
        assert_eq!(
            arranged(InboxSort::Oldest, &rows, vec![0, 1, 2, 3]),
            ["paged", "second", "first", "live"]
        );
    }

    #[test]
    fn the_most_urgent_come_first_and_those_awaiting_nothing_last_newest_first() {
        let rows = [
            row("answered-old", Some(5)),
            row("due-later", Some(10)),
            row("answered-new", Some(50)),
            row("overdue", Some(40)),
        ];
        let at = |m| Utc.with_ymd_and_hms(2026, 11, 26, 9, m, 0).single();
        let due = [None, at(30), None, at(1)];
        let mut shown = vec![0, 1, 2, 3];
        InboxSort::Due.arrange(&rows, &due, &mut shown);
        let ids: Vec<_> = shown.iter().map(|&i| rows[i].key.id.as_str()).collect();
        assert_eq!(
            ids,
            ["overdue", "due-later", "answered-new", "answered-old"]
        );
        let said = InboxSort::Due.sorted_here(Lang::En, 4).expect("said");
        assert!(said.contains("most urgent"), "{said}");
        assert!(!InboxSort::Due.is_backends_order());
    }

    #[test]
    fn only_a_sort_the_backends_cannot_do_is_said() {
        assert_eq!(InboxSort::Newest.sorted_here(Lang::En, 40), None);
        let said = InboxSort::Oldest.sorted_here(Lang::En, 40).expect("said");
        assert!(
            said.contains("oldest") && said.contains("40 conversations"),
            "{said}"
        );
        let one = InboxSort::Oldest.sorted_here(Lang::En, 1).expect("said");
        assert!(one.contains("1 conversation "), "{one}");
        assert_ne!(
            InboxSort::Oldest.label(Lang::Fr),
            InboxSort::Oldest.label(Lang::En)
        );
    }
}
