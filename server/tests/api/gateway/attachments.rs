//! Files over the gateway: a forwarded write's files are checked as the embedded route
//! checks them, before anything leaves, and refused in the same words; what passes reaches
//! the vendor byte for byte. Each refusal is compared with an embedded server's answer to
//! the very same request.

use super::{gateway, set_identity, vendor, Vendor};
use crate::common::{start, Reply, TestServer, AGENT_EMAIL};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};
use switchboard_core::attachments::MB;
use switchboard_server::dialects::octopia::seed::{
    CLAIM_CUSTOMER_ID, CLAIM_ID, CLAIM_SALES_CHANNEL,
};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const PDF_MAGIC: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
const EXE_MAGIC: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";
const BOUNDARY: &str = "gateway-files-7d1c";
const MESSAGES: &str = "/communication/v1/conversations/c-1/messages";

/// `size` bytes that start like the format and then vary, so any change shows.
fn file_of(magic: &[u8], size: usize) -> Vec<u8> {
    let mut data = magic.to_vec();
    data.extend((0..size.saturating_sub(magic.len())).map(|i| (i * 7 + i / 251) as u8));
    data.truncate(size);
    data
}

/// A message with `files`, written out by hand so the test knows every byte sent.
fn message_body(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"message\"\r\n\
         Content-Type: application/json\r\n\r\n{}\r\n",
        json!({"content": "Here are the files."})
    )
    .into_bytes();
    for (name, data) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; \
                 filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn send_message(server: &TestServer, body: Vec<u8>) -> Reply {
    let request = server
        .client
        .post(server.url(MESSAGES))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body);
    server.send(request).await
}

/// A gateway whose agent has an identity on both vendors, and its vendor.
async fn with_identities() -> (std::sync::Arc<Vendor>, TestServer) {
    let (vendor, vendor_url) = vendor().await;
    let server = gateway(&vendor_url, "").await;
    set_identity(&server, AGENT_EMAIL, "communication", "agt-77", None, None);
    set_identity(&server, AGENT_EMAIL, "octopia", "octo-user-9", None, None);
    (vendor, server)
}

/// An answer's words, without what differs between two servers (the correlation id).
fn words(reply: &Reply) -> Value {
    let mut body = reply.body.clone();
    if let Some(object) = body.as_object_mut() {
        for varying in ["debug_id", "traceId"] {
            object.remove(varying);
        }
    }
    body
}

/// The gateway refuses `body` with `status`, in the embedded route's words, and the vendor
/// hears nothing.
async fn refused_as_embedded(body: Vec<u8>, status: u16) {
    let (vendor, server) = with_identities().await;
    let embedded = start().await;
    let through = send_message(&server, body.clone()).await;
    let here = send_message(&embedded, body).await;
    assert_eq!(through.status, status, "{}", through.text);
    assert_eq!(here.status, status, "{}", here.text);
    assert_eq!(words(&through), words(&here));
    assert_eq!(vendor.calls(), 0, "the vendor never heard of the write");
}

#[tokio::test]
async fn a_disguised_program_in_a_reply_is_refused_in_the_embedded_words_and_never_sent() {
    let program = file_of(EXE_MAGIC, 3_000);
    let body = message_body(&[("invoice.pdf", &program)]);
    refused_as_embedded(body, 400).await;
}

#[tokio::test]
async fn a_file_over_the_size_limit_is_refused_with_a_413_and_never_sent() {
    let large = file_of(PDF_MAGIC, (10 * MB + 1) as usize);
    let body = message_body(&[("scan.png", &file_of(PNG_MAGIC, 500)), ("big.pdf", &large)]);
    refused_as_embedded(body, 413).await;
}

#[tokio::test]
async fn a_file_in_a_part_of_another_name_is_refused_as_embedded_and_never_sent() {
    let picture = file_of(PNG_MAGIC, 500);
    let body = message_body(&[("shot.png", &picture)]);
    let hidden = String::from_utf8_lossy(&body).replace("name=\"files\"", "name=\"file\"");
    refused_as_embedded(hidden.into_bytes(), 400).await;
}

