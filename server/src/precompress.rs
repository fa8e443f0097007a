//! `switchboard-server precompress [DIR]`: writes `NAME.br` (brotli, best quality) and
//! `NAME.gz` (gzip, best level) beside each compressible file of the built console, once,
//! at build time.
//!
//! Why at build time: the console's wasm is well over a megabyte and is most of what a
//! first visit downloads. Brotli at its best quality shrinks it several times over but
//! takes seconds of CPU, far too long to spend on every request; compressing on the fly
//! at a fast setting would save much less. Done once after `trunk build`, every visitor
//! gets the smallest bytes for free: [`crate::spa`] serves `NAME.br` or `NAME.gz` to a
//! browser that accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), `NAME` itself
//! to any other client, and `NAME` whenever no copy exists (a `trunk serve` build).
//!
//! What gets a copy: files named `*.wasm`, `*.js`, `*.css`, `*.html`, `*.svg`, `*.json` or
//! `*.txt` of at least [`MIN_BYTES`] (below that, the bytes saved are fewer than a request's
//! headers), and only when the copy is smaller than the file (else no copy is kept).
//! Existing `.br` and `.gz` files are never inputs.
//!
//! It can run again at will: a copy is kept when it is at least as new as its file and
//! decompresses to exactly the file's bytes; otherwise it is compressed again. A copy that
//! no longer matches and should not exist (its file became too small, or incompressible) is
//! removed, since it would be served in the file's stead.

use flate2::Compression;
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use thiserror::Error;

/// Files smaller than this (in bytes) get no compressed copies.
pub const MIN_BYTES: u64 = 1024;

/// The extensions (lower case) of the files worth compressing: text, and wasm.
pub const EXTENSIONS: &[&str] = &["wasm", "js", "css", "html", "svg", "json", "txt"];

pub const USAGE: &str = "\
Usage: switchboard-server precompress [DIR]

  Writes NAME.br (brotli, best quality) and NAME.gz (gzip, best) beside every file of DIR
  (default: dist) named *.wasm, *.js, *.css, *.html, *.svg, *.json or *.txt of 1 KB or more,
  when the copy is smaller; the server sends them to browsers that accept them. Run it after
  each `trunk build`; running it again recompresses only what changed.";

/// The two encodings a copy is made in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// What the copy's name adds to the file's: `.br` or `.gz` (what `ServeDir` looks for).
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
        }
    }

    /// Its name in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The copy of `file`: `file` with [`Encoding::suffix`] appended.
    pub fn copy_of(self, file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_owned();
        name.push(self.suffix());
        PathBuf::from(name)
    }

    /// `raw`, compressed at this encoding's best setting.
    pub fn compress(self, raw: &[u8]) -> io::Result<Vec<u8>> {
        match self {
            Encoding::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 11,
                    // A 4 MiB window (the encoder's default), wider than any file here.
                    lgwin: 22,
                    size_hint: raw.len(),
                    ..Default::default()
                };
                let mut compressed = Vec::with_capacity(raw.len() / 3);
                brotli::BrotliCompress(&mut &raw[..], &mut compressed, &params)?;
                Ok(compressed)
            }
            Encoding::Gzip => {
                let mut encoder = flate2::write::GzEncoder::new(
                    Vec::with_capacity(raw.len() / 3),
                    Compression::best(),
                );
                encoder.write_all(raw)?;
                encoder.finish()
            }
        }
    }

    /// `compressed`, decompressed, but never more than `limit` bytes of it.
    pub fn decompress(self, compressed: impl Read, limit: u64) -> io::Result<Vec<u8>> {
        let mut raw = Vec::new();
        match self {
            Encoding::Brotli => {
                brotli::Decompressor::new(compressed, 4096)
                    .take(limit)
                    .read_to_end(&mut raw)?;
            }
            Encoding::Gzip => {
                flate2::read::GzDecoder::new(compressed)
                    .take(limit)
                    .read_to_end(&mut raw)?;
            }
        }
        Ok(raw)
    }
}

/// What became of one encoding's copy of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Compressed now and written, this many bytes.
    Written(u64),
    /// Already there, as new as the file and decompressing to it: left alone.
    UpToDate(u64),
    /// Compressed to this many bytes, no fewer than the file's: no copy kept.
    NotSmaller(u64),
    /// The file is under [`MIN_BYTES`]: not compressed, no copy kept.
    TooSmall,
}

