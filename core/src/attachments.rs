//! Attachments: each backend's policy as data, and the checks made on it in the browser
//! before a byte is sent and again on the server. A file's format is read from its first
//! bytes (magic numbers), never taken from its name or the browser's guess alone.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Sizes are counted the way people read them on their screens: 1 MB = 1,000,000 bytes.
pub const KB: u64 = 1_000;
pub const MB: u64 = 1_000_000;

/// How many leading bytes [`identify`] needs.
pub const SNIFF_LEN: usize = 16;

/// The longest file name kept, in characters.
pub const MAX_NAME_CHARS: usize = 180;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Png,
    Jpeg,
    Gif,
    Bmp,
    Tiff,
    Webp,
    Pdf,
    Doc,
    Docx,
    Xls,
    Xlsx,
}

impl FileFormat {
    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Png => "PNG",
            FileFormat::Jpeg => "JPEG",
            FileFormat::Gif => "GIF",
            FileFormat::Bmp => "BMP",
            FileFormat::Tiff => "TIFF",
            FileFormat::Webp => "WebP",
            FileFormat::Pdf => "PDF",
            FileFormat::Doc => "Word (DOC)",
            FileFormat::Docx => "Word (DOCX)",
            FileFormat::Xls => "Excel (XLS)",
            FileFormat::Xlsx => "Excel (XLSX)",
        }
    }

    /// File name extensions, lower case, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileFormat::Png => &["png"],
            FileFormat::Jpeg => &["jpg", "jpeg", "jpe"],
            FileFormat::Gif => &["gif"],
            FileFormat::Bmp => &["bmp"],
            FileFormat::Tiff => &["tif", "tiff"],
            FileFormat::Webp => &["webp"],
            FileFormat::Pdf => &["pdf"],
            FileFormat::Doc => &["doc"],
            FileFormat::Docx => &["docx"],
            FileFormat::Xls => &["xls"],
            FileFormat::Xlsx => &["xlsx"],
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            FileFormat::Png => "image/png",
            FileFormat::Jpeg => "image/jpeg",
            FileFormat::Gif => "image/gif",
            FileFormat::Bmp => "image/bmp",
            FileFormat::Tiff => "image/tiff",
            FileFormat::Webp => "image/webp",
            FileFormat::Pdf => "application/pdf",
            FileFormat::Doc => "application/msword",
            FileFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileFormat::Xls => "application/vnd.ms-excel",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// Whether browsers show it as a picture (a thumbnail makes sense).
    pub fn is_image(self) -> bool {
        matches!(
            self,
            FileFormat::Png
                | FileFormat::Jpeg
                | FileFormat::Gif
                | FileFormat::Bmp
                | FileFormat::Webp
        )
    }

    pub fn from_media_type(media_type: &str) -> Option<FileFormat> {
        ALL_FORMATS
            .iter()
            .copied()
            .find(|f| f.media_type().eq_ignore_ascii_case(media_type.trim()))
    }

    fn from_extension(extension: &str) -> Option<FileFormat> {
        ALL_FORMATS.iter().copied().find(|f| {
            f.extensions()
                .iter()
                .any(|e| e.eq_ignore_ascii_case(extension))
        })
    }
}

const ALL_FORMATS: [FileFormat; 11] = [
    FileFormat::Png,
    FileFormat::Jpeg,
    FileFormat::Gif,
    FileFormat::Bmp,
    FileFormat::Tiff,
    FileFormat::Webp,
    FileFormat::Pdf,
    FileFormat::Doc,
    FileFormat::Docx,
    FileFormat::Xls,
    FileFormat::Xlsx,
];

/// What a backend accepts on one message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttachmentPolicy {
    pub formats: &'static [FileFormat],
    pub max_files: usize,
    pub max_file_bytes: u64,
    pub max_message_bytes: u64,
}

/// Octopia discussions, as its document states: ten formats, 3 files, 4 MB per message.
pub const OCTOPIA_POLICY: AttachmentPolicy = AttachmentPolicy {
    formats: &[
        FileFormat::Png,
        FileFormat::Gif,
        FileFormat::Bmp,
        FileFormat::Jpeg,
        FileFormat::Tiff,
        FileFormat::Pdf,
        FileFormat::Doc,
        FileFormat::Docx,
        FileFormat::Xls,
    ],
    max_files: 3,
    max_file_bytes: 4 * MB,
    max_message_bytes: 4 * MB,
};

