//! A reply's files: base64 in JSON, decoded and checked with core's attachment code (the
//! one the browser runs) against Octopia's policy, each problem named by the file's index.

use crate::http::upload::new_file;
use crate::http::{problem, HttpError, Location, Problem};
use crate::store::files::NewFile;
use base64::Engine;
use switchboard_core::attachments::{
    check_file, check_message, AcceptedFile, AttachmentProblem, CandidateFile, SNIFF_LEN,
};
use switchboard_core::wire::octopia::{NewAttachmentDto, ATTACHMENT_POLICY};

/// The file's extension as given: `fileFormat`, else the name's, lower case without a dot.
pub(super) fn claimed_format(dto: &NewAttachmentDto) -> Option<String> {
    let from_name = || {
        dto.name
            .as_deref()
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_owned())
    };
    dto.file_format
        .clone()
        .filter(|f| !f.trim().is_empty())
        .or_else(from_name)
        .map(|f| f.trim().trim_start_matches('.').to_ascii_lowercase())
}

/// The name the checks read: the given one, with `fileFormat` as extension when it has
/// none, or `attachment-<n>.<fileFormat>`.
pub(super) fn file_name(index: usize, dto: &NewAttachmentDto) -> String {
    let name = dto.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let format = claimed_format(dto);
    match (name, format) {
        (Some(name), Some(format)) if !name.contains('.') => format!("{name}.{format}"),
        (Some(name), _) => name.to_owned(),
        (None, Some(format)) => format!("attachment-{}.{format}", index + 1),
        (None, None) => format!("attachment-{}", index + 1),
    }
}

/// Decodes and checks a reply's files ([`check`]), readied for the store. Decoding and
/// hashing read every byte: run it off the async workers.
pub fn attachments(
    dtos: &[NewAttachmentDto],
    now: &str,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Vec<NewFile>, HttpError> {
    Ok(check(dtos)?
        .into_iter()
        .map(|(file, data)| new_file(new_id(), file, data.into(), now))
        .collect())
}

/// Decodes and checks a reply's files with core's checks against Octopia's policy: each
/// problem names `attachments[i]` (`attachments[i].content` for bad base64,
/// `attachments[i].fileFormat` for a format the bytes deny), the total `attachments`.
/// 413 when a size is at fault, else 400. The gateway runs it too, on a reply on its way
/// to the real Octopia, so both say the same words. Decoding reads every byte: run it off
/// the async workers.
pub fn check(dtos: &[NewAttachmentDto]) -> Result<Vec<(AcceptedFile, Vec<u8>)>, HttpError> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut decoded: Vec<(usize, String, Vec<u8>)> = Vec::with_capacity(dtos.len());
    for (index, dto) in dtos.iter().enumerate() {
        let field = format!("attachments[{index}].content");
        let content: String = dto
            .content
            .as_deref()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        if content.is_empty() {
            problems.push(problem(
                Location::Body,
                &field,
                "",
                "is required: the file's bytes in base64",
            ));
            continue;
        }
        match base64::engine::general_purpose::STANDARD.decode(content.as_bytes()) {
            Ok(data) => decoded.push((index, file_name(index, dto), data)),
            Err(error) => problems.push(problem(
                Location::Body,
                &field,
                &content,
                format!("is not valid base64 ({error})"),
            )),
        }
    }
    let candidates: Vec<CandidateFile<'_>> = decoded
        .iter()
        .map(|(_, name, data)| CandidateFile {
            name,
            size: data.len() as u64,
            head: &data[..data.len().min(SNIFF_LEN)],
        })
        .collect();
    let mut too_large = false;
    for ((index, _, _), candidate) in decoded.iter().zip(&candidates) {
        match check_file(&ATTACHMENT_POLICY, *candidate) {
            Err(refused) => {
                too_large |= refused.is_size();
                problems.push(problem(
                    Location::Body,
                    &format!("attachments[{index}]"),
                    candidate.name,
                    refused.to_string(),
                ));
            }
            Ok(accepted) => {
                let claimed = claimed_format(&dtos[*index]);
                if let Some(claimed) =
                    claimed.filter(|c| !accepted.format.extensions().contains(&c.as_str()))
                {
                    problems.push(problem(
                        Location::Body,
                        &format!("attachments[{index}].fileFormat"),
                        &claimed,
                        format!(
                            "says {claimed}, but the content is a {} file",
                            accepted.format.label()
                        ),
                    ));
                }
            }
        }
    }
    if dtos.len() > ATTACHMENT_POLICY.max_files {
        let refused = AttachmentProblem::TooManyFiles {
            count: dtos.len(),
            limit: ATTACHMENT_POLICY.max_files,
        };
        for index in ATTACHMENT_POLICY.max_files..dtos.len() {
            problems.push(problem(
                Location::Body,
                &format!("attachments[{index}]"),
                &dtos.len().to_string(),
                refused.to_string(),
            ));
        }
    }
    let accepted = match check_message(&ATTACHMENT_POLICY, &candidates) {
        Ok(accepted) => accepted,
        Err(found) => {
            for refused in found {
                if let AttachmentProblem::MessageTooLarge { total, .. } = refused {
                    too_large = true;
                    problems.push(problem(
                        Location::Body,
                        "attachments",
                        &total.to_string(),
                        refused.to_string(),
                    ));
                }
            }
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return Err(HttpError::refused(problems, too_large));
    }
    Ok(accepted
        .into_iter()
        .zip(decoded)
        .map(|(file, (_, _, data))| (file, data))
        .collect())
}
