//! Every problem of one request, collected field by field and reported together, with the
//! checks any dialect's bodies and queries need (required, length, known enum value,
//! instant, list of ids, a query's bounded number).

use super::error::{problem, HttpError, Location, Problem};
use super::extract::QueryParams;
use chrono::{DateTime, Utc};
use switchboard_core::wire::{format_instant, parse_instant};

/// A query's `true` or `false` (any case); absent is `None`, and so is anything else,
/// with its problem noted.
pub fn boolean(query: &QueryParams, field: &str, problems: &mut Problems) -> Option<bool> {
    let raw = query.get(field)?;
    match raw.to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => {
            problems.add(Location::Query, field, raw, "must be true or false");
            None
        }
    }
}

/// A query's whole number from `min` to `max`; absent is `None`, and so is one out of
/// bounds or not a number, with its problem noted.
pub fn number(
    query: &QueryParams,
    field: &str,
    min: u32,
    max: u32,
    problems: &mut Problems,
) -> Option<u32> {
    let raw = query.get(field)?;
    let issue = match raw.parse::<i64>() {
        Ok(n) if n < i64::from(min) => format!("must be at least {min}"),
        Ok(n) if n > i64::from(max) => format!("must be at most {max}"),
        Ok(n) => return u32::try_from(n).ok(),
        Err(_) => format!("must be a whole number between {min} and {max}"),
    };
    problems.add(Location::Query, field, raw, issue);
    None
}

/// Every problem of one request, reported together.
#[derive(Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    pub fn add(&mut self, location: Location, field: &str, value: &str, issue: impl Into<String>) {
        self.0.push(problem(location, field, value, issue));
    }

    pub fn finish(self) -> Result<(), HttpError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(HttpError::invalid(self.0))
        }
    }

    /// Non-blank and at most `max` characters; trimmed.
    pub fn required(&mut self, field: &str, value: Option<&str>, max: usize) -> String {
        match value.map(str::trim) {
            None | Some("") => {
                self.add(Location::Body, field, "", "is required");
                String::new()
            }
            Some(text) => {
                self.within(Location::Body, field, text, max);
                text.to_owned()
            }
        }
    }

    /// Absent or blank is `None`; otherwise at most `max` characters, trimmed.
    pub fn optional(
        &mut self,
        location: Location,
        field: &str,
        value: Option<&str>,
        max: usize,
    ) -> Option<String> {
        let text = value.map(str::trim).filter(|text| !text.is_empty())?;
        self.within(location, field, text, max);
        Some(text.to_owned())
    }

    pub fn within(&mut self, location: Location, field: &str, text: &str, max: usize) {
        if text.chars().count() > max {
            self.add(
                location,
                field,
                text,
                format!("can have at most {max} characters"),
            );
        }
    }

    /// An open enum's value must be one the document lists.
    pub fn known(
        &mut self,
        location: Location,
        field: &str,
        raw: &str,
        known: bool,
        allowed: &[&str],
    ) {
        if !known {
            self.add(
                location,
                field,
                raw,
                format!("must be one of {}", allowed.join(", ")),
            );
        }
    }

    /// An instant in any form `parse_instant` reads, rewritten the way the store sorts.
    pub fn instant(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let raw = value.map(str::trim).filter(|raw| !raw.is_empty())?;
        self.parsed_instant(Location::Body, field, raw)
            .map(format_instant)
    }

    /// An instant in any form `parse_instant` reads, wherever the request carries it.
    pub fn parsed_instant(
        &mut self,
        location: Location,
        field: &str,
        raw: &str,
    ) -> Option<DateTime<Utc>> {
        let parsed = parse_instant(raw);
        if parsed.is_none() {
            self.add(
                location,
                field,
                raw,
                "must be an RFC 3339 date-time, such as 2026-04-12T09:30:00Z",
            );
        }
        parsed
    }

    pub fn ids(
        &mut self,
        field: &str,
        values: &[String],
        max_count: usize,
        max_chars: usize,
    ) -> Vec<String> {
        if values.len() > max_count {
            self.add(
                Location::Body,
                field,
                &values.len().to_string(),
                format!("can list at most {max_count} ids"),
            );
        }
        let mut kept: Vec<String> = Vec::with_capacity(values.len());
        for (index, value) in values.iter().enumerate() {
            let text = value.trim();
            let field = format!("{field}[{index}]");
            if text.is_empty() {
                self.add(Location::Body, &field, value, "must not be blank");
            } else {
                self.within(Location::Body, &field, text, max_chars);
                if !kept.iter().any(|k| k == text) {
                    kept.push(text.to_owned());
                }
            }
        }
        kept
    }
}
