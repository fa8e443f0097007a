//! Dates as PostCenter writes them. The range of `/v2/tickets/paginated/` takes
//! `DD-MM-AAAA [hh:mm:ss]` and nothing else (the document's counter-examples are refused);
//! a ticket's times come as ISO (with or without fractions) or as `DD-MM-YYYY hh:mm:ss`.
//! Neither form carries a zone: both are read in [`TICKET_ZONE`], written down once in
//! `docs/backends/postcenter.md`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use thiserror::Error;

/// The zone PostCenter's zone-less times are read in: UTC (see the docs).
pub const TICKET_ZONE: &str = "UTC";

/// Why a range date was refused, in words for the person who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RangeDateError {
    #[error("“{0}” is not a date in the form DD-MM-YYYY or DD-MM-YYYY hh:mm:ss (for example 12-10-2018 or 09-08-2017 12:22:25)")]
    Form(String),
    #[error("“{0}” is not a day of the calendar: the form is DD-MM-YYYY, day first, then month")]
    NoSuchDay(String),
}

/// Reads `DD-MM-YYYY` (midnight) or `DD-MM-YYYY hh:mm:ss`: two digits, two digits, four
/// digits, and a time with seconds. `12/12/2012`, `12-12-12`, `10-12`, `03-16-2014` and
/// `12-10-2018 10:23` are refused.
pub fn parse_range_date(raw: &str) -> Result<NaiveDateTime, RangeDateError> {
    let form = || RangeDateError::Form(raw.to_owned());
    let (date, time) = match raw.split_once(' ') {
        Some((date, time)) => (date, Some(time)),
        None => (raw, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !digits(parts[0], 2) || !digits(parts[1], 2) || !digits(parts[2], 4) {
        return Err(form());
    }
    let number = |s: &str| s.parse::<u32>().map_err(|_| form());
    let day = NaiveDate::from_ymd_opt(
        number(parts[2])? as i32,
        number(parts[1])?,
        number(parts[0])?,
    )
    .ok_or_else(|| RangeDateError::NoSuchDay(raw.to_owned()))?;
    let time = match time {
        None => NaiveTime::MIN,
        Some(time) => {
            let parts: Vec<&str> = time.split(':').collect();
            if parts.len() != 3 || !parts.iter().all(|p| digits(p, 2)) {
                return Err(form());
            }
            NaiveTime::from_hms_opt(number(parts[0])?, number(parts[1])?, number(parts[2])?)
                .ok_or_else(|| RangeDateError::NoSuchDay(raw.to_owned()))?
        }
    };
    Ok(day.and_time(time))
}

/// Writes a range date the way the document asks, always with its time.
pub fn format_range_date(at: NaiveDateTime) -> String {
    at.format("%d-%m-%Y %H:%M:%S").to_string()
}

/// Writes a ticket time as the paginated list does (`18-04-2019 21:40:59`).
pub fn format_list_time(at: DateTime<Utc>) -> String {
    at.format("%d-%m-%Y %H:%M:%S").to_string()
}

/// Writes a ticket time as the detail does (`2016-12-21T13:17:29.283`, no zone).
pub fn format_detail_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3f").to_string()
}

/// Reads a ticket's time in any form the document shows: ISO with or without fractions
/// (and with an offset, should one come), or `DD-MM-YYYY hh:mm:ss`; zone-less ones in
/// [`TICKET_ZONE`]. `None` for anything else, which the caller keeps as text.
pub fn parse_ticket_time(raw: &str) -> Option<DateTime<Utc>> {
    crate::wire::parse_instant(raw).or_else(|| {
        NaiveDateTime::parse_from_str(raw.trim(), "%d-%m-%Y %H:%M:%S")
            .ok()
            .map(|naive| naive.and_utc())
    })
}
