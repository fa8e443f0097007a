//! What the command palette offers for what was typed: pure, so it is tested natively.
//! Views and backends by name, conversations loaded by customer, subject or reference,
//! and the one-off tools, each matched on every word typed.

use switchboard_core::domain::Conversation;

/// The one-off tools the palette opens in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// Find by an order or trip reference.
    Reference,
    /// Follow a case or an order on a backend that cannot list.
    Follow,
    /// Open a ticket by the number agents know it by.
    Number,
    /// Whether opening a conversation marks it read.
    ReadSetting,
}

impl Tool {
    pub const ALL: [Tool; 4] = [
        Tool::Reference,
        Tool::Follow,
        Tool::Number,
        Tool::ReadSetting,
    ];

    /// Its hook in the page, and in the palette's option ids.
    pub fn token(self) -> &'static str {
        match self {
            Tool::Reference => "reference",
            Tool::Follow => "follow",
            Tool::Number => "number",
            Tool::ReadSetting => "read-setting",
        }
    }
}

/// One thing the palette can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Go to a view of the inbox (a status, an assignee, a backend).
    View { label: String, href: String },
    /// Open a loaded conversation.
    Conversation {
        label: String,
        detail: String,
        href: String,
    },
    /// Open a tool in the palette.
    Tool { label: String, tool: Tool },
}

impl Command {
    pub fn label(&self) -> &str {
        match self {
            Command::View { label, .. }
            | Command::Conversation { label, .. }
            | Command::Tool { label, .. } => label,
        }
    }

    /// The words typing is matched against.
    fn haystack(&self) -> String {
        match self {
            Command::Conversation { label, detail, .. } => format!("{label} {detail}"),
            other => other.label().to_owned(),
        }
        .to_lowercase()
    }
}

/// At most this many conversations are offered at once: typing narrows them.
pub const MAX_CONVERSATIONS: usize = 8;

/// The conversations of `loaded` as commands: the customer, then subject and reference.
pub fn conversation_commands<'a>(
    loaded: impl IntoIterator<Item = &'a Conversation>,
    href: impl Fn(&Conversation) -> String,
) -> Vec<Command> {
    loaded
        .into_iter()
        .map(|c| Command::Conversation {
            label: c.customer_display().to_owned(),
            detail: [c.subject.as_deref(), c.reference.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            href: href(c),
        })
        .collect()
}

/// What is offered for `typed`: every word typed must be in a command's words. With
/// nothing typed, the views and tools; conversations only once something is typed.
pub fn matching(
    typed: &str,
    views_and_tools: &[Command],
    conversations: &[Command],
) -> Vec<Command> {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    let fits = |command: &Command| {
        let haystack = command.haystack();
        words.iter().all(|word| haystack.contains(word.as_str()))
    };
    let mut offered: Vec<Command> = views_and_tools
        .iter()
        .filter(|c| fits(c))
        .cloned()
        .collect();
    if !words.is_empty() {
        offered.extend(
            conversations
                .iter()
                .filter(|c| fits(c))
                .take(MAX_CONVERSATIONS)
                .cloned(),
        );
    }
    offered
}

/// The option after moving by `by` from `at` among `len`, wrapping at either end.
pub fn moved(at: usize, by: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as isize + by).rem_euclid(len as isize) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(label: &str) -> Command {
        Command::View {
            label: label.into(),
            href: format!("/?{label}"),
        }
    }

    fn conversation(label: &str, detail: &str) -> Command {
        Command::Conversation {
            label: label.into(),
            detail: detail.into(),
            href: format!("/conversations/{label}"),
        }
    }

    #[test]
    fn nothing_typed_offers_the_views_and_tools_but_no_conversation() {
        let fixed = [
            view("Open"),
            Command::Tool {
                label: "Follow a case".into(),
                tool: Tool::Follow,
            },
        ];
        let offered = matching("  ", &fixed, &[conversation("Zoé", "Breakfast")]);
        assert_eq!(offered, fixed.to_vec());
    }

    #[test]
    fn every_word_typed_must_match_in_any_case_and_conversations_are_capped() {
        let fixed = [view("Open"), view("Closed"), view("Case messages")];
        let many: Vec<Command> = (0..20)
            .map(|n| conversation(&format!("Customer {n}"), "Booking TRIP-1"))
            .chain([conversation("Zoé Lambert", "Petit-déjeuner · C-4QK7M2XD")])
            .collect();
        let offered = matching("zoé c-4qk", &fixed, &many);
        assert_eq!(
            offered,
            vec![conversation("Zoé Lambert", "Petit-déjeuner · C-4QK7M2XD")]
        );
        assert_eq!(matching("CASE", &fixed, &many), vec![view("Case messages")]);
        assert_eq!(
            matching("trip", &fixed, &many).len(),
            MAX_CONVERSATIONS,
            "typing narrows the rest"
        );
    }

    #[test]
    fn moving_wraps_at_either_end() {
        assert_eq!(moved(0, -1, 3), 2);
        assert_eq!(moved(2, 1, 3), 0);
        assert_eq!(moved(1, 1, 3), 2);
        assert_eq!(moved(0, 1, 0), 0);
    }
}
