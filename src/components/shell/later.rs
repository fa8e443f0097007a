//! The console's pieces that arrive on first use: the command palette, the shortcut sheet
//! and the dialog that signs a lapsed session in again are seldom opened, so in the
//! release build each is a part of its own (`src/parts.rs`), fetched the first time it is
//! wanted (and prefetched once the inbox is up, so that first time rarely waits). The
//! console's binary gives them ([`Later`]); the library only knows when each is wanted.

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// Makes a piece's view: a function of its part, so the view is made where it shows.
pub type MakeView = fn() -> AnyView;

/// Fetches a piece's part (at once when it is in the main part) and gives its maker.
pub type LaterView = fn() -> Pin<Box<dyn Future<Output = MakeView>>>;

/// The pieces, as the console's binary gives them (`src/main.rs`). Without them (a test
/// mounting the console's widgets alone) the console shows none of these pieces.
#[derive(Clone, Copy)]
pub struct Later {
    pub palette: LaterView,
    pub shortcut_sheet: LaterView,
    pub session_ended: LaterView,
    /// The bulk bar, over the list once a row is picked; `None` where the console has none.
    pub bulk_bar: Option<LaterView>,
    /// The form that saves the view on screen, once "Save this view" is pressed.
    pub save_view: Option<LaterView>,
}

/// Shows `part` from the first time `wanted` is true on, and keeps it: a dialog opens and
/// closes itself once it is there. The view is made in place once the part has come, not
/// in a suspense: a dialog's effects must find it in the page.
#[component]
pub fn OnFirstUse(#[prop(into)] wanted: Signal<bool>, part: LaterView) -> impl IntoView {
    let made = RwSignal::new(None::<MakeView>);
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if wanted.get() && !asked.get_value() {
            asked.set_value(true);
            leptos::task::spawn_local(async move {
                let make = part().await;
                made.try_set(Some(make));
            });
        }
    });
    move || made.get().map(|make| make())
}
