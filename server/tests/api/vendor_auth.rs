//! `--vendor-auth`: the reference server checking each vendor's own credentials, as the
//! upstream of a gateway. Each backend's reads with its credentials, without them and with
//! wrong ones (refused in its own body); Octopia's token endpoint, its tokens' lifetime and
//! `SellerId`; Switchboard's own routes under a base path still needing an agent. The
//! helpers here are shared with [`crate::vendor_auth_upstream`].

use crate::common::{
    assert_case_messages_error, assert_octopia_error, assert_postcenter_error,
    assert_support_error, start_with_backends, support_session_path, Reply, TestServer, API,
    CASE_MESSAGES, OCTOPIA, POSTCENTER, SUPPORT_SESSIONS,
};
use reqwest::{Client, RequestBuilder, StatusCode};
use std::time::Duration;
use switchboard_server::config::file::{parse, Settings};
use switchboard_server::dialects::case_messages::seed::CASE_GUID;
use switchboard_server::dialects::support_sessions::seed::RIDE_ORDER_ID;

pub(crate) const COMMUNICATION_KEY: &str = "communication-key-1";
pub(crate) const OCTOPIA_CLIENT: &str = "switchboard-client";
pub(crate) const OCTOPIA_SECRET: &str = "octopia-secret-1";
pub(crate) const SELLER_ID: &str = "seller-42";
pub(crate) const CASE_TOKEN: &str = "case-token-1";
pub(crate) const SUPPORT_KEY: &str = "support-key-1";
pub(crate) const POSTCENTER_KEY: &str = "postcenter-key-1";

/// Every backend's `auth` section, as a gateway and its upstream would both read it;
/// `extra` goes into each backend's table (a mode, an upstream), `base` is the upstream's
/// address for the token URL.
pub(crate) fn backends_file(
    base: &str,
    token_seconds: u64,
    extra: &dyn Fn(&str) -> String,
) -> String {
    format!(
        r#"
[backends.communication]
{communication}
[backends.communication.auth]
scheme = "header"
prefix = "Bearer"
key_env = "COMMUNICATION_KEY"

[backends.octopia]
{octopia}
[backends.octopia.auth]
scheme = "oauth2"
token_url = "{base}/vendor-auth/octopia/token"
client_id = "{OCTOPIA_CLIENT}"
client_secret_env = "OCTOPIA_SECRET"
seller_id = "{SELLER_ID}"
token_seconds = {token_seconds}

[backends.case-messages]
{case}
[backends.case-messages.auth]
scheme = "query"
token_env = "CASE_TOKEN"

[backends.support-sessions]
{support}
[backends.support-sessions.auth]
scheme = "header"
header = "X-Api-Key"
key_env = "SUPPORT_KEY"

[backends.postcenter]
{postcenter}
[backends.postcenter.auth]
scheme = "header"
header = "Authorization"
prefix = "Token"
key_env = "POSTCENTER_KEY"
"#,
        communication = extra("communication"),
        octopia = extra("octopia"),
        case = extra("case-messages"),
        support = extra("support-sessions"),
        postcenter = extra("postcenter"),
    )
}

pub(crate) fn settings(text: &str) -> Settings {
    let env = |name: &str| {
        let value = match name {
            "COMMUNICATION_KEY" => COMMUNICATION_KEY,
            "OCTOPIA_SECRET" => OCTOPIA_SECRET,
            "CASE_TOKEN" => CASE_TOKEN,
            "SUPPORT_KEY" => SUPPORT_KEY,
            "POSTCENTER_KEY" => POSTCENTER_KEY,
            _ => return None,
        };
        Some(value.to_owned())
    };
    parse(text, &switchboard_server::dialects::names(), &env).expect("the file is good")
}

/// A server playing every vendor, checking their credentials; Octopia's tokens last
/// `token_seconds`.
pub(crate) async fn upstream(token_seconds: u64, vendor_auth: bool) -> TestServer {
    let text = backends_file("http://127.0.0.1:9", token_seconds, &|_| String::new());
    start_with_backends(settings(&text), vendor_auth).await
}

/// No session, no write header: a vendor's client.
pub(crate) fn vendor_client() -> Client {
    Client::new()
}

impl TestServer {
    pub(crate) async fn token_reply(&self, client_id: &str, secret: &str, grant: &str) -> Reply {
        let form = [
            ("grant_type", grant),
            ("client_id", client_id),
            ("client_secret", secret),
        ];
        self.send(
            vendor_client()
                .post(self.url("/vendor-auth/octopia/token"))
                .form(&form),
        )
        .await
    }

    pub(crate) async fn octopia_token(&self) -> String {
        let reply = self
            .token_reply(OCTOPIA_CLIENT, OCTOPIA_SECRET, "client_credentials")
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply.body["access_token"]
            .as_str()
            .expect("a token")
            .to_owned()
    }

    pub(crate) fn vendor(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        vendor_client().request(method, self.url(path))
    }

    pub(crate) fn vendor_get(&self, path: &str) -> RequestBuilder {
        self.vendor(reqwest::Method::GET, path)
    }
}

