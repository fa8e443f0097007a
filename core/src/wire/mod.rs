//! Each backend's own shapes, field for field as its document names them, and their
//! mapping onto [`crate::domain`]. One module per backend.

pub mod case_messages;
pub mod communication;
pub mod octopia;
pub mod postcenter;
pub mod support_sessions;

use chrono::{DateTime, Utc};
use thiserror::Error;

/// Why one record of a backend could not become a domain value.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{record} is missing its {field}")]
pub struct MappingError {
    pub record: &'static str,
    pub field: &'static str,
}

/// Reads an instant as backends write them: RFC 3339 with an offset, or a naive ISO
/// date-time taken as UTC (the zone each backend's notes in `docs/backends/` give).
pub fn parse_instant(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(raw) {
        return Some(instant.with_timezone(&Utc));
    }
    // Without an offset (`2019-08-24T14:15:22`, or one space for the `T`): UTC, read by
    // the same RFC 3339 parser rather than chrono's format strings, whose engine would
    // weigh on every page that reads a date. Fields are two digits (four for the year),
    // as every backend's document and sample writes them.
    let (date, time) = raw.split_at_checked(10)?;
    let time = time.strip_prefix(['T', ' '])?;
    DateTime::parse_from_rfc3339(&format!("{date}T{time}Z"))
        .ok()
        .map(|instant| instant.with_timezone(&Utc))
}

/// How this product writes instants: RFC 3339, UTC, milliseconds. Sorting these strings
/// sorts the instants.
pub fn format_instant(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_parse_with_offsets_and_naive() {
        let a = parse_instant("2019-08-24T14:15:22Z").unwrap();
        let b = parse_instant("2019-08-24T16:15:22+02:00").unwrap();
        let c = parse_instant("2019-08-24T14:15:22").unwrap();
        let d = parse_instant("2019-08-24 14:15:22.000").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a, d);
        assert_eq!(parse_instant("24/08/2019"), None);
        let tenths = parse_instant(" 2019-08-24T14:15:22.5 ").map(format_instant);
        assert_eq!(tenths.as_deref(), Some("2019-08-24T14:15:22.500Z"));
        for junk in [
            "2019-08-24X14:15:22",
            "2019-08-24T14:15",
            "2019-08-2é14:15:22",
            "",
            "2019",
        ] {
            assert_eq!(parse_instant(junk), None, "{junk}");
        }
        assert_eq!(format_instant(a), "2019-08-24T14:15:22.000Z");
    }
}
