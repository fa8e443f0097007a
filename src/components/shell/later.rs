//! The console's pieces that arrive on first use: the command palette, the shortcut sheet
//! and the dialog that signs a lapsed session in again are seldom opened, so in the
//! release build each is a part of its own (`src/parts.rs`), fetched the first time it is
//! wanted (and prefetched once the inbox is up, so that first time rarely waits). The
//! console's binary gives them ([`Later`]); the library only knows when each is wanted.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// Makes a piece's view, once its part is there.
pub type LaterView = fn() -> Pin<Box<dyn Future<Output = AnyView>>>;

/// The pieces, as the console's binary gives them (`src/main.rs`). Without them (a test
/// mounting the console's widgets alone) the console shows none of these pieces.
#[derive(Clone, Copy)]
pub struct Later {
    pub palette: LaterView,
    pub shortcut_sheet: LaterView,
    pub session_ended: LaterView,
}

/// Shows `part` from the first time `wanted` is true on, and keeps it: a dialog opens and
/// closes itself once it is there.
#[component]
pub fn OnFirstUse(#[prop(into)] wanted: Signal<bool>, part: LaterView) -> impl IntoView {
    let ever =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || wanted.get());
    move || {
        ever.get().then(|| {
            // The part's future is the browser's alone (one thread): wrapped, as the
            // suspense wants one it could send.
            let view = SendWrapper::new(part());
            view! { <Suspense fallback=|| ()>{Suspend::new(view)}</Suspense> }
        })
    }
}
