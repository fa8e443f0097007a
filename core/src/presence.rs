//! Who else is on a conversation right now (`docs/presence.md`): each agent's console says
//! which conversation it shows, and whether the agent is writing in it, again and again
//! while it does; Switchboard's server keeps the last word for a short while only, so a
//! tab that closes or sleeps drops out on its own. Like notes, Switchboard's own, never a
//! vendor's.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `GET` everyone present; `PUT` or `DELETE /{backend}/{conversation}` for the agent's own.
pub const PRESENCE_PATH: &str = "/api/presence";

/// The kind of change on the server's event stream when someone arrives, starts or stops
/// writing, or leaves (`docs/events.md`).
pub const PRESENCE_CHANGE: &str = "presence";

/// How often a console says again that its agent is there, in seconds.
pub const PRESENCE_REFRESH_SECONDS: u32 = 15;

/// How long a word lasts without being said again, in seconds: a console that stopped
/// (closed, asleep, offline) is gone after this.
pub const PRESENCE_LASTS_SECONDS: i64 = 45;

/// What an agent is doing on the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PresenceState {
    Viewing,
    /// Writing a reply or a note.
    Typing,
}

impl PresenceState {
    pub fn as_str(self) -> &'static str {
        match self {
            PresenceState::Viewing => "viewing",
            PresenceState::Typing => "typing",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "viewing" => Some(PresenceState::Viewing),
            "typing" => Some(PresenceState::Typing),
            _ => None,
        }
    }
}

/// One agent on one conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Presence {
    pub agent_id: String,
    pub backend: String,
    pub conversation_id: String,
    pub state: PresenceState,
    /// Since when it has been in this state.
    pub since: DateTime<Utc>,
}

/// What a console sends to say its agent is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetPresence {
    pub state: PresenceState,
}

/// The others on conversation `(backend, id)`, writers first, each agent once (an agent
/// with two tabs is writing if either is).
pub fn others_on<'a>(
    all: &'a [Presence],
    backend: &str,
    id: &str,
    me: Option<&str>,
) -> Vec<&'a Presence> {
    let mut here: Vec<&Presence> = all
        .iter()
        .filter(|p| p.backend == backend && p.conversation_id == id)
        .filter(|p| Some(p.agent_id.as_str()) != me)
        .collect();
    here.sort_by_key(|p| (p.state != PresenceState::Typing, p.agent_id.clone()));
    let mut seen = std::collections::HashSet::new();
    here.retain(|p| seen.insert(p.agent_id.clone()));
    here
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(agent: &str, id: &str, state: PresenceState) -> Presence {
        Presence {
            agent_id: agent.into(),
            backend: "octopia".into(),
            conversation_id: id.into(),
            state,
            since: "2026-12-06T10:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn the_others_on_a_conversation_are_writers_first_each_once_and_never_me() {
        use PresenceState::*;
        let all = [
            on("a2", "d-1", Viewing),
            on("a3", "d-1", Viewing),
            on("a1", "d-1", Typing),
            on("a3", "d-1", Typing),
            on("a4", "d-2", Typing),
        ];
        let here: Vec<(&str, PresenceState)> = others_on(&all, "octopia", "d-1", Some("a1"))
            .iter()
            .map(|p| (p.agent_id.as_str(), p.state))
            .collect();
        assert_eq!(here, [("a3", Typing), ("a2", Viewing)]);
        assert!(others_on(&all, "postcenter", "d-1", None).is_empty());
    }

    #[test]
    fn states_read_and_write_in_lower_case_and_nothing_else_parses() {
        assert_eq!(
            serde_json::to_string(&SetPresence {
                state: PresenceState::Typing
            })
            .unwrap(),
            r#"{"state":"typing"}"#
        );
        assert_eq!(
            PresenceState::parse("viewing"),
            Some(PresenceState::Viewing)
        );
        assert_eq!(PresenceState::parse("away"), None);
        assert!(serde_json::from_str::<SetPresence>(r#"{"state":"away"}"#).is_err());
    }
}
