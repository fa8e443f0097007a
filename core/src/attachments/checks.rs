//! The checks made on files before they are sent (browser) and when they arrive (server),
//! each refusal naming the file, the rule and the limit.

use super::formats::extension;
use super::{identify, AttachmentPolicy, FileFormat, KB, MAX_NAME_CHARS, MB};
use crate::i18n::{text_with, Args, Lang, Say};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The name a file is kept and shown under: no folders, no control characters, not
/// empty, not endless. `None` when nothing usable is left.
pub fn clean_file_name(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return None;
    }
    let count = cleaned.chars().count();
    if count <= MAX_NAME_CHARS {
        return Some(cleaned.to_owned());
    }
    // Keep the extension when cutting a long name.
    let ext = extension(cleaned).filter(|e| e.chars().count() <= 10);
    let keep = MAX_NAME_CHARS - ext.map_or(0, |e| e.chars().count() + 1);
    let stem: String = cleaned.chars().take(keep).collect();
    Some(match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    })
}

/// `12 bytes`, `812 KB`, `5.2 MB`: one decimal where it helps.
pub fn format_size(bytes: u64) -> String {
    format_size_in(Lang::En, bytes)
}

/// A size in `lang`'s words and decimal mark: `5.2 MB`, `5,2 Mo`.
pub fn format_size_in(lang: Lang, bytes: u64) -> String {
    if bytes < KB {
        return text_with(lang, msg!("size-bytes"), &Args::new().num("count", bytes));
    }
    let (per_unit, unit) = if bytes < MB {
        (KB, msg!("size-kb"))
    } else {
        (MB, msg!("size-mb"))
    };
    // Tenths, rounded down so a size just over a limit never reads as the limit itself;
    // in integers, so no float is ever formatted (float printing weighs on the bundle), and
    // in u64 without overflow (a remainder times ten), so no 128-bit arithmetic is either.
    let (whole, tenth) = (bytes / per_unit, bytes % per_unit * 10 / per_unit);
    let mark = if lang == Lang::En { '.' } else { ',' };
    let number = if tenth == 0 {
        whole.to_string()
    } else {
        format!("{whole}{mark}{tenth}")
    };
    text_with(lang, unit, &Args::new().str("size", number))
}

/// A size next to its limit: exact bytes when rounding would make them read the same.
fn format_size_against(lang: Lang, size: u64, limit: u64) -> String {
    let rounded = format_size_in(lang, size);
    if size > limit && rounded == format_size_in(lang, limit) {
        let grouped = group_thousands(size, if lang == Lang::En { ',' } else { '.' });
        text_with(
            lang,
            msg!("size-exact-bytes"),
            &Args::new().str("size", grouped),
        )
    } else {
        rounded
    }
}

fn group_thousands(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A file as the browser or the server holds it before the checks.
#[derive(Clone, Copy, Debug)]
pub struct CandidateFile<'a> {
    pub name: &'a str,
    pub size: u64,
    /// At least its first [`SNIFF_LEN`] bytes (all of them when shorter).
    pub head: &'a [u8],
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedFile {
    pub name: String,
    pub format: FileFormat,
    pub size: u64,
}

/// Why a file, or a set of files, cannot be sent. Each says which file, what rule, and
/// the limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttachmentProblem {
    UnusableName {
        raw: String,
    },
    Empty {
        name: String,
    },
    NotAccepted {
        name: String,
        accepted: String,
    },
    NotWhatItsNameSays {
        name: String,
        claimed: FileFormat,
        accepted: String,
    },
    FileTooLarge {
        name: String,
        size: u64,
        limit: u64,
    },
    TooManyFiles {
        count: usize,
        limit: usize,
    },
    MessageTooLarge {
        total: u64,
        limit: u64,
    },
}

impl AttachmentProblem {
    /// The file the problem is about, when it is about one file.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            AttachmentProblem::UnusableName { raw } => Some(raw),
            AttachmentProblem::Empty { name }
            | AttachmentProblem::NotAccepted { name, .. }
            | AttachmentProblem::NotWhatItsNameSays { name, .. }
            | AttachmentProblem::FileTooLarge { name, .. } => Some(name),
            AttachmentProblem::TooManyFiles { .. } | AttachmentProblem::MessageTooLarge { .. } => {
                None
            }
        }
    }

    /// Whether the server should answer 413 rather than 400.
    pub fn is_size(&self) -> bool {
        matches!(
            self,
            AttachmentProblem::FileTooLarge { .. } | AttachmentProblem::MessageTooLarge { .. }
        )
    }
}

