//! The demo messages' media, served offline: PostCenter's `media` is a URL the vendor
//! hosts, which a demo cannot reach, so the demo data points at `/postcenter/media/{name}`
//! and these few files answer there, made by [`crate::seed::files`] (two pictures and a
//! PDF, which the console shows as a link). The route is public, like any image a browser
//! loads from an `<img>`; nothing here is uploaded or changes.

use crate::http::extract::PathId;
use crate::http::{HttpError, Location};
use crate::seed::files;
use axum::body::Body;
use axum::http::{header, HeaderValue};
use axum::response::Response;

/// Where the media route lives, under the base path.
pub const MEDIA_PATH: &str = "/media/{name}";

/// A product photo a customer sends.
pub const PRODUCT_PHOTO: &str = "foto-producto.png";
/// A screenshot of the shop's site.
pub const SCREENSHOT: &str = "captura-sitio.png";
/// A receipt, as a PDF: not an image.
pub const RECEIPT: &str = "boleta-compra.pdf";

/// Every demo media's name, for the seed.
pub const NAMES: [&str; 3] = [PRODUCT_PHOTO, SCREENSHOT, RECEIPT];

/// The absolute path the demo data writes in `media`.
pub fn url(name: &str) -> String {
    format!(
        "{}{}",
        switchboard_core::wire::postcenter::DEFAULT_BASE_PATH,
        MEDIA_PATH.replace("{name}", name)
    )
}

/// The media's type and bytes, `None` for a name not served.
fn content(name: &str) -> Option<(&'static str, Vec<u8>)> {
    match name {
        PRODUCT_PHOTO => Some(("image/png", files::access_map_png())),
        SCREENSHOT => Some(("image/png", files::screenshot_png(0x1f6f8b))),
        RECEIPT => Some((
            "application/pdf",
            files::pdf(
                "Boleta Mercado Sur",
                &[
                    "Boleta electronica N. 48213",
                    "Zapatillas urbanas talla 42 ......... $39.990",
                    "Despacho a domicilio ................ $3.490",
                    "Total ............................... $43.480",
                ],
            ),
        )),
        _ => None,
    }
}

/// `GET /media/{name}` (public): the demo messages' media.
pub async fn get_media(PathId(name): PathId) -> Result<Response, HttpError> {
    response(&name)
}

/// The media as a response: its type, never sniffed, cacheable for a day (the bytes under
/// a name never change).
pub fn response(name: &str) -> Result<Response, HttpError> {
    let (media_type, bytes) =
        content(name).ok_or_else(|| HttpError::not_found("media", Location::Path, "name", name))?;
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_served_and_no_other() {
        for name in NAMES {
            assert!(content(name).is_some(), "{name}");
            assert!(url(name).starts_with("/postcenter/media/"));
        }
        assert!(content("../secret").is_none());
        assert_eq!(&content(PRODUCT_PHOTO).unwrap().1[1..4], b"PNG");
        assert!(content(RECEIPT).unwrap().1.starts_with(b"%PDF"));
    }
}
