//! The server over real HTTP: each test starts its own `serve()` on 127.0.0.1:0 with a
//! fresh SQLite file (so with the demo seed), and speaks to it with reqwest (the harness
//! is in `common`).

use crate::common::{start, start_with_dist, Reply, TestServer, API};
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_SECURITY_POLICY, CONTENT_TYPE, VARY,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use switchboard_server::precompress::{precompress, Encoding};

/// The documented error body, with `debug_id` equal to the response's correlation id, and
/// the fields its details name.
fn assert_error(reply: &Reply, status: StatusCode, name: &str) -> Vec<String> {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(
        reply.headers[CONTENT_TYPE], "application/json",
        "{}",
        reply.text
    );
    let body = &reply.body;
    assert_eq!(body["name"], name, "{}", reply.text);
    let correlation = reply.headers["x-correlation-id"].to_str().unwrap();
    assert_eq!(body["debug_id"], correlation);
    assert!(!body["message"].as_str().unwrap().is_empty());
    // Each API's own notes: the communication API's, or the index for Switchboard's `/api`.
    let link = body["information_link"].as_str().unwrap();
    let repository = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    assert!(link.starts_with("docs/backends/"), "{link}");
    assert!(repository.join(link).is_file(), "{link} exists");
    let details = body["details"].as_array().expect("details is a list");
    details
        .iter()
        .map(|detail| {
            let location = detail["location"].as_str().unwrap();
            assert!(["body", "query", "path"].contains(&location), "{detail}");
            assert!(!detail["issue"].as_str().unwrap().is_empty(), "{detail}");
            assert!(detail["value"].is_string(), "{detail}");
            detail["field"].as_str().unwrap().to_owned()
        })
        .collect()
}

