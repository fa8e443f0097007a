//! Response-deadline policies, as Switchboard's server keeps them (`docs/deadlines.md`):
//! each backend's, set by an admin or its default.

use super::http::Client;
use switchboard_core::deadlines::{BackendPolicy, DEADLINE_POLICIES_PATH};
use switchboard_core::directory::decode_error;
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
