//! The console on a phone: at 360 CSS pixels an agent signs in, reads the inbox, opens a
//! conversation and reaches the reply box, and no page scrolls sideways on the way.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

/// What sticks out past the window's right edge (the page then scrolls sideways): the
/// outermost such elements, named by tag, class and test hook; empty when the page fits.
async fn sticking_out(h: &Harness) -> Vec<String> {
    let found = h
        .driver
        .execute(
            "if (document.documentElement.scrollWidth <= window.innerWidth) return [];
             const out = [...document.body.querySelectorAll('*')].filter(e =>
                 e.getBoundingClientRect().right > window.innerWidth + 1 &&
                 !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1));
             return out.slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' +
                 (e.dataset.testid || '') + ' ' + Math.round(e.getBoundingClientRect().right));",
            Vec::new(),
        )
        .await
        .unwrap();
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_works_from_a_360_pixel_phone() {
    let h = start_with(Browser {
        window: PHONE,
        ..Browser::default()
    })
    .await;
    h.driver.goto(format!("{}/sign-in", h.base)).await.unwrap();
    h.wait_for(testid("sign-in-form")).await;
    let out = sticking_out(&h).await;
    assert!(out.is_empty(), "the sign-in page fits: {out:?}");

    h.sign_in_at("/?status=open").await;
    h.wait_for(communication_row()).await;
    let out = sticking_out(&h).await;
    assert!(out.is_empty(), "the inbox fits: {out:?}");

    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("message")).await;
    let reply = h.wait_for(testid("reply-input")).await;
    reply.scroll_into_view().await.unwrap();
    assert!(
        reply.is_displayed().await.unwrap(),
        "the reply box is on screen"
    );
    let out = sticking_out(&h).await;
    assert!(out.is_empty(), "the conversation fits: {out:?}");
}
