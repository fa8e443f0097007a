//! Switchboard's own endpoints: discovery (`/api/backends`) and the agents a conversation
//! can be assigned to (`/api/agents`).

use crate::communication::no_route;
use crate::errors::ApiError;
use crate::store;
use crate::AppState;
use axum::extract::State;
use axum::routing::{any, get};
use axum::{Json, Router};
use switchboard_core::directory::{Agent, BackendDescriptor, AGENTS_PATH, BACKENDS_PATH};
use switchboard_core::domain::BackendKind;
use switchboard_core::wire::communication::DEFAULT_BASE_PATH;

/// The one backend this server implements, named after its dialect.
pub fn backends() -> Vec<BackendDescriptor> {
    vec![BackendDescriptor {
        kind: BackendKind::Communication,
        name: "communication".to_owned(),
        label: BackendKind::Communication.label().to_owned(),
        base_path: DEFAULT_BASE_PATH.to_owned(),
    }]
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(BACKENDS_PATH, get(list_backends))
        .route(AGENTS_PATH, get(list_agents))
        .route("/api", any(no_route))
        .route("/api/{*rest}", any(no_route))
}

async fn list_backends() -> Json<Vec<BackendDescriptor>> {
    Json(backends())
}

async fn list_agents(State(state): State<AppState>) -> Result<Json<Vec<Agent>>, ApiError> {
    let agents = state
        .store
        .run(|conn| Ok::<_, ApiError>(store::list_agents(conn)?))
        .await?;
    Ok(Json(agents))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_lists_the_communication_backend() {
        let json = serde_json::to_string(&backends()).unwrap();
        assert_eq!(
            json,
            r#"[{"kind":"communication","name":"communication","label":"Communication","basePath":"/communication/v1"}]"#
        );
    }
}