fn ids(page: &Value) -> Vec<String> {
    page["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

// ---- discovery ----------------------------------------------------------------------------

#[tokio::test]
async fn discovery_lists_the_backend_and_the_seeded_agents() {
    let server = start().await;
    let backends = server.get("/api/backends").await;
    assert_eq!(backends.status, StatusCode::OK);
    assert_eq!(
        backends.body,
        json!([
            {"kind": "communication", "name": "communication", "label": "Communication", "basePath": "/communication/v1", "pushed": true},
            {"kind": "octopia", "name": "octopia", "label": "Octopia", "basePath": "/octopia/v2", "pushed": true},
            {"kind": "case-messages", "name": "case-messages", "label": "Case messages", "basePath": "/api/v3", "pushed": true},
            {"kind": "support-sessions", "name": "support-sessions", "label": "Support sessions", "basePath": "/support-management/v1", "pushed": true},
            {"kind": "postcenter", "name": "postcenter", "label": "PostCenter", "basePath": "/postcenter", "pushed": true}
        ])
    );
    let agents = server.get("/api/agents").await;
    assert_eq!(agents.status, StatusCode::OK);
    let agents = agents.body.as_array().unwrap();
    assert_eq!(agents.len(), 5);
    assert!(agents
        .iter()
        .any(|a| a["id"] == "agent-camille" && a["name"] == "Camille Laurent"));
    assert!(agents
        .iter()
        .all(|a| a["email"].as_str().unwrap().contains('@')));
}

#[tokio::test]
async fn the_seed_gives_a_lived_in_inbox() {
    let server = start().await;
    let page = server
        .get(&format!("{API}/conversations?sizePage=100"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let content = page.body["content"].as_array().unwrap();
    assert!(content.len() >= 30, "{} conversations", content.len());
    for status in ["OPEN", "CLOSED", "ARCHIVED"] {
        assert!(content.iter().any(|c| c["status"] == status), "{status}");
    }
    let agents: std::collections::HashSet<_> = content
        .iter()
        .filter_map(|c| c["assignedAgentId"].as_str())
        .collect();
    assert!(agents.len() >= 3, "{agents:?}");
    assert!(content.iter().any(|c| c["assignedAgentId"].is_null()));
    assert!(content
        .iter()
        .all(|c| c["lastMessage"]["content"].is_string()));
    assert!(
        content.iter().all(|c| c.get("links").is_none()),
        "lists carry no links"
    );

    let contacts = server.get(&format!("{API}/contact-us")).await;
    assert_eq!(contacts.status, StatusCode::OK);
    assert!(contacts.body["totalElements"].as_u64().unwrap() >= 2);
}

// ---- paging, filters, order ---------------------------------------------------------------

#[tokio::test]
async fn conversation_pages_are_bounded_as_documented() {
    let server = start().await;
    let server = &server;
    let list = |query: &'static str| {
        let path = format!("{API}/conversations?{query}");
        async move { server.get(&path).await }
    };

    for (query, field) in [
        ("sizePage=2", "sizePage"),
        ("sizePage=101", "sizePage"),
        ("sizePage=abc", "sizePage"),
        ("currentPage=0", "currentPage"),
        ("currentPage=-1", "currentPage"),
        ("currentPage=1.5", "currentPage"),
    ] {
        let reply = list(query).await;
        let fields = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
        assert_eq!(fields, [field], "{query}");
        assert_eq!(reply.body["details"][0]["location"], "query");
    }
    let reply = list("sizePage=abc").await;
    assert_eq!(reply.body["details"][0]["value"], "abc");

    let first = list("sizePage=3").await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body["currentPage"], 1);
    assert_eq!(first.body["content"].as_array().unwrap().len(), 3);
    let total = first.body["totalElements"].as_u64().unwrap();
    assert_eq!(
        first.body["totalPages"].as_u64().unwrap(),
        total.div_ceil(3)
    );

    let second = list("sizePage=3&currentPage=2").await;
    assert_eq!(second.body["currentPage"], 2);
    let (first_ids, second_ids) = (ids(&first.body), ids(&second.body));
    assert!(first_ids.iter().all(|id| !second_ids.contains(id)));

    let default_size = list("").await;
    assert_eq!(default_size.body["content"].as_array().unwrap().len(), 20);

    let past_the_end = list("currentPage=999").await;
    assert_eq!(past_the_end.status, StatusCode::OK);
    assert!(past_the_end.body["content"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn message_pages_count_from_zero() {
    let server = start().await;
    let conversation = server.create_conversation("paging@example.com").await;
    let id = conversation["id"].as_str().unwrap();
    for text in ["one", "two", "three"] {
        let reply = server
            .post(
                &format!("{API}/conversations/{id}/messages"),
                json!({"content": text}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
    let page = server
        .get(&format!(
            "{API}/conversations/{id}/messages?currentPage=0&sizePage=1"
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert_eq!(page.body["currentPage"], 0);
    assert_eq!(page.body["totalElements"], 3);
    assert_eq!(page.body["totalPages"], 3);
    assert_eq!(page.body["content"][0]["content"], "three");

    let older = server
        .get(&format!(
            "{API}/conversations/{id}/messages?currentPage=2&sizePage=1"
        ))
        .await;
    assert_eq!(older.body["content"][0]["content"], "one");

    let reply = server
        .get(&format!("{API}/conversations/{id}/messages?sizePage=0"))
        .await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["sizePage"]
    );
    let reply = server
        .get(&format!("{API}/conversations/{id}/messages?currentPage=-1"))
        .await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["currentPage"]
    );
    let reply = server
        .get(&format!("{API}/conversations/nope/messages"))
        .await;
    assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
}

#[tokio::test]
async fn conversations_filter_by_status_agent_and_customer() {
    let server = start().await;
    for status in ["OPEN", "CLOSED", "ARCHIVED"] {
        let page = server
            .get(&format!("{API}/conversations?status={status}&sizePage=100"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let content = page.body["content"].as_array().unwrap();
        assert!(!content.is_empty(), "{status}");
        assert!(content.iter().all(|c| c["status"] == status));
        assert_eq!(
            page.body["totalElements"].as_u64().unwrap(),
            content.len() as u64
        );
    }

    let mine = server
        .get(&format!(
            "{API}/conversations?assignedAgentId=agent-aisha&sizePage=100"
        ))
        .await;
    let content = mine.body["content"].as_array().unwrap();
    assert!(!content.is_empty());
    assert!(content
        .iter()
        .all(|c| c["assignedAgentId"] == "agent-aisha"));

    let customer = server.create_conversation("filter.me@example.org").await;
    let theirs = server
        .get(&format!(
            "{API}/conversations?customerId=filter.me@example.org"
        ))
        .await;
    assert_eq!(ids(&theirs.body), [customer["id"].as_str().unwrap()]);

    let both = server
        .get(&format!(
            "{API}/conversations?customerId=filter.me@example.org&status=CLOSED"
        ))
        .await;
    assert_eq!(both.body["totalElements"], 0);

    let reply = server
        .get(&format!("{API}/conversations?status=PENDING"))
        .await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["status"]
    );
}

#[tokio::test]
async fn conversations_come_newest_activity_first() {
    let server = start().await;
    let page = server
        .get(&format!("{API}/conversations?sizePage=100"))
        .await;
    let activity: Vec<&str> = page.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["lastMessage"]["sendingDate"].as_str().unwrap())
        .collect();
    let mut sorted = activity.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(activity, sorted);
}

// ---- conversations ------------------------------------------------------------------------

#[tokio::test]
async fn an_unknown_conversation_is_a_documented_404() {
    let server = start().await;
    let reply = server
        .get(&format!("{API}/conversations/does-not-exist"))
        .await;
    let fields = assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
    assert_eq!(fields, ["conversation-id"]);
    assert_eq!(reply.body["details"][0]["location"], "path");
    assert_eq!(reply.body["details"][0]["value"], "does-not-exist");

    let too_long = "x".repeat(101);
    let reply = server.get(&format!("{API}/conversations/{too_long}")).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
}

#[tokio::test]
async fn creating_a_conversation_names_each_missing_field() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/conversations"),
            json!({"assignedAgentId": null}),
        )
        .await;
    let fields = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(
        fields,
        [
            "tripPublicationId",
            "tripReference",
            "establishmentId",
            "customerId"
        ]
    );

    let reply = server
        .post(
            &format!("{API}/conversations"),
            json!({"tripPublicationId": "p", "tripReference": 42, "establishmentId": "e", "customerId": "c"}),
        )
        .await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["tripReference"]
    );
}

#[tokio::test]
async fn creating_a_conversation_refuses_an_unknown_status() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/conversations"),
            json!({"tripPublicationId": "p", "tripReference": "r", "establishmentId": "e",
                   "customerId": "c", "status": "PENDING"}),
        )
        .await;
    let fields = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(fields, ["status"]);
    assert_eq!(reply.body["details"][0]["value"], "PENDING");
}

#[tokio::test]
async fn a_created_conversation_can_be_read_back_with_links() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/conversations"),
            json!({"tripPublicationId": "pub-1", "tripReference": "TRIP-2026-0412",
                   "establishmentId": "est-casa-azul", "customerId": "new@example.com",
                   "assignedAgentId": "agent-ingrid",
                   "lastMessage": {"content": "Hola, ¿hay cuna disponible?", "transmitterType": "CUSTOMER"}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let id = reply.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        reply.headers["location"],
        format!("{API}/conversations/{id}").as_str()
    );
    assert_eq!(reply.body["status"], "OPEN");
    assert_eq!(
        reply.body["lastMessage"]["content"],
        "Hola, ¿hay cuna disponible?"
    );
    assert_eq!(reply.body["lastMessage"]["status"], "SENT");
    let participants = reply.body["participants"].as_array().unwrap();
    assert!(participants.contains(&json!("new@example.com")));
    assert!(participants.contains(&json!("agent-ingrid")));

    let read = server.get(&format!("{API}/conversations/{id}")).await;
    assert_eq!(read.status, StatusCode::OK);
    let links = read.body["links"].as_array().unwrap();
    let link = |rel: &str| {
        links
            .iter()
            .find(|l| l["rel"] == rel)
            .unwrap_or_else(|| panic!("a {rel} link"))
    };
    assert_eq!(link("self")["href"], format!("/conversations/{id}"));
    assert_eq!(
        link("messages")["href"],
        format!("/conversations/{id}/messages")
    );
    assert_eq!(link("assign")["method"], "PUT");
    assert_eq!(
        link("assign")["href"],
        format!("/conversations/{id}/assigned-agent")
    );
}

#[tokio::test]
async fn updating_a_conversation_changes_its_status_and_can_unassign() {
    let server = start().await;
    let mut conversation = server.create_conversation("update@example.com").await;
    let id = conversation["id"].as_str().unwrap().to_owned();
    let path = format!("{API}/conversations/{id}");

    conversation["status"] = json!("CLOSED");
    conversation["assignedAgentId"] = json!("agent-javier");
    let reply = server.put(&path, conversation.clone()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["status"], "CLOSED");
    assert_eq!(reply.body["assignedAgentId"], "agent-javier");
    assert_eq!(server.get(&path).await.body["status"], "CLOSED");

    conversation["assignedAgentId"] = Value::Null;
    let reply = server.put(&path, conversation.clone()).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body["assignedAgentId"].is_null());

    conversation["status"] = json!("SNOOZED");
    let reply = server.put(&path, conversation.clone()).await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["status"]
    );

    let reply = server
        .put(&format!("{API}/conversations/missing"), {
            let mut other = conversation.clone();
            other["status"] = json!("OPEN");
            other.as_object_mut().unwrap().remove("id");
            other
        })
        .await;
    assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
}

#[tokio::test]
async fn assigning_accepts_known_agents_only() {
    let server = start().await;
    let conversation = server.create_conversation("assign@example.com").await;
    let id = conversation["id"].as_str().unwrap();
    let path = format!("{API}/conversations/{id}/assigned-agent");

    let reply = server
        .put(&path, json!({"assignedAgentId": "agent-tomas"}))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["assignedAgentId"], "agent-tomas");
    assert!(reply.body["participants"]
        .as_array()
        .unwrap()
        .contains(&json!("agent-tomas")));

    let reply = server
        .put(&path, json!({"assignedAgentId": "agent-nobody"}))
        .await;
    let fields = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(fields, ["assignedAgentId"]);
    assert_eq!(reply.body["details"][0]["location"], "body");

    let reply = server.put(&path, json!({"assignedAgentId": null})).await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["assignedAgentId"]
    );
    let still = server.get(&format!("{API}/conversations/{id}")).await;
    assert_eq!(still.body["assignedAgentId"], "agent-tomas");

    let reply = server
        .put(
            &format!("{API}/conversations/missing/assigned-agent"),
            json!({"assignedAgentId": "agent-tomas"}),
        )
        .await;
    assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
}

