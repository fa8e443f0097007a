//! Response deadlines end to end (`docs/deadlines.md`): the marketplace's claim whose buyer
//! wrote 26 hours ago, unanswered (the marketplace's own customer service wrote since, which
//! answers nothing), is overdue by 2 h under Octopia's default policy (24 hours, weekends
//! included). Ordered by time left it comes first, its row says so, the Overdue view holds
//! it and the tab's title counts it; the agent answers it and its clock stops, in the header
//! and on the row.

use crate::e2e_support::*;
use std::time::Duration;
use thirtyfour::prelude::*;

const CLAIM: &str = "octopia/oct-claim-2511-PAQ7731";

fn claim_row_deadline() -> By {
    By::Css(format!(
        "a[data-key='{CLAIM}'] [data-testid='row-deadline']"
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_octopia_claim_shows_first_and_an_answer_stops_its_clock() {
    let h = start().await;
    h.sign_in_at("/?backend=octopia&sort=due").await;
    // The most urgent first: the claim heads the list, its row says how late it is.
    h.wait_for(By::Css(format!(
        "#conversation-list li.conversation-row:first-of-type a[data-key='{CLAIM}']"
    )))
    .await;
    h.wait_for_text(claim_row_deadline(), "2 h overdue").await;
    assert_eq!(
        h.attribute(claim_row_deadline(), "data-standing").await,
        "overdue"
    );
    // The Overdue view holds it, and the tab's title counts what is overdue.
    h.click(testid("view-overdue")).await;
    h.wait_for_path_starting("/?backend=octopia&overdue=1")
        .await;
    h.wait_for(By::Css(format!("a[data-key='{CLAIM}']"))).await;
    let title = wait_for_title(&h, "overdue").await;
    assert!(title.ends_with("Switchboard"), "{title}");

    h.click(By::Css(format!("[data-key='{CLAIM}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for_text(testid("deadline-words"), "Overdue by 2 h")
        .await;
    assert_eq!(
        h.attribute(testid("deadline"), "data-standing").await,
        "overdue"
    );

    h.click(testid("reply-input")).await;
    h.press("Bonjour Camille, nous vous remboursons aujourd'hui.")
        .await;
    h.press_ctrl(Key::Enter).await;
    h.wait_gone(testid("deadline")).await;
    // Answered: the row no longer counts down (in the Overdue view, it leaves it).
    h.wait_gone(claim_row_deadline()).await;
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
