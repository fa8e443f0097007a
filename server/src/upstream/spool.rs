//! A forwarded multipart write, checked before it leaves without ever being held whole: its
//! body is written to an unnamed temporary file (the system removes it when it is closed,
//! whatever happens, even a crash) while `multer` parses the same chunks, keeping of each
//! file only its name, its size and its first bytes. The embedded route's checks then
//! judge the files ([`crate::http::upload::check`], the same words); once a file is
//! refused the spool is dropped at once and the rest is only read through, so the answer
//! names every problem as the embedded route does. When all pass, the body goes to the
//! vendor streamed from the file, byte for byte, with its length.

use crate::http::extract::{unknown_part, unnamed_file};
use crate::http::upload::{self, Upload, UploadedFile};
use crate::http::{HttpError, Location};
use axum::body::{Body, Bytes};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use futures_util::StreamExt;
use std::io::SeekFrom;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use switchboard_core::attachments::{check_file, AttachmentPolicy, CandidateFile, SNIFF_LEN};
use tokio::fs::File;
use tokio::io::{AsyncSeekExt, AsyncWriteExt, BufWriter};
use tokio::sync::mpsc;

/// Chunks between the reader and the parser: a few, so memory stays small.
const IN_FLIGHT_CHUNKS: usize = 8;
/// Writes to the spool are gathered this much (a chunk from the network is often 16 KiB).
const WRITE_BUFFER_BYTES: usize = 256 * 1024;
/// The read size when the spool is streamed to the vendor.
const READ_CHUNK_BYTES: usize = 64 * 1024;

type Chunk = Result<Bytes, std::io::Error>;

/// How the reader ended.
enum Spooled {
    /// The whole body went by; the spool, unless a refusal dropped it, and its length.
    Whole(Option<BufWriter<File>>, u64),
    /// Past the upload's body limit: read no further.
    TooLarge,
    /// The body could not be read or the spool not written.
    Failed(String),
}

/// Checks `body`'s files against `upload`, spooling it in `dir`; the body to send on,
/// streamed from the spool, or the refusal.
pub async fn check(
    upload: Upload,
    parts: &mut Parts,
    body: Body,
    dir: &Path,
) -> Result<Body, HttpError> {
    let limit = upload.body_limit();
    if declared_length(&parts.headers).is_some_and(|length| length > limit as u64) {
        return Err(upload.too_large());
    }
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let boundary = multer::parse_boundary(content_type).map_err(not_multipart)?;
    let file = spool_file(dir).await?;
    let refused = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel::<Chunk>(IN_FLIGHT_CHUNKS);
    let (spooled, files) = tokio::join!(
        read(body, Some(file), sender, &refused, limit),
        parse(receiver, boundary, upload, &refused),
    );
    let (spool, length) = match spooled {
        Spooled::TooLarge => return Err(upload.too_large()),
        Spooled::Whole(spool, length) => (spool, length),
        Spooled::Failed(reason) => {
            files?;
            return Err(HttpError::internal(reason));
        }
    };
    upload::check(upload, &files?, crate::http::lang::of(&parts.headers))?;
    let spool =
        spool.ok_or_else(|| HttpError::internal("the spool was dropped yet no file refused"))?;
    let body = replay(spool).await?;
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    Ok(body)
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// The embedded route's words for a body `multer` cannot read.
fn not_multipart(error: multer::Error) -> HttpError {
    HttpError::invalid_field(
        Location::Body,
        "body",
        "",
        format!("is not a valid multipart/form-data body: {error}"),
    )
}

/// An unnamed file in `dir`, created off the async workers.
async fn spool_file(dir: &Path) -> Result<BufWriter<File>, HttpError> {
    let dir = dir.to_owned();
    let file = tokio::task::spawn_blocking(move || tempfile::tempfile_in(dir))
        .await
        .map_err(HttpError::internal)?
        .map_err(|error| HttpError::internal(format!("cannot create the spool: {error}")))?;
    Ok(BufWriter::with_capacity(
        WRITE_BUFFER_BYTES,
        File::from_std(file),
    ))
}

/// Reads the body to its end (within `limit`), writing each chunk to the spool while no
/// file is refused and handing it to the parser while it listens.
async fn read(
    body: Body,
    mut spool: Option<BufWriter<File>>,
    parser: mpsc::Sender<Chunk>,
    refused: &AtomicBool,
    limit: usize,
) -> Spooled {
    let mut stream = body.into_data_stream();
    let mut length: u64 = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(error) => {
                let _ = parser
                    .send(Err(std::io::Error::other("the body broke off")))
                    .await;
                return Spooled::Failed(format!("the body could not be read: {error}"));
            }
        };
        length += chunk.len() as u64;
        if length > limit as u64 {
            let _ = parser
                .send(Err(std::io::Error::other("over the limit")))
                .await;
            return Spooled::TooLarge;
        }
        if refused.load(Ordering::Relaxed) {
            // Nothing will be sent: the bytes written so far go now.
            spool = None;
        }
        if let Some(file) = spool.as_mut() {
            if let Err(error) = file.write_all(&chunk).await {
                return Spooled::Failed(format!("cannot write the spool: {error}"));
            }
        }
        // A parser done at the closing boundary no longer listens; what follows it is
        // still spooled, so the vendor gets the very bytes sent.
        let _ = parser.send(Ok(chunk)).await;
    }
    Spooled::Whole(spool, length)
}