/// The communication API's agents' replies: screenshots, photos, invoices and office files.
pub const COMMUNICATION_POLICY: AttachmentPolicy = AttachmentPolicy {
    formats: &[
        FileFormat::Png,
        FileFormat::Jpeg,
        FileFormat::Gif,
        FileFormat::Webp,
        FileFormat::Pdf,
        FileFormat::Docx,
        FileFormat::Xlsx,
    ],
    max_files: 5,
    max_file_bytes: 10 * MB,
    max_message_bytes: 20 * MB,
};

/// The public contact page: what a customer needs to show a problem, and no more.
pub const CONTACT_POLICY: AttachmentPolicy = AttachmentPolicy {
    formats: &[FileFormat::Png, FileFormat::Jpeg, FileFormat::Pdf],
    max_files: 3,
    max_file_bytes: 5 * MB,
    max_message_bytes: 10 * MB,
};

impl AttachmentPolicy {
    /// "PNG, JPEG, PDF" as people read it.
    pub fn accepted_labels(&self) -> String {
        self.formats
            .iter()
            .map(|f| f.label())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The `accept` attribute of a file input: extensions and media types.
    pub fn accept_attribute(&self) -> String {
        self.formats
            .iter()
            .flat_map(|f| {
                f.extensions()
                    .iter()
                    .map(|e| format!(".{e}"))
                    .chain(std::iter::once(f.media_type().to_owned()))
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// One line for the form: what is accepted and how much.
    pub fn summary(&self) -> String {
        format!(
            "Up to {} files, {} each, {} in all. {}.",
            self.max_files,
            format_size(self.max_file_bytes),
            format_size(self.max_message_bytes),
            self.accepted_labels()
        )
    }
}

/// The container a file's first bytes reveal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Signature {
    Png,
    Jpeg,
    Gif,
    Bmp,
    Tiff,
    Webp,
    Pdf,
    /// Compound File Binary: legacy Word and Excel alike.
    Ole2,
    /// ZIP: DOCX and XLSX alike (and any other archive).
    Zip,
}

fn sniff(head: &[u8]) -> Option<Signature> {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Some(Signature::Png)
    } else if starts(b"\xFF\xD8\xFF") {
        Some(Signature::Jpeg)
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some(Signature::Gif)
    } else if starts(b"BM") && head.len() >= 14 {
        Some(Signature::Bmp)
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Some(Signature::Tiff)
    } else if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Some(Signature::Webp)
    } else if starts(b"%PDF-") {
        Some(Signature::Pdf)
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some(Signature::Ole2)
    } else if starts(b"PK\x03\x04") {
        Some(Signature::Zip)
    } else {
        None
    }
}

fn extension(name: &str) -> Option<&str> {
    name.rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|e| !e.is_empty())
}

/// The format a file really is, from its first bytes; its name only tells apart the
/// formats that share a container (DOC and XLS, DOCX and XLSX).
pub fn identify(name: &str, head: &[u8]) -> Option<FileFormat> {
    let claimed = extension(name).and_then(FileFormat::from_extension);
    match sniff(head)? {
        Signature::Png => Some(FileFormat::Png),
        Signature::Jpeg => Some(FileFormat::Jpeg),
        Signature::Gif => Some(FileFormat::Gif),
        Signature::Bmp => Some(FileFormat::Bmp),
        Signature::Tiff => Some(FileFormat::Tiff),
        Signature::Webp => Some(FileFormat::Webp),
        Signature::Pdf => Some(FileFormat::Pdf),
        Signature::Ole2 => claimed.filter(|f| matches!(f, FileFormat::Doc | FileFormat::Xls)),
        Signature::Zip => claimed.filter(|f| matches!(f, FileFormat::Docx | FileFormat::Xlsx)),
    }
}

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
    if bytes < KB {
        return format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" });
    }
    let (value, unit) = if bytes < MB {
        (bytes as f64 / KB as f64, "KB")
    } else {
        (bytes as f64 / MB as f64, "MB")
    };
    // Round down so a size just over a limit never reads as the limit itself.
    let tenths = (value * 10.0).floor() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0} {unit}")
    } else {
        format!("{tenths:.1} {unit}")
    }
}

