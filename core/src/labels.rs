//! Labels (`docs/labels.md`): the team's own words for conversations ("VIP", "Refund"), each
//! with a colour and always its name beside it, added to and removed from conversations of
//! any backend. Switchboard's own, in every mode (no vendor knows of them). Pure, so the
//! server and the console check names alike and agree on the colours.

use crate::i18n::{text, Lang};
pub use crate::validation::tidy_name;
use serde::{Deserialize, Serialize};

/// The team's labels: `GET` lists them, `PUT /{id}` (a UUID the console chose) creates or
/// changes one, `DELETE /{id}` retires it (admins).
pub const LABELS_PATH: &str = "/api/labels";

/// Labels on conversations: a backend's at `/{backend}`, one conversation's at
/// `/{backend}/{conversation}`; `PUT` or `DELETE` `/{backend}/{conversation}/{label}` adds
/// or removes one.
pub const CONVERSATION_LABELS_PATH: &str = "/api/conversation-labels";

/// The kind of change a conversation's labels are on the server's event stream.
pub const LABELS_CHANGE: &str = "labels";

/// The most labels a team keeps: more is no longer something to choose from by eye.
pub const MAX_TEAM_LABELS: u64 = 200;

/// The most labels on one conversation.
pub const MAX_ON_CONVERSATION: usize = 20;

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// A label's colour: one of a few, each also said in words, so a label is never told
/// apart by its colour alone (its name is always beside it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelColour {
    Red,
    Orange,
    Yellow,
    Green,
    Teal,
    Blue,
    Purple,
    /// Also what a colour this version does not know is read as.
    #[default]
    #[serde(other)]
    Grey,
}

impl LabelColour {
    pub const ALL: [LabelColour; 8] = [
        LabelColour::Red,
        LabelColour::Orange,
        LabelColour::Yellow,
        LabelColour::Green,
        LabelColour::Teal,
        LabelColour::Blue,
        LabelColour::Purple,
        LabelColour::Grey,
    ];

    /// Its token: the JSON's word and the CSS class's.
    pub fn token(self) -> &'static str {
        match self {
            LabelColour::Red => "red",
            LabelColour::Orange => "orange",
            LabelColour::Yellow => "yellow",
            LabelColour::Green => "green",
            LabelColour::Teal => "teal",
            LabelColour::Blue => "blue",
            LabelColour::Purple => "purple",
            LabelColour::Grey => "grey",
        }
    }

    pub fn parse(token: &str) -> Option<LabelColour> {
        LabelColour::ALL.into_iter().find(|c| c.token() == token)
    }

    /// The colour in words, for the colour's choice.
    pub fn label(self, lang: Lang) -> String {
        text(
            lang,
            match self {
                LabelColour::Red => msg!("label-colour-red"),
                LabelColour::Orange => msg!("label-colour-orange"),
                LabelColour::Yellow => msg!("label-colour-yellow"),
                LabelColour::Green => msg!("label-colour-green"),
                LabelColour::Teal => msg!("label-colour-teal"),
                LabelColour::Blue => msg!("label-colour-blue"),
                LabelColour::Purple => msg!("label-colour-purple"),
                LabelColour::Grey => msg!("label-colour-grey"),
            },
        )
    }
}

/// One of the team's labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Label {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub colour: LabelColour,
    pub created_by: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The body of a label's `PUT`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelRequest {
    pub name: String,
    #[serde(default)]
    pub colour: LabelColour,
}

/// The labels on one conversation, by id, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationLabels {
    pub conversation_id: String,
    #[serde(default)]
    pub label_ids: Vec<String>,
}

/// Why a label's name cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelProblem {
    NoName,
    TooLong,
    /// Another label has it (letter case aside).
    Taken,
}

impl LabelProblem {
    /// The server's words for it, beside the field `name`.
    pub fn issue(self) -> &'static str {
        match self {
            LabelProblem::NoName => "must not be empty",
            LabelProblem::TooLong => "must have at most 40 characters",
            LabelProblem::Taken => "is another label's name",
        }
    }

    /// The console's words for it.
    pub fn say(self, lang: Lang) -> String {
        text(
            lang,
            match self {
                LabelProblem::NoName => msg!("label-problem-no-name"),
                LabelProblem::TooLong => msg!("label-problem-too-long"),
                LabelProblem::Taken => msg!("label-problem-taken"),
            },
        )
    }
}

/// The tidied name, if it can be a label's.
pub fn check_name(name: &str) -> Result<String, LabelProblem> {
    let name = tidy_name(name);
    if name.is_empty() {
        Err(LabelProblem::NoName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(LabelProblem::TooLong)
    } else {
        Ok(name)
    }
}

/// What two names are compared by: "VIP" and "vip" are one label.
pub fn name_key(name: &str) -> String {
    tidy_name(name).to_lowercase()
}

/// The labels whose name holds every word typed, by name.
pub fn matching<'a>(labels: &'a [Label], typed: &str) -> Vec<&'a Label> {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<&Label> = labels
        .iter()
        .filter(|label| {
            let name = label.name.to_lowercase();
            words.iter().all(|word| name.contains(word.as_str()))
        })
        .collect();
    found.sort_by_key(|label| label.name.to_lowercase());
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(id: &str, name: &str) -> Label {
        Label {
            id: id.into(),
            name: name.into(),
            colour: LabelColour::Blue,
            created_by: "agent-camille".into(),
            created_at: "2026-12-07T10:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn a_name_is_tidied_and_must_hold_one_to_forty_characters() {
        assert_eq!(check_name("  Refund \t asked\n"), Ok("Refund asked".into()));
        assert_eq!(check_name(" \u{7} "), Err(LabelProblem::NoName));
        assert_eq!(check_name(&"é".repeat(40)), Ok("é".repeat(40)));
        assert_eq!(check_name(&"é".repeat(41)), Err(LabelProblem::TooLong));
        assert_eq!(name_key(" VIP  Client"), "vip client");
    }

    #[test]
    fn a_colour_this_version_does_not_know_is_read_as_grey() {
        let read: LabelRequest =
            serde_json::from_str(r#"{"name":"VIP","colour":"ultraviolet"}"#).unwrap();
        assert_eq!(read.colour, LabelColour::Grey);
        let absent: LabelRequest = serde_json::from_str(r#"{"name":"VIP"}"#).unwrap();
        assert_eq!(absent.colour, LabelColour::Grey);
        assert_eq!(
            serde_json::to_string(&LabelColour::Teal).unwrap(),
            "\"teal\""
        );
        assert!(LabelColour::ALL
            .iter()
            .all(|c| LabelColour::parse(c.token()) == Some(*c)));
    }

    #[test]
    fn labels_matching_what_is_typed_come_by_name() {
        let labels = [
            label("1", "Refund"),
            label("2", "VIP"),
            label("3", "refund asked"),
        ];
        let names = |typed| {
            matching(&labels, typed)
                .iter()
                .map(|l| l.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("REF"), ["Refund", "refund asked"]);
        assert_eq!(names("asked ref"), ["refund asked"]);
        assert_eq!(names(""), ["Refund", "refund asked", "VIP"]);
    }
}