/// Parses the chunks as they come: each file part's name, size and head, noting in
/// `refused` as soon as a file is past a limit or refused, so the reader drops the spool.
/// The parts are named as the embedded route names them (its JSON, its files); the JSON
/// itself is the vendor's to judge.
async fn parse(
    chunks: mpsc::Receiver<Chunk>,
    boundary: String,
    upload: Upload,
    refused: &AtomicBool,
) -> Result<Vec<UploadedFile>, HttpError> {
    let policy = upload.policy;
    let stream = futures_util::stream::unfold(chunks, |mut chunks| async move {
        chunks.recv().await.map(|chunk| (chunk, chunks))
    });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let (mut files, mut problems) = (Vec::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(not_multipart)? {
        let part = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        if part == upload.json_part {
            continue;
        }
        if part != upload.files_part {
            problems.push(unknown_part(upload, &part, file_name.as_deref()));
            refused.store(true, Ordering::Relaxed);
            continue;
        }
        if file_name.is_none() {
            problems.push(unnamed_file(&format!("{}[{}]", part, files.len())));
            refused.store(true, Ordering::Relaxed);
        }
        let before: u64 = files.iter().map(|file: &UploadedFile| file.size).sum();
        let (head, size) = read_file(field, policy, before, refused).await?;
        let name = file_name.unwrap_or_default();
        let candidate = CandidateFile {
            name: &name,
            size,
            head: &head,
        };
        if files.len() >= policy.max_files || check_file(policy, candidate).is_err() {
            refused.store(true, Ordering::Relaxed);
        }
        files.push(UploadedFile {
            name,
            data: head.into(),
            size,
        });
    }
    match problems.is_empty() {
        true => Ok(files),
        false => Err(HttpError::invalid(problems)),
    }
}

/// One file part to its end: its first bytes and its size, `refused` noted as soon as it
/// (or the files `before` it with it) is past the policy's sizes.
async fn read_file(
    mut field: multer::Field<'_>,
    policy: &AttachmentPolicy,
    before: u64,
    refused: &AtomicBool,
) -> Result<(Vec<u8>, u64), HttpError> {
    let (mut head, mut size) = (Vec::with_capacity(SNIFF_LEN), 0u64);
    while let Some(chunk) = field.chunk().await.map_err(not_multipart)? {
        let room = SNIFF_LEN - head.len();
        head.extend_from_slice(&chunk[..room.min(chunk.len())]);
        size += chunk.len() as u64;
        if size > policy.max_file_bytes || before + size > policy.max_message_bytes {
            refused.store(true, Ordering::Relaxed);
        }
    }
    Ok((head, size))
}

/// The spool, from its start, as a body streamed to the vendor.
async fn replay(mut spool: BufWriter<File>) -> Result<Body, HttpError> {
    let failed = |error: std::io::Error| HttpError::internal(format!("the spool: {error}"));
    spool.flush().await.map_err(failed)?;
    let mut file = spool.into_inner();
    file.seek(SeekFrom::Start(0)).await.map_err(failed)?;
    let stream = tokio_util::io::ReaderStream::with_capacity(file, READ_CHUNK_BYTES);
    Ok(Body::from_stream(stream))
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::attachments::COMMUNICATION_POLICY;

    const UPLOAD: Upload = Upload {
        json_part: "message",
        files_part: "files",
        policy: &COMMUNICATION_POLICY,
        max_json_bytes: 1024,
    };

    fn multipart(files: &[(&str, &[u8])]) -> (Parts, Vec<u8>) {
        let mut body =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{}\r\n".to_vec();
        for (name, data) in files {
            body.extend_from_slice(
                format!("--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(b"--XyZ--\r\n");
        let request = axum::http::Request::post("/conversations/c-1/messages")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
            .body(())
            .unwrap();
        (request.into_parts().0, body)
    }

    fn entries(dir: &Path) -> usize {
        std::fs::read_dir(dir).unwrap().count()
    }

    #[tokio::test]
    async fn a_passing_body_is_sent_on_byte_for_byte_and_leaves_nothing_in_the_spool_folder() {
        let dir = tempfile::tempdir().unwrap();
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR and the rest";
        let (mut parts, sent) = multipart(&[("shot.png", png)]);
        let body = check(UPLOAD, &mut parts, Body::from(sent.clone()), dir.path())
            .await
            .unwrap();
        assert_eq!(entries(dir.path()), 0, "the spool has no name, even in use");
        let forwarded = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        assert_eq!(forwarded, sent);
        assert_eq!(
            parts.headers[header::CONTENT_LENGTH],
            sent.len().to_string()
        );
        assert_eq!(entries(dir.path()), 0);
    }

    #[tokio::test]
    async fn a_disguised_program_is_refused_with_the_embedded_words() {
        let dir = tempfile::tempdir().unwrap();
        let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";
        let (mut parts, sent) = multipart(&[("invoice.pdf", exe)]);
        let refused = check(UPLOAD, &mut parts, Body::from(sent), dir.path())
            .await
            .unwrap_err();
        assert_eq!(refused.status.as_u16(), 400);
        assert_eq!(refused.problems[0].field, "files[0]");
        assert_eq!(entries(dir.path()), 0);
    }
}
