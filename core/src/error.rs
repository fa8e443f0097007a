//! The one error the console shows, whatever the backend: each backend's own error body
//! is decoded by its `wire/<backend>/error.rs` into an [`ApiError`]; an HTML error page
//! or no body at all leaves the status to speak. Here: the kinds, and their words.

use crate::i18n::{text, Lang, Say};
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
    /// What was asked is something this backend cannot do (its API has no way to): never
    /// sent, so nothing was stored. The connector says what and why in `backend_message`.
    Unsupported,
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
            ErrorKind::Invalid
                | ErrorKind::Forbidden
                | ErrorKind::NotFound
                | ErrorKind::TooLarge
                | ErrorKind::Unsupported
        )
    }

    pub fn network(cause: impl Into<String>) -> Self {
        ApiError {
            backend_message: Some(cause.into()),
            ..ApiError::new(ErrorKind::Network)
        }
    }

    /// What a backend cannot do, with the sentence that says why (in the reader's words).
    pub fn unsupported(why: impl Into<String>) -> Self {
        ApiError {
            backend_message: Some(why.into()),
            ..ApiError::new(ErrorKind::Unsupported)
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

    /// One sentence for the person in front of the console, in their language.
    pub fn summary(&self, lang: Lang) -> String {
        let id = match self.kind {
            ErrorKind::Network => msg!("error-network"),
            ErrorKind::Timeout => msg!("error-timeout"),
            ErrorKind::Invalid => msg!("error-invalid"),
            ErrorKind::Unauthorized => msg!("error-unauthorized"),
            ErrorKind::Forbidden => msg!("error-forbidden"),
            ErrorKind::NotFound => msg!("error-not-found"),
            ErrorKind::Conflict => msg!("error-conflict"),
            ErrorKind::TooLarge => msg!("error-too-large"),
            ErrorKind::RateLimited => msg!("error-rate-limited"),
            ErrorKind::Unavailable => msg!("error-unavailable"),
            ErrorKind::Server => msg!("error-server"),
            ErrorKind::MalformedReply => msg!("error-malformed-reply"),
            ErrorKind::Unexpected => msg!("error-unexpected"),
            ErrorKind::Cancelled => msg!("error-cancelled"),
            ErrorKind::KeyReused => msg!("error-key-reused"),
            ErrorKind::Unsupported => msg!("error-unsupported"),
        };
        text(lang, id)
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

/// The summary in the reader's language, with the HTTP status when there was one.
impl Say for ApiError {
    fn say(&self, lang: Lang) -> String {
        match self.status {
            Some(status) => format!("{} (HTTP {status})", self.summary(lang)),
            None => self.summary(lang),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
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
    fn what_a_backend_cannot_do_is_said_as_such_in_each_language_and_was_never_sent() {
        let e = ApiError::unsupported("Octopia has no assignee.");
        assert_eq!(e.kind, ErrorKind::Unsupported);
        assert!(!e.may_have_arrived());
        assert_eq!(
            e.summary(Lang::En),
            "This backend cannot do this: its API offers no way to."
        );
        assert!(e.summary(Lang::Fr).starts_with("Ce backend"));
        assert!(e.summary(Lang::Es).starts_with("Este backend"));
        assert_eq!(
            e.backend_message.as_deref(),
            Some("Octopia has no assignee.")
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
