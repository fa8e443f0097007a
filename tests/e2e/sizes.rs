//! What a browser downloads, held to a budget: the built bundles (`dist/`, as
//! `scripts/test.sh` builds and precompresses them) weighed as brotli, the way the server
//! sends them. Sizes are deterministic, so a budget is a test; the figures are printed
//! for the notes. The contact page is a customer's first screen on a phone: it once
//! doubled when the agents' connectors slipped into its bundle, and this would have said so.

use std::path::Path;
use switchboard_server::precompress::Encoding;

/// Brotli bytes of the bundle whose files start with `stem` (its `.wasm` and `.js`): the
/// `.br` beside each file when there is one, else compressed here.
fn brotli_bytes(dist: &Path, stem: &str) -> (u64, u64) {
    let mut raw = 0;
    let mut compressed = 0;
    for entry in std::fs::read_dir(dist).expect("dist/ is readable") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let ours = name.starts_with(&format!("{stem}-"))
            && (name.ends_with("_bg.wasm") || name.ends_with(".js"));
        if !ours {
            continue;
        }
        let bytes = std::fs::read(&path).expect("a built file");
        raw += bytes.len() as u64;
        let beside = path.with_file_name(format!("{name}.br"));
        compressed += match std::fs::read(&beside) {
            Ok(br) => br.len() as u64,
            Err(_) => Encoding::Brotli.compress(&bytes).expect("brotli").len() as u64,
        };
    }
    assert!(raw > 0, "no {stem} bundle in {}", dist.display());
    (raw, compressed)
}

#[test]
fn the_contact_page_and_the_console_stay_within_their_download_budgets() {
    let dist = std::env::var_os("SWITCHBOARD_DIST")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    // (bundle, budget in brotli bytes for its wasm and js together)
    for (stem, budget) in [("contact", 165_000), ("switchboard", 580_000)] {
        let (raw, brotli) = brotli_bytes(&dist, stem);
        println!("{stem}: {raw} bytes raw, {brotli} bytes brotli (budget {budget})");
        assert!(
            brotli <= budget,
            "the {stem} bundle is {brotli} bytes brotli, over its budget of {budget}"
        );
    }
}
