//! The list's window: where it is scrolled, how much shows, how tall a row is, and from
//! those the rows to put in the page and where to scroll to reveal one. The arithmetic is
//! in plain functions, tested natively.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Rows kept in the page above and below those on screen: enough for the keyboard and the
/// wheel to find rows there, few enough that a keystroke in the filter, which brings new
/// rows into the page, builds little that nobody sees (a row costs about half a
/// millisecond to build, `tests/bench_inbox.rs`; 8 either side made the worst keystroke
/// at ten thousand rows 19 ms).
const OVERSCAN: usize = 4;
/// A row's height until one has been measured (the style sheet's, at 16 px).
const DEFAULT_ROW_HEIGHT: f64 = 72.0;
/// The viewport's height until measured.
const DEFAULT_VIEWPORT: f64 = 900.0;

/// Where the list is scrolled and how much of it shows.
#[derive(Clone, Copy)]
pub(super) struct Window {
    pub scroll_top: RwSignal<f64>,
    pub viewport: RwSignal<f64>,
    pub row_height: RwSignal<f64>,
}

impl Window {
    /// At the top, the sizes assumed until measured.
    pub fn new() -> Window {
        Window {
            scroll_top: RwSignal::new(0.0),
            viewport: RwSignal::new(DEFAULT_VIEWPORT),
            row_height: RwSignal::new(DEFAULT_ROW_HEIGHT),
        }
    }

    /// The rows to put in the page, `[first, end)` of `len`.
    pub fn range(&self, len: usize) -> (usize, usize) {
        rows_in_page(
            self.scroll_top.get(),
            self.viewport.get(),
            self.row_height.get(),
            len,
        )
    }

    /// Reads the scroller's position and size, and a row's height once there is one.
    pub fn measure(&self, scroller: &web_sys::HtmlElement) {
        self.scroll_top.set(f64::from(scroller.scroll_top()));
        self.viewport.set(f64::from(scroller.client_height()));
        let row = scroller
            .query_selector("li.conversation-row")
            .ok()
            .flatten()
            .and_then(|li| li.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|li| f64::from(li.offset_height()))
            .filter(|h| *h > 0.0);
        if let Some(row) = row {
            if (row - self.row_height.get_untracked()).abs() >= 0.5 {
                self.row_height.set(row);
            }
        }
    }

    /// The row at the top of the screen, once scrolled.
    pub fn top_index(&self) -> Option<usize> {
        let top = self.scroll_top.get_untracked();
        (top > 0.0).then(|| (top / self.row_height.get_untracked().max(1.0)).floor() as usize)
    }

    /// Scrolls down by `rows` rows (rows came in above).
    pub fn shift(&self, scroller: &web_sys::HtmlElement, rows: usize) {
        let to = self.scroll_top.get_untracked() + rows as f64 * self.row_height.get_untracked();
        scroller.set_scroll_top(to as i32);
        self.scroll_top.set(to);
        // The list's new height may land a moment later: then the browser held the
        // scroll back, and it is set again once the rows are laid out.
        if f64::from(scroller.scroll_top()) + 1.0 < to {
            let scroller = scroller.clone();
            request_animation_frame(move || scroller.set_scroll_top(to as i32));
        }
    }

    /// Scrolls just enough for row `index` to be wholly on screen.
    pub fn reveal(&self, scroller: &web_sys::HtmlElement, index: usize) {
        let Some(to) = reveal_to(
            index,
            self.row_height.get_untracked(),
            self.scroll_top.get_untracked(),
            self.viewport.get_untracked(),
        ) else {
            return;
        };
        scroller.set_scroll_top(to as i32);
        self.scroll_top.set(to);
    }

    /// How many whole rows a screen holds (at least one): what Page Up/Down move by.
    pub fn page_rows(&self) -> isize {
        page_rows(
            self.viewport.get_untracked(),
            self.row_height.get_untracked(),
        )
    }
}

/// The rows on screen at `scroll_top` and `OVERSCAN` either side, `[first, end)` of `len`.
fn rows_in_page(scroll_top: f64, viewport: f64, row_height: f64, len: usize) -> (usize, usize) {
    let row = row_height.max(1.0);
    let first = ((scroll_top / row).floor().max(0.0) as usize)
        .saturating_sub(OVERSCAN)
        .min(len);
    let count = (viewport.max(0.0) / row).ceil() as usize + 2 * OVERSCAN;
    (first, (first + count).min(len))
}

/// Where to scroll for row `index` to be wholly on screen; `None` when it already is.
fn reveal_to(index: usize, row: f64, scroll_top: f64, viewport: f64) -> Option<f64> {
    let top = index as f64 * row;
    if top < scroll_top {
        Some(top)
    } else if top + row > scroll_top + viewport {
        Some(top + row - viewport)
    } else {
        None
    }
}

/// Whole rows in a viewport, at least one.
fn page_rows(viewport: f64, row_height: f64) -> isize {
    (viewport / row_height.max(1.0)).floor().max(1.0) as isize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_holds_the_rows_on_screen_and_a_few_either_side() {
        assert_eq!(rows_in_page(0.0, 720.0, 72.0, 10_000), (0, 18));
        assert_eq!(rows_in_page(7200.0, 720.0, 72.0, 10_000), (96, 114));
        assert_eq!(rows_in_page(7200.0, 720.0, 72.0, 100), (96, 100));
        assert_eq!(rows_in_page(0.0, 720.0, 72.0, 0), (0, 0));
    }

    #[test]
    fn a_row_already_on_screen_is_not_scrolled_to() {
        assert_eq!(reveal_to(3, 72.0, 0.0, 720.0), None);
    }

    #[test]
    fn a_row_above_scrolls_to_its_top_and_one_below_to_its_bottom() {
        assert_eq!(reveal_to(2, 72.0, 720.0, 720.0), Some(144.0));
        assert_eq!(reveal_to(10, 72.0, 0.0, 720.0), Some(72.0));
    }

    #[test]
    fn a_page_is_the_whole_rows_a_screen_holds_and_never_none() {
        assert_eq!(page_rows(720.0, 72.0), 10);
        assert_eq!(page_rows(750.0, 72.0), 10);
        assert_eq!(page_rows(30.0, 72.0), 1);
    }
}
