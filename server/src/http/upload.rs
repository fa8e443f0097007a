//! Files sent with a request: how a route names its parts and what it accepts, and the
//! checks of the files themselves with the code the browser runs (core's policies), on
//! their real bytes, before anything is stored.

use super::error::{problem, HttpError, Location, Problem};
use crate::store::files::{FileRecord, NewFile};
use axum::body::Bytes;
use sha2::{Digest, Sha256};
use switchboard_core::attachments::{
    check_file, check_message, AcceptedFile, AttachmentPolicy, AttachmentProblem, CandidateFile,
    SNIFF_LEN,
};
use switchboard_core::i18n::{Lang, Say};

/// A file part as it arrived: its name as the client gave it, its size, and its bytes,
/// all of them while the file stayed within its policy's limits, else only its first
/// [`SNIFF_LEN`] (enough to name the refusal; nothing over a limit is ever buffered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadedFile {
    pub name: String,
    pub data: Bytes,
    pub size: u64,
}

/// How a route that takes files names its parts, and what it accepts.
#[derive(Clone, Copy, Debug)]
pub struct Upload {
    /// The part holding the JSON object (`message`, `contact`).
    pub json_part: &'static str,
    /// The parts holding one file each.
    pub files_part: &'static str,
    pub policy: &'static AttachmentPolicy,
    /// The JSON object's own limit, alone or as a part: at most [`crate::BODY_LIMIT_BYTES`].
    pub max_json_bytes: usize,
}

impl Upload {
    /// The route's body limit (its `DefaultBodyLimit` layer sets it): every file at the
    /// policy's total, plus the JSON part and the part headers.
    pub const fn body_limit(&self) -> usize {
        self.policy.max_message_bytes as usize + crate::MULTIPART_OVERHEAD_BYTES
    }

    /// 413 for a body over [`Upload::body_limit`], saying what the files may be.
    pub fn too_large(&self) -> HttpError {
        let mut error = HttpError::payload_too_large_over(self.body_limit());
        error.message = format!("{} Files: {}", error.message, self.policy.summary(Lang::En));
        error
    }
}

/// Checks the files against the upload's policy with the code the browser runs, on their real bytes,
/// and readies them for the store: cleaned name, detected type, checksum. Hashing reads
/// every byte, so callers run this off the async workers.
/// Refusals are said in `lang`, the reader's.
pub fn files(
    upload: Upload,
    uploads: Vec<UploadedFile>,
    now: &str,
    new_id: &mut dyn FnMut() -> String,
    lang: Lang,
) -> Result<Vec<NewFile>, HttpError> {
    let accepted = check(upload, &uploads, lang)?;
    Ok(accepted
        .into_iter()
        .zip(uploads)
        .map(|(file, uploaded)| new_file(new_id(), file, uploaded.data, now))
        .collect())
}

/// [`files`] on the blocking pool, each file a new UUID: a 20 MB upload would otherwise
/// hold an async worker for the whole digest. No files, no work.
pub async fn prepared(
    upload: Upload,
    uploads: Vec<UploadedFile>,
    now: String,
    lang: Lang,
) -> Result<Vec<NewFile>, HttpError> {
    if uploads.is_empty() {
        return Ok(Vec::new());
    }
    let mut new_id = || uuid::Uuid::new_v4().to_string();
    tokio::task::spawn_blocking(move || files(upload, uploads, &now, &mut new_id, lang))
        .await
        .map_err(HttpError::internal)?
}

/// The upload's checks alone, with [`files`]' refusal: what the gateway runs on files it
/// only passes on to the vendor (their heads and sizes are enough).
pub fn check(
    upload: Upload,
    uploads: &[UploadedFile],
    lang: Lang,
) -> Result<Vec<AcceptedFile>, HttpError> {
    let candidates: Vec<CandidateFile<'_>> = uploads
        .iter()
        .map(|file| CandidateFile {
            name: &file.name,
            size: file.size,
            head: &file.data[..file.data.len().min(SNIFF_LEN)],
        })
        .collect();
    check_message(upload.policy, &candidates)
        .map_err(|problems| refusal(upload, &candidates, &problems, lang))
}

/// A file its policy accepted, readied for the store: cleaned name, detected type, size and
/// checksum of its bytes.
pub fn new_file(id: String, accepted: AcceptedFile, data: Bytes, created_at: &str) -> NewFile {
    NewFile {
        record: FileRecord {
            id,
            name: accepted.name,
            media_type: accepted.format.media_type().to_owned(),
            size: data.len() as u64,
            sha256: sha256_hex(&data),
            created_at: created_at.to_owned(),
        },
        data,
    }
}

