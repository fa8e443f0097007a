//! The one error every handler returns, whatever its dialect: a status, a kind, a message
//! and the problems found, field by field. It names no wire shape: each dialect renders it
//! in its own body ([`super::render`]).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::fmt;

/// A refused value is echoed up to this many characters, so an error never carries a
/// whole oversized body back.
const MAX_ECHOED_CHARS: usize = 80;

/// What went wrong, in words no dialect owns; each renderer names it in its vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The request is not valid (400, or another 4xx with no kind of its own).
    Invalid,
    /// 401: the route needs a signed-in agent (or the sign-in itself was refused).
    Unauthorized,
    /// 403: the request may not do this (a write without the console's header).
    Forbidden,
    /// An id names nothing.
    NotFound,
    /// No operation answers at this path.
    NoRoute,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// 409: the request collides with another one still under way (its `Idempotency-Key`
    /// is in use); `retry_after_secs` says when to try again.
    Conflict,
    /// 412: the write named a version of the resource that is no longer the current one.
    Stale,
    /// 429: this client sent too many requests; `retry_after_secs` says when to try again.
    TooManyRequests,
    /// 503: the server is full, slow or its database busy; `retry_after_secs` says when to
    /// try again.
    Unavailable,
    /// The server failed; the cause is logged, never sent.
    Internal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    Body,
    Query,
    Path,
    Header,
}

impl Location {
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Body => "body",
            Location::Query => "query",
            Location::Path => "path",
            Location::Header => "header",
        }
    }
}

/// One named problem of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    /// The refused value, shortened (see [`problem`]).
    pub value: String,
    pub location: Location,
    pub issue: String,
}

/// One named problem of a request; a long value is cut when echoed.
pub fn problem(location: Location, field: &str, value: &str, issue: impl Into<String>) -> Problem {
    Problem {
        field: field.to_owned(),
        value: echo(value),
        location,
        issue: issue.into(),
    }
}

/// A body's checks and its files' together, so one answer names every problem.
pub fn both<A, B>(
    body: Result<A, HttpError>,
    files: Result<B, HttpError>,
) -> Result<(A, B), HttpError> {
    match (body, files) {
        (Ok(body), Ok(files)) => Ok((body, files)),
        (Err(error), Ok(_)) | (Ok(_), Err(error)) => Err(error),
        (Err(body), Err(files)) => Err(body.and(files)),
    }
}