/// A size next to its limit: exact bytes when rounding would make them read the same.
fn format_size_against(size: u64, limit: u64) -> String {
    let rounded = format_size(size);
    if size > limit && rounded == format_size(limit) {
        format!("{} bytes", group_thousands(size))
    } else {
        rounded
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
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

impl fmt::Display for AttachmentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttachmentProblem::UnusableName { raw } => {
                write!(f, "“{}” is not a usable file name.", raw.escape_debug())
            }
            AttachmentProblem::Empty { name } => write!(f, "{name} is empty."),
            AttachmentProblem::NotAccepted { name, accepted } => {
                write!(f, "{name} is not an accepted format: accepted are {accepted}.")
            }
            AttachmentProblem::NotWhatItsNameSays {
                name,
                claimed,
                accepted,
            } => write!(
                f,
                "{name} is not really a {} file: its content does not match its name. Accepted are {accepted}.",
                claimed.label()
            ),
            AttachmentProblem::FileTooLarge { name, size, limit } => write!(
                f,
                "{name} is {}; one file can be at most {}.",
                format_size_against(*size, *limit),
                format_size(*limit)
            ),
            AttachmentProblem::TooManyFiles { count, limit } => write!(
                f,
                "{limit} files are the most one message can carry ({count} chosen)."
            ),
            AttachmentProblem::MessageTooLarge { total, limit } => write!(
                f,
                "These files come to {}; a message can carry {}.",
                format_size_against(*total, *limit),
                format_size(*limit)
            ),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01";
    const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
    const ZIP: &[u8] = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0";

    fn file<'a>(name: &'a str, size: u64, head: &'a [u8]) -> CandidateFile<'a> {
        CandidateFile { name, size, head }
    }

    #[test]
    fn octopia_policy_is_the_documented_one() {
        let exts: Vec<&str> = OCTOPIA_POLICY
            .formats
            .iter()
            .flat_map(|f| f.extensions().iter().copied())
            .collect();
        for documented in [
            "png", "gif", "bmp", "jpg", "tif", "pdf", "jpeg", "doc", "docx", "xls",
        ] {
            assert!(exts.contains(&documented), "{documented}");
        }
        assert_eq!(OCTOPIA_POLICY.max_files, 3);
        assert_eq!(OCTOPIA_POLICY.max_message_bytes, 4_000_000);
    }

    #[test]
    fn formats_come_from_the_bytes() {
        assert_eq!(identify("x.png", PNG), Some(FileFormat::Png));
        assert_eq!(
            identify("photo.jpg", PNG),
            Some(FileFormat::Png),
            "bytes win over the name"
        );
        assert_eq!(identify("a.pdf", PDF), Some(FileFormat::Pdf));
        assert_eq!(identify("IMG_0042.JPEG", JPEG), Some(FileFormat::Jpeg));
        assert_eq!(identify("invoice.pdf", EXE), None);
        assert_eq!(identify("legacy.doc", OLE2), Some(FileFormat::Doc));
        assert_eq!(identify("sheet.XLS", OLE2), Some(FileFormat::Xls));
        assert_eq!(
            identify("thing.msi", OLE2),
            None,
            "OLE2 is only accepted as DOC or XLS"
        );
        assert_eq!(identify("report.docx", ZIP), Some(FileFormat::Docx));
        assert_eq!(identify("archive.zip", ZIP), None);
        assert_eq!(
            identify("a.tif", b"II*\0\x08\0\0\0"),
            Some(FileFormat::Tiff)
        );
        assert_eq!(
            identify("a.webp", b"RIFF\x24\0\0\0WEBPVP8 "),
            Some(FileFormat::Webp)
        );
        assert_eq!(identify("a.wav", b"RIFF\x24\0\0\0WAVEfmt "), None);
        assert_eq!(
            identify("a.gif", b"GIF89a\x01\0\x01\0"),
            Some(FileFormat::Gif)
        );
        assert_eq!(identify("empty.png", b""), None);
    }

    #[test]
    fn a_renamed_executable_is_refused_by_name() {
        let problem = check_file(&CONTACT_POLICY, file("invoice.exe", 10_000, EXE)).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "invoice.exe is not an accepted format: accepted are PNG, JPEG, PDF."
        );
        let problem = check_file(&CONTACT_POLICY, file("invoice.pdf", 10_000, EXE)).unwrap_err();
        assert!(matches!(
            problem,
            AttachmentProblem::NotWhatItsNameSays { .. }
        ));
        assert!(problem
            .to_string()
            .starts_with("invoice.pdf is not really a PDF file"));
    }

    #[test]
    fn uppercase_extensions_are_fine() {
        let ok = check_file(&OCTOPIA_POLICY, file("SCAN.PDF", 1_000, PDF)).unwrap();
        assert_eq!(ok.format, FileFormat::Pdf);
        assert_eq!(ok.name, "SCAN.PDF");
    }

    #[test]
    fn empty_files_are_refused() {
        assert_eq!(
            check_file(&OCTOPIA_POLICY, file("blank.png", 0, b"")).unwrap_err(),
            AttachmentProblem::Empty {
                name: "blank.png".into()
            }
        );
    }

    #[test]
    fn exactly_the_limit_passes_one_byte_more_does_not() {
        let at_limit = [file("a.png", 2 * MB, PNG), file("b.pdf", 2 * MB, PDF)];
        assert!(check_message(&OCTOPIA_POLICY, &at_limit).is_ok());
        let over = [file("a.png", 2 * MB, PNG), file("b.pdf", 2 * MB + 1, PDF)];
        let problems = check_message(&OCTOPIA_POLICY, &over).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "These files come to 4,000,001 bytes; a message can carry 4 MB."
        );
        let single = check_file(&OCTOPIA_POLICY, file("big.png", 4 * MB + 1, PNG)).unwrap_err();
        assert_eq!(
            single.to_string(),
            "big.png is 4,000,001 bytes; one file can be at most 4 MB."
        );
        assert!(single.is_size());
        let problems = check_message(
            &OCTOPIA_POLICY,
            &[file("a.png", 3 * MB, PNG), file("b.png", 2_200_000, PNG)],
        )
        .unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "These files come to 5.2 MB; a message can carry 4 MB."
        );
    }

    #[test]
    fn three_files_pass_four_do_not() {
        let three = [
            file("a.png", 10, PNG),
            file("b.png", 10, PNG),
            file("c.png", 10, PNG),
        ];
        assert_eq!(check_message(&OCTOPIA_POLICY, &three).unwrap().len(), 3);
        let four = [three[0], three[1], three[2], file("d.png", 10, PNG)];
        let problems = check_message(&OCTOPIA_POLICY, &four).unwrap_err();
        assert_eq!(
            problems,
            vec![AttachmentProblem::TooManyFiles { count: 4, limit: 3 }]
        );
        assert_eq!(
            problems[0].to_string(),
            "3 files are the most one message can carry (4 chosen)."
        );
    }

    #[test]
    fn names_lose_their_folders_and_control_characters() {
        assert_eq!(
            clean_file_name("../../etc/passwd.png").as_deref(),
            Some("passwd.png")
        );
        assert_eq!(
            clean_file_name("C:\\Users\\ana\\scan.pdf").as_deref(),
            Some("scan.pdf")
        );
        assert_eq!(
            clean_file_name("in\u{0}voi\nce.pdf").as_deref(),
            Some("invoice.pdf")
        );
        assert_eq!(
            clean_file_name(".hidden.png").as_deref(),
            Some("hidden.png")
        );
        assert_eq!(clean_file_name("   "), None);
        assert_eq!(clean_file_name("folder/"), None);
        let long = format!("{}.pdf", "é".repeat(400));
        let cut = clean_file_name(&long).unwrap();
        assert_eq!(cut.chars().count(), MAX_NAME_CHARS);
        assert!(cut.ends_with(".pdf"));
        let problem = check_file(&CONTACT_POLICY, file("/\u{7}", 10, PNG)).unwrap_err();
        assert!(matches!(problem, AttachmentProblem::UnusableName { .. }));
    }

    #[test]
    fn sizes_read_naturally_and_never_round_up_to_a_limit() {
        assert_eq!(format_size(1), "1 byte");
        assert_eq!(format_size(999), "999 bytes");
        assert_eq!(format_size(812_400), "812.4 KB");
        assert_eq!(format_size(1_300_000), "1.3 MB");
        assert_eq!(format_size(4 * MB), "4 MB");
        assert_eq!(format_size(4 * MB + 99_999), "4 MB");
        assert_eq!(format_size(5_249_999), "5.2 MB");
    }

    #[test]
    fn policies_describe_themselves() {
        assert_eq!(
            CONTACT_POLICY.summary(),
            "Up to 3 files, 5 MB each, 10 MB in all. PNG, JPEG, PDF."
        );
        assert!(CONTACT_POLICY.accept_attribute().contains(".jpeg"));
        assert!(CONTACT_POLICY
            .accept_attribute()
            .contains("application/pdf"));
        assert_eq!(
            FileFormat::from_media_type("IMAGE/PNG"),
            Some(FileFormat::Png)
        );
    }
}
