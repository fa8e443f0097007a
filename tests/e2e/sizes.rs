//! What a browser downloads before a page can be used, held to a budget: every local file
//! a built page names (its styles, scripts, wasm and icon) and every script those import
//! at once, weighed raw and as brotli, the way the server sends them (the `.br` copy
//! beside a file when `precompress` made one). What the page fetches ahead of use is not
//! counted: it comes once the page is up. Sizes are deterministic, so a budget is a test; the figures are printed
//! for the notes (`docs/bundles.md`). The contact page once doubled when the agents'
//! connectors slipped into its bundle, and this would have said so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use switchboard_server::precompress::Encoding;

/// One first screen: its page, the budget that fails the test, and the target it should
/// reach. Where the two differ, the budget is the page's size when it was last cut down,
/// so that it cannot grow unnoticed.
struct Screen {
    page: &'static str,
    name: &'static str,
    budget: u64,
    target: u64,
}

const SCREENS: [Screen; 4] = [
    Screen {
        page: "sign-in.html",
        name: "the sign-in page",
        budget: 150_000,
        target: 150_000,
    },
    Screen {
        page: "index.html",
        name: "the inbox, signed in",
        // 412 KB until "No answer needed", all of it in the conversation's part, added
        // 1.9 KB to the main part all the same; 428 KB since the rows' time left (7.9 KB,
        // the counting itself in a part) and the bulk selection (6.2 KB, the bar in a
        // part); 435 KB since snoozes (6.7 KB: the rows kept out of the views, the Snoozed
        // view, the returns said; the choices in the conversation's and the bar's parts);
        // 442 KB since labels (6.9 KB: the rows' labels, the sidebar's, the filter; the
        // header's picker in the conversation's part); 449 KB since saved views (7.3 KB:
        // the sidebar's list and counts; the form that saves one is a part); 451 KB since
        // the filter finds words without a lowered copy of every row and narrows as the
        // agent types (1.2 KB: 1.2 MB less memory at ten thousand rows, the worst
        // keystroke under 16 ms); 446 KB since the styles are minified and split, the
        // public pages' from the console's, and the scripts minified (docs/bundles.md,
        // "Budgets"); 447 KB since the focused row keeps the focus and its place, the first
        // page shows at once and the rows follow the backends' words (3.1 KB).
        budget: 447_000,
        target: 250_000,
    },
    Screen {
        page: "contact.html",
        name: "the contact page",
        // 166 KB until its sending code became a part of its own, 133 KB until it loaded
        // the public pages' styles alone, minified, its script minified and its
        // confirmation in the sending part (docs/bundles.md).
        budget: 120_000,
        target: 120_000,
    },
    Screen {
        page: "follow-up.html",
        name: "a customer's follow-up page",
        // 202 KB until the public pages' styles were their own, minified.
        budget: 193_000,
        target: 193_000,
    },
];

fn dist() -> PathBuf {
    std::env::var_os("SWITCHBOARD_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"))
}

/// The site paths in `text`, in attributes (quoted or not: the release build minifies its
/// pages) or between quotes in an inline script, that lead to a local script, wasm, style or
/// picture; `prefetch` links and the lists of files fetched later (`<meta>`) left out.
fn named_files(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in text.split('<') {
        let later = tag.starts_with("link")
            && attributes(tag).any(|(name, value)| name == "rel" && value == "prefetch");
        if later || tag.starts_with("meta") {
            continue;
        }
        // Between quotes: an inline script's paths, and quoted attributes.
        let quoted = tag.split(['"', '\'']).skip(1).step_by(2);
        let attribute_values = attributes(tag).map(|(_, value)| value);
        for value in quoted.chain(attribute_values) {
            let local = value.starts_with('/') && !value.starts_with("//");
            let kind = [".js", ".wasm", ".css", ".svg"]
                .iter()
                .any(|ext| value.ends_with(ext));
            if local && kind && !found.iter().any(|f| f == value) {
                found.push(value.to_owned());
            }
        }
    }
    found
}

/// The `name=value` pairs of a tag's start (up to its `>`), the quotes taken off a value.
fn attributes(tag: &str) -> impl Iterator<Item = (&str, &str)> {
    let start = tag.split('>').next().unwrap_or_default();
    start
        .split_whitespace()
        .filter_map(|word| word.split_once('='))
        .map(|(name, value)| (name, value.trim_end_matches('/').trim_matches(['"', '\''])))
}

/// The scripts a script imports at once (`from "./x.js"`, `import "./x.js"`), as site paths.
fn imported_by(site_path: &str, script: &str) -> Vec<String> {
    let folder = site_path.rsplit_once('/').map_or("", |(folder, _)| folder);
    let mut found = Vec::new();
    for keyword in ["from", "import"] {
        for rest in script.split(keyword).skip(1) {
            let rest = rest.trim_start();
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            let inner = &rest[1..];
            let Some(end) = inner.find(quote) else {
                continue;
            };
            if let Some(relative) = inner[..end].strip_prefix("./") {
                found.push(format!("{folder}/{relative}"));
            }
        }
    }
    found
}

