//! Labels end to end (`docs/labels.md`): an agent creates a label from a conversation's
//! header; it is on the row, survives a reload, and narrows the list from the sidebar; a
//! colleague labels another conversation with a label of their own, and it appears on that
//! row without a reload.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

const CALLBACK: &str = "0b5e3c1a-0000-4000-8000-00000000ca11";

fn chips_of(key: &str) -> By {
    By::Css(format!("a[data-key='{key}'] [data-testid='row-labels']"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_label_survives_a_reload_narrows_the_list_and_a_colleagues_label_arrives_live() {
    let h = start().await;
    h.sign_in_at("/?backend=communication").await;
    // Signed in is not yet listed: the rows arrive after the page.
    let mut rows = Vec::new();
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        rows = h.driver.find_all(testid("conversation-row")).await.unwrap();
        if rows.len() >= 2 {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(rows.len() >= 2, "two conversations to label");
    let first = rows[0]
        .attr("data-key")
        .await
        .ok()
        .flatten()
        .expect("a key");
    let second = rows[1]
        .attr("data-key")
        .await
        .ok()
        .flatten()
        .expect("a key");

    h.click(By::Css(format!("[data-key='{first}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.click(testid("label-add")).await;
    h.wait_for(testid("label-find"))
        .await
        .send_keys("Urgent")
        .await
        .unwrap();
    h.click(testid("label-create")).await;
    h.wait_for_text(chips_of(&first), "Urgent").await;

    // Kept by the server: still there after a reload.
    h.driver.refresh().await.unwrap();
    h.wait_for_text(chips_of(&first), "Urgent").await;

    // The sidebar narrows the list to it.
    h.click(By::Css("[data-testid='view-label']")).await;
    h.wait_gone(By::Css(format!("a[data-key='{second}']")))
        .await;
    h.wait_for(By::Css(format!("a[data-key='{first}']"))).await;
    h.click(By::Css("[data-testid='view-label']")).await;
    h.wait_for(By::Css(format!("a[data-key='{second}']"))).await;

    // A colleague's label, on another conversation: there without a reload.
    let colleague = "javier.ortega@switchboard.example";
    h.api_put_as(
        colleague,
        &format!("/api/labels/{CALLBACK}"),
        serde_json::json!({ "name": "Call back", "colour": "orange" }),
    )
    .await;
    let id = second.trim_start_matches("communication/");
    h.api_put_as(
        colleague,
        &format!("/api/conversation-labels/communication/{id}/{CALLBACK}"),
        serde_json::json!({}),
    )
    .await;
    h.wait_for_text(chips_of(&second), "Call back").await;
    h.finish().await;
}
