//! Concurrent edits on the communication API (`docs/backends/communication.md`,
//! "Concurrent edits"): a conversation's version as an `ETag`, writes with `If-Match`
//! refused with 412 once a colleague changed it (saying who and how it stands), writes
//! without it as before; participants merged, never replaced, capped without ever blocking
//! an update; a message moves no version.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn etag(reply: &Reply) -> String {
    reply
        .headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("an ETag")
        .to_owned()
}

async fn put_if(server: &TestServer, path: &str, tag: &str, body: Value) -> Reply {
    let request = server
        .client
        .put(server.url(path))
        .header("if-match", tag)
        .json(&body);
    server.send(request).await
}

#[tokio::test]
async fn a_write_on_an_older_version_is_refused_and_says_who_changed_it() {
    let server = start().await;
    let mut conversation = server.create_conversation("versions@example.com").await;
    let id = conversation["id"].as_str().unwrap().to_owned();
    let path = format!("{API}/conversations/{id}");
    let read = server.get(&path).await;
    let seen = etag(&read);
    assert_eq!(seen, "\"v1\"");

    // A colleague assigns it (as the signed-in agent, with the version they read).
    let assigned = server
        .send(
            server
                .client
                .put(server.url(&format!("{path}/assigned-agent")))
                .header("if-match", &seen)
                .json(&json!({"assignedAgentId": "agent-javier"})),
        )
        .await;
    assert_eq!(assigned.status, StatusCode::OK, "{}", assigned.text);
    assert_eq!(etag(&assigned), "\"v2\"");

    // A close made on what was read before is refused: nothing is reverted.
    conversation["status"] = json!("CLOSED");
    let refused = put_if(&server, &path, &seen, conversation.clone()).await;
    assert_eq!(
        refused.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        refused.text
    );
    let said = refused.body["message"].as_str().expect("a sentence");
    assert!(
        said.starts_with("Camille Laurent changed this conversation"),
        "{said}"
    );
    assert!(
        said.contains("assigned to Javier Ortega"),
        "people by name: {said}"
    );
    let now = server.get(&path).await;
    assert_eq!(now.body["status"], "OPEN");
    assert_eq!(now.body["assignedAgentId"], "agent-javier");

    // On the current version it goes through, and moves the version on.
    conversation["assignedAgentId"] = json!("agent-javier");
    let closed = put_if(&server, &path, &etag(&now), conversation.clone()).await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.body["status"], "CLOSED");
    assert_eq!(etag(&closed), "\"v3\"");
    // Without If-Match, as the contract always was.
    conversation["status"] = json!("OPEN");
    assert_eq!(server.put(&path, conversation).await.status, StatusCode::OK);
}

#[tokio::test]
async fn participants_are_merged_and_a_message_moves_no_version() {
    let server = start().await;
    let mut conversation = server.create_conversation("merge@example.com").await;
    let id = conversation["id"].as_str().unwrap().to_owned();
    let path = format!("{API}/conversations/{id}");
    let before: Vec<Value> = server.get(&path).await.body["participants"]
        .as_array()
        .expect("participants")
        .clone();
    // A client that read an older, shorter list removes no one.
    conversation["participants"] = json!(["someone-new@example.com"]);
    let updated = server.put(&path, conversation).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
    let after = updated.body["participants"]
        .as_array()
        .expect("participants");
    assert!(before.iter().all(|p| after.contains(p)), "{after:?}");
    assert!(after.contains(&json!("someone-new@example.com")));
    let version = etag(&server.get(&path).await);
    let sent = server
        .post(
            &format!("{path}/messages"),
            json!({"conversationId": id, "transmitterId": "agent-lea",
                   "transmitterType": "AGENT", "content": "Hello", "contentType": "TEXT"}),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);
    assert_eq!(etag(&server.get(&path).await), version);
}

#[tokio::test]
async fn a_conversation_that_gathered_many_participants_can_still_be_updated() {
    let server = start().await;
    let mut conversation = server.create_conversation("crowd@example.com").await;
    let id = conversation["id"].as_str().unwrap().to_owned();
    let path = format!("{API}/conversations/{id}");
    // Three clients each add as many people as one request may carry.
    for round in 0..3 {
        conversation["participants"] = json!((0..50)
            .map(|n| format!("p{round}-{n}@example.com"))
            .collect::<Vec<_>>());
        let updated = server.put(&path, conversation.clone()).await;
        assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
        conversation = updated.body;
    }
    let read = server.get(&path).await.body;
    let participants = read["participants"].as_array().expect("participants");
    assert_eq!(participants.len(), 50, "{participants:?}");
    assert!(participants.contains(&json!("crowd@example.com")));
    assert!(participants.contains(&json!("p2-49@example.com")));
    // What was read is written back whole: the update goes through.
    let mut closing = read.clone();
    closing["status"] = json!("CLOSED");
    let closed = server.put(&path, closing).await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.body["status"], json!("CLOSED"));
}
