//! Languages end to end, as people arrive: a customer whose phone speaks Spanish writes
//! from a 360-pixel window with a photo and reads the confirmation and their private page
//! in Spanish; an agent whose browser prefers French signs in and works in French, with
//! French dates.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

async fn heading(h: &Harness) -> String {
    h.wait_for(By::Css("h1")).await.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_on_a_spanish_phone_writes_with_a_photo_and_reads_spanish() {
    let h = start_with(Browser {
        window: PHONE,
        languages: "es-ES,es",
        ..Browser::default()
    })
    .await;
    h.driver.goto(format!("{}/contact", h.base)).await.unwrap();
    h.wait_for(testid("contact-form")).await;
    assert_eq!(heading(&h).await, "Contáctanos");
    assert!(
        sticking_out(&h).await.is_empty(),
        "the form fits a 360-pixel phone"
    );

    // A mistake first: said in Spanish.
    h.click(testid("contact-submit")).await;
    h.wait_for_text(testid("error-name"), "Tu nombre es obligatorio.")
        .await;

    for (field, value) in [
        ("contact-name", "Lucía Fernández"),
        ("contact-mail", "lucia@correo.es"),
        ("contact-object", "Reserva TRIP-2026-0412"),
        (
            "contact-message",
            "Hola, adjunto la foto de mi tarjeta de embarque. ¿Pueden ayudarme?",
        ),
    ] {
        h.wait_for(testid(field))
            .await
            .send_keys(value)
            .await
            .unwrap();
    }
    h.wait_for(testid("attachment-input"))
        .await
        .send_keys(fixture("boarding-pass.png").display().to_string())
        .await
        .unwrap();
    h.wait_for(testid("attachment-chip")).await;
    assert!(
        sticking_out(&h).await.is_empty(),
        "with a photo attached too"
    );
    h.click(testid("contact-submit")).await;

    h.wait_for(testid("contact-confirmation")).await;
    assert_eq!(heading(&h).await, "Gracias, tu mensaje está en camino");
    assert!(
        sticking_out(&h).await.is_empty(),
        "the confirmation fits too"
    );
    let link = h
        .wait_for(testid("contact-follow-up"))
        .await
        .attr("href")
        .await
        .unwrap()
        .expect("a private link");
    // The long private link wraps: nothing passes the page's own width (the viewport of
    // an emulated phone grows with what overflows, so the page's width is what counts).
    let fits = h
        .driver
        .execute(
            "const page = document.documentElement.clientWidth;
             const link = document.querySelector(\"[data-testid='contact-follow-up']\").getBoundingClientRect();
             return document.documentElement.scrollWidth <= page && link.right <= page + 1;",
            Vec::new(),
        )
        .await
        .unwrap()
        .json()
        .as_bool()
        .unwrap_or(false);
    assert!(fits, "the private link wraps on a phone");
    assert_eq!(h.driver.title().await.unwrap(), "Contáctanos · Switchboard");
    // A copy button, which says whether it copied (a headless browser may refuse).
    h.click(testid("contact-copy-link")).await;
    let said = h.wait_for(testid("contact-copy-said")).await;
    let mut words = String::new();
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        words = said.text().await.unwrap_or_default();
        if !words.is_empty() {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(
        words.contains("copiado") || words.contains("no lo copió"),
        "said in Spanish: {words:?}"
    );

    // The private page follows the customer's language as well.
    h.driver.goto(format!("{}{link}", h.base)).await.unwrap();
    h.wait_for(testid("follow-up")).await;
    assert!(heading(&h).await.starts_with("Tu solicitud"));
    let lang = h
        .driver
        .execute("return document.documentElement.lang", Vec::new())
        .await
        .unwrap();
    assert_eq!(lang.json().as_str(), Some("es"));
}

const FRENCH_MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_whose_browser_prefers_french_works_in_french() {
    let h = start_with(Browser {
        languages: "fr-FR,fr,en",
        ..Browser::default()
    })
    .await;
    h.driver.goto(format!("{}/", h.base)).await.unwrap();
    h.wait_for(testid("sign-in-form")).await;
    assert_eq!(heading(&h).await, "Se connecter");

    // A customer whose name carries a right-to-left override, to make a name read as a file.
    let hostile = "Zoë \u{202E}fdp.exe";
    h.api_post(
        "/communication/v1/contact-us",
        serde_json::json!({"name": hostile, "mail": "zoe@example.fr",
            "object": "Facture", "message": "Bonjour, je n’ai pas reçu ma facture."}),
    )
    .await;

    h.sign_in_at("/?status=open").await;
    h.wait_for_text(testid("show-shortcuts"), "Raccourcis")
        .await;
    // The name is shown whole, inside an element isolated for direction: the override
    // cannot reorder anything after it in the row.
    let mut isolated = serde_json::Value::Null;
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        isolated = h
            .driver
            .execute(
                "return [...document.querySelectorAll('.row-customer bdi')]
                    .filter(b => b.textContent === arguments[0])
                    .map(b => getComputedStyle(b).unicodeBidi)",
                vec![serde_json::json!(hostile)],
            )
            .await
            .unwrap()
            .json()
            .clone();
        if isolated != serde_json::json!([]) {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert_eq!(isolated, serde_json::json!(["isolate"]), "{hostile:?}");
    let row_time = h
        .wait_for(By::Css("[data-testid='conversation-row'] .row-time"))
        .await;
    // The full date on hover, written the French way in the browser's time zone.
    let exact = row_time.attr("title").await.unwrap().unwrap_or_default();
    assert!(
        FRENCH_MONTHS.iter().any(|m| exact.contains(m)),
        "a French date: {exact:?}"
    );
    // And the relative time in French words, or a French date.
    let words = row_time.text().await.unwrap();
    assert!(
        words.starts_with("il y a")
            || ["à l’instant", "hier"].contains(&words.as_str())
            || FRENCH_MONTHS.iter().any(|m| words.contains(m)),
        "French relative time: {words:?}"
    );

    // No word of the console's own stays English in French: on the inbox, and on a thread
    // with delivery states.
    english_left(&h, "the inbox").await;
    h.click(communication_row()).await;
    h.wait_for(testid("message")).await;
    english_left(&h, "a thread").await;

    // Switched to Spanish from the menu: every word the backends' rows carry follows, the
    // claim's badge and the sidebar's backend names included (they were said once, in
    // the language the rows were read in).
    h.driver
        .goto(format!("{}/?reference=2511PAQ7731", h.base))
        .await
        .unwrap();
    for_words(
        &h,
        "[data-testid='conversation-row'] .row-badges",
        "Réclamation",
    )
    .await;
    h.select("language-select", "es").await;
    for_words(&h, "[data-testid='view-backend-octopia']", "Octopia").await;
    for_words(&h, "[data-testid='view-backend-case-messages']", "Mensajes").await;
    for_words(
        &h,
        "[data-testid='conversation-row'] .row-badges",
        "Reclamación",
    )
    .await;
    h.finish().await;
}

/// Waits until an element matching `css` holds `words`.
async fn for_words(h: &Harness, css: &str, words: &str) {
    let mut seen = Vec::new();
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        seen = Vec::new();
        for el in h
            .driver
            .find_all(By::Css(css.to_owned()))
            .await
            .unwrap_or_default()
        {
            seen.push(el.text().await.unwrap_or_default());
        }
        if seen.iter().any(|t| t.contains(words)) {
            return;
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("{css} never said {words:?}: {seen:?}");
}

/// The catalogue's English and French, message by message, for messages of one line with
/// no placeable whose English differs from the French (`core/locales/*/*.ftl`).
fn english_only_words() -> Vec<String> {
    let read = |lang: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("core/locales")
            .join(lang);
        let mut messages = std::collections::HashMap::new();
        for entry in std::fs::read_dir(&dir).expect("the catalogue") {
            let text = std::fs::read_to_string(entry.expect("a file").path()).expect("a file");
            for line in text.lines() {
                if let Some((id, value)) = line.split_once(" = ") {
                    if !id.starts_with([' ', '#']) && !value.contains('{') {
                        messages.insert(id.trim().to_owned(), value.trim().to_owned());
                    }
                }
            }
        }
        messages
    };
    let (en, fr) = (read("en"), read("fr"));
    en.into_iter()
        .filter(|(id, value)| fr.get(id).is_some_and(|french| french != value))
        .map(|(_, value)| value)
        .filter(|value| value.chars().any(char::is_alphabetic))
        .collect()
}

/// Fails when a text of the page's own (not a customer's or a backend's, which are
/// isolated with `dir="auto"` or `<bdi>`) is one of the catalogue's English words that
/// French says otherwise.
async fn english_left(h: &Harness, page: &str) {
    let words = english_only_words();
    let shown = h
        .driver
        .execute(
            "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
             const texts = [];
             while (walker.nextNode()) {
               const node = walker.currentNode;
               const el = node.parentElement;
               if (!el || el.closest('[dir=auto], bdi, script, style, .visually-hidden, [hidden]')) continue;
               const text = node.textContent.trim();
               if (text && el.getClientRects().length) texts.push(text);
             }
             return texts;",
            Vec::new(),
        )
        .await
        .unwrap()
        .json()
        .clone();
    let shown: Vec<String> = serde_json::from_value(shown).unwrap_or_default();
    let left: Vec<&String> = shown.iter().filter(|t| words.contains(t)).collect();
    assert!(
        left.is_empty(),
        "{page} in French still says, in English: {left:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_french_a_row_shows_its_time_state_backend_and_reference_whole_and_reply_to_this() {
    let h = start_with(Browser {
        languages: "fr-FR,fr,en",
        ..Browser::default()
    })
    .await;
    // The longest words the rows carry, every backend's, in a desk-sized window.
    h.sign_in_at("/").await;
    let row = "[data-testid='conversation-row']";
    h.wait_for(By::Css(format!("{row} .row-badges .badge.reference")))
        .await;
    let whole = format!(
        "{row} .row-time, {row} .badge.status, {row} .badge.backend, {row} .badge.reference"
    );
    assert_eq!(not_whole(&h, &whole).await, Vec::<String>::new());
    // A badge cut short for room says its whole words on hover.
    let untitled = h
        .driver
        .execute(
            "return [...document.querySelectorAll(arguments[0])]
                 .filter(b => b.scrollWidth > b.clientWidth + 1 && b.title !== b.textContent.trim())
                 .map(b => b.textContent);",
            vec![serde_json::Value::from(format!("{row} .row-badges .badge"))],
        )
        .await
        .unwrap()
        .json()
        .clone();
    assert_eq!(untitled, serde_json::json!([]));

    // A case's messages each offer "Reply to this", whole, on one line.
    h.driver
        .goto(format!(
            "{}/conversations/case-messages/1e0abcb7-b94c-4072-a9c0-37072a1ef015",
            h.base
        ))
        .await
        .unwrap();
    h.wait_for_text(testid("reply-to-message"), "Répondre")
        .await;
    assert_eq!(
        not_whole(&h, "[data-testid='reply-to-message']").await,
        Vec::<String>::new()
    );
    assert_eq!(not_whole(&h, &whole).await, Vec::<String>::new());
    h.finish().await;
}
