//! The case messages API V3 over real HTTP, route by route with the bad cases: create
//! (every field, lengths, types, the author, a repeated `externalId`, replies), the read by
//! guid, confirm (good, missing and another partner's ids in one 200), the document's error
//! body everywhere, no session no answer, and the followed cases. Each test starts its own
//! server on a fresh, seeded SQLite file.

use crate::common::{
    assert_case_messages_error, start, Reply, TestServer, AGENT_EMAIL, CASE_MESSAGES,
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::dialects::case_messages::seed::{
    CASE_GUID, CASE_ID, CASE_MESSAGE_COUNT, EMPTY_CASE_GUID, FIRST_MESSAGE_ID, FOLLOWED_CASE_COUNT,
    FOREIGN_CASE_GUID, FOREIGN_MESSAGE_ID,
};

const CREATE: &str = "/api/v3/case-messages/create";
const CONFIRM: &str = "/api/v3/case-messages/confirm";
/// A guid no case has.
const UNKNOWN_GUID: &str = "00000000-0000-4000-8000-000000000000";

/// Every field of the document's output, and ours.
const MESSAGE_FIELDS: [&str; 15] = [
    "id",
    "caseId",
    "guid",
    "senderAccountId",
    "senderType",
    "content",
    "type",
    "externalId",
    "confirmedAt",
    "createdAt",
    "updatedAt",
    "declaredAt",
    "parentMessageId",
    "userEmail",
    "userName",
];

impl TestServer {
    async fn messages(&self, guid: &str) -> Vec<Value> {
        let reply = self
            .get(&format!("{CASE_MESSAGES}/case-messages?guid={guid}"))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply.body.as_array().expect("a list").clone()
    }

    async fn create(&self, body: Value) -> Reply {
        self.post(CREATE, body).await
    }
}

/// A 400 whose message names `field` in the document's form.
fn assert_names(reply: &Reply, field: &str) -> String {
    let message = assert_case_messages_error(reply, StatusCode::BAD_REQUEST);
    assert!(
        message.contains(&format!("child \"{field}\" fails because [\"{field}\" ")),
        "{field}: {message}"
    );
    message
}

// ---- create -------------------------------------------------------------------------------

#[tokio::test]
async fn the_documents_example_adds_a_message_written_by_the_agent() {
    let server = start().await;
    let before = server.messages(CASE_GUID).await.len();
    let mut body: Value = serde_json::from_str(include_str!(
        "../../../core/src/wire/case_messages/fixtures/create_request.json"
    ))
    .unwrap();
    body["userEmail"] = json!("someone.else@example.com");
    body["userName"] = json!("Someone Else");
    let reply = server.create(body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let message = reply.body.as_object().unwrap();
    for field in MESSAGE_FIELDS {
        assert!(message.contains_key(field), "{field} in {}", reply.text);
    }
    assert_eq!(message.len(), MESSAGE_FIELDS.len());
    assert_eq!(message["caseId"], CASE_ID);
    assert_eq!(message["guid"], CASE_GUID);
    assert_eq!(message["senderAccountId"], 1009);
    assert_eq!(message["senderType"], "partner");
    assert_eq!(message["content"], "Test message");
    assert_eq!(message["type"], "serviceComment");
    assert_eq!(message["externalId"], "test-42");
    assert_eq!(message["confirmedAt"], Value::Null);
    assert_eq!(message["parentMessageId"], Value::Null);
    assert_eq!(message["declaredAt"], "2017-07-25T10:12:54.003Z");
    assert_eq!(message["createdAt"], message["updatedAt"]);
    assert_eq!(
        message["userEmail"], AGENT_EMAIL,
        "the author is the session's"
    );
    assert_eq!(message["userName"], "Camille Laurent");
    assert!(message["id"].as_i64().unwrap() > FIRST_MESSAGE_ID);

    let after = server.messages(CASE_GUID).await;
    assert_eq!(after.len(), before + 1);
    assert_eq!(
        after.last().unwrap(),
        &reply.body,
        "listed last, as answered"
    );
}

#[tokio::test]
async fn declared_at_defaults_to_now_and_a_reply_names_its_parent() {
    let server = start().await;
    let reply = server
        .create(json!({"guid": CASE_GUID.to_uppercase(), "type": "statusRequest", "parentMessageId": FIRST_MESSAGE_ID + 8}))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.body["declaredAt"], reply.body["createdAt"]);
    assert_eq!(reply.body["content"], Value::Null, "content is optional");
    assert_eq!(reply.body["guid"], CASE_GUID, "guids in lower case");
    assert_eq!(reply.body["parentMessageId"], FIRST_MESSAGE_ID + 8);

    // A parent must be a message of the same case.
    for parent in [FOREIGN_MESSAGE_ID, FIRST_MESSAGE_ID + 40, 999_999] {
        let refused = server
            .create(json!({"guid": CASE_GUID, "type": "reminder", "parentMessageId": parent}))
            .await;
        let message = assert_names(&refused, "parentMessageId");
        assert!(message.contains("of this case"), "{message}");
    }
}

#[tokio::test]
async fn each_field_is_checked_and_named() {
    let server = start().await;
    let long = |n: usize| "x".repeat(n);
    let cases = [
        (json!({"type": "reminder"}), "guid", "is required"),
        (json!({"guid": "", "type": "reminder"}), "guid", "is not allowed to be empty"),
        (json!({"guid": "case-7748", "type": "reminder"}), "guid", "must be a valid GUID"),
        (json!({"guid": 7748, "type": "reminder"}), "guid", "must be a string"),
        (json!({"guid": CASE_GUID}), "type", "is required"),
        (json!({"guid": CASE_GUID, "type": "comment"}), "type", "must be one of [serviceComment, customerCenterReply, costProposalRejectRur, costProposalRejectScrap, statusRequest, spareParts, reminder, costProposal, shipment, forwarding]"),
        (json!({"guid": CASE_GUID, "type": long(33)}), "type", "length must be less than or equal to 32 characters long"),
        (json!({"guid": CASE_GUID, "type": "reminder", "content": long(10_001)}), "content", "length must be less than or equal to 10000 characters long"),
        (json!({"guid": CASE_GUID, "type": "reminder", "content": 5}), "content", "must be a string"),
        (json!({"guid": CASE_GUID, "type": "reminder", "declaredAt": "25/07/2017"}), "declaredAt", "must be a valid ISO 8601 date"),
        (json!({"guid": CASE_GUID, "type": "reminder", "externalId": long(513)}), "externalId", "length must be less than or equal to 512 characters long"),
        (json!({"guid": CASE_GUID, "type": "reminder", "parentMessageId": "4377"}), "parentMessageId", "must be a number"),
        (json!({"guid": CASE_GUID, "type": "reminder", "parentMessageId": -3}), "parentMessageId", "must be a positive number"),
        (json!({"guid": CASE_GUID, "type": "reminder", "userEmail": long(513)}), "userEmail", "length must be less than or equal to 512 characters long"),
        (json!({"guid": CASE_GUID, "type": "reminder", "userName": long(513)}), "userName", "length must be less than or equal to 512 characters long"),
        (json!({"guid": CASE_GUID, "type": "reminder", "messageType": "reminder"}), "messageType", "is not allowed"),
        (json!({"guid": CASE_GUID, "type": "reminder", "senderType": "provider"}), "senderType", "is not allowed"),
    ];
    for (body, field, issue) in cases {
        let reply = server.create(body.clone()).await;
        let message = assert_names(&reply, field);
        assert!(message.contains(issue), "{body}: {message}");
    }
    // The limits themselves pass.
    let at_limits = server
        .create(json!({"guid": CASE_GUID, "type": "forwarding", "content": long(10_000), "externalId": long(512), "userEmail": long(512), "userName": long(512)}))
        .await;
    assert_eq!(at_limits.status, StatusCode::CREATED, "{}", at_limits.text);
    // Every problem at once, in the document's joined form.
    let reply = server.create(json!({"content": 1})).await;
    let message = assert_case_messages_error(&reply, StatusCode::BAD_REQUEST);
    assert_eq!(
        message,
        "child \"guid\" fails because [\"guid\" is required]. \
         child \"content\" fails because [\"content\" must be a string]. \
         child \"type\" fails because [\"type\" is required]"
    );
    // Nothing was added by the refusals.
    assert_eq!(
        server.messages(CASE_GUID).await.len(),
        CASE_MESSAGE_COUNT + 1
    );
}

#[tokio::test]
async fn a_repeated_external_id_on_a_case_answers_the_message_it_names() {
    let server = start().await;
    let first = server
        .create(json!({"guid": CASE_GUID, "type": "serviceComment", "content": "Parcel received", "externalId": "sb-retry-1"}))
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let again = server
        .create(json!({"guid": CASE_GUID, "type": "reminder", "content": "Something else", "externalId": "sb-retry-1"}))
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.body, first.body, "the existing message, unchanged");
    assert_eq!(
        server.messages(CASE_GUID).await.len(),
        CASE_MESSAGE_COUNT + 1
    );

    // The seed's own external ids count too; another case is another message.
    let seeded = &server.messages(CASE_GUID).await[1];
    let same = server
        .create(json!({"guid": CASE_GUID, "type": "reminder", "externalId": seeded["externalId"]}))
        .await;
    assert_eq!(same.status, StatusCode::OK);
    assert_eq!(same.body["id"], seeded["id"]);
    let other_case = server
        .create(
            json!({"guid": EMPTY_CASE_GUID, "type": "serviceComment", "externalId": "sb-retry-1"}),
        )
        .await;
    assert_eq!(
        other_case.status,
        StatusCode::CREATED,
        "{}",
        other_case.text
    );
    assert_ne!(other_case.body["id"], first.body["id"]);
}

