//! Who wrote it, over the gateway: a forwarded vendor only sees the team's credentials, so
//! a write carries the signed-in agent's identity on that vendor as its author, and an agent
//! without one is refused before anything leaves.

use super::{gateway, set_identity, vendor, Seen};
use crate::common::AGENT_EMAIL;
use serde_json::{json, Value};

/// The JSON body the vendor saw.
fn sent(seen: &Seen) -> Value {
    serde_json::from_slice(&seen.body).expect("the vendor got JSON")
}

#[tokio::test]
async fn a_write_by_an_agent_without_an_identity_is_refused_in_words_and_the_vendor_sees_nothing() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let octopia = server
        .post(
            "/octopia/v2/messages",
            json!({"discussionId": "d-1", "body": "Bonjour", "userType": "Seller"}),
        )
        .await;
    let cases = server
        .post(
            "/api/v3/case-messages/create",
            json!({"guid": "g-1", "content": "x", "type": "serviceComment"}),
        )
        .await;
    let communication = server
        .post(
            "/communication/v1/conversations/c-1/messages",
            json!({"content": "x"}),
        )
        .await;
    let close = server
        .patch(
            "/octopia/v2/discussions/d-1",
            json!({"op": "replace", "path": "/isOpen", "value": false}),
        )
        .await;
    for (reply, backend) in [
        (&octopia, "octopia"),
        (&cases, "case-messages"),
        (&communication, "communication"),
        (&close, "octopia"),
    ] {
        assert_eq!(reply.status, 403, "{backend}: {}", reply.text);
        let words = format!("Camille Laurent has no identity on {backend} yet");
        assert!(reply.text.contains(&words), "{backend}: {}", reply.text);
        let how = format!("switchboard-server agents identity set {AGENT_EMAIL} {backend} --id");
        assert!(reply.text.contains(&how), "{}", reply.text);
    }
    // Each in its dialect's own error shape, which the connectors read.
    assert!(cases.body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("no identity")));
    assert!(communication.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("no identity")));
    assert_eq!(vendor.calls(), 0, "the vendor never heard of the writes");
    assert_eq!(
        vendor.token_calls.load(std::sync::atomic::Ordering::SeqCst),
        0
    );
}

