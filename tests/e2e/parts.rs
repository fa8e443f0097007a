//! End to end, a part of the console that cannot be downloaded (the connection dropped,
//! a deploy in between): the console says so in words with Try again, and goes on; once
//! the network is back, Try again brings the part. The splitter's own loader would stop
//! the whole console there. Only the release build comes in parts; a development build
//! has nothing to download later, and these tests stop at once there.
//! The harness is `e2e_support`.

use crate::audit::{set_theme, violations};
use crate::customer::fill_contact;
use crate::e2e_support::*;
use thirtyfour::prelude::*;

/// Whether this page came in parts (the release build's folder of parts).
async fn in_parts(h: &Harness) -> bool {
    let value = h
        .driver
        .execute(
            "return !!document.querySelector('link[rel=modulepreload][href^=\"/pkg-\"]');",
            Vec::new(),
        )
        .await
        .expect("the page answers");
    value.json().as_bool().unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conversation_whose_part_cannot_be_downloaded_is_said_and_try_again_opens_it() {
    let h = start().await;
    h.block_urls(&["*split_conversation_part*"]).await;
    h.sign_in_at("/?backend=communication").await;
    h.wait_for(communication_row()).await;
    if !in_parts(&h).await {
        h.finish().await;
        return;
    }
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for_text(testid("part-missing"), "could not be downloaded")
        .await;
    // The console goes on: its list still answers, its filter still narrows.
    h.wait_for(testid("inbox-filter"))
        .await
        .send_keys("zzz-nothing-matches")
        .await
        .expect("typed");
    h.wait_for(testid("empty-state")).await;
    h.click(testid("part-missing-retry")).await;
    h.wait_for_text(testid("part-missing"), "could not be downloaded")
        .await;

    h.block_urls(&[]).await;
    h.click(testid("part-missing-retry")).await;
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for(testid("reply-input")).await;
    h.wait_gone(testid("part-missing")).await;
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_palette_whose_part_cannot_be_downloaded_is_said_and_comes_once_tried_again() {
    let h = start().await;
    h.block_urls(&["*split_palette_part*"]).await;
    h.sign_in_at("/").await;
    h.wait_for(By::Css("[data-testid='conversation-row']"))
        .await;
    if !in_parts(&h).await {
        h.finish().await;
        return;
    }
    // Said accessibly in both themes (the audit's rules, `audit.rs`).
    for theme in ["light", "dark"] {
        set_theme(&h, theme).await;
        h.driver.refresh().await.expect("the page reloads");
        h.wait_for(By::Css("[data-testid='conversation-row']"))
            .await;
        h.click(testid("open-palette")).await;
        h.wait_for_text(testid("part-missing"), "could not be downloaded")
            .await;
        let found = violations(&h).await;
        assert!(found.is_empty(), "{theme}: {found:#?}");
    }
    h.block_urls(&[]).await;
    h.click(testid("part-missing-retry")).await;
    h.wait_for_focus("palette-input").await;
    h.wait_gone(testid("part-missing")).await;
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_message_whose_sending_cannot_be_downloaded_is_kept_and_goes_once_it_comes() {
    let h = start().await;
    h.block_urls(&["*split_sending_part*"]).await;
    let message = "Die Heizung in Zimmer 12 bleibt kalt.";
    fill_contact(
        &h,
        [
            "Jonas Weber",
            "jonas.weber@example.de",
            "Zimmer 12",
            message,
        ],
    )
    .await;
    if !in_parts(&h).await {
        h.finish().await;
        return;
    }
    h.click(testid("contact-submit")).await;
    h.wait_for(testid("error-panel")).await;
    // Nothing typed is lost, and nothing was sent.
    let kept = h
        .wait_for(testid("contact-message"))
        .await
        .prop("value")
        .await;
    assert_eq!(kept.expect("read").as_deref(), Some(message));
    assert_eq!(h.requests_to("/contact-us").await, 0);

    h.block_urls(&[]).await;
    h.click(testid("contact-submit")).await;
    h.wait_for(testid("contact-reference")).await;
    h.wait_gone(testid("error-panel")).await;
    h.finish().await;
}
