//! PostCenter's tickets (`postcenter-tickets-v2.txt`) over real HTTP, route by route with
//! the bad cases: ticket 261's detail, messages and media, by_agent_id (GET and POST),
//! close twice, the possible agent and the reassignment, a customer's and a Facebook
//! user's tickets, tickets by state (and the document's exact 404), and the error body on
//! every refusal (401, unknown path, wrong method included). The paginated range is in
//! `postcenter_paging.rs`. Each test starts its own server on a fresh, seeded SQLite file.

use crate::common::{assert_postcenter_error, TestServer, POSTCENTER as BASE};
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use reqwest::StatusCode;
use serde_json::{json, Value};
use switchboard_server::dialects::postcenter::seed::{
    country_id_of, uid_of, DEMO_CMID, DEMO_CUSTOMER, DEMO_PAGE_ID, TICKET_COUNT,
};

impl TestServer {
    /// Ticket 261's API id, through `by_agent_id`.
    async fn ticket_261(&self) -> String {
        let body = self.postcenter("/ticket/261/by_agent_id/").await;
        body["ticket_id"].as_str().expect("an id").to_owned()
    }

    async fn ids_in(&self, state: &str) -> Vec<String> {
        let body = self.postcenter(&format!("/tickets/state/{state}")).await;
        let ids = body["tickets"].as_array().expect("a list");
        ids.iter()
            .map(|id| id.as_str().unwrap().to_owned())
            .collect()
    }
}

// ---- one ticket -----------------------------------------------------------------------------

