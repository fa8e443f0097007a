//! Versions over a vendor that has none: the gateway gives a conversation's representation
//! a fingerprint as its `ETag`, refuses a write on an older one (412, before the vendor is
//! called), and gives the version the write left.

use super::{gateway, set_identity, vendor};
use crate::common::AGENT_EMAIL;
use serde_json::json;

#[tokio::test]
async fn a_write_on_a_version_a_colleague_changed_is_refused_before_it_reaches_the_vendor() {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "share_seconds = 0").await;
    set_identity(&server, AGENT_EMAIL, "communication", "agt-1", None, None);
    let path = "/communication/v1/conversations/v-1";
    let read = server.get(path).await;
    assert_eq!(read.status, 200, "{}", read.text);
    let seen = read.headers["etag"].to_str().unwrap().to_owned();
    assert!(seen.starts_with("\"fp-"), "{seen}");

    // A colleague closes it, straight at the vendor.
    vendor
        .statuses
        .lock()
        .unwrap()
        .insert("1".to_owned(), "CLOSED".to_owned());
    let put = |tag: String| {
        server.send(
            server
                .client
                .put(server.url(path))
                .header("if-match", tag)
                .json(&json!({"id": "v-1", "status": "ARCHIVED"})),
        )
    };
    let refused = put(seen.clone()).await;
    assert_eq!(refused.status, 412, "{}", refused.text);
    assert!(
        refused.text.contains("changed since you read it"),
        "{}",
        refused.text
    );
    assert!(
        vendor.seen().iter().all(|call| call.method == "GET"),
        "the vendor never saw the write"
    );

    let again = server.get(path).await;
    let current = again.headers["etag"].to_str().unwrap().to_owned();
    assert_ne!(current, seen);
    let written = put(current.clone()).await;
    assert_eq!(written.status, 200, "{}", written.text);
    let put_seen = vendor
        .seen()
        .into_iter()
        .find(|call| call.method == "PUT")
        .unwrap();
    assert!(
        !put_seen.headers.contains_key("if-match"),
        "our fingerprints are never shown to the vendor"
    );
    let after = written.headers["etag"].to_str().unwrap().to_owned();
    assert_ne!(
        after, current,
        "the write's answer carries the version it left"
    );
    assert_eq!(server.get(path).await.headers["etag"], after.as_str());
}
