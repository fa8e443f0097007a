//! The API's JSON answers are gzipped for a browser that accepts gzip, and read the same;
//! the event stream, small answers and a client that does not ask get them as they are.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;
use std::io::Read;

const PAGE: &str = "/communication/v1/conversations?currentPage=1&sizePage=50";

#[tokio::test]
async fn a_json_answer_is_gzipped_for_a_browser_that_accepts_it_and_reads_the_same() {
    let server = start().await;
    let plain = server.get(PAGE).await;
    assert_eq!(plain.status, StatusCode::OK, "{}", plain.text);
    assert!(plain.headers.get("content-encoding").is_none(), "not asked");

    let zipped = server
        .send(
            server
                .client
                .get(server.url(PAGE))
                .header("accept-encoding", "gzip"),
        )
        .await;
    assert_eq!(zipped.status, StatusCode::OK);
    assert_eq!(zipped.headers["content-encoding"], "gzip");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&zipped.bytes[..])
        .read_to_string(&mut text)
        .expect("a gzip body");
    let read: Value = serde_json::from_str(&text).expect("JSON once unzipped");
    assert_eq!(read, plain.body);
    assert!(
        zipped.bytes.len() * 3 < plain.bytes.len(),
        "{} bytes gzipped, {} plain",
        zipped.bytes.len(),
        plain.bytes.len()
    );
}

#[tokio::test]
async fn the_event_stream_and_small_answers_are_never_gzipped() {
    let server = start().await;
    let small = server
        .send(
            server
                .client
                .get(server.url("/api/session"))
                .header("accept-encoding", "gzip"),
        )
        .await;
    assert_eq!(small.status, StatusCode::OK, "{}", small.text);
    assert!(small.bytes.len() < 1024, "{}", small.text);
    assert!(small.headers.get("content-encoding").is_none());

    let stream = server
        .client
        .get(server.url("/api/events"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("the stream answers");
    assert_eq!(stream.status(), StatusCode::OK);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    assert!(
        stream.headers().get("content-encoding").is_none(),
        "each event leaves as it is written"
    );
}
