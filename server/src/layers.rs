//! The server's layers, checked: the lower modules (auth, http, store, seed, and the
//! plumbing beside them) never read the list of dialects, which is what reads them. The top
//! (`lib.rs`) and `dialects/mod.rs` hand them what they need of it as data (public routes,
//! API paths, schema steps, seeds), so the modules form no import circle through
//! `dialects`. And only the store knows SQLite: outside `store/` and each dialect's `store`
//! module nothing names rusqlite, so handlers and seeds reach the data only through the store
//! functions and their [`crate::store::Tx`] (the seam another engine plugs into). Tests, so a
//! circle or a leak that comes back fails the build's tests rather than waiting for a review.

use std::path::{Path, PathBuf};

/// The lower modules, relative to `server/src`: folders and single files.
const LOWER: &[&str] = &[
    "auth",
    "http",
    "store",
    "seed",
    "config",
    "upstream",
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

/// Whether `file` (under `server/src`) is a store module: `store/` itself, or a dialect's
/// `store.rs` or `store/` folder.
fn is_store_module(root: &Path, file: &Path) -> bool {
    let relative = file
        .strip_prefix(root)
        .expect("the walk stays under server/src");
    let parts: Vec<&str> = relative.iter().filter_map(|part| part.to_str()).collect();
    matches!(
        parts.as_slice(),
        ["store", ..] | ["dialects", _, "store.rs"] | ["dialects", _, "store", ..]
    )
}

/// The connection's methods that run SQL.
const SQL_CALLS: &[&str] = &[
    ".execute(",
    ".execute_batch(",
    ".query_row(",
    ".query_map(",
    ".prepare(",
    ".prepare_cached(",
];

#[test]
fn only_the_store_modules_name_the_database_engine() {
    let root = source_root();
    let files = rust_files(&root);
    assert!(
        files.len() > 50,
        "the walk found the sources ({})",
        files.len()
    );
    let mut offending = Vec::new();
    for file in files {
        // This file names the engine only in its checks' strings.
        if is_store_module(&root, &file) || file == root.join("layers.rs") {
            continue;
        }
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (number, line) in code_lines(&text) {
            // `Tx` runs SQL for the store modules' sake: a call of its SQL methods
            // elsewhere would be SQL outside the store without naming an engine.
            let runs_sql = SQL_CALLS.iter().any(|call| line.contains(call));
            let names_engine = line.contains("rusqlite") || line.contains("postgres::");
            if names_engine || runs_sql {
                offending.push(format!("{}:{number}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "handlers and seeds hold a store::Tx and call the store functions; only store/ and \
         each dialect's store module name an engine (rusqlite, postgres) or run SQL:\n{}",
        offending.join("\n")
    );
}
