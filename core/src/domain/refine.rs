//! What the page narrows the loaded conversations to, beyond what each backend was asked:
//! one backend, one channel, unread only, and text typed by the agent. The backend filter
//! is sent (only that backend is asked); channel, unread and text are applied here, over
//! what is loaded, and the view says so (PostCenter lists per channel, but the inbox asks
//! all of a backend's channels at once).
//!
//! Text matching is case-insensitive over the customer (name and id), the subject, the
//! reference and the last message, each looked at as it is ([`FoldedWord`]): a keystroke
//! over ten thousand rows is a scan of their bytes, with no lowered copy made or kept.

use super::{ActiveRange, Conversation, FoldedWord};

/// The page's own narrowing of the inbox (`?backend=…&unread=1&q=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refinement {
    /// Only this backend's conversations (its name in the directory).
    pub backend: Option<String>,
    /// Only conversations from this channel (as [`Conversation::channel`] writes it).
    pub channel: Option<String>,
    /// Only conversations with something unread.
    pub unread: bool,
    /// Words that must all appear in the row, in any order.
    pub text: Option<String>,
    /// Only conversations last active in these days (also asked of the backends that
    /// search by date; the rest are narrowed here).
    pub active: Option<ActiveRange>,
    /// Only conversations whose answer is overdue: the console knows their due times, so
    /// it narrows to them itself (the [`Matcher`] lets every row through).
    pub overdue: bool,
    /// The Snoozed view: only the conversations a snooze keeps away, which every other view
    /// leaves out; the console knows the snoozes, so it narrows to them itself.
    pub snoozed: bool,
    /// Only the conversations carrying this label (its id): the console knows the labels,
    /// so it narrows to them itself.
    pub label: Option<String>,
}

impl Refinement {
    /// Whether nothing is narrowed here.
    pub fn is_empty(&self) -> bool {
        !self.unread
            && !self.overdue
            && !self.snoozed
            && self.label.is_none()
            && self.channel.is_none()
            && self.active.is_none()
            && self.words().is_empty()
    }

    /// The typed text split into words, each ready to be found in any case.
    pub fn words(&self) -> Vec<FoldedWord> {
        self.text
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(FoldedWord::new)
            .collect()
    }

    /// A matcher for these criteria: build it once, ask it for every row.
    pub fn matcher(&self) -> Matcher {
        Matcher {
            backend: self.backend.clone(),
            channel: self.channel.clone(),
            unread: self.unread,
            words: self.words(),
            active: self.active,
        }
    }

    /// The parts applied in the page, in words, for the view to say so.
    pub fn applied_here(&self) -> Vec<&'static str> {
        let mut parts = Vec::new();
        if self.channel.is_some() {
            parts.push("channel");
        }
        if self.unread {
            parts.push("unread");
        }
        if self.overdue {
            parts.push("overdue");
        }
        if self.snoozed {
            parts.push("snoozed");
        }
        if self.label.is_some() {
            parts.push("label");
        }
        if self.active.is_some() {
            parts.push("activity dates");
        }
        if !self.words().is_empty() {
            parts.push("text");
        }
        parts
    }
}

/// [`Refinement`] ready to test rows.
#[derive(Clone, Debug)]
pub struct Matcher {
    backend: Option<String>,
    channel: Option<String>,
    unread: bool,
    /// Each word, lowered once for every row it is looked for in.
    words: Vec<FoldedWord>,
    active: Option<ActiveRange>,
}

impl Matcher {
    pub fn admits(&self, conversation: &Conversation) -> bool {
        if let Some(backend) = &self.backend {
            if &conversation.key.backend != backend {
                return false;
            }
        }
        if let Some(channel) = &self.channel {
            let same = conversation
                .channel
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(channel));
            if !same {
                return false;
            }
        }
        if self.unread && conversation.unread != Some(true) {
            return false;
        }
        if let Some(range) = &self.active {
            if !range.admits(conversation.last_activity) {
                return false;
            }
        }
        has_words(conversation, &self.words)
    }
}

/// Whether every word is in the row's customer (name or id), subject, reference or last
/// message, in any case.
pub fn has_words(c: &Conversation, words: &[FoldedWord]) -> bool {
    let texts = [
        Some(c.customer.as_str()),
        c.customer_name.as_deref(),
        c.subject.as_deref(),
        c.reference.as_deref(),
        c.last_message.as_ref().map(|m| m.body.as_str()),
    ];
    words
        .iter()
        .all(|word| texts.iter().flatten().any(|text| word.is_in(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BackendKind, ConversationKey, ConversationStatus};

    fn row(backend: &str, customer: &str, subject: &str, unread: bool) -> Conversation {
        Conversation {
            subject: Some(subject.into()),
            customer_name: Some("Léa Garnier".into()),
            unread: Some(unread),
            ..Conversation::new(
                ConversationKey::new(backend, customer),
                BackendKind::Communication,
                customer,
                ConversationStatus::Open,
                crate::wire::support_sessions::CAPABILITIES,
            )
        }
    }

    #[test]
    fn text_matches_every_word_in_any_case_and_order() {
        let c = row(
            "communication",
            "lea@example.com",
            "Colis ÉGARÉ à Lyon",
            false,
        );
        let text = |t: &str| Refinement {
            text: Some(t.into()),
            ..Default::default()
        };
        assert!(text("égaré").matcher().admits(&c));
        assert!(text("lyon  colis").matcher().admits(&c));
        assert!(text("GARNIER").matcher().admits(&c));
        assert!(!text("lyon paris").matcher().admits(&c));
        assert!(text("   ").matcher().admits(&c));
        assert!(text("   ").is_empty());
    }

    #[test]
    fn backend_and_unread_narrow_and_say_where_they_apply() {
        let read = row("octopia", "a", "x", false);
        let unread = row("communication", "b", "y", true);
        let only_unread = Refinement {
            unread: true,
            ..Default::default()
        };
        assert!(!only_unread.matcher().admits(&read));
        assert!(only_unread.matcher().admits(&unread));
        assert_eq!(only_unread.applied_here(), vec!["unread"]);
        let octopia = Refinement {
            backend: Some("octopia".into()),
            ..Default::default()
        };
        assert!(octopia.matcher().admits(&read));
        assert!(!octopia.matcher().admits(&unread));
        // The backend filter is sent (only that backend is asked): nothing applied here.
        assert!(octopia.applied_here().is_empty());
        let mut facebook = row("postcenter", "c", "z", false);
        facebook.channel = Some("Facebook".into());
        let by_channel = Refinement {
            channel: Some("facebook".into()),
            ..Default::default()
        };
        assert!(by_channel.matcher().admits(&facebook));
        assert!(!by_channel.matcher().admits(&read));
        assert_eq!(by_channel.applied_here(), vec!["channel"]);
    }

    #[test]
    fn activity_dates_narrow_by_last_activity_and_say_so() {
        let mut march = row("communication", "a", "x", false);
        march.last_activity = "2026-03-15T12:00:00Z".parse().ok();
        let mut june = row("communication", "b", "y", false);
        june.last_activity = "2026-06-15T12:00:00Z".parse().ok();
        let undated = row("communication", "c", "z", false);
        let spring = Refinement {
            active: ActiveRange::parse(Some("2026-03-01"), Some("2026-04-30")),
            ..Default::default()
        };
        let matcher = spring.matcher();
        assert!(matcher.admits(&march));
        assert!(!matcher.admits(&june));
        assert!(!matcher.admits(&undated));
        assert!(!spring.is_empty());
        assert_eq!(spring.applied_here(), vec!["activity dates"]);
    }
}
