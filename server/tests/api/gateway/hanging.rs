//! A vendor that hangs costs the console one fast "not up to date" for that backend and
//! nothing else: its calls time out (504), then the breaker answers at once (503 with
//! `Retry-After`) without calling it, the other backends answer as usual, and once the
//! vendor is back the breaker closes on its own.

use super::{gateway, vendor};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

#[tokio::test]
async fn a_vendor_that_hangs_trips_the_breaker_and_the_others_keep_answering() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(
        &vendor_url,
        "timeout_seconds = 1\nretries = 0\nbreaker_failures = 2\nbreaker_open_seconds = 1\nshare_seconds = 0",
    )
    .await;
    vendor.delay_ms.store(5_000, Ordering::SeqCst);
    for n in 0..2 {
        let reply = server
            .get(&format!("/communication/v1/conversations?n={n}"))
            .await;
        assert_eq!(reply.status, 504, "{}", reply.text);
        assert_eq!(reply.body["name"], "SERVICE_UNAVAILABLE", "{}", reply.text);
        assert!(
            reply.text.contains("did not answer within 1 s"),
            "{}",
            reply.text
        );
    }
    let before = vendor.calls();
    let resting = server.get("/communication/v1/conversations?n=3").await;
    assert_eq!(resting.status, 503, "{}", resting.text);
    assert!(resting.headers.contains_key("retry-after"));
    assert_eq!(vendor.calls(), before, "the resting vendor is not called");

    let other = server.get("/api/v3/case-messages?guid=g").await;
    assert_eq!(
        other.status, 200,
        "another backend keeps answering: {}",
        other.text
    );

    vendor.delay_ms.store(0, Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let reply = server.get("/communication/v1/conversations?back").await;
        if reply.status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the breaker never closed: {}",
            reply.text
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_vendor_asking_to_slow_down_is_given_its_pause() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "share_seconds = 0").await;
    let limited = server.get("/communication/v1/conversations/limited").await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.headers["retry-after"], "1");
    let asked = Instant::now();
    let next = server.get("/communication/v1/conversations?after").await;
    assert_eq!(next.status, 200, "{}", next.text);
    assert!(
        asked.elapsed() >= Duration::from_millis(900),
        "the next call waited for the vendor's Retry-After"
    );
    assert_eq!(vendor.calls(), 2);
}
