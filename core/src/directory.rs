//! The reference server's own small endpoints, shared by server and console:
//! `GET /api/backends` (discovery) and `GET /api/agents` (who can be assigned).

use crate::domain::BackendKind;
use serde::{Deserialize, Serialize};

pub const BACKENDS_PATH: &str = "/api/backends";
pub const AGENTS_PATH: &str = "/api/agents";

/// One connected backend: which dialect, its name (the URL segment of its conversations),
/// and where its API is mounted relative to the console's origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendDescriptor {
    pub kind: BackendKind,
    pub name: String,
    pub label: String,
    pub base_path: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    pub id: String,
    pub name: String,
    pub email: String,
}

impl Agent {
    /// Up to two initials for the avatar.
    pub fn initials(&self) -> String {
        self.name
            .split_whitespace()
            .filter_map(|word| word.chars().next())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_uses_kebab_kinds_and_camel_fields() {
        let raw = r#"[{"kind":"communication","name":"communication","label":"Communication","basePath":"/communication/v1"}]"#;
        let backends: Vec<BackendDescriptor> = serde_json::from_str(raw).unwrap();
        assert_eq!(backends[0].kind, BackendKind::Communication);
        assert_eq!(serde_json::to_string(&backends).unwrap(), raw);
    }

    #[test]
    fn initials_take_two_words() {
        let agent = Agent {
            id: "a".into(),
            name: "élodie de la Tour".into(),
            email: "e@x.fr".into(),
        };
        assert_eq!(agent.initials(), "ÉD");
    }
}
