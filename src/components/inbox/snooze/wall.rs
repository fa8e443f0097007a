//! The agent's wall clock: a snooze's choices are times in their own calendar ("tomorrow at
//! 09:00"), which the browser turns into instants with its zone's rules, so a night the
//! clocks change still wakes at nine.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use js_sys::Date;

/// The wall clock's time now.
pub fn local_now() -> Option<NaiveDateTime> {
    let now = Date::new_0();
    NaiveDate::from_ymd_opt(
        i32::try_from(now.get_full_year()).ok()?,
        now.get_month() + 1,
        now.get_date(),
    )?
    .and_hms_opt(now.get_hours(), now.get_minutes(), now.get_seconds())
}

/// The instant a wall-clock time names in the browser's zone (a time the clocks skip is
/// read as the browser reads it: moved on by the hour skipped).
pub fn instant_of(wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    let date = Date::new_with_year_month_day_hr_min_sec(
        u32::try_from(wall.year()).ok()?,
        i32::try_from(wall.month0()).ok()?,
        i32::try_from(wall.day()).ok()?,
        i32::try_from(wall.hour()).ok()?,
        i32::try_from(wall.minute()).ok()?,
        0,
    );
    let millis = date.get_time();
    if millis.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64)
}

/// A `datetime-local` field's value ("2026-12-10T09:00"), as a wall-clock time.
pub fn parse_field(value: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(value.trim(), format).ok())
}

/// A wall-clock time as a `datetime-local` field writes it.
pub fn field_value(wall: NaiveDateTime) -> String {
    wall.format("%Y-%m-%dT%H:%M").to_string()
}
