//! The console's pieces that arrive on first use: the command palette, the shortcut sheet
//! and the dialog that signs a lapsed session in again are seldom opened, so in the
//! release build each is a part of its own (`src/parts.rs`), fetched the first time it is
//! wanted (and prefetched once the inbox is up, so that first time rarely waits). The
//! console's binary gives them ([`Later`]); the library only knows when each is wanted.
//!
//! A part is a download, so it can fail (the connection dropped, the server restarted
//! mid-deploy): that is said in words with Try again ([`MissingPart`]), and the console
//! goes on. The splitter's own loader would abort the whole page instead.

use crate::i18n::tr;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// A part: `async fn $name() -> Result<$out, PartMissing>` giving `$made`, and (if named)
/// `async fn $warm()` that fetches and starts it ahead of use (its result: whether it came). Split
/// off (its file is `split_$name.wasm`) in the release build, at hand in any other.
///
/// Declared here for the binaries that come in parts (the console's `src/parts.rs`, the
/// contact page's): a split point must be in the binary, never in this library, or every
/// bundle linking the library would keep it. `--cfg switchboard_split` is the binary's.
#[macro_export]
macro_rules! part {
    ($(#[doc = $doc:literal])* $name:ident $(, $warm:ident)? -> $out:ty = $made:expr) => {
        $(#[doc = $doc])*
        #[cfg(switchboard_split)]
        #[leptos::wasm_split::wasm_split(
            $name,
            wasm_split_path = ::leptos::wasm_split,
            $(preload($warm),)?
            fallible
        )]
        pub fn $name() -> Result<$out, $crate::components::shell::later::PartMissing> {
            Ok($made)
        }

        $(#[doc = $doc])*
        #[cfg(not(switchboard_split))]
        pub async fn $name() -> Result<$out, $crate::components::shell::later::PartMissing> {
            Ok($made)
        }

        $(
            #[cfg(not(switchboard_split))]
            pub async fn $warm() -> Result<(), $crate::components::shell::later::PartMissing> {
                Ok(())
            }
        )?
    };
}

/// Makes a piece's view: a function of its part, so the view is made where it shows.
pub type MakeView = fn() -> AnyView;

/// A part could not be fetched. Nothing else is known (the browser logs why), and nothing
/// is lost: the next try fetches it afresh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> PartMissing {
        PartMissing
    }
}

/// A part on its way: what it gives, or that it could not come.
pub type Arrival<T> = Pin<Box<dyn Future<Output = Result<T, PartMissing>>>>;

/// Fetches a piece's part (at once when it is in the main part) and gives its maker.
pub type LaterView = fn() -> Arrival<MakeView>;

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

/// Makes the parts an agent will need ready ahead of use, as the console's binary gives it:
/// the conversation's fetched and started, so that opening one waits on nothing but its
/// data, then the others fetched (started on first use: a started part holds memory).
/// Run once the inbox is up. A part that cannot come now is fetched again when used.
#[derive(Clone, Copy)]
pub struct WarmUp(pub fn() -> Pin<Box<dyn Future<Output = ()>>>);

/// Shows `part` from the first time `wanted` is true on, and keeps it: a dialog opens and
/// closes itself once it is there. If it could not come, dismissing the notice lets the
/// next time it is wanted fetch it again.
#[component]
pub fn OnFirstUse(#[prop(into)] wanted: Signal<bool>, part: LaterView) -> impl IntoView {
    let asked = RwSignal::new(false);
    Effect::new(move |_| {
        if wanted.get() && !asked.get_untracked() {
            asked.set(true);
        }
    });
    let dismiss = Callback::new(move |()| asked.set(false));
    move || asked.get().then(|| view! { <Arrive part dismiss /> })
}

/// Fetches `part` and shows what it makes, in place once it has come (not in a suspense: a
/// dialog's effects must find it in the page). If it cannot come, says so with Try again;
/// `failed` starts there (a route whose part already failed once).
#[component]
pub fn Arrive(
    part: LaterView,
    #[prop(optional)] failed: bool,
    #[prop(optional)] dismiss: Option<Callback<()>>,
) -> impl IntoView {
    let got = RwSignal::new(failed.then_some(Err(PartMissing)));
    let fetch = move || {
        got.set(None);
        leptos::task::spawn_local(async move {
            let arrived = part().await;
            got.try_set(Some(arrived));
        });
    };
    if !failed {
        fetch();
    }
    let retry = Callback::new(move |()| fetch());
    move || match got.get() {
        None => None,
        Some(Ok(make)) => Some(make()),
        Some(Err(PartMissing)) => Some(view! { <MissingPart retry dismiss /> }.into_any()),
    }
}

/// A part that did not come, in words, with Try again (and Dismiss where the console can
/// do without it for now).
#[component]
fn MissingPart(retry: Callback<()>, dismiss: Option<Callback<()>>) -> impl IntoView {
    view! {
        <div class="part-missing" role="alert" data-testid="part-missing">
            <p>{tr(msg!("part-missing"))}</p>
            <button class="button" type="button" data-testid="part-missing-retry" on:click=move |_| retry.run(())>
                {tr(msg!("action-try-again"))}
            </button>
            {dismiss
                .map(|dismiss| {
                    view! {
                        <button class="button" type="button" on:click=move |_| dismiss.run(())>
                            {tr(msg!("action-dismiss"))}
                        </button>
                    }
                })}
        </div>
    }
}
