//! Concurrent edits of a conversation: its version as an `ETag` on every answer that
//! carries the conversation, and `If-Match` on its writes. A write that names an older
//! version gets 412 and a sentence saying who changed it and how it stands now, so the
//! agent decides again instead of silently undoing a colleague's change. A write without
//! `If-Match` behaves as the contract always did (`docs/backends/communication.md`,
//! "Concurrent edits").

use super::store::ConversationRecord;
use crate::http::HttpError;
use axum::http::{header, HeaderMap, HeaderValue};

/// A conversation's version as an entity tag: `"v3"`.
pub fn etag(record: &ConversationRecord) -> String {
    format!("\"v{}\"", record.version)
}

/// The `ETag` header of an answer carrying `record`.
pub fn etag_header(record: &ConversationRecord) -> [(header::HeaderName, HeaderValue); 1] {
    let value = HeaderValue::from_str(&etag(record)).unwrap_or(HeaderValue::from_static("\"\""));
    [(header::ETAG, value)]
}

/// The versions an `If-Match` accepts; `None` without the header (or with `*`).
pub fn if_match(headers: &HeaderMap) -> Option<Vec<String>> {
    let raw = headers.get(header::IF_MATCH)?.to_str().ok()?.trim();
    if raw == "*" {
        return None;
    }
    Some(
        raw.split(',')
            .map(|tag| tag.trim().trim_start_matches("W/").to_owned())
            .filter(|tag| !tag.is_empty())
            .collect(),
    )
}

/// Refuses a write whose `If-Match` does not name the conversation's current version.
/// `changed_by` is the name of who made the last change, when known.
pub fn check(
    expected: Option<&[String]>,
    record: &ConversationRecord,
    names: Names<'_>,
) -> Result<(), HttpError> {
    let Some(expected) = expected else {
        return Ok(());
    };
    if expected.iter().any(|tag| *tag == etag(record)) {
        return Ok(());
    }
    Err(HttpError::stale(stale_sentence(record, names)))
}

/// The people a refusal names, by the names the team knows them by.
#[derive(Clone, Copy, Debug, Default)]
pub struct Names<'a> {
    /// Who changed the conversation last.
    pub changed_by: Option<&'a str>,
    /// Who it is assigned to now.
    pub assignee: Option<&'a str>,
}

/// "Léa Martin changed this conversation since you read it: it is now closed, assigned to
/// Camille Laurent. Nothing was changed by your request."
fn stale_sentence(record: &ConversationRecord, names: Names<'_>) -> String {
    let who = names.changed_by.unwrap_or("Someone else");
    let assignee = names
        .assignee
        .or(record.assigned_agent_id.as_deref())
        .map(|a| format!("assigned to {a}"))
        .unwrap_or_else(|| "assigned to no one".to_owned());
    format!(
        "{who} changed this conversation since you read it: it is now {}, {assignee}. \
         Nothing was changed by your request.",
        record.status.to_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(version: i64) -> ConversationRecord {
        ConversationRecord {
            id: "c".into(),
            trip_publication_id: String::new(),
            trip_reference: String::new(),
            establishment_id: String::new(),
            customer_id: "u".into(),
            assigned_agent_id: Some("agent-lea".into()),
            participants: Vec::new(),
            status: "CLOSED".into(),
            created_at: String::new(),
            customer_name: None,
            version,
            changed_by: None,
        }
    }

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MATCH, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn the_current_version_passes_and_an_older_one_is_refused_in_words() {
        let now = record(3);
        assert!(check(
            if_match(&headers("\"v3\"")).as_deref(),
            &now,
            Names::default()
        )
        .is_ok());
        assert!(check(
            if_match(&headers("W/\"v3\"")).as_deref(),
            &now,
            Names::default()
        )
        .is_ok());
        assert!(check(if_match(&headers("*")).as_deref(), &now, Names::default()).is_ok());
        assert!(check(
            if_match(&HeaderMap::new()).as_deref(),
            &now,
            Names::default()
        )
        .is_ok());
        let refused = check(
            if_match(&headers("\"v2\"")).as_deref(),
            &now,
            Names {
                changed_by: Some("Léa Martin"),
                assignee: Some("Léa Martin"),
            },
        )
        .unwrap_err();
        assert_eq!(refused.status.as_u16(), 412);
        assert!(
            refused
                .message
                .starts_with("Léa Martin changed this conversation"),
            "{}",
            refused.message
        );
        assert!(refused.message.contains("closed, assigned to Léa Martin"));
    }
}
