//! `GET /support/{orderId}/history`, Switchboard's own route: the vendor keeps no history,
//! so the changes made through Switchboard (recorded by the vendor's writes as they ride
//! along, [`super::super::handlers`]) are read back here, oldest first.

use super::super::store;
use super::super::{changes, input, output};
use crate::http::extract::PathId;
use crate::http::HttpError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use switchboard_core::wire::support_sessions::HistoryEntryDto;

/// The changes made through Switchboard to an order's session, oldest first; an order
/// that never had a session is the vendor's 404.
pub async fn get_history(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<Vec<HistoryEntryDto>>, HttpError> {
    let order_id = input::order_id(&raw)?;
    let history = state
        .store
        .run(move |conn| {
            store::get_session(conn, &order_id)?.ok_or_else(|| changes::no_session(&order_id))?;
            Ok::<_, HttpError>(store::history_of(conn, &order_id)?)
        })
        .await?;
    Ok(Json(
        history.into_iter().map(output::history_entry).collect(),
    ))
}
