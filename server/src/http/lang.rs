//! The reader's language, from the request's `Accept-Language`: the sentences the server
//! writes for people (why a field is refused) are in the language their page speaks, so
//! the page and the server's details agree. The console sends its chosen language; a
//! browser sends its own preferences; anything else gets English.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use std::convert::Infallible;
use switchboard_core::i18n::Lang;

/// The language a request's `Accept-Language` prefers among those the product speaks.
pub fn of(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// The request's language, as a handler's argument.
pub struct ReaderLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReaderLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(ReaderLang(of(&parts.headers)))
    }
}
