//! End to end, as customers use it: the public contact page and their private follow-up
//! link, with an agent answering in the console between them. The harness is
//! `e2e_support` (the same as `e2e.rs`'s); `scripts/test.sh` builds `dist/` first.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_is_stopped_on_a_bad_email_then_gets_a_reference() {
    let h = start().await;
    let before = h
        .api_json("/communication/v1/contact-us?sizePage=100")
        .await["totalElements"]
        .as_u64()
        .expect("a count");

    fill_contact(
        &h,
        [
            "Lucía Fernández",
            "lucia@correo",
            "Reserva TRIP-2026-0412",
            "Hola, no he recibido la confirmación de mi reserva. ¿Pueden ayudarme?",
        ],
    )
    .await;
    h.click(testid("contact-submit")).await;

    h.wait_for_text(testid("error-mail"), "is not a valid email address")
        .await;
    assert_eq!(h.requests_to("/contact-us").await, 0, "nothing was sent");
    // The contact page is its own small bundle: nothing of the console, nothing agents see.
    // (`/switchboard-…` from Trunk, `/pkg-…/switchboard.js` in parts; the same for contact.)
    assert_eq!(
        h.requests_to("/switchboard").await,
        0,
        "the console's bundle"
    );
    assert!(
        h.requests_to("/contact-").await + h.requests_to("/contact_bg.wasm").await >= 1,
        "the contact page's own bundle"
    );
    assert_eq!(h.requests_to("/api/agents").await, 0, "the agents' list");
    let after = h
        .api_json("/communication/v1/contact-us?sizePage=100")
        .await["totalElements"]
        .as_u64()
        .unwrap();
    assert_eq!(after, before, "nothing was sent");
    assert!(h.driver.find(testid("contact-confirmation")).await.is_err());

    // Corrected, it goes through and the customer gets a reference.
    let email = h.wait_for(testid("contact-mail")).await;
    email.send_keys(".es").await.unwrap();
    h.wait_for_text(testid("error-mail"), "").await;
    h.wait_for(testid("contact-submit"))
        .await
        .click()
        .await
        .unwrap();
    let reference = h
        .wait_for(testid("contact-reference"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!reference.is_empty());

    let stored = h
        .api_json(&format!("/communication/v1/contact-us/{reference}"))
        .await;
    assert_eq!(stored["mail"], "lucia@correo.es");
    assert_eq!(stored["name"], "Lucía Fernández");
    assert!(
        reference.len() == 10 && reference.starts_with("C-"),
        "a short, readable reference: {reference}"
    );

    // An agent given that reference finds the conversation, under the customer's name.
    h.sign_in_at("/").await;
    h.open_tool("reference").await;
    h.wait_for(testid("reference-search"))
        .await
        .send_keys(reference.to_lowercase())
        .await
        .unwrap();
    h.click(testid("reference-find")).await;
    h.wait_for_text(testid("inbox-count"), "1 conversation")
        .await;
    // The row names the customer, with the address to answer beside the name.
    h.wait_for_text(communication_row(), "Lucía Fernández")
        .await;
    h.wait_for_text(testid("row-email"), "lucia@correo.es")
        .await;
    h.click(communication_row()).await;
    h.wait_for_text(testid("conversation-customer"), "Lucía Fernández")
        .await;
    h.wait_for_text(testid("conversation-reference"), &reference)
        .await;
    h.finish().await;
}

/// Opens the contact page and types name, email, subject and message, as a customer does.
pub(crate) async fn fill_contact(h: &Harness, values: [&str; 4]) {
    h.driver.goto(format!("{}/contact", h.base)).await.unwrap();
    let fields = [
        "contact-name",
        "contact-mail",
        "contact-object",
        "contact-message",
    ];
    for (field, value) in fields.into_iter().zip(values) {
        h.wait_for(testid(field))
            .await
            .send_keys(value)
            .await
            .unwrap();
    }
}

