//! The support sessions' error body for every 4xx and 5xx under their base path, axum's
//! own refusals and the sign-in gate's 401 included: the renderer their routes are mounted
//! with. The document gives no error body; this is the Beckn protocol's error object
//! (`code`, `paths`, `message`) inside `error`, with Switchboard's `status`, `trace_id`
//! and `details` (`docs/backends/support-sessions.md`, "Errors").

use crate::http::{HttpError, Kind};
use axum::response::Response;
use switchboard_core::wire::support_sessions::{
    error_code, ErrorDetailDto, ErrorDto, ErrorResponseDto,
};

/// Where a reader finds the routes and every choice behind them.
pub const NOTES: &str = "docs/backends/support-sessions.md";

/// One readable sentence, with its full stop; the neutral messages that point elsewhere
/// are said in this API's words.
fn message(error: &HttpError) -> String {
    let mut message = match error.kind {
        Kind::NoRoute => format!("No operation answers at this path; the routes are in {NOTES}."),
        Kind::Internal => {
            "The server failed to handle this request. Quote the trace_id when reporting it."
                .to_owned()
        }
        _ => error.message.clone(),
    };
    if !message.ends_with(['.', '!', '?']) {
        message.push('.');
    }
    message
}

/// The body of `error`; `trace_id` is the request's correlation id.
pub fn body(error: &HttpError, trace_id: &str) -> ErrorResponseDto {
    let mut paths: Vec<&str> = Vec::new();
    for problem in &error.problems {
        if !paths.contains(&problem.field.as_str()) {
            paths.push(&problem.field);
        }
    }
    ErrorResponseDto {
        error: ErrorDto {
            code: Some(error_code(error.status.as_u16()).to_owned()),
            paths: Some(paths.join(",")).filter(|p| !p.is_empty()),
            message: Some(message(error)),
            status: u32::from(error.status.as_u16()),
            trace_id: Some(trace_id.to_owned()),
            details: error
                .problems
                .iter()
                .map(|p| ErrorDetailDto {
                    path: Some(p.field.clone()),
                    value: Some(p.value.clone()).filter(|v| !v.is_empty()),
                    message: Some(p.issue.clone()),
                })
                .collect(),
        },
    }
}

/// The [`crate::http::render::Renderer`] of the support sessions' routes.
pub fn render(error: &HttpError, trace_id: &str) -> Response {
    crate::http::render::json_response(error.status, &body(error, trace_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::{problem, Location};

    #[test]
    fn problems_become_paths_and_details() {
        let error = HttpError::invalid(vec![
            problem(
                Location::Body,
                "callback_phone",
                "0612",
                "must start with +",
            ),
            problem(Location::Body, "callback_phone", "0612", "is too short"),
            problem(Location::Body, "order_id", "x", "must be the path's"),
        ]);
        let json = serde_json::to_value(body(&error, "t-1")).unwrap();
        let inner = &json["error"];
        assert_eq!(inner["code"], "INVALID_REQUEST");
        assert_eq!(inner["status"], 400);
        assert_eq!(inner["trace_id"], "t-1");
        assert_eq!(inner["paths"], "callback_phone,order_id");
        assert_eq!(inner["details"].as_array().unwrap().len(), 3);
        assert_eq!(inner["details"][0]["value"], "0612");
    }

    #[test]
    fn internal_causes_stay_inside() {
        let internal = HttpError::internal("no such table: support_sessions");
        let text = serde_json::to_string(&body(&internal, "t-2")).unwrap();
        assert!(!text.contains("no such table"), "{text}");
        assert!(text.contains("\"code\":\"INTERNAL_ERROR\""), "{text}");
        assert!(!text.contains("paths"), "{text}");
        let missing = serde_json::to_value(body(&HttpError::no_route(), "t")).unwrap();
        assert!(missing["error"]["message"]
            .as_str()
            .unwrap()
            .contains(NOTES));
    }
}
