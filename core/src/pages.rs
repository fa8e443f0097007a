//! Switchboard's pages as the server and the browser both know them. Each is a bundle of
//! its own, so a visitor downloads only the page they came for: the agents' sign-in page
//! (small, fetched before the console), the console itself, and the customers' contact
//! and follow-up pages. The server sends the right page for a path, and sends a visitor
//! without a session from the console to the sign-in page before any of the console loads.
//!
//! Where signing in leads is decided here once ([`safe_next`]): the `next` of a sign-in
//! link is read from the URL, so anyone can write one, and it must never lead off the site.

use crate::domain::{decode_percent, encode_path_segment};

pub const SIGN_IN_PATH: &str = "/sign-in";
pub const CONTACT_PATH: &str = "/contact";
pub const FOLLOW_UP_PATH: &str = "/contact/follow-up";

/// The sign-in page, coming back to `wanted` (a path and its query) afterwards.
pub fn sign_in_href(wanted: &str) -> String {
    match safe_next(Some(wanted)).as_str() {
        "/" => SIGN_IN_PATH.to_owned(),
        next => format!("{SIGN_IN_PATH}?next={}", encode_path_segment(next)),
    }
}

/// The `next` of a sign-in page's query (`?next=%2Fconversations…`), decoded, if any.
pub fn next_in_query(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("next="))
        .map(|raw| decode_percent(&raw.replace('+', " ")))
}

/// Where to go once signed in: `next` when it is a path on this site, else the inbox.
/// A path starts with one `/`: `//host` and `/\host` are other sites to a browser, which
/// also drops tabs and newlines (so `/\t/host` is `//host`), hence no control characters,
/// spaces or backslashes anywhere. The sign-in page itself leads to the inbox.
pub fn safe_next(next: Option<&str>) -> String {
    const INBOX: &str = "/";
    let Some(next) = next else {
        return INBOX.to_owned();
    };
    let on_this_site = next.starts_with('/')
        && !next[1..].starts_with('/')
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    let path = next.split(['?', '#']).next().unwrap_or_default();
    let is_sign_in = path.trim_end_matches('/') == SIGN_IN_PATH;
    if on_this_site && !is_sign_in {
        next.to_owned()
    } else {
        INBOX.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_this_site_is_kept_with_its_query() {
        for path in [
            "/",
            "/conversations/communication/c-12",
            "/?assignee=me&status=open",
            "/conversations/octopia/d%2F1?reference=2511PAQ7731",
            "/?reference=http://example.com",
        ] {
            assert_eq!(safe_next(Some(path)), path);
        }
    }

    #[test]
    fn anything_that_could_leave_the_site_leads_to_the_inbox() {
        for next in [
            "//evil.example",
            "//evil.example/conversations",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil.example",
            "conversations/communication/c-1",
            "",
            " /",
        ] {
            assert_eq!(safe_next(Some(next)), "/", "{next:?}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn the_sign_in_page_never_leads_back_to_itself() {
        assert_eq!(safe_next(Some("/sign-in")), "/");
        assert_eq!(safe_next(Some("/sign-in/?next=/x")), "/");
        assert_eq!(safe_next(Some("/sign-in-help")), "/sign-in-help");
    }

    #[test]
    fn the_sign_in_link_carries_the_wanted_page_encoded() {
        assert_eq!(sign_in_href("/"), "/sign-in");
        assert_eq!(
            sign_in_href("/conversations/communication/c-1?status=open"),
            "/sign-in?next=%2Fconversations%2Fcommunication%2Fc-1%3Fstatus%3Dopen"
        );
        assert_eq!(sign_in_href("//evil.example"), "/sign-in");
    }

    #[test]
    fn the_next_of_a_sign_in_link_reads_back_as_written() {
        let wanted = "/conversations/communication/c-1?status=open";
        let href = sign_in_href(wanted);
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        assert_eq!(next_in_query(query).as_deref(), Some(wanted));
        assert_eq!(next_in_query("?a=1&next=%2Fx").as_deref(), Some("/x"));
        assert_eq!(next_in_query(""), None);
    }
}
