//! Mentions: an agent named with `@` in an internal note (`docs/notes.md`). The note's
//! author picks a colleague from the team as they type `@`; the note then carries the ids
//! of the agents whose `@Name` its text still holds, and each of them finds it in their
//! "Mentions" view, counted until they open the conversation. Like notes, mentions are
//! Switchboard's own: never sent to a vendor nor shown to a customer.
//!
//! The picker's trigger ([`mention_at`]) and the reading of who a text names
//! ([`mentioned`]) are here, so the console and its tests read text the same way.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The signed-in agent's mentions: `GET`, newest first. `PUT {MENTIONS_PATH}/{backend}/
/// {conversation}/seen` marks theirs on one conversation as seen.
pub const MENTIONS_PATH: &str = "/api/mentions";

/// The most agents one note may name (a whole team is a broadcast, not a mention).
pub const MAX_MENTIONS: usize = 20;

/// The longest name fragment the picker reads after `@`.
const MAX_QUERY_CHARS: usize = 40;

/// One note that names the signed-in agent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    pub note_id: String,
    pub backend: String,
    pub conversation_id: String,
    /// The agent who wrote the note.
    pub author_id: String,
    /// The note's beginning, enough to recognise it.
    pub excerpt: String,
    pub created_at: DateTime<Utc>,
    /// Whether the agent has opened the conversation since.
    pub seen: bool,
}

/// What `GET /api/mentions` answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mentions {
    /// How many are not seen yet, of all kept (not only those listed).
    pub unseen: u64,
    pub items: Vec<Mention>,
}

/// How many characters of a note its mention shows.
pub const EXCERPT_CHARS: usize = 140;

/// A note's beginning, on one line, cut at [`EXCERPT_CHARS`] with an ellipsis.
pub fn excerpt(body: &str) -> String {
    let line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= EXCERPT_CHARS {
        return line;
    }
    let cut: String = line.chars().take(EXCERPT_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The agents `body` names with `@Name` (case aside, followed by anything but a letter or a
/// digit), each once, in the order of `agents`. The longest name wins where one begins
/// another ("@Ana María" is not "@Ana").
pub fn mentioned<'a>(
    body: &str,
    agents: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<String> {
    let mut agents: Vec<(usize, &str, String)> = agents
        .into_iter()
        .enumerate()
        .filter(|(_, (_, name))| !name.trim().is_empty())
        .map(|(at, (id, name))| (at, id, name.trim().to_lowercase()))
        .collect();
    agents.sort_by_key(|(_, _, name)| std::cmp::Reverse(name.chars().count()));
    let lowered = body.to_lowercase();
    let mut taken = vec![false; lowered.len()];
    let mut found: Vec<(usize, String)> = Vec::new();
    for (order, id, name) in agents {
        let needle = format!("@{name}");
        let mut from = 0;
        while let Some(at) = lowered.get(from..).and_then(|rest| rest.find(&needle)) {
            let start = from + at;
            let end = start + needle.len();
            from = end;
            let ends_a_word = lowered[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if ends_a_word && !taken[start] {
                taken[start..end].iter_mut().for_each(|t| *t = true);
                if !found.iter().any(|(_, f)| f == id) {
                    found.push((order, id.to_owned()));
                }
            }
        }
    }
    found.sort_by_key(|(order, _)| *order);
    found.into_iter().map(|(_, id)| id).collect()
}

/// Where the picker is: the `@` that begins a mention being typed before the cursor (`at`,
/// a byte offset in `before`, the text up to the cursor) and what follows it. `None` when
/// the cursor is not in one: the `@` must begin the text or follow a space or a line's end
/// (so an email address is not a mention), and what follows may hold spaces (names do) but
/// no line's end and no more than [`MAX_QUERY_CHARS`].
pub fn mention_at(before: &str) -> Option<(usize, &str)> {
    let at = before.rfind('@')?;
    let query = &before[at + 1..];
    let starts_a_word = before[..at]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let plausible = !query.contains('\n')
        && query.chars().count() <= MAX_QUERY_CHARS
        && !query.starts_with(' ')
        && !query.contains("  ");
    (starts_a_word && plausible).then_some((at, query))
}

/// Whether `name` is offered for what was typed after `@`: every word typed begins a word
/// of the name, case and accents as typed.
pub fn offered(name: &str, query: &str) -> bool {
    let name = name.to_lowercase();
    let words: Vec<&str> = name.split_whitespace().collect();
    query
        .to_lowercase()
        .split_whitespace()
        .enumerate()
        .all(|(i, typed)| {
            words
                .get(i..)
                .is_some_and(|rest| rest.iter().any(|w| w.starts_with(typed)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEAM: [(&str, &str); 3] = [("a1", "Ana"), ("a2", "Ana María"), ("a3", "Bob Stone")];

    #[test]
    fn a_text_names_each_agent_once_and_the_longest_name_wins() {
        assert_eq!(
            mentioned("@Ana María can you look? cc @bob stone, @Ana María", TEAM),
            ["a2", "a3"]
        );
        assert_eq!(mentioned("@Ana, then @ana maría.", TEAM), ["a1", "a2"]);
    }

    #[test]
    fn a_name_inside_a_longer_word_or_without_at_names_nobody() {
        assert!(mentioned("@Anatole and Bob Stone", TEAM).is_empty());
        assert!(mentioned("write to ana@example.com", TEAM).is_empty());
        assert!(mentioned("", TEAM).is_empty());
    }

    #[test]
    fn the_picker_opens_at_an_at_that_begins_a_word() {
        assert_eq!(mention_at("Hello @"), Some((6, "")));
        assert_eq!(mention_at("@An"), Some((0, "An")));
        assert_eq!(mention_at("cc\n@Ana Ma"), Some((3, "Ana Ma")));
        assert_eq!(mention_at("ana@example"), None);
        assert_eq!(mention_at("@Ana\nthen"), None);
        assert_eq!(mention_at("@ Ana"), None);
        assert_eq!(mention_at("no mention here"), None);
        assert_eq!(mention_at(&format!("@{}", "a".repeat(41))), None);
    }

    #[test]
    fn an_agent_is_offered_when_each_typed_word_begins_a_word_of_their_name() {
        assert!(offered("Ana María", ""));
        assert!(offered("Ana María", "ma"));
        assert!(offered("Ana María", "ana MAR"));
        assert!(offered("Émile Zola", "émi"));
        assert!(!offered("Ana María", "bob"));
        assert!(!offered("Ana María", "ría"));
    }

    #[test]
    fn an_excerpt_is_one_line_and_cut_with_an_ellipsis() {
        assert_eq!(excerpt("Call\n\nthe  buyer"), "Call the buyer");
        let long = excerpt(&"word ".repeat(100));
        assert_eq!(long.chars().count(), EXCERPT_CHARS);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn mentions_read_and_write_in_camel_case() {
        let json = r#"{"unseen":1,"items":[{"noteId":"n1","backend":"octopia",
            "conversationId":"d-1","authorId":"a1","excerpt":"@Bob look",
            "createdAt":"2026-12-06T10:00:00Z","seen":false}]}"#;
        let read: Mentions = serde_json::from_str(json).unwrap();
        assert_eq!(read.items[0].conversation_id, "d-1");
        assert_eq!(
            serde_json::to_value(&read).unwrap()["items"][0]["noteId"],
            "n1"
        );
    }
}
