//! Switchboard's list of followed items per backend (`/api/follows/{backend}`): follow once,
//! list newest first with who added it, stop following, and only for a backend this server
//! speaks; like every `/api` route, not without a session.

use crate::common::{start, AGENT_ID};
use reqwest::StatusCode;

#[tokio::test]
async fn an_agent_follows_an_item_lists_it_and_stops() {
    let server = start().await;
    let path = "/api/follows/octopia";
    let before = server.get(path).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.text);
    let count = before.body.as_array().unwrap().len();

    for _ in 0..2 {
        let put = server
            .send(server.client.put(server.url(&format!("{path}/order-42"))))
            .await;
        assert_eq!(put.status, StatusCode::NO_CONTENT, "{}", put.text);
    }
    let listed = server.get(path).await.body;
    assert_eq!(listed.as_array().unwrap().len(), count + 1, "followed once");
    assert_eq!(listed[0]["itemId"], "order-42");
    assert_eq!(listed[0]["addedBy"], AGENT_ID);

    let delete = |item: &'static str| {
        server.send(server.client.delete(server.url(&format!("{path}/{item}"))))
    };
    assert_eq!(delete("order-42").await.status, StatusCode::NO_CONTENT);
    let again = delete("order-42").await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(again.body["name"], "NOT_FOUND");
    assert_eq!(server.get(path).await.body.as_array().unwrap().len(), count);
}

#[tokio::test]
async fn only_known_backends_and_signed_in_agents() {
    let server = start().await;
    let unknown = server.get("/api/follows/nowhere").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.text);
    let anonymous = server
        .send(server.anonymous.get(server.url("/api/follows/octopia")))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
