//! What makes two requests "the same" for an idempotency key, and which keys are usable.
//! A request's fingerprint is the SHA-256 of its method, path, query, media type and body;
//! the body is read for what it says, not how it was spelled, because a client's retry
//! re-serialises it: a JSON body by its value (spacing aside), a multipart body by its
//! parts (name, file name, type and bytes: a browser's `FormData` picks a new boundary
//! on every send). A body that does not parse is taken byte for byte.

use crate::http::error::{HttpError, Location};
use crate::http::extract::{essence, is_json};
use axum::body::Bytes;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName};
use sha2::{Digest, Sha256};

/// The request header carrying the key.
pub const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");

/// A key's longest length, in characters.
pub const MAX_KEY_CHARS: usize = 255;

/// The request's key: `None` without the header; refused when it is empty, too long, sent
/// twice, or holds anything but visible ASCII.
pub fn key_of(headers: &HeaderMap) -> Result<Option<String>, HttpError> {
    let mut values = headers.get_all(IDEMPOTENCY_KEY).iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    let refused = |issue: &str| {
        let shown = String::from_utf8_lossy(value.as_bytes()).into_owned();
        HttpError::invalid_field(Location::Header, "Idempotency-Key", &shown, issue)
    };
    if values.next().is_some() {
        return Err(refused("must be sent once"));
    }
    let bytes = value.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_KEY_CHARS || !bytes.iter().all(u8::is_ascii_graphic) {
        return Err(refused(&format!(
            "must be 1 to {MAX_KEY_CHARS} visible ASCII characters (no spaces): a random id \
             chosen when the message is composed, the same on every retry"
        )));
    }
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

/// The request's fingerprint, as hex.
pub async fn fingerprint(parts: &Parts, body: &Bytes) -> String {
    let mut hasher = Sha256::new();
    let media_type = essence(&parts.headers);
    for field in [
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query().unwrap_or_default(),
        &media_type,
    ] {
        framed(&mut hasher, field.as_bytes());
    }
    if media_type == "multipart/form-data" && multipart_parts(&mut hasher, parts, body).await {
        return hex(hasher);
    }
    match canonical_json(&parts.headers, body) {
        Some(json) => framed(&mut hasher, &json),
        None => framed(&mut hasher, body),
    }
    hex(hasher)
}

/// Each field with its length before it, so no two different sequences hash alike.
fn framed(hasher: &mut Sha256, bytes: &[u8]) {
    hasher.update((bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

fn hex(hasher: Sha256) -> String {
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A JSON body as its value prints: object keys sorted, no spacing. Sorted here, not left
/// to `serde_json`'s map, whose order follows its `preserve_order` feature, which any crate
/// of the build may turn on.
fn canonical_json(headers: &HeaderMap, body: &[u8]) -> Option<Vec<u8>> {
    if !is_json(headers) {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    serde_json::to_vec(&sorted(value)).ok()
}

/// `value` with every object's keys in sorted order, whatever the map keeps.
fn sorted(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// Hashes a multipart body part by part; `false`, the hasher untouched, when it is not
/// valid multipart, so the caller hashes its bytes instead.
async fn multipart_parts(hasher: &mut Sha256, parts: &Parts, body: &Bytes) -> bool {
    let content_type = parts
        .headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return false;
    };
    let once = futures_util::stream::once(std::future::ready(Ok::<Bytes, std::io::Error>(
        body.clone(),
    )));
    let mut multipart = multer::Multipart::new(once, boundary);
    let mut parts_hasher = Sha256::new();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                for text in [
                    field.name().unwrap_or_default().to_owned(),
                    field.file_name().unwrap_or_default().to_owned(),
                    field
                        .content_type()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ] {
                    framed(&mut parts_hasher, text.as_bytes());
                }
                let Ok(data) = field.bytes().await else {
                    return false;
                };
                framed(&mut parts_hasher, &data);
            }
            Ok(None) => break,
            Err(_) => return false,
        }
    }
    hasher.update(parts_hasher.finalize());
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderValue, Request};

    fn headers_with(values: &[&[u8]]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(IDEMPOTENCY_KEY, HeaderValue::from_bytes(value).unwrap());
        }
        headers
    }

    #[test]
    fn usable_keys_are_visible_ascii_and_not_too_long() {
        assert_eq!(key_of(&HeaderMap::new()).unwrap(), None);
        let key = key_of(&headers_with(&[b"3f1c-9a"])).unwrap();
        assert_eq!(key.as_deref(), Some("3f1c-9a"));
        let longest = "k".repeat(MAX_KEY_CHARS);
        assert!(key_of(&headers_with(&[longest.as_bytes()])).is_ok());
        let too_long = "k".repeat(MAX_KEY_CHARS + 1);
        let refused: [&[u8]; 5] = [b"", too_long.as_bytes(), b"a b", b"a\tb", "é".as_bytes()];
        for value in refused {
            let error = key_of(&headers_with(&[value])).unwrap_err();
            assert_eq!(error.status, axum::http::StatusCode::BAD_REQUEST);
            assert_eq!(error.problems[0].location, Location::Header);
        }
        assert!(key_of(&headers_with(&[b"a", b"b"])).is_err());
    }

    fn parts(method: &str, uri: &str, content_type: &str) -> Parts {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header("content-type", content_type)
            .body(())
            .unwrap();
        request.into_parts().0
    }

    #[tokio::test]
    async fn json_is_the_same_whatever_its_spacing_and_differs_by_value() {
        let json = parts("POST", "/c/v1/mails", "application/json");
        let a = fingerprint(&json, &Bytes::from_static(b"{\"a\": 1, \"b\": 2}")).await;
        let b = fingerprint(&json, &Bytes::from_static(b"{\"b\":2,\"a\":1}")).await;
        let c = fingerprint(&json, &Bytes::from_static(b"{\"a\":1,\"b\":3}")).await;
        assert_eq!(a, b);
        assert_ne!(a, c);
        let elsewhere = parts("POST", "/c/v1/mails?x=1", "application/json");
        let d = fingerprint(&elsewhere, &Bytes::from_static(b"{\"a\":1,\"b\":2}")).await;
        assert_ne!(a, d);
    }

    fn form(boundary: &str, text: &str) -> (Parts, Bytes) {
        let content_type = format!("multipart/form-data; boundary={boundary}");
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{text}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"files\"; \
             filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--{boundary}--\r\n"
        );
        (parts("POST", "/c/v1/x", &content_type), Bytes::from(body))
    }

    #[tokio::test]
    async fn multipart_is_the_same_whatever_its_boundary() {
        let (p1, b1) = form("one", "{\"content\":\"hi\"}");
        let (p2, b2) = form("two-other", "{\"content\":\"hi\"}");
        let (p3, b3) = form("one", "{\"content\":\"ho\"}");
        let first = fingerprint(&p1, &b1).await;
        assert_eq!(first, fingerprint(&p2, &b2).await);
        assert_ne!(first, fingerprint(&p3, &b3).await);
        let broken = fingerprint(&p1, &Bytes::from_static(b"not multipart")).await;
        assert_ne!(first, broken);
    }
}
