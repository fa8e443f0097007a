//! Assignment on every backend, end to end (`docs/assignments.md`): an agent opens an
//! Octopia discussion, which has no assignee at Octopia, assigns it to themselves in its
//! header, and finds it under "Mine"; unassigned again, its row says so at once and it
//! leaves "Mine" when the list is asked again.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

fn octopia_row() -> By {
    By::Css("[data-testid='conversation-row'][data-key^='octopia/']".to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_octopia_discussion_assigned_in_switchboard_shows_under_mine() {
    let h = start().await;
    let me = h.sign_in_at("/?backend=octopia").await;
    h.wait_for(octopia_row()).await;
    let key = h.attribute(octopia_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.select("assignee-select", &me).await;
    h.click(testid("assignee-save")).await;
    // The row follows at once.
    h.wait_for_text(
        By::Css(format!("[data-key='{key}'] [data-testid='row-assignee']")),
        "Camille Laurent",
    )
    .await;
    h.click(testid("view-assignee-me")).await;
    h.wait_for(By::Css(format!(
        "[data-testid='conversation-row'][data-key='{key}']"
    )))
    .await;

    h.select("assignee-select", "").await;
    h.click(testid("assignee-save")).await;
    h.wait_for(By::Css(format!(
        "[data-key='{key}'] [data-testid='row-assignee'].unassigned"
    )))
    .await;
    h.click(testid("inbox-refresh")).await;
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        let rows = h
            .driver
            .find_all(By::Css(format!(
                "[data-testid='conversation-row'][data-key='{key}']"
            )))
            .await
            .unwrap();
        if rows.is_empty() {
            return h.finish().await;
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("{key} stayed under Mine once unassigned");
}
