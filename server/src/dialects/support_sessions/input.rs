//! What the support sessions' requests carry, checked: the path's order id, the bodies of
//! `POST` and `PUT /support/{orderId}` (`order_id`, `callback_phone`) and of
//! `PUT /support/{orderId}/agent` (`id`, `rating`). Every problem of one request is named
//! at once; the phone and rating rules are core's, the ones the console checks too.

use super::changes::ORDER_ID;
use super::store::AgentRecord;
use crate::http::extract;
use crate::http::problems::Problems;
use crate::http::{HttpError, Location};
use axum::extract::Request;
use serde::de::DeserializeOwned;
use switchboard_core::wire::support_sessions::{
    normalize_phone, validate_rating, AgentChangeDto, SupportChangeDto, MAX_AGENT_ID_CHARS,
    MAX_ORDER_ID_CHARS,
};

/// How a refusal names the body as a whole.
pub const ROOT: &str = "body";

fn id_problem(raw: &str, max: usize) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        Some("is required".to_owned())
    } else if trimmed.chars().count() > max {
        Some(format!("must be at most {max} characters"))
    } else if trimmed.chars().any(char::is_control) {
        Some("must not hold control characters".to_owned())
    } else {
        None
    }
}

/// The path's `orderId`, trimmed: 1 to 100 characters, no control characters.
pub fn order_id(raw: &str) -> Result<String, HttpError> {
    match id_problem(raw, MAX_ORDER_ID_CHARS) {
        Some(issue) => Err(HttpError::invalid_field(
            Location::Path,
            ORDER_ID,
            raw,
            issue,
        )),
        None => Ok(raw.trim().to_owned()),
    }
}

/// The JSON object of a body, or `None` for an empty body when `optional`.
pub async fn body<T: DeserializeOwned>(
    request: Request,
    optional: bool,
) -> Result<Option<T>, HttpError> {
    let json = extract::is_json(request.headers());
    let bytes = extract::read_within(request, crate::BODY_LIMIT_BYTES).await?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if optional {
            return Ok(None);
        }
        if json {
            return Err(HttpError::invalid_field(
                Location::Body,
                ROOT,
                "",
                "is required: send a JSON object",
            ));
        }
    }
    if !json {
        return Err(HttpError::unsupported_media_type());
    }
    let value = extract::parse_value(&bytes, ROOT)?;
    extract::object_from_value(value, ROOT).map(Some)
}

/// A body's `order_id`, when given, must be the path's.
fn same_order(given: Option<&str>, order_id: &str, problems: &mut Problems) {
    if let Some(given) = given.filter(|given| given.trim() != order_id) {
        problems.add(
            Location::Body,
            "order_id",
            given,
            format!("must be the order of the path, {order_id}, or be left out"),
        );
    }
}

fn phone(value: &str, problems: &mut Problems) -> Option<String> {
    match normalize_phone(value) {
        Ok(phone) => Some(phone),
        Err(issue) => {
            problems.add(Location::Body, "callback_phone", value, issue.to_string());
            None
        }
    }
}

/// `POST /support/{orderId}`: no body, or `{order_id?, callback_phone?}`; the phone to open
/// with, in E.164.
pub fn open(dto: Option<SupportChangeDto>, order_id: &str) -> Result<Option<String>, HttpError> {
    let Some(dto) = dto else {
        return Ok(None);
    };
    let mut problems = Problems::default();
    same_order(dto.order_id.as_deref(), order_id, &mut problems);
    let phone = match dto.callback_phone {
        Some(Some(value)) => phone(&value, &mut problems),
        _ => None,
    };
    problems.finish()?;
    Ok(phone)
}

/// `PUT /support/{orderId}`: `{order_id?, callback_phone}`, the phone required (`null`
/// removes it); the new phone, in E.164.
pub fn change(dto: SupportChangeDto, order_id: &str) -> Result<Option<String>, HttpError> {
    let mut problems = Problems::default();
    same_order(dto.order_id.as_deref(), order_id, &mut problems);
    let phone = match dto.callback_phone {
        None => {
            problems.add(
                Location::Body,
                "callback_phone",
                "",
                "is required: the new number (E.164), or null to remove it",
            );
            None
        }
        Some(None) => None,
        Some(Some(value)) => phone(&value, &mut problems),
    };
    problems.finish()?;
    Ok(phone)
}

