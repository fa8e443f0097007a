//! Octopia's Discussion API V2 over real HTTP, reading: the document's attributes,
//! typologies, counts, the list and its window, the detail and its receivers. The two
//! patches and the answer body on every refusal are in `octopia_patches.rs`, replies and
//! files in `octopia_replies.rs`. Each test starts its own server on a fresh, seeded
//! SQLite file.

use crate::common::{assert_octopia_error, start, TestServer, OCTOPIA};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use switchboard_server::dialects::octopia::seed::{
    CLAIM_COUNT, CLAIM_CUSTOMER_ID, CLAIM_CUSTOMER_NAME, CLAIM_ID, CLAIM_ORDER_REFERENCE,
    CLAIM_SALES_CHANNEL, CLAIM_SUBJECT, CLAIM_SUB_TYPOLOGY_CODE, DISCUSSION_COUNT,
};

/// The attributes `octopia-discussions-v2.txt` lists for a discussion, as its JSON names
/// them: the document's `sellerid` is written `sellerId` (both are read).
const DISCUSSION_ATTRIBUTES: [&str; 17] = [
    "discussionId",
    "subject",
    "orderReference",
    "orderId",
    "offerId",
    "productId",
    "subTypologyCode",
    "typologyCode",
    "status",
    "customerId",
    "sellerId",
    "salesChannel",
    "message",
    "attachmentCount",
    "sender",
    "userType",
    "receivers",
];

fn keys_of(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                into.insert(key.clone());
                keys_of(inner, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| keys_of(item, into)),
        _ => {}
    }
}

impl TestServer {
    async fn count(&self, query: &str) -> u64 {
        self.octopia(&format!("/discussions/count?{query}")).await["discussionCount"]
            .as_u64()
            .unwrap()
    }
}

const CLAIMS_TO_TREAT: &str = "graduationCode=Claim&processStatus=ToTreat&isOpen=true";
const DISCUSSIONS_TO_TREAT: &str = "graduationCode=Discussion&processStatus=ToTreat&isOpen=true";

// ---- the document's attributes ------------------------------------------------------------

#[tokio::test]
async fn a_discussion_carries_every_attribute_the_document_lists() {
    let server = start().await;
    let detail = server.octopia(&format!("/discussions/{CLAIM_ID}")).await;
    let mut keys = BTreeSet::new();
    keys_of(&detail, &mut keys);
    for attribute in DISCUSSION_ATTRIBUTES {
        assert!(keys.contains(attribute), "{attribute} in {detail}");
    }
    let list = server.octopia("/discussions?pageSize=1").await;
    let mut keys = BTreeSet::new();
    keys_of(&list["items"][0], &mut keys);
    for attribute in DISCUSSION_ATTRIBUTES {
        assert!(keys.contains(attribute), "{attribute} in a list item");
    }
    let instant = detail["updatedAt"].as_str().unwrap();
    assert!(instant.ends_with('Z') && instant.len() == 24, "{instant}");
}

#[tokio::test]
async fn the_fixed_claim_is_seeded_as_the_console_expects() {
    let server = start().await;
    let claim = server.octopia(&format!("/discussions/{CLAIM_ID}")).await;
    assert_eq!(claim["orderReference"], CLAIM_ORDER_REFERENCE);
    assert_eq!(claim["graduationCode"], "Claim");
    assert_eq!(claim["isOpen"], true);
    assert_eq!(claim["status"], "ToTreat");
    assert_eq!(claim["subTypologyCode"], CLAIM_SUB_TYPOLOGY_CODE);
    assert_eq!(claim["subject"], CLAIM_SUBJECT);
    assert_eq!(claim["customerId"], CLAIM_CUSTOMER_ID);
    assert_eq!(claim["customerName"], CLAIM_CUSTOMER_NAME);
    assert_eq!(claim["salesChannel"], CLAIM_SALES_CHANNEL);
    let messages = claim["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["userType"], "Customer");
    assert_eq!(messages[1]["userType"], "CustomerService");
    assert_eq!(messages[1]["hasRead"], false);
    assert_eq!(
        claim["receivers"],
        json!([
            {"userId": CLAIM_CUSTOMER_ID, "userType": "Customer", "name": CLAIM_CUSTOMER_NAME},
            {"userId": "customer-service", "userType": "CustomerService", "name": "Service client"}
        ])
    );
    let typologies = server.octopia("/discussions/typologies").await;
    let described = typologies
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["subTypologyCode"] == CLAIM_SUB_TYPOLOGY_CODE)
        .unwrap();
    assert_eq!(described["typologyDescription"], "Colis endommagé");
}