#[tokio::test]
async fn unknown_and_other_partners_cases_are_refused() {
    let server = start().await;
    let unknown = server
        .create(json!({"guid": UNKNOWN_GUID, "type": "reminder"}))
        .await;
    let message = assert_case_messages_error(&unknown, StatusCode::NOT_FOUND);
    assert!(message.contains(UNKNOWN_GUID), "{message}");
    let foreign = server
        .create(json!({"guid": FOREIGN_CASE_GUID, "type": "reminder"}))
        .await;
    let message = assert_case_messages_error(&foreign, StatusCode::FORBIDDEN);
    assert!(message.starts_with("No access"), "{message}");
}

// ---- read ---------------------------------------------------------------------------------

#[tokio::test]
async fn a_case_is_read_by_its_guid_oldest_first() {
    let server = start().await;
    let messages = server.messages(CASE_GUID).await;
    assert_eq!(messages.len(), CASE_MESSAGE_COUNT);
    let ids: Vec<i64> = messages.iter().map(|m| m["id"].as_i64().unwrap()).collect();
    assert_eq!(ids[0], FIRST_MESSAGE_ID);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    for message in &messages {
        let object = message.as_object().unwrap();
        assert_eq!(object.len(), MESSAGE_FIELDS.len(), "{message}");
        assert_eq!(message["guid"], CASE_GUID);
        assert_eq!(message["caseId"], CASE_ID);
    }
    let senders: Vec<&Value> = messages.iter().map(|m| &m["senderType"]).collect();
    assert!(senders.contains(&&json!("partner")));
    assert!(senders.contains(&&json!("provider")));
    assert!(senders.contains(&&Value::Null));
    assert!(messages.iter().any(|m| m["parentMessageId"].is_i64()));
    assert_eq!(messages.last().unwrap()["confirmedAt"], Value::Null);

    // The vendor's accessToken is ignored; the guid is read in any case.
    let with_token = server
        .get(&format!(
            "{CASE_MESSAGES}/case-messages?accessToken=my_key&guid={}",
            CASE_GUID.to_uppercase()
        ))
        .await;
    assert_eq!(with_token.status, StatusCode::OK);
    assert_eq!(with_token.body.as_array().unwrap(), &messages);
    assert_eq!(server.messages(EMPTY_CASE_GUID).await, Vec::<Value>::new());
}

