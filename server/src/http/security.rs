//! The headers every response carries ([`secure`], the outermost layer but one), and the
//! console page's `Content-Security-Policy` ([`console_policy`]), which allows exactly the
//! inline scripts the built page holds, by their sha256 ([`inline_script_hashes`]).
//!
//! - `X-Content-Type-Options: nosniff`: a browser never guesses a type we did not send.
//! - `Referrer-Policy: same-origin`: ids in the console's paths never leave for elsewhere.
//! - `X-Frame-Options: DENY`, for browsers older than CSP's `frame-ancestors`.
//! - `Content-Security-Policy`: a response that set none (the API's JSON, static files) gets
//!   [`API_POLICY`]; the console's page sets [`console_policy`] and downloads their sandbox,
//!   and those are kept.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The layer just outside CORS: `Access-Control-Allow-Credentials` only beside an allowed
/// origin. CORS adds it to every response; alone it grants nothing, but it tells a prober
/// that credentialed calls exist, and a response should say no more than it must.
pub async fn credentials_for_allowed_origins_only(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
        headers.remove(header::ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }
    response
}

/// The policy of everything that is not the console's page: nothing loads, nothing frames it.
pub const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// The console page's policy: its own scripts, styles and API; the inline scripts whose
/// hashes are given (`'sha256-…'`, from [`inline_script_hashes`]) and no other; pictures
/// also from `data:` (Octopia's attachments) and `blob:` (previews of picked files).
pub fn console_policy(script_hashes: &[String]) -> String {
    let mut script_src = "script-src 'self' 'wasm-unsafe-eval'".to_owned();
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    format!(
        "default-src 'self'; {script_src}; style-src 'self'; img-src 'self' data: blob:; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
         form-action 'self'"
    )
}

/// The hash source (`'sha256-<base64>'`) of each inline `<script>` element of `html`, in
/// document order: the exact bytes between its start tag and `</script`. Elements with a
/// `src` attribute are not inline and give none. Duplicates are listed once.
pub fn inline_script_hashes(html: &[u8]) -> Vec<String> {
    // ASCII lower-casing keeps every byte's offset, so the positions found hold in `html`.
    let lower = html.to_ascii_lowercase();
    let mut hashes: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&lower, b"<script", at) {
        let name_end = found + b"<script".len();
        let Some(&next) = lower.get(name_end) else {
            break;
        };
        if !(next.is_ascii_whitespace() || next == b'>' || next == b'/') {
            at = name_end;
            continue;
        }
        let Some(tag_end) = start_tag_end(&lower, name_end) else {
            break;
        };
        let text_start = tag_end + 1;
        let Some(text_end) = find(&lower, b"</script", text_start) else {
            break;
        };
        if !has_src(&lower[name_end..tag_end]) {
            let digest = Sha256::digest(&html[text_start..text_end]);
            let hash = format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            );
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        at = text_end;
    }
    hashes
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|offset| from + offset)
}

/// The `>` closing a start tag, skipping any inside quoted attribute values.
fn start_tag_end(lower: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (offset, &byte) in lower.get(from..)?.iter().enumerate() {
        match (quote, byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => return Some(from + offset),
            (None, _) => {}
        }
    }
    None
}

/// Whether a start tag's attributes (lower-cased, quoted values included) name `src`.
fn has_src(attributes: &[u8]) -> bool {
    let mut names: Vec<&[u8]> = Vec::new();
    let mut rest = attributes;
    while !rest.is_empty() {
        rest = trim_start(rest);
        let name_len = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'=' || *b == b'/')
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(name_len.max(1).min(rest.len()));
        names.push(name);
        rest = trim_start(after);
        if let Some(value) = rest.strip_prefix(b"=") {
            rest = skip_value(trim_start(value));
        }
    }
    names.contains(&&b"src"[..])
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[skip..]
}

fn skip_value(bytes: &[u8]) -> &[u8] {
    match bytes.first() {
        Some(&q @ (b'"' | b'\'')) => match bytes[1..].iter().position(|b| *b == q) {
            Some(end) => &bytes[end + 2..],
            None => &[],
        },
        _ => {
            let end = bytes
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(bytes.len());
            &bytes[end..]
        }
    }
}

/// The layer: every response, errors and CORS preflights included, leaves with the
/// headers above; a `Content-Security-Policy` already set is kept.
pub async fn secure(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let defaults = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CONTENT_SECURITY_POLICY, API_POLICY),
    ];
    for (name, value) in defaults {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21 writes into `dist/index.html` for this repository's `index.html`.
    pub const TRUNK_PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
    <meta charset="utf-8">
    <title>Switchboard</title>
    <link rel="modulepreload" href="/switchboard-1a2b.js" crossorigin="anonymous" integrity="sha384-abc">
    <link rel="preload" href="/switchboard-1a2b_bg.wasm" crossorigin="anonymous" integrity="sha384-def" as="fetch" type="application/wasm">
<link rel="stylesheet" href="/main-3c4d.css" integrity="sha384-ghi"/>
<script type="module">
import init, * as bindings from '/switchboard-1a2b.js';
const wasm = await init({ module_or_path: '/switchboard-1a2b_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script></head>
  <body>
    <noscript>Switchboard needs JavaScript and WebAssembly to run.</noscript>
  <script src="/external.js" data-note="a > in a value"></script>
</body></html>"#;

    fn hash_of(text: &str) -> String {
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
        )
    }

    #[test]
    fn the_inline_module_script_of_a_trunk_page_is_hashed_exactly() {
        let start = TRUNK_PAGE.find("<script type=\"module\">").unwrap() + 22;
        let end = TRUNK_PAGE.find("</script>").unwrap();
        let text = &TRUNK_PAGE[start..end];
        assert!(text.starts_with("\nimport init") && text.ends_with("}}));\n"));
        assert_eq!(
            inline_script_hashes(TRUNK_PAGE.as_bytes()),
            [hash_of(text)],
            "one inline script; the one with src is not inline"
        );
    }

    #[test]
    fn scripts_in_any_case_are_found_and_lookalikes_are_not() {
        let page = "<SCRIPT>a()</SCRIPT><scripted>x</scripted><script \
                    data-src='x'>b()</script ><script>a()</script><script SRC=/c.js></script>";
        assert_eq!(
            inline_script_hashes(page.as_bytes()),
            [hash_of("a()"), hash_of("b()")]
        );
        assert!(inline_script_hashes(b"<p>no scripts</p>").is_empty());
        assert!(inline_script_hashes(b"<script>never closed").is_empty());
    }

    #[test]
    fn the_console_policy_lists_the_hashes_and_never_unsafe_inline() {
        let policy = console_policy(&["'sha256-AAA='".to_owned()]);
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=';"));
        assert!(policy.contains("img-src 'self' data: blob:;"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.ends_with("form-action 'self'"));
    }
}
