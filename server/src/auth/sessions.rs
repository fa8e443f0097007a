//! Agents' sessions: a random 256-bit token in an `HttpOnly`, `SameSite=Strict` cookie
//! (`Secure` unless the console is reached on plain localhost), and on the server only the
//! token's SHA-256 with the agent and the expiry. Signing out deletes the row, so the
//! cookie opens nothing afterwards, wherever a copy of it went.

use axum::http::{header, HeaderMap, HeaderValue};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};
use switchboard_core::session::SESSION_COOKIE;

/// A new session's secret, as the cookie carries it.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub use crate::store::sessions::{end, end_all, find, open, token_hash};

/// The session token a request carries, if any.
pub fn token_in(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, SESSION_COOKIE)
}

/// The value of the cookie `wanted` a request carries, if any and not empty.
pub fn cookie_value(headers: &HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// The `Set-Cookie` that gives the browser its session for `max_age_secs`.
pub fn cookie(token: &str, max_age_secs: i64, headers: &HeaderMap) -> HeaderValue {
    cookie_line(
        &format!("{SESSION_COOKIE}={token}; Max-Age={max_age_secs}"),
        "/",
        headers,
    )
}

/// The `Set-Cookie` that makes the browser forget its session.
pub fn cleared_cookie(headers: &HeaderMap) -> HeaderValue {
    cookie_line(&format!("{SESSION_COOKIE}=; Max-Age=0"), "/", headers)
}

/// A cookie for `path`, `HttpOnly` and `SameSite=Strict`, `Secure` unless on localhost.
pub(crate) fn cookie_line(start: &str, path: &str, headers: &HeaderMap) -> HeaderValue {
    let secure = if is_plain_localhost(headers) {
        ""
    } else {
        "; Secure"
    };
    let line = format!("{start}; Path={path}; HttpOnly; SameSite=Strict{secure}");
    HeaderValue::from_str(&line).expect("a token is base64url, always a valid header value")
}

/// Whether the request was addressed to this machine itself, where browsers reach the
/// console over plain HTTP; everywhere else the cookie is `Secure`.
fn is_plain_localhost(headers: &HeaderMap) -> bool {
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(name, "localhost" | "127.0.0.1" | "[::1]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    #[test]
    fn tokens_are_long_random_and_stored_only_hashed() {
        let token = new_token();
        assert_eq!(token.len(), 43, "32 bytes in base64url");
        assert_ne!(token, new_token());
        assert_eq!(token_hash(&token).len(), 64);
        assert!(!token_hash(&token).contains(&token));
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let map = headers(&[("cookie", "a=1; switchboard_session=tok ; b=2")]);
        assert_eq!(token_in(&map).as_deref(), Some("tok"));
        assert_eq!(
            token_in(&headers(&[("cookie", "switchboard_sessionx=1")])),
            None
        );
        assert_eq!(
            token_in(&headers(&[("cookie", "switchboard_session=")])),
            None
        );
        assert_eq!(token_in(&HeaderMap::new()), None);
    }

    #[test]
    fn the_cookie_is_secure_everywhere_but_plain_localhost() {
        let line = |host: &str| {
            cookie("t", 60, &headers(&[("host", host)]))
                .to_str()
                .unwrap()
                .to_owned()
        };
        let local = line("127.0.0.1:8080");
        assert_eq!(
            local,
            "switchboard_session=t; Max-Age=60; Path=/; HttpOnly; SameSite=Strict"
        );
        assert!(!line("localhost").contains("Secure"));
        assert!(!line("[::1]:3000").contains("Secure"));
        assert!(line("support.example.com").ends_with("; Secure"));
        assert!(line("localhost.example.com:80").ends_with("; Secure"));
        assert!(cleared_cookie(&HeaderMap::new())
            .to_str()
            .unwrap()
            .contains("Max-Age=0"));
    }
}
