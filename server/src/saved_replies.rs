//! `/api/saved-replies`: the team's library of saved replies and each agent's own
//! (`docs/saved-replies.md`), Switchboard's addition in every mode. Who may do what:
//! - every agent reads the team's replies and their own personal ones, never a
//!   colleague's (another's personal reply answers 404, as if it did not exist);
//! - only admins create, change, retire and restore the team's (403 for others);
//! - only its owner changes a personal reply, admins included.
//!
//! A reply is created with `PUT` at an id the console chose (a UUID), so a retry after a
//! lost answer keeps it once. A change names the revision it was made on: 412 when a
//! colleague changed it meanwhile. Every kept change is in its history, with who and when.
//! The SQL is in [`crate::store::saved_replies`].

use crate::auth::SignedIn;
use crate::http::extract::{uuid_in_path, ApiJson};
use crate::http::{problem, HttpError, Location};
use crate::store::saved_replies::{self, SavedReplyRow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use switchboard_core::saved_replies::{
    check_edit, tidy, SavedReply, SavedReplyChange, SavedReplyEdit, SavedText, SAVED_REPLIES_PATH,
};
use switchboard_core::session::{Role, SessionAgent};
use switchboard_core::wire::{format_instant, parse_instant};

/// The routes, for [`crate::directory::routes`] to mount under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(SAVED_REPLIES_PATH, get(list))
        .route(&format!("{SAVED_REPLIES_PATH}/{{id}}"), get(one).put(put))
        .route(
            &format!("{SAVED_REPLIES_PATH}/{{id}}/history"),
            get(history),
        )
}

/// A library bigger than this is no longer something an agent can search by eye; the
/// limits keep one agent from filling the store.
const TEAM_MAX: u64 = 2_000;
const PERSONAL_MAX: u64 = 500;

/// `GET`: the team's replies and the agent's own, retired ones too (the settings page
/// shows them; the picker leaves them out), by title.
async fn list(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
) -> Result<Json<Vec<SavedReply>>, HttpError> {
    let rows = state
        .store
        .run(move |conn| Ok::<_, HttpError>(saved_replies::visible_to(conn, &agent.id)?))
        .await?;
    Ok(Json(rows.into_iter().filter_map(reply_of).collect()))
}

/// `GET /{id}`: one reply the agent may see.
async fn one(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(id): Path<String>,
) -> Result<Json<SavedReply>, HttpError> {
    let id = uuid_in_path("id", &id)?;
    let row = state
        .store
        .run(move |conn| {
            let row = saved_replies::get(conn, &id)?;
            visible(row, &agent, &id)
        })
        .await?;
    reply_of(row)
        .map(Json)
        .ok_or_else(|| HttpError::internal("a kept saved reply cannot be read"))
}

/// `GET /{id}/history`: every change, newest first.
async fn history(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(id): Path<String>,
) -> Result<Json<Vec<SavedReplyChange>>, HttpError> {
    let id = uuid_in_path("id", &id)?;
    let rows = state
        .store
        .run(move |conn| {
            visible(saved_replies::get(conn, &id)?, &agent, &id)?;
            Ok::<_, HttpError>(saved_replies::history(conn, &id)?)
        })
        .await?;
    Ok(Json(rows.into_iter().filter_map(change_of).collect()))
}

/// `PUT /{id}`: 201 with the reply when created, 200 with it when changed (or when this
/// very edit was kept already).
async fn put(
    State(state): State<AppState>,
    SignedIn(agent, _): SignedIn,
    Path(id): Path<String>,
    ApiJson(edit): ApiJson<SavedReplyEdit>,
) -> Result<(StatusCode, Json<SavedReply>), HttpError> {
    let id = uuid_in_path("id", &id)?;
    let edit = tidy(edit);
    checked(&edit)?;
    let texts = serde_json::to_string(&edit.texts).map_err(HttpError::internal)?;
    let now = format_instant(chrono::Utc::now());
    let (row, kept_now) = state
        .store
        .run(move |conn| {
            let kept = saved_replies::get(conn, &id)?;
            let next = match kept {
                None => created_row(conn, &agent, &id, &edit, &texts, &now)?,
                Some(kept) => match changed_row(&agent, kept, &edit, &texts, &now)? {
                    Change::Same(kept) => return Ok((kept, false)),
                    Change::To(next) => next,
                },
            };
            if !saved_replies::put(conn, &next)? {
                return Err(changed_meanwhile());
            }
            Ok::<_, HttpError>((next, true))
        })
        .await?;
    let status = if kept_now && row.revision == 1 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let reply = reply_of(row).ok_or_else(|| HttpError::internal("a kept reply is unreadable"))?;
    Ok((status, Json(reply)))
}

