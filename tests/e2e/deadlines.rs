//! Response deadlines end to end (`docs/deadlines.md`). Ordered by time left, the inbox's
//! first row is an overdue Octopia discussion (the demo's buyers have waited up to months),
//! its row says so; the agent answers it and its clock stops, in the header and on the row.
//! The marketplace's claim whose buyer wrote 26 hours ago, unanswered (the marketplace's own
//! customer service wrote since, which answers nothing), is "2 h overdue" under Octopia's
//! default policy (24 hours, weekends included): its header says so, then its row (which
//! learns from the thread what the list cannot say); the Overdue view holds it and the
//! tab's title counts what is overdue.

use crate::e2e_support::*;
use std::time::Duration;
use thirtyfour::prelude::*;

const CLAIM: &str = "octopia/oct-claim-2511-PAQ7731";

fn row_deadline(key: &str) -> By {
    By::Css(format!("a[data-key='{key}'] [data-testid='row-deadline']"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_most_urgent_octopia_discussion_shows_first_and_an_answer_stops_its_clock() {
    let h = start().await;
    h.sign_in_at("/?backend=octopia&sort=due").await;
    // The rows' time left arrives with its part, after the first rows.
    h.wait_for(By::Css("[data-testid='row-deadline']")).await;
    let first = h.wait_for(testid("conversation-row")).await;
    let key = first.attr("data-key").await.ok().flatten().expect("a key");
    assert!(key.starts_with("octopia/"), "{key}");
    let standing = h.attribute(row_deadline(&key), "data-standing").await;
    assert!(
        ["overdue", "alarm"].contains(&standing.as_str()),
        "the most urgent is late: {standing}"
    );

    first.click().await.expect("opens");
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for_text(testid("deadline-words"), "Overdue by")
        .await;
    h.click(testid("reply-input")).await;
    h.press("Hello, sorry for the wait: your refund is on its way.")
        .await;
    h.press_ctrl(Key::Enter).await;
    h.wait_gone(testid("deadline")).await;
    // Answered: the row no longer counts down.
    h.wait_gone(row_deadline(&key)).await;
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_two_hours_late_says_so_in_its_header_then_its_row_the_overdue_view_and_the_tab() {
    let h = start().await;
    h.sign_in_at("/?backend=octopia&q=PAQ7731").await;
    // Octopia's list carries a discussion's latest message only (the marketplace's care
    // team's): the thread tells when the buyer's wait began, and the row learns it.
    h.click(By::Css(format!("[data-key='{CLAIM}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for_text(testid("deadline-words"), "Overdue by 2 h")
        .await;
    assert_eq!(
        h.attribute(testid("deadline"), "data-standing").await,
        "overdue"
    );
    h.wait_for_text(row_deadline(CLAIM), "2 h overdue").await;
    assert_eq!(
        h.attribute(row_deadline(CLAIM), "data-standing").await,
        "overdue"
    );
    h.click(testid("view-overdue")).await;
    h.wait_for_path_starting(&format!("/conversations/{CLAIM}?backend=octopia&overdue=1"))
        .await;
    h.wait_for(By::Css(format!("a[data-key='{CLAIM}']"))).await;
    let title = wait_for_title(&h, "overdue").await;
    assert!(title.ends_with("Switchboard"), "{title}");
    h.finish().await;
}

/// The tab's title once it contains `part` (it follows the rows as they load).
async fn wait_for_title(h: &Harness, part: &str) -> String {
    for _ in 0..200 {
        let title = h.driver.title().await.unwrap_or_default();
        if title.contains(part) {
            return title;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the tab's title never said {part:?}");
}
