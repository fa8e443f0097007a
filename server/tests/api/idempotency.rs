//! `Idempotency-Key` on every create of every dialect, over real HTTP: a retry with the
//! same key stores nothing more and gets the first answer byte for byte (marked
//! `Idempotent-Replayed: true`); the same key on another request is refused in the
//! dialect's error body; without a key nothing changes. The keys themselves (scope,
//! malformed ones, what is kept, limits, CORS) are in `idempotency_keys.rs`; the rules'
//! times (24 hours, an abandoned reservation) are unit-tested with an injected clock in
//! `server/src/store/idempotency.rs`.

use crate::common::{
    assert_case_messages_error, assert_octopia_error, assert_support_error, start,
    support_session_path, Reply, API, CASE_MESSAGES, IDEMPOTENCY_KEY as KEY,
    IDEMPOTENT_REPLAYED as REPLAYED, OCTOPIA,
};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::dialects::case_messages::seed::CASE_GUID;
use switchboard_server::dialects::octopia::seed::{
    CLAIM_CUSTOMER_ID, CLAIM_ID, CLAIM_SALES_CHANNEL,
};

const MISMATCH: &str = "This Idempotency-Key was already used for a different request";

/// The second answer is the first, byte for byte, marked as replayed.
fn assert_replayed(first: &Reply, again: &Reply) {
    assert!(first.status.is_success(), "{}", first.text);
    assert!(first.headers.get(REPLAYED).is_none());
    assert_eq!(again.status, first.status, "{}", again.text);
    assert_eq!(again.bytes, first.bytes);
    assert_eq!(again.headers[REPLAYED], "true");
    assert_eq!(
        again.headers["content-type"], first.headers["content-type"],
        "{}",
        again.text
    );
    assert_ne!(
        again.headers["x-correlation-id"], first.headers["x-correlation-id"],
        "the correlation id is the new request's"
    );
}

fn conversation(customer: &str) -> Value {
    json!({"tripPublicationId": "pub-idem", "tripReference": "TRIP-IDEM-1",
           "establishmentId": "est-idem", "customerId": customer})
}

fn contact(mail: &str, message: &str) -> Value {
    json!({"name": "Zoë Lambert", "mail": mail, "object": "Breakfast", "message": message})
}

fn png() -> Vec<u8> {
    let mut data = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    data.extend((0..2048u32).map(|i| (i * 7) as u8));
    data
}

fn message_form(text: &str) -> Form {
    Form::new()
        .text("message", json!({"content": text}).to_string())
        .part("files", Part::bytes(png()).file_name("screen.png"))
}

#[tokio::test]
async fn a_conversation_is_created_once_per_key() {
    let server = start().await;
    let path = format!("{API}/conversations");
    let listed = format!("{API}/conversations?customerId=idem@example.com");
    let first = server
        .keyed(&path, "conv-1", conversation("idem@example.com"))
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = server
        .keyed(&path, "conv-1", conversation("idem@example.com"))
        .await;
    assert_replayed(&first, &again);
    assert_eq!(server.total(&listed).await, 1);

    let other = server
        .keyed(&path, "conv-1", conversation("other@example.com"))
        .await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.text
    );
    assert_eq!(other.body["name"], "INVALID_REQUEST");
    assert!(other.body["message"].as_str().unwrap().contains(MISMATCH));
    // Told apart from every other refusal, whatever the dialect's body.
    assert_eq!(other.headers["idempotency-key-reused"], "true");
    assert!(again.headers.get("idempotency-key-reused").is_none());
    assert_eq!(server.total(&listed).await, 1);

    // Without a key, as before: two posts, two conversations.
    server.create_conversation("idem@example.com").await;
    server.create_conversation("idem@example.com").await;
    assert_eq!(server.total(&listed).await, 3);
}

#[tokio::test]
async fn a_message_with_files_is_added_once_though_each_retry_has_its_own_boundary() {
    let server = start().await;
    let conversation = server.create_conversation("files@example.com").await;
    let id = conversation["id"].as_str().unwrap();
    let path = format!("{API}/conversations/{id}/messages");
    let first = server
        .keyed_form(&path, "msg-1", message_form("the invoice"))
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = server
        .keyed_form(&path, "msg-1", message_form("the invoice"))
        .await;
    assert_replayed(&first, &again);
    assert_eq!(server.total(&path).await, 1);

    let other = server
        .keyed_form(&path, "msg-1", message_form("another"))
        .await;
    assert_eq!(
        other.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other.text
    );
    let json_retry = server.keyed(&path, "msg-2", json!({"content": "hi"})).await;
    let json_again = server.keyed(&path, "msg-2", json!({"content": "hi"})).await;
    assert_replayed(&json_retry, &json_again);
    assert_eq!(server.total(&path).await, 2);
}

