//! Octopia replies over real HTTP: `POST /messages` and its checks (receivers, body, sales
//! channel, files as base64 in JSON), what a reply changes, and `GET /attachments` giving
//! the files back byte for byte. Each test starts its own seeded server.

use crate::common::{assert_octopia_error, start, Reply, TestServer, OCTOPIA};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_core::attachments::MB;
use switchboard_server::dialects::octopia::seed::{
    CLAIM_CUSTOMER_ID, CLAIM_ID, CLAIM_SALES_CHANNEL,
};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const PDF_MAGIC: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
const EXE_MAGIC: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";

/// `size` bytes that start like the format and then vary, so a round trip catches any change.
fn file_of(magic: &[u8], size: usize) -> Vec<u8> {
    let mut data = magic.to_vec();
    data.extend((0..size.saturating_sub(magic.len())).map(|i| (i * 7 + i / 251) as u8));
    data.truncate(size);
    data
}

fn attachment(name: &str, format: &str, data: &[u8]) -> Value {
    json!({"name": name, "fileFormat": format, "content": STANDARD.encode(data)})
}

/// A reply to the fixed claim, to its customer, from a known agent.
fn reply_to_claim(body: &str) -> Value {
    json!({
        "body": body,
        "discussionId": CLAIM_ID,
        "salesChannel": CLAIM_SALES_CHANNEL,
        "userId": "agent-camille",
        "userType": "Seller",
        "receivers": [{"userId": CLAIM_CUSTOMER_ID, "userType": "Customer"}],
        "attachments": []
    })
}

impl TestServer {
    async fn reply(&self, body: Value) -> Reply {
        self.post(&format!("{OCTOPIA}/messages"), body).await
    }

