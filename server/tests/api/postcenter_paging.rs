//! PostCenter's paginated range (`/v2/tickets/paginated/{social_network}/`) over real
//! HTTP: the date rules (the document's counter-examples refused, both forms accepted,
//! `from` inclusive and `to` exclusive, both required, `from` not after `to`), the pages
//! (every ticket of a range exactly once, newest first, pages of 100, the cursor) and the
//! paginated shape. Each test starts its own server on a fresh, seeded SQLite file.

use crate::common::{assert_postcenter_error, TestServer, POSTCENTER as BASE};
use chrono::{Duration, NaiveDateTime, Utc};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::HashSet;
use switchboard_server::dialects::postcenter::seed::{FACEBOOK_TICKETS, RECENT_FACEBOOK_TICKETS};

const WHOLE: &str = "from=01-01-2000&to=01-01-2100";

fn encode(date: &str) -> String {
    date.replace(' ', "%20")
        .replace(':', "%3A")
        .replace('/', "%2F")
}

fn list_time(raw: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(raw, "%d-%m-%Y %H:%M:%S").expect("DD-MM-YYYY hh:mm:ss")
}

impl TestServer {
    /// Every page of `channel` in the range `query`, following `next_page`.
    async fn pages(&self, channel: &str, query: &str) -> Vec<Value> {
        let mut pages = Vec::new();
        let mut next: Option<String> = None;
        loop {
            let cursor = next.map(|n| format!("&next={n}")).unwrap_or_default();
            let path = format!("/tickets/paginated/{channel}/?{query}{cursor}");
            let page = self.postcenter(&path).await;
            next = page["next_page"].as_str().map(str::to_owned);
            pages.push(page);
            if next.is_none() {
                return pages;
            }
        }
    }
}

fn tickets(pages: &[Value]) -> Vec<Value> {
    pages
        .iter()
        .flat_map(|p| p["tickets"].as_array().unwrap().clone())
        .collect()
}

fn assert_paged_once_newest_first(pages: &[Value]) -> Vec<Value> {
    for (i, page) in pages.iter().enumerate() {
        let count = page["tickets"].as_array().unwrap().len();
        assert_eq!(page["number_of_tickets"], count);
        if i + 1 < pages.len() {
            assert_eq!(count, 100, "every page but the last is full");
        } else {
            assert!(count <= 100);
            assert!(page.get("next_page").is_some_and(Value::is_null));
        }
    }
    let all = tickets(pages);
    let ids: HashSet<&str> = all.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), all.len(), "no ticket twice");
    let created: Vec<NaiveDateTime> = all
        .iter()
        .map(|t| list_time(t["created_datetime"].as_str().unwrap()))
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first");
    all
}

#[tokio::test]
async fn every_ticket_of_a_channel_once_across_pages_of_100() {
    let server = crate::common::start().await;
    let pages = server.pages("facebook", WHOLE).await;
    assert_eq!(pages.len(), FACEBOOK_TICKETS.div_ceil(100));
    let all = assert_paged_once_newest_first(&pages);
    assert_eq!(all.len(), FACEBOOK_TICKETS);
    let first = all[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "created_datetime",
            "id",
            "identifier",
            "social_network",
            "status",
            "updated_datetime"
        ]
    );
    let words = ["Abierto", "Cerrado", "Ignorado", "En Progreso"];
    assert!(all
        .iter()
        .all(|t| words.contains(&t["status"].as_str().unwrap())));
    assert!(all
        .iter()
        .all(|t| t["identifier"].is_u64() && t["social_network"] == "facebook"));
    assert!(all.iter().any(|t| t["identifier"] == 261));
}

#[tokio::test]
async fn the_last_four_weeks_of_facebook_need_three_pages() {
    let server = crate::common::start().await;
    let now = Utc::now();
    let from = (now - Duration::days(30)).format("%d-%m-%Y").to_string();
    let to = (now + Duration::days(2)).format("%d-%m-%Y").to_string();
    let pages = server
        .pages("facebook", &format!("from={from}&to={to}"))
        .await;
    assert_eq!(pages.len(), 3);
    let all = assert_paged_once_newest_first(&pages);
    assert_eq!(all.len(), RECENT_FACEBOOK_TICKETS);
}

