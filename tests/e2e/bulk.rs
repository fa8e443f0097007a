//! Bulk actions end to end (`docs/bulk.md`): a trip's 1,000 conversations, one view, most of
//! them on pages not loaded yet, are all selected with "all in this view" and closed at
//! once; two made to fail (gone from the vendor meanwhile) are listed with why, come back,
//! and a retry closes them. Nothing is closed twice, nothing is left open. Then two rows
//! are assigned to a colleague chosen in the bar.

use crate::e2e_support::*;
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use thirtyfour::By;

const TRIP: &str = "TRIP-BULK-0001";
const CONVERSATIONS: usize = 1_000;
/// Requests the seeding keeps in flight.
const SEEDERS: usize = 16;

/// The trip's conversations, through the vendor's own API; their ids, in creation order.
async fn seed(h: Arc<Harness>) -> Vec<String> {
    let client = reqwest::Client::new();
    h.api_cookie().await;
    let workers = (0..SEEDERS).map(|w| {
        let (h, client) = (h.clone(), client.clone());
        tokio::spawn(async move {
            let mut ids = Vec::new();
            for i in (w..CONVERSATIONS).step_by(SEEDERS) {
                let body = json!({
                    "tripPublicationId": format!("pub-bulk-{i}"),
                    "tripReference": TRIP,
                    "establishmentId": "est-bulk",
                    "customerId": format!("traveller{i}@bulk.example"),
                });
                let created = h
                    .api_post_with(&client, "/communication/v1/conversations", body)
                    .await;
                ids.push(created["id"].as_str().expect("an id").to_owned());
            }
            ids
        })
    });
    let mut ids = Vec::new();
    for worker in futures::future::join_all(workers).await {
        ids.extend(worker.expect("seeded"));
    }
    ids
}

fn count(h: &Harness, status: &str) -> i64 {
    h.store()
        .query_row(
            "SELECT COUNT(*) FROM conversations WHERE trip_reference = ?1 AND status = ?2",
            [TRIP, status],
            |row| row.get(0),
        )
        .expect("counted")
}

/// Waits, longer than for one element, until the bar's progress says `expected`.
async fn wait_for_progress(h: &Harness, expected: &str) {
    let started = Instant::now();
    let mut last = String::new();
    while started.elapsed() < Duration::from_secs(120) {
        if let Ok(progress) = h.driver.find(testid("bulk-progress")).await {
            last = progress.text().await.unwrap_or_default();
            if last.contains(expected) {
                return;
            }
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("the progress never said {expected:?}; last {last:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_conversations_close_at_once_and_the_two_that_failed_close_on_retry() {
    let h = Arc::new(start().await);
    let ids = seed(h.clone()).await;
    assert_eq!(count(&h, "OPEN"), CONVERSATIONS as i64);
    h.sign_in_at(&format!("/?reference={TRIP}")).await;
    h.wait_for(communication_row()).await;

    // One row picked, then all of the view: 1,000, of which 50 are loaded.
    h.click(testid("row-pick")).await;
    h.wait_for_text(testid("bulk-count"), "1 selected").await;
    h.click(testid("bulk-select-all")).await;
    h.wait_for_text(testid("bulk-count"), "All conversations of this view")
        .await;

    // Two rows on screen go missing at the vendor before the close reaches them.
    let rows = h
        .driver
        .find_all(communication_row())
        .await
        .expect("the rows shown");
    let mut away = Vec::new();
    for row in [&rows[1], &rows[4]] {
        let key = row.attr("data-key").await.ok().flatten().expect("a key");
        let id = key.strip_prefix("communication/").expect("a conversation");
        assert!(ids.iter().any(|seeded| seeded == id), "{id} is the trip's");
        away.push(id.to_owned());
    }
    for id in &away {
        h.store()
            .execute(
                "UPDATE conversations SET id = id || '-away' WHERE id = ?1",
                [id],
            )
            .expect("moved away");
    }
    h.click(testid("bulk-close")).await;
    wait_for_progress(&h, "Close: 998 done, 2 failed").await;
    let failures = h
        .driver
        .find_all(testid("bulk-failure"))
        .await
        .expect("the failures");
    assert_eq!(failures.len(), 2, "each failure listed");
    for failure in &failures {
        let key = failure
            .attr("data-key")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        assert!(
            away.iter().any(|id| key == format!("communication/{id}")),
            "{key} is one that went missing"
        );
        let said = failure.text().await.unwrap_or_default();
        assert!(
            said.contains("bulk.example"),
            "named by its customer: {said}"
        );
    }
    assert_eq!(count(&h, "CLOSED"), 998);

    // They come back: Retry closes just those two.
    for id in &away {
        h.store()
            .execute(
                "UPDATE conversations SET id = ?1 WHERE id = ?1 || '-away'",
                [id],
            )
            .expect("back");
    }
    h.click(testid("bulk-retry")).await;
    wait_for_progress(&h, "Close: 2 done, 0 failed").await;
    h.wait_gone(testid("bulk-failure")).await;
    assert_eq!(count(&h, "CLOSED"), CONVERSATIONS as i64);
    assert_eq!(count(&h, "OPEN"), 0);

    // Two rows assigned to a colleague chosen in the bar.
    h.click(testid("bulk-clear")).await;
    h.wait_gone(testid("bulk-bar")).await;
    let rows = h
        .driver
        .find_all(communication_row())
        .await
        .expect("the rows shown");
    let mut picked = Vec::new();
    for row in &rows[..2] {
        let key = row.attr("data-key").await.ok().flatten().expect("a key");
        picked.push(key.trim_start_matches("communication/").to_owned());
    }
    let boxes = h
        .driver
        .find_all(testid("row-pick"))
        .await
        .expect("the boxes");
    boxes[0].click().await.expect("picked");
    boxes[1].click().await.expect("picked");
    h.wait_for_text(testid("bulk-count"), "2 selected").await;
    let colleague = h
        .attribute(
            By::Css("[data-testid='bulk-assignee'] option:not([selected])"),
            "value",
        )
        .await;
    h.select("bulk-assignee", &colleague).await;
    h.click(testid("bulk-assign")).await;
    wait_for_progress(&h, "Assign: 2 done, 0 failed").await;
    for id in &picked {
        let assigned: Option<String> = h
            .store()
            .query_row(
                "SELECT assigned_agent_id FROM conversations WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .expect("read");
        assert_eq!(assigned.as_deref(), Some(colleague.as_str()), "{id}");
    }
    Arc::try_unwrap(h)
        .ok()
        .expect("the only harness")
        .finish()
        .await;
}
