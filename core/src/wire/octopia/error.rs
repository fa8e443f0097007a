//! Octopia's answer body: `type`, `status`, `traceId`, `errors`. Every refusal carries it,
//! and so does the answer to a reply (`POST /messages`), with no errors. `errors` maps a
//! field to its problems (`{"receivers": ["..."]}`); a list of `{field, message}` is read
//! too.

use crate::error::{ApiError, FieldIssue};
use crate::lenient::lenient_u32;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The body of every refusal and of a reply's answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseDto {
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub status: u32,
    #[serde(default)]
    pub trace_id: Option<String>,
    #[serde(default)]
    pub errors: Errors,
}

/// `errors`, as a map of field to messages or as a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Errors {
    ByField(BTreeMap<String, Vec<String>>),
    List(Vec<ListedError>),
    Nothing(Option<()>),
}

impl Default for Errors {
    fn default() -> Self {
        Errors::ByField(BTreeMap::new())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedError {
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

impl Errors {
    pub fn issues(&self) -> Vec<FieldIssue> {
        match self {
            Errors::ByField(map) => map
                .iter()
                .flat_map(|(field, messages)| {
                    messages.iter().map(move |m| FieldIssue {
                        field: field.clone(),
                        issue: m.clone(),
                    })
                })
                .collect(),
            Errors::List(list) => list
                .iter()
                .map(|e| FieldIssue {
                    field: e.field.clone().unwrap_or_default(),
                    issue: e.message.clone().unwrap_or_default(),
                })
                .filter(|i| !i.field.is_empty() || !i.issue.is_empty())
                .collect(),
            Errors::Nothing(_) => Vec::new(),
        }
    }
}

/// An Octopia error response as the one domain error. An HTML page or an empty body
/// leaves the status to speak.
pub fn decode_error(status: u16, body: &str, correlation_id: Option<String>) -> ApiError {
    let mut error = ApiError::from_status(status, correlation_id);
    if let Ok(parsed) = serde_json::from_str::<ResponseDto>(body) {
        error.backend_message = parsed.title.filter(|t| !t.trim().is_empty());
        error.details = parsed.errors.issues();
        if let Some(trace) = parsed.trace_id.filter(|t| !t.is_empty()) {
            error.correlation_id = Some(trace);
        }
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn a_validation_refusal_names_its_fields() {
        let body = r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"traceId":"00-abc-01","errors":{"receivers[0].userType":["Seller is not an eligible receiver of this discussion."]}}"#;
        let e = decode_error(400, body, Some("header".into()));
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(e.correlation_id.as_deref(), Some("00-abc-01"));
        assert_eq!(
            e.detail_lines(),
            vec!["receivers[0].userType: Seller is not an eligible receiver of this discussion."]
        );
    }

    #[test]
    fn listed_errors_and_html_pages_are_survived() {
        let e = decode_error(
            404,
            r#"{"status":"404","errors":[{"field":"discussionId","message":"Unknown discussion"}]}"#,
            None,
        );
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert_eq!(e.detail_lines(), vec!["discussionId: Unknown discussion"]);
        let e = decode_error(502, "<html>Bad gateway</html>", Some("c".into()));
        assert_eq!(e.kind, ErrorKind::Unavailable);
        assert!(e.details.is_empty());
        assert_eq!(e.correlation_id.as_deref(), Some("c"));
    }

    #[test]
    fn a_reply_answer_has_no_errors() {
        let body = r#"{"type":"MessageCreated","status":201,"traceId":"t","errors":{}}"#;
        let parsed: ResponseDto = serde_json::from_str(body).unwrap();
        assert!(parsed.errors.issues().is_empty());
        assert_eq!(parsed.status, 201);
    }
}
