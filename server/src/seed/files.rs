//! Demo files any dialect's seed may attach, made here so the seed needs no asset: small
//! valid PNG pictures (a map, a screenshot) and one-page PDFs, checksums computed; and
//! how a demo file becomes a file record, checked like an upload and grouped by message.

use crate::http::upload::new_file;
use crate::http::HttpError;
use crate::seed::seed_uuid;
use crate::store::files::NewFile;
use switchboard_core::attachments::{check_file, AttachmentPolicy, CandidateFile};

/// Demo files as file records grouped by message id, checked against the dialect's
/// `policy` like uploads. Each `(k, name, bytes)` lands on `messages[k]` (its id and date),
/// and is skipped when there is none; the file at `position` gets the id
/// `seed_uuid(kind, base * 16 + position)`. Our own bytes: a refusal is a bug in the seed,
/// reported at startup.
pub fn demo_files_by_message(
    policy: &AttachmentPolicy,
    (kind, base): (u64, u64),
    files: Vec<(usize, String, Vec<u8>)>,
    messages: &[(&str, &str)],
) -> Result<Vec<(String, Vec<NewFile>)>, HttpError> {
    let mut groups: Vec<(String, Vec<NewFile>)> = Vec::new();
    for (position, (k, name, data)) in files.into_iter().enumerate() {
        let Some(&(message_id, created_at)) = messages.get(k) else {
            continue;
        };
        let candidate = CandidateFile {
            name: &name,
            size: data.len() as u64,
            head: &data,
        };
        let accepted = check_file(policy, candidate)
            .map_err(|problem| HttpError::internal(format!("demo file: {problem}")))?;
        let id = seed_uuid(kind, base * 16 + position as u64);
        let file = new_file(id, accepted, data.into(), created_at);
        match groups.iter_mut().find(|(id, _)| id == message_id) {
            Some((_, files)) => files.push(file),
            None => groups.push((message_id.to_owned(), vec![file])),
        }
    }
    Ok(groups)
}

/// A small RGB picture as a valid PNG. The pixels go in stored (uncompressed) deflate
/// blocks, so no compressor is needed; the checksums are computed below.
pub fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
    let mut raw = Vec::with_capacity((height * (1 + 3 * width)) as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            raw.extend(pixel(x, y));
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(usize::from(u16::MAX)).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = u16::try_from(block.len()).unwrap_or(u16::MAX);
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend(adler32(&raw).to_be_bytes());
    let mut header = Vec::with_capacity(13);
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]); // 8 bits per channel, RGB, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut out, b"IHDR", &header);
    png_chunk(&mut out, b"IDAT", &zlib);
    png_chunk(&mut out, b"IEND", &[]);
    out
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend(u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in bytes {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn rgb(hex: u32) -> [u8; 3] {
    let [_, r, g, b] = hex.to_be_bytes();
    [r, g, b]
}

/// Streets on a sand background, the way in marked red.
pub fn access_map_png() -> Vec<u8> {
    png(64, 48, |x, y| {
        let (dx, dy) = (x as i32 - 44, y as i32 - 18);
        if dx * dx + dy * dy <= 9 {
            rgb(0xd93025)
        } else if (20..24).contains(&y) || (12..16).contains(&x) || x + y == 70 {
            rgb(0xffffff)
        } else if x > 48 && y > 30 {
            rgb(0x8fc98f)
        } else {
            rgb(0xf1e4c8)
        }
    })
}

/// A page with a coloured header, a banner and lines of grey "text".
pub fn screenshot_png(accent: u32) -> Vec<u8> {
    png(96, 64, |x, y| match y {
        0..=7 => rgb(accent),
        14..=21 if (6..90).contains(&x) => rgb(0xfce8e6),
        _ if y >= 28 && y % 6 < 2 && (6..6 + (x * 7 + y * 13) % 70 + 14).contains(&x) => {
            rgb(0xbdc1c6)
        }
        _ => rgb(0xffffff),
    })
}

/// A one-page PDF of ASCII text, its cross-reference table computed from the real offsets.
pub fn pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    let escape = |text: &str| {
        text.replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)")
    };
    let mut content = format!("BT /F1 18 Tf 56 780 Td ({}) Tj /F1 11 Tf", escape(title));
    for (i, line) in lines.iter().enumerate() {
        let gap = if i == 0 { 32 } else { 16 };
        content.push_str(&format!(" 0 -{gap} Td ({}) Tj", escape(line)));
    }
    content.push_str(" ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        out.push_str(&format!("{offset:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_pictures_are_well_formed_pngs() {
        let picture = screenshot_png(0x1a73e8);
        assert!(picture.starts_with(b"\x89PNG\r\n\x1a\n"));
        // Walk the chunks: each length fits and each CRC matches its type and data.
        let mut at = 8;
        let mut kinds = Vec::new();
        while at < picture.len() {
            let len = u32::from_be_bytes(picture[at..at + 4].try_into().unwrap()) as usize;
            let body = &picture[at + 4..at + 8 + len];
            let crc = u32::from_be_bytes(picture[at + 8 + len..at + 12 + len].try_into().unwrap());
            assert_eq!(crc, crc32(body));
            kinds.push(String::from_utf8_lossy(&body[..4]).into_owned());
            at += 12 + len;
        }
        assert_eq!(kinds, ["IHDR", "IDAT", "IEND"]);
        assert_eq!(crc32(b"IEND"), 0xAE42_6082, "the well-known IEND CRC");
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn the_demo_pdf_points_at_its_objects() {
        let document = String::from_utf8(pdf("Title (1)", &["a line"])).unwrap();
        assert!(document.starts_with("%PDF-1.4\n"));
        assert!(document.contains("(Title \\(1\\)) Tj"));
        let startxref: usize = document
            .rsplit("startxref\n")
            .next()
            .and_then(|tail| tail.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(document[startxref..].starts_with("xref\n0 6\n"));
        // Lines: "xref", "0 6", the free entry, then objects 1 to 5.
        let fifth: usize = document[startxref..].lines().nth(7).unwrap()[..10]
            .parse()
            .unwrap();
        assert!(document[fifth..].starts_with("5 0 obj"));
    }
}