impl Outcome {
    /// The copy's size, when one is there now.
    pub fn bytes(self) -> Option<u64> {
        match self {
            Outcome::Written(bytes) | Outcome::UpToDate(bytes) => Some(bytes),
            Outcome::NotSmaller(_) | Outcome::TooSmall => None,
        }
    }
}

/// One compressible file and its copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// Relative to the directory compressed.
    pub path: PathBuf,
    pub raw_bytes: u64,
    pub br: Outcome,
    pub gz: Outcome,
}

/// Every compressible file of a directory, in path order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub files: Vec<FileReport>,
}

#[derive(Debug, Error)]
#[error("{}: {source}", path.display())]
pub struct PrecompressError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> PrecompressError + '_ {
    move |source| PrecompressError {
        path: path.to_owned(),
        source,
    }
}

/// Writes, keeps or removes the `.br` and `.gz` copies of every compressible file under
/// `dir` (the module's rules), and says what it did.
pub fn precompress(dir: &Path) -> Result<Report, PrecompressError> {
    let mut files = Vec::new();
    compressible_files(dir, &mut files)?;
    files.sort();
    let mut report = Report::default();
    for file in files {
        let raw = fs::read(&file).map_err(at(&file))?;
        let modified = fs::metadata(&file).and_then(|meta| meta.modified()).ok();
        let [br, gz] = Encoding::ALL.map(|encoding| copy(&file, &raw, modified, encoding));
        report.files.push(FileReport {
            path: file.strip_prefix(dir).unwrap_or(&file).to_owned(),
            raw_bytes: raw.len() as u64,
            br: br?,
            gz: gz?,
        });
    }
    Ok(report)
}

/// The files under `dir` (not following links to directories) with a compressible name.
fn compressible_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), PrecompressError> {
    for entry in fs::read_dir(dir).map_err(at(dir))? {
        let entry = entry.map_err(at(dir))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(at(&path))?;
        if kind.is_dir() {
            compressible_files(&path, found)?;
        } else if is_compressible(&path) && path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

/// Whether `path` is named like a file worth compressing ([`EXTENSIONS`]); a `.br` or `.gz`
/// copy never is.
pub fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            EXTENSIONS
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        })
}

/// Brings `file`'s copy in `encoding` up to date.
fn copy(
    file: &Path,
    raw: &[u8],
    modified: Option<SystemTime>,
    encoding: Encoding,
) -> Result<Outcome, PrecompressError> {
    let copy = encoding.copy_of(file);
    let existing = existing_copy(&copy, raw, modified, encoding).map_err(at(&copy))?;
    if (raw.len() as u64) < MIN_BYTES {
        remove_stale(&copy, existing)?;
        return Ok(Outcome::TooSmall);
    }
    if let Existing::Matching(bytes) = existing {
        return Ok(Outcome::UpToDate(bytes));
    }
    let compressed = encoding.compress(raw).map_err(at(file))?;
    let bytes = compressed.len() as u64;
    if compressed.len() >= raw.len() {
        remove_stale(&copy, existing)?;
        return Ok(Outcome::NotSmaller(bytes));
    }
    write_replacing(&copy, &compressed)?;
    Ok(Outcome::Written(bytes))
}

enum Existing {
    None,
    /// As new as the file, and decompresses to it: this many bytes.
    Matching(u64),
    Stale,
}

fn existing_copy(
    copy: &Path,
    raw: &[u8],
    modified: Option<SystemTime>,
    encoding: Encoding,
) -> io::Result<Existing> {
    let meta = match fs::metadata(copy) {
        Ok(meta) if meta.is_file() => meta,
        // A directory so named is not ours to touch; writing the copy will fail on it.
        Ok(_) => return Ok(Existing::None),
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Existing::None),
        Err(error) => return Err(error),
    };
    // Where a time is unknown, the bytes alone decide.
    if let (Some(source), Ok(compressed)) = (modified, meta.modified()) {
        if source > compressed {
            return Ok(Existing::Stale);
        }
    }
    // One byte over the file's length is enough to tell a longer content from it.
    let limit = raw.len() as u64 + 1;
    let matches = match encoding.decompress(fs::File::open(copy)?, limit) {
        Ok(decompressed) => decompressed == raw,
        // Corrupt or cut short: compressed again.
        Err(_) => false,
    };
    Ok(if matches {
        Existing::Matching(meta.len())
    } else {
        Existing::Stale
    })
}

