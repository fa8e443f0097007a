//! The console: files from the built SPA (`dist/`), and its `index.html` for every other
//! path so client routes like `/conversations/communication/42` load the app. Without a
//! build, a short page says how to make one.
//!
//! Both pages carry the console's strict `Content-Security-Policy`
//! ([`crate::http::security::console_policy`]); the built page's allows the inline
//! scripts Trunk wrote into it, by the hashes of their text, read with the page.
//!
//! The public contact page is a second, small entry (`contact.html`, its own wasm): the
//! server sends it for `/contact` when it was built, so customers never download the
//! console; without it, the console's page serves `/contact` as before.
//!
//! A file with a `.br` or `.gz` copy beside it ([`crate::precompress`]) is sent as that
//! copy to a browser that accepts it; without copies, files go as they are. Files whose
//! name carries Trunk's content hash never change under that name, so browsers keep them
//! for a year without asking again; the page and every other file are revalidated on each
//! use (`no-cache`), so a new build is seen at once.

use crate::http::security::{console_policy, inline_script_hashes};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;
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

pub async fn respond(spa: Arc<Spa>, request: Request) -> Response {
    let Some(dist_dir) = spa.built_dir() else {
        return not_built(&spa, request.uri().path());
    };
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    // The pages themselves always go through `page`, for their policy.
    if is_read && matches!(request.uri().path(), "/" | "/index.html") {
        return index_html(dist_dir).await;
    }
    // The public contact page has its own small bundle, when it was built.
    if is_read
        && matches!(
            request.uri().path(),
            "/contact" | "/contact/" | "/contact.html"
        )
        && dist_dir.join(CONTACT_PAGE).is_file()
    {
        return page(dist_dir, CONTACT_PAGE).await;
    }
    let hashed = is_hashed_name(request.uri().path().rsplit('/').next().unwrap_or(""));
    let served = ServeDir::new(dist_dir)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip()
        .try_call(request)
        .await;
    match served {
        Ok(response) if response.status() == StatusCode::NOT_FOUND && is_read => {
            index_html(dist_dir).await
        }
        Ok(response) => with_caching(response.map(Body::new), hashed),
        Err(error) => {
            eprintln!("cannot serve a file from {}: {error}", dist_dir.display());
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
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

/// Whether a file's name carries Trunk's content hash, so that other bytes would have
/// another name: `-` then 16 lower-case hex digits, then the extension or Trunk's `_bg`
/// (`switchboard-1a2b3c4d5e6f7a8b.js`, `switchboard-1a2b3c4d5e6f7a8b_bg.wasm`,
/// `main-1a2b3c4d5e6f7a8b.css`).
pub fn is_hashed_name(name: &str) -> bool {
    const HASH_DIGITS: usize = 16;
    name.match_indices('-').any(|(at, _)| {
        let rest = &name.as_bytes()[at + 1..];
        rest.len() > HASH_DIGITS + 1
            && rest[..HASH_DIGITS]
                .iter()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            && matches!(rest[HASH_DIGITS], b'.' | b'_')
            && rest[HASH_DIGITS..].contains(&b'.')
    })
}

/// The contact page's own entry (`contact.html` built by Trunk, copied beside the
/// console's): a bundle without the console in it.
pub const CONTACT_PAGE: &str = "contact.html";

async fn index_html(dist_dir: &Path) -> Response {
    page(dist_dir, "index.html").await
}

/// A built page with its policy, allowing its own inline scripts by their hashes.
async fn page(dist_dir: &Path, name: &str) -> Response {
    let path = dist_dir.join(name);
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let policy = console_policy(&inline_script_hashes(&bytes));
            let mut response = Response::new(Body::from(bytes));
            let headers = response.headers_mut();
            if let Ok(policy) = HeaderValue::from_str(&policy) {
                headers.insert(header::CONTENT_SECURITY_POLICY, policy);
            }
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            // The app's entry point must be refetched after each build; assets are hashed.
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        Err(error) => {
            eprintln!("cannot read {}: {error}", path.display());
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
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
    use super::is_hashed_name;

    #[test]
    fn trunks_hashed_names_are_told_from_others() {
        for hashed in [
            "switchboard-a6f297fa81ff0ece.js",
            "switchboard-a6f297fa81ff0ece_bg.wasm",
            "main-e84b4a61233c3c9f.css",
            "my-app-0123456789abcdef.js",
        ] {
            assert!(is_hashed_name(hashed), "{hashed}");
        }
        for plain in [
            "index.html",
            "favicon.svg",
            "app.js",
            "",
            // Not 16 hex digits, or not before the extension.
            "switchboard-a6f297fa81ff0ec.js",
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
}
