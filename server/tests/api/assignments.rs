//! Assignment kept by Switchboard (`/api/assignments/{backend}`, `docs/assignments.md`):
//! an Octopia discussion or a repair case is assigned and unassigned here, colleagues
//! read it, each change is an event; only the team's agents can be assignees, and a
//! backend whose vendor assigns is refused (its assignment is the vendor's).

use crate::common::{start, AGENT_ID};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_discussion_is_assigned_and_unassigned_and_the_team_reads_it() {
    let server = start().await;
    let path = "/api/assignments/octopia/d-1001";
    let set = server.put(path, json!({ "agentId": "agent-javier" })).await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.text);
    assert_eq!(set.body["agentId"], "agent-javier");
    assert_eq!(set.body["assignedBy"], AGENT_ID);
    let listed = server.get("/api/assignments/octopia").await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert_eq!(listed.body[0]["conversationId"], "d-1001");
    assert_eq!(
        server.get("/api/assignments/case-messages").await.body,
        json!([]),
        "each backend its own"
    );
    let cleared = server.put(path, json!({ "agentId": null })).await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.text);
    assert_eq!(cleared.body, json!(null));
    assert_eq!(server.get("/api/assignments/octopia").await.body, json!([]));
    let store = server.store();
    let kinds = store
        .run_blocking(|conn| switchboard_server::store::events::after(conn, 0, 100))
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "assignment" && e.item.as_deref() == Some("d-1001"))
        .count();
    assert_eq!(kinds, 2, "assigned, then unassigned");
}

#[tokio::test]
async fn only_the_teams_agents_and_only_where_the_vendor_has_no_assignee() {
    let server = start().await;
    let stranger = server
        .put(
            "/api/assignments/octopia/d-1001",
            json!({ "agentId": "agent-nobody" }),
        )
        .await;
    assert_eq!(
        stranger.status,
        StatusCode::BAD_REQUEST,
        "{}",
        stranger.text
    );
    let vendors = server
        .put(
            "/api/assignments/communication/c-1",
            json!({ "agentId": AGENT_ID }),
        )
        .await;
    assert_eq!(
        vendors.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        vendors.text
    );
    assert!(vendors.text.contains("assigns its conversations itself"));
    let unknown = server.get("/api/assignments/nowhere").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let anonymous = server
        .send(server.anonymous.get(server.url("/api/assignments/octopia")))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(server.get("/api/assignments/octopia").await.body, json!([]));
}
