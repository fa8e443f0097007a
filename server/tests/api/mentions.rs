//! Mentions (`/api/mentions`, `docs/notes.md`): a note names colleagues, each finds it in
//! their own list, counted until they open the conversation; nobody sees another's list,
//! only the team's agents can be named, and a note's author is never told of their own.

use crate::common::{signed_in_as, start, TestServer, AGENT_ID};
use reqwest::StatusCode;
use serde_json::{json, Value};

const PATH: &str = "/api/notes/octopia/d-1001";
const JAVIER: &str = "agent-javier";

async fn note(server: &TestServer, id: &str, body: &str, mentions: Value) -> crate::common::Reply {
    server
        .put(
            &format!("{PATH}/{id}"),
            json!({ "body": body, "mentions": mentions }),
        )
        .await
}

#[tokio::test]
async fn a_named_colleague_finds_the_note_under_mentions_until_they_open_the_conversation() {
    let server = start().await;
    let id = "3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a66";
    let body = "@Javier Ortega can you call the buyer? @Javier Ortega";
    let added = note(&server, id, body, json!([JAVIER, AGENT_ID, JAVIER])).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    assert_eq!(
        added.body["mentions"],
        json!([JAVIER]),
        "once, and never the author"
    );
    let listed = server.get(PATH).await;
    assert_eq!(listed.body[0]["mentions"], json!([JAVIER]));

    let javier = signed_in_as(&server, "javier.ortega@switchboard.example").await;
    let theirs = server.send(javier.get(server.url("/api/mentions"))).await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.text);
    assert_eq!(theirs.body["unseen"], 1);
    let mention = &theirs.body["items"][0];
    assert_eq!(mention["noteId"], id);
    assert_eq!(mention["backend"], "octopia");
    assert_eq!(mention["conversationId"], "d-1001");
    assert_eq!(mention["authorId"], AGENT_ID);
    assert_eq!(mention["excerpt"], body);
    assert_eq!(mention["seen"], false);

    let mine = server.get("/api/mentions").await;
    assert_eq!(
        mine.body,
        json!({ "unseen": 0, "items": [] }),
        "lists are personal"
    );

    let seen_path = server.url("/api/mentions/octopia/d-1001/seen");
    let seen = server.send(javier.put(&seen_path)).await;
    assert_eq!(seen.status, StatusCode::NO_CONTENT, "{}", seen.text);
    let after = server.send(javier.get(server.url("/api/mentions"))).await;
    assert_eq!(after.body["unseen"], 0);
    assert_eq!(
        after.body["items"][0]["seen"], true,
        "still listed, as seen"
    );
}

#[tokio::test]
async fn only_the_teams_agents_can_be_named_and_not_the_whole_team_at_once() {
    let server = start().await;
    let id = "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d77";
    let stranger = note(&server, id, "@Someone look", json!(["agent-nobody"])).await;
    assert_eq!(
        stranger.status,
        StatusCode::BAD_REQUEST,
        "{}",
        stranger.text
    );
    assert!(stranger.text.contains("mentions"), "{}", stranger.text);
    let crowd: Vec<String> = (0..21).map(|i| format!("agent-{i}")).collect();
    let many = note(&server, id, "@all", json!(crowd)).await;
    assert_eq!(many.status, StatusCode::BAD_REQUEST, "{}", many.text);
    assert_eq!(server.get(PATH).await.body, json!([]), "nothing was kept");
    let plain = note(&server, id, "No one named", json!([])).await;
    assert_eq!(plain.status, StatusCode::CREATED, "{}", plain.text);
    let without = server
        .put(
            &format!("{PATH}/7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f88"),
            json!({ "body": "An older console sends no mentions" }),
        )
        .await;
    assert_eq!(without.status, StatusCode::CREATED, "{}", without.text);
    assert_eq!(without.body["mentions"], json!([]));
}

#[tokio::test]
async fn nobody_without_a_session_reads_mentions_or_marks_them_seen() {
    let server = start().await;
    let read = server
        .send(server.anonymous.get(server.url("/api/mentions")))
        .await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
    let seen = server
        .send(
            server
                .anonymous
                .put(server.url("/api/mentions/octopia/d-1001/seen")),
        )
        .await;
    assert_eq!(seen.status, StatusCode::UNAUTHORIZED);
    let unknown = server
        .put("/api/mentions/nowhere/d-1/seen", json!({}))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.text);
}
