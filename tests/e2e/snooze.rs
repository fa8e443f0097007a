//! Snooze end to end (`docs/snooze.md`): a customer writes through the contact page; the
//! agent opens the conversation and snoozes it until tomorrow with `z`; it leaves the list
//! and the Snoozed view holds it with until when; the customer writes again through their
//! private link, and the conversation is back in the list at once, said over it.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_snoozed_conversation_leaves_the_list_and_comes_back_when_the_customer_writes() {
    let h = start().await;
    let (conversation, token) = h
        .contact_us(
            serde_json::json!({ "name": "Zoé Sommeil", "mail": "zoe.snooze@example.fr",
            "object": "Late check-out", "message": "Can I leave at two?" }),
        )
        .await;
    let row = By::Css(format!("a[data-key='communication/{conversation}']"));

    h.sign_in_at("/?backend=communication").await;
    h.click(row.clone()).await;
    h.wait_for_text(By::Id("thread"), "Can I leave at two?")
        .await;
    h.press("z").await;
    h.click(testid("snooze-choice-tomorrow")).await;
    h.wait_for_text(testid("snooze-held"), "Snoozed until")
        .await;
    h.wait_gone(row.clone()).await;

    // The Snoozed view holds it, with until when; leaving the view leaves it out again.
    h.click(testid("view-snoozed")).await;
    h.wait_for(row.clone()).await;
    h.wait_for_text(
        By::Css(format!(
            "a[data-key='communication/{conversation}'] [data-testid='row-snoozed']"
        )),
        "Snoozed until",
    )
    .await;
    h.wait_for_text(testid("count-snoozed"), "1").await;
    h.click(testid("view-snoozed")).await;
    h.wait_gone(row.clone()).await;

    // The customer writes again: back at once, said over the list.
    h.customer_post(
        &format!("/communication/v1/follow-up/{token}/messages"),
        serde_json::json!({ "message": "Or at three, if that is easier?" }),
    )
    .await;
    h.wait_for(row).await;
    h.wait_for_text(testid("snooze-back"), "Zoé Sommeil is back from snooze")
        .await;
    h.finish().await;
}