#[tokio::test]
async fn ticket_261_reads_in_the_detail_shape_with_and_without_the_slash() {
    let server = crate::common::start().await;
    let id = server.ticket_261().await;
    assert_eq!(id.len(), 24);
    let posted = server.postcenter_post("/ticket/261/by_agent_id/").await;
    assert_eq!(posted.status, StatusCode::OK, "{}", posted.text);
    assert_eq!(posted.body, json!({"status": 200, "ticket_id": id}));

    let detail = server.get(&format!("{BASE}/ticket/{id}/")).await;
    assert_eq!(detail.status, StatusCode::OK, "{}", detail.text);
    let bare = server.get(&format!("{BASE}/ticket/{id}")).await;
    assert_eq!(bare.body, detail.body, "the trailing slash is optional");
    let t = &detail.body;
    assert_eq!(t["id"], id.as_str());
    assert_eq!(t["identifier"], "261", "a string in the detail");
    assert_eq!(t["social_network"], "facebook");
    assert_eq!(t["is_closed"], false);
    assert_eq!(t["current_assignment"]["cmid"], DEMO_CMID);
    assert_eq!(t["current_assignment"]["name"], "Francisca Pinto");
    assert!(t["current_assignment"]["email"].is_string());
    assert_eq!(t.get("subject"), Some(&Value::Null), "not an email");
    let created = t["created"].as_str().unwrap();
    assert!(
        chrono::NaiveDateTime::parse_from_str(created, "%Y-%m-%dT%H:%M:%S%.3f").is_ok(),
        "{created}"
    );
    assert!(t["updated_time"].as_str().unwrap() >= created);

    let messages = server.postcenter(&format!("/ticket/{id}/messages/")).await;
    let list = messages["messages"].as_array().unwrap();
    assert_eq!(list.len(), 4);
    let times: Vec<&str> = list
        .iter()
        .map(|m| m["created"].as_str().unwrap())
        .collect();
    let mut newest_first = times.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, newest_first, "newest first");
    assert_eq!(t["last_content"], list[0]["content"]);
    assert_eq!(t["last_author"], list[0]["author_name"]);
    assert!(list.iter().any(|m| m["author_account"] == "mercadosur"));
    let with_media: Vec<&Value> = list.iter().filter(|m| m.get("media").is_some()).collect();
    assert_eq!(with_media.len(), 1, "media only where there is one");
    let media = with_media[0]["media"].as_str().unwrap();
    assert!(media.starts_with("/postcenter/media/"), "{media}");

    let image = server.send(server.anonymous.get(server.url(media))).await;
    assert_eq!(image.status, StatusCode::OK, "public: {}", image.text);
    assert_eq!(image.headers[CONTENT_TYPE], "image/png");
    assert_eq!(image.headers[X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(image.headers.contains_key(CACHE_CONTROL));
    assert_eq!(&image.bytes[1..4], b"PNG");
}

#[tokio::test]
async fn the_demo_has_a_pdf_media_and_unknown_media_is_a_404() {
    let server = crate::common::start().await;
    let pdf = server
        .send(
            server
                .anonymous
                .get(server.url("/postcenter/media/boleta-compra.pdf")),
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers[CONTENT_TYPE], "application/pdf");
    assert!(pdf.bytes.starts_with(b"%PDF"));
    let missing = server
        .send(
            server
                .anonymous
                .get(server.url("/postcenter/media/nada.png")),
        )
        .await;
    assert_postcenter_error(&missing, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_and_unknown_ticket_ids_are_refused_in_the_error_shape() {
    let server = crate::common::start().await;
    let message = assert_postcenter_error(
        &server.get(&format!("{BASE}/ticket/261/")).await,
        StatusCode::BAD_REQUEST,
    );
    assert!(message.contains("by_agent_id"), "{message}");
    let unknown = "000000000000000000000000";
    for path in ["/", "/messages/", "/get_possible_agent/"] {
        let reply = server.get(&format!("{BASE}/ticket/{unknown}{path}")).await;
        assert_postcenter_error(&reply, StatusCode::NOT_FOUND);
    }
    for path in ["/close/", "/reassign/"] {
        let reply = server
            .postcenter_post(&format!("/ticket/{unknown}{path}"))
            .await;
        assert_postcenter_error(&reply, StatusCode::NOT_FOUND);
    }
    let text = server.get(&format!("{BASE}/ticket/abc/by_agent_id/")).await;
    let message = assert_postcenter_error(&text, StatusCode::BAD_REQUEST);
    assert!(message.contains("agent_ticket_id"), "{message}");
    let none = server.postcenter_post("/ticket/99999/by_agent_id").await;
    assert_postcenter_error(&none, StatusCode::NOT_FOUND);
}

// ---- close, possible agent, reassign ------------------------------------------------------

#[tokio::test]
async fn closing_twice_is_ok_and_a_closed_ticket_is_not_reassigned() {
    let server = crate::common::start().await;
    let open = server.ids_in("open").await;
    let id = &open[3];
    let ok = json!({"status": 200, "message": "Ok"});
    for _ in 0..2 {
        let closed = server
            .postcenter_post(&format!("/ticket/{id}/close/"))
            .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
        assert_eq!(closed.body, ok);
    }
    let detail = server.postcenter(&format!("/ticket/{id}")).await;
    assert_eq!(detail["is_closed"], true);
    assert!(server.ids_in("closed").await.contains(id));
    assert!(!server.ids_in("open").await.contains(id));
    let refused = server
        .postcenter_post(&format!("/ticket/{id}/reassign"))
        .await;
    let message = assert_postcenter_error(&refused, StatusCode::CONFLICT);
    assert!(message.contains("closed"), "{message}");
}

#[tokio::test]
async fn reassigning_261_gives_it_the_possible_agent() {
    let server = crate::common::start().await;
    let id = server.ticket_261().await;
    let possible = server
        .postcenter(&format!("/ticket/{id}/get_possible_agent/"))
        .await;
    let cm = possible["assignation"]["cm"].as_i64().expect("an agent");
    assert_ne!(
        cm, DEMO_CMID,
        "never the current assignee while another is online"
    );
    assert!(possible["assignation"]["reason"].as_str().unwrap().len() > 10);

    let reply = server
        .postcenter_post(&format!("/ticket/{id}/reassign/"))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body, json!({"status": 200, "message": "Ok"}));
    let detail = server.postcenter(&format!("/ticket/{id}/")).await;
    assert_eq!(detail["current_assignment"]["cmid"], cm);
    let again = server
        .postcenter(&format!("/ticket/{id}/get_possible_agent"))
        .await;
    assert_eq!(again["assignation"]["cm"], DEMO_CMID);
}

#[tokio::test]
async fn nobody_online_in_whatsapp_means_no_possible_agent_and_a_409_reassignment() {
    let server = crate::common::start().await;
    let page = server
        .postcenter("/tickets/paginated/whatsapp/?from=01-01-2000&to=01-01-2100")
        .await;
    let tickets = page["tickets"].as_array().unwrap();
    let open = tickets
        .iter()
        .find(|t| t["status"] == "Abierto")
        .expect("an open WhatsApp ticket");
    let id = open["id"].as_str().unwrap();
    let possible = server
        .postcenter(&format!("/ticket/{id}/get_possible_agent/"))
        .await;
    assert_eq!(possible["assignation"]["cm"], Value::Null);
    let reason = possible["assignation"]["reason"].as_str().unwrap();
    assert!(reason.contains("whatsapp"), "{reason}");
    let before = server.postcenter(&format!("/ticket/{id}/")).await;
    let refused = server
        .postcenter_post(&format!("/ticket/{id}/reassign/"))
        .await;
    let message = assert_postcenter_error(&refused, StatusCode::CONFLICT);
    assert!(message.contains("online"), "{message}");
    let after = server.postcenter(&format!("/ticket/{id}/")).await;
    assert_eq!(before, after, "nothing changed");
}

// ---- lists ----------------------------------------------------------------------------------

fn identifiers(body: &Value) -> Vec<i64> {
    let tickets = body["tickets"].as_array().expect("a list");
    tickets
        .iter()
        .map(|t| t["identifier"].as_i64().unwrap())
        .collect()
}

fn assert_newest_first(body: &Value) {
    let created: Vec<&str> = body["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["created"].as_str().unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "{created:?}");
}

#[tokio::test]
async fn a_customers_tickets_by_country_id() {
    let server = crate::common::start().await;
    let country = country_id_of(DEMO_CUSTOMER);
    let body = server
        .postcenter(&format!("/tickets/?country_id={country}"))
        .await;
    let numbers = identifiers(&body);
    assert!(numbers.len() >= 10, "{numbers:?}");
    assert!(numbers.contains(&261), "numbers in the lists: {numbers:?}");
    assert_newest_first(&body);
    let first = &body["tickets"][0];
    assert!(first.get("title").is_some() && first.get("subject").is_none());
    let bare = server
        .postcenter(&format!("/tickets?country_id={country}"))
        .await;
    assert_eq!(bare, body);

    let none = server.postcenter("/tickets/?country_id=1-9").await;
    assert_eq!(none, json!({"status": 200, "tickets": []}));
    let message = assert_postcenter_error(
        &server.get(&format!("{BASE}/tickets/")).await,
        StatusCode::BAD_REQUEST,
    );
    assert!(message.contains("country_id"), "{message}");
}

#[tokio::test]
async fn a_facebook_users_tickets_need_both_page_and_uid() {
    let server = crate::common::start().await;
    let uid = uid_of(DEMO_CUSTOMER);
    let body = server
        .postcenter(&format!(
            "/tickets/facebook/?page_id={DEMO_PAGE_ID}&uid={uid}"
        ))
        .await;
    assert!(identifiers(&body).len() >= 5);
    assert!(identifiers(&body).contains(&261));
    assert_newest_first(&body);
    let tickets = body["tickets"].as_array().unwrap();
    assert!(tickets.iter().all(|t| t["social_network"] == "facebook"));

    let reply = server
        .get(&format!("{BASE}/tickets/facebook/?uid={uid}"))
        .await;
    let message = assert_postcenter_error(&reply, StatusCode::BAD_REQUEST);
    assert!(message.contains("page_id"), "{message}");
    let neither = server.get(&format!("{BASE}/tickets/facebook")).await;
    let message = assert_postcenter_error(&neither, StatusCode::BAD_REQUEST);
    assert!(
        message.contains("page_id") && message.contains("uid"),
        "{message}"
    );
}

#[tokio::test]
async fn tickets_by_state_cover_every_ticket_once_and_other_words_are_non_existent() {
    let server = crate::common::start().await;
    let mut all = Vec::new();
    for state in ["open", "closed", "ignored", "inProgress"] {
        let ids = server.ids_in(state).await;
        assert!(!ids.is_empty(), "{state}");
        let bare = server.postcenter(&format!("/tickets/state/{state}/")).await;
        assert_eq!(bare["tickets"].as_array().unwrap().len(), ids.len());
        all.extend(ids);
    }
    assert_eq!(all.len(), TICKET_COUNT);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), TICKET_COUNT, "each ticket in one state");
    assert!(server
        .ids_in("open")
        .await
        .contains(&server.ticket_261().await));

    for word in ["Open", "abierto", "in_progress", "pending"] {
        let reply = server.get(&format!("{BASE}/tickets/state/{word}")).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{word}");
        assert_eq!(
            reply.body,
            json!({"message": "Non-existent status", "status": 404}),
            "{word}"
        );
    }
}

// ---- the gate and the error body -----------------------------------------------------------

#[tokio::test]
async fn every_refusal_is_in_the_documents_error_shape() {
    let server = crate::common::start().await;
    let id = server.ticket_261().await;
    let anonymous = server
        .send(
            server
                .anonymous
                .get(server.url(&format!("{BASE}/ticket/{id}/"))),
        )
        .await;
    assert_postcenter_error(&anonymous, StatusCode::UNAUTHORIZED);
    let posted = server
        .send(
            server
                .anonymous
                .post(server.url(&format!("{BASE}/ticket/{id}/close/"))),
        )
        .await;
    assert!(posted.status.is_client_error());
    assert_postcenter_error(&posted, posted.status);
    let detail = server.postcenter(&format!("/ticket/{id}/")).await;
    assert_eq!(
        detail["is_closed"], false,
        "nothing closed without a session"
    );

    let nowhere = server.get(&format!("{BASE}/nowhere/")).await;
    let message = assert_postcenter_error(&nowhere, StatusCode::NOT_FOUND);
    assert!(message.contains("docs/backends/postcenter.md"), "{message}");
    let wrong = server
        .send(
            server
                .client
                .delete(server.url(&format!("{BASE}/ticket/{id}/close/"))),
        )
        .await;
    assert_postcenter_error(&wrong, StatusCode::METHOD_NOT_ALLOWED);
    let get_close = server.get(&format!("{BASE}/ticket/{id}/close/")).await;
    assert_postcenter_error(&get_close, StatusCode::METHOD_NOT_ALLOWED);
}
