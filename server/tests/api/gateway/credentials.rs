//! OAuth2 client credentials (Octopia's): one token for everyone, fetched once however
//! many calls arrive together, renewed before it expires, and once more on a 401.

use super::{gateway, vendor, SELLER_ID};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

#[tokio::test]
async fn calls_arriving_together_wait_on_one_token() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "share_seconds = 0").await;
    let calls = (0..20).map(|n| server.get_owned(format!("/octopia/v2/discussions?pageIndex={n}")));
    for reply in futures_util::future::join_all(calls).await {
        assert_eq!(reply.status, 200, "{}", reply.text);
    }
    assert_eq!(vendor.token_calls.load(Ordering::SeqCst), 1);
    let seen = vendor.seen();
    assert_eq!(seen.len(), 20);
    assert!(seen
        .iter()
        .all(|call| call.headers["sellerid"] == SELLER_ID));
    assert!(seen.iter().all(|call| call.headers["authorization"]
        .to_str()
        .unwrap()
        .starts_with("Bearer token-")));
}

#[tokio::test]
async fn a_token_that_expires_mid_run_is_renewed_and_no_call_fails() {
    let (vendor, vendor_url) = vendor().await;
    vendor.token_seconds.store(2, Ordering::SeqCst);
    let server = gateway(&vendor_url, "share_seconds = 0").await;
    let started = Instant::now();
    let mut n = 0;
    while started.elapsed() < Duration::from_secs(5) {
        let reply = server
            .get(&format!("/octopia/v2/discussions/count?n={n}"))
            .await;
        assert_eq!(
            reply.status,
            200,
            "call {n} after {:?}: {}",
            started.elapsed(),
            reply.text
        );
        n += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let tokens = vendor.token_calls.load(Ordering::SeqCst);
    println!("{n} calls over 5 s with 2 s tokens: {tokens} tokens fetched");
    assert!((3..=6).contains(&tokens), "{tokens} tokens");
}

#[tokio::test]
async fn a_refused_token_is_replaced_once_and_the_call_succeeds() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "share_seconds = 0").await;
    assert_eq!(
        server.get("/octopia/v2/discussions/count?a").await.status,
        200
    );
    vendor.revoke_tokens.store(true, Ordering::SeqCst);
    let reply = server.get("/octopia/v2/discussions/count?b").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(vendor.token_calls.load(Ordering::SeqCst), 2);
}
