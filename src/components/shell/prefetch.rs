//! Files fetched ahead of their first use, at the browser's lowest priority. The build
//! lists them in the page as `<meta name="…" content="url url…">`
//! (`scripts/split-console.sh`), not as `<link rel="prefetch">`: a prefetch in the page's
//! head starts with the page's own downloads and slows its first screen. The page asks for
//! them once it is up: the sign-in page as the agent starts typing (the console's main
//! part, so the inbox appears right after signing in), the console once the conversation's
//! part is started (`switchboard::components::shell::later::WarmUp`: its other parts, so
//! that none waits on a download; what the conversation's part shares with them is in the
//! cache by then, and not downloaded twice). A development build lists nothing, and nothing
//! is fetched.

use leptos::prelude::{document, set_timeout};
use std::time::Duration;

/// The console's main part, listed in the sign-in page.
pub const CONSOLE: &str = "switchboard:console";
/// The console's parts that come on first use, listed in the console's page.
pub const PARTS: &str = "switchboard:parts";

/// Links put in the page per task: each starts a download at once (half a millisecond on
/// a fast machine), and the console's 84 parts in one go were a long task of their own
/// (150 to 250 ms on a phone's slower processor, `docs/bundles.md`).
const LINKS_PER_TASK: usize = 8;

/// Prefetches each file that the page's `<meta name="{list}">` names, once, a few per task:
/// the list leaves the page as its links go in.
pub fn prefetch_listed(list: &str) {
    let document = document();
    let Ok(Some(meta)) = document.query_selector(&format!("meta[name='{list}']")) else {
        return;
    };
    let urls = meta.get_attribute("content").unwrap_or_default();
    meta.remove();
    let Ok(Some(head)) = document.query_selector("head") else {
        return;
    };
    let urls: Vec<String> = urls.split_whitespace().map(str::to_owned).collect();
    link_from(head, urls, 0);
}

/// Puts the links of `urls` from `first` on in `head`, [`LINKS_PER_TASK`] now and the rest
/// in the tasks that follow.
fn link_from(head: web_sys::Element, urls: Vec<String>, first: usize) {
    let end = urls.len().min(first + LINKS_PER_TASK);
    for url in &urls[first.min(end)..end] {
        let Ok(link) = document().create_element("link") else {
            return;
        };
        // A refused attribute leaves a link that fetches nothing: harmless.
        let _ = link.set_attribute("rel", "prefetch");
        let _ = link.set_attribute("href", url);
        if url.ends_with(".wasm") {
            // As the loader fetches it, so that the copy fetched now is the one it uses.
            let _ = link.set_attribute("as", "fetch");
            let _ = link.set_attribute("crossorigin", "");
        }
        let _ = head.append_child(&link);
    }
    if end < urls.len() {
        set_timeout(move || link_from(head, urls, end), Duration::ZERO);
    }
}
