//! Snoozes, as Switchboard's server keeps them (`docs/snooze.md`): a backend's, one
//! conversation's, and snoozing or waking one.

use super::http::{Client, Method};
use chrono::{DateTime, Utc};
use switchboard_core::directory::decode_error;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::lenient::readable;
use switchboard_core::snooze::{Snooze, SnoozeRequest, SNOOZE_PATH};

/// `/api/snoozes` speaks Switchboard's own error body.
const SNOOZES: Client = Client::new(decode_error);

fn one_url(origin: &str, backend: &str, conversation: &str) -> String {
    format!(
        "{origin}{SNOOZE_PATH}/{}/{}",
        encode_path_segment(backend),
        encode_path_segment(conversation)
    )
}

/// A backend's snoozes still ahead. One this console cannot read is left out.
pub async fn snoozes(origin: &str, backend: &str) -> Result<Vec<Snooze>, ApiError> {
    let rows: Vec<serde_json::Value> = SNOOZES
        .get_json(&format!(
            "{origin}{SNOOZE_PATH}/{}",
            encode_path_segment(backend)
        ))
        .await?;
    Ok(readable(rows))
}

/// The conversation's snooze, if one is ahead.
pub async fn snooze_of(
    origin: &str,
    backend: &str,
    conversation: &str,
) -> Result<Option<Snooze>, ApiError> {
    SNOOZES
        .get_json(&one_url(origin, backend, conversation))
        .await
}

/// Snoozes the conversation until `until`, or wakes it (`None`); the snooze kept.
pub async fn set_snooze(
    origin: &str,
    backend: &str,
    conversation: &str,
    until: Option<DateTime<Utc>>,
) -> Result<Option<Snooze>, ApiError> {
    let url = one_url(origin, backend, conversation);
    match until {
        Some(until) => Ok(Some(
            SNOOZES
                .send_json(Method::Put, &url, &SnoozeRequest { until })
                .await?,
        )),
        None => {
            SNOOZES.delete(&url).await?;
            Ok(None)
        }
    }
}