/// A copy that no longer matches its file would be served in its stead: it goes.
fn remove_stale(copy: &Path, existing: Existing) -> Result<(), PrecompressError> {
    match existing {
        Existing::Stale => fs::remove_file(copy).map_err(at(copy)),
        Existing::None | Existing::Matching(_) => Ok(()),
    }
}

/// Writes beside `path` and renames over it, so a server never sends a half-written copy.
fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), PrecompressError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    fs::write(&partial, bytes).map_err(at(&partial))?;
    fs::rename(&partial, path).map_err(|error| {
        let _ = fs::remove_file(&partial);
        at(path)(error)
    })
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Written(bytes) => write!(f, "{bytes:>9} written"),
            Outcome::UpToDate(bytes) => write!(f, "{bytes:>9} up to date"),
            Outcome::NotSmaller(bytes) => write!(f, "{bytes:>9} not smaller, none kept"),
            Outcome::TooSmall => write!(f, "{:>9} too small", "-"),
        }
    }
}

impl fmt::Display for Report {
    /// One line per file (path, bytes, br bytes, gz bytes), then the totals a browser
    /// downloads without and with the copies.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .files
            .iter()
            .map(|file| file.path.display().to_string().chars().count())
            .max()
            .unwrap_or(0)
            .max("file".len());
        writeln!(f, "{:<width$}  {:>9}  {:<27}  gz", "file", "raw", "br")?;
        for file in &self.files {
            writeln!(
                f,
                "{:<width$}  {:>9}  {:<27}  {}",
                file.path.display().to_string(),
                file.raw_bytes,
                file.br.to_string(),
                file.gz
            )?;
        }
        let raw: u64 = self.files.iter().map(|file| file.raw_bytes).sum();
        let served = |pick: fn(&FileReport) -> Outcome| -> u64 {
            self.files
                .iter()
                .map(|file| pick(file).bytes().unwrap_or(file.raw_bytes))
                .sum()
        };
        write!(
            f,
            "{} files: {raw} bytes raw, {} with brotli, {} with gzip",
            self.files.len(),
            served(|file| file.br),
            served(|file| file.gz)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Text that compresses well, `len` bytes of it.
    fn text(len: usize) -> Vec<u8> {
        "fn main() { println!(\"switchboard\"); } // "
            .bytes()
            .cycle()
            .take(len)
            .collect()
    }

    /// Bytes no compressor shrinks (a simple xorshift: no repeats to find).
    fn noise(len: usize) -> Vec<u8> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect()
    }

    fn decompressed(encoding: Encoding, path: &Path) -> Vec<u8> {
        let file = fs::File::open(path).unwrap();
        encoding.decompress(file, u64::MAX).unwrap()
    }

    fn set_modified(path: &Path, time: SystemTime) {
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }

    #[test]
    fn copies_decompress_to_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let wasm = dir.path().join("switchboard-1a2b3c4d5e6f7a8b_bg.wasm");
        let nested = dir.path().join("public/data.JSON");
        fs::create_dir(dir.path().join("public")).unwrap();
        let mut wasm_bytes = b"\0asm\x01\0\0\0".to_vec();
        wasm_bytes.extend(text(20_000));
        fs::write(&wasm, &wasm_bytes).unwrap();
        fs::write(&nested, text(3000)).unwrap();

        let report = precompress(dir.path()).unwrap();

