//! What PostCenter's requests carry, checked before any store work: the ticket id in the
//! path, the number agents see, the state word, the query parameters of the lists and the
//! paginated range (`from`, `to`, `next`), each problem named in the error sentence.

use super::errors::NON_EXISTENT_STATUS;
use crate::http::extract::QueryParams;
use crate::http::problems::Problems;
use crate::http::{HttpError, Location};
use axum::http::StatusCode;
use chrono::NaiveDateTime;
use switchboard_core::wire::format_instant;
use switchboard_core::wire::postcenter::{parse_range_date, State};

/// The length of the API's ticket ids (`583dcb2855d0a46e438d0206`).
pub const TICKET_ID_LEN: usize = 24;
/// The longest query value read; a longer one is refused.
const MAX_QUERY_CHARS: usize = 200;

/// A ticket's API id: 24 hexadecimal characters, written in lower case.
pub fn ticket_id(raw: &str) -> Result<String, HttpError> {
    let raw = raw.trim();
    if raw.len() == TICKET_ID_LEN && raw.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(raw.to_ascii_lowercase());
    }
    Err(HttpError::invalid_field(
        Location::Path,
        "ticket_id",
        raw,
        "must be the API's ticket id, 24 hexadecimal characters (the number agents see \
         goes to /v2/ticket/{agent_ticket_id}/by_agent_id/)",
    ))
}

/// The number agents see (`identifier`): a positive whole number.
pub fn agent_ticket_id(raw: &str) -> Result<i64, HttpError> {
    let raw = raw.trim();
    let digits = !raw.is_empty() && raw.len() <= 18 && raw.bytes().all(|b| b.is_ascii_digit());
    match raw.parse::<i64>() {
        Ok(number) if digits && number > 0 => Ok(number),
        _ => Err(HttpError::invalid_field(
            Location::Path,
            "agent_ticket_id",
            raw,
            "must be the number agents see on a ticket, such as 261",
        )),
    }
}

/// One of the document's four states, written exactly (`open`, `closed`, `ignored`,
/// `inProgress`); anything else is the document's 404.
pub fn state(raw: &str) -> Result<State, HttpError> {
    let state = State::from(raw.to_owned());
    if state.is_known() {
        return Ok(state);
    }
    let mut error = HttpError::not_found("state", Location::Path, "state", raw);
    error.message = NON_EXISTENT_STATUS.to_owned();
    Err(error)
}

fn required(query: &QueryParams, field: &str, problems: &mut Problems) -> String {
    match query.get(field) {
        None => {
            problems.add(Location::Query, field, "", "is required");
            String::new()
        }
        Some(value) => {
            problems.within(Location::Query, field, value, MAX_QUERY_CHARS);
            value.to_owned()
        }
    }
}

/// `?country_id=`, required.
pub fn country_id(query: &QueryParams) -> Result<String, HttpError> {
    let mut problems = Problems::default();
    let country_id = required(query, "country_id", &mut problems);
    problems.finish()?;
    Ok(country_id)
}

/// `?page_id=&uid=`, both required.
pub fn facebook_user(query: &QueryParams) -> Result<(String, String), HttpError> {
    let mut problems = Problems::default();
    let page_id = required(query, "page_id", &mut problems);
    let uid = required(query, "uid", &mut problems);
    problems.finish()?;
    Ok((page_id, uid))
}

/// The paginated range: `from` (inclusive) and `to` (exclusive) as stored instants, and
/// the `next` cursor if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub from: String,
    pub to: String,
    pub next: Option<String>,
}

fn range_date(query: &QueryParams, field: &str, problems: &mut Problems) -> Option<NaiveDateTime> {
    let raw = required(query, field, problems);
    if raw.is_empty() {
        return None;
    }
    match parse_range_date(&raw) {
        Ok(at) => Some(at),
        Err(why) => {
            problems.add(
                Location::Query,
                field,
                &raw,
                format!(
                    "must be DD-MM-YYYY or DD-MM-YYYY hh:mm:ss (UTC), such as 12-10-2018 or \
                     09-08-2017 12:22:25: {why}"
                ),
            );
            None
        }
    }
}

/// `?from=&to=&next=`: both dates required, `from` not after `to`.
pub fn range(query: &QueryParams) -> Result<Range, HttpError> {
    let mut problems = Problems::default();
    let from = range_date(query, "from", &mut problems);
    let to = range_date(query, "to", &mut problems);
    let next = query.get("next").map(str::to_owned);
    if let Some(next) = &next {
        problems.within(Location::Query, "next", next, MAX_QUERY_CHARS);
    }
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            problems.add(
                Location::Query,
                "from",
                &from.format("%d-%m-%Y %H:%M:%S").to_string(),
                "must not be after to",
            );
        }
    }
    problems.finish()?;
    match (from, to) {
        (Some(from), Some(to)) => Ok(Range {
            from: format_instant(from.and_utc()),
            to: format_instant(to.and_utc()),
            next,
        }),
        _ => Err(HttpError::internal("a range date was checked but not kept")),
    }
}

/// 400 for a `next` that names no ticket of this range.
pub fn unknown_cursor(next: &str) -> HttpError {
    HttpError::invalid_field(
        Location::Query,
        "next",
        next,
        "is not a next_page this range answered; start again without next",
    )
}

/// 409 for a change the ticket's state refuses.
pub fn conflict(ticket_id: &str, message: String) -> HttpError {
    HttpError {
        status: StatusCode::CONFLICT,
        message,
        ..HttpError::invalid_field(Location::Path, "ticket_id", ticket_id, "conflicts")
    }
}

/// 404 for a ticket id that names nothing.
pub fn no_ticket(ticket_id: &str) -> HttpError {
    HttpError::not_found("ticket", Location::Path, "ticket_id", ticket_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_ids_and_agent_numbers() {
        assert_eq!(
            ticket_id("583DCB2855d0a46e438d0206").unwrap(),
            "583dcb2855d0a46e438d0206"
        );
        assert!(ticket_id("261").is_err());
        assert_eq!(agent_ticket_id("261").unwrap(), 261);
        for bad in ["abc", "-3", "0", "2.5", "99999999999999999999"] {
            assert!(agent_ticket_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn states_are_the_documents_words_exactly() {
        assert_eq!(state("inProgress").unwrap(), State::InProgress);
        for bad in ["Open", "abierto", "in_progress", ""] {
            let error = state(bad).unwrap_err();
            assert_eq!(error.status, StatusCode::NOT_FOUND);
            assert_eq!(error.message, NON_EXISTENT_STATUS);
        }
    }
}
