//! The consoles' event stream (`GET /api/events`): a change written through any instance
//! reaches a stream opened on any other, in order, once; a console that was away resumes
//! with `Last-Event-ID` and gets what it missed, or is told to reload when that is gone;
//! only signed-in agents may listen.

use crate::common::*;
use crate::vendor_auth::{backends_file, settings, upstream, COMMUNICATION_KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

/// How long a test waits for an event before it fails (a condition, not a pause).
const PATIENCE: Duration = Duration::from_secs(15);

/// One server-sent event: its name, id and data.
#[derive(Debug, Default)]
struct Sent {
    event: String,
    id: Option<i64>,
    data: Value,
}

/// Reads a stream's events as they arrive.
struct Events {
    response: reqwest::Response,
    buffer: String,
}

impl Events {
    async fn open(server: &TestServer, last: Option<i64>) -> Events {
        let mut request = server.client.get(server.url(EVENTS));
        if let Some(last) = last {
            request = request.header("last-event-id", last.to_string());
        }
        let response = request.send().await.expect("the stream answers");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        Events {
            response,
            buffer: String::new(),
        }
    }

    /// The next event (keep-alive comments skipped), or a failure after [`PATIENCE`].
    async fn next(&mut self) -> Sent {
        tokio::time::timeout(PATIENCE, self.read())
            .await
            .expect("an event arrives in time")
    }

    async fn read(&mut self) -> Sent {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut sent = Sent::default();
                for line in block.lines() {
                    match line.split_once(':') {
                        Some(("event", value)) => sent.event = value.trim().to_owned(),
                        Some(("id", value)) => sent.id = value.trim().parse().ok(),
                        Some(("data", value)) => {
                            sent.data = serde_json::from_str(value.trim()).unwrap_or(Value::Null)
                        }
                        _ => {}
                    }
                }
                if !sent.event.is_empty() {
                    return sent;
                }
                continue;
            }
            let chunk = self.response.chunk().await.expect("the stream goes on");
            let chunk = chunk.expect("the stream is not over");
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// The next `change` event.
    async fn change(&mut self) -> Sent {
        loop {
            let sent = self.next().await;
            if sent.event == "change" {
                return sent;
            }
        }
    }
}

const EVENTS: &str = "/api/events";

async fn send_message(server: &TestServer, id: &str, text: &str) {
    let sent = server
        .post(
            &format!("{API}/conversations/{id}/messages"),
            json!({"conversationId": id, "content": text}),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);
}

#[tokio::test]
async fn a_message_stored_through_one_instance_reaches_a_stream_opened_on_the_other() {
    let (a, b) = start_pair().await;
    let conversation = a.create_conversation("events@example.com").await;
    let id = conversation["id"].as_str().expect("an id").to_owned();
    let mut stream = Events::open(&b, None).await;
    let ready = stream.next().await;
    assert_eq!(ready.event, "ready");
    send_message(&a, &id, "Pushed, not polled").await;
    let change = stream.change().await;
    assert_eq!(change.data["backend"], "communication");
    assert_eq!(change.data["item"], id.as_str());
    assert_eq!(change.data["kind"], "message");
    assert!(change.id > ready.id, "{change:?} after {ready:?}");
}

#[tokio::test]
async fn a_console_that_was_away_gets_what_it_missed_in_order_once() {
    let server = start().await;
    let conversation = server.create_conversation("away@example.com").await;
    let id = conversation["id"].as_str().expect("an id").to_owned();
    let mut first = Events::open(&server, None).await;
    let seen = first.next().await.id.expect("ready carries the newest id");
    drop(first);

    send_message(&server, &id, "While you were away").await;
    let assigned = server
        .put(
            &format!("{API}/conversations/{id}/assigned-agent"),
            json!({"assignedAgentId": "agent-javier"}),
        )
        .await;
    assert_eq!(assigned.status, StatusCode::OK, "{}", assigned.text);

    let mut again = Events::open(&server, Some(seen)).await;
    let message = again.change().await;
    let assignment = again.change().await;
    assert_eq!(message.data["kind"], "message");
    assert_eq!(assignment.data["kind"], "assignment");
    assert_eq!(assignment.data["item"], id.as_str());
    assert!(seen < message.id.unwrap() && message.id < assignment.id);

    // And then what comes next, live, once.
    send_message(&server, &id, "And now").await;
    let live = again.change().await;
    assert_eq!(live.id, assignment.id.map(|n| n + 1), "{live:?}");
}

#[tokio::test]
async fn a_console_further_behind_than_what_is_kept_is_told_to_reload() {
    let server = start().await;
    let mut stream = Events::open(&server, Some(1_000_000_000)).await;
    assert_eq!(stream.next().await.event, "reset");
}

#[tokio::test]
async fn a_write_that_changes_nothing_or_fails_sends_nothing() {
    let server = start().await;
    let conversation = server.create_conversation("quiet@example.com").await;
    let id = conversation["id"].as_str().expect("an id").to_owned();
    let mut stream = Events::open(&server, None).await;
    stream.next().await;
    let refused = server
        .post(
            &format!("{API}/conversations/{id}/messages"),
            json!({"conversationId": id}),
        )
        .await;
    assert!(refused.status.is_client_error(), "{}", refused.text);
    server.get(&format!("{API}/conversations/{id}")).await;
    send_message(&server, &id, "The only change").await;
    let change = stream.change().await;
    assert_eq!(change.data["kind"], "message", "{change:?}");
}

#[tokio::test]
async fn only_a_signed_in_agent_may_listen() {
    let server = start().await;
    let refused = server.send(server.anonymous.get(server.url(EVENTS))).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{}", refused.text);
}

/// A vendor (the reference server checking its vendor's credentials) and a gateway that
/// forwards communication to it and watches its list every second.
async fn watched_gateway() -> (TestServer, TestServer) {
    let vendor = upstream(60, true).await;
    let forward = |name: &str| match name {
        "communication" => format!(
            "mode = \"forward\"\nupstream = \"{}{API}\"\nwatch_seconds = 1",
            vendor.base_url
        ),
        _ => String::new(),
    };
    let text = backends_file(&vendor.base_url, 60, &forward);
    let gateway = start_with_backends(settings(&text), false).await;
    (vendor, gateway)
}

/// The vendor's first conversations, as the vendor lists them.
async fn vendor_conversations(vendor: &TestServer) -> Vec<String> {
    let listed = vendor
        .send(
            vendor
                .vendor_get(&format!("{API}/conversations?currentPage=1&sizePage=3"))
                .bearer_auth(COMMUNICATION_KEY),
        )
        .await;
    listed.body["content"]
        .as_array()
        .expect("conversations")
        .iter()
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect()
}

/// A customer's message written at the vendor, never through the gateway.
async fn write_at_vendor(vendor: &TestServer, id: &str) {
    let written = vendor
        .send(
            vendor
                .vendor(
                    reqwest::Method::POST,
                    &format!("{API}/conversations/{id}/messages"),
                )
                .bearer_auth(COMMUNICATION_KEY)
                .json(
                    &json!({"conversationId": id, "content": "Written at the vendor",
                              "transmitterId": "customer-1", "transmitterType": "CUSTOMER"}),
                ),
        )
        .await;
    assert_eq!(written.status, StatusCode::CREATED, "{}", written.text);
}

/// The next change of `item`, writing at the vendor again until it comes: the watcher's
/// first read only learns the page.
async fn vendor_change_of(vendor: &TestServer, stream: &mut Events, item: &str) -> Sent {
    tokio::time::timeout(PATIENCE, async {
        loop {
            write_at_vendor(vendor, item).await;
            if let Ok(change) = tokio::time::timeout(Duration::from_secs(3), stream.change()).await
            {
                return change;
            }
        }
    })
    .await
    .expect("the gateway pushes the vendor's change")
}

#[tokio::test]
async fn what_changes_at_a_forwarded_vendor_is_pushed_by_the_server_that_watches_it() {
    let (vendor, gateway) = watched_gateway().await;
    let discovery = gateway.get("/api/backends").await;
    let backends = discovery.body.as_array().expect("backends");
    let communication = backends.iter().find(|b| b["name"] == "communication");
    assert_eq!(
        communication.map(|b| &b["pushed"]),
        Some(&json!(true)),
        "the console need not poll a watched vendor"
    );
    let id = vendor_conversations(&vendor).await.remove(0);
    let mut stream = Events::open(&gateway, None).await;
    stream.next().await;
    let change = vendor_change_of(&vendor, &mut stream, &id).await;
    assert_eq!(change.data["backend"], "communication");
    assert_eq!(change.data["item"], id.as_str());
    assert_eq!(change.data["kind"], "changed");
}

#[tokio::test]
async fn a_write_through_the_gateway_is_announced_once_not_again_by_the_watch() {
    let (vendor, gateway) = watched_gateway().await;
    let ids = vendor_conversations(&vendor).await;
    let (through, at_vendor) = (&ids[0], &ids[1]);
    let mut stream = Events::open(&gateway, None).await;
    stream.next().await;
    // The watch is under way (it has announced a change at the vendor).
    vendor_change_of(&vendor, &mut stream, at_vendor).await;

    // The agent writes as the vendor knows them (the gateway refuses a write without).
    crate::gateway::set_identity(
        &gateway,
        AGENT_EMAIL,
        "communication",
        "agent-camille",
        None,
        None,
    );
    let sent = gateway
        .post(
            &format!("{API}/conversations/{through}/messages"),
            json!({"conversationId": through, "content": "Through the gateway"}),
        )
        .await;
    assert!(sent.status.is_success(), "{}", sent.text);
    let announced = stream.change().await;
    assert_eq!(announced.data["item"], through.as_str());
    assert_eq!(announced.data["kind"], "message");
    // The next changes are the vendor's next ones, never the watch seeing the same write
    // (twice: the watch reports a read's changes in the order of their ids, so a repeat
    // would come just before or just after the vendor's).
    for _ in 0..2 {
        let next = vendor_change_of(&vendor, &mut stream, at_vendor).await;
        assert_eq!(next.data["item"], at_vendor.as_str(), "{next:?}");
    }
}

#[tokio::test]
async fn a_change_says_which_console_wrote_it_when_that_console_named_itself() {
    let server = start().await;
    let conversation = server.create_conversation("origin@example.com").await;
    let id = conversation["id"].as_str().expect("an id").to_owned();
    let mut stream = Events::open(&server, None).await;
    stream.next().await;
    let path = format!("{API}/conversations/{id}/messages");
    for name in ["tab-7f3a", "not a name; <script>", &"x".repeat(65)] {
        let request = server
            .client
            .post(server.url(&path))
            .header("x-switchboard-client", name)
            .json(&json!({"conversationId": id, "content": "From a named tab"}));
        let sent = server.send(request).await;
        assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text);
    }
    assert_eq!(stream.change().await.data["origin"], "tab-7f3a");
    // Anything but a short name of letters, digits and dashes is not kept.
    assert_eq!(stream.change().await.data["origin"], Value::Null);
    assert_eq!(stream.change().await.data["origin"], Value::Null);
}
