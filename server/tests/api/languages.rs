//! The server says why it refuses a customer's words in their language
//! (`Accept-Language`), as the page does, so the page and the server's details agree:
//! the contact form and the private link's "write again". Without a language the server
//! speaks English.

use crate::common::{start, TestServer, API};
use reqwest::StatusCode;
use serde_json::json;

async fn contact_in(server: &TestServer, language: Option<&str>) -> Vec<(String, String)> {
    let mut request = server
        .anonymous
        .post(server.url(&format!("{API}/contact-us")))
        .json(
            &json!({"name": "Lucía", "mail": "lucia@correo", "object": "",
            "message": "Hola"}),
        );
    if let Some(language) = language {
        request = request.header("Accept-Language", language);
    }
    let reply = server.send(request).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    reply.body["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| {
            (
                d["field"].as_str().unwrap_or_default().to_owned(),
                d["issue"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn contact_refusals_are_said_in_the_customers_language() {
    let server = start().await;
    let spanish = contact_in(&server, Some("es-ES,es;q=0.9,en;q=0.5")).await;
    let issue = |details: &[(String, String)], field: &str| {
        details
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, issue)| issue.clone())
            .unwrap_or_default()
    };
    assert_eq!(issue(&spanish, "object"), "El asunto es obligatorio.");
    assert_eq!(
        issue(&spanish, "message"),
        "Tu mensaje necesita al menos 10 caracteres (4 por ahora)."
    );
    let french = contact_in(&server, Some("fr-CA")).await;
    assert_eq!(issue(&french, "object"), "L’objet est obligatoire.");
    let english = contact_in(&server, None).await;
    assert_eq!(issue(&english, "object"), "The subject is required.");
    let unknown = contact_in(&server, Some("de-DE,de")).await;
    assert_eq!(issue(&unknown, "object"), "The subject is required.");
}