#[tokio::test]
async fn a_read_without_a_good_guid_is_refused() {
    let server = start().await;
    let path = |query: &str| format!("{CASE_MESSAGES}/case-messages{query}");
    let missing = server.get(&path("")).await;
    assert_eq!(
        assert_names(&missing, "guid"),
        "child \"guid\" fails because [\"guid\" is required]"
    );
    assert_names(&server.get(&path("?guid=7748")).await, "guid");
    let unknown = server.get(&path(&format!("?guid={UNKNOWN_GUID}"))).await;
    assert_case_messages_error(&unknown, StatusCode::NOT_FOUND);
    let foreign = server
        .get(&path(&format!("?guid={FOREIGN_CASE_GUID}")))
        .await;
    assert_case_messages_error(&foreign, StatusCode::FORBIDDEN);
}

// ---- confirm ------------------------------------------------------------------------------

#[tokio::test]
async fn confirm_sets_confirmed_at_and_keeps_the_first() {
    let server = start().await;
    let last = FIRST_MESSAGE_ID + CASE_MESSAGE_COUNT as i64 - 1;
    let reply = server.post(CONFIRM, json!([last])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(
        reply.body,
        json!({"success": true, "errors": [], "data": {}})
    );
    let confirmed = server.messages(CASE_GUID).await.last().unwrap().clone();
    let at = confirmed["confirmedAt"]
        .as_str()
        .expect("confirmed")
        .to_owned();
    assert_eq!(confirmed["updatedAt"], at.as_str());
    let again = server.post(CONFIRM, json!([last, last])).await;
    assert_eq!(again.body["errors"], json!([]));
    let still = server.messages(CASE_GUID).await.last().unwrap().clone();
    assert_eq!(
        still["confirmedAt"],
        at.as_str(),
        "the first confirmation stands"
    );
    assert_eq!(
        server.post(CONFIRM, json!([])).await.body,
        json!({"success": true, "errors": [], "data": {}})
    );
}

#[tokio::test]
async fn confirm_processes_what_it_can_and_reports_the_rest_in_a_200() {
    let server = start().await;
    let good = FIRST_MESSAGE_ID + 1;
    let new = server
        .create(json!({"guid": EMPTY_CASE_GUID, "type": "serviceComment", "content": "Hello"}))
        .await
        .body["id"]
        .as_i64()
        .unwrap();
    let reply = server
        .post(CONFIRM, json!([good, 999_999, FOREIGN_MESSAGE_ID, new]))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(
        reply.body,
        json!({
            "success": true,
            "errors": [
                {"id": 999_999, "message": "Not found"},
                {"id": FOREIGN_MESSAGE_ID, "message": "No access"}
            ],
            "data": {}
        })
    );
    // No rollback: the ids before and after the failures are confirmed.
    let espresso = server.messages(CASE_GUID).await;
    assert!(espresso[1]["confirmedAt"].is_string());
    let empty = server.messages(EMPTY_CASE_GUID).await;
    assert!(empty[0]["confirmedAt"].is_string());
}

#[tokio::test]
async fn confirm_refuses_a_body_that_is_not_an_array_of_ids() {
    let server = start().await;
    let reply = server.post(CONFIRM, json!(["4377"])).await;
    assert_eq!(
        assert_case_messages_error(&reply, StatusCode::BAD_REQUEST),
        "\"value\" at position 0 fails because [\"0\" must be a number]"
    );
    let reply = server.post(CONFIRM, json!([4377, 0, 1.5])).await;
    assert_eq!(
        assert_case_messages_error(&reply, StatusCode::BAD_REQUEST),
        "\"value\" at position 1 fails because [\"1\" must be a positive number]. \
         \"value\" at position 2 fails because [\"2\" must be an integer]"
    );
    let reply = server.post(CONFIRM, json!({"ids": [4377]})).await;
    assert_eq!(
        assert_case_messages_error(&reply, StatusCode::BAD_REQUEST),
        "\"value\" must be an array"
    );
    // Nothing was confirmed by the refusals.
    assert!(server.messages(CASE_GUID).await.last().unwrap()["confirmedAt"].is_null());
}

// ---- every refusal, and no session --------------------------------------------------------

#[tokio::test]
async fn every_error_under_the_base_path_is_the_documents_body() {
    let server = start().await;
    let unknown_path = server.get(&format!("{CASE_MESSAGES}/cases")).await;
    let message = assert_case_messages_error(&unknown_path, StatusCode::NOT_FOUND);
    assert!(
        message.contains("docs/backends/case-messages.md"),
        "{message}"
    );
    let wrong_method = server.get(CREATE).await;
    assert_case_messages_error(&wrong_method, StatusCode::METHOD_NOT_ALLOWED);
    assert!(wrong_method.headers.contains_key("allow"));
    let not_json = server
        .send(server.client.post(server.url(CREATE)).body("guid=x"))
        .await;
    assert_case_messages_error(&not_json, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let malformed = server
        .send(
            server
                .client
                .post(server.url(CONFIRM))
                .header("content-type", "application/json")
                .body("[4377,"),
        )
        .await;
    let message = assert_case_messages_error(&malformed, StatusCode::BAD_REQUEST);
    assert!(
        message.starts_with("\"value\" is not valid JSON"),
        "{message}"
    );
    let too_large = server
        .send(
            server
                .client
                .post(server.url(CREATE))
                .header("content-type", "application/json")
                .body(format!("{{\"content\": \"{}\"}}", "x".repeat(1_100_000))),
        )
        .await;
    assert_case_messages_error(&too_large, StatusCode::PAYLOAD_TOO_LARGE);
    // Switchboard's own `/api` keeps its body beside this API.
    let own = server.get("/api/nothing-here").await;
    assert_eq!(own.body["name"], "NOT_FOUND", "{}", own.text);
}

#[tokio::test]
async fn nothing_answers_without_a_session() {
    let server = start().await;
    let requests = [
        server
            .anonymous
            .post(server.url(CREATE))
            .json(&json!({"guid": CASE_GUID, "type": "reminder"})),
        server
            .anonymous
            .get(server.url(&format!("{CASE_MESSAGES}/case-messages?guid={CASE_GUID}"))),
        server
            .anonymous
            .post(server.url(CONFIRM))
            .json(&json!([FIRST_MESSAGE_ID])),
        server
            .anonymous
            .get(server.url(&format!("{CASE_MESSAGES}/cases"))),
    ];
    for request in requests {
        let reply = server.send(request).await;
        let message = assert_case_messages_error(&reply, StatusCode::UNAUTHORIZED);
        assert!(message.contains("Sign in"), "{message}");
    }
    assert_eq!(server.messages(CASE_GUID).await.len(), CASE_MESSAGE_COUNT);
    assert!(server.messages(CASE_GUID).await.last().unwrap()["confirmedAt"].is_null());
}

// ---- followed cases -----------------------------------------------------------------------

#[tokio::test]
async fn the_teams_cases_are_followed_and_a_written_one_joins_them() {
    let server = start().await;
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
    let listed = followed(server.get("/api/follows/case-messages").await);
    assert_eq!(listed.len(), FOLLOWED_CASE_COUNT);
    assert!(listed.contains(&CASE_GUID.to_owned()));
    assert!(listed.contains(&EMPTY_CASE_GUID.to_owned()));
    assert!(
        !listed.contains(&FOREIGN_CASE_GUID.to_owned()),
        "another partner's"
    );

    // An agent stops following a case; writing to it follows it again, by the server.
    let path = format!("/api/follows/case-messages/{CASE_GUID}");
    let stop = server.send(server.client.delete(server.url(&path))).await;
    assert_eq!(stop.status, StatusCode::NO_CONTENT);
    assert_eq!(
        followed(server.get("/api/follows/case-messages").await).len(),
        FOLLOWED_CASE_COUNT - 1
    );
    let created = server
        .create(json!({"guid": CASE_GUID, "type": "statusRequest"}))
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let reply = server.get("/api/follows/case-messages").await;
    assert_eq!(reply.body[0]["itemId"], CASE_GUID, "{}", reply.text);
    assert_eq!(reply.body[0]["addedBy"], Value::Null);
}
