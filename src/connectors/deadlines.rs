//! Response deadlines, as Switchboard's server keeps them (`docs/deadlines.md`): each
//! backend's policy, set by an admin or its default, and the "No answer needed" marks.

use super::http::{Client, Method};
use switchboard_core::deadlines::{
    BackendPolicy, NoAnswerMark, Policy, DEADLINE_POLICIES_PATH, NO_ANSWER_PATH,
};
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::lenient::readable;

/// `/api/deadline-policies` speaks Switchboard's own error body.
const DEADLINES: Client = Client::new(decode_error);

/// Every backend's policy. One this console cannot read (a newer server's) is left out:
/// its conversations show no time left rather than a wrong one.
pub async fn policies(origin: &str) -> Result<Vec<BackendPolicy>, ApiError> {
    let rows: Vec<serde_json::Value> = DEADLINES
        .get_json(&format!("{origin}{DEADLINE_POLICIES_PATH}"))
        .await?;
    Ok(readable(rows))
}

fn mark_url(origin: &str, backend: &str, conversation: &str) -> String {
    format!(
        "{origin}{NO_ANSWER_PATH}/{}/{}",
        encode_path_segment(backend),
        encode_path_segment(conversation)
    )
}

/// The conversation's "No answer needed" mark, if it has one.
pub async fn no_answer_mark(
    origin: &str,
    backend: &str,
    conversation: &str,
) -> Result<Option<NoAnswerMark>, ApiError> {
    DEADLINES
        .get_json(&mark_url(origin, backend, conversation))
        .await
}

/// Marks the conversation as needing no answer, as of now (`true`), or withdraws the mark;
/// the mark kept.
pub async fn set_no_answer(
    origin: &str,
    backend: &str,
    conversation: &str,
    needed_none: bool,
) -> Result<Option<NoAnswerMark>, ApiError> {
    let url = mark_url(origin, backend, conversation);
    if needed_none {
        Ok(Some(DEADLINES.send_empty(Method::Put, &url).await?))
    } else {
        DEADLINES.delete(&url).await?;
        Ok(None)
    }
}

/// A backend's "No answer needed" marks. One this console cannot read is left out.
pub async fn no_answer_marks(origin: &str, backend: &str) -> Result<Vec<NoAnswerMark>, ApiError> {
    let rows: Vec<serde_json::Value> = DEADLINES
        .get_json(&format!(
            "{origin}{NO_ANSWER_PATH}/{}",
            encode_path_segment(backend)
        ))
        .await?;
    Ok(readable(rows))
}

/// Sets `backend`'s policy (admins only); the policy kept.
pub async fn put_policy(
    origin: &str,
    backend: &str,
    policy: &Policy,
) -> Result<BackendPolicy, ApiError> {
    let url = format!(
        "{origin}{DEADLINE_POLICIES_PATH}/{}",
        encode_path_segment(backend)
    );
    DEADLINES.send_json(Method::Put, &url, policy).await
}
