//! "No answer needed" (`/api/no-answer`, `docs/deadlines.md`): an agent marks a conversation,
//! colleagues read the mark (who and when), marking again moves it on, withdrawing it leaves
//! none; nobody without a session reads or marks.

use crate::common::{start, AGENT_ID};
use reqwest::StatusCode;
use serde_json::Value;

const ONE: &str = "/api/no-answer/octopia/d-1001";

#[tokio::test]
async fn an_agent_marks_a_conversation_as_needing_no_answer_and_withdraws_it() {
    let server = start().await;
    assert_eq!(server.get(ONE).await.body, Value::Null, "no mark yet");
    let marked = server.send(server.client.put(server.url(ONE))).await;
    assert_eq!(marked.status, StatusCode::OK, "{}", marked.text);
    assert_eq!(marked.body["conversationId"], "d-1001");
    assert_eq!(marked.body["markedBy"], AGENT_ID);
    let first = marked.body["markedAt"].as_str().expect("a time").to_owned();
    let listed = server.get("/api/no-answer/octopia").await;
    assert_eq!(listed.body.as_array().map(Vec::len), Some(1));
    assert_eq!(server.get(ONE).await.body["markedAt"], first.as_str());

    let again = server.send(server.client.put(server.url(ONE))).await;
    assert!(again.body["markedAt"].as_str().expect("a time") >= first.as_str());
    let withdrawn = server.send(server.client.delete(server.url(ONE))).await;
    assert_eq!(withdrawn.status, StatusCode::NO_CONTENT);
    assert_eq!(server.get(ONE).await.body, Value::Null);
    let unknown = server
        .send(server.client.put(server.url("/api/no-answer/nowhere/x")))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let anonymous = server.send(server.anonymous.put(server.url(ONE))).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
