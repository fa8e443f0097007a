//! What crosses the gateway, each way: the vendor's credentials go, the browser's never;
//! the vendor's answer comes back in its own shape, without its cookies or its own headers.

use super::{gateway, set_identity, vendor, API_KEY, SECRETS};
use crate::common::AGENT_EMAIL;
use serde_json::json;

#[tokio::test]
async fn a_read_reaches_the_vendor_with_the_teams_key_and_none_of_the_browsers_credentials() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let reply = server
        .send(
            server
                .client
                .get(server.url("/communication/v1/conversations?page=0&size=25"))
                .header("authorization", "Bearer browser-made-this-up")
                .header("x-api-key", "browser-key"),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["path"], "/comm/conversations");

    let seen = vendor.seen();
    assert_eq!(seen.len(), 1);
    let call = &seen[0];
    assert_eq!(call.method, "GET");
    assert_eq!(call.query.as_deref(), Some("page=0&size=25"));
    assert_eq!(
        call.headers["x-api-key"], API_KEY,
        "the team's key, not the browser's"
    );
    for never in ["cookie", "authorization", "x-switchboard-write", "origin"] {
        assert!(
            !call.headers.contains_key(never),
            "{never} reached the vendor"
        );
    }
    assert_eq!(
        call.headers["x-correlation-id"], reply.headers["x-correlation-id"],
        "the vendor hears our correlation id"
    );
    assert!(
        !reply.headers.contains_key("set-cookie"),
        "the vendor's cookie stays out"
    );
    assert!(!reply.headers.contains_key("x-vendor-internal"));
}

#[tokio::test]
async fn the_vendors_error_comes_back_in_its_own_shape_with_our_correlation_id() {
    let (_vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let reply = server.get("/communication/v1/conversations/missing").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.body["name"], "VENDOR_NOT_FOUND", "{}", reply.text);
    assert!(reply.headers.contains_key("x-correlation-id"));
}

#[tokio::test]
async fn a_caller_without_a_session_never_reaches_the_vendor() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let reply = server
        .send(
            server
                .anonymous
                .get(server.url("/communication/v1/conversations")),
        )
        .await;
    assert_eq!(reply.status, 401);
    assert_eq!(vendor.calls(), 0);
}

#[tokio::test]
async fn a_write_goes_once_with_its_body_and_a_location_under_our_own_base() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    set_identity(&server, AGENT_EMAIL, "communication", "agt-77", None, None);
    let body = json!({"content": "Bonjour, votre colis part demain.", "senderType": "AGENT"});
    let reply = server
        .post("/communication/v1/conversations/c-1/messages", body.clone())
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let seen = vendor.seen();
    assert_eq!(seen.len(), 1, "a write is never tried twice");
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].headers["content-type"], "application/json");
    let mut sent = body;
    sent["transmitterId"] = json!("agt-77");
    sent["transmitterType"] = json!("AGENT");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&seen[0].body).unwrap(),
        sent,
        "the body as the browser wrote it, with its author"
    );
    assert_eq!(
        reply.headers["location"], "/communication/v1/conversations/42",
        "the console follows it to us, never to the vendor"
    );
}

#[tokio::test]
async fn the_case_messages_token_rides_in_the_query_the_document_names() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let reply = server.get("/api/v3/case-messages?guid=g-1").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let seen = vendor.seen();
    assert_eq!(seen[0].path, "/cases/case-messages");
    assert_eq!(
        seen[0].query.as_deref(),
        Some("guid=g-1&accessToken=case-token-93b1")
    );
}

#[tokio::test]
async fn a_backend_switched_off_is_not_offered_to_the_console() {
    let (_vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let backends = server.get("/api/backends").await;
    let names: Vec<&str> = backends
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["name"].as_str())
        .collect();
    assert!(!names.contains(&"postcenter"), "{names:?}");
    assert!(
        names.contains(&"octopia") && names.contains(&"communication"),
        "{names:?}"
    );
}

#[tokio::test]
async fn no_secret_reaches_the_browser_in_any_answer() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "timeout_seconds = 1\nretries = 0").await;
    let mut replies = Vec::new();
    for path in [
        "/communication/v1/conversations",
        "/communication/v1/conversations/missing",
        "/communication/v1/conversations/limited",
        "/octopia/v2/discussions/count",
        "/api/v3/case-messages?guid=x",
    ] {
        replies.push(server.get(path).await);
    }
    vendor
        .delay_ms
        .store(3_000, std::sync::atomic::Ordering::SeqCst);
    replies.push(server.get("/communication/v1/conversations?page=9").await);
    assert_eq!(replies.last().unwrap().status, 504);
    for reply in &replies {
        for secret in SECRETS {
            assert!(
                !reply.text.contains(secret),
                "{secret} in a body: {}",
                reply.text
            );
            for (name, value) in &reply.headers {
                assert!(
                    !value.to_str().unwrap_or_default().contains(secret),
                    "{secret} in {name}"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_retried_create_gets_the_first_answer_without_a_second_call_to_the_vendor() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    set_identity(&server, AGENT_EMAIL, "communication", "agt-1", None, None);
    let body = json!({"content": "Votre remboursement est parti."});
    let send = || {
        server.send(
            server
                .client
                .post(server.url("/communication/v1/conversations/c-9/messages"))
                .header("idempotency-key", "retry-me-7c1")
                .json(&body),
        )
    };
    let first = send().await;
    let again = send().await;
    assert_eq!(first.status, 200, "{}", first.text);
    assert_eq!(again.status, 200, "{}", again.text);
    assert_eq!(again.body, first.body, "the first answer, replayed");
    assert!(again.headers.contains_key("idempotent-replayed"));
    assert_eq!(vendor.calls(), 1, "the vendor wrote it once");
    assert!(
        !vendor.seen()[0].headers.contains_key("idempotency-key"),
        "the key is ours: the vendor never sees it"
    );
}