        assert_eq!(report.files.len(), 2, "{report}");
        for (path, raw) in [(&nested, text(3000)), (&wasm, wasm_bytes)] {
            for encoding in Encoding::ALL {
                let copy = encoding.copy_of(path);
                assert_eq!(decompressed(encoding, &copy), raw, "{}", copy.display());
                assert!(fs::metadata(&copy).unwrap().len() < raw.len() as u64);
            }
        }
        let wasm_report = &report.files[1];
        assert_eq!(
            wasm_report.path,
            PathBuf::from("switchboard-1a2b3c4d5e6f7a8b_bg.wasm")
        );
        assert_eq!(wasm_report.raw_bytes, 20_008);
        let br = fs::metadata(Encoding::Brotli.copy_of(&wasm)).unwrap().len();
        assert_eq!(wasm_report.br, Outcome::Written(br));
        assert!(matches!(wasm_report.gz, Outcome::Written(_)));
        assert_eq!(report.files[0].path, PathBuf::from("public/data.JSON"));
        let printed = report.to_string();
        assert!(printed.contains("switchboard-1a2b3c4d5e6f7a8b_bg.wasm      20008"));
        assert!(printed.contains("2 files: 23008 bytes raw, "), "{printed}");
    }

    #[test]
    fn small_incompressible_and_other_files_get_no_copies() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("index.html");
        let noisy = dir.path().join("random.js");
        let image = dir.path().join("logo.png");
        let copy_as_input = dir.path().join("old.css.gz");
        fs::write(&small, text(MIN_BYTES as usize - 1)).unwrap();
        fs::write(&noisy, noise(4096)).unwrap();
        fs::write(&image, text(4096)).unwrap();
        fs::write(&copy_as_input, text(4096)).unwrap();

        let report = precompress(dir.path()).unwrap();

        let names: Vec<_> = report.files.iter().map(|file| &file.path).collect();
        assert_eq!(
            names,
            [&PathBuf::from("index.html"), &PathBuf::from("random.js")]
        );
        assert_eq!(report.files[0].br, Outcome::TooSmall);
        assert_eq!(report.files[0].gz, Outcome::TooSmall);
        assert!(
            matches!(report.files[1].br, Outcome::NotSmaller(_)),
            "{report}"
        );
        assert!(
            matches!(report.files[1].gz, Outcome::NotSmaller(_)),
            "{report}"
        );
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["index.html", "logo.png", "old.css.gz", "random.js"]);
    }

    #[test]
    fn running_again_redoes_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let js = dir.path().join("app.js");
        let css = dir.path().join("main.css");
        fs::write(&js, text(5000)).unwrap();
        fs::write(&css, text(6000)).unwrap();
        let first = precompress(dir.path()).unwrap();
        assert!(first
            .files
            .iter()
            .all(|file| matches!(file.br, Outcome::Written(_))));

        // Nothing changed: nothing is compressed again, nothing rewritten.
        let br = Encoding::Brotli.copy_of(&js);
        let written_at = fs::metadata(&br).unwrap().modified().unwrap();
        let second = precompress(dir.path()).unwrap();
        for (before, after) in first.files.iter().zip(&second.files) {
            assert_eq!(after.br, Outcome::UpToDate(before.br.bytes().unwrap()));
            assert_eq!(after.gz, Outcome::UpToDate(before.gz.bytes().unwrap()));
        }
        assert_eq!(fs::metadata(&br).unwrap().modified().unwrap(), written_at);

        // The source differs but is no newer than its copies (a coarse clock): the bytes tell.
        let old = SystemTime::now() - Duration::from_secs(3600);
        fs::write(&js, text(7000)).unwrap();
        set_modified(&js, old);
        // The source is newer than its copies, with the same bytes: compressed again all the
        // same.
        for encoding in Encoding::ALL {
            set_modified(&encoding.copy_of(&css), old);
        }
        let third = precompress(dir.path()).unwrap();
        for file in &third.files {
            assert!(matches!(file.br, Outcome::Written(_)), "{third}");
            assert!(matches!(file.gz, Outcome::Written(_)), "{third}");
        }
        assert_eq!(decompressed(Encoding::Brotli, &br), text(7000));
        assert_eq!(
            decompressed(Encoding::Gzip, &Encoding::Gzip.copy_of(&js)),
            text(7000)
        );

        // Now too small: its copies, which no longer match, would be served instead; they go.
        fs::write(&js, text(100)).unwrap();
        let fourth = precompress(dir.path()).unwrap();
        assert_eq!(fourth.files[0].br, Outcome::TooSmall);
        assert!(!br.exists());
        assert!(!Encoding::Gzip.copy_of(&js).exists());
        assert!(
            matches!(fourth.files[1].br, Outcome::UpToDate(_)),
            "{fourth}"
        );
    }

    #[test]
    fn a_corrupt_copy_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let svg = dir.path().join("icon.svg");
        fs::write(&svg, text(2000)).unwrap();
        let br = Encoding::Brotli.copy_of(&svg);
        fs::write(&br, b"not brotli at all").unwrap();
        let report = precompress(dir.path()).unwrap();
        assert!(
            matches!(report.files[0].br, Outcome::Written(_)),
            "{report}"
        );
        assert_eq!(decompressed(Encoding::Brotli, &br), text(2000));
    }
}
