//! The documented error body (`name`, `debug_id`, `message`, `information_link`,
//! `details`) for every 4xx and 5xx of the APIs, including the ones axum would otherwise
//! answer in plain text.
//!
//! A handler returns an [`ApiError`]; its response carries the error in an extension, and
//! the correlation middleware writes the final body once it knows the request's id.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::fmt;
use switchboard_core::wire::communication::{ErrorBody, ErrorDetail, DEFAULT_BASE_PATH};

/// Where the error body sends a reader: the contract's notes.
pub const INFORMATION_LINK: &str = "docs/backends.md";

/// A refused value is echoed up to this many characters, so an error never carries a
/// whole oversized body back.
const MAX_ECHOED_CHARS: usize = 80;

/// Paths answered by the APIs, where every error must be the documented body.
const API_PREFIXES: [&str; 2] = [DEFAULT_BASE_PATH, "/api"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    Body,
    Query,
    Path,
}

impl Location {
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Body => "body",
            Location::Query => "query",
            Location::Path => "path",
        }
    }
}

/// One named problem of a request.
pub fn detail(
    location: Location,
    field: &str,
    value: &str,
    issue: impl Into<String>,
) -> ErrorDetail {
    ErrorDetail {
        field: field.to_owned(),
        value: echo(value),
        location: location.as_str().to_owned(),
        issue: issue.into(),
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
pub struct ApiError {
    pub status: StatusCode,
    pub name: &'static str,
    pub message: String,
    pub details: Vec<ErrorDetail>,
    /// What failed inside, for the server's log only: never sent to the client.
    pub internal_cause: Option<String>,
}

impl ApiError {
    fn new(status: StatusCode, name: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            name,
            message: message.into(),
            details: Vec::new(),
            internal_cause: None,
        }
    }

    /// 400 with every problem found.
    pub fn invalid(details: Vec<ErrorDetail>) -> Self {
        let message = match details.as_slice() {
            [only] => format!("The request is not valid: {} {}", only.field, only.issue),
            _ => "The request is not valid; see details.".to_owned(),
        };
        ApiError {
            details,
            ..ApiError::new(StatusCode::BAD_REQUEST, "INVALID_REQUEST", message)
        }
    }

    pub fn invalid_field(
        location: Location,
        field: &str,
        value: &str,
        issue: impl Into<String>,
    ) -> Self {
        ApiError::invalid(vec![detail(location, field, value, issue)])
    }

    /// 404 for an id that names nothing: usually in the path, `conversationId` in a body.
    pub fn not_found(what: &str, location: Location, field: &str, id: &str) -> Self {
        ApiError {
            details: vec![detail(
                location,
                field,
                id,
                format!("no {what} has this id"),
            )],
            ..ApiError::new(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                format!("No {what} has the id “{}”.", echo(id)),
            )
        }
    }

    pub fn no_route() -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "No operation answers at this path; see the routes in the information link.",
        )
    }

    pub fn method_not_allowed() -> Self {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
            "This path does not accept this method; the Allow header lists those it does.",
        )
    }

    pub fn payload_too_large() -> Self {
        ApiError::payload_too_large_over(crate::BODY_LIMIT_BYTES)
    }

    /// 413 for a body over a route's own limit (the routes that take files have larger ones).
    pub fn payload_too_large_over(limit_bytes: usize) -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!(
                "The request body is larger than the {} KiB this API accepts.",
                limit_bytes / 1024
            ),
        )
    }

    /// Refused files (and whatever else the request got wrong): 413 when a file or the
    /// total is too large, as the contract says, else 400.
    pub fn refused(details: Vec<ErrorDetail>, too_large: bool) -> Self {
        if !too_large {
            return ApiError::invalid(details);
        }
        let message = match details.as_slice() {
            [only] => format!("The request is too large: {}", only.issue),
            _ => "The request is too large; see details.".to_owned(),
        };
        ApiError {
            details,
            ..ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", message)
        }
    }

    /// Both errors' details in one answer, so a client can fix everything at once; a 413
    /// outranks a 400. Other errors (404, 500) are not merged: the first one stands.
    pub fn and(self, other: ApiError) -> Self {
        let mergeable = |e: &ApiError| {
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
        let mut details = self.details;
        details.extend(other.details);
        ApiError::refused(details, too_large)
    }

    pub fn unsupported_media_type() -> Self {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "Send the body as JSON, with the header Content-Type: application/json.",
        )
    }

    /// The routes that also take files.
    pub fn unsupported_media_type_for_upload() -> Self {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "Send the body as JSON (Content-Type: application/json), or as multipart/form-data \
             to attach files.",
        )
    }

    /// 500: the cause goes to the log, the client reads a generic message and the id.
    pub fn internal(cause: impl fmt::Display) -> Self {
        ApiError {
            internal_cause: Some(cause.to_string()),
            ..ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "The server failed to handle this request. Quote the debug_id when reporting it.",
            )
        }
    }

    /// The documented body for a status axum or a middleware produced without one.
    pub fn for_bare_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => ApiError::no_route(),
            StatusCode::METHOD_NOT_ALLOWED => ApiError::method_not_allowed(),
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::payload_too_large(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::unsupported_media_type(),
            status if status.is_server_error() => ApiError {
                status,
                ..ApiError::internal(format!("a bare {status} response"))
            },
            status => ApiError::new(
                status,
                "INVALID_REQUEST",
                status
                    .canonical_reason()
                    .unwrap_or("The request is not valid."),
            ),
        }
    }

    pub fn body(&self, debug_id: &str) -> ErrorBody {
        ErrorBody {
            name: self.name.to_owned(),
            debug_id: debug_id.to_owned(),
            message: self.message.clone(),
            information_link: INFORMATION_LINK.to_owned(),
            details: self.details.clone(),
            links: Vec::new(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.name,
            self.message
        )?;
        for detail in &self.details {
            write!(f, "; {} {}", detail.field, detail.issue)?;
        }
        if let Some(cause) = &self.internal_cause {
            write!(f, " ({cause})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl From<crate::store::StoreError> for ApiError {
    fn from(error: crate::store::StoreError) -> Self {
        ApiError::internal(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // Complete even without the middleware (debug_id empty); the middleware rewrites it.
        let mut response = json_error_response(&self, "");
        response.extensions_mut().insert(self);
        response
    }
}

fn json_error_response(error: &ApiError, debug_id: &str) -> Response {
    let body = serde_json::to_vec(&error.body(debug_id))
        // An ErrorBody is strings and lists of strings: serializing cannot fail.
        .unwrap_or_default();
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = error.status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

pub fn is_api_path(path: &str) -> bool {
    API_PREFIXES.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// Gives an error response its final documented body with `debug_id`, keeping its status
/// and headers (an `Allow` on a 405, say). Bare error statuses on API paths get a body too;
/// everything else passes untouched.
pub fn finish_response(response: Response, debug_id: &str, api_path: bool) -> Response {
    let error = match response.extensions().get::<ApiError>() {
        Some(error) => error.clone(),
        None if api_path
            && (response.status().is_client_error() || response.status().is_server_error()) =>
        {
            ApiError::for_bare_status(response.status())
        }
        None => return response,
    };
    if let Some(cause) = &error.internal_cause {
        eprintln!("[{debug_id}] internal error: {cause}");
    }
    let (mut parts, _old_body) = response.into_parts();
    let rebuilt = json_error_response(&error, debug_id);
    parts.extensions.remove::<ApiError>();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, rebuilt.into_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_when_echoed() {
        let d = detail(Location::Body, "content", &"é".repeat(500), "is too long");
        assert_eq!(d.value.chars().count(), MAX_ECHOED_CHARS + 1);
        assert!(d.value.ends_with('…'));
        assert_eq!(d.location, "body");
    }

    #[test]
    fn api_paths_are_recognised_by_segment() {
        assert!(is_api_path("/communication/v1"));
        assert!(is_api_path("/communication/v1/conversations"));
        assert!(is_api_path("/api/agents"));
        assert!(!is_api_path("/apiary"));
        assert!(!is_api_path("/communication/v10"));
        assert!(!is_api_path("/conversations/communication/x"));
    }

    #[test]
    fn internal_errors_do_not_leak_their_cause() {
        let error = ApiError::internal("no such table: conversations");
        let body = serde_json::to_string(&error.body("id-1")).unwrap();
        assert!(!body.contains("no such table"), "{body}");
        assert!(body.contains("INTERNAL_ERROR"));
        assert!(body.contains("id-1"));
    }

    #[test]
    fn merged_errors_keep_every_detail_and_the_graver_status() {
        let invalid = ApiError::invalid_field(Location::Body, "content", "", "is required");
        let too_large = ApiError::refused(
            vec![detail(Location::Body, "files[0]", "a.png", "is too big")],
            true,
        );
        let both = invalid.clone().and(too_large);
        assert_eq!(both.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(both.name, "PAYLOAD_TOO_LARGE");
        let fields: Vec<_> = both.details.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(fields, ["content", "files[0]"]);
        let two_400s = invalid.clone().and(invalid.clone());
        assert_eq!(two_400s.status, StatusCode::BAD_REQUEST);
        assert_eq!(two_400s.details.len(), 2);
        let missing = ApiError::no_route();
        assert_eq!(missing.clone().and(invalid), missing);
    }

    #[test]
    fn bare_statuses_get_documented_names() {
        let names: Vec<_> = [404, 405, 413, 415, 400, 503]
            .into_iter()
            .map(|s| ApiError::for_bare_status(StatusCode::from_u16(s).unwrap()).name)
            .collect();
        assert_eq!(
            names,
            [
                "NOT_FOUND",
                "METHOD_NOT_ALLOWED",
                "PAYLOAD_TOO_LARGE",
                "UNSUPPORTED_MEDIA_TYPE",
                "INVALID_REQUEST",
                "INTERNAL_ERROR"
            ]
        );
    }
}
