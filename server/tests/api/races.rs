//! Writers racing across two instances over one database: what one SQLite mutex used to
//! serialise (an idempotency claim, an `If-Match` version, a support session's
//! read-compare-write, the participants' cap) stays right when the requests arrive at once
//! through two servers. On PostgreSQL (the test command's second run) these are real
//! concurrent transactions; on SQLite, two connections to one file.

use crate::common::*;
use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::json;

/// How many requests race in each test, sent alternately to the two servers.
const RACERS: usize = 8;

fn either(pair: &(TestServer, TestServer), n: usize) -> &TestServer {
    if n.is_multiple_of(2) {
        &pair.0
    } else {
        &pair.1
    }
}

/// Each reply's status and words, for a failure's message.
fn summary(replies: &[Reply]) -> String {
    let lines: Vec<String> = replies
        .iter()
        .map(|reply| format!("{} {}", reply.status, reply.text))
        .collect();
    lines.join("\n")
}

fn count(replies: &[Reply], status: StatusCode) -> usize {
    replies
        .iter()
        .filter(|reply| reply.status == status)
        .count()
}

#[tokio::test]
async fn one_key_sent_to_two_instances_at_once_creates_one_conversation() {
    let pair = start_pair().await;
    let path = format!("{API}/conversations");
    let body = json!({
        "tripPublicationId": "trip-race", "tripReference": "RACE-1",
        "establishmentId": "est-1", "customerId": "race-key@example.com"
    });
    let replies =
        join_all((0..RACERS).map(|n| either(&pair, n).keyed(&path, "race-key-1", body.clone())))
            .await;
    let created: Vec<&Reply> = replies
        .iter()
        .filter(|reply| reply.status == StatusCode::CREATED)
        .collect();
    assert!(
        !created.is_empty(),
        "one of them created it: {}",
        summary(&replies)
    );
    // The others were answered with the same conversation, or told it is under way.
    for reply in &replies {
        match reply.status {
            StatusCode::CREATED => assert_eq!(reply.body["id"], created[0].body["id"]),
            StatusCode::CONFLICT => {}
            other => panic!("unexpected {other}: {}", reply.text),
        }
    }
    let listed = format!("{API}/conversations?customerId=race-key@example.com");
    assert_eq!(pair.0.total(&listed).await, 1);
    assert_eq!(pair.1.total(&listed).await, 1);
}

#[tokio::test]
async fn writes_on_one_version_at_once_let_exactly_one_through() {
    let pair = start_pair().await;
    let conversation = pair.0.create_conversation("race-version@example.com").await;
    let id = conversation["id"].as_str().expect("an id").to_owned();
    let path = format!("{API}/conversations/{id}/assigned-agent");
    let agents = ["agent-javier", "agent-camille"];
    let replies = join_all((0..RACERS).map(|n| {
        let server = either(&pair, n);
        let request = server
            .client
            .put(server.url(&path))
            .header("if-match", "\"v1\"")
            .json(&json!({"assignedAgentId": agents[n % 2]}));
        server.send(request)
    }))
    .await;
    assert_eq!(count(&replies, StatusCode::OK), 1, "{}", summary(&replies));
    assert_eq!(
        count(&replies, StatusCode::PRECONDITION_FAILED),
        RACERS - 1,
        "{}",
        summary(&replies)
    );
    let now = pair.1.get(&format!("{API}/conversations/{id}")).await;
    assert_eq!(now.headers["etag"], "\"v2\"");
}

#[tokio::test]
async fn a_support_session_opened_at_once_through_two_instances_is_opened_once() {
    let pair = start_pair().await;
    let body = json!({"callback_phone": "+33612345678"});
    let replies = join_all(
        (0..RACERS)
            .map(|n| either(&pair, n).open_support_session("RIDE-RACE-1", Some(body.clone()))),
    )
    .await;
    assert_eq!(
        count(&replies, StatusCode::CREATED),
        1,
        "{}",
        summary(&replies)
    );
    assert_eq!(
        count(&replies, StatusCode::CONFLICT),
        RACERS - 1,
        "{}",
        summary(&replies)
    );
    let history = pair
        .0
        .get(&format!("{}/history", support_session_path("RIDE-RACE-1")))
        .await;
    assert_eq!(history.status, StatusCode::OK, "{}", history.text);
    let opened = history.text.matches("\"opened\"").count();
    assert_eq!(opened, 1, "one opening in the history: {}", history.text);
}

#[tokio::test]
async fn participants_stay_capped_when_many_write_at_once() {
    let pair = start_pair().await;
    let conversation = pair.0.create_conversation("race-cap@example.com").await;
    let id = conversation["id"].as_str().expect("an id").to_owned();
    let path = format!("{API}/conversations/{id}/messages");
    // More writers than the cap (50), each a participant of its own, in waves that race.
    let writers = 64;
    let before = pair.0.total(&path).await;
    for wave in (0..writers).collect::<Vec<_>>().chunks(RACERS) {
        let replies = join_all(wave.iter().map(|n| {
            either(&pair, *n).post(
                &path,
                json!({"conversationId": id, "transmitterId": format!("writer-{n}@example.com"),
                       "transmitterType": "CUSTOMER", "content": format!("Hello {n}"),
                       "contentType": "TEXT"}),
            )
        }))
        .await;
        assert_eq!(
            count(&replies, StatusCode::CREATED),
            wave.len(),
            "{}",
            summary(&replies)
        );
    }
    let now = pair.1.get(&format!("{API}/conversations/{id}")).await;
    let participants = now.body["participants"].as_array().expect("participants");
    assert!(participants.len() <= 50, "{}", participants.len());
    assert!(
        participants.contains(&json!("race-cap@example.com")),
        "the customer stays"
    );
    // Every message kept once, seen alike through both servers.
    assert_eq!(pair.0.total(&path).await, before + writers as u64);
    assert_eq!(pair.1.total(&path).await, before + writers as u64);
}