pub(crate) fn communication_path() -> String {
    format!("{API}/conversations")
}

pub(crate) fn octopia_path() -> String {
    format!("{OCTOPIA}/discussions/typologies")
}

pub(crate) fn case_path(token: Option<&str>) -> String {
    match token {
        Some(token) => {
            format!("{CASE_MESSAGES}/case-messages?guid={CASE_GUID}&accessToken={token}")
        }
        None => format!("{CASE_MESSAGES}/case-messages?guid={CASE_GUID}"),
    }
}

pub(crate) fn postcenter_path() -> String {
    format!("{POSTCENTER}/tickets/state/open")
}

/// Communication's documented error body, at `status`; its message.
pub(crate) fn assert_communication_error(reply: &Reply, status: StatusCode) -> String {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert!(
        reply.body["name"].as_str().is_some_and(|n| !n.is_empty()),
        "{}",
        reply.text
    );
    let correlation = reply.headers["x-correlation-id"].to_str().unwrap();
    assert_eq!(reply.body["debug_id"], correlation);
    reply.body["message"]
        .as_str()
        .expect("a message")
        .to_owned()
}

#[tokio::test]
async fn each_backend_answers_a_read_made_with_its_vendors_credentials() {
    let server = upstream(60, true).await;
    let read = server
        .send(
            server
                .vendor_get(&communication_path())
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}")),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK, "communication: {}", read.text);

    let token = server.octopia_token().await;
    let read = server
        .send(
            server
                .vendor_get(&octopia_path())
                .bearer_auth(&token)
                .header("SellerId", SELLER_ID),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK, "octopia: {}", read.text);

    let read = server
        .send(server.vendor_get(&case_path(Some(CASE_TOKEN))))
        .await;
    assert_eq!(read.status, StatusCode::OK, "case messages: {}", read.text);
    assert!(
        read.body.as_array().is_some_and(|m| !m.is_empty()),
        "{}",
        read.text
    );

    let read = server
        .send(
            server
                .vendor_get(&support_session_path(RIDE_ORDER_ID))
                .header("x-api-key", SUPPORT_KEY),
        )
        .await;
    assert_eq!(
        read.status,
        StatusCode::OK,
        "support sessions: {}",
        read.text
    );

    let read = server
        .send(
            server
                .vendor_get(&postcenter_path())
                .header("authorization", format!("Token {POSTCENTER_KEY}")),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK, "postcenter: {}", read.text);
}

