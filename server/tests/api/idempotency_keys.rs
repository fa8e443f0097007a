//! The idempotency keys themselves, over real HTTP: a key is the agent's own, a malformed
//! one is a 400 in the dialect's body, a refusal is kept while other methods ignore the
//! key, size refusals read as without a key (bodies are read whole to fingerprint them),
//! a configured origin may send the key and read the replay mark, and a retry while the
//! first request runs is a 409 with `Retry-After`. The creates of each dialect are in
//! `idempotency.rs`.

use crate::common::{
    assert_octopia_error, client_with, sign_in, start, ALLOWED_ORIGIN, API, IDEMPOTENCY_KEY as KEY,
    IDEMPOTENT_REPLAYED as REPLAYED, OCTOPIA,
};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::seed::DEMO_PASSWORD;

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

// ---- scope and keys -----------------------------------------------------------------------

#[tokio::test]
async fn a_key_is_the_agents_own() {
    let server = start().await;
    let cookie = sign_in(
        &server.anonymous,
        &server.base_url,
        "javier.ortega@switchboard.example",
        DEMO_PASSWORD,
    )
    .await
    .expect("the second agent signs in");
    let javier = client_with(&[("cookie", &cookie)]);
    let path = format!("{API}/conversations");
    let listed = format!("{API}/conversations?customerId=shared@example.com");
    let first = server
        .keyed(&path, "shared-key", conversation("shared@example.com"))
        .await;
    let theirs = server
        .send(
            javier
                .post(server.url(&path))
                .header(KEY, "shared-key")
                .json(&conversation("shared@example.com")),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(theirs.status, StatusCode::CREATED, "{}", theirs.text);
    assert!(theirs.headers.get(REPLAYED).is_none());
    assert_ne!(theirs.body["id"], first.body["id"]);
    assert_eq!(server.total(&listed).await, 2);
}

#[tokio::test]
async fn a_malformed_key_is_refused_in_the_dialects_body() {
    let server = start().await;
    let path = format!("{API}/conversations");
    let too_long = "k".repeat(256);
    for key in ["", too_long.as_str(), "two words", "tab\there"] {
        let reply = server
            .keyed(&path, key, conversation("bad-key@example.com"))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{key:?}: {}",
            reply.text
        );
        assert_eq!(reply.body["name"], "INVALID_REQUEST");
        assert_eq!(reply.body["details"][0]["field"], "Idempotency-Key");
        assert_eq!(reply.body["details"][0]["location"], "header");
    }
    let listed = format!("{API}/conversations?customerId=bad-key@example.com");
    assert_eq!(server.total(&listed).await, 0);
    let octopia = server
        .keyed(&format!("{OCTOPIA}/messages"), "", json!({}))
        .await;
    assert_eq!(
        assert_octopia_error(&octopia, StatusCode::BAD_REQUEST),
        ["Idempotency-Key"]
    );
}

