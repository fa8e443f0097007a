//! What the case messages requests may carry, checked field by field with every problem
//! collected; each is named as the vendor's validator (Joi) names it, and `errors` words
//! the message. The body of `create` is read as a JSON object whose unknown keys are
//! refused (a V2 client's `messageType` is told so); `confirm`'s is an array of ids.

use crate::http::extract::QueryParams;
use crate::http::problems::Problems;
use crate::http::{HttpError, Location};
use serde_json::{Map, Value};
use switchboard_core::wire::case_messages::{
    is_guid, MessageType, GUID_PARAM, MAX_CONFIRM_IDS, MAX_CONTENT_CHARS, MAX_EXTERNAL_ID_CHARS,
    MAX_TYPE_CHARS, MAX_USER_EMAIL_CHARS, MAX_USER_NAME_CHARS,
};
use switchboard_core::wire::{format_instant, parse_instant};

/// How a refusal names a body as a whole (Joi's word).
pub const ROOT: &str = "value";

/// The fields `create` takes, in the document's order.
pub const CREATE_FIELDS: [&str; 8] = [
    "guid",
    "content",
    "type",
    "declaredAt",
    "externalId",
    "parentMessageId",
    "userEmail",
    "userName",
];

/// A checked `create` body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewMessage {
    /// Lower case.
    pub guid: String,
    /// Trimmed; `None` when absent or blank.
    pub content: Option<String>,
    pub kind: String,
    /// Rewritten by `format_instant`; `None` means now.
    pub declared_at: Option<String>,
    pub external_id: Option<String>,
    pub parent_message_id: Option<i64>,
    pub user_email: Option<String>,
    pub user_name: Option<String>,
}

fn length_issue(max: usize) -> String {
    format!("length must be less than or equal to {max} characters long")
}

/// A guid, lower-cased; its problem named `field`.
fn guid(raw: &str, location: Location, problems: &mut Problems) -> String {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        problems.add(location, GUID_PARAM, raw, "is not allowed to be empty");
    } else if !is_guid(trimmed) {
        problems.add(location, GUID_PARAM, raw, "must be a valid GUID");
    }
    trimmed.to_ascii_lowercase()
}

/// A string field: `None` when absent or null; a value of another type is a problem.
fn string<'a>(
    object: &'a Map<String, Value>,
    field: &str,
    problems: &mut Problems,
) -> Option<&'a str> {
    match object.get(field)? {
        Value::Null => None,
        Value::String(text) => Some(text),
        other => {
            problems.add(
                Location::Body,
                field,
                &other.to_string(),
                "must be a string",
            );
            None
        }
    }
}

/// An optional text of at most `max` characters, trimmed; blank is `None`.
fn text(
    object: &Map<String, Value>,
    field: &str,
    max: usize,
    problems: &mut Problems,
) -> Option<String> {
    let value = string(object, field, problems)?.trim();
    if value.is_empty() {
        return None;
    }
    if value.chars().count() > max {
        problems.add(Location::Body, field, value, length_issue(max));
    }
    Some(value.to_owned())
}

/// A positive whole number, as JSON writes numbers (not in a string); `at` names it.
fn positive_id(value: &Value, at: &str, problems: &mut Problems) -> Option<i64> {
    let issue = match value {
        Value::Number(n) => match n.as_i64() {
            Some(id) if id > 0 => return Some(id),
            Some(_) => "must be a positive number",
            None if n.as_u64().is_some() => "must be a safe number",
            None => "must be an integer",
        },
        _ => "must be a number",
    };
    problems.add(Location::Body, at, &value.to_string(), issue);
    None
}

