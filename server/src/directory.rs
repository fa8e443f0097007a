//! Switchboard's own endpoints under `/api`: discovery (`/api/backends`, from the dialects
//! list), the agents a conversation can be assigned to (`/api/agents`) and the session
//! ([`crate::auth::handlers`]). Their errors
//! have Switchboard's own body, rendered here.

use crate::auth;
use crate::dialects;
use crate::http::render::{json_response, rendered};
use crate::http::{HttpError, Kind};
use crate::store::people;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use switchboard_core::directory::{Agent, BackendDescriptor, AGENTS_PATH, BACKENDS_PATH};
use switchboard_core::domain::BackendKind;
use switchboard_core::session::SESSION_PATH;

/// Where Switchboard's own endpoints live.
pub const BASE_PATH: &str = "/api";

/// Where an error body sends a reader: the index of the backends, with these endpoints.
pub const INFORMATION_LINK: &str = "docs/backends/README.md";

/// Every backend this server implements, named after its dialect, with the team's link
/// to a ticket in PostCenter's own tool when one is configured, and how often the console
/// asks each again for what is new.
pub fn backends(
    settings: &crate::config::file::Settings,
    postcenter_ticket_link: Option<&str>,
    poll_seconds: Option<u32>,
) -> Vec<BackendDescriptor> {
    dialects::ALL
        .iter()
        // A backend switched off is not offered to the console at all.
        .filter(|d| !matches!(settings.mode(d.name), crate::config::file::Mode::Off))
        .map(|d| {
            let mut descriptor = d.descriptor();
            descriptor.poll_seconds = poll_seconds;
            // Embedded: every change is a write through this server, so it is pushed; a
            // forwarded vendor's own changes are not seen here, so the console polls it,
            // unless the server watches its list for the team (`events::watch`).
            descriptor.pushed = match settings.mode(d.name) {
                crate::config::file::Mode::Embedded => true,
                crate::config::file::Mode::Forward(upstream) => {
                    d.watch.is_some() && upstream.watch_every.is_some()
                }
                crate::config::file::Mode::Off => false,
            };
            if descriptor.kind == BackendKind::Postcenter {
                descriptor.item_link = postcenter_ticket_link.map(str::to_owned);
            }
            descriptor
        })
        .collect()
}

/// `/api/*`, every error in Switchboard's body.
pub fn routes() -> Router<AppState> {
    let routes = Router::new()
        .route(BACKENDS_PATH, get(list_backends))
        .route(AGENTS_PATH, get(list_agents))
        .route(
            SESSION_PATH,
            post(auth::handlers::sign_in)
                .get(auth::handlers::current)
                .delete(auth::handlers::sign_out),
        )
        .merge(crate::follows::routes())
        .merge(crate::notes::routes())
        .merge(crate::mentions::routes())
        .merge(crate::presence::routes())
        .merge(crate::assignments::routes())
        .merge(crate::saved_replies::routes())
        .merge(crate::deadlines::routes())
        .merge(crate::no_answer::routes())
        .merge(crate::snoozes::routes())
        .merge(crate::labels::routes())
        .merge(crate::saved_views::routes());
    rendered(routes, BASE_PATH, render_error)
}

/// Discovery: the backends, their kinds and base paths.
async fn list_backends(State(state): State<AppState>) -> Json<Vec<BackendDescriptor>> {
    Json(state.backends.as_ref().clone())
}

/// The agents a conversation can be assigned to.
async fn list_agents(State(state): State<AppState>) -> Result<Json<Vec<Agent>>, HttpError> {
    let agents = state
        .store
        .run(|conn| Ok::<_, HttpError>(people::list_agents(conn)?))
        .await?;
    Ok(Json(agents))
}

/// Switchboard's error body: for now the same fields and names as the communication API's.
#[derive(Serialize)]
struct ErrorBody<'a> {
    name: &'static str,
    debug_id: &'a str,
    message: &'a str,
    information_link: &'static str,
    details: Vec<ErrorDetail<'a>>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    field: &'a str,
    value: &'a str,
    location: &'static str,
    issue: &'a str,
}

fn name(kind: Kind) -> &'static str {
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

/// The [`crate::http::render::Renderer`] of Switchboard's own endpoints.
pub fn render_error(error: &HttpError, debug_id: &str) -> Response {
    let body = ErrorBody {
        name: name(error.kind),
        debug_id,
        message: &error.message,
        information_link: INFORMATION_LINK,
        details: error
            .problems
            .iter()
            .map(|p| ErrorDetail {
                field: &p.field,
                value: &p.value,
                location: p.location.as_str(),
                issue: &p.issue,
            })
            .collect(),
    };
    json_response(error.status, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Location;

    #[test]
    fn discovery_lists_the_backends_in_order() {
        let json = serde_json::to_string(&backends(&Default::default(), None, None)).unwrap();
        assert_eq!(
            json,
            r#"[{"kind":"communication","name":"communication","label":"Communication","basePath":"/communication/v1","pushed":true},{"kind":"octopia","name":"octopia","label":"Octopia","basePath":"/octopia/v2","pushed":true},{"kind":"case-messages","name":"case-messages","label":"Case messages","basePath":"/api/v3","pushed":true},{"kind":"support-sessions","name":"support-sessions","label":"Support sessions","basePath":"/support-management/v1","pushed":true},{"kind":"postcenter","name":"postcenter","label":"PostCenter","basePath":"/postcenter","pushed":true}]"#
        );
    }

    #[test]
    fn the_ticket_link_goes_to_postcenter_only() {
        let link = "https://app.postcenter.io/tickets/{number}";
        for backend in backends(&Default::default(), Some(link), None) {
            let expected = (backend.kind == BackendKind::Postcenter).then_some(link);
            assert_eq!(backend.item_link.as_deref(), expected, "{}", backend.name);
        }
    }

    #[test]
    fn the_error_body_has_the_fields_of_today() {
        let error = HttpError::invalid_field(Location::Query, "q", "x", "is odd");
        let response = render_error(&error, "id-1");
        assert_eq!(response.status(), axum::http::StatusCode::BAD_REQUEST);
        let body = ErrorBody {
            name: "INVALID_REQUEST",
            debug_id: "id-1",
            message: &error.message,
            information_link: INFORMATION_LINK,
            details: vec![ErrorDetail {
                field: "q",
                value: "x",
                location: "query",
                issue: "is odd",
            }],
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            serde_json::json!({"name": "INVALID_REQUEST", "debug_id": "id-1",
                "message": "The request is not valid: q is odd",
                "information_link": INFORMATION_LINK,
                "details": [{"field": "q", "value": "x", "location": "query", "issue": "is odd"}]})
        );
    }
}
