//! Order support sessions (`support-management.txt`) over real HTTP, the session's routes
//! with the bad cases: open, open twice, read, change the callback phone (and a bad phone),
//! close, close what is not open; Switchboard's history of the changes, the followed
//! orders, the demo, and the error body on every refusal (401 included). The agent's
//! routes and ratings are in `support_sessions_agent.rs`. Each test starts its own server
//! on a fresh, seeded SQLite file.

use crate::common::{
    assert_support_error, support_agent_path, support_session_path, Reply, TestServer, AGENT_ID,
    SUPPORT_SESSIONS as BASE,
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::dialects::support_sessions::seed::{
    CLOSED_ORDER_ID, CONSULTATION_ORDER_ID, DELIVERY_WITHOUT_AGENT_ORDER_ID, DEMO_SESSIONS,
    RIDE_ORDER_ID,
};

impl TestServer {
    async fn history(&self, order_id: &str) -> Vec<Value> {
        let reply = self
            .get(&format!("{BASE}/support/{order_id}/history"))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply.body.as_array().unwrap().clone()
    }
}

// ---- the session --------------------------------------------------------------------------

#[tokio::test]
async fn a_session_opens_once_reads_and_closes_once() {
    let server = crate::common::start().await;
    let order = "RIDE-2611-7001";
    assert_support_error(
        &server.get(&support_session_path(order)).await,
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
    );

    let opened = server
        .open_support_session(order, Some(json!({"callback_phone": "+33 6 12 34 56 78"})))
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.text);
    assert_eq!(opened.body["order_id"], order);
    assert_eq!(
        opened.body["callback_phone"], "+33612345678",
        "kept in E.164"
    );
    assert_eq!(opened.body["status"], "open");
    assert_eq!(opened.body["agent"], Value::Null);
    assert_eq!(opened.body["closed_at"], Value::Null);

    let twice = server.open_support_session(order, None).await;
    let paths = assert_support_error(&twice, StatusCode::CONFLICT, "CONFLICT");
    assert_eq!(paths, ["orderId"]);
    assert!(twice.text.contains("already open"), "{}", twice.text);

    let read = server.get(&support_session_path(order)).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.body, opened.body);

    let closed = server.delete(&support_session_path(order)).await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.body["status"], "closed");
    assert!(closed.body["closed_at"].as_str().unwrap().ends_with('Z'));
    let again = server.delete(&support_session_path(order)).await;
    assert_support_error(&again, StatusCode::CONFLICT, "CONFLICT");
    assert!(again.text.contains("not open"), "{}", again.text);
    let never = server
        .delete(&support_session_path("RIDE-NEVER-OPENED"))
        .await;
    assert_support_error(&never, StatusCode::NOT_FOUND, "NOT_FOUND");

    // A closed session stays readable, and opens again (a new session, same order).
    let read = server.get(&support_session_path(order)).await;
    assert_eq!(read.body["status"], "closed");
    let reopened = server.open_support_session(order, Some(json!({}))).await;
    assert_eq!(reopened.status, StatusCode::CREATED, "{}", reopened.text);
    assert_eq!(reopened.body["status"], "open");
    assert_eq!(reopened.body["callback_phone"], "+33612345678");
}

