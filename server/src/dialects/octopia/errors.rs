//! Octopia's answer body (`type`, `title`, `status`, `traceId`, `errors`) for every 4xx
//! and 5xx under its base path, axum's own refusals included: the renderer its routes are
//! mounted with. `type` is the RFC 9110 section of the status, `traceId` the request's
//! correlation id, `errors` maps each field at fault to its problems.

use crate::http::{HttpError, Kind};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::BTreeMap;
use switchboard_core::wire::octopia::{Errors, ResponseDto};

/// Where a reader finds the routes and every choice behind them.
pub const NOTES: &str = "docs/backends/octopia.md";

/// The section of RFC 9110 that defines `status` (its class's section for the others).
pub fn rfc9110_section(status: StatusCode) -> String {
    let code = status.as_u16();
    let client = [
        400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417,
        418, 421, 422, 426,
    ];
    let server = [500, 501, 502, 503, 504, 505];
    let section = if let Some(n) = client.iter().position(|c| *c == code) {
        format!("15.5.{}", n + 1)
    } else if let Some(n) = server.iter().position(|c| *c == code) {
        format!("15.6.{}", n + 1)
    } else if status.is_server_error() {
        "15.6".to_owned()
    } else {
        "15.5".to_owned()
    };
    format!("https://tools.ietf.org/html/rfc9110#section-{section}")
}

/// One readable sentence, with its full stop; the neutral messages that point elsewhere
/// are said in this API's words.
fn title(error: &HttpError) -> String {
    let mut title = match error.kind {
        Kind::NoRoute => format!("No operation answers at this path; the routes are in {NOTES}."),
        Kind::Internal => {
            "The server failed to handle this request. Quote the traceId when reporting it."
                .to_owned()
        }
        _ => error.message.clone(),
    };
    if !title.ends_with(['.', '!', '?']) {
        title.push('.');
    }
    title
}

/// The body of `error`; `trace_id` is the request's correlation id.
pub fn body(error: &HttpError, trace_id: &str) -> ResponseDto {
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for problem in &error.problems {
        errors
            .entry(problem.field.clone())
            .or_default()
            .push(problem.issue.clone());
    }
    ResponseDto {
        kind: Some(rfc9110_section(error.status)),
        title: Some(title(error)),
        status: u32::from(error.status.as_u16()),
        trace_id: Some(trace_id.to_owned()),
        errors: Errors::ByField(errors),
    }
}

/// The [`crate::http::render::Renderer`] of Octopia's routes.
pub fn render(error: &HttpError, trace_id: &str) -> Response {
    crate::http::render::json_response(error.status, &body(error, trace_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Location;

    #[test]
    fn statuses_point_at_their_sections() {
        let url = |code| rfc9110_section(StatusCode::from_u16(code).unwrap());
        assert!(url(400).ends_with("#section-15.5.1"));
        assert!(url(404).ends_with("#section-15.5.5"));
        assert!(url(405).ends_with("#section-15.5.6"));
        assert!(url(413).ends_with("#section-15.5.14"));
        assert!(url(415).ends_with("#section-15.5.16"));
        assert!(url(500).ends_with("#section-15.6.1"));
        assert!(url(429).ends_with("#section-15.5"));
    }

    #[test]
    fn problems_are_grouped_by_field_and_causes_stay_inside() {
        let error = HttpError::invalid(vec![
            crate::http::problem(Location::Body, "body", "", "is required"),
            crate::http::problem(Location::Body, "body", "", "is blank"),
            crate::http::problem(Location::Body, "userId", "", "is required"),
        ]);
        let json = serde_json::to_value(body(&error, "t-1")).unwrap();
        assert_eq!(json["status"], 400);
        assert_eq!(json["traceId"], "t-1");
        assert_eq!(json["errors"]["body"].as_array().unwrap().len(), 2);
        assert_eq!(json["errors"]["userId"][0], "is required");

        let internal = HttpError::internal("no such table: octopia_messages");
        let text = serde_json::to_string(&body(&internal, "t-2")).unwrap();
        assert!(!text.contains("no such table"), "{text}");
        assert!(text.contains("\"errors\":{}"), "{text}");
    }
}
