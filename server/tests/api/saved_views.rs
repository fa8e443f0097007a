//! Saved views (`/api/saved-views`, `docs/saved-views.md`): an agent saves a personal view and
//! a shared one; a colleague sees the shared one only, may not change it, nor even find the
//! personal one; its owner renames and removes them; an admin may change a colleague's
//! shared view; a nameless view is refused with the field named; nobody without a session
//! reads them.

use crate::common::{signed_in_as, start, AGENT_ID};
use reqwest::StatusCode;
use serde_json::json;

const MINE: &str = "/api/saved-views/7a1c0e5d-0000-4000-8000-000000000001";
const SHARED: &str = "/api/saved-views/7a1c0e5d-0000-4000-8000-000000000002";
const HIS: &str = "/api/saved-views/7a1c0e5d-0000-4000-8000-000000000003";

fn names(body: &serde_json::Value) -> Vec<String> {
    body.as_array()
        .map(|views| {
            views
                .iter()
                .filter_map(|v| v["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_shared_view_reaches_colleagues_and_a_personal_one_stays_its_owners() {
    let server = start().await;
    let javier = signed_in_as(&server, "javier.ortega@switchboard.example").await;
    let mine = server
        .put(
            MINE,
            json!({ "name": " My  overdue ", "query": "?assignee=me&overdue=1" }),
        )
        .await;
    assert_eq!(mine.status, StatusCode::CREATED, "{}", mine.text);
    assert_eq!(mine.body["name"], "My overdue");
    assert_eq!(mine.body["query"], "assignee=me&overdue=1");
    assert_eq!(mine.body["shared"], false);
    assert_eq!(mine.body["ownerId"], AGENT_ID);
    let shared = server
        .put(
            SHARED,
            json!({ "name": "Octopia claims", "query": "backend=octopia&q=claim", "shared": true }),
        )
        .await;
    assert_eq!(shared.status, StatusCode::CREATED, "{}", shared.text);
    assert_eq!(
        names(&server.get("/api/saved-views").await.body),
        ["My overdue", "Octopia claims"]
    );

    // The colleague sees the shared one alone; may not change it; the personal one is not
    // there for him.
    let seen = server
        .send(javier.get(server.url("/api/saved-views")))
        .await;
    assert_eq!(names(&seen.body), ["Octopia claims"]);
    let changed = server
        .send(
            javier
                .put(server.url(SHARED))
                .json(&json!({ "name": "Mine now", "query": "" })),
        )
        .await;
    assert_eq!(changed.status, StatusCode::FORBIDDEN, "{}", changed.text);
    let hidden = server.send(javier.delete(server.url(MINE))).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND, "{}", hidden.text);

    // His shared view: the admin may rename it; the owner removes his own.
    let his =
        server
            .send(javier.put(server.url(HIS)).json(
                &json!({ "name": "Unassigned", "query": "assignee=unassigned", "shared": true }),
            ))
            .await;
    assert_eq!(his.status, StatusCode::CREATED, "{}", his.text);
    let renamed = server
        .put(
            HIS,
            json!({ "name": "Nobody's yet", "query": "assignee=unassigned", "shared": true }),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    assert_eq!(renamed.body["ownerId"], "agent-javier");
    let removed = server.send(javier.delete(server.url(HIS))).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    let removed = server.delete(MINE).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    assert_eq!(
        names(&server.get("/api/saved-views").await.body),
        ["Octopia claims"]
    );
}

#[tokio::test]
async fn a_view_without_a_name_is_refused_and_nobody_without_a_session_reads_them() {
    let server = start().await;
    let refused = server
        .put(MINE, json!({ "name": "  ", "query": "status=open" }))
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.text);
    assert_eq!(
        refused.body["details"][0]["field"], "name",
        "{}",
        refused.text
    );
    let not_an_id = server
        .put("/api/saved-views/mine", json!({ "name": "x", "query": "" }))
        .await;
    assert_eq!(not_an_id.status, StatusCode::BAD_REQUEST);
    let anonymous = server
        .send(server.anonymous.get(server.url("/api/saved-views")))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