/// A new reply at revision 1, if the agent may create it and the library has room.
fn created_row(
    conn: &crate::store::Tx,
    agent: &SessionAgent,
    id: &str,
    edit: &SavedReplyEdit,
    texts: &str,
    now: &str,
) -> Result<SavedReplyRow, HttpError> {
    if edit.revision.is_some() {
        return Err(HttpError::not_found(
            "saved reply",
            Location::Path,
            "id",
            id,
        ));
    }
    let owner = edit.personal.then(|| agent.id.clone());
    if owner.is_none() {
        may_change_the_teams(agent)?;
    }
    let max = if owner.is_some() {
        PERSONAL_MAX
    } else {
        TEAM_MAX
    };
    if saved_replies::count_of(conn, owner.as_deref())? >= max {
        return Err(HttpError::unprocessable(format!(
            "This library already holds {max} saved replies: retire or change one instead."
        )));
    }
    Ok(SavedReplyRow {
        id: id.to_owned(),
        owner_id: owner,
        title: edit.title.clone(),
        texts: texts.to_owned(),
        retired: edit.retired,
        revision: 1,
        updated_by: agent.id.clone(),
        updated_at: now.to_owned(),
    })
}

enum Change {
    /// Nothing to change (a retry of an edit already kept): the reply as it is.
    Same(SavedReplyRow),
    To(SavedReplyRow),
}

/// The kept reply as this edit changes it, if the agent may change it and made the edit
/// on its current revision.
fn changed_row(
    agent: &SessionAgent,
    kept: SavedReplyRow,
    edit: &SavedReplyEdit,
    texts: &str,
    now: &str,
) -> Result<Change, HttpError> {
    let id = kept.id.clone();
    let kept = visible(Some(kept), agent, &id)?;
    if kept.owner_id.is_none() {
        may_change_the_teams(agent)?;
    }
    if edit.personal != kept.owner_id.is_some() {
        return Err(HttpError::unprocessable(
            "Whether a saved reply is personal or the team's is chosen when it is created.",
        ));
    }
    let same = kept.title == edit.title && kept.texts == texts && kept.retired == edit.retired;
    if same {
        return Ok(Change::Same(kept));
    }
    if edit.revision != Some(kept.revision) {
        return Err(changed_meanwhile());
    }
    Ok(Change::To(SavedReplyRow {
        title: edit.title.clone(),
        texts: texts.to_owned(),
        retired: edit.retired,
        revision: kept.revision + 1,
        updated_by: agent.id.clone(),
        updated_at: now.to_owned(),
        ..kept
    }))
}

/// The row if the agent may see it: the team's, or their own. Another's personal reply is
/// answered as missing, so its existence is not told either.
fn visible(
    row: Option<SavedReplyRow>,
    agent: &SessionAgent,
    id: &str,
) -> Result<SavedReplyRow, HttpError> {
    match row {
        Some(row)
            if row
                .owner_id
                .as_deref()
                .is_none_or(|owner| owner == agent.id) =>
        {
            Ok(row)
        }
        _ => Err(HttpError::not_found(
            "saved reply",
            Location::Path,
            "id",
            id,
        )),
    }
}

fn may_change_the_teams(agent: &SessionAgent) -> Result<(), HttpError> {
    if agent.role == Role::Admin {
        Ok(())
    } else {
        Err(HttpError::forbidden(
            "Only admins change the team's saved replies; you can keep personal ones.",
        ))
    }
}

fn changed_meanwhile() -> HttpError {
    HttpError::stale(
        "This saved reply was changed meanwhile: read it again, then make your change on it.",
    )
}

/// Every problem of the edit, as the form's fields name them.
fn checked(edit: &SavedReplyEdit) -> Result<(), HttpError> {
    let problems = check_edit(edit);
    if problems.is_empty() {
        return Ok(());
    }
    Err(HttpError::invalid(
        problems
            .iter()
            .map(|p| {
                // Texts are the team's own words: only their length is echoed.
                let said = match p.field().as_str() {
                    "title" => edit.title.clone(),
                    _ => format!("{} texts", edit.texts.len()),
                };
                problem(Location::Body, &p.field(), &said, p.issue())
            })
            .collect(),
    ))
}

/// A reply's id: a UUID, as the console makes them.
fn texts_of(raw: &str) -> Option<Vec<SavedText>> {
    serde_json::from_str(raw).ok()
}

fn reply_of(row: SavedReplyRow) -> Option<SavedReply> {
    Some(SavedReply {
        updated_at: parse_instant(&row.updated_at)?,
        texts: texts_of(&row.texts)?,
        id: row.id,
        title: row.title,
        owner: row.owner_id,
        retired: row.retired,
        revision: row.revision,
        updated_by: row.updated_by,
    })
}

fn change_of(row: SavedReplyRow) -> Option<SavedReplyChange> {
    Some(SavedReplyChange {
        changed_at: parse_instant(&row.updated_at)?,
        texts: texts_of(&row.texts)?,
        revision: row.revision,
        changed_by: row.updated_by,
        title: row.title,
        retired: row.retired,
    })
}
