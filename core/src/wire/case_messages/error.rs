//! The case messages API's error body, `{"error":{"message":"..."}}`, on every refusal. Its
//! message is Joi's (the vendor's validator): one clause per field at fault, such as
//! `child "guid" fails because ["guid" is required]`, or for an item of `confirm`'s array
//! `"value" at position 0 fails because ["0" must be a number]`; several are joined with
//! `". "`. [`decode_error`] reads each clause back into a named field.
//!
//! `confirm` never fails for an id it cannot process: it answers 200 and lists the id in
//! `errors` ([`super::ConfirmResultDto`]); [`confirm_failures`] reads them.

use super::{ConfirmResultDto, NOT_FOUND, NO_ACCESS};
use crate::error::{ApiError, FieldIssue};
use serde::{Deserialize, Serialize};

/// The body of every refusal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBodyDto {
    #[serde(default)]
    pub error: ErrorDto,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDto {
    #[serde(default)]
    pub message: Option<String>,
}

impl ErrorBodyDto {
    pub fn new(message: impl Into<String>) -> Self {
        ErrorBodyDto {
            error: ErrorDto {
                message: Some(message.into()),
            },
        }
    }
}

/// Joi's clause for one field: `child "guid" fails because ["guid" is required]`.
pub fn field_clause(field: &str, issue: &str) -> String {
    format!("child \"{field}\" fails because [\"{field}\" {issue}]")
}

/// Joi's clause for one item of an array body:
/// `"value" at position 0 fails because ["0" must be a number]`.
pub fn position_clause(position: usize, issue: &str) -> String {
    format!("\"value\" at position {position} fails because [\"{position}\" {issue}]")
}

const BECAUSE: &str = " fails because [";

/// The fields Joi's message names, each with its issue: `guid` for a `child "guid"`
/// clause, `[0]` for an item at position 0. A message in no known form names none.
pub fn issues_in(message: &str) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let mut rest = message;
    while let Some(at) = rest.find(BECAUSE) {
        let subject = rest[..at].trim_start_matches(['.', ' ']);
        let inner_start = at + BECAUSE.len();
        let Some(inner_len) = closing_bracket(&rest[inner_start..]) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + inner_len];
        rest = &rest[inner_start + inner_len + 1..];
        let (field, label) = if let Some(name) = subject
            .strip_prefix("child \"")
            .and_then(|s| s.strip_suffix('"'))
        {
            (name.to_owned(), name.to_owned())
        } else if let Some(position) = subject.strip_prefix("\"value\" at position ") {
            (format!("[{position}]"), position.to_owned())
        } else {
            continue;
        };
        let issue = inner
            .strip_prefix(&format!("\"{label}\" "))
            .unwrap_or(inner)
            .to_owned();
        issues.push(FieldIssue { field, issue });
    }
    issues
}

/// The length of `text` up to the `]` that closes a `[` just before it.
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(index),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A case messages error response as the one domain error: the message as the backend's
/// words, each Joi clause as a named field. An HTML page or an empty body leaves the
/// status to speak.
pub fn decode_error(status: u16, body: &str, correlation_id: Option<String>) -> ApiError {
    let mut error = ApiError::from_status(status, correlation_id);
    if let Ok(parsed) = serde_json::from_str::<ErrorBodyDto>(body) {
        if let Some(message) = parsed.error.message.filter(|m| !m.trim().is_empty()) {
            error.details = issues_in(&message);
            error.backend_message = Some(message);
        }
    }
    error
}

/// Why one id of a `confirm` was not confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfirmFailure {
    /// "Not found": most likely deleted.
    NotFound,
    /// "No access": a case this account may not read.
    NoAccess,
    /// Any other reason, verbatim.
    Other(String),
}

impl ConfirmFailure {
    pub fn from_message(message: &str) -> Self {
        match message.trim() {
            NOT_FOUND => ConfirmFailure::NotFound,
            NO_ACCESS => ConfirmFailure::NoAccess,
            other => ConfirmFailure::Other(other.to_owned()),
        }
    }

    /// How the console says it.
    pub fn explain(&self) -> &str {
        match self {
            ConfirmFailure::NotFound => "not found (most likely deleted)",
            ConfirmFailure::NoAccess => "no access to its case",
            ConfirmFailure::Other(raw) => raw,
        }
    }
}

/// The ids a 200 from `confirm` did not confirm, with why; empty when all went through.
/// An entry without an id is kept with id 0, so a failure is never silently dropped.
pub fn confirm_failures(result: &ConfirmResultDto) -> Vec<(u64, ConfirmFailure)> {
    result
        .errors
        .iter()
        .map(|e| {
            (
                e.id.unwrap_or_default(),
                ConfirmFailure::from_message(e.message.as_deref().unwrap_or_default()),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn the_documents_refusals_name_their_fields() {
        let e = decode_error(400, include_str!("fixtures/create_error.json"), None);
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(
            e.backend_message.as_deref(),
            Some("child \"guid\" fails because [\"guid\" is required]")
        );
        assert_eq!(e.detail_lines(), vec!["guid: is required"]);

        let e = decode_error(400, include_str!("fixtures/confirm_error.json"), None);
        assert_eq!(e.detail_lines(), vec!["[0]: must be a number"]);
    }

    #[test]
    fn several_clauses_and_brackets_inside_are_read() {
        let message = [
            field_clause("type", "must be one of [serviceComment, reminder]"),
            field_clause(
                "externalId",
                "length must be less than or equal to 512 characters long",
            ),
            position_clause(3, "must be a positive number"),
        ]
        .join(". ");
        let issues = issues_in(&message);
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["type", "externalId", "[3]"]);
        assert_eq!(issues[0].issue, "must be one of [serviceComment, reminder]");
    }

    #[test]
    fn other_bodies_leave_the_status_to_speak() {
        let e = decode_error(
            401,
            r#"{"error":{"message":"Sign in first."}}"#,
            Some("c".into()),
        );
        assert_eq!(e.kind, ErrorKind::Unauthorized);
        assert_eq!(e.backend_message.as_deref(), Some("Sign in first."));
        assert!(e.details.is_empty());
        assert_eq!(e.correlation_id.as_deref(), Some("c"));
        let e = decode_error(502, "<html>Bad gateway</html>", None);
        assert_eq!(e.kind, ErrorKind::Unavailable);
        assert_eq!(e.backend_message, None);
    }

    #[test]
    fn a_partial_confirm_says_which_ids_failed_and_why() {
        let result: ConfirmResultDto =
            serde_json::from_str(include_str!("fixtures/confirm_partial.json")).unwrap();
        assert!(result.success, "a partial success is still a success");
        assert_eq!(
            confirm_failures(&result),
            vec![
                (11, ConfirmFailure::NotFound),
                (22, ConfirmFailure::NoAccess)
            ]
        );
        let all: ConfirmResultDto =
            serde_json::from_str(include_str!("fixtures/confirm_response.json")).unwrap();
        assert_eq!(all, ConfirmResultDto::all_confirmed());
        assert!(confirm_failures(&all).is_empty());
    }
}