/// Fills the contact form with valid values and sends it; the reference shown.
async fn send_contact(h: &Harness, message: &str) -> String {
    fill_contact(
        h,
        [
            "Jonas Weber",
            "jonas.weber@example.de",
            "Zimmer 12",
            message,
        ],
    )
    .await;
    h.click(testid("contact-submit")).await;
    h.wait_for(testid("contact-reference"))
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_follows_up_through_their_private_link_and_writes_back() {
    a_customer_follows_up_through_their_private_link_and_writes_back_journey(start().await).await;
}

/// The same, with the console's server as a gateway in front of the vendors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_follows_up_through_their_private_link_and_writes_back_through_the_gateway() {
    a_customer_follows_up_through_their_private_link_and_writes_back_journey(
        start_through_gateway().await,
    )
    .await;
}

async fn a_customer_follows_up_through_their_private_link_and_writes_back_journey(h: Harness) {
    let reference = send_contact(&h, "Gibt es im Hotel einen Parkplatz für mein Auto?").await;
    let link = h.attribute(testid("contact-follow-up"), "href").await;
    let (page, token) = link.split_once('#').expect("the token is in the fragment");
    assert_eq!(page, "/contact/follow-up", "a path on this site: {link}");
    assert!(token.len() >= 43, "{link}");

    // An agent finds it by its reference and answers.
    h.sign_in_at("/").await;
    h.open_tool("reference").await;
    h.wait_for(testid("reference-search"))
        .await
        .send_keys(&reference)
        .await
        .unwrap();
    h.click(testid("reference-find")).await;
    h.wait_for_text(testid("inbox-count"), "1 conversation")
        .await;
    h.click(communication_row()).await;
    h.wait_for_text(testid("conversation-reference"), &reference)
        .await;
    let answer = "Ja, der Parkplatz ist kostenlos. Bis bald!";
    h.wait_for(testid("reply-input"))
        .await
        .send_keys(answer)
        .await
        .unwrap();
    h.click(testid("reply-send")).await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        answer,
    )
    .await;
    let key = h.attribute(communication_row(), "data-key").await;
    let id = key
        .split_once('/')
        .map(|(_, id)| id.to_owned())
        .expect("backend/id");
    // The agent closes it, and signs out: the customer's page needs no session.
    h.click(testid("status-close")).await;
    h.wait_for(testid("status-reopen")).await;
    h.click(testid("sign-out")).await;
    h.wait_for(testid("sign-in-form")).await;

    // The customer opens their link: the answer is there, from support.
    h.driver.goto(format!("{}{link}", h.base)).await.unwrap();
    h.wait_for_text(testid("follow-up-reference"), &reference)
        .await;
    h.wait_for_text(
        By::Css("[data-testid='follow-up-message']:last-child .follow-up-body"),
        answer,
    )
    .await;
    let from = h
        .wait_for(By::Css(
            "[data-testid='follow-up-message']:last-child .follow-up-meta",
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(from.contains("(support)"), "{from}");
    h.wait_for_text(testid("follow-up-state"), "closed").await;

    // And writes back: the message joins the thread and the conversation opens again.
    let again = "Danke! Und ab wann kann ich einchecken?";
    h.wait_for(testid("follow-up-input"))
        .await
        .send_keys(again)
        .await
        .unwrap();
    h.click(testid("follow-up-send")).await;
    h.wait_for_text(
        By::Css("[data-testid='follow-up-message']:last-child .follow-up-body"),
        again,
    )
    .await;
    h.wait_for_text(testid("follow-up-state"), "in hand").await;
    // Stacked combining marks stay inside their bubble.
    let zalgo = "Z\u{336}\u{322}\u{31b}\u{30d}\u{346}\u{34c}a\u{335}\u{321}\u{30f}\u{352}l\u{338}\u{328}\u{301}\u{30a}g\u{335}\u{32a}\u{306}o\u{334}\u{33c}\u{30c}".repeat(3);
    let zalgo_bubble = "[data-testid='follow-up-message']:last-child";
    h.wait_for(testid("follow-up-input"))
        .await
        .send_keys(&zalgo)
        .await
        .unwrap();
    h.click(testid("follow-up-send")).await;
    h.wait_for_text(
        By::Css(format!("{zalgo_bubble} .follow-up-body")),
        "Z\u{336}",
    )
    .await;
    let overflow = h
        .driver
        .execute(
            &format!(
                "return getComputedStyle(document.querySelector(\"{zalgo_bubble}\")).overflowY"
            ),
            Vec::new(),
        )
        .await
        .unwrap()
        .json()
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        overflow == "clip" || overflow == "hidden",
        "the bubble keeps its marks: overflow {overflow}"
    );
    let stored = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(stored["status"], "OPEN");
    assert_eq!(stored["lastMessage"]["content"], zalgo);
    assert_eq!(stored["lastMessage"]["transmitterType"], "CUSTOMER");

    // A link cut short opens nothing, and says so.
    let cut = &link[..link.len() - 3];
    h.driver.goto(format!("{}{cut}", h.base)).await.unwrap();
    h.wait_for(testid("follow-up-not-found")).await;
    h.finish().await;
}

