//! Octopia's Discussion API V2 over real HTTP, changing: the two patches (opening and
//! closing a discussion, marking a message read), and Octopia's answer body on every
//! refusal. Reading is in `octopia.rs`, replies and files in `octopia_replies.rs`. Each
//! test starts its own server on a fresh, seeded SQLite file.

use crate::common::{assert_octopia_error, start, OCTOPIA};
use reqwest::StatusCode;
use serde_json::json;
use switchboard_server::dialects::octopia::seed::CLAIM_ID;

// ---- patches ------------------------------------------------------------------------------

#[tokio::test]
async fn a_discussion_opens_and_closes_and_nothing_else() {
    let server = start().await;
    let path = format!("{OCTOPIA}/discussions/{CLAIM_ID}");
    let before = server.octopia(&format!("/discussions/{CLAIM_ID}")).await;
    let closed = server
        .patch(
            &path,
            json!({"opt": "replace", "path": "/isOpen", "value": false}),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.text, "\"success\"");
    let after = server.octopia(&format!("/discussions/{CLAIM_ID}")).await;
    assert_eq!(after["isOpen"], false);
    assert!(after["updatedAt"].as_str() > before["updatedAt"].as_str());
    let reopened = server
        .patch(
            &path,
            json!([{"op": "replace", "path": "/isOpen", "value": true}]),
        )
        .await;
    assert_eq!(reopened.status, StatusCode::OK);
    assert_eq!(
        server.octopia(&format!("/discussions/{CLAIM_ID}")).await["isOpen"],
        true
    );

    let has_read = server
        .patch(
            &path,
            json!([{"op": "replace", "path": "/hasRead", "value": true}]),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&has_read, StatusCode::BAD_REQUEST),
        ["[0].path"]
    );
    assert_eq!(
        has_read.body["title"],
        "Currently you can change only the isOpen property."
    );
    let subject = server
        .patch(
            &path,
            json!([{"op": "replace", "path": "/subject", "value": "x"}]),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&subject, StatusCode::BAD_REQUEST),
        ["[0].path", "[0].value"]
    );
    let removal = server
        .patch(
            &path,
            json!([{"op": "remove", "path": "/isOpen", "value": true}]),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&removal, StatusCode::BAD_REQUEST),
        ["[0].op"]
    );
    let unknown = server
        .patch(
            &format!("{OCTOPIA}/discussions/oct-nope"),
            json!([{"op": "replace", "path": "/isOpen", "value": false}]),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&unknown, StatusCode::NOT_FOUND),
        ["discussionId"]
    );
}

#[tokio::test]
async fn a_message_is_marked_read_and_unread() {
    let server = start().await;
    let detail = server.octopia(&format!("/discussions/{CLAIM_ID}")).await;
    let message_id = detail["messages"][1]["messageId"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("{OCTOPIA}/messages/{message_id}");
    let read_state = || async {
        server.octopia(&format!("/discussions/{CLAIM_ID}")).await["messages"][1]["hasRead"].clone()
    };
    assert_eq!(read_state().await, false);
    let read = server
        .patch(
            &path,
            json!([{"op": "replace", "path": "/hasRead", "value": true}]),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text);
    assert_eq!(read.body, "success");
    assert_eq!(read_state().await, true);
    let unread = server
        .patch(
            &path,
            json!([{"op": "replace", "path": "/hasRead", "value": false}]),
        )
        .await;
    assert_eq!(unread.status, StatusCode::OK);
    assert_eq!(read_state().await, false);

    let is_open = server
        .patch(
            &path,
            json!([{"op": "replace", "path": "/isOpen", "value": false}]),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&is_open, StatusCode::BAD_REQUEST),
        ["[0].path"]
    );
    assert_eq!(
        is_open.body["title"],
        "Currently you can change only the hasRead property."
    );
    let unknown = server
        .patch(
            &format!("{OCTOPIA}/messages/nope"),
            json!([{"op": "replace", "path": "/hasRead", "value": true}]),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&unknown, StatusCode::NOT_FOUND),
        ["messageId"]
    );
}

// ---- the answer body on every refusal ------------------------------------------------------

#[tokio::test]
async fn every_refusal_is_octopias_body_with_the_trace_id() {
    let server = start().await;
    let bad_json = server
        .send(
            server
                .client
                .patch(server.url(&format!("{OCTOPIA}/discussions/{CLAIM_ID}")))
                .header("content-type", "application/json-patch+json")
                .header("x-correlation-id", "trace-bad-json")
                .body("[{\"op\": "),
        )
        .await;
    assert_eq!(
        assert_octopia_error(&bad_json, StatusCode::BAD_REQUEST),
        ["$"]
    );
    assert_eq!(bad_json.body["traceId"], "trace-bad-json");

    let no_route = server.get(&format!("{OCTOPIA}/nowhere")).await;
    assert!(assert_octopia_error(&no_route, StatusCode::NOT_FOUND).is_empty());
    assert!(no_route.body["type"].as_str().unwrap().ends_with("15.5.5"));
    let wrong_method = server
        .send(
            server
                .client
                .delete(server.url(&format!("{OCTOPIA}/discussions"))),
        )
        .await;
    assert_octopia_error(&wrong_method, StatusCode::METHOD_NOT_ALLOWED);
    let not_json = server
        .send(
            server
                .client
                .post(server.url(&format!("{OCTOPIA}/messages")))
                .header("content-type", "text/plain")
                .body("hello"),
        )
        .await;
    assert_octopia_error(&not_json, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let bad_query = server
        .get(&format!("{OCTOPIA}/discussions?pageIndex=%FF"))
        .await;
    assert_eq!(bad_query.status, StatusCode::BAD_REQUEST);
    assert_octopia_error(&bad_query, StatusCode::BAD_REQUEST);
    let no_filter = server.get(&format!("{OCTOPIA}/attachments")).await;
    assert_eq!(
        assert_octopia_error(&no_filter, StatusCode::BAD_REQUEST),
        ["discussionId"]
    );
}
