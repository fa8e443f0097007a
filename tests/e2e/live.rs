//! End to end, the live inbox: what someone else writes appears without a reload (a
//! message in the open conversation, a new conversation in the list), and a backend that
//! stops answering leaves the rest of the inbox working, its rows marked stale, and comes
//! back on its own once it answers again (at once when the network is said to be back);
//! the same when the vendor behind the gateway hangs.
//! The harness is `e2e_support`.

use crate::e2e_support::*;
use std::time::Duration;
use thirtyfour::prelude::*;

/// How often the console asks each backend again in these tests.
const POLL_SECONDS: u32 = 2;

/// Well over the polling interval with its jitter (+20 %) and an answer.
const LIVE_WAIT: Duration = Duration::from_secs(20);

/// Waits until `by` holds `expected`, for up to [`LIVE_WAIT`].
async fn wait_live(h: &Harness, by: By, expected: &str) {
    if let Err(last) = shows_live(h, by.clone(), expected).await {
        panic!("{by:?} never showed {expected:?} within {LIVE_WAIT:?}; last {last:?}");
    }
}

/// Whether `by` comes to hold `expected` within [`LIVE_WAIT`]; else what it last held.
async fn shows_live(h: &Harness, by: By, expected: &str) -> Result<(), String> {
    let mut last = String::new();
    for _ in 0..(LIVE_WAIT.as_millis() / POLL.as_millis()) {
        if let Ok(el) = h.driver.find(by.clone()).await {
            last = el.text().await.unwrap_or_default();
            if last.contains(expected) {
                return Ok(());
            }
        }
        tokio::time::sleep(POLL).await;
    }
    Err(last)
}

