//! Saved replies (`/api/saved-replies`, `docs/saved-replies.md`): admins keep the team's,
//! each agent their own; nobody sees or changes a colleague's personal ones; every change
//! is kept with who and when; an edit made on an old revision is refused, never lost in
//! silence; a reply that names a variable no conversation fills is refused.

use crate::common::{signed_in_as, start, TestServer, AGENT_ID};
use reqwest::StatusCode;
use serde_json::{json, Value};

const JAVIER: &str = "javier.ortega@switchboard.example";
const FIRST: &str = "0b6f1f0e-3a53-4c1e-9a55-6a0c8a1e2f01";
const SECOND: &str = "0b6f1f0e-3a53-4c1e-9a55-6a0c8a1e2f02";

fn path(id: &str) -> String {
    format!("/api/saved-replies/{id}")
}

fn edit(title: &str, personal: bool, revision: Option<i64>) -> Value {
    json!({
        "title": title,
        "personal": personal,
        "texts": [
            { "lang": "fr", "body": "Bonjour {{customer_name}}, commande {{reference}}." },
            { "lang": "en", "body": "Hello {{customer_name}}, order {{reference}}." }
        ],
        "revision": revision,
    })
}

async fn put_as(
    server: &TestServer,
    client: &reqwest::Client,
    id: &str,
    body: Value,
) -> crate::common::Reply {
    server
        .send(client.put(server.url(&path(id))).json(&body))
        .await
}

async fn get_as(server: &TestServer, client: &reqwest::Client, path: &str) -> crate::common::Reply {
    server.send(client.get(server.url(path))).await
}

#[tokio::test]
async fn an_admin_keeps_the_teams_replies_and_every_change_with_who_and_when() {
    let server = start().await;
    let created = server
        .put(&path(FIRST), edit(" Refund ", false, None))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["title"], "Refund", "trimmed");
    assert_eq!(created.body["owner"], Value::Null, "the team's");
    assert_eq!(created.body["revision"], 1);
    assert_eq!(
        created.body["texts"][0]["lang"], "en",
        "languages in the product's order"
    );
    assert_eq!(created.body["updatedBy"], AGENT_ID);

    let again = server.put(&path(FIRST), edit("Refund", false, None)).await;
    assert_eq!(
        again.status,
        StatusCode::OK,
        "a retry keeps it once: {}",
        again.text
    );
    assert_eq!(again.body["revision"], 1);

    let changed = server
        .put(&path(FIRST), edit("Refund sent", false, Some(1)))
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["revision"], 2);
    let late = server
        .put(&path(FIRST), edit("Refund (late edit)", false, Some(1)))
        .await;
    assert_eq!(
        late.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        late.text
    );

    let mut retire = edit("Refund sent", false, Some(2));
    retire["retired"] = json!(true);
    let retired = server.put(&path(FIRST), retire).await;
    assert_eq!(retired.body["retired"], true, "{}", retired.text);

    let history = server.get(&format!("{}/history", path(FIRST))).await;
    assert_eq!(history.status, StatusCode::OK, "{}", history.text);
    let revisions: Vec<(i64, String, bool)> = history
        .body
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| {
            assert_eq!(c["changedBy"], AGENT_ID);
            assert!(c["changedAt"].is_string());
            (
                c["revision"].as_i64().unwrap_or_default(),
                c["title"].as_str().unwrap_or_default().to_owned(),
                c["retired"].as_bool().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        revisions,
        [
            (3, "Refund sent".to_owned(), true),
            (2, "Refund sent".to_owned(), false),
            (1, "Refund".to_owned(), false)
        ]
    );
    let listed = server.get("/api/saved-replies").await;
    let mine = listed
        .body
        .as_array()
        .and_then(|all| all.iter().find(|r| r["id"] == FIRST))
        .cloned();
    assert_eq!(
        mine.map(|r| r["retired"].clone()),
        Some(json!(true)),
        "retired, still listed"
    );
}

