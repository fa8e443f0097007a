//! Files on messages and contact-us messages, over real HTTP: multipart uploads checked
//! with core's policies, listed with their checksums, downloaded safely. Each test starts
//! its own server on a fresh SQLite file, with the harness in `common`.

use crate::common::{start, Reply, TestServer, API};
use reqwest::header::CONTENT_TYPE;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Instant;
use switchboard_core::attachments::MB;
use switchboard_server::http::upload::sha256_hex;

impl TestServer {
    async fn new_conversation(&self) -> String {
        let conversation = self.create_conversation("files@example.com").await;
        conversation["id"].as_str().unwrap().to_owned()
    }

    async fn conversation_messages(&self, conversation: &str) -> Vec<Value> {
        let reply = self
            .get(&format!("{API}/conversations/{conversation}/messages"))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply.body["content"].as_array().unwrap().clone()
    }
}

/// The documented error body, `debug_id` being the correlation id; returns the details as
/// (field, value, issue).
fn assert_error(reply: &Reply, status: StatusCode, name: &str) -> Vec<(String, String, String)> {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(reply.headers[CONTENT_TYPE], "application/json");
    let body = &reply.body;
    assert_eq!(body["name"], name, "{}", reply.text);
    assert_eq!(
        body["debug_id"],
        reply.headers["x-correlation-id"].to_str().unwrap()
    );
    assert!(!body["message"].as_str().unwrap().is_empty());
    assert_eq!(body["information_link"], "docs/backends/communication.md");
    body["details"]
        .as_array()
        .expect("details is a list")
        .iter()
        .map(|detail| {
            let location = if status == StatusCode::NOT_FOUND {
                "path"
            } else {
                "body"
            };
            assert_eq!(detail["location"], location, "{detail}");
            let text = |key: &str| detail[key].as_str().unwrap().to_owned();
            (text("field"), text("value"), text("issue"))
        })
        .collect()
}

// ---- test files ---------------------------------------------------------------------------

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const PDF_MAGIC: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
const EXE_MAGIC: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";

/// `size` bytes that start like the format and then vary, so a checksum catches any change.
fn file_of(magic: &[u8], size: usize) -> Vec<u8> {
    let mut data = magic.to_vec();
    data.extend((0..size.saturating_sub(magic.len())).map(|i| (i * 7 + i / 251) as u8));
    data.truncate(size);
    data
}

fn png(size: usize) -> Vec<u8> {
    file_of(PNG_MAGIC, size)
}

fn pdf(size: usize) -> Vec<u8> {
    file_of(PDF_MAGIC, size)
}

fn form(json_part: &str, json: Value, files: Vec<(&str, Vec<u8>)>) -> Form {
    files.into_iter().fold(
        Form::new().text(json_part.to_owned(), json.to_string()),
        |form, (name, data)| form.part("files", Part::bytes(data).file_name(name.to_owned())),
    )
}

fn message_form(text: &str, files: Vec<(&str, Vec<u8>)>) -> Form {
    form(
        "message",
        json!({"content": text, "transmitterId": "agent-camille"}),
        files,
    )
}

fn contact_form(files: Vec<(&str, Vec<u8>)>) -> Form {
    form(
        "contact",
        json!({
            "name": "Zoë Faure",
            "mail": "zoe.faure@example.fr",
            "object": "Facture",
            "message": "Bonjour, voici la facture dont je vous parlais au téléphone.",
        }),
        files,
    )
}

fn messages_path(conversation: &str) -> String {
    format!("{API}/conversations/{conversation}/messages")
}

// ---- uploads that pass --------------------------------------------------------------------

