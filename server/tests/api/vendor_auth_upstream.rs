//! `--vendor-auth`, continued from [`crate::vendor_auth`] (whose helpers it uses): which
//! writes a vendor call may make, the same backends' file without the flag changing
//! nothing, and a gateway forwarding to such a server with the same `auth` sections.

use crate::common::{
    start_with_backends, support_session_path, API, CASE_MESSAGES, OCTOPIA, SUPPORT_SESSIONS,
};
use crate::vendor_auth::{
    assert_communication_error, backends_file, case_path, communication_path, octopia_path,
    postcenter_path, settings, upstream, CASE_TOKEN, COMMUNICATION_KEY, OCTOPIA_CLIENT,
    OCTOPIA_SECRET, SELLER_ID, SUPPORT_KEY,
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::dialects::case_messages::seed::CASE_GUID;
use switchboard_server::dialects::octopia::seed::{
    CLAIM_CUSTOMER_ID, CLAIM_ID, CLAIM_SALES_CHANNEL,
};
use switchboard_server::dialects::support_sessions::seed::RIDE_ORDER_ID;

#[tokio::test]
async fn a_vendor_call_writes_with_its_author_as_the_vendor_reads_it() {
    let server = upstream(60, true).await;
    let token = server.octopia_token().await;
    let reply = server
        .send(
            server
                .vendor(reqwest::Method::POST, &format!("{OCTOPIA}/messages"))
                .bearer_auth(&token)
                .header("SellerId", SELLER_ID)
                .json(&json!({
                    "body": "Bonjour, un nouveau vase part demain.",
                    "discussionId": CLAIM_ID,
                    "salesChannel": CLAIM_SALES_CHANNEL,
                    "userId": "seller-bot",
                    "userType": "Seller",
                    "receivers": [{"userId": CLAIM_CUSTOMER_ID, "userType": "Customer"}],
                    "attachments": []
                })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "octopia: {}", reply.text);

    let reply = server
        .send(
            server
                .vendor(
                    reqwest::Method::POST,
                    &format!("{CASE_MESSAGES}/case-messages/create?accessToken={CASE_TOKEN}"),
                )
                .json(&json!({
                    "guid": CASE_GUID,
                    "type": "reminder",
                    "content": "Written by the partner's system.",
                    "userEmail": "robot@partner.example",
                    "userName": "Partner robot"
                })),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "case messages: {}",
        reply.text
    );
    assert_eq!(reply.body["userEmail"], "robot@partner.example");
    assert_eq!(reply.body["userName"], "Partner robot");

    // Support sessions record who acted in their history: a vendor call is the API client.
    let reply = server
        .send(
            server
                .vendor(
                    reqwest::Method::POST,
                    &support_session_path("RIDE-2611-0001"),
                )
                .header("x-api-key", SUPPORT_KEY),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "support: {}", reply.text);

    // Creating a conversation records no agent: a vendor call makes it.
    let created = server
        .send(
            server
                .vendor(reqwest::Method::POST, &communication_path())
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}"))
                .json(&json!({
                    "tripPublicationId": "pub-test",
                    "tripReference": "TRIP-2026-9999",
                    "establishmentId": "est-test",
                    "customerId": "vendor-call@example.com",
                })),
        )
        .await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "communication: {}",
        created.text
    );
    let id = created.body["id"].as_str().expect("an id");
    let reply = server
        .send(
            server
                .vendor(reqwest::Method::PUT, &format!("{API}/conversations/{id}"))
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}"))
                .json(&json!({
                    "tripPublicationId": "pub-test",
                    "tripReference": "TRIP-2026-9999",
                    "establishmentId": "est-test",
                    "customerId": "vendor-call@example.com",
                    "status": "CLOSED"
                })),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "communication update: {}",
        reply.text
    );
    assert_eq!(reply.body["status"], "CLOSED");

    // A message names its writer as the vendor reads it (`transmitterId`), and needs one.
    let messages = format!("{API}/conversations/{id}/messages");
    let unnamed = server
        .send(
            server
                .vendor(reqwest::Method::POST, &messages)
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}"))
                .json(&json!({"content": "Bonjour", "contentType": "TEXT"})),
        )
        .await;
    let message = assert_communication_error(&unnamed, StatusCode::BAD_REQUEST);
    assert!(
        message.contains("transmitterId") || unnamed.text.contains("transmitterId"),
        "{}",
        unnamed.text
    );
    let named = server
        .send(
            server
                .vendor(reqwest::Method::POST, &messages)
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}"))
                .json(&json!({"content": "Bonjour", "contentType": "TEXT", "transmitterId": "agent-camille"})),
        )
        .await;
    assert_eq!(
        named.status,
        StatusCode::CREATED,
        "communication message: {}",
        named.text
    );
    assert_eq!(named.body["transmitterId"], "agent-camille");
    assert_eq!(named.body["transmitterType"], "AGENT");
}

#[tokio::test]
async fn without_vendor_auth_the_same_file_changes_nothing() {
    let server = upstream(60, false).await;
    let with_key = server
        .send(
            server
                .vendor_get(&communication_path())
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}")),
        )
        .await;
    let message = assert_communication_error(&with_key, StatusCode::UNAUTHORIZED);
    assert!(message.contains("Sign in"), "{message}");
    assert_eq!(server.get(&octopia_path()).await.status, StatusCode::OK);
    assert_eq!(server.get(&case_path(None)).await.status, StatusCode::OK);
    let token = server
        .token_reply(OCTOPIA_CLIENT, OCTOPIA_SECRET, "client_credentials")
        .await;
    assert_ne!(
        token.status,
        StatusCode::OK,
        "no token endpoint: {}",
        token.text
    );
}

#[tokio::test]
async fn a_gateway_with_the_same_auth_sections_reads_every_backend_through_the_reference() {
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
    let text = backends_file(&vendor.base_url, 60, &forward);
    let gateway = start_with_backends(settings(&text), false).await;
    for path in [
        communication_path(),
        octopia_path(),
        case_path(None),
        support_session_path(RIDE_ORDER_ID),
        postcenter_path(),
    ] {
        let read = gateway.get(&path).await;
        assert_eq!(read.status, StatusCode::OK, "{path}: {}", read.text);
        assert_ne!(read.body, Value::Null, "{path}");
    }
}
