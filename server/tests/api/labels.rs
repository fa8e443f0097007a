//! Labels (`/api/labels`, `/api/conversation-labels`, `docs/labels.md`): any agent creates a
//! label (a name once, letter case aside; a retry at the same id keeps one) and puts it on
//! conversations or takes it off, colleagues read them; renaming is for the creator and
//! admins, retiring for admins (and takes it off every conversation); a bad name, an unknown
//! label and an anonymous caller are refused.

use crate::common::{signed_in_as, start, AGENT_ID};
use reqwest::StatusCode;
use serde_json::{json, Value};

const VIP: &str = "/api/labels/6f1c1d1e-0000-4000-8000-000000000001";
const REFUND: &str = "/api/labels/6f1c1d1e-0000-4000-8000-000000000002";
const ON_ONE: &str = "/api/conversation-labels/octopia/d-1001";

#[tokio::test]
async fn an_agent_creates_a_label_puts_it_on_a_conversation_and_takes_it_off() {
    let server = start().await;
    let created = server
        .put(VIP, json!({ "name": "  VIP  client ", "colour": "purple" }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["name"], "VIP client");
    assert_eq!(created.body["colour"], "purple");
    assert_eq!(created.body["createdBy"], AGENT_ID);
    let again = server
        .put(VIP, json!({ "name": "VIP client", "colour": "purple" }))
        .await;
    assert_eq!(
        again.status,
        StatusCode::OK,
        "a retry keeps one: {}",
        again.text
    );
    assert_eq!(
        server
            .get("/api/labels")
            .await
            .body
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    assert_eq!(server.get(ON_ONE).await.body["labelIds"], json!([]));
    let id = created.body["id"].as_str().expect("an id").to_owned();
    let added = server.put(&format!("{ON_ONE}/{id}"), json!({})).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.text);
    assert_eq!(added.body["labelIds"], json!([id]));
    let twice = server.put(&format!("{ON_ONE}/{id}"), json!({})).await;
    assert_eq!(twice.body["labelIds"], json!([id]), "once only");
    let listed = server.get("/api/conversation-labels/octopia").await;
    assert_eq!(
        listed.body,
        json!([{ "conversationId": "d-1001", "labelIds": [id] }])
    );
    let off = server.delete(&format!("{ON_ONE}/{id}")).await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.text);
    assert_eq!(off.body["labelIds"], json!([]));
    assert_eq!(
        server.get("/api/conversation-labels/octopia").await.body,
        json!([])
    );
}

#[tokio::test]
async fn a_name_taken_empty_or_too_long_is_refused_and_an_unknown_label_is_not_found() {
    let server = start().await;
    server
        .put(VIP, json!({ "name": "VIP", "colour": "red" }))
        .await;
    for name in ["vip", "   ", &"x".repeat(41)] {
        let refused = server.put(REFUND, json!({ "name": name })).await;
        assert_eq!(
            refused.status,
            StatusCode::BAD_REQUEST,
            "{name:?}: {}",
            refused.text
        );
        assert_eq!(
            refused.body["details"][0]["field"], "name",
            "{}",
            refused.text
        );
    }
    let unknown = server
        .put(
            &format!("{ON_ONE}/6f1c1d1e-0000-4000-8000-00000000ffff"),
            json!({}),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.text);
    let not_an_id = server
        .put("/api/labels/vip", json!({ "name": "VIP" }))
        .await;
    assert_eq!(not_an_id.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn only_the_creator_or_an_admin_renames_a_label_and_only_admins_retire_one() {
    let server = start().await;
    let javier = signed_in_as(&server, "javier.ortega@switchboard.example").await;
    // Camille (an admin) creates; Javier may not rename it.
    let created = server.put(VIP, json!({ "name": "VIP" })).await;
    let id = created.body["id"].as_str().expect("an id").to_owned();
    let renamed = server
        .send(javier.put(server.url(VIP)).json(&json!({ "name": "Gold" })))
        .await;
    assert_eq!(renamed.status, StatusCode::FORBIDDEN, "{}", renamed.text);
    // Javier creates his own, renames it, labels a conversation, may not retire.
    let his = server
        .send(
            javier
                .put(server.url(REFUND))
                .json(&json!({ "name": "Refund" })),
        )
        .await;
    assert_eq!(his.status, StatusCode::CREATED, "{}", his.text);
    let renamed = server
        .send(
            javier
                .put(server.url(REFUND))
                .json(&json!({ "name": "Refund asked", "colour": "teal" })),
        )
        .await;
    assert_eq!(renamed.body["name"], "Refund asked", "{}", renamed.text);
    let labelled = server
        .send(javier.put(server.url(&format!("{ON_ONE}/{id}"))))
        .await;
    assert_eq!(labelled.status, StatusCode::OK, "{}", labelled.text);
    let retired = server.send(javier.delete(server.url(VIP))).await;
    assert_eq!(retired.status, StatusCode::FORBIDDEN);
    // An admin retires it, from every conversation too.
    let retired = server.delete(VIP).await;
    assert_eq!(retired.status, StatusCode::NO_CONTENT);
    assert_eq!(server.get(ON_ONE).await.body["labelIds"], json!([]));
    let names: Vec<Value> = server
        .get("/api/labels")
        .await
        .body
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(names.len(), 1);
    let anonymous = server
        .send(server.anonymous.get(server.url("/api/labels")))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
