//! The one error the console shows, whatever the backend: each backend's own error body
//! is decoded by its `wire/<backend>/error.rs` into an [`ApiError`]; an HTML error page
//! or no body at all leaves the status to speak. Here: the kinds, and their words.

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
    /// A create's idempotency key was already used for a different request: an earlier
    /// version of the message had arrived, and this one was not stored.
    KeyReused,
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

    /// Whether a create may have been carried out although this answer is not its success:
    /// anything but a final refusal (400, 403, 404, 413, 422: the server answered, stored
    /// nothing, and keeps that answer under the request's idempotency key). No answer, a
    /// timeout, a 409 while the first attempt still runs, a 5xx, an ended session: the
    /// message may be stored, so an edited version must keep its key.
    pub fn may_have_arrived(&self) -> bool {
        !matches!(
            self.kind,
            ErrorKind::Invalid | ErrorKind::Forbidden | ErrorKind::NotFound | ErrorKind::TooLarge
        )
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

    /// An error response before its body is read: the status speaks, and the
    /// `X-Correlation-ID` header names the request. Each backend's `wire/<backend>/error.rs`
    /// then reads its own body into `backend_message`, `details` and its trace id.
    pub fn from_status(status: u16, correlation_id: Option<String>) -> Self {
        ApiError {
            status: Some(status),
            correlation_id,
            ..ApiError::new(ErrorKind::from_status(status))
        }
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
            ErrorKind::KeyReused => "The earlier version of this message had already arrived, so this one was not sent. Send it again to add it as a new message.",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_before_its_body_has_the_status_and_the_request_id() {
        let e = ApiError::from_status(502, Some("c-1".into()));
        assert_eq!(e.kind, ErrorKind::Unavailable);
        assert_eq!(e.backend_message, None);
        assert_eq!(e.correlation_id.as_deref(), Some("c-1"));
        assert_eq!(
            e.to_string(),
            "The server is unavailable for now. Try again in a moment. (HTTP 502)"
        );
    }

    #[test]
    fn only_a_final_refusal_says_a_create_was_not_stored() {
        let arrived = |status| ApiError::from_status(status, None).may_have_arrived();
        for kept in [400, 403, 404, 413, 422] {
            assert!(!arrived(kept), "{kept} is a final refusal");
        }
        for unsure in [401, 409, 429, 500, 502, 504] {
            assert!(
                arrived(unsure),
                "{unsure} may follow a stored first attempt"
            );
        }
        assert!(ApiError::network("reset").may_have_arrived());
        assert!(ApiError::new(ErrorKind::Timeout).may_have_arrived());
    }

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(500), ErrorKind::Server);
        assert_eq!(ErrorKind::from_status(413), ErrorKind::TooLarge);
        assert_eq!(ErrorKind::from_status(418), ErrorKind::Unexpected);
        assert_eq!(ErrorKind::from_status(404), ErrorKind::NotFound);
    }

    #[test]
    fn detail_lines_read_with_or_without_a_field() {
        let mut e = ApiError::new(ErrorKind::Invalid);
        e.details = vec![
            FieldIssue {
                field: "mail".into(),
                issue: "must be an email address".into(),
            },
            FieldIssue {
                field: String::new(),
                issue: "too many files".into(),
            },
            FieldIssue {
                field: "name".into(),
                issue: String::new(),
            },
        ];
        assert_eq!(
            e.detail_lines(),
            vec![
                "mail: must be an email address",
                "too many files",
                "name is not valid"
            ]
        );
    }
}
