//! The error body of the support sessions' routes. `support-management.txt` gives none (it
//! documents only a "default" answer); its agent and rating descriptions are the Beckn
//! protocol's, so Switchboard answers with Beckn's error object (`code`, `paths`,
//! `message`) inside `error`, and adds the HTTP `status`, the request's `trace_id` and
//! `details`, one per problem (`docs/backends/support-sessions.md`, "Errors"):
//!
//! ```json
//! {"error": {"code": "INVALID_REQUEST", "paths": "callback_phone",
//!            "message": "The request is not valid: callback_phone must start with +…",
//!            "status": 400, "trace_id": "9b1d…",
//!            "details": [{"path": "callback_phone", "value": "0612", "message": "must start with +…"}]}}
//! ```

use crate::error::{ApiError, FieldIssue};
use crate::lenient::lenient_u32;
use serde::{Deserialize, Serialize};

/// The whole body of a refusal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorResponseDto {
    #[serde(default)]
    pub error: ErrorDto,
}

/// Beckn's error object, with Switchboard's `status`, `trace_id` and `details`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDto {
    /// `INVALID_REQUEST`, `UNAUTHORIZED`, `NOT_FOUND`, `CONFLICT`… ([`super::ERROR_CODES`]).
    #[serde(default)]
    pub code: Option<String>,
    /// The fields at fault, comma-separated (Beckn's `paths`); absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paths: Option<String>,
    /// One readable sentence.
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub status: u32,
    #[serde(default)]
    pub trace_id: Option<String>,
    #[serde(default)]
    pub details: Vec<ErrorDetailDto>,
}

/// One problem: the field (`path`), the refused value (shortened) and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetailDto {
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

impl ErrorDto {
    /// The problems, field by field; without `details`, each of `paths` with no reason.
    pub fn issues(&self) -> Vec<FieldIssue> {
        if !self.details.is_empty() {
            return self
                .details
                .iter()
                .map(|d| FieldIssue {
                    field: d.path.clone().unwrap_or_default(),
                    issue: d.message.clone().unwrap_or_default(),
                })
                .filter(|i| !i.field.is_empty() || !i.issue.is_empty())
                .collect();
        }
        self.paths
            .iter()
            .flat_map(|paths| paths.split(','))
            .map(str::trim)
            .filter(|path| !path.is_empty())
            .map(|path| FieldIssue {
                field: path.to_owned(),
                issue: String::new(),
            })
            .collect()
    }
}

/// A support sessions error response as the one domain error. An HTML page or an empty
/// body leaves the status to speak.
pub fn decode_error(status: u16, body: &str, correlation_id: Option<String>) -> ApiError {
    let mut error = ApiError::from_status(status, correlation_id);
    if let Ok(parsed) = serde_json::from_str::<ErrorResponseDto>(body) {
        let inner = parsed.error;
        error.details = inner.issues();
        error.backend_message = inner.message.filter(|m| !m.trim().is_empty());
        if let Some(trace) = inner.trace_id.filter(|t| !t.is_empty()) {
            error.correlation_id = Some(trace);
        }
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn a_refusal_names_its_fields() {
        let body = r#"{"error":{"code":"INVALID_REQUEST","paths":"callback_phone","message":"The request is not valid: callback_phone must start with + and the country code (E.164).","status":400,"trace_id":"t-1","details":[{"path":"callback_phone","value":"0612345678","message":"must start with + and the country code (E.164)"}]}}"#;
        let e = decode_error(400, body, Some("header".into()));
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(e.correlation_id.as_deref(), Some("t-1"));
        assert_eq!(
            e.detail_lines(),
            vec!["callback_phone: must start with + and the country code (E.164)"]
        );
        assert!(e.backend_message.unwrap().contains("E.164"));
    }

    #[test]
    fn a_conflict_and_a_bare_beckn_error_are_read() {
        let e = decode_error(
            409,
            r#"{"error":{"code":"CONFLICT","message":"The support session of order RIDE-1 is already open.","status":409,"details":[]}}"#,
            None,
        );
        assert_eq!(e.kind, ErrorKind::Conflict);
        assert!(e.details.is_empty());
        let e = decode_error(
            400,
            r#"{"error":{"code":"30004","paths":"order_id, callback_phone","message":"Bad"}}"#,
            None,
        );
        assert_eq!(
            e.detail_lines(),
            vec!["order_id is not valid", "callback_phone is not valid"]
        );
    }

    #[test]
    fn pages_and_empty_bodies_leave_the_status_to_speak() {
        let e = decode_error(502, "<html>Bad gateway</html>", Some("c".into()));
        assert_eq!(e.kind, ErrorKind::Unavailable);
        assert_eq!(e.correlation_id.as_deref(), Some("c"));
        let e = decode_error(401, "", None);
        assert_eq!(e.kind, ErrorKind::Unauthorized);
        assert_eq!(e.backend_message, None);
    }
}