    async fn claim(&self) -> Value {
        let reply = self.get(&format!("{OCTOPIA}/discussions/{CLAIM_ID}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply.body
    }

    async fn claims_to_treat(&self) -> u64 {
        let reply = self
            .get(&format!(
                "{OCTOPIA}/discussions/count?graduationCode=Claim&processStatus=ToTreat&isOpen=true"
            ))
            .await;
        reply.body["discussionCount"].as_u64().unwrap()
    }
}

#[tokio::test]
async fn a_reply_is_created_and_treats_the_discussion() {
    let server = start().await;
    let to_treat = server.claims_to_treat().await;
    let before = server.claim().await;
    let mut body =
        reply_to_claim("Bonjour Camille, nous vous envoyons un nouveau vase dès demain.");
    body["receivers"]
        .as_array_mut()
        .unwrap()
        .push(json!({"userType": "CustomerService"}));
    let created = server
        .send(
            server
                .client
                .post(server.url(&format!("{OCTOPIA}/messages")))
                .header("x-correlation-id", "trace-reply-1")
                .json(&body),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(
        created.body,
        json!({"type": "MessageCreated", "status": 201, "traceId": "trace-reply-1", "errors": {}})
    );

    let after = server.claim().await;
    assert_eq!(after["status"], "Treated");
    assert!(after["updatedAt"].as_str() > before["updatedAt"].as_str());
    let messages = after["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    let last = &messages[2];
    assert_eq!(
        last["message"],
        "Bonjour Camille, nous vous envoyons un nouveau vase dès demain."
    );
    assert_eq!(last["userType"], "Seller");
    assert_eq!(last["userId"], "agent-camille");
    assert_eq!(last["sender"], "Camille Laurent", "the agent's name");
    assert_eq!(last["hasRead"], true);
    assert_eq!(last["attachmentCount"], 0);
    let receivers: Vec<&str> = last["receivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["userType"].as_str().unwrap())
        .collect();
    assert_eq!(receivers, ["Customer", "CustomerService"]);
    assert_eq!(server.claims_to_treat().await, to_treat - 1);

    // Newest activity first: the claim is still at the top of the list, with the reply.
    let list = server
        .get(&format!("{OCTOPIA}/discussions?pageSize=1"))
        .await;
    assert_eq!(list.body["items"][0]["discussionId"], CLAIM_ID);
    assert_eq!(
        list.body["items"][0]["messages"][0]["messageId"],
        last["messageId"]
    );

    // The sender is the signed-in agent, whatever userId the body names.
    let mut other = reply_to_claim("Suite à votre demande.");
    other["userId"] = json!("agent-javier");
    assert_eq!(server.reply(other).await.status, StatusCode::CREATED);
    let written = &server.claim().await["messages"][3];
    assert_eq!(written["userId"], "agent-camille");
    assert_eq!(written["sender"], "Camille Laurent");
}

#[tokio::test]
async fn receivers_must_be_the_discussions() {
    let server = start().await;
    let mut to_seller = reply_to_claim("Bonjour");
    to_seller["receivers"] = json!([{"userType": "Customer"}, {"userType": "Seller"}]);
    let refused = server.reply(to_seller).await;
    assert_eq!(
        assert_octopia_error(&refused, StatusCode::BAD_REQUEST),
        ["receivers[1].userType"]
    );

    let discussion = server
        .get(&format!(
            "{OCTOPIA}/discussions?graduationCode=Discussion&pageSize=1"
        ))
        .await;
    let item = &discussion.body["items"][0];
    let to_care_team = json!({
        "body": "Bonjour",
        "discussionId": item["discussionId"],
        "userId": "agent-aisha",
        "userType": "Seller",
        "receivers": [{"userType": "CustomerService"}]
    });
    let refused = server.reply(to_care_team).await;
    assert_eq!(
        assert_octopia_error(&refused, StatusCode::BAD_REQUEST),
        ["receivers[0].userType"]
    );

    let mut someone_else = reply_to_claim("Bonjour");
    someone_else["receivers"] = json!([{"userType": "Customer", "userId": "cust-other"}]);
    let refused = server.reply(someone_else).await;
    assert_eq!(
        assert_octopia_error(&refused, StatusCode::BAD_REQUEST),
        ["receivers[0].userId"]
    );
    let mut nobody = reply_to_claim("Bonjour");
    nobody["receivers"] = json!([]);
    assert_eq!(
        assert_octopia_error(&server.reply(nobody).await, StatusCode::BAD_REQUEST),
        ["receivers"]
    );
    assert_eq!(
        server.claim().await["messages"].as_array().unwrap().len(),
        2
    );
}

#[tokio::test]
async fn a_reply_names_every_problem_of_its_body() {
    let server = start().await;
    let refused = server
        .reply(json!({
            "body": "   ",
            "discussionId": CLAIM_ID,
            "salesChannel": "CDISCOUNT_BE",
            "userType": "Customer",
            "receivers": [{"userType": "Customer"}]
        }))
        .await;
    assert_eq!(
        assert_octopia_error(&refused, StatusCode::BAD_REQUEST),
        ["body", "salesChannel", "userType"],
        "no userId is needed: the sender is the signed-in agent"
    );
    let long = reply_to_claim(&"x".repeat(5_001));
    assert_eq!(
        assert_octopia_error(&server.reply(long).await, StatusCode::BAD_REQUEST),
        ["body"]
    );
    let mut unknown = reply_to_claim("Bonjour");
    unknown["discussionId"] = json!("oct-nope");
    assert_eq!(
        assert_octopia_error(&server.reply(unknown).await, StatusCode::NOT_FOUND),
        ["discussionId"]
    );
    let missing = server.reply(json!({"body": "Bonjour", "userId": "a", "userType": "Seller", "receivers": [{"userType": "Customer"}]})).await;
    assert_eq!(
        assert_octopia_error(&missing, StatusCode::BAD_REQUEST),
        ["discussionId"]
    );
    let misshapen = server
        .reply(json!({"body": 5, "discussionId": CLAIM_ID}))
        .await;
    assert!(assert_octopia_error(&misshapen, StatusCode::BAD_REQUEST).contains(&"body".to_owned()));
    let bad_json = server
        .send(
            server
                .client
                .post(server.url(&format!("{OCTOPIA}/messages")))
                .header("content-type", "application/json")
                .body("{\"body\": "),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&bad_json, StatusCode::BAD_REQUEST),
        ["$"]
    );
}

#[tokio::test]
async fn files_are_checked_like_the_browser_checks_them() {
    let server = start().await;
    let png = file_of(PNG_MAGIC, 2_000);
    let mut four = reply_to_claim("Quatre fichiers");
    four["attachments"] = json!((0..4)
        .map(|i| attachment(&format!("photo-{i}.png"), "png", &png))
        .collect::<Vec<_>>());
    assert_eq!(
        assert_octopia_error(&server.reply(four).await, StatusCode::BAD_REQUEST),
        ["attachments[3]"]
    );

    let mut wrong = reply_to_claim("Fichiers refusés");
    wrong["attachments"] = json!([
        attachment("setup.pdf", "pdf", &file_of(EXE_MAGIC, 500)),
        {"name": "scan.png", "fileFormat": "png", "content": "not base64!"},
        attachment("facture", "docx", &file_of(PDF_MAGIC, 500)),
    ]);
    assert_eq!(
        assert_octopia_error(&server.reply(wrong).await, StatusCode::BAD_REQUEST),
        [
            "attachments[0]",
            "attachments[1].content",
            "attachments[2].fileFormat"
        ]
    );

    // 5 MB in all: read whole, refused by the policy in Octopia's body.
    let half = file_of(PDF_MAGIC, (5 * MB / 2) as usize);
    let mut five_mb = reply_to_claim("Cinq mégaoctets");
    five_mb["attachments"] = json!([
        attachment("a.pdf", "pdf", &half),
        attachment("b.pdf", "pdf", &half)
    ]);
    let refused = server.reply(five_mb).await;
    assert_eq!(
        assert_octopia_error(&refused, StatusCode::PAYLOAD_TOO_LARGE),
        ["attachments"]
    );
    // Within the body limit but over 4 MB decoded: core's checks say so.
    let mut just_over = reply_to_claim("Un peu trop");
    let part = file_of(PDF_MAGIC, (21 * MB / 10) as usize);
    just_over["attachments"] = json!([
        attachment("a.pdf", "pdf", &part),
        attachment("b.pdf", "pdf", &part)
    ]);
    let refused = server.reply(just_over).await;
    assert_eq!(
        assert_octopia_error(&refused, StatusCode::PAYLOAD_TOO_LARGE),
        ["attachments"]
    );
    assert_eq!(
        server.claim().await["messages"].as_array().unwrap().len(),
        2
    );
}

#[tokio::test]
async fn attachments_round_trip_byte_for_byte() {
    let server = start().await;
    let png = file_of(PNG_MAGIC, 3_000);
    let pdf = file_of(PDF_MAGIC, (3 * MB / 2) as usize);
    let mut body = reply_to_claim("Voici le bon de retour et une photo.");
    body["attachments"] = json!([
        attachment("photo du colis.png", "png", &png),
        attachment("bon-de-retour", "pdf", &pdf)
    ]);
    let created = server.reply(body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);

    let claim = server.claim().await;
    let last = &claim["messages"][2];
    assert_eq!(last["attachmentCount"], 2);
    assert_eq!(
        last["attachments"][0]["attachmentName"],
        "photo du colis.png"
    );
    assert_eq!(last["attachments"][0]["fileFormat"], "png");
    assert_eq!(
        last["attachments"][1]["attachmentName"],
        "bon-de-retour.pdf"
    );
    assert_eq!(last["attachments"][1]["size"], pdf.len());
    let message_id = last["messageId"].as_str().unwrap();

    let found = server
        .get(&format!("{OCTOPIA}/attachments?messageId={message_id}"))
        .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.text);
    let found = found.body.as_array().unwrap().clone();
    assert_eq!(found.len(), 2);
    for (item, original) in found.iter().zip([&png, &pdf]) {
        assert_eq!(item["discussionId"], CLAIM_ID);
        assert_eq!(item["messageId"], message_id);
        let bytes = STANDARD.decode(item["content"].as_str().unwrap()).unwrap();
        assert_eq!(&bytes, original);
    }
    let one = server
        .get(&format!(
            "{OCTOPIA}/attachments?attachmentId={}",
            found[1]["attachmentId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(one.body.as_array().unwrap().len(), 1);
    assert_eq!(one.body[0]["fileFormat"], "pdf");
    let by_discussion = server
        .get(&format!("{OCTOPIA}/attachments?discussionId={CLAIM_ID}"))
        .await;
    assert_eq!(by_discussion.body.as_array().unwrap().len(), 2);
    let none = server
        .get(&format!("{OCTOPIA}/attachments?discussionId=oct-nope"))
        .await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.body, json!([]));
}

#[tokio::test]
async fn seeded_files_are_found_by_discussion() {
    let server = start().await;
    let page = server
        .get(&format!("{OCTOPIA}/discussions?pageSize=100"))
        .await;
    let mut found = 0;
    for item in page.body["items"].as_array().unwrap() {
        let id = item["discussionId"].as_str().unwrap();
        let files = server
            .get(&format!("{OCTOPIA}/attachments?discussionId={id}"))
            .await;
        for file in files.body.as_array().unwrap() {
            let bytes = STANDARD.decode(file["content"].as_str().unwrap()).unwrap();
            assert!(bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"%PDF"));
            found += 1;
        }
    }
    assert!(found >= 3, "{found} seeded files");
}
