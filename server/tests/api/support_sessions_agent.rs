//! Order support sessions over real HTTP, the agent's routes with the bad cases: set, read,
//! changed and removed; ratings kept as written and malformed ones refused; the body is the
//! agent's, not the session's the document shows; an agent on a closed session. Each test
//! starts its own server on a fresh, seeded SQLite file.

use crate::common::{assert_support_error, support_agent_path};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::dialects::support_sessions::seed::{
    CLOSED_ORDER_ID, DELIVERY_WITHOUT_AGENT_ORDER_ID,
};

// ---- the agent ----------------------------------------------------------------------------

#[tokio::test]
async fn an_agent_is_set_read_changed_and_removed() {
    let server = crate::common::start().await;
    let order = "CONSULT-2611-7002";
    server.open_support_session(order, None).await;
    let path = support_agent_path(order);
    assert_support_error(&server.get(&path).await, StatusCode::NOT_FOUND, "NOT_FOUND");
    let none = server.delete(&path).await;
    assert_eq!(
        assert_support_error(&none, StatusCode::NOT_FOUND, "NOT_FOUND"),
        ["agent"]
    );

    let set = server
        .put(&path, json!({"id": "dr-ines-moreau", "rating": "gte 4.5"}))
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.text);
    assert_eq!(set.body["order_id"], order, "the answer is the session");
    assert_eq!(
        set.body["agent"],
        json!({"id": "dr-ines-moreau", "rating": "gte 4.5"})
    );
    let read = server.get(&path).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(
        read.body,
        json!({"id": "dr-ines-moreau", "rating": "gte 4.5"})
    );

    let changed = server
        .put(
            &path,
            json!({"order_id": order, "id": "dr-samuel-okafor", "rating": 4.5}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(
        changed.body["agent"],
        json!({"id": "dr-samuel-okafor", "rating": "4.5"})
    );
    let no_rating = server.put(&path, json!({"id": "dr-samuel-okafor"})).await;
    assert_eq!(no_rating.body["agent"]["rating"], Value::Null);

    let removed = server.delete(&path).await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.text);
    assert_eq!(removed.body["agent"], Value::Null);
    assert_support_error(&server.get(&path).await, StatusCode::NOT_FOUND, "NOT_FOUND");
    assert_support_error(
        &server.get(&support_agent_path("NOPE-2")).await,
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
    );
}

#[tokio::test]
async fn ratings_are_kept_as_written_and_malformed_ones_refused() {
    let server = crate::common::start().await;
    let path = support_agent_path(DELIVERY_WITHOUT_AGENT_ORDER_ID);
    for good in [
        "4",
        "4.5",
        "gt 3",
        "gte 4",
        "lt 2",
        "lte 5",
        "gt 3 && lte 5",
        "lt 2 || gte 4",
        "gte 4 && lte 5 || 3",
    ] {
        let reply = server
            .put(&path, json!({"id": "courier-lena-fischer", "rating": good}))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{good}: {}", reply.text);
        assert_eq!(reply.body["agent"]["rating"], good, "stored as given");
        assert_eq!(server.get(&path).await.body["rating"], good);
    }
    for (bad, says) in [
        ("gt", "needs a number after “gt”"),
        ("4 5", "between two numbers"),
        ("eq 4", "the operators are gt, gte, lt and lte"),
        ("> 4", "“>”"),
        ("gt 3 &&", "ends with && or ||"),
        ("4 & 5", "single “&”"),
        ("(gt 3)", "“(”"),
    ] {
        let reply = server
            .put(&path, json!({"id": "courier-lena-fischer", "rating": bad}))
            .await;
        let paths = assert_support_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
        assert_eq!(paths, ["rating"], "{bad}");
        assert!(reply.text.contains(says), "{bad}: {}", reply.text);
    }
    assert_eq!(
        server.get(&path).await.body["rating"],
        "gte 4 && lte 5 || 3",
        "refusals change nothing"
    );
}

#[tokio::test]
async fn the_agent_body_is_the_agent_not_the_session() {
    let server = crate::common::start().await;
    let path = support_agent_path(DELIVERY_WITHOUT_AGENT_ORDER_ID);
    // The document's literal body for this route: the session's shape.
    let literal = server
        .put(
            &path,
            json!({"order_id": DELIVERY_WITHOUT_AGENT_ORDER_ID, "callback_phone": "+33612345678"}),
        )
        .await;
    let paths = assert_support_error(&literal, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(paths, ["id", "callback_phone"]);
    assert!(literal.text.contains("session's shape"), "{}", literal.text);
    let other_order = server
        .put(&path, json!({"order_id": "OTHER", "id": "x"}))
        .await;
    assert_eq!(
        assert_support_error(&other_order, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["order_id"]
    );
    let empty = server
        .send(
            server
                .client
                .put(server.url(&path))
                .header("content-type", "application/json"),
        )
        .await;
    assert_eq!(
        assert_support_error(&empty, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["body"]
    );
}

#[tokio::test]
async fn a_closed_session_takes_no_agent() {
    let server = crate::common::start().await;
    let path = support_agent_path(CLOSED_ORDER_ID);
    let read = server.get(&path).await;
    assert_eq!(
        read.status,
        StatusCode::OK,
        "the agent it had stays readable"
    );
    let set = server
        .put(&path, json!({"id": "driver-new", "rating": "4"}))
        .await;
    let paths = assert_support_error(&set, StatusCode::CONFLICT, "CONFLICT");
    assert_eq!(paths, ["orderId"]);
    assert!(set.text.contains("is closed"), "{}", set.text);
    assert_support_error(
        &server.delete(&path).await,
        StatusCode::CONFLICT,
        "CONFLICT",
    );
    assert_eq!(server.get(&path).await.body, read.body, "nothing changed");
    let unknown = server
        .put(&support_agent_path("NOPE-3"), json!({"id": "driver-new"}))
        .await;
    assert_support_error(&unknown, StatusCode::NOT_FOUND, "NOT_FOUND");
}