/// What the console knew and asked since `since` (the page's clock, in ms), for a
/// failure's message: its stream, the row of `key`, its requests to the backend.
async fn what_the_console_did(h: &Harness, key: &str, since: f64) -> String {
    let script = r#"
        const [since, key] = arguments;
        const slot = document.querySelector('.live-banner-slot');
        const row = document.querySelector(`[data-key='${key}']`);
        const asked = performance.getEntriesByType('resource')
            .filter(e => e.startTime >= since && e.name.includes('/communication/'))
            .map(e => `${Math.round(e.startTime - since)} ms: ${e.name.replace(location.origin, '')} ${e.responseStatus ?? ''}`);
        return JSON.stringify({
            stream: slot && slot.dataset.stream,
            row: row && `${row.className} | ${row.innerText}`,
            asked,
        });
    "#;
    match h
        .driver
        .execute(script, vec![since.into(), key.into()])
        .await
    {
        Ok(said) => said.json().as_str().unwrap_or_default().to_owned(),
        Err(error) => format!("(the page did not say: {error})"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_others_write_appears_without_a_reload() {
    let h = start_polling_every(POLL_SECONDS).await;
    h.sign_in_at("/?backend=communication").await;
    h.wait_for(communication_row()).await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    let id = key.trim_start_matches("communication/").to_owned();

    // A colleague's message, posted by another client.
    let said = "Posted by a colleague while you were reading";
    h.api_post(
        &format!("/communication/v1/conversations/{id}/messages"),
        serde_json::json!({ "content": said }),
    )
    .await;
    wait_live(&h, By::Id("thread"), said).await;

    // A colleague writes in it: the thread grows in place and a screen reader hears of
    // it (the agent's own messages above were not announced).
    let noted = "Note de Javier : le client rappelle demain";
    h.api_post_as(
        "javier.ortega@switchboard.example",
        &format!("/communication/v1/conversations/{id}/messages"),
        serde_json::json!({ "content": noted }),
    )
    .await;
    wait_live(&h, By::Id("thread"), noted).await;
    h.wait_for_text(testid("announcement"), "New message from Javier")
        .await;

    // A new conversation, written in: its row comes into the list, at the top (newest
    // activity).
    let created = h
        .api_post(
            "/communication/v1/conversations",
            serde_json::json!({
                "tripPublicationId": "pub-live",
                "tripReference": "TRIP-LIVE-0001",
                "establishmentId": "est-live",
                "customerId": "live.customer@example.com",
            }),
        )
        .await;
    let new_id = created["id"].as_str().expect("an id");
    h.api_post(
        &format!("/communication/v1/conversations/{new_id}/messages"),
        serde_json::json!({ "content": "Bonjour, une question sur ma réservation" }),
    )
    .await;
    let row = By::Css(format!("[data-key='communication/{new_id}']"));
    wait_live(&h, row, "live.customer@example.com").await;
    // The open conversation stayed open beside the list.
    h.wait_for(testid("conversation-customer")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_backend_leaves_the_rest_working_and_comes_back() {
    let h = start_polling_every(POLL_SECONDS).await;
    h.sign_in_at("/").await;
    h.wait_for(communication_row()).await;
    // Octopia stops answering: said, while the other backends still show and work.
    h.block_urls(&["*/octopia/*"]).await;
    wait_live(&h, testid("error-panel"), "Octopia could not be loaded").await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;

    // It answers again; the network is said to be back: asked at once, and it recovers.
    h.block_urls(&[]).await;
    h.driver
        .execute("window.dispatchEvent(new Event('online'));", Vec::new())
        .await
        .expect("script");
    for _ in 0..(LIVE_WAIT.as_millis() / POLL.as_millis()) {
        let panels = h
            .driver
            .find_all(testid("error-panel"))
            .await
            .unwrap_or_default();
        let mut octopia_failing = false;
        for panel in panels {
            octopia_failing |= panel.text().await.unwrap_or_default().contains("Octopia");
        }
        if !octopia_failing {
            return;
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("Octopia never came back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vendor_that_hangs_behind_the_gateway_is_said_and_the_rest_keeps_working() {
    let h = start_with(Browser {
        through_gateway: true,
        hanging: Some("octopia"),
        ..Browser::default()
    })
    .await;
    h.sign_in_at("/").await;
    // The gateway gives up on Octopia after its timeout and says so in Octopia's shape:
    // the console marks Octopia alone, and the other backends' rows work.
    wait_live(&h, testid("error-panel"), "Octopia").await;
    h.wait_for(communication_row()).await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.finish().await;
}

/// The browser's network, switched off or on as a train's tunnel does (Chromium's own
/// emulation: the page is told it is offline and its requests fail).
async fn set_offline(h: &Harness, offline: bool) {
    h.driver
        .cdp()
        .send_raw("Network.enable", serde_json::json!({}))
        .await
        .expect("the network domain");
    h.driver
        .cdp()
        .send_raw(
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": offline, "latency": 0,
                "downloadThroughput": -1, "uploadThroughput": -1
            }),
        )
        .await
        .expect("the network's conditions");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_sent_offline_goes_on_its_own_once_the_network_is_back_and_only_once() {
    let h = start().await;
    h.sign_in_at("/?backend=communication").await;
    h.wait_for(communication_row()).await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("reply-input")).await;
    let id = key.trim_start_matches("communication/").to_owned();

    set_offline(&h, true).await;
    let reply = "Written in a tunnel: your refund left this morning.";
    h.wait_for(testid("reply-input"))
        .await
        .send_keys(reply)
        .await
        .unwrap();
    h.click(testid("reply-send")).await;
    // Said as true as it can be, once in the thread, on the agent's side.
    h.wait_for_text(testid("outbox-message-state"), "May not have been sent")
        .await;
    let bubble = h.attribute(testid("outbox-message"), "class").await;
    assert!(bubble.contains("from-agent"), "{bubble}");

    // Back online: it goes by itself, with its key, and lands once.
    set_offline(&h, false).await;
    wait_live(
        &h,
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']".to_owned()),
        reply,
    )
    .await;
    let messages = h
        .api_json(&format!(
            "/communication/v1/conversations/{id}/messages?sizePage=100"
        ))
        .await;
    let copies = messages["content"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["content"] == reply)
        .count();
    assert_eq!(copies, 1, "sent once");
    h.finish().await;
}

/// Pushed, not polled: with polling an hour apart, a colleague's message stored through
/// another server instance (over one PostgreSQL database under the test command) reaches
/// the open thread and its row through the event stream alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_stored_through_another_instance_appears_through_the_stream() {
    let h = start_with(Browser {
        second_instance: true,
        ..Browser::default()
    })
    .await;
    h.sign_in_at("/?backend=communication").await;
    h.wait_for(communication_row()).await;
    h.wait_for(By::Css(".live-banner-slot[data-stream='open']"))
        .await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    let id = key.trim_start_matches("communication/").to_owned();

    let said = "Stored through the other instance, pushed to this console";
    let since = h
        .driver
        // A full buffer of resource timings would keep the requests to come from a
        // failure's message.
        .execute(
            "performance.clearResourceTimings(); return performance.now();",
            Vec::new(),
        )
        .await
        .expect("the page's clock")
        .json()
        .as_f64()
        .unwrap_or_default();
    h.api_post_through_second(
        "javier.ortega@switchboard.example",
        &format!("/communication/v1/conversations/{id}/messages"),
        serde_json::json!({ "content": said }),
    )
    .await;
    if let Err(last) = shows_live(&h, By::Id("thread"), said).await {
        let messages = h
            .api_json(&format!(
                "/communication/v1/conversations/{id}/messages?sizePage=100"
            ))
            .await;
        let stored = messages.to_string().contains(said);
        let did = what_the_console_did(&h, &key, since).await;
        panic!(
            "the thread never showed the message within {LIVE_WAIT:?}; last {last:?}; \
             through the first instance the message is stored: {stored}; the console: {did}"
        );
    }
    h.finish().await;
}
