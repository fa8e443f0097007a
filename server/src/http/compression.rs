//! The API's JSON answers, gzipped for a browser that accepts it: a page of fifty
//! conversations is 20 to 40 KB of JSON, a fifth of that gzipped, which a phone on a slow
//! network feels. Only JSON: the event stream must leave event by event, files go as they
//! are, and the console's own files are compressed once, at build time (`precompress`).
//! Gzip alone: it is what every browser accepts, and the server already builds it.

use axum::http::header::CONTENT_TYPE;
use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;

/// Smaller answers gain less than gzip's own header and the work cost them.
const MIN_BYTES: u16 = 1024;

/// Gzips JSON answers (`application/json`, `application/problem+json`…) of at least
/// [`MIN_BYTES`] when the request accepts gzip; anything else passes untouched.
pub fn json_gzipped() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new().compress_when(SizeAbove::new(MIN_BYTES).and(is_json))
}

fn is_json(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| {
            let media = media.trim();
            media.eq_ignore_ascii_case("application/json") || media.ends_with("+json")
        })
}
