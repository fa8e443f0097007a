//! The console: files from the built SPA (`dist/`), and its `index.html` for every other
//! path so client routes like `/conversations/communication/42` load the app. Without a
//! build, a short page says how to make one.
//!
//! Both pages carry the console's strict `Content-Security-Policy`
//! ([`crate::http::security::console_policy`]); the built page's allows the inline
//! scripts Trunk wrote into it, by the hashes of their text, read with the page.
//!
//! The other pages are small entries of their own, each sent for its path once it was
//! built (without it, the console's page serves the path as before): the customers'
//! contact and follow-up pages (`contact.html`, `follow-up.html`), so customers never
//! download the console, and the agents' sign-in page (`sign-in.html`). Once the sign-in
//! page is built, the console goes only to an agent with a session: anyone else is sent
//! to sign in first (`303`), and an agent who has one is sent on from the sign-in page.
//!
//! A file with a `.br` or `.gz` copy beside it ([`crate::precompress`]) is sent as that
//! copy to a browser that accepts it, the pages too; without copies, files go as they
//! are. Files whose name (or folder, for the console's parts) carries a content hash never
//! change under that name, so browsers keep them for a year without asking again; the
//! page and every other file are revalidated on each use (`no-cache`), so a new build is
//! seen at once.

use crate::auth::has_session;
use crate::http::security::{console_policy, inline_script_hashes};
use crate::precompress::Encoding;
use crate::AppState;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use switchboard_core::pages::{
    next_in_query, safe_next, sign_in_href, CONTACT_PATH, FOLLOW_UP_PATH, SIGN_IN_PATH,
};
use tower_http::services::ServeDir;

#[derive(Clone)]
pub struct Spa {
    dist_dir: Option<PathBuf>,
}

impl Spa {
    pub fn new(dist_dir: Option<PathBuf>) -> Arc<Spa> {
        Arc::new(Spa { dist_dir })
    }

    /// The build is looked for on each request, so building while the server runs works.
    fn built_dir(&self) -> Option<&Path> {
        self.dist_dir
            .as_deref()
            .filter(|dir| dir.join("index.html").is_file())
    }
}