#[tokio::test]
async fn an_agent_keeps_personal_replies_that_nobody_else_sees_or_changes() {
    let server = start().await;
    let javier = signed_in_as(&server, JAVIER).await;
    let team = put_as(&server, &javier, FIRST, edit("Team reply", false, None)).await;
    assert_eq!(team.status, StatusCode::FORBIDDEN, "{}", team.text);
    let own = put_as(&server, &javier, SECOND, edit("My greeting", true, None)).await;
    assert_eq!(own.status, StatusCode::CREATED, "{}", own.text);
    assert_eq!(own.body["owner"], "agent-javier");
    let his_list = get_as(&server, &javier, "/api/saved-replies").await;
    assert!(his_list.text.contains("My greeting"), "{}", his_list.text);
    assert!(
        his_list.text.contains("Refund on its way"),
        "the team's demo replies too"
    );

    // Camille is an admin, and still cannot see or change Javier's own reply.
    let listed = server.get("/api/saved-replies").await;
    assert!(!listed.text.contains("My greeting"), "{}", listed.text);
    assert_eq!(
        server.get(&path(SECOND)).await.status,
        StatusCode::NOT_FOUND
    );
    let history = server.get(&format!("{}/history", path(SECOND))).await;
    assert_eq!(history.status, StatusCode::NOT_FOUND);
    let takeover = server
        .put(&path(SECOND), edit("Mine now", true, Some(1)))
        .await;
    assert_eq!(takeover.status, StatusCode::NOT_FOUND, "{}", takeover.text);

    let shared = put_as(
        &server,
        &javier,
        SECOND,
        edit("My greeting", false, Some(1)),
    )
    .await;
    assert_eq!(
        shared.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        shared.text
    );
    let renamed = put_as(&server, &javier, SECOND, edit("Greeting", true, Some(1))).await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    assert_eq!(renamed.body["revision"], 2);

    let seeded = his_list
        .body
        .as_array()
        .and_then(|all| all.iter().find(|r| r["owner"].is_null()))
        .and_then(|r| r["id"].as_str())
        .map(str::to_owned)
        .expect("a team reply");
    let edit_team = put_as(&server, &javier, &seeded, edit("Changed", false, Some(1))).await;
    assert_eq!(
        edit_team.status,
        StatusCode::FORBIDDEN,
        "{}",
        edit_team.text
    );
}

#[tokio::test]
async fn a_reply_with_an_unknown_variable_or_no_title_is_refused_with_every_problem() {
    let server = start().await;
    let bad = json!({
        "title": "  ",
        "texts": [
            { "lang": "en", "body": "Dear {{customer_nmae}}" },
            { "lang": "en", "body": "Twice" },
            { "lang": "es", "body": "   " }
        ]
    });
    let refused = server.put(&path(FIRST), bad).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.text);
    let fields: Vec<&str> = refused.body["details"]
        .as_array()
        .expect("details")
        .iter()
        .filter_map(|p| p["field"].as_str())
        .collect();
    assert_eq!(fields, ["title", "texts.en", "texts.en", "texts.es"]);
    assert!(
        refused.text.contains("customer_name"),
        "the known ones are named: {}",
        refused.text
    );
    assert_eq!(
        server.get(&path(FIRST)).await.status,
        StatusCode::NOT_FOUND,
        "nothing kept"
    );
    let no_uuid = server
        .put(&path("not-a-uuid"), edit("Title", false, None))
        .await;
    assert_eq!(no_uuid.status, StatusCode::BAD_REQUEST, "{}", no_uuid.text);
}

#[tokio::test]
async fn nobody_without_a_session_reads_or_writes_saved_replies() {
    let server = start().await;
    let read = get_as(&server, &server.anonymous, "/api/saved-replies").await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
    let write = put_as(
        &server,
        &server.anonymous,
        FIRST,
        edit("Sneaky", false, None),
    )
    .await;
    assert_eq!(write.status, StatusCode::UNAUTHORIZED);
}
