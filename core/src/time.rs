//! Times as an agent reads them in a list: "just now", "5 min", "3 h", "yesterday", "12 Mar".

use chrono::{DateTime, Datelike, Utc};

pub fn relative(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds();
    if seconds < 60 {
        // Includes small clock skew into the future.
        return "just now".to_owned();
    }
    let minutes = seconds / 60;
    if minutes < 60 {
        return format!("{minutes} min ago");
    }
    let hours = minutes / 60;
    if hours < 24 {
        return format!("{hours} h ago");
    }
    let days = hours / 24;
    if days < 2 {
        return "yesterday".to_owned();
    }
    if days < 7 {
        return format!("{days} days ago");
    }
    if then.year() == now.year() {
        then.format("%-d %b").to_string()
    } else {
        then.format("%-d %b %Y").to_string()
    }
}

/// The full instant for a tooltip: `2026-03-12 14:05 UTC`.
pub fn exact(then: DateTime<Utc>) -> String {
    then.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn relative_times_read_naturally() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let cases = [
            (Duration::seconds(-30), "just now"),
            (Duration::seconds(59), "just now"),
            (Duration::minutes(5), "5 min ago"),
            (Duration::hours(3), "3 h ago"),
            (Duration::hours(30), "yesterday"),
            (Duration::days(4), "4 days ago"),
            (Duration::days(20), "5 Nov"),
            (Duration::days(400), "21 Oct 2025"),
        ];
        for (ago, expected) in cases {
            assert_eq!(relative(now, now - ago), expected, "{ago:?}");
        }
        assert_eq!(exact(now), "2026-11-25 12:00 UTC");
    }
}