fn echo(value: &str) -> String {
    if value.chars().count() <= MAX_ECHOED_CHARS {
        value.to_owned()
    } else {
        let mut shortened: String = value.chars().take(MAX_ECHOED_CHARS).collect();
        shortened.push('…');
        shortened
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpError {
    pub status: StatusCode,
    pub kind: Kind,
    pub message: String,
    pub problems: Vec<Problem>,
    /// What failed inside, for the server's log only: never sent to the client.
    pub internal_cause: Option<String>,
    /// When to try again, in seconds: sent as `Retry-After`.
    pub retry_after_secs: Option<u64>,
}

impl HttpError {
    fn new(status: StatusCode, kind: Kind, message: impl Into<String>) -> Self {
        HttpError {
            status,
            kind,
            message: message.into(),
            problems: Vec::new(),
            internal_cause: None,
            retry_after_secs: None,
        }
    }

    /// 503: try again in `retry_after_secs`.
    pub fn unavailable(retry_after_secs: u64, message: impl Into<String>) -> Self {
        HttpError {
            retry_after_secs: Some(retry_after_secs),
            ..HttpError::new(StatusCode::SERVICE_UNAVAILABLE, Kind::Unavailable, message)
        }
    }

    /// 502 or 504: a vendor's API, which this server forwards to, failed to answer; the
    /// message says which and how, never with a secret.
    pub fn upstream(status: StatusCode, message: impl Into<String>) -> Self {
        HttpError {
            retry_after_secs: Some(5),
            ..HttpError::new(status, Kind::Unavailable, message)
        }
    }

    /// 409: another request is using what this one needs; try again in `retry_after_secs`.
    pub fn conflict(retry_after_secs: u64, message: impl Into<String>) -> Self {
        HttpError {
            retry_after_secs: Some(retry_after_secs),
            ..HttpError::new(StatusCode::CONFLICT, Kind::Conflict, message)
        }
    }

    /// 412: `If-Match` names an older version; `message` says who changed it and how.
    pub fn stale(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::PRECONDITION_FAILED, Kind::Stale, message)
    }

    /// 422: the request is well formed but cannot be accepted as it is.
    pub fn unprocessable(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::UNPROCESSABLE_ENTITY, Kind::Invalid, message)
    }

    /// 408: the request's body did not arrive in time; `message` says what was expected.
    pub fn request_timeout(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::REQUEST_TIMEOUT, Kind::Invalid, message)
    }

    /// 429 for a client over its rate on a public route.
    pub fn too_many_requests(retry_after_secs: u64) -> Self {
        HttpError {
            retry_after_secs: Some(retry_after_secs),
            ..HttpError::new(
                StatusCode::TOO_MANY_REQUESTS,
                Kind::TooManyRequests,
                format!(
                    "Too many requests from your address; try again in {retry_after_secs} s \
                     (the Retry-After header)."
                ),
            )
        }
    }

    /// 401 with a sentence saying what to do.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::UNAUTHORIZED, Kind::Unauthorized, message)
    }

    /// 403 with a sentence saying why.
    pub fn forbidden(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::FORBIDDEN, Kind::Forbidden, message)
    }

    /// 400 with every problem found.
    pub fn invalid(problems: Vec<Problem>) -> Self {
        let message = match problems.as_slice() {
            [only] => format!("The request is not valid: {} {}", only.field, only.issue),
            _ => "The request is not valid; see details.".to_owned(),
        };
        HttpError {
            problems,
            ..HttpError::new(StatusCode::BAD_REQUEST, Kind::Invalid, message)
        }
    }

    pub fn invalid_field(
        location: Location,
        field: &str,
        value: &str,
        issue: impl Into<String>,
    ) -> Self {
        HttpError::invalid(vec![problem(location, field, value, issue)])
    }

    /// 404 for an id that names nothing: usually in the path, sometimes in a body.
    pub fn not_found(what: &str, location: Location, field: &str, id: &str) -> Self {
        HttpError {
            problems: vec![problem(
                location,
                field,
                id,
                format!("no {what} has this id"),
            )],
            ..HttpError::new(
                StatusCode::NOT_FOUND,
                Kind::NotFound,
                format!("No {what} has the id “{}”.", echo(id)),
            )
        }
    }

    pub fn no_route() -> Self {
        HttpError::new(
            StatusCode::NOT_FOUND,
            Kind::NoRoute,
            "No operation answers at this path; see the routes in the information link.",
        )
    }

    pub fn method_not_allowed() -> Self {
        HttpError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            Kind::MethodNotAllowed,
            "This path does not accept this method; the Allow header lists those it does.",
        )
    }

    pub fn payload_too_large() -> Self {
        HttpError::payload_too_large_over(crate::BODY_LIMIT_BYTES)
    }

    /// 413 for a body over a route's own limit (the routes that take files have larger ones).
    pub fn payload_too_large_over(limit_bytes: usize) -> Self {
        HttpError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            Kind::PayloadTooLarge,
            format!(
                "The request body is larger than the {} KiB this API accepts.",
                limit_bytes / 1024
            ),
        )
    }

    /// Refused files (and whatever else the request got wrong): 413 when a file or the
    /// total is too large, else 400.
    pub fn refused(problems: Vec<Problem>, too_large: bool) -> Self {
        if !too_large {
            return HttpError::invalid(problems);
        }
        let message = match problems.as_slice() {
            [only] => format!("The request is too large: {}", only.issue),
            _ => "The request is too large; see details.".to_owned(),
        };
        HttpError {
            problems,
            ..HttpError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                Kind::PayloadTooLarge,
                message,
            )
        }
    }

    /// Both errors' problems in one answer, so a client can fix everything at once; a 413
    /// outranks a 400. Other errors (404, 500) are not merged: the first one stands.
    pub fn and(self, other: HttpError) -> Self {
        let mergeable = |e: &HttpError| {
            matches!(
                e.status,
                StatusCode::BAD_REQUEST | StatusCode::PAYLOAD_TOO_LARGE
            )
        };
        if !mergeable(&self) || !mergeable(&other) {
            return self;
        }
        let too_large = [&self, &other]
            .iter()
            .any(|e| e.status == StatusCode::PAYLOAD_TOO_LARGE);
        let mut problems = self.problems;
        problems.extend(other.problems);
        HttpError::refused(problems, too_large)
    }

    pub fn unsupported_media_type() -> Self {
        HttpError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Kind::UnsupportedMediaType,
            "Send the body as JSON, with the header Content-Type: application/json.",
        )
    }

    /// The routes that also take files.
    pub fn unsupported_media_type_for_upload() -> Self {
        HttpError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Kind::UnsupportedMediaType,
            "Send the body as JSON (Content-Type: application/json), or as multipart/form-data \
             to attach files.",
        )
    }

    /// 500: the cause goes to the log, the client reads a generic message and the id.
    pub fn internal(cause: impl fmt::Display) -> Self {
        HttpError {
            internal_cause: Some(cause.to_string()),
            ..HttpError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                Kind::Internal,
                "The server failed to handle this request. Quote the debug_id when reporting it.",
            )
        }
    }

    /// The error for a status axum or a middleware produced without a body of ours.
    pub fn for_bare_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => HttpError::no_route(),
            StatusCode::METHOD_NOT_ALLOWED => HttpError::method_not_allowed(),
            StatusCode::PAYLOAD_TOO_LARGE => HttpError::payload_too_large(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => HttpError::unsupported_media_type(),
            status if status.is_server_error() => HttpError {
                status,
                ..HttpError::internal(format!("a bare {status} response"))
            },
            status => HttpError::new(
                status,
                Kind::Invalid,
                status
                    .canonical_reason()
                    .unwrap_or("The request is not valid."),
            ),
        }
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?}: {}",
            self.status.as_u16(),
            self.kind,
            self.message
        )?;
        for problem in &self.problems {
            write!(f, "; {} {}", problem.field, problem.issue)?;
        }
        if let Some(cause) = &self.internal_cause {
            write!(f, " ({cause})")?;
        }
        Ok(())
    }
}

