//! Snoozes (`/api/snoozes`, `docs/snooze.md`): an agent snoozes a conversation until a time,
//! colleagues read it (who, when, until when), snoozing again moves it, waking it leaves
//! none; a time already passed or over a year ahead is refused with the field named, a
//! snooze whose time passed is no longer listed, and nobody without a session reads or
//! snoozes.

use crate::common::{start, AGENT_ID};
use chrono::{DateTime, Duration, FixedOffset, SecondsFormat, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};

const ONE: &str = "/api/snoozes/octopia/d-1001";

fn hence(duration: Duration) -> String {
    (Utc::now() + duration).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The instant an answer's time field says: compared as instants, not as text (a time
/// on a whole second comes back without its `.000`, once in a thousand runs).
fn instant(value: &Value) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(value.as_str()?).ok()
}

fn at(time: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(time).ok()
}

#[tokio::test]
async fn an_agent_snoozes_a_conversation_colleagues_read_it_and_waking_it_leaves_none() {
    let server = start().await;
    assert_eq!(server.get(ONE).await.body, Value::Null, "not snoozed yet");
    let until = hence(Duration::hours(20));
    let snoozed = server.put(ONE, json!({ "until": until })).await;
    assert_eq!(snoozed.status, StatusCode::OK, "{}", snoozed.text);
    assert_eq!(snoozed.body["conversationId"], "d-1001");
    assert_eq!(snoozed.body["snoozedBy"], AGENT_ID);
    assert_eq!(instant(&snoozed.body["until"]), at(&until));
    let listed = server.get("/api/snoozes/octopia").await;
    assert_eq!(
        listed.body.as_array().map(Vec::len),
        Some(1),
        "{}",
        listed.text
    );
    assert_eq!(instant(&server.get(ONE).await.body["until"]), at(&until));

    let later = hence(Duration::days(7));
    let moved = server.put(ONE, json!({ "until": later })).await;
    assert_eq!(instant(&moved.body["until"]), at(&later));
    let woken = server.send(server.client.delete(server.url(ONE))).await;
    assert_eq!(woken.status, StatusCode::NO_CONTENT);
    assert_eq!(server.get(ONE).await.body, Value::Null);
    assert_eq!(server.get("/api/snoozes/octopia").await.body, json!([]));
}

#[tokio::test]
async fn a_snooze_in_the_past_or_past_a_year_is_refused_and_one_whose_time_passed_is_not_listed() {
    let server = start().await;
    for until in [hence(Duration::minutes(-5)), hence(Duration::days(400))] {
        let refused = server.put(ONE, json!({ "until": until })).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.text);
        assert_eq!(
            refused.body["details"][0]["field"], "until",
            "{}",
            refused.text
        );
    }
    let malformed = server.put(ONE, json!({ "until": "tomorrow" })).await;
    assert_eq!(
        malformed.status,
        StatusCode::BAD_REQUEST,
        "{}",
        malformed.text
    );
    assert_eq!(server.get(ONE).await.body, Value::Null, "nothing kept");

    // Snoozed for a second and a half: listed, then no longer, on its own.
    let soon = server
        .put(ONE, json!({ "until": hence(Duration::milliseconds(1500)) }))
        .await;
    assert_eq!(soon.status, StatusCode::OK, "{}", soon.text);
    assert_eq!(
        server
            .get("/api/snoozes/octopia")
            .await
            .body
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if server.get(ONE).await.body == Value::Null {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the snooze never ended"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(server.get("/api/snoozes/octopia").await.body, json!([]));
}

#[tokio::test]
async fn nobody_without_a_session_reads_or_snoozes_and_unknown_backends_are_not_found() {
    let server = start().await;
    let body = json!({ "until": hence(Duration::hours(2)) });
    let anonymous = server
        .send(server.anonymous.put(server.url(ONE)).json(&body))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let reading = server
        .send(server.anonymous.get(server.url("/api/snoozes/octopia")))
        .await;
    assert_eq!(reading.status, StatusCode::UNAUTHORIZED);
    let unknown = server.put("/api/snoozes/nowhere/x", body).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}
