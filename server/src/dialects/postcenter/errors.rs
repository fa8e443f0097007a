//! PostCenter's error body for every 4xx and 5xx under its base path, axum's own refusals
//! and the sign-in gate's 401 included: the renderer its routes are mounted with. The
//! document shows one error, `{"message": "Non-existent status", "status": 404}`; every
//! refusal is answered in that shape, one readable sentence in `message`
//! (`docs/backends/postcenter.md`, "Errors"). The trace id is the `X-Correlation-ID`
//! header's, as the body has no place for it.

use crate::http::{HttpError, Kind};
use axum::http::StatusCode;
use axum::response::Response;
use switchboard_core::wire::postcenter::StatusMessageDto;

/// Where a reader finds the routes and every choice behind them.
pub const NOTES: &str = "docs/backends/postcenter.md";

/// The document's own message for a state it does not list, kept word for word.
pub const NON_EXISTENT_STATUS: &str = "Non-existent status";

/// One readable sentence, with its full stop (except the document's own message, kept as
/// it is written); a 400 names every problem, since the body has no list of them.
fn message(error: &HttpError) -> String {
    if error.message == NON_EXISTENT_STATUS {
        return error.message.clone();
    }
    let mut message = match error.kind {
        Kind::NoRoute => format!("No operation answers at this path; the routes are in {NOTES}."),
        Kind::Internal => "The server failed to handle this request. Quote the \
                           X-Correlation-ID header when reporting it."
            .to_owned(),
        _ if error.status == StatusCode::BAD_REQUEST && !error.problems.is_empty() => {
            let issues: Vec<String> = error
                .problems
                .iter()
                .map(|p| format!("{} {}", p.field, p.issue))
                .collect();
            format!("The request is not valid: {}", issues.join("; "))
        }
        _ => error.message.clone(),
    };
    if !message.ends_with(['.', '!', '?']) {
        message.push('.');
    }
    message
}

/// The body of `error`.
pub fn body(error: &HttpError) -> StatusMessageDto {
    StatusMessageDto {
        status: Some(error.status.as_u16()),
        message: Some(message(error)),
    }
}

/// The [`crate::http::render::Renderer`] of PostCenter's routes.
pub fn render(error: &HttpError, _trace_id: &str) -> Response {
    crate::http::render::json_response(error.status, &body(error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::{problem, Location};

    #[test]
    fn every_problem_is_named_in_the_sentence() {
        let error = HttpError::invalid(vec![
            problem(Location::Query, "from", "12/12/2012", "is not a date"),
            problem(Location::Query, "to", "", "is required"),
        ]);
        let json = serde_json::to_value(body(&error)).unwrap();
        assert_eq!(json["status"], 400);
        let text = json["message"].as_str().unwrap();
        assert!(
            text.contains("from is not a date; to is required."),
            "{text}"
        );
        assert_eq!(json.as_object().unwrap().len(), 2);
    }

    #[test]
    fn the_documents_message_is_kept_and_causes_stay_inside() {
        let mut missing = HttpError::not_found("state", Location::Path, "state", "x");
        missing.message = NON_EXISTENT_STATUS.into();
        let json = serde_json::to_value(body(&missing)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"message": "Non-existent status", "status": 404})
        );
        let internal = HttpError::internal("no such table: postcenter_tickets");
        let text = serde_json::to_string(&body(&internal)).unwrap();
        assert!(!text.contains("no such table"), "{text}");
        let route = serde_json::to_value(body(&HttpError::no_route())).unwrap();
        assert!(route["message"].as_str().unwrap().contains(NOTES));
    }
}
