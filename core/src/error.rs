//! One error type for every backend: whatever a backend answers (its own error body, an
//! HTML error page, nothing at all) becomes an [`ApiError`] the console can put in words.

use serde::Deserialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request never got an answer: offline, DNS, refused connection, CORS.
    Network,
    /// No answer in time.
    Timeout,
    /// 400 or 422: the backend refused what was sent.
    Invalid,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    RateLimited,
    /// 502, 503, 504: the backend is down or overloaded for now.
    Unavailable,
    /// Any other 5xx.
    Server,
    /// A 2xx whose body is not what the contract says.
    MalformedReply,
    /// Any other status.
    Unexpected,
    /// The person stopped it (an upload cancelled).
    Cancelled,
}

impl ErrorKind {
    pub fn from_status(status: u16) -> Self {
        match status {
            400 | 422 => ErrorKind::Invalid,
            401 => ErrorKind::Unauthorized,
            403 => ErrorKind::Forbidden,
            404 | 410 => ErrorKind::NotFound,
            408 => ErrorKind::Timeout,
            409 | 412 => ErrorKind::Conflict,
            413 => ErrorKind::TooLarge,
            429 => ErrorKind::RateLimited,
            502..=504 => ErrorKind::Unavailable,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::Unexpected,
        }
    }

    /// Whether trying the same request again later may work.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorKind::Network
                | ErrorKind::Timeout
                | ErrorKind::RateLimited
                | ErrorKind::Unavailable
                | ErrorKind::Server
        )
    }
}

/// A field the backend named in its refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    pub field: String,
    pub issue: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    /// The backend's own message, when it sent one we could read.
    pub backend_message: Option<String>,
    pub details: Vec<FieldIssue>,
    /// The backend's trace id (`debug_id`, `X-Correlation-ID`), for support tickets.
    pub correlation_id: Option<String>,
}

impl ApiError {
    pub fn new(kind: ErrorKind) -> Self {
        ApiError {
            kind,
            status: None,
            backend_message: None,
            details: Vec::new(),
            correlation_id: None,
        }
    }

    pub fn network(cause: impl Into<String>) -> Self {
        ApiError {
            backend_message: Some(cause.into()),
            ..ApiError::new(ErrorKind::Network)
        }
    }

    pub fn malformed(what: impl Into<String>) -> Self {
        ApiError {
            backend_message: Some(what.into()),
            ..ApiError::new(ErrorKind::MalformedReply)
        }
    }

    /// Normalises an error response. Reads, in order: the communication API's body
    /// (`name`, `message`, `debug_id`, `details`), `{"error":{"message"}}`,
    /// `{"error":"..."}` and `{"message":"..."}`. Anything else (an HTML page, an empty
    /// body) leaves only the status to speak, and is never shown to the person as is.
    pub fn from_response(status: u16, body: &str, correlation_id: Option<String>) -> Self {
        let mut error = ApiError {
            status: Some(status),
            correlation_id,
            ..ApiError::new(ErrorKind::from_status(status))
        };
        if let Ok(parsed) = serde_json::from_str::<AnyErrorBody>(body) {
            error.backend_message = parsed.message();
            error.details = parsed
                .details
                .into_iter()
                .filter(|d| !d.field.is_empty() || !d.issue.is_empty())
                .map(|d| FieldIssue {
                    field: d.field,
                    issue: d.issue,
                })
                .collect();
            if let Some(debug_id) = parsed.debug_id.filter(|id| !id.is_empty()) {
                error.correlation_id = Some(debug_id);
            }
        }
        error
    }