#[tokio::test]
async fn a_body_neither_multipart_nor_json_is_refused_as_embedded_and_never_sent() {
    let (vendor, server) = with_identities().await;
    let embedded = start().await;
    let as_text = |server: &TestServer| {
        let request = server.client.post(server.url(MESSAGES));
        request
            .header("content-type", "text/plain")
            .body("MZ\u{90}")
    };
    let through = server.send(as_text(&server)).await;
    let here = embedded.send(as_text(&embedded)).await;
    assert_eq!(through.status, 415, "{}", through.text);
    assert_eq!(words(&through), words(&here));
    assert_eq!(vendor.calls(), 0);
}

#[tokio::test]
async fn valid_files_reach_the_vendor_byte_for_byte_held_or_streamed() {
    let (vendor, server) = with_identities().await;
    let picture = file_of(PNG_MAGIC, 2_345);
    // Small enough to be held, then large enough to be streamed from the spool.
    for invoice in [
        file_of(PDF_MAGIC, 40_000),
        file_of(PDF_MAGIC, 3 * MB as usize),
    ] {
        let sent = message_body(&[("screenshot.png", &picture), ("Facture.pdf", &invoice)]);
        let reply = send_message(&server, sent.clone()).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        let seen = vendor.seen().pop().expect("the vendor got the write");
        assert_eq!(seen.path, "/comm/conversations/c-1/messages");
        assert_eq!(seen.body.len(), sent.len());
        assert!(seen.body == sent, "the vendor got the very bytes sent");
        let content_type = seen.headers["content-type"].to_str().unwrap();
        assert!(content_type.contains(BOUNDARY), "{content_type}");
        assert_eq!(seen.headers["content-length"], sent.len().to_string());
        let found = |file: &[u8]| seen.body.windows(file.len()).any(|w| w == file);
        assert!(found(&picture) && found(&invoice), "each file whole");
    }
}

// ---- Octopia: files in base64 inside JSON --------------------------------------------------

fn attachment(name: &str, format: &str, data: &[u8]) -> Value {
    json!({"name": name, "fileFormat": format, "content": STANDARD.encode(data)})
}

fn reply_with(attachments: Vec<Value>) -> Value {
    json!({
        "body": "Voici les pièces.",
        "discussionId": CLAIM_ID,
        "salesChannel": CLAIM_SALES_CHANNEL,
        "userType": "Seller",
        "receivers": [{"userId": CLAIM_CUSTOMER_ID, "userType": "Customer"}],
        "attachments": attachments,
    })
}

#[tokio::test]
async fn octopia_files_of_a_wrong_format_or_too_many_are_refused_in_its_words_and_never_sent() {
    let (vendor, server) = with_identities().await;
    let embedded = start().await;
    let png = file_of(PNG_MAGIC, 2_000);
    let wrong = reply_with(vec![
        attachment("setup.pdf", "pdf", &file_of(EXE_MAGIC, 500)),
        attachment("facture", "docx", &file_of(PDF_MAGIC, 500)),
    ]);
    let four = reply_with(
        (0..4)
            .map(|i| attachment(&format!("photo-{i}.png"), "png", &png))
            .collect(),
    );
    for body in [wrong, four] {
        let through = server.post("/octopia/v2/messages", body.clone()).await;
        let here = embedded.post("/octopia/v2/messages", body).await;
        assert_eq!(through.status, 400, "{}", through.text);
        assert_eq!(words(&through), words(&here));
    }
    assert_eq!(vendor.calls(), 0, "the vendor never heard of the replies");
}

#[tokio::test]
async fn valid_octopia_files_reach_the_vendor_as_sent() {
    let (vendor, server) = with_identities().await;
    let (png, pdf) = (file_of(PNG_MAGIC, 3_000), file_of(PDF_MAGIC, MB as usize));
    let body = reply_with(vec![
        attachment("photo du colis.png", "png", &png),
        attachment("bon de retour.pdf", "pdf", &pdf),
    ]);
    let reply = server.post("/octopia/v2/messages", body.clone()).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let seen = vendor.seen().pop().expect("the vendor got the reply");
    let sent: Value = serde_json::from_slice(&seen.body).unwrap();
    assert_eq!(sent["attachments"], body["attachments"]);
}