#[tokio::test]
async fn with_an_identity_the_vendor_sees_the_author_fields_set_from_it_and_not_the_browsers() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    set_identity(&server, AGENT_EMAIL, "octopia", "octo-user-9", None, None);
    set_identity(
        &server,
        AGENT_EMAIL,
        "case-messages",
        "cl-42",
        Some("c.laurent@partner.example"),
        Some("C. Laurent (Switchboard)"),
    );
    set_identity(&server, AGENT_EMAIL, "communication", "agt-77", None, None);

    let reply = server
        .post(
            "/octopia/v2/messages",
            json!({"discussionId": "d-1", "body": "Bonjour", "userId": "someone-else", "userType": "Customer"}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let reply = server
        .post(
            "/api/v3/case-messages/create",
            json!({"guid": "g-1", "content": "x", "type": "serviceComment",
                   "userEmail": "made.up@browser.example", "userName": "Not me"}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let reply = server
        .post(
            "/communication/v1/conversations/c-1/messages",
            json!({"content": "x", "transmitterId": "agent-javier", "transmitterType": "CUSTOMER"}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);

    let seen = vendor.seen();
    assert_eq!(seen.len(), 3);
    let octopia = sent(&seen[0]);
    assert_eq!(
        (octopia["userId"].as_str(), octopia["userType"].as_str()),
        (Some("octo-user-9"), Some("Seller"))
    );
    assert_eq!(
        octopia["body"], "Bonjour",
        "the rest goes as the browser wrote it"
    );
    let case = sent(&seen[1]);
    assert_eq!(case["userEmail"], "c.laurent@partner.example");
    assert_eq!(case["userName"], "C. Laurent (Switchboard)");
    assert_eq!(
        seen[1].headers["content-length"],
        seen[1].body.len().to_string(),
        "the length is the rewritten body's"
    );
    let message = sent(&seen[2]);
    assert_eq!(message["transmitterId"], "agt-77");
    assert_eq!(message["transmitterType"], "AGENT");
}

#[tokio::test]
async fn an_identity_without_an_email_or_name_writes_the_agents_own() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    set_identity(&server, AGENT_EMAIL, "case-messages", "cl-42", None, None);
    let reply = server
        .post(
            "/api/v3/case-messages/create",
            json!({"guid": "g-1", "content": "x", "type": "serviceComment"}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let case = sent(&vendor.seen()[0]);
    assert_eq!(case["userEmail"], AGENT_EMAIL);
    assert_eq!(case["userName"], "Camille Laurent");
}

#[tokio::test]
async fn an_assignee_who_is_one_of_our_agents_reaches_the_vendor_as_their_identity() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    set_identity(&server, AGENT_EMAIL, "communication", "agt-77", None, None);
    let assign = |agent: &'static str| {
        server.put(
            "/communication/v1/conversations/c-1/assigned-agent",
            json!({ "assignedAgentId": agent }),
        )
    };
    // The writes the vendor saw (each is followed by a read for the version it left).
    let writes = || -> Vec<Seen> {
        vendor
            .seen()
            .into_iter()
            .filter(|call| call.method == "PUT")
            .collect()
    };
    let reply = assign("agent-camille").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(sent(&writes()[0])["assignedAgentId"], "agt-77");
    // The answer names the assignee as Switchboard knows them.
    assert_eq!(
        reply.body["assignedAgentId"], "agent-camille",
        "{}",
        reply.text
    );
    assert_eq!(
        reply.body["participants"],
        json!(["cust-1", "agent-camille"])
    );

    // The vendor's own id, as its reads give it back, is not one of ours: it goes as it is.
    let reply = assign("agt-12").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(sent(&writes()[1])["assignedAgentId"], "agt-12");

    let refused = assign("agent-javier").await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    assert!(
        refused
            .text
            .contains("Javier Ortega has no identity on communication yet"),
        "{}",
        refused.text
    );
    assert_eq!(writes().len(), 2, "the refused assignment never left");
}

#[tokio::test]
async fn reads_need_no_identity() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    for path in [
        "/communication/v1/conversations",
        "/octopia/v2/discussions/count",
        "/api/v3/case-messages?guid=g-1",
    ] {
        let reply = server.get(path).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.text);
    }
    assert_eq!(vendor.calls(), 3);
}

#[tokio::test]
async fn the_public_contact_form_needs_no_identity() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let reply = server
        .send(
            server
                .anonymous
                .post(server.url("/communication/v1/contact-us"))
                .json(&json!({"name": "Léa", "mail": "lea@example.com", "message": "Bonjour, mon colis ?"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(vendor.calls(), 1);
}

#[tokio::test]
async fn a_multipart_write_needs_the_identity_and_goes_as_it_came() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let form = || {
        reqwest::multipart::Form::new().text(
            "message",
            r#"{"content": "voici le bon", "transmitterId": "x"}"#,
        )
    };
    let path = "/communication/v1/conversations/c-1/messages";
    let refused = server.post_form(path, form()).await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    assert_eq!(vendor.calls(), 0);

    set_identity(&server, AGENT_EMAIL, "communication", "agt-77", None, None);
    let reply = server.post_form(path, form()).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let body = String::from_utf8_lossy(&vendor.seen()[0].body).into_owned();
    assert!(
        body.contains(r#""transmitterId": "x""#),
        "a multipart body is not rewritten: {body}"
    );
}

#[tokio::test]
async fn a_refused_write_sent_again_with_its_idempotency_key_goes_once_the_identity_is_set() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    let path = "/api/v3/case-messages/create";
    let body = json!({"guid": "g-1", "content": "x", "type": "serviceComment"});
    let refused = server.keyed(path, "draft-7", body.clone()).await;
    assert_eq!(refused.status, 403, "{}", refused.text);

    set_identity(&server, AGENT_EMAIL, "case-messages", "cl-42", None, None);
    let reply = server.keyed(path, "draft-7", body).await;
    assert_eq!(
        reply.status, 200,
        "the refusal was not kept for the key: {}",
        reply.text
    );
    assert_eq!(vendor.calls(), 1);
}

#[tokio::test]
async fn mine_asks_the_vendor_by_its_id_and_its_answer_names_our_agents() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "share_seconds = 0").await;
    set_identity(&server, AGENT_EMAIL, "communication", "agt-77", None, None);
    let mine = server
        .get("/communication/v1/conversations?assignedAgentId=agent-camille&sizePage=25")
        .await;
    assert_eq!(mine.status, 200, "{}", mine.text);
    assert_eq!(
        vendor.seen()[0].query.as_deref(),
        Some("assignedAgentId=agt-77&sizePage=25"),
        "the vendor is asked by its own id"
    );
    let conversation = &mine.body["content"][0];
    assert_eq!(conversation["assignedAgentId"], "agent-camille");
    assert_eq!(
        conversation["participants"],
        json!(["cust-1", "agent-camille"])
    );
    assert_eq!(
        conversation["lastMessage"]["transmitterId"],
        "agent-camille"
    );
    assert_eq!(
        conversation["lastMessage"]["content"], "agt-77",
        "only the fields that name agents"
    );

    // Someone the vendor knows but Switchboard does not stays as the vendor wrote it.
    let other = server
        .get("/communication/v1/conversations?assignedAgentId=agt-12")
        .await;
    assert_eq!(other.body["content"][0]["assignedAgentId"], "agt-12");
}
