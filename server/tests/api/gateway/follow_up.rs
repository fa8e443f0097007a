//! Switchboard's own state over a real vendor (issue 20): a reference server started with
//! `--vendor-auth` plays the vendors, and a gateway in front of it forwards communication
//! and support sessions with the same `auth` sections. The customer's follow-up link and a
//! support session's history are ours, the conversation and the session the vendor's:
//! both must keep working, the contact page and the console unchanged.

use super::set_identity;
use crate::common::{
    start_with_backends, support_session_path, TestServer, AGENT_EMAIL, AGENT_ID, API,
    CASE_MESSAGES, OCTOPIA, SUPPORT_SESSIONS,
};
use crate::vendor_auth::{backends_file, settings, upstream, COMMUNICATION_KEY};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The reference playing every vendor, and a gateway forwarding every backend to it.
async fn through_the_reference() -> (TestServer, TestServer) {
    let vendor = upstream(60, true).await;
    let base = vendor.base_url.clone();
    let forward = |name: &str| {
        let path = match name {
            "communication" => API,
            "octopia" => OCTOPIA,
            "case-messages" => CASE_MESSAGES,
            "support-sessions" => SUPPORT_SESSIONS,
            _ => "/postcenter",
        };
        format!("mode = \"forward\"\nupstream = \"{base}{path}\"\nretries = 0")
    };
    let gateway = start_with_backends(settings(&backends_file(&base, 60, &forward)), false).await;
    // The agent's id on the communication API: the reference's own id for them.
    set_identity(&gateway, AGENT_EMAIL, "communication", AGENT_ID, None, None);
    (vendor, gateway)
}

/// The contact form, sent without a session through the gateway; the answer's reference
/// and the link's token.
async fn contact(gateway: &TestServer) -> (String, String) {
    let reply = gateway
        .send(
            gateway
                .anonymous
                .post(gateway.url(&format!("{API}/contact-us")))
                .json(&json!({"name": "Zoë Lambert", "mail": "zoe@example.fr",
                    "object": "Breakfast", "message": "Was breakfast included?"})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.headers["cache-control"], "no-store");
    // As the embedded route answers: nothing of support's own (nulls aside).
    let mut said: Vec<&str> = reply
        .body
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, value)| !value.is_null())
        .map(|(key, _)| key.as_str())
        .collect();
    said.sort();
    assert_eq!(said, ["id", "links", "sendingDate"], "{}", reply.text);
    let link = reply.body["links"][0]["href"].as_str().unwrap();
    let token = link.strip_prefix("/contact/follow-up#").unwrap().to_owned();
    (reply.body["id"].as_str().unwrap().to_owned(), token)
}

async fn read(gateway: &TestServer, token: &str) -> (StatusCode, Value) {
    let url = gateway.url(&format!("{API}/follow-up/{token}"));
    let reply = gateway.send(gateway.anonymous.get(url)).await;
    (reply.status, reply.body)
}

async fn write(
    gateway: &TestServer,
    token: &str,
    text: &str,
    file: Option<Vec<u8>>,
) -> (StatusCode, Value) {
    let url = gateway.url(&format!("{API}/follow-up/{token}/messages"));
    let form = Form::new().text("message", json!({ "message": text }).to_string());
    let form = match file {
        Some(data) => form.part("files", Part::bytes(data).file_name("receipt.png")),
        None => form,
    };
    let reply = gateway
        .send(gateway.anonymous.post(url).multipart(form))
        .await;
    (reply.status, reply.body)
}

/// A PNG's first bytes, then padding.
fn png() -> Vec<u8> {
    let mut data = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    data.resize(2_048, 7);
    data
}