#[tokio::test]
async fn an_added_message_becomes_the_last_and_moves_the_conversation_up() {
    let server = start().await;
    let page = server
        .get(&format!("{API}/conversations?sizePage=100"))
        .await;
    let oldest = page.body["content"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    let id = oldest["id"].as_str().unwrap();

    let content = "<b>Merci</b> — we'll sort it out today 🙂";
    let reply = server
        .post(
            &format!("{API}/conversations/{id}/messages"),
            json!({"content": content, "transmitterId": "agent-aisha"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let message = reply.body;
    assert_eq!(message["conversationId"], id);
    assert_eq!(message["transmitterType"], "AGENT");
    assert_eq!(message["contentType"], "TEXT");
    assert_eq!(message["status"], "SENT");
    assert!(message["sendingDate"].as_str().unwrap().ends_with('Z'));

    let read = server.get(&format!("{API}/conversations/{id}")).await;
    assert_eq!(read.body["lastMessage"]["id"], message["id"]);
    assert_eq!(read.body["lastMessage"]["content"], content);

    let messages = server
        .get(&format!("{API}/conversations/{id}/messages?currentPage=0"))
        .await;
    assert_eq!(messages.body["content"][0]["id"], message["id"]);

    let top = server.get(&format!("{API}/conversations?sizePage=3")).await;
    assert_eq!(top.body["content"][0]["id"], id);
}

#[tokio::test]
async fn a_message_is_checked_before_it_is_stored() {
    let server = start().await;
    let conversation = server.create_conversation("checks@example.com").await;
    let id = conversation["id"].as_str().unwrap();
    let path = format!("{API}/conversations/{id}/messages");

    let reply = server.post(&path, json!({"content": "   "})).await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["content"]
    );
    let reply = server
        .post(&path, json!({"content": "x".repeat(5_001)}))
        .await;
    let fields = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(fields, ["content"]);
    assert!(
        reply.body["details"][0]["value"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            < 200
    );

    let reply = server
        .post(
            &path,
            json!({"content": "ok", "transmitterType": "ROBOT", "status": "LOST"}),
        )
        .await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["transmitterType", "status"]
    );

    let reply = server
        .post(
            &format!("{API}/conversations/missing/messages"),
            json!({"content": "hello"}),
        )
        .await;
    assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
}

// ---- contact-us ---------------------------------------------------------------------------

fn contact_form(mail: &str) -> Value {
    json!({
        "name": "Zoë Lambert",
        "mail": mail,
        "object": "Réservation RES-48211",
        "message": "Bonjour, je voudrais savoir si le petit-déjeuner est inclus.",
    })
}

#[tokio::test]
async fn a_first_contact_opens_a_conversation_for_the_mail() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/contact-us"),
            contact_form("zoe.lambert@example.fr"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let contact = reply.body;
    let contact_id = contact["id"].as_str().unwrap();
    let conversation_id = &server.conversation_of_contact(&contact).await;
    assert!(contact["sendingDate"].is_string());
    // The customer is given their private link, not support's own routes.
    let rels: Vec<&Value> = contact["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["rel"])
        .collect();
    assert_eq!(rels, [&json!("follow-up")]);

    let conversation = server
        .get(&format!("{API}/conversations/{conversation_id}"))
        .await;
    assert_eq!(conversation.status, StatusCode::OK);
    assert_eq!(conversation.body["customerId"], "zoe.lambert@example.fr");
    assert_eq!(conversation.body["status"], "OPEN");
    // One short reference: the customer's (the contact message's id) is the agent's.
    let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let code = contact_id.strip_prefix("C-").expect("a C- reference");
    assert_eq!(code.len(), 8, "{contact_id}");
    assert!(code.chars().all(|c| alphabet.contains(c)), "{contact_id}");
    assert_eq!(conversation.body["tripReference"], contact_id);
    assert_eq!(
        conversation.body["lastMessage"]["content"],
        "Réservation RES-48211\nBonjour, je voudrais savoir si le petit-déjeuner est inclus."
    );
    assert_eq!(
        conversation.body["lastMessage"]["transmitterType"],
        "CUSTOMER"
    );

    let read = server.get(&format!("{API}/contact-us/{contact_id}")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.body["mail"], "zoe.lambert@example.fr");

    let listed = server.get(&format!("{API}/contact-us?sizePage=3")).await;
    assert_eq!(listed.body["content"][0]["id"], contact_id, "newest first");

    let missing = server.get(&format!("{API}/contact-us/nope")).await;
    assert_eq!(
        assert_error(&missing, StatusCode::NOT_FOUND, "NOT_FOUND"),
        ["contact_id"]
    );
}

#[tokio::test]
async fn a_contact_naming_a_conversation_still_opens_a_new_one() {
    let server = start().await;
    let first = server
        .post(
            &format!("{API}/contact-us"),
            contact_form("again@example.com"),
        )
        .await;
    let conversation_id = server.conversation_of_contact(&first.body).await;
    let path = format!("{API}/conversations/{conversation_id}");

    let mut conversation = server.get(&path).await.body;
    conversation["status"] = json!("CLOSED");
    assert_eq!(server.put(&path, conversation).await.status, StatusCode::OK);

    // The public form may not post into a conversation, nor reopen it; any other field is
    // ignored too, even of the wrong type.
    let mut follow_up = contact_form("again@example.com");
    follow_up["conversationId"] = json!(conversation_id);
    follow_up["id"] = json!("chosen-id");
    follow_up["sendingDate"] = json!("2001-01-01T00:00:00Z");
    follow_up["transmitterId"] = json!("agent-1");
    follow_up["receiverId"] = json!(42);
    follow_up["message"] = json!("Je n'ai toujours pas de réponse, pouvez-vous regarder ?");
    let reply = server.post(&format!("{API}/contact-us"), follow_up).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let opened_id = server.conversation_of_contact(&reply.body).await;
    assert_ne!(opened_id, conversation_id);
    assert_ne!(reply.body["id"], "chosen-id");
    assert_ne!(reply.body["sendingDate"], "2001-01-01T00:00:00.000Z");
    assert!(reply.body.get("transmitterId").is_none(), "{}", reply.text);
    assert!(reply.body.get("receiverId").is_none(), "{}", reply.text);

    let untouched = server.get(&path).await;
    assert_eq!(untouched.body["status"], "CLOSED");
    let messages = server.get(&format!("{path}/messages")).await;
    assert_eq!(messages.body["totalElements"], 1);
    let new_path = format!("{API}/conversations/{opened_id}");
    let opened = server.get(&new_path).await;
    assert_eq!(opened.body["status"], "OPEN");
    assert_eq!(
        opened.body["lastMessage"]["transmitterId"],
        "again@example.com"
    );
}

#[tokio::test]
async fn the_contact_form_is_checked_like_the_browser_does() {
    let server = start().await;
    let reply = server
        .post(&format!("{API}/contact-us"), contact_form("not an address"))
        .await;
    let fields = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(fields, ["mail"]);
    assert!(reply.body["details"][0]["issue"]
        .as_str()
        .unwrap()
        .contains("not a valid email address"));

    let mut form = contact_form("ok@example.com");
    form.as_object_mut().unwrap().remove("object");
    let reply = server.post(&format!("{API}/contact-us"), form).await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["object"]
    );

    let reply = server.post(&format!("{API}/contact-us"), json!({})).await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["name", "mail", "object", "message"]
    );
}

// ---- mails --------------------------------------------------------------------------------

#[tokio::test]
async fn mails_are_checked_stored_and_read_back() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/mails"),
            json!({"receiversId": ["u-1"], "category": "BIRTHDAY_GREETINGS", "productType": "TRIP"}),
        )
        .await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["category"]
    );
    let reply = server
        .post(
            &format!("{API}/mails"),
            json!({"receiversId": [], "category": "TRIP_REMINDER_NOTIFICATION"}),
        )
        .await;
    assert_eq!(
        assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        ["receiversId"]
    );

    let reply = server
        .post(
            &format!("{API}/mails"),
            json!({"receiversId": ["u-1", "u-2"], "category": "TRIP_REMINDER_NOTIFICATION",
                   "productType": "HOTE", "reservationId": "RES-1", "establishmentId": "est-casa-azul"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let id = reply.body["id"].as_str().unwrap();
    assert!(reply.body["sendingDate"].is_string());

    let read = server.get(&format!("{API}/mails/{id}")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.body["receiversId"], json!(["u-1", "u-2"]));
    assert_eq!(read.body["category"], "TRIP_REMINDER_NOTIFICATION");
    assert_eq!(read.body["productType"], "HOTE");
    assert_eq!(read.body["links"][0]["href"], format!("/mails/{id}"));

    let missing = server.get(&format!("{API}/mails/nope")).await;
    assert_error(&missing, StatusCode::NOT_FOUND, "NOT_FOUND");
}

// ---- the error body for everything else ---------------------------------------------------

#[tokio::test]
async fn correlation_ids_are_echoed_or_generated() {
    let server = start().await;
    let echoed = server
        .send(
            server
                .client
                .get(server.url("/api/agents"))
                .header("X-Correlation-ID", "trace-42"),
        )
        .await;
    assert_eq!(echoed.headers["x-correlation-id"], "trace-42");

    let generated = server.get("/api/agents").await;
    let id = generated.headers["x-correlation-id"].to_str().unwrap();
    let parsed = uuid::Uuid::parse_str(id).expect("a UUID");
    assert_eq!(parsed.get_version_num(), 4, "{id}");

    let failed = server
        .send(
            server
                .client
                .get(server.url(&format!("{API}/conversations/missing")))
                .header("X-Correlation-ID", "trace-43"),
        )
        .await;
    assert_eq!(failed.body["debug_id"], "trace-43");
}

#[tokio::test]
async fn malformed_json_is_a_documented_400() {
    let server = start().await;
    let reply = server
        .send(
            server
                .client
                .post(server.url(&format!("{API}/conversations")))
                .header(CONTENT_TYPE, "application/json")
                .body("{\"tripReference\": "),
        )
        .await;
    let fields = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(fields, ["body"]);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_documented_415() {
    let server = start().await;
    let reply = server
        .send(
            server
                .client
                .post(server.url(&format!("{API}/contact-us")))
                .header(CONTENT_TYPE, "text/plain")
                .body("name=Zoë"),
        )
        .await;
    assert_error(
        &reply,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
    );
}

#[tokio::test]
async fn a_huge_body_is_a_documented_413() {
    let server = start().await;
    let huge = json!({"content": "x".repeat(1024 * 1024 + 64 * 1024)});
    let conversation = server.create_conversation("huge@example.com").await;
    let id = conversation["id"].as_str().unwrap();
    let reply = server
        .post(&format!("{API}/conversations/{id}/messages"), huge)
        .await;
    assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn unknown_routes_and_methods_are_documented_errors() {
    let server = start().await;
    for path in [
        format!("{API}/nothing-here"),
        API.to_owned(),
        format!("{API}/conversations/x/y/z"),
        "/api/unknown".to_owned(),
    ] {
        let reply = server.get(&path).await;
        assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
    }
    let reply = server
        .send(
            server
                .client
                .request(Method::DELETE, server.url(&format!("{API}/conversations"))),
        )
        .await;
    assert_error(&reply, StatusCode::METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED");
    assert!(reply.headers.contains_key("allow"));
}

#[tokio::test]
async fn each_api_links_its_own_notes() {
    let server = start().await;
    let ours = server.get("/api/unknown").await;
    assert_eq!(ours.body["information_link"], "docs/backends/README.md");
    let communication = server.get(&format!("{API}/unknown")).await;
    assert_eq!(
        communication.body["information_link"],
        "docs/backends/communication.md"
    );
}

// ---- the console and the browser ----------------------------------------------------------

#[tokio::test]
async fn client_routes_fall_back_to_the_built_console() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<html>switchboard app</html>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app.js"), "console.log('hi')").unwrap();
    let server = start_with_dist(Some(dist.path().to_owned())).await;

    for path in ["/", "/conversations/communication/abc", "/contact"] {
        let reply = server.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.text, "<html>switchboard app</html>", "{path}");
    }
    let asset = server.get("/app.js").await;
    assert_eq!(asset.text, "console.log('hi')");
    // The API keeps its own 404 even with a console to fall back on.
    let reply = server.get(&format!("{API}/nothing")).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
}

#[tokio::test]
async fn without_a_build_the_root_says_how_to_make_one() {
    let server = start().await;
    let reply = server.get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.text.contains("not built"), "{}", reply.text);
    assert!(reply.text.contains("trunk build"), "{}", reply.text);
}

// ---- the console's files: compressed copies and caching ------------------------------------

const WASM: &str = "/switchboard-1a2b3c4d5e6f7a8b_bg.wasm";
const JS: &str = "/switchboard-1a2b3c4d5e6f7a8b.js";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `len` bytes that compress well, as a build's files do.
fn compressible(len: usize) -> Vec<u8> {
    b"(func $switchboard (param i32) (result i32) local.get 0) "
        .iter()
        .copied()
        .cycle()
        .take(len)
        .collect()
}

/// `path` of the console, asking for `accept_encoding` (none: no `Accept-Encoding` at all).
async fn get_encoded(server: &TestServer, path: &str, accept_encoding: Option<&str>) -> Reply {
    let mut request = server.client.get(server.url(path));
    if let Some(accept) = accept_encoding {
        request = request.header(ACCEPT_ENCODING, accept);
    }
    server.send(request).await
}

fn header(reply: &Reply, name: reqwest::header::HeaderName) -> Option<&str> {
    reply.headers.get(name).map(|value| value.to_str().unwrap())
}

fn varies_by_encoding(reply: &Reply) -> bool {
    reply
        .headers
        .get_all(VARY)
        .iter()
        .flat_map(|value| value.to_str().unwrap().split(','))
        .any(|name| name.trim().eq_ignore_ascii_case("accept-encoding"))
}

#[tokio::test]
async fn hashed_files_go_compressed_and_are_kept_for_a_year() {
    let dist = tempfile::tempdir().unwrap();
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend(compressible(40_000));
    let js = compressible(5_000);
    std::fs::write(
        dist.path().join("index.html"),
        "<html>switchboard app</html>",
    )
    .unwrap();
    std::fs::write(dist.path().join(&WASM[1..]), &wasm).unwrap();
    std::fs::write(dist.path().join(&JS[1..]), &js).unwrap();
    precompress(dist.path()).unwrap();
    let br_copy = std::fs::read(Encoding::Brotli.copy_of(&dist.path().join(&WASM[1..]))).unwrap();
    let server = start_with_dist(Some(dist.path().to_owned())).await;

    // Chromium's header, then brotli alone: the brotli copy, as the wasm it is.
    for accept in ["gzip, deflate, br, zstd", "br"] {
        let reply = get_encoded(&server, WASM, Some(accept)).await;
        assert_eq!(reply.status, StatusCode::OK, "{accept}");
        assert_eq!(header(&reply, CONTENT_ENCODING), Some("br"), "{accept}");
        assert_eq!(
            header(&reply, CONTENT_TYPE),
            Some("application/wasm"),
            "{accept}"
        );
        assert_eq!(header(&reply, CACHE_CONTROL), Some(IMMUTABLE), "{accept}");
        assert!(varies_by_encoding(&reply), "{accept}: {:?}", reply.headers);
        assert_eq!(reply.bytes, br_copy, "{accept}");
        let decoded = Encoding::Brotli
            .decompress(&reply.bytes[..], u64::MAX)
            .unwrap();
        assert_eq!(decoded, wasm, "{accept}");
    }

    let gzip = get_encoded(&server, WASM, Some("gzip")).await;
    assert_eq!(header(&gzip, CONTENT_ENCODING), Some("gzip"));
    assert_eq!(
        Encoding::Gzip
            .decompress(&gzip.bytes[..], u64::MAX)
            .unwrap(),
        wasm
    );
    assert_eq!(header(&gzip, CACHE_CONTROL), Some(IMMUTABLE));

    // A client that asks for nothing gets the file itself, cached all the same.
    let plain = get_encoded(&server, WASM, None).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(header(&plain, CONTENT_ENCODING), None);
    assert_eq!(header(&plain, CONTENT_TYPE), Some("application/wasm"));
    assert_eq!(header(&plain, CACHE_CONTROL), Some(IMMUTABLE));
    assert!(varies_by_encoding(&plain), "{:?}", plain.headers);
    assert_eq!(plain.bytes, wasm);
    let identity = get_encoded(&server, WASM, Some("identity")).await;
    assert_eq!(header(&identity, CONTENT_ENCODING), None);
    assert_eq!(identity.bytes, wasm);

    let script = get_encoded(&server, JS, Some("br")).await;
    assert_eq!(header(&script, CONTENT_ENCODING), Some("br"));
    assert!(
        header(&script, CONTENT_TYPE)
            .unwrap()
            .contains("javascript"),
        "{:?}",
        script.headers
    );
    assert_eq!(header(&script, CACHE_CONTROL), Some(IMMUTABLE));
    assert_eq!(
        Encoding::Brotli
            .decompress(&script.bytes[..], u64::MAX)
            .unwrap(),
        js
    );
}

#[tokio::test]
async fn the_page_and_other_files_are_revalidated_and_copies_are_optional() {
    let dist = tempfile::tempdir().unwrap();
    let page = "<html>switchboard app</html>".repeat(100);
    let app = compressible(3_000);
    let css = compressible(2_000);
    std::fs::write(dist.path().join("index.html"), &page).unwrap();
    std::fs::write(dist.path().join("app.js"), &app).unwrap();
    std::fs::write(dist.path().join("main-0123456789abcdef.css"), &css).unwrap();
    let server = start_with_dist(Some(dist.path().to_owned())).await;

    // Without copies (a `trunk serve` build), every file goes as it is, whatever is asked.
    let style = get_encoded(&server, "/main-0123456789abcdef.css", Some("br, gzip")).await;
    assert_eq!(style.status, StatusCode::OK);
    assert_eq!(header(&style, CONTENT_ENCODING), None);
    assert_eq!(header(&style, CACHE_CONTROL), Some(IMMUTABLE));
    assert!(header(&style, CONTENT_TYPE)
        .unwrap()
        .starts_with("text/css"));
    assert_eq!(style.bytes, css);
    let script = get_encoded(&server, "/app.js", Some("br, gzip")).await;
    assert_eq!(header(&script, CONTENT_ENCODING), None);
    assert_eq!(header(&script, CACHE_CONTROL), Some("no-cache"));
    assert_eq!(script.bytes, app);

    precompress(dist.path()).unwrap();
    assert!(Encoding::Brotli
        .copy_of(&dist.path().join("index.html"))
        .is_file());

    // An unhashed name may hold other bytes tomorrow: compressed, but revalidated.
    let script = get_encoded(&server, "/app.js", Some("br, gzip")).await;
    assert_eq!(header(&script, CONTENT_ENCODING), Some("br"));
    assert_eq!(header(&script, CACHE_CONTROL), Some("no-cache"));
    assert!(varies_by_encoding(&script));

    // The page, directly or for a client route, is always the page itself, revalidated:
    // as its copy to a client that accepts it, as it is to one that does not.
    for path in [
        "/",
        "/index.html",
        "/contact",
        "/conversations/communication/abc",
    ] {
        for accept in [None, Some("br")] {
            let reply = get_encoded(&server, path, accept).await;
            assert_eq!(reply.status, StatusCode::OK, "{path} {accept:?}");
            let sent = match accept {
                Some(_) => {
                    assert_eq!(header(&reply, CONTENT_ENCODING), Some("br"), "{path}");
                    let mut text = String::new();
                    std::io::Read::read_to_string(
                        &mut brotli::Decompressor::new(&reply.bytes[..], 4096),
                        &mut text,
                    )
                    .unwrap();
                    text
                }
                None => {
                    assert_eq!(header(&reply, CONTENT_ENCODING), None, "{path}");
                    reply.text.clone()
                }
            };
            assert_eq!(sent, page, "{path} {accept:?}");
            assert_eq!(
                header(&reply, CACHE_CONTROL),
                Some("no-cache"),
                "{path} {accept:?}"
            );
        }
    }
    // A missing hashed file is no exception to the fallback.
    let missing = get_encoded(&server, "/switchboard-ffffffffffffffff.js", None).await;
    assert_eq!(missing.status, StatusCode::OK);
    assert_eq!(missing.text, page);
    assert_eq!(header(&missing, CACHE_CONTROL), Some("no-cache"));

    // Once the contact page's own entry is built, /contact is that page, with a policy for
    // its own inline script; the console's routes keep the console.
    let contact = "<html><script type=\"module\">import init from '/contact-0123456789abcdef.js';</script></html>";
    std::fs::write(dist.path().join("contact.html"), contact).unwrap();
    for path in ["/contact", "/contact/"] {
        let reply = get_encoded(&server, path, Some("br")).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.text, contact, "{path}");
        assert_eq!(header(&reply, CACHE_CONTROL), Some("no-cache"));
        let policy = header(&reply, CONTENT_SECURITY_POLICY).expect("a policy");
        assert!(policy.contains("'sha256-"), "{policy}");
    }
    let console = get_encoded(&server, "/contact/follow-up", None).await;
    assert_eq!(
        console.text, page,
        "the follow-up page is the console's route"
    );
}
