//! The console on a phone: at 360 CSS pixels an agent signs in, reads the inbox (the list
//! staying where it is as it loads), opens a conversation and reaches the reply box, and no
//! page scrolls sideways on the way.

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
    // Counted: every backend's first page has come.
    h.wait_for_text(testid("inbox-count"), "conversation").await;
    let moved = list_moves(&h).await;
    assert!(
        moved.is_empty(),
        "the list stays where it is while the inbox loads: {moved:?}"
    );

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

/// The layout shifts of this page so far (the browser's own record) that moved the list's
/// box: something above it came or went as the inbox loaded. Each says where it went.
async fn list_moves(h: &Harness) -> Vec<String> {
    let found = h
        .driver
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            const moves = [];
            new PerformanceObserver((list) => {
                for (const shift of list.getEntries()) {
                    for (const source of shift.sources || []) {
                        const node = source.node;
                        if (node && node.classList && node.classList.contains('list-scroller')) {
                            moves.push(`at ${Math.round(shift.startTime)} ms: from y ${source.previousRect.y} to ${source.currentRect.y}`);
                        }
                    }
                }
            }).observe({ type: 'layout-shift', buffered: true });
            // The buffered entries are delivered in the observer's first task.
            setTimeout(() => done(moves), 50);
            "#,
            Vec::new(),
        )
        .await
        .expect("the page answers");
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}