#[tokio::test]
async fn a_customer_follows_up_through_the_gateway_on_a_conversation_the_vendor_keeps() {
    let (vendor, gateway) = through_the_reference().await;
    let (reference, token) = contact(&gateway).await;
    assert!(reference.starts_with("C-"), "{reference}");
    let conversation = gateway
        .conversation_of_contact(&json!({ "id": reference }))
        .await;

    let (status, view) = read(&gateway, &token).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["reference"], reference.as_str());
    assert_eq!(view["open"], true);
    assert_eq!(view["messages"][0]["author"], "customer");
    let first = view["messages"][0]["body"].as_str().unwrap_or_default();
    assert!(first.contains("Was breakfast included?"), "{view}");
    assert!(view["linkExpiresAt"].as_str().is_some(), "{view}");

    let messages = format!("{API}/conversations/{conversation}/messages");
    let answer = gateway
        .post(&messages, json!({"content": "Yes, from 7 to 10."}))
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    let (_, view) = read(&gateway, &token).await;
    assert_eq!(view["messages"][1]["author"], "agent", "{view}");
    assert_eq!(view["messages"][1]["authorName"], "Camille Laurent");

    let (status, view) = write(&gateway, &token, "Thanks! Here is my receipt.", Some(png())).await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    let last = &view["messages"][2];
    assert_eq!(last["author"], "customer", "{view}");
    let file = last["attachments"][0]["id"]
        .as_str()
        .expect("the file")
        .to_owned();
    let url = gateway.url(&format!("{API}/follow-up/{token}/attachments/{file}"));
    let fetched = gateway.anonymous.get(url).send().await.unwrap();
    assert_eq!(fetched.status(), StatusCode::OK);
    assert_eq!(fetched.headers()["cache-control"], "no-store");
    assert_eq!(fetched.bytes().await.unwrap().to_vec(), png());

    // The agent sees the customer's message, as the vendor keeps it.
    let seen = gateway.get(&messages).await;
    let written = seen.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["content"] == "Thanks! Here is my receipt.");
    let written = written.unwrap_or_else(|| panic!("the customer's message: {}", seen.text));
    assert_eq!(written["transmitterType"], "CUSTOMER");
    assert_eq!(written["attachments"][0]["id"], file.as_str());
    // The vendor kept the conversation: it is in the reference's own store.
    let kept = vendor
        .send(
            vendor
                .vendor_get(&format!("{API}/conversations/{conversation}/messages"))
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}")),
        )
        .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.text);
    assert!(kept.text.contains("Here is my receipt"), "{}", kept.text);
}

#[tokio::test]
async fn a_customer_writing_through_the_gateway_opens_a_closed_conversation_again() {
    let (_vendor, gateway) = through_the_reference().await;
    let (reference, token) = contact(&gateway).await;
    let conversation = gateway
        .conversation_of_contact(&json!({ "id": reference }))
        .await;
    let path = format!("{API}/conversations/{conversation}");
    let mut body = gateway.get(&path).await.body;
    body["status"] = json!("CLOSED");
    let closed = gateway.put(&path, body).await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(read(&gateway, &token).await.1["open"], false);

    let (status, view) = write(&gateway, &token, "It is not solved yet.", None).await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    assert_eq!(view["open"], true, "{view}");
    assert_eq!(gateway.get(&path).await.body["status"], "OPEN");
}

#[tokio::test]
async fn withdrawing_the_links_through_the_gateway_stops_the_customers_link() {
    let (_vendor, gateway) = through_the_reference().await;
    let (reference, token) = contact(&gateway).await;
    let conversation = gateway
        .conversation_of_contact(&json!({ "id": reference }))
        .await;
    assert_eq!(read(&gateway, &token).await.0, StatusCode::OK);

    let links = format!("{API}/conversations/{conversation}/follow-up-links");
    let withdrawn = gateway.delete(&links).await;
    assert_eq!(
        withdrawn.status,
        StatusCode::NO_CONTENT,
        "{}",
        withdrawn.text
    );
    let (status, body) = read(&gateway, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("opens no conversation"),
        "{body}"
    );
    assert_eq!(
        write(&gateway, &token, "Hello?", None).await.0,
        StatusCode::NOT_FOUND
    );

    let unknown = gateway
        .delete(&format!("{API}/conversations/no-such-one/follow-up-links"))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.text);
}

#[tokio::test]
async fn a_support_session_opened_and_closed_through_the_gateway_has_both_in_its_history() {
    let (_vendor, gateway) = through_the_reference().await;
    let order = "RIDE-2612-0042";
    let opened = gateway
        .open_support_session(order, Some(json!({"callback_phone": "+34600111222"})))
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);
    let closed = gateway.delete(&support_session_path(order)).await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);

    let history = gateway
        .get(&format!("{}/history", support_session_path(order)))
        .await;
    assert_eq!(history.status, StatusCode::OK, "{}", history.text);
    let entries = history.body.as_array().unwrap();
    let events: Vec<&str> = entries
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["opened", "closed"], "{}", history.text);
    assert_eq!(entries[0]["callback_phone"], "+34600111222");
    for entry in entries {
        assert_eq!(entry["by"]["name"], "Camille Laurent", "{}", history.text);
    }
    // The vendor did the writes: the session, read through the gateway, is the vendor's.
    let session = gateway.get(&support_session_path(order)).await;
    assert_eq!(session.body["status"], "closed", "{}", session.text);
}
