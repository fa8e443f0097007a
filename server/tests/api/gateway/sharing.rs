//! Many agents, one vendor quota: identical calls in flight are one call, and a list's
//! answer is given to every agent who asks within the sharing window.

use super::{gateway, set_identity, vendor};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

#[tokio::test]
async fn identical_calls_in_flight_reach_the_vendor_once() {
    let (vendor, vendor_url) = vendor().await;
    vendor.delay_ms.store(300, Ordering::SeqCst);
    let server = gateway(&vendor_url, "share_seconds = 5").await;
    let calls =
        (0..10).map(|_| server.get_owned("/communication/v1/conversations?page=0".to_owned()));
    for reply in futures_util::future::join_all(calls).await {
        assert_eq!(reply.status, 200, "{}", reply.text);
    }
    assert_eq!(vendor.calls(), 1);
}

#[tokio::test]
async fn a_write_makes_the_next_read_ask_the_vendor_again() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "share_seconds = 60").await;
    set_identity(
        &server,
        crate::common::AGENT_EMAIL,
        "communication",
        "agt-77",
        None,
        None,
    );
    server.get("/communication/v1/conversations").await;
    server.get("/communication/v1/conversations").await;
    assert_eq!(vendor.calls(), 1);
    server
        .post(
            "/communication/v1/conversations/c-1/messages",
            serde_json::json!({"content": "x"}),
        )
        .await;
    server.get("/communication/v1/conversations").await;
    assert_eq!(
        vendor.calls(),
        3,
        "the list after a write is the vendor's, not the shared one"
    );
}

#[tokio::test]
async fn fifty_agents_polling_for_thirty_seconds_cost_one_call_per_sharing_window() {
    let (vendor, vendor_url) = vendor().await;
    let server = std::sync::Arc::new(gateway(&vendor_url, "share_seconds = 2").await);
    let run_for = Duration::from_secs(30);
    let started = Instant::now();
    let agents = (0..50).map(|agent| {
        let server = server.clone();
        tokio::spawn(async move {
            // Agents start apart, as they do.
            tokio::time::sleep(Duration::from_millis(agent * 20)).await;
            let mut asked = 0u32;
            while started.elapsed() < run_for {
                for path in [
                    "/communication/v1/conversations?page=0&size=25",
                    "/octopia/v2/discussions/count",
                ] {
                    let reply = server.get(path).await;
                    assert_eq!(reply.status, 200, "{}", reply.text);
                    asked += 1;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            asked
        })
    });
    let mut asked = 0;
    for agent in futures_util::future::join_all(agents).await {
        asked += agent.unwrap();
    }
    let upstream = vendor.calls();
    // Per route: one call per window of the run as it really lasted (the last round may
    // end after 30 s), and one more for a window cut by the run's ends.
    let lasted = started.elapsed().as_secs() as usize;
    let bound = 2 * (lasted.div_ceil(2) + 1);
    println!(
        "fifty agents, {lasted} s: {asked} calls to the gateway, {upstream} to the vendor (bound {bound}); {} saved",
        asked as usize - upstream
    );
    assert!(
        upstream <= bound,
        "{upstream} vendor calls for {asked} agent calls"
    );
}

#[tokio::test]
async fn an_answer_to_one_agents_conditional_call_is_never_another_agents() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "share_seconds = 60").await;
    let conditional = server
        .send(
            server
                .client
                .get(server.url("/communication/v1/conversations"))
                .header("if-none-match", "\"v1\""),
        )
        .await;
    assert_eq!(conditional.status, 200);
    server.get("/communication/v1/conversations").await;
    assert_eq!(
        vendor.calls(),
        2,
        "a plain call is not answered by a conditional one"
    );
    let seen = vendor.seen();
    assert_eq!(seen[0].headers["if-none-match"], "\"v1\"");
    assert!(!seen[1].headers.contains_key("if-none-match"));
}
