//! The communication API's error body (`name`, `debug_id`, `message`, `information_link`,
//! `details[field, value, location, issue]`) for every 4xx and 5xx under its base path,
//! axum's own refusals included: the renderer its routes are mounted with.

use crate::http::{HttpError, Kind, Problem};
use axum::response::Response;
use switchboard_core::wire::communication::{ErrorBody, ErrorDetail};

/// Where the error body sends a reader: the contract's notes.
pub const INFORMATION_LINK: &str = "docs/backends/communication.md";

/// The document's error names.
pub fn name(kind: Kind) -> &'static str {
    match kind {
        Kind::Invalid => "INVALID_REQUEST",
        Kind::Unauthorized => "UNAUTHORIZED",
        Kind::Forbidden => "FORBIDDEN",
        Kind::NotFound | Kind::NoRoute => "NOT_FOUND",
        Kind::MethodNotAllowed => "METHOD_NOT_ALLOWED",
        Kind::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        Kind::UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        Kind::Conflict => "CONFLICT",
        Kind::Stale => "PRECONDITION_FAILED",
        Kind::TooManyRequests => "TOO_MANY_REQUESTS",
        Kind::Unavailable => "SERVICE_UNAVAILABLE",
        Kind::Internal => "INTERNAL_ERROR",
    }
}

fn detail(problem: &Problem) -> ErrorDetail {
    ErrorDetail {
        field: problem.field.clone(),
        value: problem.value.clone(),
        location: problem.location.as_str().to_owned(),
        issue: problem.issue.clone(),
    }
}

pub fn body(error: &HttpError, debug_id: &str) -> ErrorBody {
    ErrorBody {
        name: name(error.kind).to_owned(),
        debug_id: debug_id.to_owned(),
        message: error.message.clone(),
        information_link: INFORMATION_LINK.to_owned(),
        details: error.problems.iter().map(detail).collect(),
        links: Vec::new(),
    }
}

/// The [`crate::http::render::Renderer`] of the communication API.
pub fn render(error: &HttpError, debug_id: &str) -> Response {
    crate::http::render::json_response(error.status, &body(error, debug_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    #[test]
    fn internal_errors_do_not_leak_their_cause() {
        let error = HttpError::internal("no such table: conversations");
        let body = serde_json::to_string(&body(&error, "id-1")).unwrap();
        assert!(!body.contains("no such table"), "{body}");
        assert!(body.contains("INTERNAL_ERROR"));
        assert!(body.contains("id-1"));
    }

    #[test]
    fn bare_statuses_get_documented_names() {
        let names: Vec<_> = [404, 405, 413, 415, 400, 503]
            .into_iter()
            .map(|s| name(HttpError::for_bare_status(StatusCode::from_u16(s).unwrap()).kind))
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
