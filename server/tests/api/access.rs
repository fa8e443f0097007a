//! Who may do what (issue #5): every API route but the public list refuses a request
//! without a session, in its own API's body; signing in, out and expiry; wrong passwords
//! slowed and limited without telling which emails exist; writes need the console's
//! header; only configured origins may call with credentials; the author of a reply is
//! the signed-in agent.

use crate::common::{
    client_with, sign_in, start, start_with_limits, Reply, TestServer, AGENT_EMAIL, AGENT_ID,
    ALLOWED_ORIGIN, API, CASE_MESSAGES, OCTOPIA, SUPPORT_SESSIONS,
};
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::time::{Duration, Instant};
use switchboard_server::seed::DEMO_PASSWORD;
use switchboard_server::{Limits, RateLimit};

/// Every route the docs list (`docs/backends/*.md`, the route tables), as `(method, path)`
/// with each `{name}` filled in: the walk covers whatever the docs say exists.
fn documented_routes() -> Vec<(Method, String)> {
    let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/backends");
    let bases = [
        ("communication.md", API),
        ("octopia.md", OCTOPIA),
        ("case-messages.md", CASE_MESSAGES),
        ("support-sessions.md", SUPPORT_SESSIONS),
        ("README.md", ""),
    ];
    let mut routes = Vec::new();
    for (file, base) in bases {
        let text = std::fs::read_to_string(format!("{docs}/{file}")).expect("the docs");
        for line in text.lines().filter(|l| l.starts_with('|')) {
            for cell in line.split('`').skip(1).step_by(2) {
                let Some((method, path)) = cell.split_once(' ') else {
                    continue;
                };
                let Ok(method) = method.parse::<Method>() else {
                    continue;
                };
                if !path.starts_with('/') || method.as_str().chars().any(|c| c.is_lowercase()) {
                    continue;
                }
                let path = path.split(['?', ' ', ',']).next().unwrap_or(path);
                let filled: Vec<String> = path
                    .split('/')
                    .map(|segment| {
                        if segment.starts_with('{') {
                            "x1".to_owned()
                        } else {
                            segment.to_owned()
                        }
                    })
                    .collect();
                routes.push((method, format!("{base}{}", filled.join("/"))));
            }
        }
    }
    routes
}

async fn anonymous(server: &TestServer, method: Method, path: &str) -> Reply {
    server
        .send(
            server
                .anonymous
                .request(method, server.url(path))
                .json(&json!({})),
        )
        .await
}

/// The 401 in the body of the API `path` belongs to.
fn assert_refused(reply: &Reply, what: &str) {
    assert_eq!(
        reply.status,
        StatusCode::UNAUTHORIZED,
        "{what}: {}",
        reply.text
    );
    let correlation = reply.headers["x-correlation-id"].to_str().unwrap();
    if what.contains(OCTOPIA) {
        assert_eq!(reply.body["status"], 401, "{what}");
        assert_eq!(reply.body["traceId"], correlation, "{what}");
    } else if what.contains(CASE_MESSAGES) {
        // The document's body has only a message; the id is in the header.
        assert_eq!(reply.body.as_object().map(|b| b.len()), Some(1), "{what}");
        let message = reply.body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("Sign in"), "{what}: {}", reply.text);
    } else if what.contains(SUPPORT_SESSIONS) {
        assert_eq!(reply.body["error"]["code"], "UNAUTHORIZED", "{what}");
        assert_eq!(reply.body["error"]["trace_id"], correlation, "{what}");
    } else {
        assert_eq!(reply.body["name"], "UNAUTHORIZED", "{what}: {}", reply.text);
        assert_eq!(reply.body["debug_id"], correlation, "{what}");
    }
    assert!(reply.text.contains("Sign in"), "{what}: {}", reply.text);
}

#[tokio::test]
async fn every_route_but_the_public_ones_refuses_a_request_without_a_session() {
    let server = start().await;
    let routes = documented_routes();
    assert!(
        routes.len() >= 20,
        "the docs' route tables were read: {routes:?}"
    );
    let public = [
        (Method::GET, "/api/backends".to_owned()),
        (Method::POST, "/api/session".to_owned()),
        (Method::POST, format!("{API}/contact-us")),
        (Method::GET, format!("{API}/follow-up/x1")),
        (Method::POST, format!("{API}/follow-up/x1/messages")),
        (Method::GET, format!("{API}/follow-up/x1/attachments/x1")),
    ];
    for (method, path) in &routes {
        let reply = anonymous(&server, method.clone(), path).await;
        let what = format!("{method} {path}");
        if public.contains(&(method.clone(), path.clone())) {
            assert_ne!(reply.status, StatusCode::UNAUTHORIZED, "{what} is public");
        } else {
            assert_refused(&reply, &what);
        }
    }
    // Paths no route answers, and methods no route takes, are refused the same way: the
    // rule comes before routing, so a route added later is closed too.
    for path in [
        "/api/nothing-here",
        "/api",
        &format!("{API}/new-route"),
        &format!("{OCTOPIA}/sellers/1"),
        &format!("{CASE_MESSAGES}/cases"),
        CASE_MESSAGES,
        &format!("{SUPPORT_SESSIONS}/sessions"),
    ] {
        for method in [Method::GET, Method::POST, Method::DELETE] {
            let reply = anonymous(&server, method.clone(), path).await;
            assert_refused(&reply, &format!("{method} {path}"));
        }
    }
    // The console's pages stay public (this server has no console built: it says so).
    let page = anonymous(&server, Method::GET, "/conversations/x/y").await;
    assert!(page.text.contains("not built"), "{}", page.text);
}

