//! A date search: conversations whose last activity falls between two days, as an agent
//! asks it ("active from 1 March until 30 September"). Days are UTC days, both included;
//! a range without an end runs until now. In the URL as `?from=2026-03-01&until=2026-09-30`
//! (an end without a start means nothing and is left out). A backend that searches by
//! date is asked (Octopia, window by window where its contract limits a search); the
//! others are narrowed in the page, over what is loaded.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

/// Days of last activity, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ActiveRange {
    pub from: NaiveDate,
    /// The last day included; `None` is up to now.
    pub until: Option<NaiveDate>,
}

impl ActiveRange {
    /// The range the URL's `from` and `until` name: `None` without a readable `from`; an
    /// unreadable `until` is no end, and one before `from` is taken as `from` (one day).
    pub fn parse(from: Option<&str>, until: Option<&str>) -> Option<Self> {
        let day = |raw: Option<&str>| {
            raw.and_then(|r| NaiveDate::parse_from_str(r.trim(), "%Y-%m-%d").ok())
        };
        let from = day(from)?;
        let until = day(until).map(|until| until.max(from));
        Some(ActiveRange { from, until })
    }

    /// `from` and `until` as the URL and date fields write them (`2026-03-01`).
    pub fn tokens(&self) -> (String, Option<String>) {
        let token = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        (token(self.from), self.until.map(token))
    }

    /// The first instant included.
    pub fn start(&self) -> DateTime<Utc> {
        self.from.and_time(NaiveTime::MIN).and_utc()
    }

    /// The first instant after the range: the day after `until` begins, or `now`.
    pub fn end(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self.until.and_then(|u| u.checked_add_days(Days::new(1))) {
            Some(next) => next.and_time(NaiveTime::MIN).and_utc(),
            None if self.until.is_some() => DateTime::<Utc>::MAX_UTC,
            None => now,
        }
    }

    /// Whether a conversation last active `at` is in the range (one with no date is not;
    /// without an end, activity later than this clock's now is still in).
    pub fn admits(&self, at: Option<DateTime<Utc>>) -> bool {
        at.is_some_and(|at| {
            at >= self.start() && (self.until.is_none() || at < self.end(DateTime::<Utc>::MAX_UTC))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    #[test]
    fn the_url_names_a_range_only_with_its_start() {
        let range = ActiveRange::parse(Some("2026-03-01"), Some("2026-09-30")).expect("a range");
        assert_eq!(
            range.tokens(),
            ("2026-03-01".to_owned(), Some("2026-09-30".to_owned()))
        );
        assert_eq!(ActiveRange::parse(None, Some("2026-09-30")), None);
        assert_eq!(ActiveRange::parse(Some("01/03/2026"), None), None);
        let open = ActiveRange::parse(Some(" 2026-03-01 "), Some("soon")).expect("a start");
        assert_eq!(open.until, None);
        let backwards = ActiveRange::parse(Some("2026-03-01"), Some("2026-02-01")).unwrap();
        assert_eq!(backwards.until, Some(backwards.from));
    }

    #[test]
    fn both_days_are_included_and_no_end_runs_until_now() {
        let now = at("2026-12-03T10:00:00Z");
        let range = ActiveRange::parse(Some("2026-03-01"), Some("2026-09-30")).unwrap();
        assert!(range.admits(Some(at("2026-03-01T00:00:00Z"))));
        assert!(range.admits(Some(at("2026-09-30T23:59:59.999Z"))));
        assert!(!range.admits(Some(at("2026-10-01T00:00:00Z"))));
        assert!(!range.admits(Some(at("2026-02-28T23:59:59Z"))));
        assert!(!range.admits(None));
        let open = ActiveRange::parse(Some("2026-03-01"), None).unwrap();
        assert_eq!(open.end(now), now);
        assert!(open.admits(Some(at("2026-12-03T09:59:00Z"))));
        // Activity a moment after "now" (a clock behind the server's) is still in.
        assert!(open.admits(Some(at("2026-12-03T10:00:05Z"))));
    }
}