// ---- typologies ---------------------------------------------------------------------------

#[tokio::test]
async fn typologies_come_per_order_status() {
    let server = start().await;
    let all = server.octopia("/discussions/typologies").await;
    let all = all.as_array().unwrap();
    assert!(all.len() >= 8);
    let descriptions: Vec<&str> = all
        .iter()
        .map(|t| t["typologyDescription"].as_str().unwrap())
        .collect();
    for expected in [
        "Produit non reçu",
        "Demande d'annulation",
        "Retard de livraison",
    ] {
        assert!(descriptions.contains(&expected), "{expected}");
    }
    let shipped = server
        .octopia("/discussions/typologies?orderStatus=Shipped")
        .await;
    let shipped = shipped.as_array().unwrap();
    assert!(!shipped.is_empty() && shipped.len() < all.len());
    assert!(shipped.iter().all(|t| t["state"] == "Shipped"));

    let reply = server
        .get(&format!(
            "{OCTOPIA}/discussions/typologies?orderStatus=Lost"
        ))
        .await;
    assert_eq!(
        assert_octopia_error(&reply, StatusCode::BAD_REQUEST),
        ["orderStatus"]
    );
}

// ---- count --------------------------------------------------------------------------------

#[tokio::test]
async fn counts_follow_the_filters_and_closing_the_claim() {
    let server = start().await;
    let all = server.count("").await;
    assert_eq!(all, u64::from(DISCUSSION_COUNT + CLAIM_COUNT));
    let claims = server.count(CLAIMS_TO_TREAT).await;
    let discussions = server.count(DISCUSSIONS_TO_TREAT).await;
    assert!(claims >= 2 && discussions >= 3, "{claims} {discussions}");
    assert!(server.count("salesChannel=CDISCOUNT_BE").await > 0);

    let closed = server
        .patch(
            &format!("{OCTOPIA}/discussions/{CLAIM_ID}"),
            json!([{"op": "replace", "path": "/isOpen", "value": false}]),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.body, "success");
    assert_eq!(server.count(CLAIMS_TO_TREAT).await, claims - 1);
    assert_eq!(server.count(DISCUSSIONS_TO_TREAT).await, discussions);

    for (query, field) in [
        ("isOpen=yes", "isOpen"),
        ("graduationCode=Complaint", "graduationCode"),
        ("processStatus=Done", "processStatus"),
    ] {
        let reply = server
            .get(&format!("{OCTOPIA}/discussions/count?{query}"))
            .await;
        assert_eq!(
            assert_octopia_error(&reply, StatusCode::BAD_REQUEST),
            [field]
        );
    }
}

// ---- the list -----------------------------------------------------------------------------

#[tokio::test]
async fn the_list_pages_from_one_newest_first_with_the_latest_message() {
    let server = start().await;
    let page = server.octopia("/discussions").await;
    assert_eq!(page["pageIndex"], 1);
    assert_eq!(page["pageSize"], 20);
    assert_eq!(
        page["totalCount"],
        u64::from(DISCUSSION_COUNT + CLAIM_COUNT)
    );
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    assert_eq!(
        items[0]["discussionId"], CLAIM_ID,
        "the fixed claim is first"
    );
    let updated: Vec<&str> = items
        .iter()
        .map(|i| i["updatedAt"].as_str().unwrap())
        .collect();
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{updated:?}");
    for item in items {
        assert_eq!(item["messages"].as_array().unwrap().len(), 1);
        assert_eq!(item["receivers"], json!([]));
    }
    // The claim's latest message is the care team's.
    assert_eq!(items[0]["messages"][0]["userType"], "CustomerService");

    let second = server.octopia("/discussions?pageIndex=2&pageSize=20").await;
    let second = second["items"].as_array().unwrap();
    assert_eq!(second.len(), 18);
    assert!(second
        .iter()
        .all(|s| items.iter().all(|i| i["discussionId"] != s["discussionId"])));
    let past = server.octopia("/discussions?pageIndex=9").await;
    assert_eq!(past["items"], json!([]));

    for (query, field) in [
        ("pageIndex=0", "pageIndex"),
        ("pageSize=0", "pageSize"),
        ("pageSize=101", "pageSize"),
        ("pageSize=ten", "pageSize"),
        ("isOpen=1", "isOpen"),
        ("updatedAtMax=yesterday", "updatedAtMax"),
    ] {
        let reply = server.get(&format!("{OCTOPIA}/discussions?{query}")).await;
        assert_eq!(
            assert_octopia_error(&reply, StatusCode::BAD_REQUEST),
            [field],
            "{query}"
        );
    }
}