/// One problem each: `files[i]` for a file's own, `files` for the count and the total (named
/// after the upload's files part).
fn refusal(
    upload: Upload,
    candidates: &[CandidateFile<'_>],
    found: &[AttachmentProblem],
    lang: Lang,
) -> HttpError {
    // `check_message` does not say which file a problem is about (two may share a name), so
    // each file is checked alone for its index; the count and total come from `check_message`.
    let mut problems: Vec<Problem> = candidates
        .iter()
        .enumerate()
        .filter_map(|(index, candidate)| {
            let refused = check_file(upload.policy, *candidate).err()?;
            let field = format!("{}[{index}]", upload.files_part);
            let name = refused.file_name().unwrap_or(candidate.name);
            Some(problem(Location::Body, &field, name, refused.say(lang)))
        })
        .collect();
    problems.extend(found.iter().filter_map(|refused| {
        let value = match refused {
            AttachmentProblem::TooManyFiles { count, .. } => count.to_string(),
            AttachmentProblem::MessageTooLarge { total, .. } => total.to_string(),
            _ => return None,
        };
        Some(problem(
            Location::Body,
            upload.files_part,
            &value,
            refused.say(lang),
        ))
    }));
    HttpError::refused(problems, found.iter().any(AttachmentProblem::is_size))
}

/// The checksum the API shows as `sha256:<hex>`.
pub fn sha256_hex(data: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(data)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            // Writing to a String cannot fail.
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(error: &HttpError) -> Vec<&str> {
        error.problems.iter().map(|p| p.field.as_str()).collect()
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR rest of it";
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";

    fn upload(name: &str, data: &'static [u8]) -> UploadedFile {
        UploadedFile {
            name: name.into(),
            data: axum::body::Bytes::from_static(data),
            size: data.len() as u64,
        }
    }

    fn check(
        policy: &'static AttachmentPolicy,
        uploads: Vec<UploadedFile>,
    ) -> Result<Vec<NewFile>, HttpError> {
        check_in(policy, uploads, Lang::En)
    }

    fn check_in(
        policy: &'static AttachmentPolicy,
        uploads: Vec<UploadedFile>,
        lang: Lang,
    ) -> Result<Vec<NewFile>, HttpError> {
        let upload = Upload {
            json_part: "contact",
            files_part: "files",
            policy,
            max_json_bytes: crate::BODY_LIMIT_BYTES,
        };
        let mut next = 0;
        files(
            upload,
            uploads,
            "2026-04-12T10:00:00.000Z",
            &mut || {
                next += 1;
                format!("a{next}")
            },
            lang,
        )
    }

    #[test]
    fn refusals_are_said_in_the_readers_language() {
        let refused = check_in(
            &switchboard_core::attachments::CONTACT_POLICY,
            vec![upload("vide.png", b"")],
            Lang::Fr,
        )
        .unwrap_err();
        assert_eq!(refused.problems[0].issue, "vide.png est vide.");
    }

    #[test]
    fn accepted_files_are_named_typed_and_summed() {
        let stored = check(
            &switchboard_core::attachments::CONTACT_POLICY,
            vec![upload("C:\\Users\\ana\\scan\t1.png", PNG)],
        )
        .unwrap();
        let record = &stored[0].record;
        assert_eq!(record.id, "a1");
        assert_eq!(record.name, "scan1.png");
        assert_eq!(record.media_type, "image/png");
        assert_eq!(record.size, PNG.len() as u64);
        assert_eq!(record.sha256, sha256_hex(PNG));
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn each_refused_file_is_named_by_its_index() {
        let error = check(
            &switchboard_core::attachments::CONTACT_POLICY,
            vec![
                upload("ok.png", PNG),
                upload("invoice.pdf", EXE),
                upload("ok.png", b""),
            ],
        )
        .unwrap_err();
        assert_eq!(error.status.as_u16(), 400);
        assert_eq!(fields(&error), ["files[1]", "files[2]"]);
        assert_eq!(error.problems[1].issue, "ok.png is empty.");
        assert_eq!(error.problems[1].value, "ok.png");
        let four = (0..4).map(|_| upload("a.png", PNG)).collect();
        let error = check(&switchboard_core::attachments::CONTACT_POLICY, four).unwrap_err();
        assert_eq!(fields(&error), ["files"]);
        assert_eq!(error.problems[0].value, "4");
    }
}
