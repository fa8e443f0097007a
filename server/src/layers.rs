//! The server's layers, checked: the lower modules (auth, http, store, seed, and the
//! plumbing beside them) never read the list of dialects, which is what reads them. The top
//! (`lib.rs`) and `dialects/mod.rs` hand them what they need of it as data (public routes,
//! API paths, schema steps, seeds), so the modules form no import circle through
//! `dialects`. And only the store knows SQLite: `http` and `auth` never name rusqlite. A test, so a
//! circle that comes back fails the build's tests rather than waiting for a review.

use std::path::{Path, PathBuf};

/// The lower modules, relative to `server/src`: folders and single files.
const LOWER: &[&str] = &[
    "auth",
    "http",
    "store",
    "seed",
    "config",
    "listen.rs",
    "precompress.rs",
    "spa.rs",
];

/// Every `.rs` file at or under `path`.
fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        let entry = entry.expect("a readable folder entry");
        let found = entry.path();
        if found.is_dir() {
            files.extend(rust_files(&found));
        } else if found.extension().is_some_and(|ext| ext == "rs") {
            files.push(found);
        }
    }
    files
}

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `(file, its text)` for every file of the lower modules.
fn lower_sources() -> Vec<(PathBuf, String)> {
    let root = source_root();
    LOWER
        .iter()
        .flat_map(|module| rust_files(&root.join(module)))
        .map(|file| {
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            (file, text)
        })
        .collect()
}

/// The lines of `text` that are code: comments (doc comments too) may name the dialects.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(index, line)| (index + 1, line))
}

#[test]
fn lower_layers_never_read_the_list_of_dialects() {
    let sources = lower_sources();
    assert!(
        sources.len() > 20,
        "the walk found the lower modules' files ({})",
        sources.len()
    );
    let mut offending = Vec::new();
    for (file, text) in &sources {
        if text.contains("crate::dialects") {
            offending.push(format!("{}: crate::dialects", file.display()));
        }
        // `use crate::{dialects, …}`, `super::super::dialects` and the like, in code.
        for (number, line) in code_lines(text) {
            if line.contains("dialects::")
                || line.contains("dialects,")
                || line.contains("dialects}")
            {
                offending.push(format!("{}:{number}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "lower layers are handed the dialects' data by lib.rs, never read it:\n{}",
        offending.join("\n")
    );
}

#[test]
fn http_and_auth_never_name_rusqlite() {
    let root = source_root();
    let offending: Vec<String> = ["http", "auth"]
        .iter()
        .flat_map(|layer| rust_files(&root.join(layer)))
        .filter(|file| {
            std::fs::read_to_string(file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
                .contains("rusqlite")
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        offending.is_empty(),
        "only the store knows SQLite (StoreError::Busy, store::sessions, store::devices):\n{}",
        offending.join("\n")
    );
}
