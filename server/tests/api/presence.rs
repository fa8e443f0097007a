//! Presence (`/api/presence`, `docs/presence.md`): an agent's console says it is on a
//! conversation and whether its agent is writing; colleagues read who is where; leaving
//! removes them; arrivals, changes and leaves are events, refreshes are not; nobody
//! without a session reads or writes it.

use crate::common::{signed_in_as, start, TestServer, AGENT_ID};
use reqwest::StatusCode;
use serde_json::{json, Value};

const PATH: &str = "/api/presence/octopia/d-1001";

async fn events_of_kind(server: &TestServer, kind: &str) -> usize {
    let store = server.store();
    let kind = kind.to_owned();
    store
        .run_blocking(move |conn| {
            switchboard_server::store::events::after(conn, 0, 1_000)
                .map(|all| all.iter().filter(|e| e.kind == kind).count())
        })
        .expect("events")
}

#[tokio::test]
async fn colleagues_see_who_is_on_a_conversation_and_what_they_do_until_they_leave() {
    let server = start().await;
    let viewing = server.put(PATH, json!({ "state": "viewing" })).await;
    assert_eq!(viewing.status, StatusCode::NO_CONTENT, "{}", viewing.text);
    server.put(PATH, json!({ "state": "viewing" })).await;
    assert_eq!(
        events_of_kind(&server, "presence").await,
        1,
        "a refresh is not news"
    );

    let javier = signed_in_as(&server, "javier.ortega@switchboard.example").await;
    let typing = server
        .send(
            javier
                .put(server.url(PATH))
                .json(&json!({ "state": "typing" })),
        )
        .await;
    assert_eq!(typing.status, StatusCode::NO_CONTENT, "{}", typing.text);

    let everyone = server.get("/api/presence").await;
    assert_eq!(everyone.status, StatusCode::OK, "{}", everyone.text);
    let here: Vec<(Value, Value)> = everyone
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["agentId"].clone(), p["state"].clone()))
        .collect();
    assert_eq!(
        here,
        [
            (json!(AGENT_ID), json!("viewing")),
            (json!("agent-javier"), json!("typing"))
        ]
    );
    assert_eq!(everyone.body[0]["conversationId"], "d-1001");

    let left = server.send(javier.delete(server.url(PATH))).await;
    assert_eq!(left.status, StatusCode::NO_CONTENT, "{}", left.text);
    let after = server.get("/api/presence").await.body;
    assert_eq!(after.as_array().unwrap().len(), 1);
    assert_eq!(events_of_kind(&server, "presence").await, 3);
}

#[tokio::test]
async fn presence_needs_a_known_state_backend_and_session() {
    let server = start().await;
    let odd = server.put(PATH, json!({ "state": "away" })).await;
    assert!(odd.status.is_client_error(), "{}", odd.text);
    let unknown = server
        .put("/api/presence/nowhere/d-1", json!({ "state": "viewing" }))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.text);
    let long = format!("/api/presence/octopia/{}", "x".repeat(201));
    let too_long = server.put(&long, json!({ "state": "viewing" })).await;
    assert_eq!(
        too_long.status,
        StatusCode::BAD_REQUEST,
        "{}",
        too_long.text
    );
    let read = server
        .send(server.anonymous.get(server.url("/api/presence")))
        .await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
    let write = server
        .send(
            server
                .anonymous
                .put(server.url(PATH))
                .json(&json!({ "state": "viewing" })),
        )
        .await;
    assert_eq!(write.status, StatusCode::UNAUTHORIZED);
    assert_eq!(server.get("/api/presence").await.body, json!([]));
}