impl Say for AttachmentProblem {
    fn say(&self, lang: Lang) -> String {
        let size = |bytes: u64| format_size_in(lang, bytes);
        match self {
            AttachmentProblem::UnusableName { raw } => text_with(
                lang,
                msg!("attachment-unusable-name"),
                &Args::new().str("name", raw.escape_debug().to_string()),
            ),
            AttachmentProblem::Empty { name } => text_with(
                lang,
                msg!("attachment-empty"),
                &Args::new().str("name", name),
            ),
            AttachmentProblem::NotAccepted { name, accepted } => text_with(
                lang,
                msg!("attachment-not-accepted"),
                &Args::new().str("name", name).str("accepted", accepted),
            ),
            AttachmentProblem::NotWhatItsNameSays {
                name,
                claimed,
                accepted,
            } => text_with(
                lang,
                msg!("attachment-not-what-its-name-says"),
                &Args::new()
                    .str("name", name)
                    .str("format", claimed.label())
                    .str("accepted", accepted),
            ),
            AttachmentProblem::FileTooLarge {
                name,
                size: s,
                limit,
            } => text_with(
                lang,
                msg!("attachment-file-too-large"),
                &Args::new()
                    .str("name", name)
                    .str("size", format_size_against(lang, *s, *limit))
                    .str("limit", size(*limit)),
            ),
            AttachmentProblem::TooManyFiles { count, limit } => text_with(
                lang,
                msg!("attachment-too-many-files"),
                &Args::new().num("count", *count).num("limit", *limit),
            ),
            AttachmentProblem::MessageTooLarge { total, limit } => text_with(
                lang,
                msg!("attachment-message-too-large"),
                &Args::new()
                    .str("size", format_size_against(lang, *total, *limit))
                    .str("limit", size(*limit)),
            ),
        }
    }
}

/// The English sentence (the server's logs and its default answers).
impl fmt::Display for AttachmentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// Checks one file against a policy.
pub fn check_file(
    policy: &AttachmentPolicy,
    file: CandidateFile<'_>,
) -> Result<AcceptedFile, AttachmentProblem> {
    let name = clean_file_name(file.name).ok_or_else(|| AttachmentProblem::UnusableName {
        raw: file.name.to_owned(),
    })?;
    if file.size == 0 {
        return Err(AttachmentProblem::Empty { name });
    }
    let accepted = policy.accepted_labels();
    let format = identify(&name, file.head).filter(|f| policy.formats.contains(f));
    let Some(format) = format else {
        let claimed = extension(&name)
            .and_then(FileFormat::from_extension)
            .filter(|f| policy.formats.contains(f));
        return Err(match claimed {
            Some(claimed) => AttachmentProblem::NotWhatItsNameSays {
                name,
                claimed,
                accepted,
            },
            None => AttachmentProblem::NotAccepted { name, accepted },
        });
    };
    if file.size > policy.max_file_bytes {
        return Err(AttachmentProblem::FileTooLarge {
            name,
            size: file.size,
            limit: policy.max_file_bytes,
        });
    }
    Ok(AcceptedFile {
        name,
        format,
        size: file.size,
    })
}

/// Checks every file, then the count and the total. Every problem is reported, so the
/// person can fix them all at once.
pub fn check_message(
    policy: &AttachmentPolicy,
    files: &[CandidateFile<'_>],
) -> Result<Vec<AcceptedFile>, Vec<AttachmentProblem>> {
    let mut accepted = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for file in files {
        match check_file(policy, *file) {
            Ok(ok) => accepted.push(ok),
            Err(problem) => problems.push(problem),
        }
    }
    if files.len() > policy.max_files {
        problems.push(AttachmentProblem::TooManyFiles {
            count: files.len(),
            limit: policy.max_files,
        });
    }
    let total: u64 = files.iter().map(|f| f.size).sum();
    if total > policy.max_message_bytes && files.len() > 1 {
        problems.push(AttachmentProblem::MessageTooLarge {
            total,
            limit: policy.max_message_bytes,
        });
    }
    if problems.is_empty() {
        Ok(accepted)
    } else {
        Err(problems)
    }
}
