//! The case messages API's answer body, `{"error":{"message":"..."}}`, for every 4xx and
//! 5xx under its base path, axum's own refusals and the session gate's 401 included: the
//! renderer its routes are mounted with. A request's problems become the vendor's
//! validator's clauses (`child "guid" fails because ["guid" is required]`), joined with
//! `". "`; every other error is one sentence. The body has no field for the request's
//! correlation id: it travels in the `X-Correlation-ID` header, and a 500 quotes it.

use crate::http::{HttpError, Kind, Problem};
use axum::response::Response;
use switchboard_core::wire::case_messages::{field_clause, position_clause, ErrorBodyDto};

/// Where a reader finds the routes and every choice behind them.
pub const NOTES: &str = "docs/backends/case-messages.md";

/// One problem as Joi words it: the body as a whole (`"value" must be an array`), an item
/// of an array body (`"value" at position 0 fails because [...]`), or a field.
fn clause(problem: &Problem) -> String {
    if problem.field == super::input::ROOT {
        format!("\"value\" {}", problem.issue)
    } else if let Ok(position) = problem.field.parse::<usize>() {
        position_clause(position, &problem.issue)
    } else {
        field_clause(&problem.field, &problem.issue)
    }
}

/// The message of `error`; `trace_id` is the request's correlation id.
pub fn message(error: &HttpError, trace_id: &str) -> String {
    match error.kind {
        Kind::Invalid if !error.problems.is_empty() => error
            .problems
            .iter()
            .map(clause)
            .collect::<Vec<_>>()
            .join(". "),
        Kind::NoRoute => format!("No operation answers at this path; the routes are in {NOTES}."),
        Kind::Internal => format!(
            "The server failed to handle this request. Quote the id {trace_id} when reporting it."
        ),
        _ => error.message.clone(),
    }
}

pub fn body(error: &HttpError, trace_id: &str) -> ErrorBodyDto {
    ErrorBodyDto::new(message(error, trace_id))
}

/// The [`crate::http::render::Renderer`] of the case messages routes.
pub fn render(error: &HttpError, trace_id: &str) -> Response {
    crate::http::render::json_response(error.status, &body(error, trace_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::{problem, Location};
    use axum::http::StatusCode;

    #[test]
    fn problems_read_as_the_documents_messages() {
        let error = HttpError::invalid(vec![problem(Location::Body, "guid", "", "is required")]);
        assert_eq!(
            serde_json::to_value(body(&error, "t")).unwrap(),
            serde_json::json!({"error": {"message": "child \"guid\" fails because [\"guid\" is required]"}})
        );
        let error = HttpError::invalid(vec![
            problem(Location::Body, "0", "\"x\"", "must be a number"),
            problem(Location::Body, "2", "-1", "must be a positive number"),
        ]);
        assert_eq!(
            message(&error, "t"),
            "\"value\" at position 0 fails because [\"0\" must be a number]. \
             \"value\" at position 2 fails because [\"2\" must be a positive number]"
        );
        let error = HttpError::invalid(vec![problem(
            Location::Body,
            "value",
            "",
            "must be an array",
        )]);
        assert_eq!(message(&error, "t"), "\"value\" must be an array");
    }

    #[test]
    fn other_errors_are_one_sentence_and_causes_stay_inside() {
        let internal = HttpError::internal("no such table: case_messages");
        let text = message(&internal, "t-2");
        assert!(!text.contains("no such table"), "{text}");
        assert!(text.contains("t-2"), "{text}");
        assert!(message(&HttpError::no_route(), "t").contains(NOTES));
        let missing = HttpError::for_bare_status(StatusCode::METHOD_NOT_ALLOWED);
        assert!(message(&missing, "t").contains("Allow"));
    }
}
