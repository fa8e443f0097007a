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

/// A note with files, as the console sends it: the note's JSON in `note`, each file in
/// `files`.
fn note_form(body: &str, files: Vec<(&str, Vec<u8>)>) -> reqwest::multipart::Form {
    use reqwest::multipart::{Form, Part};
    files.into_iter().fold(
        Form::new().text("note", json!({ "body": body }).to_string()),
        |form, (name, data)| form.part("files", Part::bytes(data).file_name(name.to_owned())),
    )
}

/// `size` bytes that start like a PNG (or any `magic`), then vary.
fn file_of(magic: &[u8], size: usize) -> Vec<u8> {
    let mut data = magic.to_vec();
    data.extend((0..size.saturating_sub(magic.len())).map(|i| (i * 7 + i / 251) as u8));
    data.truncate(size);
    data
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const EXE_MAGIC: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";

#[tokio::test]
async fn a_note_carries_files_checked_as_a_replys_and_only_its_conversation_gives_them() {
    let server = start().await;
    let id = "5c0d7e21-8f3a-4b6c-9d1e-2a3b4c5d6e01";
    let screenshot = file_of(PNG_MAGIC, 2_000);
    let form = note_form(
        "The carrier's screen, for the record",
        vec![("carrier screen.png", screenshot.clone())],
    );
    let added = server
        .send(
            server
                .client
                .put(server.url(&format!("{PATH}/{id}")))
                .multipart(form),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    let attachment = &added.body["attachments"][0];
    assert_eq!(attachment["name"], "carrier screen.png");
    assert_eq!(attachment["media_type"], "image/png");
    assert_eq!(attachment["size"], 2_000);
    assert_eq!(attachment["is_image"], true);
    let url = attachment["url"].as_str().expect("a path").to_owned();
    assert!(url.starts_with(&format!("{PATH}/{id}/files/")), "{url}");

    let listed = server.get(PATH).await;
    assert_eq!(listed.body[0]["attachments"][0]["url"], url.as_str());
    let response = server
        .client
        .get(server.url(&url))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap_or_default()
        .starts_with("attachment"));
    assert_eq!(response.bytes().await.expect("bytes").to_vec(), screenshot);

    // The same file under another conversation's path is not there.
    let elsewhere = url.replace("/d-1001/", "/d-1002/");
    assert_eq!(server.get(&elsewhere).await.status, StatusCode::NOT_FOUND);
    let anonymous = server.send(server.anonymous.get(server.url(&url))).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_note_with_a_file_no_reply_may_carry_is_refused_and_nothing_is_kept() {
    let server = start().await;
    let id = "5c0d7e21-8f3a-4b6c-9d1e-2a3b4c5d6e02";
    let form = note_form(
        "Here is the tool",
        vec![
            ("tool.exe", file_of(EXE_MAGIC, 500)),
            ("ok.png", file_of(PNG_MAGIC, 500)),
        ],
    );
    let refused = server
        .send(
            server
                .client
                .put(server.url(&format!("{PATH}/{id}")))
                .multipart(form),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.text);
    assert!(refused.text.contains("tool.exe"), "{}", refused.text);
    assert_eq!(
        server.get(PATH).await.body,
        json!([]),
        "neither the note nor a file kept"
    );
}
