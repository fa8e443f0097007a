//! A reply begun before the customer wrote again asks before it goes (`docs/presence.md`,
//! "Changed since you began"): an agent writes a reply, the customer writes back through
//! their private link meanwhile, and Ctrl+Enter shows what changed instead of sending;
//! "Review first" keeps every word, and the next Ctrl+Enter sends it.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_begun_before_the_customer_wrote_again_asks_before_it_goes() {
    let h = start().await;
    h.sign_in_at("/?status=open").await;
    let (conversation, token) = h
        .contact_us(
            serde_json::json!({ "name": "Zoë Lambert", "mail": "zoe.since@example.fr",
            "object": "Breakfast", "message": "Is breakfast included?" }),
        )
        .await;
    h.driver
        .goto(format!(
            "{}/conversations/communication/{conversation}",
            h.base
        ))
        .await
        .unwrap();
    h.wait_for_text(By::Id("thread"), "Is breakfast included?")
        .await;

    h.click(testid("reply-input")).await;
    let reply = "Yes, breakfast is included from 7 to 10.";
    h.press(reply).await;
    // Meanwhile, the customer writes again.
    let again = "Also, can I check in early?";
    h.customer_post(
        &format!("/communication/v1/follow-up/{token}/messages"),
        serde_json::json!({ "message": again }),
    )
    .await;
    h.wait_for_text(By::Id("thread"), again).await;

    h.press_ctrl(Key::Enter).await;
    h.wait_for_text(testid("changed-since"), "The customer wrote a new message.")
        .await;
    // Review first: nothing sent, nothing lost, and the next Ctrl+Enter sends.
    h.click(testid("changed-since-review")).await;
    let kept = h
        .wait_for(testid("reply-input"))
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(kept, reply, "every word kept");
    let thread = h.wait_for(By::Id("thread")).await.text().await.unwrap();
    assert!(!thread.contains(reply), "not sent yet");
    h.click(testid("reply-input")).await;
    h.press_ctrl(Key::Enter).await;
    h.wait_for_text(By::Id("thread"), reply).await;
    assert!(
        h.driver.find(testid("changed-since")).await.is_err(),
        "asked once"
    );
    h.finish().await;
}
