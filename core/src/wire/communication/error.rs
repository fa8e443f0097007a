//! The communication API's error body (`name`, `debug_id`, `message`,
//! `information_link`, `details`) and its decoding into the one domain error.

use super::dto::Link;
use crate::error::{ApiError, FieldIssue};
use crate::lenient::null_as_default;
use serde::{Deserialize, Serialize};

/// The error body of every 4xx and 5xx.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub debug_id: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub information_link: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub details: Vec<ErrorDetail>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub issue: String,
}

/// A communication API error response as the one domain error: its `message`, its
/// `details` as field issues, and its `debug_id` as the trace id. An HTML page or an empty
/// body leaves the status to speak.
pub fn decode_error(status: u16, body: &str, correlation_id: Option<String>) -> ApiError {
    let mut error = ApiError::from_status(status, correlation_id);
    if let Ok(parsed) = serde_json::from_str::<ErrorBody>(body) {
        error.backend_message = Some(parsed.message).filter(|m| !m.trim().is_empty());
        error.details = parsed
            .details
            .into_iter()
            .filter(|d| !d.field.is_empty() || !d.issue.is_empty())
            .map(|d| FieldIssue {
                field: d.field,
                issue: d.issue,
            })
            .collect();
        if !parsed.debug_id.is_empty() {
            error.correlation_id = Some(parsed.debug_id);
        }
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn the_documented_error_body_is_read() {
        let body = r#"{"name":"INVALID_REQUEST","debug_id":"abc-123","message":"Request is not valid","information_link":"","details":[{"field":"mail","value":"x","location":"body","issue":"must be an email address"}]}"#;
        let e = decode_error(400, body, Some("header-id".into()));
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(e.backend_message.as_deref(), Some("Request is not valid"));
        assert_eq!(e.correlation_id.as_deref(), Some("abc-123"));
        assert_eq!(e.detail_lines(), vec!["mail: must be an email address"]);
    }

    #[test]
    fn another_dialect_s_body_or_an_html_page_leaves_the_status_to_speak() {
        let e = decode_error(
            401,
            r#"{"error":{"message":"token expired"}}"#,
            Some("h".into()),
        );
        assert_eq!(e.kind, ErrorKind::Unauthorized);
        assert_eq!(e.backend_message, None);
        assert_eq!(e.correlation_id.as_deref(), Some("h"));
        let e = decode_error(
            502,
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            None,
        );
        assert_eq!(e.kind, ErrorKind::Unavailable);
        assert_eq!(e.backend_message, None);
    }
}
