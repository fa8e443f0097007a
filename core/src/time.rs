//! Times as an agent reads them in a list: "just now", "5 min ago", "3 h ago",
//! "yesterday", then a date. Which of these applies is decided here, the same everywhere;
//! the words come from the catalogue, and a date is written by whoever knows the reader's
//! calendar and time zone (the browser's `Intl`, or [`exact`] in UTC elsewhere).

use crate::i18n::{text, text_with, Args, Lang};
use chrono::{DateTime, Datelike, Utc};

/// How long ago something happened, as a person counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    JustNow,
    Minutes(i64),
    Hours(i64),
    Yesterday,
    Days(i64),
    /// Over a week: the date itself, with its year when it is not this year's.
    OnDate {
        with_year: bool,
    },
}

pub fn ago(now: DateTime<Utc>, then: DateTime<Utc>) -> Ago {
    let seconds = (now - then).num_seconds();
    // Includes small clock skew into the future.
    if seconds < 60 {
        return Ago::JustNow;
    }
    let minutes = seconds / 60;
    if minutes < 60 {
        return Ago::Minutes(minutes);
    }
    let hours = minutes / 60;
    if hours < 24 {
        return Ago::Hours(hours);
    }
    match hours / 24 {
        days if days < 2 => Ago::Yesterday,
        days if days < 7 => Ago::Days(days),
        _ => Ago::OnDate {
            with_year: then.year() != now.year(),
        },
    }
}

impl Ago {
    /// The words for it in `lang`; `None` when it is a date, for the caller to write.
    pub fn words(self, lang: Lang) -> Option<String> {
        let count = |n: i64| Args::new().num("count", n);
        Some(match self {
            Ago::JustNow => text(lang, msg!("time-just-now")),
            Ago::Minutes(n) => text_with(lang, msg!("time-minutes-ago"), &count(n)),
            Ago::Hours(n) => text_with(lang, msg!("time-hours-ago"), &count(n)),
            Ago::Yesterday => text(lang, msg!("time-yesterday")),
            Ago::Days(n) => text_with(lang, msg!("time-days-ago"), &count(n)),
            Ago::OnDate { .. } => return None,
        })
    }
}

/// The full instant where no reader's zone is known (logs, the server): `2026-03-12 14:05 UTC`.
pub fn exact(then: DateTime<Utc>) -> String {
    then.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn relative_times_read_naturally() {
        // A valid UTC instant: this constructor fails only on an impossible date.
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let cases = [
            (Duration::seconds(-30), Some("just now")),
            (Duration::seconds(59), Some("just now")),
            (Duration::minutes(5), Some("5 min ago")),
            (Duration::hours(3), Some("3 h ago")),
            (Duration::hours(30), Some("yesterday")),
            (Duration::days(4), Some("4 days ago")),
            (Duration::days(20), None),
            (Duration::days(400), None),
        ];
        for (before, expected) in cases {
            let words = ago(now, now - before).words(Lang::En);
            assert_eq!(words.as_deref(), expected, "{before:?}");
        }
        assert_eq!(
            ago(now, now - Duration::days(20)),
            Ago::OnDate { with_year: false }
        );
        assert_eq!(
            ago(now, now - Duration::days(400)),
            Ago::OnDate { with_year: true }
        );
        assert_eq!(exact(now), "2026-11-25 12:00 UTC");
    }

    #[test]
    fn relative_times_in_french_and_spanish() {
        // A valid UTC instant: this constructor fails only on an impossible date.
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let one_day_ago = now - Duration::hours(30);
        let five_min = now - Duration::minutes(5);
        let words = |then, lang| ago(now, then).words(lang);
        assert_eq!(words(one_day_ago, Lang::Fr).as_deref(), Some("hier"));
        assert_eq!(words(five_min, Lang::Es).as_deref(), Some("hace 5 min"));
        assert_eq!(words(five_min, Lang::Fr).as_deref(), Some("il y a 5 min"));
    }
}