#[tokio::test]
async fn signing_in_opens_a_session_that_signing_out_ends() {
    let server = start().await;
    let reply = server
        .send(server.anonymous.post(server.url("/api/session")).json(
            &json!({"email": " Camille.Laurent@Switchboard.example ", "password": DEMO_PASSWORD}),
        ))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["agent"]["id"], AGENT_ID);
    assert_eq!(reply.body["agent"]["role"], "admin");
    assert!(reply.body["expiresAt"].as_str().unwrap().ends_with('Z'));
    let cookie_line = reply.headers["set-cookie"].to_str().unwrap();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
        assert!(cookie_line.contains(attribute), "{cookie_line}");
    }
    assert!(
        !cookie_line.contains("Secure"),
        "plain localhost: {cookie_line}"
    );
    let cookie = cookie_line.split(';').next().unwrap();
    let agent = client_with(&[("cookie", cookie)]);

    let me = server.send(agent.get(server.url("/api/session"))).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["agent"]["email"], AGENT_EMAIL);
    assert_eq!(
        server
            .send(agent.get(server.url(&format!("{API}/conversations"))))
            .await
            .status,
        StatusCode::OK
    );

    let out = server.send(agent.delete(server.url("/api/session"))).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(out.headers["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    // The same cookie, replayed, opens nothing: the session is gone from the server.
    let after = server
        .send(agent.get(server.url(&format!("{API}/conversations"))))
        .await;
    assert_refused(&after, API);
    assert_refused(
        &server.send(agent.get(server.url("/api/session"))).await,
        "/api/session",
    );
    // Another session (the harness's) is untouched.
    assert_eq!(server.get("/api/session").await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_expired_session_opens_nothing() {
    let server = start_with_limits(Limits {
        session_lifetime: Duration::ZERO,
        ..Limits::default()
    })
    .await;
    let reply = server.get("/api/session").await;
    assert_refused(&reply, "/api/session");
    assert_refused(
        &server.get(&format!("{OCTOPIA}/discussions")).await,
        OCTOPIA,
    );
}

#[tokio::test]
async fn a_wrong_password_is_slowed_answered_like_an_unknown_email_and_limited() {
    let delay = Duration::from_millis(300);
    let server = start_with_limits(Limits {
        sign_in_failure_delay: delay,
        sign_in_failures: RateLimit {
            per_minute: 1,
            burst: 2,
        },
        ..Limits::default()
    })
    .await;
    let attempt = |email: &'static str, password: &'static str| {
        let client = server.anonymous.clone();
        let base = server.base_url.clone();
        async move { sign_in(&client, &base, email, password).await }
    };
    let started = Instant::now();
    let (status, wrong) = attempt(AGENT_EMAIL, "not-the-password").await.unwrap_err();
    assert!(started.elapsed() >= delay, "a wrong password waits");
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, unknown) = attempt("nobody@switchboard.example", "not-the-password")
        .await
        .unwrap_err();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let message =
        |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap()["message"].clone();
    assert_eq!(
        message(&wrong),
        message(&unknown),
        "the answer never says whether the email exists"
    );

    // The second failure spends the email's last; then even the right password waits.
    let _ = attempt(AGENT_EMAIL, "still-not-it").await.unwrap_err();
    let (status, body) = attempt(AGENT_EMAIL, DEMO_PASSWORD).await.unwrap_err();
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(body.contains("Too many sign-in attempts"), "{body}");
    // Unknown emails are limited alike, so a 429 tells nothing either.
    let _ = attempt("nobody@switchboard.example", "x")
        .await
        .unwrap_err();
    let (status, _) = attempt("nobody@switchboard.example", "x")
        .await
        .unwrap_err();
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another agent is not locked out by someone guessing Camille's password.
    assert!(attempt("javier.ortega@switchboard.example", DEMO_PASSWORD)
        .await
        .is_ok());
}

#[tokio::test]
async fn one_address_is_limited_whatever_the_emails() {
    let server = start_with_limits(Limits {
        sign_in_attempts: RateLimit {
            per_minute: 1,
            burst: 3,
        },
        sign_in_failure_delay: Duration::ZERO,
        ..Limits::default()
    })
    .await;
    // The harness's own sign-in spent one attempt.
    for n in 0..2 {
        let email = format!("guess{n}@switchboard.example");
        let (status, _) = sign_in(&server.anonymous, &server.base_url, &email, "x")
            .await
            .unwrap_err();
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let reply = server
        .send(
            server
                .anonymous
                .post(server.url("/api/session"))
                .json(&json!({"email": AGENT_EMAIL, "password": DEMO_PASSWORD})),
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.text
    );
    assert!(reply.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn a_sign_in_without_its_fields_names_them() {
    let server = start().await;
    let reply = server
        .send(
            server
                .anonymous
                .post(server.url("/api/session"))
                .json(&json!({"email": "  "})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text);
    let fields: Vec<&str> = reply.body["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "password"]);
}

#[tokio::test]
async fn a_write_without_the_console_header_is_refused_even_with_a_session() {
    let server = start().await;
    let cookie = sign_in(
        &server.anonymous,
        &server.base_url,
        AGENT_EMAIL,
        DEMO_PASSWORD,
    )
    .await
    .unwrap();
    // What a hostile page's form would send through the agent's browser: the cookie, no header.
    let bare = reqwest::Client::new();
    let path = format!("{API}/conversations/x1/messages");
    let reply = server
        .send(
            bare.post(server.url(&path))
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("content=hi"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.text);
    assert_eq!(reply.body["name"], "FORBIDDEN");
    assert!(reply.text.contains("x-requested-by"), "{}", reply.text);
    // The public contact form, too.
    let contact = server
        .send(
            bare.post(server.url(&format!("{API}/contact-us")))
                .json(&json!({})),
        )
        .await;
    assert_eq!(contact.status, StatusCode::FORBIDDEN);
    // Reads need no header.
    let read = server
        .send(
            bare.get(server.url(&format!("{API}/conversations")))
                .header("cookie", &cookie),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK);
}

#[tokio::test]
async fn only_the_configured_origin_may_call_with_credentials() {
    let server = start().await;
    let preflight = |origin: &'static str| {
        server
            .anonymous
            .request(
                Method::OPTIONS,
                server.url(&format!("{API}/conversations/x/messages")),
            )
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "content-type,x-requested-by",
            )
    };
    let allowed = server.send(preflight(ALLOWED_ORIGIN)).await;
    assert!(allowed.status.is_success(), "{}", allowed.status);
    assert_eq!(
        allowed.headers["access-control-allow-origin"],
        ALLOWED_ORIGIN
    );
    assert_eq!(allowed.headers["access-control-allow-credentials"], "true");
    let allowed_headers = allowed.headers["access-control-allow-headers"]
        .to_str()
        .unwrap();
    assert!(
        allowed_headers.contains("x-requested-by"),
        "{allowed_headers}"
    );

    let hostile = server.send(preflight("https://evil.example")).await;
    assert!(
        !hostile.headers.contains_key("access-control-allow-origin"),
        "{:?}",
        hostile.headers
    );
    let read = server
        .send(
            server
                .client
                .get(server.url("/api/backends"))
                .header("Origin", "https://evil.example"),
        )
        .await;
    assert!(!read.headers.contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn a_reply_is_written_by_the_signed_in_agent_whatever_the_body_says() {
    let server = start().await;
    let conversation = server.create_conversation("customer-1").await;
    let id = conversation["id"].as_str().unwrap();
    let reply = server
        .post(
            &format!("{API}/conversations/{id}/messages"),
            json!({"content": "Hello", "transmitterId": "agent-javier", "transmitterType": "CUSTOMER"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.body["transmitterId"], AGENT_ID);
    assert_eq!(reply.body["transmitterType"], "AGENT");
}

#[tokio::test]
async fn the_public_list_is_exactly_what_the_docs_say() {
    let mut public: Vec<String> = switchboard_server::dialects::public_routes()
        .into_iter()
        .map(|(path, method, _budget)| format!("{method} {path}"))
        .collect();
    public.sort();
    assert_eq!(
        public,
        [
            "GET /api/backends",
            "GET /communication/v1/follow-up/{token}",
            "GET /communication/v1/follow-up/{token}/attachments/{id}",
            "GET /postcenter/media/{name}",
            "POST /api/session",
            "POST /communication/v1/contact-us",
            "POST /communication/v1/follow-up/{token}/messages",
        ]
    );
}