#[tokio::test]
async fn from_is_inclusive_and_to_exclusive() {
    let server = crate::common::start().await;
    let pages = server.pages("twitter", WHOLE).await;
    let all = assert_paged_once_newest_first(&pages);
    let pick = &all[7];
    let id = pick["id"].as_str().unwrap();
    let created = list_time(pick["created_datetime"].as_str().unwrap());
    let at = |t: NaiveDateTime| encode(&t.format("%d-%m-%Y %H:%M:%S").to_string());
    let second = Duration::seconds(1);
    let has = |pages: &[Value]| tickets(pages).iter().any(|t| t["id"] == id);

    let inclusive = format!("from={}&to={}", at(created), at(created + second));
    assert!(
        has(&server.pages("twitter", &inclusive).await),
        "from inclusive"
    );
    let exclusive = format!("from={}&to={}", at(created - second), at(created));
    assert!(
        !has(&server.pages("twitter", &exclusive).await),
        "to exclusive"
    );
    let day = created.format("%d-%m-%Y").to_string();
    let next_day = (created + Duration::days(1)).format("%d-%m-%Y").to_string();
    let days = format!("from={day}&to={next_day}");
    assert!(
        has(&server.pages("twitter", &days).await),
        "the date-only form"
    );
}

#[tokio::test]
async fn the_documents_counter_examples_are_refused_for_both_dates() {
    let server = crate::common::start().await;
    let path = |query: &str| format!("{BASE}/tickets/paginated/twitter/?{query}");
    for bad in [
        "12/12/2012",
        "12-12-12",
        "10-12",
        "03-16-2014",
        "12-10-2018 10:23",
    ] {
        for (field, query) in [
            ("from", format!("from={}&to=01-01-2100", encode(bad))),
            ("to", format!("from=01-01-2000&to={}", encode(bad))),
        ] {
            let reply = server.get(&path(&query)).await;
            let message = assert_postcenter_error(&reply, StatusCode::BAD_REQUEST);
            assert!(message.contains(field), "{bad}: {message}");
            assert!(message.contains("DD-MM-YYYY hh:mm:ss"), "{bad}: {message}");
        }
    }
    let both = server.get(&path("")).await;
    let message = assert_postcenter_error(&both, StatusCode::BAD_REQUEST);
    assert!(message.contains("from is required") && message.contains("to is required"));
    let only_from = server.get(&path("from=01-01-2000")).await;
    let message = assert_postcenter_error(&only_from, StatusCode::BAD_REQUEST);
    assert!(message.contains("to is required"), "{message}");
    let backwards = server
        .get(&path(&format!(
            "from=02-01-2020&to={}",
            encode("01-01-2020 23:59:59")
        )))
        .await;
    let message = assert_postcenter_error(&backwards, StatusCode::BAD_REQUEST);
    assert!(message.contains("from must not be after to"), "{message}");
}

#[tokio::test]
async fn a_foreign_cursor_is_refused_and_an_unknown_channel_is_empty() {
    let server = crate::common::start().await;
    let first = server
        .postcenter(&format!("/tickets/paginated/facebook/?{WHOLE}"))
        .await;
    let cursor = first["next_page"].as_str().expect("a second page");
    let other = server
        .get(&format!(
            "{BASE}/tickets/paginated/email/?{WHOLE}&next={cursor}"
        ))
        .await;
    let message = assert_postcenter_error(&other, StatusCode::BAD_REQUEST);
    assert!(message.contains("next"), "{message}");
    let made_up = server
        .get(&format!(
            "{BASE}/tickets/paginated/facebook?{WHOLE}&next=nada"
        ))
        .await;
    assert_postcenter_error(&made_up, StatusCode::BAD_REQUEST);

    let empty = server
        .postcenter(&format!("/tickets/paginated/myspace/?{WHOLE}"))
        .await;
    assert_eq!(empty["tickets"], serde_json::json!([]));
    assert_eq!(empty["number_of_tickets"], 0);
    assert!(empty.get("next_page").is_some_and(Value::is_null));
}
