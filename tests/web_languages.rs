//! Languages in headless Chromium: the contact page starts in the browser's language,
//! switches in place without losing what was typed, says its validation problems in the
//! chosen language, sets `<html lang>`, and remembers the choice for the next visit.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard::connectors::CustomerChannel;
use switchboard::pages::contact::{ContactPage, ContactSending};
use switchboard::state::ApiOrigin;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Chooses `tag` in the page's language menu, as a person would.
fn choose_language(root: &web_sys::Element, tag: &str) {
    let select = find(root, "language-select");
    select
        .unchecked_ref::<web_sys::HtmlSelectElement>()
        .set_value(tag);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let change = web_sys::Event::new_with_event_init_dict("change", &init).expect("an event");
    select.dispatch_event(&change).expect("dispatched");
}

fn html_lang() -> Option<String> {
    document().document_element()?.get_attribute("lang")
}

fn heading(root: &web_sys::Element) -> String {
    root.query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_contact_page_speaks_each_language_and_keeps_what_was_typed() {
    clear_storage();
    let root = mount(|| {
        // Nothing listens here: a form sent by mistake would show an error panel.
        provide_context(ApiOrigin("http://127.0.0.1:9".into()));
        view! { <ContactPage sending=ContactSending::AT_HAND /> }
    });
    settle().await;
    // Headless Chromium prefers English.
    assert_eq!(heading(&root), "Contact us");
    assert_eq!(html_lang().as_deref(), Some("en"));
    assert_eq!(document().title(), "Contact us · Switchboard");

    type_into(&root, "contact-message", "Hola");
    click(&root, "contact-submit");
    settle().await;
    assert_eq!(text(&root, "error-object"), "The subject is required.");

    choose_language(&root, "es");
    settle().await;
    assert_eq!(heading(&root), "Contáctanos");
    assert_eq!(html_lang().as_deref(), Some("es"));
    assert_eq!(
        document().title(),
        "Contáctanos · Switchboard",
        "the tab's title too"
    );
    assert_eq!(text(&root, "error-object"), "El asunto es obligatorio.");
    assert_eq!(
        text(&root, "error-message"),
        "Tu mensaje necesita al menos 10 caracteres (4 por ahora)."
    );
    let message = find(&root, "contact-message")
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value();
    assert_eq!(message, "Hola", "switching language keeps what was typed");

    choose_language(&root, "fr");
    settle().await;
    assert_eq!(heading(&root), "Nous contacter");
    assert_eq!(text(&root, "error-name"), "Votre nom est obligatoire.");
    assert_eq!(
        text(&root, "error-message"),
        "Votre message doit compter au moins 10 caractères (4 pour l’instant)."
    );
    let label = root
        .query_selector("label[for=contact-name]")
        .ok()
        .flatten()
        .and_then(|l| l.text_content());
    assert_eq!(label.as_deref(), Some("Votre nom"));
    assert_eq!(
        switchboard::storage::read("switchboard.lang").as_deref(),
        Some("fr"),
        "the choice is remembered"
    );
    assert_eq!(switchboard::i18n::detect(), switchboard::i18n::Lang::Fr);
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_remembered_language_is_the_one_the_page_opens_in() {
    clear_storage();
    switchboard::storage::write("switchboard.lang", "es");
    let root = mount(|| {
        provide_context(ApiOrigin("http://127.0.0.1:9".into()));
        view! { <ContactPage sending=ContactSending::AT_HAND /> }
    });
    settle().await;
    assert_eq!(heading(&root), "Contáctanos");
    let selected = find(&root, "language-select")
        .unchecked_into::<web_sys::HtmlSelectElement>()
        .value();
    assert_eq!(selected, "es");
    assert_eq!(text(&root, "contact-submit"), "Enviar mensaje");
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_server_refuses_in_the_language_the_page_speaks() {
    use switchboard::connectors::communication::CommunicationConnector;
    use switchboard::connectors::upload::UploadControl;
    use switchboard_core::validation::ContactForm;

    clear_storage();
    // The page speaks Spanish, whatever the browser prefers (headless Chromium: English).
    switchboard::storage::write("switchboard.lang", "es");
    let connector = CommunicationConnector::new(
        "communication",
        format!("{}/communication/v1", server_origin()),
    );
    // A form the page would refuse, sent straight to the server to hear its words.
    let form = ContactForm {
        name: "Lucía".into(),
        email: "lucia@correo.es".into(),
        subject: String::new(),
        message: "Hola, no he recibido mi reserva.".into(),
        website: String::new(),
    };
    let refused = connector
        .send_contact(&form, &[], &UploadControl::default(), "key-lang-es-1")
        .await
        .expect_err("the server refuses a form without a subject");
    assert_eq!(
        refused.detail_lines(),
        vec!["object: El asunto es obligatorio.".to_owned()]
    );
    clear_storage();
}

#[wasm_bindgen_test]
async fn reply_kinds_are_relabelled_in_place_and_the_choice_stays() {
    use switchboard::components::conversation::reply_context::ReplyKindChoice;
    use switchboard::i18n::Lang;

    let lang = RwSignal::new(Lang::En);
    let kinds = Signal::derive(move || {
        let words = match lang.get() {
            Lang::Fr => ["Devis", "Relance"],
            _ => ["Cost proposal", "Reminder"],
        };
        vec![
            ("COST_PROPOSAL".to_owned(), words[0].to_owned()),
            ("REMINDER".to_owned(), words[1].to_owned()),
        ]
    });
    let kind = RwSignal::new(Some("REMINDER".to_owned()));
    let root = mount(move || view! { <ReplyKindChoice kinds kind /> });
    settle().await;
    let select = find(&root, "reply-kind").unchecked_into::<web_sys::HtmlSelectElement>();
    let chosen_words = |select: &web_sys::HtmlSelectElement| {
        select
            .query_selector("option:checked")
            .ok()
            .flatten()
            .and_then(|o| o.text_content())
            .unwrap_or_default()
    };
    assert_eq!(select.value(), "REMINDER");
    assert_eq!(chosen_words(&select), "Reminder");

    lang.set(Lang::Fr);
    settle().await;
    assert_eq!(select.value(), "REMINDER", "the choice stays");
    assert_eq!(chosen_words(&select), "Relance");
}
