//! Response deadlines end to end (`docs/deadlines.md`): the marketplace's claim whose buyer
//! wrote 26 hours ago, unanswered (the marketplace's own customer service wrote since, which
//! answers nothing), shows "Overdue by 2 h" under Octopia's default policy (24 hours,
//! weekends included); the agent answers it and its clock stops.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

const CLAIM: &str = "octopia/oct-claim-2511-PAQ7731";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_octopia_claim_says_so_and_an_answer_stops_its_clock() {
    let h = start().await;
    h.sign_in_at("/?backend=octopia").await;
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
    h.finish().await;
}
