//! The attachment rules, tried on real first bytes.

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
    // The largest size there is, without overflow.
    assert_eq!(format_size(u64::MAX), "18446744073709.5 MB");
    use crate::i18n::Lang;
    assert_eq!(format_size_in(Lang::Fr, 5_249_999), "5,2 Mo");
    assert_eq!(format_size_in(Lang::Es, 1), "1 byte");
    assert_eq!(format_size_in(Lang::Fr, 999), "999 octets");
}

#[test]
fn policies_describe_themselves() {
    assert_eq!(
        CONTACT_POLICY.summary(crate::i18n::Lang::En),
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
