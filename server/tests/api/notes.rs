//! Internal notes (`/api/notes/{backend}/{conversation}`, `docs/notes.md`): an agent adds
//! one at an id of the console's choosing, a retry keeps it once, the team reads them
//! oldest first with who wrote them; text is checked, ids are UUIDs, backends are known,
//! and nobody without a session reads or writes one.

use crate::common::{start, TestServer, AGENT_ID};
use reqwest::StatusCode;
use serde_json::json;

const PATH: &str = "/api/notes/octopia/d-1001";

async fn put(server: &TestServer, path: &str, id: &str, body: &str) -> crate::common::Reply {
    server
        .put(&format!("{path}/{id}"), json!({ "body": body }))
        .await
}

#[tokio::test]
async fn an_agent_adds_a_note_once_and_the_team_reads_them_oldest_first() {
    let server = start().await;
    let first = "0b6f1c7e-4d1a-4f4e-9d3e-2a9c7f0e8b11";
    let second = "7c2d9a40-1e5b-4c8f-8a6d-3f0b2e1d9c22";
    let added = put(&server, PATH, first, "Called the buyer: parcel lost.").await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    assert_eq!(added.body["authorId"], AGENT_ID);
    assert_eq!(added.body["id"], first);

    let again = put(&server, PATH, first, "Called the buyer: parcel lost.").await;
    assert_eq!(
        again.status,
        StatusCode::OK,
        "a retry is answered with the note kept"
    );
    assert_eq!(again.body, added.body);

    let hostile = "<img src=x onerror=alert(1)> @everyone";
    assert_eq!(
        put(&server, PATH, second, hostile).await.status,
        StatusCode::CREATED
    );
    let listed = server.get(PATH).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    let bodies: Vec<&str> = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        ["Called the buyer: parcel lost.", hostile],
        "kept as written"
    );
    let elsewhere = server.get("/api/notes/octopia/d-1002").await;
    assert_eq!(
        elsewhere.body,
        json!([]),
        "a conversation's notes are its own"
    );
}

#[tokio::test]
async fn a_used_note_id_is_never_given_to_another_note() {
    let server = start().await;
    let id = "5a0e8c3b-9f2d-4b7a-8e1c-6d4f2a9b0c33";
    assert_eq!(
        put(&server, PATH, id, "First words").await.status,
        StatusCode::CREATED
    );
    let other = put(&server, PATH, id, "Other words").await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.text
    );
    let moved = put(&server, "/api/notes/octopia/d-1002", id, "First words").await;
    assert_eq!(
        moved.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        moved.text
    );
    let listed = server.get(PATH).await.body;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["body"], "First words");
}

#[tokio::test]
async fn a_note_needs_words_a_uuid_and_a_known_backend() {
    let server = start().await;
    let id = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b44";
    let empty = put(&server, PATH, id, "  \n ").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST, "{}", empty.text);
    assert!(empty.text.contains("body"), "{}", empty.text);
    let long = put(&server, PATH, id, &"a".repeat(5_001)).await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST, "{}", long.text);
    assert!(
        !long.text.contains(&"a".repeat(100)),
        "the text is not echoed back"
    );
    let not_uuid = put(&server, PATH, "note-1", "Words").await;
    assert_eq!(
        not_uuid.status,
        StatusCode::BAD_REQUEST,
        "{}",
        not_uuid.text
    );
    let unknown = put(&server, "/api/notes/nowhere/d-1", id, "Words").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.text);
    assert_eq!(server.get(PATH).await.body, json!([]), "nothing was kept");
}

#[tokio::test]
async fn nobody_without_a_session_reads_or_writes_a_note() {
    let server = start().await;
    let id = "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a55";
    assert_eq!(
        put(&server, PATH, id, "For the team").await.status,
        StatusCode::CREATED
    );
    let read = server.send(server.anonymous.get(server.url(PATH))).await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
    assert!(!read.text.contains("For the team"));
    let write = server
        .send(
            server
                .anonymous
                .put(server.url(&format!("{PATH}/{id}")))
                .json(&json!({ "body": "From outside" })),
        )
        .await;
    assert_eq!(write.status, StatusCode::UNAUTHORIZED);
}