pub async fn respond(spa: Arc<Spa>, state: AppState, request: Request) -> Response {
    let Some(dist_dir) = spa.built_dir() else {
        return not_built(&spa, request.uri().path());
    };
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    let wanted = request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |wanted| wanted.as_str().to_owned());
    // Pages go through `page`, for their policy; a page of its own only once it was built.
    if is_read {
        if let Some(name) = own_page(request.uri().path()) {
            if dist_dir.join(name).is_file() {
                if name == SIGN_IN_PAGE && has_session(&state, request.headers()).await {
                    let query = request.uri().query().unwrap_or_default();
                    return see_other(&safe_next(next_in_query(query).as_deref()));
                }
                return page(dist_dir, name, request.headers()).await;
            }
        }
        if matches!(request.uri().path(), "/" | "/index.html") {
            return console_page(dist_dir, &state, request.headers(), &wanted).await;
        }
    }
    let headers = request.headers().clone();
    let hashed = is_hashed_path(request.uri().path());
    let served = ServeDir::new(dist_dir)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip()
        .try_call(request)
        .await;
    match served {
        Ok(response) if response.status() == StatusCode::NOT_FOUND && is_read => {
            console_page(dist_dir, &state, &headers, &wanted).await
        }
        Ok(response) => with_caching(response.map(Body::new), hashed),
        Err(error) => {
            eprintln!("cannot serve a file from {}: {error}", dist_dir.display());
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The pages that are bundles of their own, by path.
fn own_page(path: &str) -> Option<&'static str> {
    match path.trim_end_matches('/') {
        CONTACT_PATH | "/contact.html" => Some(CONTACT_PAGE),
        FOLLOW_UP_PATH => Some(FOLLOW_UP_PAGE),
        SIGN_IN_PATH => Some(SIGN_IN_PAGE),
        _ => None,
    }
}

/// The console, for an agent with a session. Anyone else goes to the sign-in page (once it
/// is built), which brings them back to `wanted`: nobody downloads the console to be told
/// to sign in, and the console never starts by being refused.
async fn console_page(
    dist_dir: &Path,
    state: &AppState,
    headers: &HeaderMap,
    wanted: &str,
) -> Response {
    if dist_dir.join(SIGN_IN_PAGE).is_file() && !has_session(state, headers).await {
        return see_other(&sign_in_href(wanted));
    }
    page(dist_dir, "index.html", headers).await
}

/// `303 See Other` to a path on this site. Its bytes outside printable ASCII are
/// percent-encoded, so any path makes a valid header.
fn see_other(path: &str) -> Response {
    let mut location = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_graphic() {
            location.push(byte as char);
        } else {
            location.push_str(&format!("%{byte:02X}"));
        }
    }
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(&location) {
        headers.insert(header::LOCATION, location);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Kept for a year under a hashed name, revalidated otherwise; either way the bytes sent
/// depend on `Accept-Encoding`, which caches must know. Only files sent (or confirmed
/// unchanged) are marked: redirects and refusals keep what they have.
fn with_caching(mut response: Response, hashed: bool) -> Response {
    let status = response.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let headers = response.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if hashed {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            }),
        );
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// Whether the file at `path` never changes: its name carries a content hash, or it sits in
/// a folder that does (`/pkg-1a2b3c4d5e6f7a8b/…`, where the build puts the console's
/// parts: their names are not hashes, so the folder is, and a new build is a new folder).
pub fn is_hashed_path(path: &str) -> bool {
    let mut segments = path.split('/').filter(|segment| !segment.is_empty());
    let name = segments.next_back().unwrap_or_default();
    is_hashed_name(name) || segments.any(is_hashed_folder)
}

/// `pkg-` then 16 lower-case hex digits: a folder named by its content's hash.
pub fn is_hashed_folder(name: &str) -> bool {
    name.strip_prefix("pkg-").is_some_and(|hash| {
        hash.len() == 16
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// Whether a file's name carries Trunk's content hash, so that other bytes would have
/// another name: `-` then the hash in lower-case hex, then the extension or Trunk's `_bg`
/// (`switchboard-1a2b3c4d5e6f7a8b.js`, `switchboard-1a2b3c4d5e6f7a8b_bg.wasm`,
/// `main-1a2b3c4d5e6f7a8b.css`). Trunk writes its 64-bit hash without leading zeros: 16
/// digits, fewer for one build in sixteen; 12 to 16 are taken as a hash.
pub fn is_hashed_name(name: &str) -> bool {
    name.match_indices('-').any(|(at, _)| {
        let rest = &name.as_bytes()[at + 1..];
        let digits = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        (12..=16).contains(&digits)
            && rest.len() > digits + 1
            && matches!(rest[digits], b'.' | b'_')
            && rest[digits..].contains(&b'.')
    })
}

/// The contact page's own entry (`contact.html` built by Trunk, copied beside the
/// console's): a bundle without the console in it.
pub const CONTACT_PAGE: &str = "contact.html";
/// The customers' follow-up page, a bundle of its own too.
pub const FOLLOW_UP_PAGE: &str = "follow-up.html";
/// The agents' sign-in page: small, and fetching the console while the agent types.
pub const SIGN_IN_PAGE: &str = "sign-in.html";

/// A built page with its policy, allowing its own inline scripts by their hashes. Sent as
/// its brotli or gzip copy to a browser that accepts one, as every other file is; a copy
/// older than its page (a build not compressed again) is not the page's bytes, and is left.
async fn page(dist_dir: &Path, name: &str, request: &HeaderMap) -> Response {
    let path = dist_dir.join(name);
    let bytes = match tokio::fs::read(&path).await {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cannot read {}: {error}", path.display());
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let policy = console_policy(&inline_script_hashes(&bytes));
    let (body, encoding) = match compressed_copy(&path, request).await {
        Some((copy, encoding)) => (copy, Some(encoding)),
        None => (bytes, None),
    };
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Some(encoding) = encoding {
        headers.insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static(encoding.token()),
        );
    }
    headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    // The app's entry point must be refetched after each build; assets are hashed.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The copy of the page at `path` in the first encoding the request accepts (brotli, then
/// gzip) that is at least as new as the page.
async fn compressed_copy(path: &Path, request: &HeaderMap) -> Option<(Vec<u8>, Encoding)> {
    let built = tokio::fs::metadata(path).await.ok()?.modified().ok()?;
    for encoding in accepted_encodings(request) {
        let copy = encoding.copy_of(path);
        let fresh = tokio::fs::metadata(&copy)
            .await
            .ok()
            .and_then(|meta| meta.modified().ok())
            .is_some_and(|made| made >= built);
        if fresh {
            if let Ok(bytes) = tokio::fs::read(&copy).await {
                return Some((bytes, encoding));
            }
        }
    }
    None
}

/// The encodings copies are made in that `Accept-Encoding` accepts, brotli first. One
/// refused with `q=0` is not accepted; `*` is not taken as either.
fn accepted_encodings(request: &HeaderMap) -> Vec<Encoding> {
    let offered: Vec<(String, bool)> = request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let refused = parts.any(|part| {
                part.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name, !refused)
        })
        .collect();
    Encoding::ALL
        .into_iter()
        .filter(|encoding| {
            offered
                .iter()
                .any(|(name, accepted)| *accepted && name == encoding.token())
        })
        .collect()
}

fn not_built(spa: &Spa, path: &str) -> Response {
    let looked_in = match &spa.dist_dir {
        Some(dir) => format!(
            "No index.html was found in <code>{}</code>.",
            escape(&dir.display().to_string())
        ),
        None => "The server was started without a <code>--dist</code> directory.".to_owned(),
    };
    let page = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Switchboard</title></head>\n\
         <body><h1>Switchboard: the console is not built</h1>\n\
         <p>{looked_in}</p>\n\
         <p>Build it from the repository root with <code>trunk build --release</code> (it writes \
         <code>dist/</code>), then reload this page; <code>scripts/run.sh</code> builds the console \
         and starts this server in one go. The APIs already answer: try \
         <a href=\"/api/backends\">/api/backends</a>.</p>\n</body></html>\n"
    );
    let status = if path == "/" {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let mut response = (status, Html(page)).into_response();
    if let Ok(policy) = HeaderValue::from_str(&console_policy(&[])) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::{
        accepted_encodings, header, is_hashed_name, is_hashed_path, own_page, Encoding, HeaderMap,
        HeaderValue,
    };

    #[test]
    fn the_encodings_a_browser_accepts_are_read_brotli_first_and_a_refused_one_left() {
        let accepting = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).unwrap(),
            );
            accepted_encodings(&headers)
        };
        assert_eq!(
            accepting("gzip, deflate, br, zstd"),
            [Encoding::Brotli, Encoding::Gzip]
        );
        assert_eq!(
            accepting("gzip;q=1.0, BR;q=0.5"),
            [Encoding::Brotli, Encoding::Gzip]
        );
        assert_eq!(accepting("br;q=0, gzip"), [Encoding::Gzip]);
        assert_eq!(accepting("identity, *"), []);
        assert_eq!(accepted_encodings(&HeaderMap::new()), []);
    }

    #[test]
    fn trunks_hashed_names_are_told_from_others() {
        for hashed in [
            "switchboard-a6f297fa81ff0ece.js",
            "switchboard-a6f297fa81ff0ece_bg.wasm",
            "main-e84b4a61233c3c9f.css",
            "my-app-0123456789abcdef.js",
            // Trunk drops the hash's leading zeros.
            "contact-a3f57a605a35828.js",
        ] {
            assert!(is_hashed_name(hashed), "{hashed}");
        }
        for plain in [
            "index.html",
            "favicon.svg",
            "app.js",
            "",
            // Not 12 to 16 hex digits, or not before the extension.
            "switchboard-a6f297fa81f.js",
            "switchboard-a6f297fa81ff0ece0.js",
            "switchboard-A6F297FA81FF0ECE.js",
            "switchboard-g6f297fa81ff0ece.js",
            "switchboard-a6f297fa81ff0ece",
            "switchboard-a6f297fa81ff0ece_bg",
            "a6f297fa81ff0ece.js",
        ] {
            assert!(!is_hashed_name(plain), "{plain}");
        }
    }

    #[test]
    fn files_in_a_hashed_folder_are_hashed_whatever_their_name() {
        for hashed in [
            "/pkg-0123456789abcdef/switchboard.js",
            "/pkg-0123456789abcdef/split_conversation_part_123.wasm",
            "/pkg-0123456789abcdef/snippets/x/inline0.js",
            "/switchboard-a6f297fa81ff0ece.js",
        ] {
            assert!(is_hashed_path(hashed), "{hashed}");
        }
        for plain in [
            "/pkg-0123456789abcde/switchboard.js",
            "/pkg-0123456789ABCDEF/switchboard.js",
            "/pkg/switchboard.js",
            "/pkg-0123456789abcdef",
            "/app.js",
            "/",
        ] {
            assert!(!is_hashed_path(plain), "{plain}");
        }
    }

    #[test]
    fn each_page_of_its_own_has_its_paths() {
        assert_eq!(own_page("/sign-in"), Some("sign-in.html"));
        assert_eq!(own_page("/sign-in/"), Some("sign-in.html"));
        assert_eq!(own_page("/contact"), Some("contact.html"));
        assert_eq!(own_page("/contact.html"), Some("contact.html"));
        assert_eq!(own_page("/contact/follow-up"), Some("follow-up.html"));
        assert_eq!(own_page("/"), None);
        assert_eq!(own_page("/sign-in-help"), None);
        assert_eq!(own_page("/conversations/octopia/1"), None);
    }
}