#[tokio::test]
async fn a_retried_contact_message_opens_one_conversation() {
    let server = start().await;
    let path = format!("{API}/contact-us");
    let listed = format!("{API}/conversations?customerId=zoe.retry@example.fr");
    let send = |form: Form| {
        let request = server
            .anonymous
            .post(server.url(&path))
            .header(KEY, "c0ffee-contact-1");
        server.send(request.multipart(form))
    };
    let form = || {
        Form::new()
            .text(
                "contact",
                contact("zoe.retry@example.fr", "Is breakfast included?").to_string(),
            )
            .part("files", Part::bytes(png()).file_name("booking.png"))
    };
    let first = send(form()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = send(form()).await;
    assert_replayed(&first, &again);
    assert_eq!(server.total(&listed).await, 1);

    let changed = server
        .send(
            server
                .anonymous
                .post(server.url(&path))
                .header(KEY, "c0ffee-contact-1")
                .json(&contact("zoe.retry@example.fr", "Something else")),
        )
        .await;
    assert_eq!(
        changed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        changed.text
    );
    assert!(changed.text.contains(MISMATCH), "{}", changed.text);
    assert_eq!(server.total(&listed).await, 1);
}

#[tokio::test]
async fn a_mail_and_a_follow_up_message_are_sent_once() {
    let server = start().await;
    let mail = json!({"receiversId": ["u-1"], "category": "TRIP_REMINDER_NOTIFICATION"});
    let first = server
        .keyed(&format!("{API}/mails"), "mail-1", mail.clone())
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = server
        .keyed(&format!("{API}/mails"), "mail-1", mail.clone())
        .await;
    assert_replayed(&first, &again);
    let unkeyed = server.post(&format!("{API}/mails"), mail).await;
    assert_ne!(unkeyed.body["id"], first.body["id"], "no key, a new mail");

    let opened = server
        .post(
            &format!("{API}/contact-us"),
            contact("f@example.fr", "Is there a cot for the baby?"),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);
    let conversation = server.conversation_of_contact(&opened.body).await;
    let link = opened.body["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "follow-up");
    let href = link.expect("a follow-up link")["href"].as_str().unwrap();
    let token = href.split('#').nth(1).unwrap();
    let path = format!("{API}/follow-up/{token}/messages");
    let write = || {
        let request = server
            .anonymous
            .post(server.url(&path))
            .header(KEY, "follow-1");
        server.send(request.json(&json!({"message": "Any news about the cot?"})))
    };
    let first = write().await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert_replayed(&first, &write().await);
    let messages = format!("{API}/conversations/{conversation}/messages");
    assert_eq!(
        server.total(&messages).await,
        2,
        "the contact's and one follow-up"
    );
}

// ---- the other dialects -------------------------------------------------------------------

fn octopia_reply(body: &str) -> Value {
    json!({"body": body, "discussionId": CLAIM_ID, "salesChannel": CLAIM_SALES_CHANNEL,
           "userId": "agent-camille", "userType": "Seller",
           "receivers": [{"userId": CLAIM_CUSTOMER_ID, "userType": "Customer"}],
           "attachments": [{"name": "a.png", "fileFormat": "png",
                            "content": base64_of(&png())}]})
}

fn base64_of(data: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(data)
}

#[tokio::test]
async fn an_octopia_reply_is_posted_once() {
    let server = start().await;
    let path = format!("{OCTOPIA}/messages");
    let messages = || async {
        server.octopia(&format!("/discussions/{CLAIM_ID}")).await["messages"]
            .as_array()
            .unwrap()
            .len()
    };
    let before = messages().await;
    let first = server
        .keyed(&path, "oct-1", octopia_reply("A new vase tomorrow."))
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = server
        .keyed(&path, "oct-1", octopia_reply("A new vase tomorrow."))
        .await;
    assert_replayed(&first, &again);
    assert_eq!(messages().await, before + 1);

    let other = server
        .keyed(&path, "oct-1", octopia_reply("Changed my mind."))
        .await;
    assert_octopia_error(&other, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(other.body["title"].as_str().unwrap().contains(MISMATCH));
    server.post(&path, octopia_reply("Without a key.")).await;
    assert_eq!(messages().await, before + 2);
}

#[tokio::test]
async fn a_case_message_is_created_once_by_key_as_by_external_id() {
    let server = start().await;
    let path = format!("{CASE_MESSAGES}/case-messages/create");
    let listed = format!("{CASE_MESSAGES}/case-messages?guid={CASE_GUID}");
    let count = || async { server.get(&listed).await.body.as_array().unwrap().len() };
    let before = count().await;
    let body = json!({"guid": CASE_GUID, "type": "serviceComment", "content": "Parcel received"});
    let first = server.keyed(&path, "case-1", body.clone()).await;
    assert!(first.status.is_success(), "{}", first.text);
    assert_replayed(&first, &server.keyed(&path, "case-1", body.clone()).await);
    assert_eq!(count().await, before + 1);

    let other = json!({"guid": CASE_GUID, "type": "reminder", "content": "Something else"});
    let refused = server.keyed(&path, "case-1", other).await;
    let message = assert_case_messages_error(&refused, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains(MISMATCH), "{message}");

    // The key and the externalId agree: both name the one message.
    let with_id = json!({"guid": CASE_GUID, "type": "serviceComment", "externalId": "ext-9"});
    let by_key = server.keyed(&path, "case-2", with_id.clone()).await;
    let by_id = server.post(&path, with_id).await;
    assert_eq!(by_key.body["id"], by_id.body["id"], "{}", by_id.text);
    assert_eq!(count().await, before + 2);
}

#[tokio::test]
async fn a_support_session_is_opened_once_per_key() {
    let server = start().await;
    let path = support_session_path("RIDE-IDEM-1");
    let body = json!({"callback_phone": "+33612345678"});
    let first = server.keyed(&path, "open-1", body.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert_replayed(&first, &server.keyed(&path, "open-1", body.clone()).await);
    let other = server.keyed(&path, "open-1", json!({})).await;
    let paths = assert_support_error(&other, StatusCode::UNPROCESSABLE_ENTITY, "INVALID_REQUEST");
    assert!(paths.is_empty());
    assert!(other.text.contains(MISMATCH), "{}", other.text);
    // Without a key the second open is refused as before: the session is open.
    let unkeyed = server.open_support_session("RIDE-IDEM-1", Some(body)).await;
    assert_eq!(unkeyed.status, StatusCode::CONFLICT, "{}", unkeyed.text);
}
