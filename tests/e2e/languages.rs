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
}