/// Every file of `page`'s first screen, by site path, with its raw and brotli bytes.
fn first_screen(dist: &Path, page: &str) -> BTreeMap<String, (u64, u64)> {
    let mut files = BTreeMap::new();
    let html = std::fs::read_to_string(dist.join(page)).expect("a built page");
    let mut queue = named_files(&html);
    files.insert(page.to_owned(), weigh(&dist.join(page)));
    while let Some(site_path) = queue.pop() {
        if files.contains_key(&site_path) {
            continue;
        }
        let file = dist.join(site_path.trim_start_matches('/'));
        assert!(
            file.is_file(),
            "{page} names {site_path}, which is not built"
        );
        if site_path.ends_with(".js") {
            let script = std::fs::read_to_string(&file).expect("a script");
            queue.extend(imported_by(&site_path, &script));
        }
        files.insert(site_path, weigh(&file));
    }
    files
}

/// A file's raw bytes, and its bytes as sent to a browser that takes brotli.
fn weigh(file: &Path) -> (u64, u64) {
    let bytes = std::fs::read(file).expect("a built file");
    let copy = Encoding::Brotli.copy_of(file);
    let brotli = match std::fs::read(copy) {
        Ok(br) => br.len(),
        Err(_) => Encoding::Brotli.compress(&bytes).expect("brotli").len(),
    };
    (bytes.len() as u64, brotli.min(bytes.len()) as u64)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[test]
fn every_first_screen_stays_within_its_download_budget() {
    let dist = dist();
    let mut over = Vec::new();
    for screen in SCREENS {
        println!(
            "\n{} ({}):\n{:>11} {:>9}  file",
            screen.name, screen.page, "raw", "brotli"
        );
        let files = first_screen(&dist, screen.page);
        for (file, (raw, brotli)) in &files {
            println!("{raw:>11} {brotli:>9}  {file}");
        }
        let raw: u64 = files.values().map(|(raw, _)| raw).sum();
        let brotli: u64 = files.values().map(|(_, brotli)| brotli).sum();
        let aim = if brotli <= screen.target {
            "target met".to_owned()
        } else {
            format!("target {} not yet met", kb(screen.target))
        };
        println!(
            "{raw:>11} {brotli:>9}  in all: {} brotli, budget {} ({aim})",
            kb(brotli),
            kb(screen.budget)
        );
        if brotli > screen.budget {
            over.push(format!(
                "{}: {} > {}",
                screen.name,
                kb(brotli),
                kb(screen.budget)
            ));
        }
    }
    parts(&dist);
    assert!(over.is_empty(), "over budget: {over:?}");
}

/// The console's parts that come on first use, printed for the record.
fn parts(dist: &Path) {
    let Ok(entries) = std::fs::read_dir(dist) else {
        return;
    };
    for folder in entries.flatten().map(|entry| entry.path()) {
        let name = folder
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !name.starts_with("pkg-") || !folder.is_dir() {
            continue;
        }
        println!("\nthe console's parts ({name}), each fetched on first use:");
        let mut parts: Vec<_> = std::fs::read_dir(&folder)
            .expect("the parts' folder")
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
            .filter(|path| !path.ends_with("switchboard_bg.wasm"))
            .collect();
        parts.sort();
        for part in parts {
            let (raw, brotli) = weigh(&part);
            let name = part.file_name().unwrap_or_default().to_string_lossy();
            println!("{raw:>11} {brotli:>9}  {name}");
        }
    }
}

#[test]
fn a_first_screen_is_what_its_page_names_and_what_those_scripts_import() {
    let html = r#"<link rel="stylesheet" href="/main-0123456789abcdef.css">
        <link href=/base-0123456789abcdef.css integrity=sha384-x rel=stylesheet>
        <link href=/pkg-0123456789abcdef/later.wasm rel=prefetch>
        <link rel="prefetch" href="/pkg-0123456789abcdef/switchboard_bg.wasm">
        <meta name="switchboard:parts" content="/pkg-0123456789abcdef/split_a.wasm">
        <link rel="icon" href="/public/favicon.svg"><a href="//elsewhere.example/x.js">
        <script type="module">import init from "/pkg-0123456789abcdef/switchboard.js";
        await init({ module_or_path: '/pkg-0123456789abcdef/switchboard_bg.wasm' });</script>"#;
    let mut named = named_files(html);
    named.sort();
    assert_eq!(
        named,
        [
            "/base-0123456789abcdef.css",
            "/main-0123456789abcdef.css",
            "/pkg-0123456789abcdef/switchboard.js",
            "/pkg-0123456789abcdef/switchboard_bg.wasm",
            "/public/favicon.svg",
        ]
    );
    let script = r#"import * as loader from "./__wasm_split.js"; import { x } from './snippets/a/inline0.js';
        const later = () => import("./not-at-once.js");"#;
    assert_eq!(
        imported_by("/pkg-0123456789abcdef/switchboard.js", script),
        [
            "/pkg-0123456789abcdef/__wasm_split.js",
            "/pkg-0123456789abcdef/snippets/a/inline0.js",
        ]
    );
}
