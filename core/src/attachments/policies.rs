//! Each backend's attachment policy as data: formats, how many files, how large.

use super::{format_size_in, FileFormat, MB};
use crate::i18n::{text_with, Args, Lang};

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

    /// One line for the form, in `lang`: what is accepted and how much.
    pub fn summary(&self, lang: Lang) -> String {
        let args = Args::new()
            .num("files", self.max_files)
            .str("each", format_size_in(lang, self.max_file_bytes))
            .str("total", format_size_in(lang, self.max_message_bytes))
            .str("accepted", self.accepted_labels());
        text_with(lang, msg!("attachment-policy"), &args)
    }
}
