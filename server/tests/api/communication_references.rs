//! What a contact reference lets customer and agent do, over real HTTP: the customer's
//! reference is the agent's `tripReference`, the conversation list finds it in any case
//! (`?tripReference=`, with the other filters and paging), and the name the customer typed
//! comes with the conversation (`customerName`).

use crate::common::{start, Reply, API};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn contact_form(name: &str, mail: &str) -> Value {
    json!({
        "name": name,
        "mail": mail,
        "object": "Ma réservation",
        "message": "Bonjour, je n'ai pas reçu ma confirmation de réservation.",
    })
}

fn ids(page: &Value) -> Vec<String> {
    page["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The fields a documented 400 names.
fn refused_fields(reply: &Reply) -> Vec<(String, String)> {
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    assert_eq!(reply.body["name"], "INVALID_REQUEST", "{}", reply.text);
    reply.body["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["field"].as_str().unwrap().to_owned(),
                d["location"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_agent_finds_the_conversation_from_the_customers_reference() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/contact-us"),
            contact_form("Zoë Lambert", "zoe@example.fr"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let reference = reply.body["id"].as_str().unwrap().to_owned();
    let conversation_id = server.conversation_of_contact(&reply.body).await;

    // As typed by the agent: lower case, with stray spaces.
    let typed = format!(" {} ", reference.to_lowercase());
    let list = |query: String| {
        let server = &server;
        async move { server.get(&format!("{API}/conversations?{query}")).await }
    };
    let found = list(format!("tripReference={}", typed.replace(' ', "%20"))).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.text);
    assert_eq!(ids(&found.body), [conversation_id.as_str()]);
    assert_eq!(found.body["totalElements"], 1);
    assert_eq!(found.body["content"][0]["tripReference"], reference);

    // With the other filters and paging.
    let open = list(format!(
        "tripReference={reference}&status=OPEN&customerId=zoe@example.fr&establishmentId=contact-us"
    ))
    .await;
    assert_eq!(ids(&open.body), [conversation_id.as_str()]);
    let closed = list(format!("tripReference={reference}&status=CLOSED")).await;
    assert_eq!(closed.body["totalElements"], 0);
    let other_customer = list(format!("tripReference={reference}&customerId=x@example.fr")).await;
    assert!(ids(&other_customer.body).is_empty());
    let second_page = list(format!(
        "tripReference={reference}&sizePage=3&currentPage=2"
    ))
    .await;
    assert_eq!(second_page.body["totalElements"], 1);
    assert!(ids(&second_page.body).is_empty());

    // Exact: a prefix finds nothing.
    let prefix = list(format!("tripReference={}", &reference[..6])).await;
    assert_eq!(prefix.body["totalElements"], 0);
}

#[tokio::test]
async fn the_seeded_contacts_are_found_by_their_reference() {
    let server = start().await;
    let found = server
        .get(&format!("{API}/conversations?tripReference=c-4qk7m2xd"))
        .await;
    assert_eq!(found.body["totalElements"], 1, "{}", found.text);
    let conversation = &found.body["content"][0];
    assert_eq!(conversation["tripReference"], "C-4QK7M2XD");
    assert_eq!(conversation["customerId"], "ines.bouchard@gmail.com");
    let contact = server.get(&format!("{API}/contact-us/C-4QK7M2XD")).await;
    assert_eq!(contact.status, StatusCode::OK, "{}", contact.text);
    assert_eq!(contact.body["conversationId"], conversation["id"]);
}

#[tokio::test]
async fn a_reference_query_is_bounded_like_other_ids() {
    let server = start().await;
    let long = "R".repeat(101);
    let reply = server
        .get(&format!("{API}/conversations?tripReference={long}"))
        .await;
    assert_eq!(
        refused_fields(&reply),
        [("tripReference".to_owned(), "query".to_owned())]
    );
    // Any reference, not only a contact's: a trip's is found the same way.
    server.create_conversation("ana@example.es").await;
    let trip = server
        .get(&format!("{API}/conversations?tripReference=trip-2026-9999"))
        .await;
    assert_eq!(trip.body["totalElements"], 1, "{}", trip.text);
}

#[tokio::test]
async fn the_name_the_customer_typed_comes_with_the_conversation() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/contact-us"),
            contact_form("  Zoë Lambert ", "zoe@example.fr"),
        )
        .await;
    let reference = reply.body["id"].as_str().unwrap().to_owned();
    let conversation_id = server.conversation_of_contact(&reply.body).await;
    let read = server
        .get(&format!("{API}/conversations/{conversation_id}"))
        .await;
    assert_eq!(read.body["customerName"], "Zoë Lambert", "{}", read.text);
    let listed = server
        .get(&format!("{API}/conversations?tripReference={reference}"))
        .await;
    assert_eq!(listed.body["content"][0]["customerName"], "Zoë Lambert");

    // A read-change-write that drops the field keeps the name.
    let path = format!("{API}/conversations/{conversation_id}");
    let mut body = read.body.clone();
    body.as_object_mut().unwrap().remove("customerName");
    body["status"] = json!("CLOSED");
    let updated = server.put(&path, body).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
    assert_eq!(updated.body["customerName"], "Zoë Lambert");

    // The seed's contacts have theirs.
    let seeded = server
        .get(&format!("{API}/conversations?tripReference=C-H2N8PZ5E"))
        .await;
    assert_eq!(seeded.body["content"][0]["customerName"], "Alejandra Gómez");
}

#[tokio::test]
async fn a_created_conversation_may_carry_a_customer_name() {
    let server = start().await;
    let create = |name: Value| {
        let server = &server;
        async move {
            server
                .post(
                    &format!("{API}/conversations"),
                    json!({
                        "tripPublicationId": "pub-test",
                        "tripReference": "TRIP-2026-0412",
                        "establishmentId": "est-test",
                        "customerId": "ana@example.es",
                        "customerName": name,
                    }),
                )
                .await
        }
    };
    let named = create(json!(" Ana Ruiz ")).await;
    assert_eq!(named.status, StatusCode::CREATED, "{}", named.text);
    assert_eq!(named.body["customerName"], "Ana Ruiz");
    let id = named.body["id"].as_str().unwrap().to_owned();
    let read = server.get(&format!("{API}/conversations/{id}")).await;
    assert_eq!(read.body["customerName"], "Ana Ruiz");

    // Unknown is null, and so is a blank name.
    let unnamed = server.create_conversation("bo@example.es").await;
    assert!(unnamed["customerName"].is_null(), "{unnamed}");
    let blank = create(json!("  ")).await;
    assert!(blank.body["customerName"].is_null(), "{}", blank.text);

    // Capped and on one line, like the contact form's name; a string or null.
    for wrong in [json!("N".repeat(101)), json!("Ana\nRuiz"), json!(42)] {
        let reply = create(wrong.clone()).await;
        assert_eq!(
            refused_fields(&reply),
            [("customerName".to_owned(), "body".to_owned())],
            "{wrong}"
        );
    }
    assert_eq!(
        create(json!("N".repeat(100))).await.status,
        StatusCode::CREATED
    );

    // An update may change it.
    let mut body = read.body.clone();
    body["customerName"] = json!("Ana Ruiz Soler");
    let updated = server.put(&format!("{API}/conversations/{id}"), body).await;
    assert_eq!(
        updated.body["customerName"], "Ana Ruiz Soler",
        "{}",
        updated.text
    );
}

#[tokio::test]
async fn unassigned_conversations_are_listed_by_the_server_in_full_pages() {
    let server = start().await;
    let page = server
        .get(&format!("{API}/conversations?unassigned=true&sizePage=5"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    let items = page.body["content"].as_array().unwrap();
    assert_eq!(
        items.len(),
        5,
        "a full page, not what is left after filtering"
    );
    assert!(
        items.iter().all(|c| c["assignedAgentId"].is_null()),
        "{}",
        page.text
    );
    let all = server
        .get(&format!("{API}/conversations?sizePage=100"))
        .await;
    let unassigned_in_all = all.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["assignedAgentId"].is_null())
        .count() as u64;
    assert_eq!(page.body["totalElements"].as_u64(), Some(unassigned_in_all));

    // `false` is the same as leaving it out; anything else is named.
    let not = server
        .get(&format!(
            "{API}/conversations?unassigned=false&sizePage=100"
        ))
        .await;
    assert_eq!(ids(&not.body), ids(&all.body));
    let bad = server
        .get(&format!("{API}/conversations?unassigned=yes"))
        .await;
    assert_eq!(
        refused_fields(&bad),
        [("unassigned".to_owned(), "query".to_owned())]
    );
    let both = server
        .get(&format!(
            "{API}/conversations?unassigned=true&assignedAgentId=agent-camille"
        ))
        .await;
    assert_eq!(
        refused_fields(&both),
        [("unassigned".to_owned(), "query".to_owned())]
    );
}
