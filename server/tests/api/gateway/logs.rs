//! The gateway's log: one line per call to a vendor (backend, route, status, latency,
//! correlation id), and never a secret, even when a call fails and its error is told.

use super::{gateway, vendor, SECRETS};
use std::io::Write;
use std::sync::{Arc, Mutex};

/// Where the test's log lines go.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// One thread: the server's tasks then log through this test's subscriber.
#[tokio::test(flavor = "current_thread")]
async fn every_call_is_one_log_line_and_no_line_holds_a_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let (_vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "retries = 0").await;
    let correlation = server.get("/api/v3/case-messages?guid=g-7").await.headers
        ["x-correlation-id"]
        .to_str()
        .unwrap()
        .to_owned();
    server.get("/octopia/v2/discussions/count").await;
    server.get("/communication/v1/conversations/missing").await;
    // A vendor that is gone: its error is logged, with its cause, without the token.
    let gone = gateway("http://127.0.0.1:9", "retries = 0").await;
    assert_eq!(gone.get("/api/v3/case-messages?guid=g-8").await.status, 502);

    let text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let calls: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("upstream call"))
        .collect();
    assert!(calls.len() >= 4, "{text}");
    assert!(
        calls
            .iter()
            .any(|line| line.contains("backend=\"case-messages\"")
                && line.contains("route=/case-messages")
                && line.contains("status=200")
                && line.contains(&correlation)),
        "{text}"
    );
    assert!(text.contains("upstream call failed"), "{text}");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} in the log:\n{text}");
    }
}