/// `PUT /support/{orderId}/agent`: `{id, rating?, order_id?}`: the agent, its rating kept
/// as written once its grammar is checked.
pub fn agent(dto: AgentChangeDto, order_id: &str) -> Result<AgentRecord, HttpError> {
    let mut problems = Problems::default();
    same_order(dto.order_id.as_deref(), order_id, &mut problems);
    let id = dto.id.unwrap_or_default();
    if let Some(issue) = id_problem(&id, MAX_AGENT_ID_CHARS) {
        let issue = if id.trim().is_empty() {
            "is required: this body is the agent, {\"id\": …, \"rating\": …} (the document shows \
             the session's shape here; see docs/backends/support-sessions.md)"
                .to_owned()
        } else {
            issue
        };
        problems.add(Location::Body, "id", &id, issue);
    }
    let rating = dto.rating.filter(|rating| !rating.is_empty());
    if let Some(rating) = &rating {
        if let Err(issue) = validate_rating(rating) {
            problems.add(Location::Body, "rating", rating, issue.to_string());
        }
    }
    if dto.callback_phone.is_some() {
        problems.add(
            Location::Body,
            "callback_phone",
            "",
            "is not changed here: send it with PUT /support/{orderId}",
        );
    }
    problems.finish()?;
    Ok(AgentRecord {
        id: id.trim().to_owned(),
        rating,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(error: HttpError) -> Vec<String> {
        error.problems.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn order_ids_are_trimmed_and_bounded() {
        assert_eq!(order_id(" RIDE-1 ").unwrap(), "RIDE-1");
        assert_eq!(fields(order_id(" ").unwrap_err()), [ORDER_ID]);
        assert!(order_id(&"x".repeat(101)).is_err());
        assert!(order_id("a\nb").is_err());
    }

    #[test]
    fn bodies_name_each_field_at_fault() {
        let dto = |json: &str| serde_json::from_str::<SupportChangeDto>(json).unwrap();
        assert_eq!(open(None, "o").unwrap(), None);
        assert_eq!(
            open(Some(dto(r#"{"callback_phone":"+33 6 12 34 56 78"}"#)), "o").unwrap(),
            Some("+33612345678".to_owned())
        );
        let error = open(
            Some(dto(r#"{"order_id":"other","callback_phone":"0612"}"#)),
            "o",
        )
        .unwrap_err();
        assert_eq!(fields(error), ["order_id", "callback_phone"]);
        assert_eq!(
            change(dto(r#"{"callback_phone":null}"#), "o").unwrap(),
            None
        );
        assert_eq!(
            fields(change(dto("{}"), "o").unwrap_err()),
            ["callback_phone"]
        );
        assert!(change(dto(r#"{"order_id":" o ","callback_phone":null}"#), "o").is_ok());
    }

    #[test]
    fn an_agent_needs_an_id_and_a_well_formed_rating() {
        let dto = |json: &str| serde_json::from_str::<AgentChangeDto>(json).unwrap();
        let agent = agent_of(dto(r#"{"id":" d-1 ","rating":"gt 3 && lte 5"}"#));
        assert_eq!(agent.id, "d-1");
        assert_eq!(
            agent.rating.as_deref(),
            Some("gt 3 && lte 5"),
            "kept as written"
        );
        assert_eq!(
            agent_of(dto(r#"{"id":"d","rating":4.5}"#))
                .rating
                .as_deref(),
            Some("4.5")
        );
        assert_eq!(agent_of(dto(r#"{"id":"d","rating":""}"#)).rating, None);
        let error = super::agent(dto(r#"{"id":"d","rating":"gt"}"#), "o").unwrap_err();
        assert_eq!(fields(error), ["rating"]);
        let literal = r#"{"order_id":"o","callback_phone":"+33612345678"}"#;
        let error = super::agent(dto(literal), "o").unwrap_err();
        assert_eq!(fields(error.clone()), ["id", "callback_phone"]);
        assert!(error.problems[0].issue.contains("session's shape"));
    }

    fn agent_of(dto: AgentChangeDto) -> AgentRecord {
        super::agent(dto, "o").unwrap()
    }
}
