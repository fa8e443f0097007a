//! The team's time zone in the browser: its own time-zone database, through
//! `Intl.DateTimeFormat`, so no zone data travels with the console and the rules of
//! daylight-saving changes are the browser's, kept up to date with it. Offsets are kept
//! per quarter hour once asked (every zone changes offset on a quarter hour), so the
//! list's thousands of rows ask the browser a handful of times, not per row.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use js_sys::{Array, Date, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use switchboard_core::deadlines::Zone;
use wasm_bindgen::{JsCast, JsValue};

/// A time zone the browser knows.
pub struct IntlZone {
    format: Intl::DateTimeFormat,
    /// The offset from UTC of each quarter hour asked about (seconds since the epoch / 900).
    offsets: RefCell<HashMap<i64, Option<Duration>>>,
}

/// A quarter hour: no zone changes its offset within one.
const QUARTER_HOUR_S: i64 = 900;

impl IntlZone {
    /// The zone of this IANA name; `None` when the browser does not know it (constructed
    /// through `Reflect`, so a zone it refuses is an answer, not a crash).
    pub fn new(zone: &str) -> Option<IntlZone> {
        let options = Object::new();
        let set = |key: &str, value: &str| {
            Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).is_ok()
        };
        let all_set = [
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
        ]
        .into_iter()
        .all(|(key, value)| set(key, value));
        if !all_set {
            return None;
        }
        let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        let constructor = Reflect::get(&intl, &JsValue::from_str("DateTimeFormat")).ok()?;
        let constructor = constructor.dyn_into::<js_sys::Function>().ok()?;
        let arguments = Array::of2(&Array::of1(&JsValue::from_str("en-US")), &options);
        let format = Reflect::construct(&constructor, &arguments).ok()?;
        Some(IntlZone {
            format: format.unchecked_into(),
            offsets: RefCell::new(HashMap::new()),
        })
    }

    /// The wall-clock time in the zone at an instant.
    fn local(&self, at: DateTime<Utc>) -> Option<NaiveDateTime> {
        Some(at.naive_utc() + self.offset(at)?)
    }

    /// The wall-clock time in the zone at an instant, as the browser says it.
    fn asked(&self, at: DateTime<Utc>) -> Option<NaiveDateTime> {
        let date = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
        let parts = self.format.format_to_parts(&date);
        let mut fields = [0u32; 6];
        for part in parts.iter() {
            let kind = Reflect::get(&part, &JsValue::from_str("type"))
                .ok()?
                .as_string()?;
            let slot = match kind.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                "second" => 5,
                _ => continue,
            };
            let value = Reflect::get(&part, &JsValue::from_str("value"))
                .ok()?
                .as_string()?;
            fields[slot] = value.parse().ok()?;
        }
        let [year, month, day, hour, minute, second] = fields;
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
            .and_hms_opt(hour, minute, second)
    }

    /// The zone's offset from UTC at an instant: the browser's for its quarter hour.
    fn offset(&self, at: DateTime<Utc>) -> Option<Duration> {
        let quarter = at.timestamp().div_euclid(QUARTER_HOUR_S);
        if let Some(known) = self.offsets.borrow().get(&quarter) {
            return *known;
        }
        let start = DateTime::from_timestamp(quarter * QUARTER_HOUR_S, 0)?;
        let offset = self.asked(start).map(|local| local - start.naive_utc());
        self.offsets.borrow_mut().insert(quarter, offset);
        offset
    }
}

impl Zone for IntlZone {
    fn instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        // The offsets half a day either side are the only ones that can apply (no zone
        // changes twice in a day); each gives a candidate, kept if it shows that time.
        let guess = local.and_utc();
        [guess - Duration::hours(12), guess + Duration::hours(12)]
            .into_iter()
            .filter_map(|probe| self.offset(probe))
            .map(|offset| (local - offset).and_utc())
            .filter(|candidate| self.local(*candidate) == Some(local))
            .min()
    }

    fn date(&self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at)
            .map_or_else(|| at.date_naive(), |local| local.date())
    }
}