/// Waits until the image `css` finds has loaded from the server; its natural width.
async fn loaded_width(h: &Harness, css: &str) -> u64 {
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        let width = h
            .driver
            .execute(
                "const img = document.querySelector(arguments[0]);
                 return img && img.complete ? img.naturalWidth : 0;",
                vec![serde_json::Value::from(css)],
            )
            .await
            .unwrap()
            .json()
            .as_u64()
            .unwrap_or(0);
        if width > 0 {
            return width;
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("{css} never loaded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_sees_their_photo_on_their_link_and_sends_a_file_with_no_words() {
    let h = start().await;
    fill_contact(
        &h,
        [
            "Ana Ruiz",
            "ana.ruiz@example.es",
            "Tarjeta de embarque",
            "Adjunto la tarjeta de embarque que no funciona.",
        ],
    )
    .await;
    let photo = fixture("boarding-pass.png");
    h.wait_for(testid("attachment-input"))
        .await
        .send_keys(photo.display().to_string())
        .await
        .unwrap();
    h.wait_for_text(testid("attachment-chip"), "boarding-pass.png")
        .await;
    h.click(testid("contact-submit")).await;
    let link = h.attribute(testid("contact-follow-up"), "href").await;

    // The link shows the photo sent with the first message, loaded through the link.
    h.driver.goto(format!("{}{link}", h.base)).await.unwrap();
    let first = "[data-testid='follow-up-message']:first-child [data-testid='message-attachment']";
    h.wait_for_text(By::Css(first), "boarding-pass.png").await;
    assert_eq!(loaded_width(&h, &format!("{first} img")).await, 96);

    // A file alone is a message: no words needed. It joins the thread as a download.
    h.wait_for(testid("attachment-input"))
        .await
        .send_keys(fixture("invoice.pdf").display().to_string())
        .await
        .unwrap();
    h.wait_for_text(testid("attachment-chip"), "invoice.pdf")
        .await;
    h.click(testid("follow-up-send")).await;
    let last = "[data-testid='follow-up-message']:last-child [data-testid='message-attachment']";
    h.wait_for_text(By::Css(last), "invoice.pdf").await;
    assert!(h
        .driver
        .find_all(testid("attachment-chip"))
        .await
        .unwrap()
        .is_empty());
    let href = h
        .wait_for(By::Css(format!("{last} a")))
        .await
        .prop("href")
        .await
        .unwrap()
        .expect("a download link");
    assert_eq!(
        h.api_bytes(&href).await,
        std::fs::read(fixture("invoice.pdf")).unwrap()
    );
    h.finish().await;
}
