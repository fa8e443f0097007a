//! Octopia's date searches. "The maximum period of research discussions may not exceed 6
//! months": a longer search is split into windows the API accepts ([`search_windows`],
//! newest first) and asked window by window, each paged, so the inbox appends them in
//! order and never sends a search to fail. The cursor says which window and which page
//! come next ([`DatedPlace`]).

use super::FIRST_PAGE_INDEX;
use crate::domain::Cursor;
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};

/// Where a date search stands: the window (0, the newest) and the page in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatedPlace {
    pub window: usize,
    pub page: u32,
}

impl DatedPlace {
    /// The first page of the newest window.
    pub const FIRST: DatedPlace = DatedPlace {
        window: 0,
        page: FIRST_PAGE_INDEX,
    };

    pub fn cursor(self) -> Cursor {
        Cursor(format!("w{}p{}", self.window, self.page))
    }

    /// The place a [`DatedPlace::cursor`] holds; `None` for anything else, so a cursor of
    /// another listing is refused instead of misread.
    pub fn from_cursor(cursor: &Cursor) -> Option<Self> {
        let (window, page) = cursor.0.strip_prefix('w')?.split_once('p')?;
        Some(DatedPlace {
            window: window.parse().ok()?,
            page: page.parse().ok()?,
        })
    }

    /// Where the search goes after this page: the window's `next_page`, else the first
    /// page of the next of `windows`, else nowhere.
    pub fn after(self, next_page: Option<u32>, windows: usize) -> Option<Self> {
        match next_page {
            Some(page) => Some(DatedPlace { page, ..self }),
            None if self.window + 1 < windows => Some(DatedPlace {
                window: self.window + 1,
                page: FIRST_PAGE_INDEX,
            }),
            None => None,
        }
    }
}

/// A window `[start, end)` as the API's `updatedAtMin` and `updatedAtMax`, which are both
/// included: the max is the millisecond before the end, so windows never overlap.
pub fn window_bounds((start, end): (DateTime<Utc>, DateTime<Utc>)) -> (String, String) {
    let last = end - TimeDelta::milliseconds(1);
    let text = |at: DateTime<Utc>| at.to_rfc3339_opts(SecondsFormat::Millis, true);
    (text(start), text(last.max(start)))
}

#[cfg(test)]
mod tests {
    use super::super::search_windows;
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    #[test]
    fn places_round_trip_through_their_cursor_and_nothing_else_reads_as_one() {
        let place = DatedPlace { window: 2, page: 7 };
        assert_eq!(DatedPlace::from_cursor(&place.cursor()), Some(place));
        assert_eq!(DatedPlace::from_cursor(&Cursor::page(3)), None);
        assert_eq!(DatedPlace::from_cursor(&Cursor("w1p".into())), None);
        assert_eq!(DatedPlace::from_cursor(&Cursor("w-1p2".into())), None);
    }

    #[test]
    fn a_search_walks_each_windows_pages_then_the_next_window() {
        let first = DatedPlace::FIRST;
        assert_eq!(
            first.after(Some(2), 3),
            Some(DatedPlace { window: 0, page: 2 })
        );
        assert_eq!(
            DatedPlace { window: 0, page: 2 }.after(None, 3),
            Some(DatedPlace { window: 1, page: 1 })
        );
        assert_eq!(DatedPlace { window: 2, page: 5 }.after(None, 3), None);
    }

    #[test]
    fn windows_are_sent_as_bounds_that_never_overlap_and_each_fits_six_months() {
        let windows = search_windows(at("2025-01-15T00:00:00Z"), at("2026-03-01T00:00:00Z"));
        let bounds: Vec<_> = windows.iter().copied().map(window_bounds).collect();
        assert_eq!(
            bounds[0],
            (
                "2025-09-01T00:00:00.000Z".to_owned(),
                "2026-02-28T23:59:59.999Z".to_owned()
            )
        );
        assert_eq!(bounds[1].1, "2025-08-31T23:59:59.999Z");
        for (start, end) in windows {
            let max = end - TimeDelta::milliseconds(1);
            assert!(start.checked_add_months(chrono::Months::new(6)).unwrap() >= max);
        }
    }
}