#[tokio::test]
async fn opening_checks_its_body() {
    let server = crate::common::start().await;
    let bad = server
        .open_support_session(
            "DLV-1",
            Some(json!({"order_id": "DLV-2", "callback_phone": "0612345678"})),
        )
        .await;
    let paths = assert_support_error(&bad, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(paths, ["order_id", "callback_phone"]);
    assert_eq!(
        server.get(&support_session_path("DLV-1")).await.status,
        StatusCode::NOT_FOUND,
        "nothing was opened"
    );
    let matching = server
        .open_support_session(
            "DLV-1",
            Some(json!({"order_id": "DLV-1", "callback_phone": null})),
        )
        .await;
    assert_eq!(matching.status, StatusCode::CREATED, "{}", matching.text);
    assert_eq!(matching.body["callback_phone"], Value::Null);

    let text = server
        .send(
            server
                .client
                .post(server.url(&support_session_path("DLV-3")))
                .header("content-type", "text/plain")
                .body("callback_phone=+33612345678"),
        )
        .await;
    assert_support_error(
        &text,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
    );
    let broken = server
        .send(
            server
                .client
                .post(server.url(&support_session_path("DLV-3")))
                .header("content-type", "application/json")
                .body("{\"callback_phone\": "),
        )
        .await;
    assert_eq!(
        assert_support_error(&broken, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["body"]
    );
    let long = "X".repeat(101);
    let too_long = server.open_support_session(&long, None).await;
    assert_eq!(
        assert_support_error(&too_long, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["orderId"]
    );
}

#[tokio::test]
async fn the_callback_phone_changes_and_a_bad_one_is_named() {
    let server = crate::common::start().await;
    let path = support_session_path(DELIVERY_WITHOUT_AGENT_ORDER_ID);
    let before = server.get(&path).await.body;

    let changed = server
        .put(&path, json!({"callback_phone": "+1 (415) 555-0199"}))
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["callback_phone"], "+14155550199");
    assert_ne!(changed.body["updated_at"], before["updated_at"]);

    for (bad, says) in [
        ("0612345678", "must start with +"),
        ("+33 6 12", "8 to 15 digits"),
        ("+33 6 12 34 56 7x", "not “x”"),
        ("", "blank"),
    ] {
        let reply = server.put(&path, json!({"callback_phone": bad})).await;
        let paths = assert_support_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
        assert_eq!(paths, ["callback_phone"], "{bad}");
        assert!(reply.text.contains(says), "{bad}: {}", reply.text);
    }
    let wrong_type = server
        .put(&path, json!({"callback_phone": 33612345678u64}))
        .await;
    assert_eq!(
        assert_support_error(&wrong_type, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["callback_phone"]
    );
    let missing = server
        .put(&path, json!({"order_id": DELIVERY_WITHOUT_AGENT_ORDER_ID}))
        .await;
    assert_eq!(
        assert_support_error(&missing, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["callback_phone"]
    );
    assert_eq!(
        server.get(&path).await.body["callback_phone"],
        "+14155550199",
        "refusals change nothing"
    );

    let removed = server.put(&path, json!({"callback_phone": null})).await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.text);
    assert_eq!(removed.body["callback_phone"], Value::Null);

    let unknown = server
        .put(
            &support_session_path("NOPE-1"),
            json!({"callback_phone": null}),
        )
        .await;
    assert_support_error(&unknown, StatusCode::NOT_FOUND, "NOT_FOUND");
    let closed = server
        .put(
            &support_session_path(CLOSED_ORDER_ID),
            json!({"callback_phone": "+33612345678"}),
        )
        .await;
    assert_support_error(&closed, StatusCode::CONFLICT, "CONFLICT");
}

// ---- history, follows, the demo -----------------------------------------------------------

#[tokio::test]
async fn every_change_through_switchboard_is_in_the_history() {
    let server = crate::common::start().await;
    let order = "RIDE-2611-7003";
    server
        .open_support_session(order, Some(json!({"callback_phone": "+33612345678"})))
        .await;
    let session = support_session_path(order);
    let agent = support_agent_path(order);
    server
        .put(&session, json!({"callback_phone": "+34600111222"}))
        .await;
    server
        .put(&session, json!({"callback_phone": "+34600111222"}))
        .await;
    server
        .put(&agent, json!({"id": "driver-1", "rating": "4.8"}))
        .await;
    server
        .put(&agent, json!({"id": "driver-2", "rating": "gt 4"}))
        .await;
    server.delete(&agent).await;
    server.put(&session, json!({"callback_phone": "0"})).await;
    server.delete(&session).await;

    let history = server.history(order).await;
    let events: Vec<&str> = history
        .iter()
        .map(|h| h["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "opened",
            "callback_phone_changed",
            "agent_set",
            "agent_changed",
            "agent_removed",
            "closed"
        ],
        "no entry for a change to the same value or a refusal"
    );
    for entry in &history {
        assert_eq!(entry["by"]["id"], AGENT_ID);
        assert_eq!(entry["by"]["name"], "Camille Laurent");
        assert!(entry["at"].as_str().unwrap().ends_with('Z'));
    }
    assert_eq!(history[0]["callback_phone"], "+33612345678");
    assert_eq!(history[1]["previous_callback_phone"], "+33612345678");
    assert_eq!(history[1]["callback_phone"], "+34600111222");
    assert_eq!(
        history[2]["agent"],
        json!({"id": "driver-1", "rating": "4.8"})
    );
    assert_eq!(history[3]["previous_agent"]["id"], "driver-1");
    assert_eq!(
        history[3]["agent"],
        json!({"id": "driver-2", "rating": "gt 4"})
    );
    assert_eq!(history[4]["previous_agent"]["id"], "driver-2");

    let unknown = server.get(&format!("{BASE}/support/NOPE-4/history")).await;
    assert_support_error(&unknown, StatusCode::NOT_FOUND, "NOT_FOUND");
    let seeded = server.history(RIDE_ORDER_ID).await;
    assert_eq!(seeded[0]["event"], "opened");
}

#[tokio::test]
async fn opened_and_demo_orders_are_followed() {
    let server = crate::common::start().await;
    let followed = |reply: Reply| -> Vec<String> {
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["itemId"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = followed(server.get("/api/follows/support-sessions").await);
    assert_eq!(before.len(), DEMO_SESSIONS.len());
    for demo in DEMO_SESSIONS {
        assert!(
            before.contains(&demo.order_id.to_owned()),
            "{}",
            demo.order_id
        );
        let read = server.get(&support_session_path(demo.order_id)).await;
        assert_eq!(read.status, StatusCode::OK, "{}", demo.order_id);
    }
    server.open_support_session("DLV-2611-7004", None).await;
    let after = followed(server.get("/api/follows/support-sessions").await);
    assert_eq!(after[0], "DLV-2611-7004", "newest first");

    // An order no longer followed joins again when it is changed through Switchboard.
    let unfollow = server
        .send(server.client.delete(server.url(&format!(
            "/api/follows/support-sessions/{CONSULTATION_ORDER_ID}"
        ))))
        .await;
    assert_eq!(unfollow.status, StatusCode::NO_CONTENT);
    server
        .put(
            &support_agent_path(CONSULTATION_ORDER_ID),
            json!({"id": "dr-samuel-okafor", "rating": "gte 4"}),
        )
        .await;
    let again = followed(server.get("/api/follows/support-sessions").await);
    assert!(again.contains(&CONSULTATION_ORDER_ID.to_owned()));
}

#[tokio::test]
async fn the_demo_has_agents_with_ratings_and_a_closed_session() {
    let server = crate::common::start().await;
    let ride = server.get(&support_session_path(RIDE_ORDER_ID)).await.body;
    assert_eq!(ride["status"], "open");
    assert_eq!(ride["agent"]["id"], "driver-amadou-diallo");
    assert_eq!(ride["agent"]["rating"], "4.8");
    assert!(ride["callback_phone"].as_str().unwrap().starts_with("+33"));
    let consultation = server
        .get(&support_agent_path(CONSULTATION_ORDER_ID))
        .await
        .body;
    assert_eq!(consultation["rating"], "lt 2 || gte 4");
    let closed = server
        .get(&support_session_path(CLOSED_ORDER_ID))
        .await
        .body;
    assert_eq!(closed["status"], "closed");
}

// ---- the error body everywhere ------------------------------------------------------------

#[tokio::test]
async fn every_refusal_has_the_error_body_401_included() {
    let server = crate::common::start().await;
    for path in [
        support_session_path(RIDE_ORDER_ID),
        support_agent_path(RIDE_ORDER_ID),
        format!("{BASE}/support/{RIDE_ORDER_ID}/history"),
        format!("{BASE}/nothing-here"),
        BASE.to_owned(),
    ] {
        let reply = server.send(server.anonymous.get(server.url(&path))).await;
        assert_support_error(&reply, StatusCode::UNAUTHORIZED, "UNAUTHORIZED");
        assert!(reply.text.contains("Sign in"), "{path}: {}", reply.text);
    }
    let write = server
        .send(
            server
                .anonymous
                .post(server.url(&support_session_path("RIDE-2611-7005"))),
        )
        .await;
    assert_support_error(&write, StatusCode::UNAUTHORIZED, "UNAUTHORIZED");
    let no_header = server
        .send(reqwest::Client::new().post(server.url(&support_session_path("RIDE-2611-7005"))))
        .await;
    assert_support_error(&no_header, StatusCode::FORBIDDEN, "FORBIDDEN");

    let missing = server.get(&format!("{BASE}/sessions")).await;
    assert_support_error(&missing, StatusCode::NOT_FOUND, "NOT_FOUND");
    assert!(
        missing.text.contains("support-sessions.md"),
        "{}",
        missing.text
    );
    let method = server
        .send(
            server
                .client
                .patch(server.url(&support_session_path(RIDE_ORDER_ID))),
        )
        .await;
    assert_support_error(
        &method,
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
    );
    let history_write = server
        .send(
            server
                .client
                .post(server.url(&format!("{BASE}/support/{RIDE_ORDER_ID}/history"))),
        )
        .await;
    assert_support_error(
        &history_write,
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
    );
}
