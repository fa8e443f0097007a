//! The console: files from the built SPA (`dist/`), and its `index.html` for every other
//! path so client routes like `/conversations/communication/42` load the app. Without a
//! build, a short page says how to make one.
//!
//! Both pages carry the console's strict `Content-Security-Policy`
//! ([`crate::http::security::console_policy`]); the built page's allows the inline
//! scripts Trunk wrote into it, by the hashes of their text, read with the page.

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
    // The page itself always goes through `index_html`, for its policy.
    if is_read && matches!(request.uri().path(), "/" | "/index.html") {
        return index_html(dist_dir).await;
    }
    let served = ServeDir::new(dist_dir)
        .append_index_html_on_directories(true)
        .try_call(request)
        .await;
    match served {
        Ok(response) if response.status() == StatusCode::NOT_FOUND && is_read => {
            index_html(dist_dir).await
        }
        Ok(response) => response.map(Body::new),
        Err(error) => {
            eprintln!("cannot serve a file from {}: {error}", dist_dir.display());
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn index_html(dist_dir: &Path) -> Response {
    let path = dist_dir.join("index.html");
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
