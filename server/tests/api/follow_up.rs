//! The customer's private link (issue #5, "The customer's side"): a contact message
//! answers with it; it reads only its own conversation, shows support's answers, lets the
//! customer write again (reopening a closed conversation), is stored only hashed, and an
//! agent can withdraw it. A wrong token reads nothing.

use crate::common::{start, start_with_limits, Reply, TestServer, API};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::{Limits, RateLimit};

/// Sends the contact form without a session; the conversation id and the link's token.
async fn contact(server: &TestServer, mail: &str, message: &str) -> (String, String) {
    let reply = server
        .send(
            server
                .anonymous
                .post(server.url(&format!("{API}/contact-us")))
                .json(&json!({"name": "Zoë Lambert", "mail": mail, "object": "Breakfast",
                    "message": message, "conversationId": "c-0001", "transmitterId": "agent-camille"})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let link = reply.body["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "follow-up")
        .expect("a follow-up link")["href"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = link
        .strip_prefix("/contact/follow-up#")
        .expect("the token is in the page's fragment")
        .to_owned();
    assert!(token.len() >= 43, "at least 256 bits in base64url: {token}");
    // The customer is told their reference and link, nothing of support's own.
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
    assert_eq!(reply.body["links"].as_array().unwrap().len(), 1);
    assert_eq!(reply.headers["cache-control"], "no-store");
    // An agent finds the conversation it opened.
    let id = reply.body["id"].as_str().unwrap();
    let stored = server.get(&format!("{API}/contact-us/{id}")).await;
    (
        stored.body["conversationId"].as_str().unwrap().to_owned(),
        token,
    )
}

async fn read(server: &TestServer, token: &str) -> (StatusCode, Value) {
    let reply = read_reply(server, token).await;
    (reply.status, reply.body)
}

async fn read_reply(server: &TestServer, token: &str) -> Reply {
    server
        .send(
            server
                .anonymous
                .get(server.url(&format!("{API}/follow-up/{token}"))),
        )
        .await
}

async fn write(server: &TestServer, token: &str, message: &str) -> (StatusCode, Value) {
    let reply = server
        .send(
            server
                .anonymous
                .post(server.url(&format!("{API}/follow-up/{token}/messages")))
                .json(&json!({"message": message})),
        )
        .await;
    (reply.status, reply.body)
}

#[tokio::test]
async fn the_link_shows_the_answer_and_the_customer_writes_again() {
    let server = start().await;
    let (conversation, token) = contact(
        &server,
        "zoe@example.fr",
        "Is breakfast included in my stay?",
    )
    .await;
    // The form cannot name a conversation or its author: a new one, written by the customer.
    assert_ne!(conversation, "c-0001");
    let (status, view) = read(&server, &token).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert!(view["reference"].as_str().unwrap().starts_with("C-"));
    assert_eq!(view["open"], true);
    assert_eq!(view["messages"].as_array().unwrap().len(), 1);
    assert_eq!(view["messages"][0]["author"], "customer");
    assert_eq!(view["messages"][0]["authorName"], "Zoë Lambert");

    // An agent answers and closes.
    let answer = server
        .post(
            &format!("{API}/conversations/{conversation}/messages"),
            json!({"content": "Yes, it is."}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    let path = format!("{API}/conversations/{conversation}");
    let mut closed = server.get(&path).await.body;
    closed["status"] = json!("CLOSED");
    assert_eq!(server.put(&path, closed).await.status, StatusCode::OK);

    let (_, view) = read(&server, &token).await;
    assert_eq!(view["open"], false);
    let last = &view["messages"][1];
    assert_eq!(last["author"], "agent");
    assert_eq!(last["authorName"], "Camille Laurent");
    assert_eq!(last["body"], "Yes, it is.");
    assert!(view.get("assignedAgentId").is_none() && view.get("customerId").is_none());

    // The customer writes again: the same conversation, open again for the agents.
    let (status, view) = write(&server, &token, "Thank you! And parking?").await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    assert_eq!(view["messages"].as_array().unwrap().len(), 3);
    assert_eq!(view["open"], true);
    assert_eq!(server.get(&path).await.body["status"], "OPEN");
    let messages = server.get(&format!("{path}/messages")).await.body;
    assert_eq!(messages["content"][0]["transmitterType"], "CUSTOMER");
    assert_eq!(messages["content"][0]["transmitterId"], "zoe@example.fr");
}

#[tokio::test]
async fn a_link_reads_only_its_own_conversation_and_a_wrong_one_reads_nothing() {
    let server = start().await;
    let (_, mine) = contact(&server, "a@example.fr", "My own question about the stay").await;
    let (_, theirs) = contact(&server, "b@example.fr", "Someone else's private question").await;
    let (_, view) = read(&server, &mine).await;
    assert!(!view.to_string().contains("Someone else"), "{view}");
    let (_, view) = read(&server, &theirs).await;
    assert!(!view.to_string().contains("My own question"), "{view}");

    for wrong in ["x", &mine[..mine.len() - 1], &format!("{mine}A")] {
        let (status, body) = read(&server, wrong).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{wrong}");
        assert!(body["message"]
            .as_str()
            .unwrap()
            .contains("mistyped, withdrawn or expired"));
        assert_eq!(
            write(&server, wrong, "Hello there").await.0,
            StatusCode::NOT_FOUND
        );
    }
    // An empty message is refused in words, and nothing is written.
    let (status, body) = write(&server, &mine, "   ").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(
        read(&server, &mine).await.1["messages"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_token_is_stored_only_hashed_and_an_agent_can_withdraw_it() {
    let server = start().await;
    let (conversation, token) =
        contact(&server, "c@example.fr", "Please call me back tomorrow").await;
    let stored: String = server
        .store()
        .run_blocking(|tx| {
            tx.query_row("SELECT token_hash FROM follow_up_links", [], |row| {
                row.get(0)
            })
        })
        .unwrap();
    assert_ne!(stored, token);
    assert_eq!(stored.len(), 64);

    let path = format!("{API}/conversations/{conversation}/follow-up-links");
    // Withdrawing is the agents' business.
    let anonymous = server
        .send(server.anonymous.delete(server.url(&path)))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let withdrawn = server.send(server.client.delete(server.url(&path))).await;
    assert_eq!(
        withdrawn.status,
        StatusCode::NO_CONTENT,
        "{}",
        withdrawn.text
    );
    assert_eq!(read(&server, &token).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_link_is_never_cached_expires_unused_and_each_use_renews_it() {
    let server = start_with_limits(Limits {
        follow_up_link_lifetime: std::time::Duration::from_secs(2),
        ..Limits::default()
    })
    .await;
    let (_, token) = contact(&server, "zoe@example.com", "Is breakfast included?").await;
    let first = read_reply(&server, &token).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.headers["cache-control"], "no-store");
    let until = |reply: &Reply| {
        chrono::DateTime::parse_from_rfc3339(reply.body["linkExpiresAt"].as_str().unwrap()).unwrap()
    };
    // Used again before it expires, it works on, and its expiry moves on.
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let (status, written) = write(&server, &token, "Also, is there parking?").await;
    assert_eq!(status, StatusCode::CREATED, "{written}");
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let renewed = read_reply(&server, &token).await;
    assert_eq!(renewed.status, StatusCode::OK, "renewed by the write");
    assert!(until(&renewed) > until(&first));
    // Left unused past its lifetime, it opens nothing, like a wrong token.
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    let (status, body) = read(&server, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("expired"),
        "{body}"
    );
}

#[tokio::test]
async fn a_flood_on_a_link_is_told_to_wait() {
    let server = start_with_limits(Limits {
        follow_up_rate: RateLimit {
            per_minute: 1,
            burst: 1,
        },
        ..Limits::default()
    })
    .await;
    let (_, token) = contact(&server, "d@example.fr", "A question about my booking").await;
    assert_eq!(read(&server, &token).await.0, StatusCode::OK);
    let reply = read_reply(&server, &token).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn a_note_on_the_conversation_never_reaches_the_customers_page() {
    let server = start().await;
    let (conversation, token) = contact(&server, "zoe@example.com", "Where is my order?").await;
    let note = server
        .put(
            &format!(
                "/api/notes/communication/{conversation}/3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b66"
            ),
            json!({ "body": "Internal: refund approved by finance" }),
        )
        .await;
    assert_eq!(note.status, StatusCode::CREATED, "{}", note.text);
    let page = read_reply(&server, &token).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert!(!page.text.contains("refund approved"), "{}", page.text);
}

#[tokio::test]
async fn the_teams_internal_notes_and_their_files_never_show_on_the_customers_link() {
    let server = start().await;
    let (conversation, token) = contact(&server, "ines@example.es", "Where is my refund?").await;
    let note = server
        .put(
            &format!(
                "/api/notes/communication/{conversation}/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01"
            ),
            json!({"body": "Internal: refund blocked by finance, do not promise a date"}),
        )
        .await;
    assert_eq!(note.status, StatusCode::CREATED, "{}", note.text);
    let reply = read_reply(&server, &token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert!(!reply.text.contains("finance"), "{}", reply.text);
    assert_eq!(reply.body["messages"].as_array().map(Vec::len), Some(1));
    // And the notes' route is an agent's only, whatever the customer holds.
    let notes = server
        .send(
            server
                .anonymous
                .get(server.url(&format!("/api/notes/communication/{conversation}"))),
        )
        .await;
    assert_eq!(notes.status, StatusCode::UNAUTHORIZED);
}
