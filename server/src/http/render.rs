//! Each dialect's error body: the layer [`rendered`] puts around a dialect's routes gives
//! every [`HttpError`] its answer in that API's shape (through the dialect's [`Renderer`]),
//! and axum's bare 404s, 405s, 413s and 415s a body in that shape too. The layer reads the
//! request's correlation id (set by [`super::correlation`], which runs first) so a body can
//! quote it.

use super::correlation::CorrelationId;
use super::HttpError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::any;
use axum::Router;

/// Marks a response that a vendor wrote (the gateway forwarded it): its error statuses
/// keep the vendor's body, which is already in the dialect's shape.
#[derive(Clone, Copy, Debug)]
pub struct VendorAnswer;

/// How a dialect writes an error: the whole response for `error`, `debug_id` being the
/// request's correlation id. Its status and headers replace the error response's own.
pub type Renderer = fn(&HttpError, &str) -> Response;

/// A JSON response: what most dialects' renderers answer.
pub fn json_response(status: StatusCode, body: &impl serde::Serialize) -> Response {
    // Error bodies are strings and lists of strings: serializing them cannot fail.
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A forwarded backend's `router` (its catch-all goes to the vendor): every error of ours
/// rendered by `renderer`, the vendor's own answers left as they are.
pub fn forwarded<S>(router: Router<S>, renderer: Renderer) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    router.layer(middleware::from_fn_with_state(renderer, render))
}

/// `router` with every path at and under `base_path` answered by it (an unknown one is a
/// 404 in its shape, never the console's page), and every error of its routes rendered by
/// `renderer`.
pub fn rendered<S>(router: Router<S>, base_path: &str, renderer: Renderer) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    router
        .route(base_path, any(no_route))
        .route(&format!("{base_path}/{{*rest}}"), any(no_route))
        .layer(middleware::from_fn_with_state(renderer, render))
}

async fn no_route() -> HttpError {
    HttpError::no_route()
}

async fn render(State(renderer): State<Renderer>, request: Request, next: Next) -> Response {
    let debug_id = request
        .extensions()
        .get::<CorrelationId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    let response = next.run(request).await;
    finish(response, &debug_id, renderer)
}

/// Gives an error response its final body, keeping its headers (an `Allow` on a 405, say).
/// Bare error statuses get a body too; everything else passes untouched.
pub(crate) fn finish(response: Response, debug_id: &str, renderer: Renderer) -> Response {
    let status = response.status();
    let error = match response.extensions().get::<HttpError>() {
        Some(error) => error.clone(),
        None if response.extensions().get::<VendorAnswer>().is_some() => return response,
        None if status.is_client_error() || status.is_server_error() => {
            HttpError::for_bare_status(status)
        }
        None => return response,
    };
    if let Some(cause) = &error.internal_cause {
        eprintln!("[{debug_id}] internal error: {cause}");
    }
    let (mut parts, _old_body) = response.into_parts();
    let (rendered, body) = renderer(&error, debug_id).into_parts();
    parts.extensions.remove::<HttpError>();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.status = rendered.status;
    parts.headers.extend(rendered.headers);
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    fn plain(error: &HttpError, debug_id: &str) -> Response {
        (error.status, format!("{debug_id} {:?}", error.kind)).into_response()
    }

    #[test]
    fn errors_and_bare_statuses_are_rendered_and_the_rest_passes() {
        let mut with_allow = HttpError::method_not_allowed().into_response();
        with_allow
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET"));
        let rendered = finish(with_allow, "id-1", plain);
        assert_eq!(rendered.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(rendered.headers()[header::ALLOW], "GET");
        assert!(rendered.extensions().get::<HttpError>().is_none());

        let bare = finish(StatusCode::NOT_FOUND.into_response(), "id-2", plain);
        assert_eq!(bare.status(), StatusCode::NOT_FOUND);
        let fine = finish(StatusCode::OK.into_response(), "id-3", plain);
        assert_eq!(fine.status(), StatusCode::OK);
    }
}