/// The body of `POST /case-messages/create`, every problem named at once.
pub fn create(body: Value) -> Result<NewMessage, HttpError> {
    let mut problems = Problems::default();
    let Value::Object(object) = body else {
        problems.add(Location::Body, ROOT, &body.to_string(), "must be an object");
        return Err(problems.finish().unwrap_err());
    };
    let guid = match object.get(GUID_PARAM) {
        None | Some(Value::Null) => {
            problems.add(Location::Body, GUID_PARAM, "", "is required");
            String::new()
        }
        Some(Value::String(raw)) => guid(raw, Location::Body, &mut problems),
        Some(other) => {
            problems.add(
                Location::Body,
                GUID_PARAM,
                &other.to_string(),
                "must be a string",
            );
            String::new()
        }
    };
    let content = text(&object, "content", MAX_CONTENT_CHARS, &mut problems);
    let kind = match object.get("type") {
        None | Some(Value::Null) => {
            problems.add(Location::Body, "type", "", "is required");
            String::new()
        }
        Some(Value::String(raw)) => {
            if raw.chars().count() > MAX_TYPE_CHARS {
                problems.add(Location::Body, "type", raw, length_issue(MAX_TYPE_CHARS));
            } else if !MessageType::from(raw.clone()).is_known() {
                problems.add(
                    Location::Body,
                    "type",
                    raw,
                    format!("must be one of [{}]", MessageType::KNOWN.join(", ")),
                );
            }
            raw.clone()
        }
        Some(other) => {
            problems.add(
                Location::Body,
                "type",
                &other.to_string(),
                "must be a string",
            );
            String::new()
        }
    };
    let declared_at = match object.get("declaredAt") {
        None | Some(Value::Null) => None,
        Some(Value::String(raw)) if raw.trim().is_empty() => None,
        Some(value) => {
            let parsed = value.as_str().and_then(parse_instant);
            if parsed.is_none() {
                problems.add(
                    Location::Body,
                    "declaredAt",
                    value.as_str().unwrap_or(&value.to_string()),
                    "must be a valid ISO 8601 date, such as 2017-07-25T10:12:54.003Z",
                );
            }
            parsed.map(format_instant)
        }
    };
    let parent_message_id = match object.get("parentMessageId") {
        None | Some(Value::Null) => None,
        Some(value) => positive_id(value, "parentMessageId", &mut problems),
    };
    let message = NewMessage {
        guid,
        content,
        kind,
        declared_at,
        external_id: text(&object, "externalId", MAX_EXTERNAL_ID_CHARS, &mut problems),
        parent_message_id,
        user_email: text(&object, "userEmail", MAX_USER_EMAIL_CHARS, &mut problems),
        user_name: text(&object, "userName", MAX_USER_NAME_CHARS, &mut problems),
    };
    for key in object
        .keys()
        .filter(|k| !CREATE_FIELDS.contains(&k.as_str()))
    {
        problems.add(Location::Body, key, "", "is not allowed");
    }
    problems.finish()?;
    Ok(message)
}

/// `GET /case-messages?guid=`: the guid, lower-cased. Other parameters (the vendor's
/// `accessToken`) are not read.
pub fn guid_query(query: &QueryParams) -> Result<String, HttpError> {
    let mut problems = Problems::default();
    let guid = match query.get(GUID_PARAM) {
        None => {
            problems.add(Location::Query, GUID_PARAM, "", "is required");
            String::new()
        }
        Some(raw) => guid(raw, Location::Query, &mut problems),
    };
    problems.finish()?;
    Ok(guid)
}

/// The body of `POST /case-messages/confirm`: an array of message ids (not `externalId`),
/// each a positive whole number; each id once, in the order given.
pub fn confirm_ids(body: Value) -> Result<Vec<i64>, HttpError> {
    let mut problems = Problems::default();
    let Value::Array(items) = body else {
        problems.add(Location::Body, ROOT, &body.to_string(), "must be an array");
        return Err(problems.finish().unwrap_err());
    };
    if items.len() > MAX_CONFIRM_IDS {
        problems.add(
            Location::Body,
            ROOT,
            &items.len().to_string(),
            format!("must contain less than or equal to {MAX_CONFIRM_IDS} items"),
        );
        return Err(problems.finish().unwrap_err());
    }
    let mut ids = Vec::with_capacity(items.len());
    for (position, item) in items.iter().enumerate() {
        if let Some(id) = positive_id(item, &position.to_string(), &mut problems) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    problems.finish()?;
    Ok(ids)
}

#[cfg(test)]
mod tests;