    /// One sentence for the person in front of the console.
    pub fn summary(&self) -> &'static str {
        match self.kind {
            ErrorKind::Network => "The server could not be reached. Check the connection and try again.",
            ErrorKind::Timeout => "The server took too long to answer. Try again in a moment.",
            ErrorKind::Invalid => "The server refused the request because some information is not valid.",
            ErrorKind::Unauthorized => "Your session is not accepted by the server. Sign in again.",
            ErrorKind::Forbidden => "You are not allowed to do this.",
            ErrorKind::NotFound => "This no longer exists on the server.",
            ErrorKind::Conflict => "Someone else changed this at the same time. Reload and try again.",
            ErrorKind::TooLarge => "This is larger than the server accepts.",
            ErrorKind::RateLimited => "The server is receiving too many requests. Wait a moment and try again.",
            ErrorKind::Unavailable => "The server is unavailable for now. Try again in a moment.",
            ErrorKind::Server => "The server failed while handling the request. Try again; if it keeps failing, tell your administrator.",
            ErrorKind::MalformedReply => "The server answered with something Switchboard could not read.",
            ErrorKind::Unexpected => "The server gave an unexpected answer.",
            ErrorKind::Cancelled => "Sending was cancelled. Nothing was lost: send again when ready.",
        }
    }

    /// Field-level reasons, ready to show under the summary.
    pub fn detail_lines(&self) -> Vec<String> {
        self.details
            .iter()
            .map(|d| match (d.field.is_empty(), d.issue.is_empty()) {
                (false, false) => format!("{}: {}", d.field, d.issue),
                (true, _) => d.issue.clone(),
                (false, true) => format!("{} is not valid", d.field),
            })
            .collect()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.summary())?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// The union of the error bodies our backends send; every field optional.
#[derive(Deserialize, Default)]
struct AnyErrorBody {
    #[serde(default)]
    message: Option<serde_json::Value>,
    #[serde(default)]
    error: Option<serde_json::Value>,
    #[serde(default)]
    debug_id: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::null_as_default")]
    details: Vec<AnyDetail>,
}

#[derive(Deserialize, Default)]
struct AnyDetail {
    #[serde(default)]
    field: String,
    #[serde(default)]
    issue: String,
}

impl AnyErrorBody {
    fn message(&self) -> Option<String> {
        let text = |v: &serde_json::Value| v.as_str().map(str::to_owned);
        self.message
            .as_ref()
            .and_then(text)
            .or_else(|| match &self.error {
                Some(serde_json::Value::String(s)) => Some(s.clone()),
                Some(serde_json::Value::Object(o)) => o.get("message").and_then(text),
                _ => None,
            })
            .filter(|m| !m.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_communication_error_body_is_read() {
        let body = r#"{"name":"INVALID_REQUEST","debug_id":"abc-123","message":"Request is not valid","information_link":"","details":[{"field":"mail","value":"x","location":"body","issue":"must be an email address"}]}"#;
        let e = ApiError::from_response(400, body, Some("header-id".into()));
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(e.backend_message.as_deref(), Some("Request is not valid"));
        assert_eq!(e.correlation_id.as_deref(), Some("abc-123"));
        assert_eq!(e.detail_lines(), vec!["mail: must be an email address"]);
    }

    #[test]
    fn other_dialects_are_read() {
        let e = ApiError::from_response(401, r#"{"error":{"message":"token expired"}}"#, None);
        assert_eq!(e.kind, ErrorKind::Unauthorized);
        assert_eq!(e.backend_message.as_deref(), Some("token expired"));
        let e = ApiError::from_response(404, r#"{"error":"no such ticket"}"#, None);
        assert_eq!(e.backend_message.as_deref(), Some("no such ticket"));
    }

    #[test]
    fn an_html_error_page_leaves_the_status_to_speak() {
        let e = ApiError::from_response(
            502,
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            None,
        );
        assert_eq!(e.kind, ErrorKind::Unavailable);
        assert_eq!(e.backend_message, None);
        assert!(e.kind.is_transient());
        assert_eq!(
            e.to_string(),
            "The server is unavailable for now. Try again in a moment. (HTTP 502)"
        );
    }

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(500), ErrorKind::Server);
        assert_eq!(ErrorKind::from_status(413), ErrorKind::TooLarge);
        assert_eq!(ErrorKind::from_status(418), ErrorKind::Unexpected);
        assert!(!ErrorKind::Invalid.is_transient());
    }
}
