use super::{default_variable, parse, Auth, Mode};
use crate::config::secrets::env;
use secrecy::ExposeSecret;
use std::time::Duration;

const KNOWN: &[&str] = &[
    "communication",
    "octopia",
    "case-messages",
    "support-sessions",
    "postcenter",
];

#[test]
fn an_empty_file_leaves_every_backend_embedded() {
    let settings = parse("", KNOWN, &env(&[])).unwrap();
    assert!(matches!(settings.mode("octopia"), Mode::Embedded));
    assert!(settings.admin_address.is_none());
}

#[test]
fn a_forwarded_backend_has_its_upstream_its_defaults_and_its_secrets_from_the_environment() {
    let text = r#"
        [backends.octopia]
        mode = "forward"
        upstream = "https://api.example.com/seller/v2"
        timeout_seconds = 9
        [backends.octopia.auth]
        scheme = "oauth2"
        token_url = "https://auth.example.com/token"
        client_id = "switchboard"
        seller_id = "4242"

        [backends.case-messages]
        mode = "forward"
        upstream = "http://cases.internal:8080/api/v3"
        auth = { scheme = "query", token_env = "CASES_TOKEN" }

        [backends.postcenter]
        mode = "off"

        [admin]
        address = "127.0.0.1:9090"
    "#;
    let settings = parse(
        text,
        KNOWN,
        &env(&[
            ("SWITCHBOARD_OCTOPIA_CLIENT_SECRET", "oct-secret"),
            ("CASES_TOKEN", "case-token"),
        ]),
    )
    .unwrap();
    let Mode::Forward(octopia) = settings.mode("octopia") else {
        panic!("octopia is forwarded");
    };
    assert_eq!(
        octopia.base_url.as_str(),
        "https://api.example.com/seller/v2"
    );
    assert_eq!(octopia.timeout, Duration::from_secs(9));
    assert_eq!(octopia.retries, 2);
    match settings.auth("octopia") {
        Some(Auth::ClientCredentials {
            client_id,
            client_secret,
            seller_id,
            seller_id_header,
            ..
        }) => {
            assert_eq!(client_id, "switchboard");
            assert_eq!(client_secret.expose_secret(), "oct-secret");
            assert_eq!(seller_id.as_deref(), Some("4242"));
            assert_eq!(seller_id_header, "SellerId");
        }
        other => panic!("octopia's auth: {other:?}"),
    }
    match settings.auth("case-messages") {
        Some(Auth::QueryToken { parameter, token }) => {
            assert_eq!(parameter, "accessToken");
            assert_eq!(token.expose_secret(), "case-token");
        }
        other => panic!("case messages' auth: {other:?}"),
    }
    assert!(matches!(settings.mode("postcenter"), Mode::Off));
    assert!(matches!(settings.mode("communication"), Mode::Embedded));
    assert_eq!(settings.admin_address.unwrap().port(), 9090);
}

#[test]
fn everything_wrong_is_said_at_once_in_words() {
    let text = r#"
        [backends.octopus]
        mode = "forward"
        [backends.octopia]
        mode = "forward"
        upstream = "ftp://example.com"
        [backends.postcenter]
        mode = "forward"
        [backends.support-sessions]
        mode = "forward"
        upstream = "https://support.example.com"
        auth = { scheme = "header", header = "X-Api-Key" }
    "#;
    let errors = parse(text, KNOWN, &env(&[])).unwrap_err();
    let all = errors.join("\n");
    assert_eq!(errors.len(), 4, "{all}");
    assert!(
        all.contains("[backends.octopus]: no backend has this name"),
        "{all}"
    );
    assert!(all.contains("not an http:// or https:// address"), "{all}");
    assert!(
        all.contains("[backends.postcenter] upstream: a forwarded backend needs"),
        "{all}"
    );
    assert!(
        all.contains("SWITCHBOARD_SUPPORT_SESSIONS_API_KEY"),
        "{all}"
    );
}

#[test]
fn a_secret_written_in_the_file_is_refused() {
    let text = r#"
        [backends.postcenter]
        mode = "forward"
        upstream = "https://api.example.com"
        auth = { scheme = "header", key = "plain-text-key" }
    "#;
    let errors = parse(text, KNOWN, &env(&[])).unwrap_err();
    assert!(errors[0].contains("unknown field `key`"), "{errors:?}");
}

#[test]
fn a_url_with_a_password_or_a_query_is_refused() {
    for upstream in [
        "https://user:pw@api.example.com",
        "https://api.example.com/?key=1",
    ] {
        let text =
            format!("[backends.postcenter]\nmode = \"forward\"\nupstream = \"{upstream}\"\n");
        assert!(parse(&text, KNOWN, &env(&[])).is_err(), "{upstream}");
    }
}

#[test]
fn variables_are_named_after_the_backend_and_the_field() {
    assert_eq!(
        default_variable("case-messages", "token"),
        "SWITCHBOARD_CASE_MESSAGES_TOKEN"
    );
}
