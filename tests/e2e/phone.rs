//! The console on a phone: at 360 CSS pixels an agent signs in, reads the inbox, opens a
//! conversation and reaches the reply box, and no page scrolls sideways on the way.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

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
