//! Reading a body whole, up to a limit, without losing it past the limit: the idempotency
//! layer needs a request's bytes to fingerprint it and a response's bytes to keep them,
//! but a body over the limit must reach its handler (or client) exactly as it came, so
//! the handler's own size check refuses it in its own words.

use axum::body::{Body, Bytes};
use futures_util::StreamExt;
use http_body_util::BodyExt;

/// A body read up to a limit.
pub enum Buffered {
    /// All of it, at most the limit.
    Whole(Bytes),
    /// Longer than the limit: the bytes read so far and the rest, as one body again.
    Over(Body),
}

/// Reads `body` to its end, or until it passes `limit`; an error of the body's own (the
/// client went away mid-upload) is returned as is.
pub async fn buffer(mut body: Body, limit: usize) -> Result<Buffered, axum::Error> {
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        // Trailers carry nothing a create reads.
        let Ok(data) = frame?.into_data() else {
            continue;
        };
        total += data.len();
        chunks.push(data);
        if total > limit {
            return Ok(Buffered::Over(rejoin(chunks, body)));
        }
    }
    Ok(Buffered::Whole(concat(chunks)))
}

fn concat(chunks: Vec<Bytes>) -> Bytes {
    match chunks.len() {
        0 => Bytes::new(),
        1 => chunks.into_iter().next().unwrap_or_default(),
        _ => Bytes::from(chunks.concat()),
    }
}

/// The chunks already read, then the rest of `rest`, as one body.
fn rejoin(chunks: Vec<Bytes>, rest: Body) -> Body {
    let head = futures_util::stream::iter(chunks.into_iter().map(Ok::<Bytes, axum::Error>));
    Body::from_stream(head.chain(rest.into_data_stream()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_body_within_the_limit_is_read_whole() {
        let Ok(Buffered::Whole(bytes)) = buffer(Body::from("hello"), 5).await else {
            panic!("within the limit");
        };
        assert_eq!(&bytes[..], b"hello");
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_handed_on_unchanged() {
        let chunks = ["abc", "def", "ghi"].map(|c| Ok::<_, axum::Error>(Bytes::from(c)));
        let body = Body::from_stream(futures_util::stream::iter(chunks));
        let Ok(Buffered::Over(body)) = buffer(body, 4).await else {
            panic!("over the limit");
        };
        let bytes = axum::body::to_bytes(body, 100).await.unwrap();
        assert_eq!(&bytes[..], b"abcdefghi");
    }
}
