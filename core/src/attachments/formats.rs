//! The file formats backends accept, and how a file's first bytes (not its name, not
//! the browser's guess) tell which one it is.

use serde::{Deserialize, Serialize};

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

    pub fn from_extension(extension: &str) -> Option<FileFormat> {
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

pub(super) fn extension(name: &str) -> Option<&str> {
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
