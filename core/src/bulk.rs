//! Bulk actions (issue 23): what an agent asks of many conversations at once, how far it
//! has gone, and what failed with why, ready to retry. Each write is one conversation's own
//! (close, reopen, assign, mark read, snooze, label), which sets a state rather than adds one, so running
//! it again is harmless: a retry or a double click never doubles anything. Pure, so the
//! browser's runner and the native tests share it.

use crate::domain::ConversationKey;
use crate::i18n::{text, text_with, Args, Lang};

/// What is done to every selected conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BulkAction {
    Close,
    Reopen,
    /// Assigned to the agent chosen in the bar (the one who asks, at first).
    Assign,
    MarkRead,
    /// Snoozed until the time chosen in the bar (`docs/snooze.md`).
    Snooze,
    /// The label chosen in the bar put on (`docs/labels.md`).
    Label,
    /// The label chosen in the bar taken off.
    Unlabel,
}

impl BulkAction {
    pub const ALL: [BulkAction; 7] = [
        BulkAction::Close,
        BulkAction::Reopen,
        BulkAction::Assign,
        BulkAction::MarkRead,
        BulkAction::Snooze,
        BulkAction::Label,
        BulkAction::Unlabel,
    ];

    /// A stable token for tests.
    pub fn token(self) -> &'static str {
        match self {
            BulkAction::Close => "close",
            BulkAction::Reopen => "reopen",
            BulkAction::Assign => "assign",
            BulkAction::MarkRead => "mark-read",
            BulkAction::Snooze => "snooze",
            BulkAction::Label => "label",
            BulkAction::Unlabel => "unlabel",
        }
    }

    /// The button's words.
    pub fn label(self, lang: Lang) -> String {
        text(
            lang,
            match self {
                BulkAction::Close => msg!("bulk-close"),
                BulkAction::Reopen => msg!("bulk-reopen"),
                BulkAction::Assign => msg!("bulk-assign"),
                BulkAction::MarkRead => msg!("bulk-mark-read"),
                BulkAction::Snooze => msg!("bulk-snooze"),
                BulkAction::Label => msg!("bulk-label"),
                BulkAction::Unlabel => msg!("bulk-unlabel"),
            },
        )
    }
}

/// A conversation to change, and how the agent knows it (the customer's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkTarget {
    pub key: ConversationKey,
    pub label: String,
}

/// A conversation that could not be changed, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkFailure {
    pub target: BulkTarget,
    pub reason: String,
}

/// How far a bulk action has gone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkProgress {
    pub action: Option<BulkAction>,
    pub total: usize,
    pub done: usize,
    pub failed: Vec<BulkFailure>,
    /// Whether writes are still being made.
    pub running: bool,
    /// Whether the agent stopped it before the end.
    pub stopped: bool,
}

impl BulkProgress {
    /// A run of `action` over `total` conversations, begun.
    pub fn start(action: BulkAction, total: usize) -> BulkProgress {
        BulkProgress {
            action: Some(action),
            total,
            running: true,
            ..BulkProgress::default()
        }
    }

    /// Conversations answered so far, done or failed.
    pub fn answered(&self) -> usize {
        self.done + self.failed.len()
    }

    /// What the bar says: "Close: 340 of 1,000 done, 2 failed", then "Close: 998 done, 2
    /// failed", or that it was stopped.
    pub fn said(&self, lang: Lang) -> String {
        let Some(action) = self.action else {
            return String::new();
        };
        let args = Args::new()
            .str("action", action.label(lang))
            .num("done", self.done)
            .num("total", self.total)
            .num("failed", self.failed.len());
        let id = match (self.running, self.stopped) {
            (true, _) => msg!("bulk-progress"),
            (false, true) => msg!("bulk-stopped"),
            (false, false) => msg!("bulk-finished"),
        };
        text_with(lang, id, &args)
    }

    /// The targets to try again: those that failed.
    pub fn to_retry(&self) -> Vec<BulkTarget> {
        self.failed.iter().map(|f| f.target.clone()).collect()
    }
}

/// The keys from `anchor` to `to` in `order`, both included, whichever comes first (a
/// shift-click's range); `to` alone when the anchor is not among them.
pub fn range<'a, K: PartialEq>(order: &'a [K], anchor: Option<&K>, to: &K) -> &'a [K] {
    let at = |key: &K| order.iter().position(|k| k == key);
    match (anchor.and_then(at), at(to)) {
        (Some(a), Some(b)) => &order[a.min(b)..=a.max(b)],
        (None, Some(b)) => &order[b..=b],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(id: &str) -> BulkTarget {
        BulkTarget {
            key: ConversationKey::new("communication", id),
            label: format!("customer {id}"),
        }
    }

    #[test]
    fn a_range_runs_from_the_anchor_either_way_and_alone_without_one() {
        let order = ["a", "b", "c", "d", "e"];
        assert_eq!(range(&order, Some(&"b"), &"d"), ["b", "c", "d"]);
        assert_eq!(range(&order, Some(&"d"), &"b"), ["b", "c", "d"]);
        assert_eq!(range(&order, Some(&"c"), &"c"), ["c"]);
        assert_eq!(range(&order, None, &"e"), ["e"]);
        assert_eq!(range(&order, Some(&"gone"), &"a"), ["a"]);
        assert!(range(&order, Some(&"a"), &"gone").is_empty());
    }

    #[test]
    fn progress_says_how_far_then_what_failed_ready_to_retry() {
        let mut progress = BulkProgress::start(BulkAction::Close, 1000);
        progress.done = 340;
        progress.failed.push(BulkFailure {
            target: target("c-7"),
            reason: "Not found".into(),
        });
        assert_eq!(progress.answered(), 341);
        assert_eq!(progress.said(Lang::En), "Close: 340 of 1000 done, 1 failed");
        progress.done = 999;
        progress.running = false;
        assert_eq!(progress.said(Lang::En), "Close: 999 done, 1 failed");
        assert_eq!(progress.to_retry(), vec![target("c-7")]);
        progress.stopped = true;
        assert!(progress.said(Lang::Fr).contains("999"));
        assert_eq!(BulkProgress::default().said(Lang::En), "");
    }

    #[test]
    fn every_action_has_words_in_each_language() {
        for action in BulkAction::ALL {
            for lang in [Lang::En, Lang::Fr, Lang::Es] {
                assert!(!action.label(lang).is_empty());
            }
        }
        assert_ne!(
            BulkAction::Close.label(Lang::En),
            BulkAction::Close.label(Lang::Fr)
        );
    }
}
