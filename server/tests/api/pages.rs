//! Which page each path is, once every page is built: the sign-in page, the customers'
//! contact and follow-up pages, and the console, which goes only to an agent with a
//! session; the pages sent compressed; and the console's parts, kept by browsers for a year in
//! their hashed folder.

use crate::common::{sign_in, start_with_dist, AGENT_EMAIL};
use reqwest::header::{CACHE_CONTROL, CONTENT_ENCODING, LOCATION, VARY};
use reqwest::redirect::Policy;
use reqwest::StatusCode;
use switchboard_server::seed::DEMO_PASSWORD;

const CONSOLE: &str = "<html>the console</html>";
const SIGN_IN: &str = "<html>sign in</html>";
const CONTACT: &str = "<html>contact us</html>";
const FOLLOW_UP: &str = "<html>your request</html>";
const PART: &str = "/pkg-0123456789abcdef/split_conversation.wasm";

/// A build with every page and one part of the console, and a server over it.
async fn built() -> (crate::common::TestServer, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("index.html", CONSOLE),
        ("sign-in.html", SIGN_IN),
        ("contact.html", CONTACT),
        ("follow-up.html", FOLLOW_UP),
    ] {
        std::fs::write(dist.path().join(name), text).unwrap();
    }
    std::fs::create_dir(dist.path().join("pkg-0123456789abcdef")).unwrap();
    std::fs::write(dist.path().join(&PART[1..]), b"\0asm\x01\0\0\0").unwrap();
    let server = start_with_dist(Some(dist.path().to_owned())).await;
    (server, dist)
}

/// A browser that does not follow redirects, with the cookie `cookie` if any.
fn browser(cookie: Option<&str>) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(cookie) = cookie {
        headers.insert(reqwest::header::COOKIE, cookie.parse().unwrap());
    }
    reqwest::Client::builder()
        .redirect(Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn visit(client: &reqwest::Client, url: String) -> (StatusCode, Option<String>, String) {
    let response = client.get(url).send().await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .map(|value| value.to_str().unwrap().to_owned());
    (status, location, response.text().await.unwrap())
}

#[tokio::test]
async fn a_visitor_without_a_session_is_sent_to_sign_in_before_any_of_the_console_loads() {
    let (server, _dist) = built().await;
    let stranger = browser(None);
    for (path, to) in [
        ("/", "/sign-in"),
        ("/index.html", "/sign-in?next=%2Findex.html"),
        (
            "/conversations/octopia/d-1?status=open",
            "/sign-in?next=%2Fconversations%2Foctopia%2Fd-1%3Fstatus%3Dopen",
        ),
    ] {
        let (status, location, _) = visit(&stranger, server.url(path)).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(location.as_deref(), Some(to), "{path}");
    }
    // A cookie that opens no session is no session.
    let stale = browser(Some("switchboard_session=not-a-session"));
    let (status, location, _) = visit(&stale, server.url("/")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/sign-in"));

    let (status, _, text) = visit(&stranger, server.url("/sign-in?next=%2Fx")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text, SIGN_IN);
}

#[tokio::test]
async fn an_agent_with_a_session_gets_the_console_and_is_sent_on_from_the_sign_in_page() {
    let (server, _dist) = built().await;
    let cookie = sign_in(
        &server.anonymous,
        &server.base_url,
        AGENT_EMAIL,
        DEMO_PASSWORD,
    )
    .await
    .unwrap();
    let agent = browser(Some(&cookie));
    for path in ["/", "/conversations/octopia/d-1"] {
        let (status, _, text) = visit(&agent, server.url(path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(text, CONSOLE, "{path}");
    }
    for (path, to) in [
        ("/sign-in", "/"),
        (
            "/sign-in?next=%2Fconversations%2Foctopia%2Fd-1",
            "/conversations/octopia/d-1",
        ),
        // Never off the site, nor to a header that would not be one.
        ("/sign-in?next=%2F%2Fevil.example", "/"),
        ("/sign-in?next=https%3A%2F%2Fevil.example", "/"),
        ("/sign-in?next=%2F%E2%82%AC", "/%E2%82%AC"),
    ] {
        let (status, location, _) = visit(&agent, server.url(path)).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(location.as_deref(), Some(to), "{path}");
    }
}

#[tokio::test]
async fn the_customers_pages_are_their_own_and_need_no_session() {
    let (server, _dist) = built().await;
    let stranger = browser(None);
    for (path, page) in [
        ("/contact", CONTACT),
        ("/contact/", CONTACT),
        ("/contact/follow-up", FOLLOW_UP),
        ("/contact/follow-up/", FOLLOW_UP),
    ] {
        let (status, _, text) = visit(&stranger, server.url(path)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(text, page, "{path}");
    }
}

#[tokio::test]
async fn the_consoles_parts_are_kept_for_a_year_in_their_hashed_folder() {
    let (server, _dist) = built().await;
    let response = browser(None).get(server.url(PART)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-type"], "application/wasm");
}

/// Pages go as their brotli or gzip copy to a browser that accepts one, as every other file
/// does; a copy older than its page (built again, not compressed again) is not sent.
#[tokio::test]
async fn pages_go_compressed_to_a_browser_that_accepts_it_and_never_as_a_stale_copy() {
    use std::io::Read;
    use switchboard_server::precompress::Encoding;
    let (server, dist) = built().await;
    let page = dist.path().join("contact.html");
    for encoding in Encoding::ALL {
        let copy = encoding.compress(CONTACT.as_bytes()).unwrap();
        std::fs::write(encoding.copy_of(&page), copy).unwrap();
    }
    let client = browser(None);
    let get = |accepts: &'static str| {
        client
            .get(server.url("/contact"))
            .header(reqwest::header::ACCEPT_ENCODING, accepts)
            .send()
    };

    let brotli = get("gzip, deflate, br").await.unwrap();
    assert_eq!(brotli.headers()[CONTENT_ENCODING], "br");
    assert_eq!(brotli.headers()[VARY], "accept-encoding");
    let sent = brotli.bytes().await.unwrap();
    let mut text = String::new();
    brotli::Decompressor::new(&sent[..], 4096)
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, CONTACT);

    let gzip = get("gzip").await.unwrap();
    assert_eq!(gzip.headers()[CONTENT_ENCODING], "gzip");

    let plain = get("br;q=0, identity").await.unwrap();
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    assert_eq!(plain.text().await.unwrap(), CONTACT);

    // The page built again after its copies were made: they are not its bytes any more.
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for encoding in Encoding::ALL {
        std::fs::File::options()
            .write(true)
            .open(encoding.copy_of(&page))
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    let rebuilt = get("br").await.unwrap();
    assert!(rebuilt.headers().get(CONTENT_ENCODING).is_none());
    assert_eq!(rebuilt.text().await.unwrap(), CONTACT);
}