#[tokio::test]
async fn uploaded_files_are_listed_with_checksums_and_download_unchanged() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    let (picture, invoice) = (png(2_345), pdf(40_000));
    let reply = server
        .post_form(
            &messages_path(&conversation),
            message_form(
                "Here are the screenshot and the invoice.",
                vec![
                    ("screenshot.png", picture.clone()),
                    ("Facture été.pdf", invoice.clone()),
                ],
            ),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.body["attachments"].as_array().unwrap().len(), 2);

    let messages = server.conversation_messages(&conversation).await;
    let attachments = messages[0]["attachments"].as_array().unwrap().clone();
    assert_eq!(
        attachments,
        reply.body["attachments"].as_array().unwrap()[..],
        "the list shows what the reply showed"
    );
    for (attachment, (name, media_type, data)) in attachments.iter().zip([
        ("screenshot.png", "image/png", &picture),
        ("Facture été.pdf", "application/pdf", &invoice),
    ]) {
        assert_eq!(attachment["fileName"], name);
        assert_eq!(attachment["mediaType"], media_type);
        assert_eq!(attachment["size"], data.len());
        assert_eq!(
            attachment["checksum"],
            format!("sha256:{}", sha256_hex(data))
        );
        let id = attachment["id"].as_str().unwrap();
        assert_eq!(attachment["href"], format!("/attachments/{id}"));

        let href = attachment["href"].as_str().unwrap();
        let download = server.get(&format!("{API}{href}")).await;
        assert_eq!(download.status, StatusCode::OK);
        assert!(download.bytes == *data, "the bytes come back unchanged");
        let header = |name: &str| download.headers[name].to_str().unwrap().to_owned();
        assert_eq!(header("content-type"), media_type);
        assert_eq!(header("content-length"), data.len().to_string());
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(
            header("content-security-policy"),
            "default-src 'none'; sandbox"
        );
        assert!(header("cache-control").contains("immutable"));
        assert!(header("content-disposition").starts_with("attachment;"));
    }
    let download = server
        .get(&format!(
            "{API}{}",
            attachments[1]["href"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        download.headers["content-disposition"],
        "attachment; filename=\"Facture _t_.pdf\"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf"
    );

    // The conversation's last message carries them too, in the list and alone.
    let list = server
        .get(&format!("{API}/conversations?customerId=files@example.com"))
        .await;
    assert_eq!(
        list.body["content"][0]["lastMessage"]["attachments"],
        json!(attachments)
    );
    let one = server
        .get(&format!("{API}/conversations/{conversation}"))
        .await;
    assert_eq!(one.body["lastMessage"]["attachments"], json!(attachments));
}

#[tokio::test]
async fn with_files_the_text_may_be_empty_but_not_without() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    let reply = server
        .post_form(
            &messages_path(&conversation),
            message_form("", vec![("photo.png", png(100))]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.body["content"], "");
    let reply = server
        .post_form(&messages_path(&conversation), message_form(" ", vec![]))
        .await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(details[0].0, "content");
}

#[tokio::test]
async fn json_replies_still_work_and_carry_no_attachments() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    let reply = server
        .post(
            &messages_path(&conversation),
            json!({"content": "Plain text, as before."}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert!(reply.body.get("attachments").is_none(), "{}", reply.text);
    let messages = server.conversation_messages(&conversation).await;
    assert_eq!(messages[0]["content"], "Plain text, as before.");
    assert!(messages[0].get("attachments").is_none());
}

#[tokio::test]
async fn a_file_exactly_at_the_limit_passes() {
    let server = start().await;
    let size = 5 * MB as usize; // the contact form's limit per file
    let data = png(size);
    let reply = server
        .post_form(
            &format!("{API}/contact-us"),
            contact_form(vec![("whole.png", data.clone())]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let conversation = &server.conversation_of_contact(&reply.body).await;
    let messages = server.conversation_messages(conversation).await;
    assert_eq!(messages[0]["attachments"][0]["size"], size);
    assert_eq!(
        messages[0]["attachments"][0]["checksum"],
        format!("sha256:{}", sha256_hex(&data))
    );
}

#[tokio::test]
async fn file_names_are_stored_cleaned() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    let reply = server
        .post_form(
            &messages_path(&conversation),
            message_form(
                "Scan attached.",
                vec![("C:\\Users\\ana\\..\\..\\etc/scan\t2026.pdf", pdf(500))],
            ),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.body["attachments"][0]["fileName"], "scan2026.pdf");
    let messages = server.conversation_messages(&conversation).await;
    assert_eq!(messages[0]["attachments"][0]["fileName"], "scan2026.pdf");
}

#[tokio::test]
async fn a_contact_message_attaches_its_files_to_the_conversation() {
    let server = start().await;
    let invoice = pdf(12_000);
    let reply = server
        .post_form(
            &format!("{API}/contact-us"),
            contact_form(vec![("facture.pdf", invoice.clone())]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let conversation = &server.conversation_of_contact(&reply.body).await;
    let messages = server.conversation_messages(conversation).await;
    assert_eq!(messages.len(), 1);
    let attachment = &messages[0]["attachments"][0];
    assert_eq!(attachment["fileName"], "facture.pdf");
    assert_eq!(attachment["mediaType"], "application/pdf");
    let download = server
        .get(&format!("{API}{}", attachment["href"].as_str().unwrap()))
        .await;
    assert!(download.bytes == invoice);
}

// ---- refusals -----------------------------------------------------------------------------

#[tokio::test]
async fn a_renamed_executable_is_refused_by_its_bytes() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    for (name, sentence) in [
        (
            "invoice.pdf",
            "invoice.pdf is not really a PDF file: its content does not match its name. \
             Accepted are PNG, JPEG, GIF, WebP, PDF, Word (DOCX), Excel (XLSX).",
        ),
        (
            "invoice.exe",
            "invoice.exe is not an accepted format: accepted are PNG, JPEG, GIF, WebP, PDF, \
             Word (DOCX), Excel (XLSX).",
        ),
    ] {
        let reply = server
            .post_form(
                &messages_path(&conversation),
                message_form("Invoice", vec![(name, file_of(EXE_MAGIC, 3_000))]),
            )
            .await;
        let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
        assert_eq!(
            details,
            [("files[0]".to_owned(), name.to_owned(), sentence.to_owned())]
        );
    }
    assert!(
        server.conversation_messages(&conversation).await.is_empty(),
        "nothing was stored"
    );
}

#[tokio::test]
async fn the_text_and_the_files_are_refused_together() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    let long = "x".repeat(5_001);
    let reply = server
        .post_form(
            &messages_path(&conversation),
            message_form(
                &long,
                vec![("fine.png", png(10)), ("blank.png", Vec::new())],
            ),
        )
        .await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    let fields: Vec<_> = details.iter().map(|(field, _, _)| field.as_str()).collect();
    assert_eq!(fields, ["content", "files[1]"]);
    assert_eq!(details[1].2, "blank.png is empty.");

    // A file too large makes the whole answer a 413, the text's problem still named.
    let reply = server
        .post_form(
            &messages_path(&conversation),
            message_form(&long, vec![("huge.pdf", pdf(10 * MB as usize + 1))]),
        )
        .await;
    let details = assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE");
    let fields: Vec<_> = details.iter().map(|(field, _, _)| field.as_str()).collect();
    assert_eq!(fields, ["content", "files[0]"]);
    assert!(server.conversation_messages(&conversation).await.is_empty());
}

#[tokio::test]
async fn an_empty_file_is_refused() {
    let server = start().await;
    let reply = server
        .post_form(
            &format!("{API}/contact-us"),
            contact_form(vec![("empty.pdf", Vec::new())]),
        )
        .await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(
        details,
        [(
            "files[0]".to_owned(),
            "empty.pdf".to_owned(),
            "empty.pdf is empty.".to_owned()
        )]
    );
}

#[tokio::test]
async fn four_files_are_one_too_many_for_the_contact_form() {
    let server = start().await;
    let files = (1..=4)
        .map(|n| (["a.png", "b.png", "c.png", "d.png"][n - 1], png(100 * n)))
        .collect();
    let reply = server
        .post_form(&format!("{API}/contact-us"), contact_form(files))
        .await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(
        details,
        [(
            "files".to_owned(),
            "4".to_owned(),
            "3 files are the most one message can carry (4 chosen).".to_owned()
        )]
    );
    let contacts = server.get(&format!("{API}/contact-us?sizePage=100")).await;
    assert!(
        !contacts.text.contains("zoe.faure@example.fr"),
        "nothing was stored"
    );
}

#[tokio::test]
async fn a_file_over_its_limit_is_a_413_naming_it() {
    let server = start().await;
    let reply = server
        .post_form(
            &format!("{API}/contact-us"),
            contact_form(vec![("big.png", png(5 * MB as usize + 1))]),
        )
        .await;
    let details = assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE");
    assert_eq!(
        details,
        [(
            "files[0]".to_owned(),
            "big.png".to_owned(),
            "big.png is 5,000,001 bytes; one file can be at most 5 MB.".to_owned()
        )]
    );
}

#[tokio::test]
async fn files_over_the_total_are_a_413_naming_the_files() {
    let server = start().await;
    let at_limit = 5 * MB as usize;
    let reply = server
        .post_form(
            &format!("{API}/contact-us"),
            contact_form(vec![
                ("a.png", png(at_limit)),
                ("b.pdf", pdf(at_limit)),
                ("c.png", png(10)),
            ]),
        )
        .await;
    let details = assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE");
    assert_eq!(
        details,
        [(
            "files".to_owned(),
            "10000010".to_owned(),
            "These files come to 10,000,010 bytes; a message can carry 10 MB.".to_owned()
        )]
    );
}

#[tokio::test]
async fn a_body_over_the_route_limit_is_a_documented_413() {
    let server = start().await;
    // The contact route reads 10 MB of files plus 1 MiB; this is 12 MB.
    let reply = server
        .post_form(
            &format!("{API}/contact-us"),
            contact_form(vec![
                ("a.png", png(4 * MB as usize)),
                ("b.png", png(4 * MB as usize)),
                ("c.png", png(4 * MB as usize)),
            ]),
        )
        .await;
    assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE");
    let message = reply.body["message"].as_str().unwrap();
    assert!(
        message.contains("10789 KiB") && message.contains("10 MB in all"),
        "{message}"
    );
}

#[tokio::test]
async fn a_json_body_keeps_the_ordinary_limit_on_routes_that_take_files() {
    let server = start().await;
    let reply = server
        .post(
            &format!("{API}/contact-us"),
            json!({"message": "x".repeat(2 * 1024 * 1024)}),
        )
        .await;
    assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn multipart_bodies_need_their_json_part_and_no_other() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    let path = messages_path(&conversation);

    let only_files = Form::new().part("files", Part::bytes(png(10)).file_name("a.png"));
    let reply = server.post_form(&path, only_files).await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].0, "message");

    let stray = message_form("Hello", vec![("a.png", png(10))])
        .part("attachment", Part::bytes(png(10)).file_name("b.png"));
    let reply = server.post_form(&path, stray).await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].0, "attachment");

    let contact_part_on_messages = form("contact", json!({"content": "Hi"}), vec![]);
    let reply = server.post_form(&path, contact_part_on_messages).await;
    let fields: Vec<_> = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST")
        .into_iter()
        .map(|(field, _, _)| field)
        .collect();
    assert_eq!(fields, ["contact", "message"]);

    let bad_json = Form::new().text("message", "{\"content\": ");
    let reply = server.post_form(&path, bad_json).await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(details[0].0, "message");

    let no_filename = message_form("Hi", vec![]).part("files", Part::bytes(png(10)));
    let reply = server.post_form(&path, no_filename).await;
    let details = assert_error(&reply, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(details[0].0, "files[0]");

    let malformed = server
        .send(
            server
                .client
                .post(server.url(&path))
                .header(CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
                .body("--XyZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{}"),
        )
        .await;
    let details = assert_error(&malformed, StatusCode::BAD_REQUEST, "INVALID_REQUEST");
    assert_eq!(details[0].0, "body");

    let no_boundary = server
        .send(
            server
                .client
                .post(server.url(&path))
                .header(CONTENT_TYPE, "multipart/form-data")
                .body("whatever"),
        )
        .await;
    assert_error(&no_boundary, StatusCode::BAD_REQUEST, "INVALID_REQUEST");

    let text = server
        .send(
            server
                .client
                .post(server.url(&path))
                .header(CONTENT_TYPE, "text/plain")
                .body("hello"),
        )
        .await;
    assert_error(
        &text,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
    );
    assert!(server.conversation_messages(&conversation).await.is_empty());
}

#[tokio::test]
async fn an_unknown_attachment_is_a_documented_404() {
    let server = start().await;
    let reply = server.get(&format!("{API}/attachments/no-such-file")).await;
    let details = assert_error(&reply, StatusCode::NOT_FOUND, "NOT_FOUND");
    assert_eq!(
        details,
        [(
            "attachment-id".to_owned(),
            "no-such-file".to_owned(),
            "no attachment has this id".to_owned()
        )]
    );
}

// ---- the demo and a large upload ----------------------------------------------------------

#[tokio::test]
async fn the_demo_thread_shows_attachments() {
    let server = start().await;
    let page = server
        .get(&format!("{API}/conversations?sizePage=100"))
        .await;
    let mut found = Vec::new();
    for conversation in page.body["content"].as_array().unwrap() {
        let id = conversation["id"].as_str().unwrap();
        for message in server.conversation_messages(id).await {
            for attachment in message["attachments"].as_array().into_iter().flatten() {
                found.push(attachment.clone());
            }
        }
    }
    assert!(found.len() >= 3, "{found:?}");
    assert!(found.iter().any(|a| a["mediaType"] == "image/png"));
    assert!(found.iter().any(|a| a["mediaType"] == "application/pdf"));
    for attachment in found {
        let download = server
            .get(&format!("{API}{}", attachment["href"].as_str().unwrap()))
            .await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(
            attachment["checksum"],
            format!("sha256:{}", sha256_hex(&download.bytes))
        );
    }
}

#[tokio::test]
async fn a_19_mb_upload_of_two_files_goes_through() {
    let server = start().await;
    let conversation = server.new_conversation().await;
    let half = 9_500_000;
    let (picture, document) = (png(half), pdf(half));
    let started = Instant::now();
    let reply = server
        .post_form(
            &messages_path(&conversation),
            message_form(
                "Both scans, full resolution.",
                vec![("scan-1.png", picture.clone()), ("scan-2.pdf", document)],
            ),
        )
        .await;
    let elapsed = started.elapsed();
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    eprintln!("a 19 MB multipart of 2 files took {elapsed:?} to upload and store");
    let href = reply.body["attachments"][0]["href"].as_str().unwrap();
    let started = Instant::now();
    let download = server.get(&format!("{API}{href}")).await;
    eprintln!("downloading its 9.5 MB file took {:?}", started.elapsed());
    assert!(download.bytes == picture);
}