#[tokio::test]
async fn the_list_filters() {
    let server = start().await;
    let by_reference = server
        .octopia(&format!(
            "/discussions?orderReference={CLAIM_ORDER_REFERENCE}"
        ))
        .await;
    assert_eq!(by_reference["totalCount"], 1);
    assert_eq!(by_reference["items"][0]["discussionId"], CLAIM_ID);
    let by_id = server
        .octopia(&format!("/discussions?discussionId={CLAIM_ID}"))
        .await;
    assert_eq!(by_id["totalCount"], 1);

    let filtered = server
        .octopia("/discussions?salesChannel=CDISCOUNT_PRO&isOpen=true&processStatus=ToTreat&pageSize=100")
        .await;
    let items = filtered["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["salesChannel"] == "CDISCOUNT_PRO"
        && i["isOpen"] == true
        && i["status"] == "ToTreat"));
    let damaged = server
        .octopia(&format!(
            "/discussions?subTypologyCode={CLAIM_SUB_TYPOLOGY_CODE}"
        ))
        .await;
    assert!(damaged["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["subTypologyCode"] == CLAIM_SUB_TYPOLOGY_CODE));
}

#[tokio::test]
async fn the_search_window_is_six_months_at_most() {
    let server = start().await;
    let now = chrono::Utc::now();
    let instant = |months_ago: u32| {
        let at = now
            .checked_sub_months(chrono::Months::new(months_ago))
            .unwrap();
        at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    };
    let recent = server
        .octopia(&format!("/discussions?updatedAtMin={}", instant(1)))
        .await;
    let recent_total = recent["totalCount"].as_u64().unwrap();
    assert!(recent_total > 0 && recent_total < u64::from(DISCUSSION_COUNT + CLAIM_COUNT));

    let seven = server
        .get(&format!(
            "{OCTOPIA}/discussions?updatedAtMin={}&updatedAtMax={}",
            instant(8),
            instant(1)
        ))
        .await;
    assert_eq!(
        assert_octopia_error(&seven, StatusCode::BAD_REQUEST),
        ["updatedAtMin"]
    );
    let title = seven.body["title"].as_str().unwrap();
    assert!(
        title.contains("updatedAtMin")
            && title.contains("updatedAtMax")
            && title.contains("6 months"),
        "{title}"
    );
    // The max left out is now.
    let alone = server
        .get(&format!(
            "{OCTOPIA}/discussions?updatedAtMin={}",
            instant(7)
        ))
        .await;
    assert_eq!(
        assert_octopia_error(&alone, StatusCode::BAD_REQUEST),
        ["updatedAtMin"]
    );
    let reversed = server
        .get(&format!(
            "{OCTOPIA}/discussions?updatedAtMin={}&updatedAtMax={}",
            instant(1),
            instant(2)
        ))
        .await;
    assert_eq!(
        assert_octopia_error(&reversed, StatusCode::BAD_REQUEST),
        ["updatedAtMin"]
    );
    // The min left out is six months before the max.
    let capped = server
        .octopia(&format!("/discussions?updatedAtMax={}", instant(0)))
        .await;
    assert_eq!(
        capped["totalCount"],
        u64::from(DISCUSSION_COUNT + CLAIM_COUNT)
    );
}

// ---- the detail ---------------------------------------------------------------------------

#[tokio::test]
async fn a_plain_discussion_is_answered_to_the_customer_only() {
    let server = start().await;
    let page = server
        .octopia("/discussions?graduationCode=Discussion&pageSize=1")
        .await;
    let id = page["items"][0]["discussionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let detail = server.octopia(&format!("/discussions/{id}")).await;
    let receivers = detail["receivers"].as_array().unwrap();
    assert_eq!(receivers.len(), 1);
    assert_eq!(receivers[0]["userType"], "Customer");
    assert_eq!(receivers[0]["userId"], detail["customerId"]);
    let created: Vec<&str> = detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["createdAt"].as_str().unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] <= w[1]), "oldest first");

    let unknown = server.get(&format!("{OCTOPIA}/discussions/oct-nope")).await;
    assert_eq!(
        assert_octopia_error(&unknown, StatusCode::NOT_FOUND),
        ["discussionId"]
    );
}
