//! Files through the customer's private link (issue #25, "The customer's side"): the
//! customer sees the photo they sent with their first message, sends more when they write
//! again (under the contact form's checks), and a link opens its own conversation's files
//! and no other, kept by no cache, until it is withdrawn.

use crate::common::{start, Reply, TestServer, API};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

/// A PNG's first bytes, then `tag` so two pictures differ.
fn png(tag: &str) -> Vec<u8> {
    let mut data = PNG_MAGIC.to_vec();
    data.extend_from_slice(tag.as_bytes());
    data.resize(2_048, 7);
    data
}

fn form(json_part: &str, json: Value, files: Vec<(&str, Vec<u8>)>) -> Form {
    files.into_iter().fold(
        Form::new().text(json_part.to_owned(), json.to_string()),
        |form, (name, data)| form.part("files", Part::bytes(data).file_name(name.to_owned())),
    )
}

/// Sends the contact form with `photo` and no session; the conversation and the token.
async fn contact_with_photo(server: &TestServer, photo: Vec<u8>) -> (String, String) {
    let contact = json!({"name": "Ana Ruiz", "mail": "ana@example.es", "object": "Broken box",
        "message": "The box arrived broken, see the photo."});
    let reply = server
        .send(
            server
                .anonymous
                .post(server.url(&format!("{API}/contact-us")))
                .multipart(form("contact", contact, vec![("box.png", photo)])),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let link = reply.body["links"][0]["href"].as_str().unwrap();
    let token = link.strip_prefix("/contact/follow-up#").unwrap().to_owned();
    (server.conversation_of_contact(&reply.body).await, token)
}

async fn read(server: &TestServer, token: &str) -> Value {
    let reply = server
        .send(
            server
                .anonymous
                .get(server.url(&format!("{API}/follow-up/{token}"))),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body
}

async fn fetch(server: &TestServer, token: &str, id: &str) -> (Reply, Vec<u8>) {
    let url = server.url(&format!("{API}/follow-up/{token}/attachments/{id}"));
    let response = server.anonymous.get(url.clone()).send().await.unwrap();
    let bytes = response.bytes().await.unwrap().to_vec();
    let reply = server.send(server.anonymous.get(url)).await;
    (reply, bytes)
}

async fn write(server: &TestServer, token: &str, text: &str, files: Vec<(&str, Vec<u8>)>) -> Reply {
    server
        .send(
            server
                .anonymous
                .post(server.url(&format!("{API}/follow-up/{token}/messages")))
                .multipart(form("message", json!({"message": text}), files)),
        )
        .await
}

#[tokio::test]
async fn the_customer_sees_their_first_photo_and_sends_another_through_the_link() {
    let server = start().await;
    let first = png("first");
    let (conversation, token) = contact_with_photo(&server, first.clone()).await;
    let view = read(&server, &token).await;
    let shown = &view["messages"][0]["attachments"][0];
    assert_eq!(shown["name"], "box.png");
    assert_eq!(shown["mediaType"], "image/png");
    assert_eq!(shown["size"], first.len());
    assert!(
        shown.get("url").is_none() && shown.get("checksum").is_none(),
        "{shown}"
    );

    let (reply, bytes) = fetch(&server, &token, shown["id"].as_str().unwrap()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(bytes, first);
    assert_eq!(reply.headers["content-type"], "image/png");
    assert_eq!(reply.headers["cache-control"], "no-store");
    assert_eq!(reply.headers["x-content-type-options"], "nosniff");
    assert!(reply.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("sandbox"));

    // A picture alone says it all: the text may be empty when a file comes with it.
    let second = png("second");
    let reply = write(&server, &token, "", vec![("label.png", second.clone())]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let sent = &reply.body["messages"][1];
    assert_eq!(sent["author"], "customer");
    assert_eq!(sent["attachments"][0]["name"], "label.png");
    let (_, bytes) = fetch(
        &server,
        &token,
        sent["attachments"][0]["id"].as_str().unwrap(),
    )
    .await;
    assert_eq!(bytes, second);
    // The agents see it in the conversation, as any customer's file.
    let messages = server
        .get(&format!("{API}/conversations/{conversation}/messages"))
        .await;
    assert_eq!(
        messages.body["content"][0]["attachments"][0]["fileName"],
        "label.png"
    );
}

#[tokio::test]
async fn a_link_opens_only_its_own_files_and_none_once_withdrawn() {
    let server = start().await;
    let (mine_conversation, mine) = contact_with_photo(&server, png("mine")).await;
    let (_, theirs) = contact_with_photo(&server, png("theirs")).await;
    let their_file = read(&server, &theirs).await["messages"][0]["attachments"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (reply, _) = fetch(&server, &mine, &their_file).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.text);
    assert!(!reply.text.contains("theirs"));
    let (reply, _) = fetch(&server, "not-a-token", &their_file).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);

    let my_file = read(&server, &mine).await["messages"][0]["attachments"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let withdrawn = server
        .delete(&format!(
            "{API}/conversations/{mine_conversation}/follow-up-links"
        ))
        .await;
    assert_eq!(
        withdrawn.status,
        StatusCode::NO_CONTENT,
        "{}",
        withdrawn.text
    );
    let (reply, _) = fetch(&server, &mine, &my_file).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_file_the_contact_form_would_refuse_is_refused_in_words_and_nothing_is_written() {
    let server = start().await;
    let (_, token) = contact_with_photo(&server, png("first")).await;
    let program = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0".to_vec();
    let reply = write(
        &server,
        &token,
        "Here is the tool",
        vec![("tool.exe", program)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    assert!(
        reply.text.contains("tool.exe is not an accepted format"),
        "{}",
        reply.text
    );
    // Neither text nor file: said in words too.
    let reply = write(&server, &token, "  ", Vec::new()).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    assert_eq!(
        read(&server, &token).await["messages"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
