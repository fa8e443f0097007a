//! The demo data's promises: the fixed claim as the console's test expects it, variety
//! everywhere else, stable ids.

use super::*;
use std::collections::HashSet;

fn demos() -> Vec<Demo> {
    demo_discussions(Utc::now()).unwrap()
}

#[test]
fn the_fixed_claim_is_as_promised_and_the_newest() {
    let all = demos();
    let claim = all.iter().find(|d| d.discussion.id == CLAIM_ID).unwrap();
    let d = &claim.discussion;
    assert_eq!(d.order_reference, CLAIM_ORDER_REFERENCE);
    assert_eq!(d.graduation_code, "Claim");
    assert!(d.is_open);
    assert_eq!(d.status, "ToTreat");
    assert_eq!(d.sub_typology_code, CLAIM_SUB_TYPOLOGY_CODE);
    assert_eq!(d.subject, CLAIM_SUBJECT);
    assert_eq!(
        (d.customer_id.as_str(), d.customer_name.as_str()),
        (CLAIM_CUSTOMER_ID, CLAIM_CUSTOMER_NAME)
    );
    assert_eq!(d.sales_channel, CLAIM_SALES_CHANNEL);
    let types: Vec<&str> = claim
        .messages
        .iter()
        .map(|m| m.user_type.as_str())
        .collect();
    assert_eq!(types, ["Customer", "CustomerService"]);
    assert!(!claim.messages[1].has_read);
    assert_eq!(claim.messages[1].created_at, d.updated_at);
    for other in all.iter().filter(|o| o.discussion.id != CLAIM_ID) {
        assert!(
            other.discussion.updated_at < d.updated_at,
            "{}",
            other.discussion.id
        );
    }
}

#[test]
fn the_seed_is_varied() {
    let all = demos();
    assert_eq!(all.len() as u32, DISCUSSION_COUNT + CLAIM_COUNT);
    let claims = all
        .iter()
        .filter(|d| d.discussion.graduation_code == "Claim")
        .count();
    assert_eq!(claims as u32, CLAIM_COUNT);
    let ids: HashSet<_> = all.iter().map(|d| d.discussion.id.clone()).collect();
    assert_eq!(ids.len(), all.len(), "discussion ids are unique");
    let references: HashSet<_> = all
        .iter()
        .map(|d| d.discussion.order_reference.clone())
        .collect();
    assert_eq!(references.len(), all.len(), "order references are unique");
    for channel in SALES_CHANNELS {
        assert!(
            all.iter().any(|d| d.discussion.sales_channel == channel),
            "{channel}"
        );
    }
    for status in ["ToTreat", "Treated"] {
        for code in ["Discussion", "Claim"] {
            assert!(
                all.iter().any(|d| d.discussion.status == status
                    && d.discussion.graduation_code == code
                    && d.discussion.is_open),
                "{status} {code}"
            );
        }
    }
    assert!(all.iter().any(|d| !d.discussion.is_open));
    let messages: Vec<&MessageRecord> = all.iter().flat_map(|d| &d.messages).collect();
    assert!(messages.iter().any(|m| m.has_read) && messages.iter().any(|m| !m.has_read));
    assert!(messages
        .iter()
        .filter(|m| m.user_type == "Seller")
        .all(|m| m.has_read));
    let scripts = messages
        .iter()
        .filter(|m| m.body.contains("<script>alert(\"x\")</script>"))
        .count();
    assert_eq!(scripts, 1);
    assert!(messages.iter().all(|m| !m.body.contains('{')));
    let typologies: HashSet<_> = all
        .iter()
        .map(|d| d.discussion.typology_code.clone())
        .collect();
    assert!(typologies.len() >= 4, "{typologies:?}");
    assert!(all.iter().all(|d| !d.discussion.typology_code.is_empty()));
    let files: usize = all
        .iter()
        .map(|d| d.files.iter().map(|(_, f)| f.len()).sum::<usize>())
        .sum();
    assert!(files >= 3, "{files} files");
}

#[test]
fn discussions_to_treat_end_with_the_customer_or_the_care_team() {
    for demo in demos() {
        let last = demo.messages.last().unwrap();
        assert_eq!(demo.discussion.updated_at, last.created_at);
        assert_eq!(demo.discussion.created_at, demo.messages[0].created_at);
        let to_treat = last.user_type != "Seller";
        assert_eq!(
            demo.discussion.status == "ToTreat",
            to_treat,
            "{}",
            demo.discussion.id
        );
        for pair in demo.messages.windows(2) {
            assert!(pair[0].created_at < pair[1].created_at);
        }
    }
}

#[test]
fn ids_depend_on_indices_only() {
    let now = Utc::now();
    let a: Vec<_> = demo_discussions(now)
        .unwrap()
        .into_iter()
        .map(|d| d.messages[0].id.clone())
        .collect();
    let b: Vec<_> = demo_discussions(now - Duration::days(3))
        .unwrap()
        .into_iter()
        .map(|d| d.messages[0].id.clone())
        .collect();
    assert_eq!(a, b);
}
