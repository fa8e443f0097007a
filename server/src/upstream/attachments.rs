//! Files on a forwarded write are still checked here, before anything leaves: the vendor
//! may not check them as we promise (format by magic bytes, sizes, counts), and a console
//! must read the same refusal in either mode. Each dialect declares which of its vendor's
//! write routes carry files and how ([`FileRoute`]), handed down by `Dialect::router`:
//! this module never reads the list of dialects.
//!
//! A multipart body is spooled to a temporary file while it is parsed ([`super::spool`]),
//! never held whole; a JSON body with files in base64 is already held (it is capped) and
//! is checked by the dialect's own function. A refusal is the embedded route's, in the
//! dialect's error shape, and the vendor never hears of the write.

use super::routes::matches;
use super::spool;
use crate::http::extract::{essence, is_json};
use crate::http::upload::Upload;
use crate::http::HttpError;
use axum::body::Body;
use axum::http::request::Parts;
use std::path::PathBuf;

/// The check of a JSON body's files, by the dialect that reads them (the one its embedded
/// route runs, so the words are the same): `Ok` lets the body go on unchanged.
pub type JsonCheck = fn(&[u8]) -> Result<(), HttpError>;

/// How one write route carries its files.
#[derive(Clone, Copy, Debug)]
pub enum Carrier {
    /// `multipart/form-data`, one file per part named by the upload's `files_part`,
    /// checked against the upload's policy.
    Multipart(Upload),
    /// JSON with the files' bytes in base64, checked by the dialect's function.
    Json(JsonCheck),
}

/// One write route of the vendor's document that carries files.
#[derive(Clone, Copy, Debug)]
pub struct FileRoute {
    pub method: &'static str,
    /// Under the backend's base path, `{}` for one segment: `/conversations/{}/messages`.
    pub path: &'static str,
    pub carrier: Carrier,
}

/// What the gateway needs to check one forwarded backend's files.
#[derive(Clone, Debug)]
pub struct Files {
    pub routes: &'static [FileRoute],
    /// Where multipart bodies are spooled (unnamed files: nothing is left there).
    pub spool_dir: PathBuf,
}

impl Files {
    /// `routes`, spooled in the system's temporary directory.
    pub fn new(routes: &'static [FileRoute]) -> Files {
        Files {
            routes,
            spool_dir: std::env::temp_dir(),
        }
    }

    /// The body to send on for this request (under `base_path`): unchanged unless it is a
    /// declared write, whose files are checked first; the refusal otherwise. A spooled
    /// body is streamed from its file, and `parts`' `Content-Length` says its length.
    pub async fn check(
        &self,
        parts: &mut Parts,
        body: Body,
        base_path: &str,
        max_body: usize,
    ) -> Result<Body, HttpError> {
        let path = parts.uri.path().strip_prefix(base_path).unwrap_or_default();
        let method = parts.method.as_str();
        let Some(route) = self
            .routes
            .iter()
            .find(|route| route.method == method && matches(route.path, path))
        else {
            return Ok(body);
        };
        match route.carrier {
            Carrier::Multipart(upload) if essence(&parts.headers) == "multipart/form-data" => {
                spool::check(upload, parts, body, &self.spool_dir).await
            }
            // A message without files.
            Carrier::Multipart(_) if is_json(&parts.headers) => Ok(body),
            Carrier::Json(check) if is_json(&parts.headers) => json(check, body, max_body).await,
            // Any other body could hide files from these checks (a vendor may read it
            // whatever its type says): refused, as the embedded routes refuse it.
            Carrier::Multipart(_) => Err(HttpError::unsupported_media_type_for_upload()),
            Carrier::Json(_) => Err(HttpError::unsupported_media_type()),
        }
    }
}

/// A JSON body (already held by the identity check when it named an author), checked on
/// the blocking pool: decoding megabytes of base64 would hold an async worker.
async fn json(check: JsonCheck, body: Body, max_body: usize) -> Result<Body, HttpError> {
    let bytes = axum::body::to_bytes(body, max_body)
        .await
        .map_err(|_| HttpError::payload_too_large_over(max_body))?;
    let held = bytes.clone();
    tokio::task::spawn_blocking(move || check(&held))
        .await
        .map_err(HttpError::internal)??;
    Ok(Body::from(bytes))
}