impl std::error::Error for HttpError {}

/// What a client is told to wait when SQLite stayed busy past the store's busy timeout.
pub const DATABASE_BUSY_RETRY_AFTER_SECS: u64 = 2;

/// A store failure is a 500, except a busy database ([`crate::store::StoreError::Busy`]): in
/// use, not broken, so a 503 says to try again.
impl From<crate::store::StoreError> for HttpError {
    fn from(error: crate::store::StoreError) -> Self {
        if !matches!(error, crate::store::StoreError::Busy(_)) {
            return HttpError::internal(error);
        }
        HttpError {
            internal_cause: Some(error.to_string()),
            ..HttpError::unavailable(
                DATABASE_BUSY_RETRY_AFTER_SECS,
                "The database is busy; try again shortly.",
            )
        }
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        // A plain-text stand-in: the layer of `rendered` replaces it with the dialect's body.
        let mut response = (self.status, self.message.clone()).into_response();
        if let Some(secs) = self.retry_after_secs {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response.extensions_mut().insert(self);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_when_echoed() {
        let p = problem(Location::Body, "content", &"é".repeat(500), "is too long");
        assert_eq!(p.value.chars().count(), MAX_ECHOED_CHARS + 1);
        assert!(p.value.ends_with('…'));
        assert_eq!(p.location.as_str(), "body");
    }

    #[test]
    fn merged_errors_keep_every_problem_and_the_graver_status() {
        let invalid = HttpError::invalid_field(Location::Body, "content", "", "is required");
        let too_large = HttpError::refused(
            vec![problem(Location::Body, "files[0]", "a.png", "is too big")],
            true,
        );
        let both = invalid.clone().and(too_large);
        assert_eq!(both.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(both.kind, Kind::PayloadTooLarge);
        let fields: Vec<_> = both.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["content", "files[0]"]);
        let two_400s = invalid.clone().and(invalid.clone());
        assert_eq!(two_400s.status, StatusCode::BAD_REQUEST);
        assert_eq!(two_400s.problems.len(), 2);
        let missing = HttpError::no_route();
        assert_eq!(missing.clone().and(invalid), missing);
    }

    #[test]
    fn bare_statuses_get_their_kinds() {
        let kinds: Vec<_> = [404, 405, 413, 415, 400, 503]
            .into_iter()
            .map(|s| HttpError::for_bare_status(StatusCode::from_u16(s).unwrap()).kind)
            .collect();
        assert_eq!(
            kinds,
            [
                Kind::NoRoute,
                Kind::MethodNotAllowed,
                Kind::PayloadTooLarge,
                Kind::UnsupportedMediaType,
                Kind::Invalid,
                Kind::Internal
            ]
        );
    }

    #[test]
    fn a_busy_or_locked_database_is_a_503_with_retry_after() {
        use crate::store::StoreError;
        for words in ["database is locked", "database table is locked"] {
            let error = HttpError::from(StoreError::Busy(words.to_owned()));
            assert_eq!(error.status, StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(error.kind, Kind::Unavailable);
            assert_eq!(error.retry_after_secs, Some(DATABASE_BUSY_RETRY_AFTER_SECS));
            let response = error.into_response();
            assert_eq!(response.headers()[header::RETRY_AFTER], "2");
        }
        let broken = HttpError::from(StoreError::TaskFailed("it panicked".to_owned()));
        assert_eq!(broken.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(broken.retry_after_secs, None);
    }
}