#[tokio::test]
async fn each_backend_refuses_a_read_without_or_with_wrong_credentials_in_its_own_body() {
    let server = upstream(60, true).await;

    let none = server.send(server.vendor_get(&communication_path())).await;
    let message = assert_communication_error(&none, StatusCode::UNAUTHORIZED);
    assert!(
        message.contains("Authorization header is missing"),
        "{message}"
    );
    let wrong = server
        .send(
            server
                .vendor_get(&communication_path())
                .header("authorization", "Bearer not-the-key"),
        )
        .await;
    let message = assert_communication_error(&wrong, StatusCode::UNAUTHORIZED);
    assert!(!message.contains("not-the-key"), "no echo: {message}");
    // The key without its prefix is not the header's value.
    let bare = server
        .send(
            server
                .vendor_get(&communication_path())
                .header("authorization", COMMUNICATION_KEY),
        )
        .await;
    assert_communication_error(&bare, StatusCode::UNAUTHORIZED);

    let none = server.send(server.vendor_get(&octopia_path())).await;
    assert_octopia_error(&none, StatusCode::UNAUTHORIZED);
    let wrong = server
        .send(
            server
                .vendor_get(&octopia_path())
                .bearer_auth("made-up-token")
                .header("SellerId", SELLER_ID),
        )
        .await;
    assert_octopia_error(&wrong, StatusCode::UNAUTHORIZED);
    assert!(wrong.body["title"]
        .as_str()
        .unwrap()
        .contains("unknown or has expired"));

    let none = server.send(server.vendor_get(&case_path(None))).await;
    let message = assert_case_messages_error(&none, StatusCode::UNAUTHORIZED);
    assert!(message.contains("accessToken"), "{message}");
    let wrong = server
        .send(server.vendor_get(&case_path(Some("wrong-token"))))
        .await;
    let message = assert_case_messages_error(&wrong, StatusCode::UNAUTHORIZED);
    assert!(!message.contains("wrong-token"), "no echo: {message}");

    let path = support_session_path(RIDE_ORDER_ID);
    let none = server.send(server.vendor_get(&path)).await;
    assert_support_error(&none, StatusCode::UNAUTHORIZED, "UNAUTHORIZED");
    let wrong = server
        .send(server.vendor_get(&path).header("x-api-key", "nope"))
        .await;
    assert_support_error(&wrong, StatusCode::UNAUTHORIZED, "UNAUTHORIZED");

    let none = server.send(server.vendor_get(&postcenter_path())).await;
    assert_postcenter_error(&none, StatusCode::UNAUTHORIZED);
    let wrong = server
        .send(
            server
                .vendor_get(&postcenter_path())
                .header("authorization", format!("Bearer {POSTCENTER_KEY}")),
        )
        .await;
    assert_postcenter_error(&wrong, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_agents_session_does_not_open_the_vendors_routes() {
    let server = upstream(60, true).await;
    let read = server.get(&octopia_path()).await;
    assert_octopia_error(&read, StatusCode::UNAUTHORIZED);
    let read = server.get(&postcenter_path()).await;
    assert_postcenter_error(&read, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn octopias_token_endpoint_issues_tokens_to_its_client_only() {
    let server = upstream(60, true).await;
    let good = server
        .token_reply(OCTOPIA_CLIENT, OCTOPIA_SECRET, "client_credentials")
        .await;
    assert_eq!(good.status, StatusCode::OK, "{}", good.text);
    assert_eq!(good.body["token_type"], "Bearer");
    assert_eq!(good.body["expires_in"], 60);
    assert!(good.body["access_token"].as_str().unwrap().len() >= 40);
    assert_eq!(good.headers["cache-control"], "no-store");

    let wrong = server
        .token_reply(OCTOPIA_CLIENT, "not-the-secret", "client_credentials")
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}", wrong.text);
    assert_eq!(wrong.body["error"], "invalid_client");
    assert!(!wrong.text.contains("not-the-secret"));
    let stranger = server
        .token_reply("someone-else", OCTOPIA_SECRET, "client_credentials")
        .await;
    assert_eq!(stranger.body["error"], "invalid_client");

    let grant = server
        .token_reply(OCTOPIA_CLIENT, OCTOPIA_SECRET, "password")
        .await;
    assert_eq!(grant.status, StatusCode::BAD_REQUEST);
    assert_eq!(grant.body["error"], "unsupported_grant_type");

    // Only a backend with client credentials has a token endpoint.
    let other = server
        .send(
            vendor_client()
                .post(server.url("/vendor-auth/postcenter/token"))
                .form(&[
                    ("grant_type", "client_credentials"),
                    ("client_id", OCTOPIA_CLIENT),
                    ("client_secret", OCTOPIA_SECRET),
                ]),
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND, "{}", other.text);
}

#[tokio::test]
async fn an_octopia_token_past_its_lifetime_is_refused() {
    let server = upstream(1, true).await;
    let token = server.octopia_token().await;
    let read = || {
        server
            .vendor_get(&octopia_path())
            .bearer_auth(&token)
            .header("SellerId", SELLER_ID)
    };
    assert_eq!(server.send(read()).await.status, StatusCode::OK);
    // The behaviour under test is the clock: a token of one second, a little more waited.
    tokio::time::sleep(Duration::from_millis(1_300)).await;
    let late = server.send(read()).await;
    assert_octopia_error(&late, StatusCode::UNAUTHORIZED);
    assert!(late.body["title"].as_str().unwrap().contains("expired"));
    let fresh = server.octopia_token().await;
    let again = server
        .send(
            server
                .vendor_get(&octopia_path())
                .bearer_auth(&fresh)
                .header("SellerId", SELLER_ID),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
}

#[tokio::test]
async fn octopia_checks_the_seller_id_beside_the_token() {
    let server = upstream(60, true).await;
    let token = server.octopia_token().await;
    let without = server
        .send(server.vendor_get(&octopia_path()).bearer_auth(&token))
        .await;
    assert_octopia_error(&without, StatusCode::UNAUTHORIZED);
    assert!(without.body["title"].as_str().unwrap().contains("SellerId"));
    let other = server
        .send(
            server
                .vendor_get(&octopia_path())
                .bearer_auth(&token)
                .header("SellerId", "seller-7"),
        )
        .await;
    assert_octopia_error(&other, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn switchboards_own_routes_under_a_base_path_still_need_an_agents_session() {
    let server = upstream(60, true).await;
    let history = format!("{SUPPORT_SESSIONS}/support/{RIDE_ORDER_ID}/history");
    let with_key = server
        .send(server.vendor_get(&history).header("x-api-key", SUPPORT_KEY))
        .await;
    let paths = assert_support_error(&with_key, StatusCode::UNAUTHORIZED, "UNAUTHORIZED");
    assert!(paths.is_empty());
    assert!(
        with_key.text.contains("Switchboard's own route"),
        "{}",
        with_key.text
    );
    let nothing = server.send(server.vendor_get(&history)).await;
    assert_support_error(&nothing, StatusCode::UNAUTHORIZED, "UNAUTHORIZED");
    let agent = server.get(&history).await;
    assert_eq!(agent.status, StatusCode::OK, "{}", agent.text);

    // Withdrawing a conversation's follow-up links is Switchboard's too.
    let links = format!("{API}/conversations/no-such-conversation/follow-up-links");
    let with_key = server
        .send(
            server
                .vendor(reqwest::Method::DELETE, &links)
                .header("authorization", format!("Bearer {COMMUNICATION_KEY}")),
        )
        .await;
    let message = assert_communication_error(&with_key, StatusCode::UNAUTHORIZED);
    assert!(message.contains("signed-in agent"), "{message}");
}