#[tokio::test]
async fn a_refusal_is_kept_and_other_routes_ignore_the_key() {
    let server = start().await;
    let path = format!("{API}/conversations");
    let invalid = json!({"customerId": "x@example.com"});
    let first = server.keyed(&path, "bad-1", invalid.clone()).await;
    assert_eq!(first.status, StatusCode::BAD_REQUEST, "{}", first.text);
    let again = server.keyed(&path, "bad-1", invalid).await;
    assert_eq!(again.bytes, first.bytes);
    assert_eq!(again.headers[REPLAYED], "true");
    // Not a create: a PUT with a key runs as usual.
    let id = server.create_conversation("put@example.com").await["id"].clone();
    let put_path = format!("{API}/conversations/{}", id.as_str().unwrap());
    let put = server
        .send(
            server
                .client
                .put(server.url(&put_path))
                .header(KEY, "")
                .json(&json!({})),
        )
        .await;
    assert!(put.headers.get(REPLAYED).is_none());
    assert_ne!(put.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", put.text);
}

// ---- bodies over a limit ------------------------------------------------------------------

fn big_png(size: usize) -> Vec<u8> {
    let mut data = png();
    data.resize(size, 7);
    data
}

/// Each upload refusal says the same with a key as without: a body over its route's limit
/// (read here, then refused by the route), one over every route's (handed on unread), a
/// file over its own limit, and a JSON body over the ordinary limit.
#[tokio::test]
async fn size_refusals_are_the_routes_own_with_a_key() {
    let server = start().await;
    let mb = switchboard_core::attachments::MB as usize;
    let conversation = server.create_conversation("sizes@example.com").await;
    let messages = format!(
        "{API}/conversations/{}/messages",
        conversation["id"].as_str().unwrap()
    );
    let contact_us = format!("{API}/contact-us");
    let contact_with = |files: Vec<usize>| {
        files.into_iter().enumerate().fold(
            Form::new().text(
                "contact",
                contact("big@example.fr", "Here are my photos.").to_string(),
            ),
            |form, (i, size)| {
                form.part(
                    "files",
                    Part::bytes(big_png(size)).file_name(format!("{i}.png")),
                )
            },
        )
    };
    let message_with = |size: usize| {
        Form::new()
            .text("message", json!({"content": "too much"}).to_string())
            .part("files", Part::bytes(big_png(size)).file_name("huge.png"))
    };
    type Build<'a> = Box<dyn Fn() -> (String, reqwest::RequestBuilder) + 'a>;
    let cases: Vec<Build> = vec![
        Box::new(|| {
            (
                contact_us.clone(),
                server
                    .anonymous
                    .post(server.url(&contact_us))
                    .multipart(contact_with(vec![4 * mb; 3])),
            )
        }),
        Box::new(|| {
            (
                messages.clone(),
                server
                    .client
                    .post(server.url(&messages))
                    .multipart(message_with(22 * mb)),
            )
        }),
        Box::new(|| {
            (
                contact_us.clone(),
                server
                    .anonymous
                    .post(server.url(&contact_us))
                    .multipart(contact_with(vec![5 * mb + 1])),
            )
        }),
        Box::new(|| {
            (
                contact_us.clone(),
                server
                    .anonymous
                    .post(server.url(&contact_us))
                    .json(&json!({"message": "x".repeat(2 * mb)})),
            )
        }),
    ];
    for (i, build) in cases.iter().enumerate() {
        let (path, request) = build();
        let plain = server.send(request).await;
        let (_, request) = build();
        let keyed = server.send(request.header(KEY, format!("size-{i}"))).await;
        assert_eq!(
            plain.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{path}: {}",
            plain.text
        );
        assert_eq!(keyed.status, plain.status, "{path}: {}", keyed.text);
        assert_eq!(keyed.body["message"], plain.body["message"], "{path}");
        assert_eq!(keyed.body["details"], plain.body["details"], "{path}");
    }
    assert_eq!(server.total(&messages).await, 0);
}

#[tokio::test]
async fn a_configured_origin_may_send_the_key_and_read_the_replay_mark() {
    let server = start().await;
    let path = format!("{API}/conversations");
    let preflight = server
        .anonymous
        .request(reqwest::Method::OPTIONS, server.url(&path))
        .header("Origin", ALLOWED_ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "content-type,idempotency-key",
        );
    let allowed = server.send(preflight).await;
    assert!(allowed.status.is_success(), "{}", allowed.status);
    let headers = allowed.headers["access-control-allow-headers"]
        .to_str()
        .unwrap();
    assert!(headers.contains(KEY), "{headers}");
    let created = server
        .send(
            server
                .client
                .post(server.url(&path))
                .header("Origin", ALLOWED_ORIGIN)
                .header(KEY, "cors-1")
                .json(&conversation("cors@example.com")),
        )
        .await;
    let exposed = created.headers["access-control-expose-headers"]
        .to_str()
        .unwrap();
    assert!(exposed.contains(REPLAYED), "{exposed}");
}

/// A key whose first request still runs: reserved here through the store, as the layer
/// reserves it, so no timing is involved.
#[tokio::test]
async fn a_retry_while_the_first_request_runs_is_told_to_wait() {
    use switchboard_server::http::idempotency::fingerprint::fingerprint;
    use switchboard_server::store::idempotency::{begin, Begin, ABANDONED_AFTER};
    let server = start().await;
    let path = format!("{API}/conversations");
    let body = conversation("waiting@example.com");
    let (parts, ()) = axum::http::Request::post(&path)
        .header("content-type", "application/json")
        .body(())
        .unwrap()
        .into_parts();
    let hash = fingerprint(&parts, &axum::body::Bytes::from(body.to_string())).await;
    let store = server.store();
    let reserved = store
        .run_blocking(|conn| {
            begin(
                conn,
                "agent:agent-camille",
                "wait-1",
                &hash,
                chrono::Utc::now(),
                ABANDONED_AFTER,
            )
        })
        .unwrap();
    assert_eq!(reserved, Begin::Proceed);

    let reply = server.keyed(&path, "wait-1", body).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text);
    assert_eq!(reply.headers["retry-after"], "1");
    assert_eq!(reply.body["name"], "CONFLICT");
    assert!(
        reply.text.contains("already being processed"),
        "{}",
        reply.text
    );
    let listed = format!("{API}/conversations?customerId=waiting@example.com");
    assert_eq!(server.total(&listed).await, 0);
}
