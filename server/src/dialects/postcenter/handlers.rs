//! PostCenter's handlers, one per service of `postcenter-tickets-v2.txt` as
//! `docs/backends/postcenter.md` routes them (the vendor's; Switchboard's demo media are in
//! [`super::ours`]): each checks its request (`input`), runs its store work in one
//! transaction (`store`), and shapes the answer (`output`).

use super::assign;
use super::store::{self, RangeQuery, TicketRecord};
use super::{input, output};
use crate::http::extract::{PathId, QueryParams};
use crate::http::HttpError;
use crate::store::Tx;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use chrono::Utc;
use switchboard_core::wire::format_instant;
use switchboard_core::wire::postcenter::{
    MessagesDto, PossibleAgentDto, State as TicketState, StatusMessageDto, TicketDto, TicketIdDto,
    TicketIdsDto, TicketPageDto, TicketsDto, PAGE_SIZE,
};

fn load(conn: &Tx, id: &str) -> Result<TicketRecord, HttpError> {
    store::get_ticket(conn, id)?.ok_or_else(|| input::no_ticket(id))
}

/// "Detalle de un ticket" (`GET /v2/ticket/{ticket_id}/`).
pub async fn get_ticket(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<TicketDto>, HttpError> {
    let id = input::ticket_id(&raw)?;
    let ticket = state.store.run(move |conn| load(conn, &id)).await?;
    Ok(Json(output::detail(ticket)?))
}

/// "Mensajes de un ticket" (`GET /v2/ticket/{ticket_id}/messages/`): newest first.
pub async fn get_messages(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<MessagesDto>, HttpError> {
    let id = input::ticket_id(&raw)?;
    let messages = state
        .store
        .run(move |conn| {
            load(conn, &id)?;
            Ok::<_, HttpError>(store::messages_of(conn, &id)?)
        })
        .await?;
    Ok(Json(output::messages(messages)?))
}

/// "Cerrar ticket" (`POST /v2/ticket/{ticket_id}/close/`): closing a closed ticket is
/// also `Ok`, so a retry after a lost answer is harmless.
pub async fn close_ticket(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<StatusMessageDto>, HttpError> {
    let id = input::ticket_id(&raw)?;
    let now = format_instant(Utc::now());
    state
        .store
        .run(move |conn| {
            let ticket = load(conn, &id)?;
            if ticket.state != TicketState::Closed.as_str() {
                store::set_state(conn, &id, TicketState::Closed.as_str(), &now)?;
            }
            Ok::<_, HttpError>(())
        })
        .await?;
    Ok(Json(output::ok()))
}

/// "Reasignar ticket" (`POST /v2/ticket/{ticket_id}/reassign/`): assigns the agent
/// `get_possible_agent` names; 409 on a closed ticket or when no agent is online.
pub async fn reassign_ticket(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<StatusMessageDto>, HttpError> {
    let id = input::ticket_id(&raw)?;
    let now = format_instant(Utc::now());
    state
        .store
        .run(move |conn| {
            let ticket = load(conn, &id)?;
            if ticket.state == TicketState::Closed.as_str() {
                let message = format!(
                    "Ticket #{} is closed: it cannot be reassigned.",
                    ticket.identifier
                );
                return Err(input::conflict(&id, message));
            }
            let pick = possible(conn, &ticket)?;
            let cm = pick.cm.ok_or_else(|| {
                input::conflict(
                    &id,
                    format!(
                        "{}: ticket #{} keeps its assignee.",
                        pick.reason, ticket.identifier
                    ),
                )
            })?;
            store::set_cm(conn, &id, cm.cmid, &now)?;
            Ok(())
        })
        .await?;
    Ok(Json(output::ok()))
}

fn possible(conn: &Tx, ticket: &TicketRecord) -> Result<assign::Pick, HttpError> {
    let online = store::online_cms_by_workload(conn, &ticket.channel)?;
    let current = ticket.cm.as_ref().map(|cm| cm.cmid);
    Ok(assign::pick(&ticket.channel, current, online))
}

/// "Obtener ticket interno desde el id visible por ejecutivos"
/// (`GET` or `POST /v2/ticket/{agent_ticket_id}/by_agent_id/`: the document says POST and
/// shows a GET).
pub async fn by_agent_id(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<TicketIdDto>, HttpError> {
    let number = input::agent_ticket_id(&raw)?;
    let id = state
        .store
        .run(move |conn| {
            store::id_by_identifier(conn, number)?.ok_or_else(|| {
                HttpError::not_found(
                    "ticket",
                    crate::http::Location::Path,
                    "agent_ticket_id",
                    &number.to_string(),
                )
            })
        })
        .await?;
    Ok(Json(output::ticket_id(id)))
}

/// "Obtener un ejecutivo disponible para atender un ticket"
/// (`GET /v2/ticket/{ticket_id}/get_possible_agent/`): `cm` null when nobody is online.
pub async fn get_possible_agent(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<PossibleAgentDto>, HttpError> {
    let id = input::ticket_id(&raw)?;
    let pick = state
        .store
        .run(move |conn| {
            let ticket = load(conn, &id)?;
            possible(conn, &ticket)
        })
        .await?;
    Ok(Json(output::possible_agent(pick)))
}

/// "Tickets de clientes" (`GET /v2/tickets/?country_id=`): newest first.
pub async fn customer_tickets(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<TicketsDto>, HttpError> {
    let country_id = input::country_id(&query)?;
    let tickets = state
        .store
        .run(move |conn| store::tickets_of_country(conn, &country_id))
        .await?;
    Ok(Json(output::tickets(tickets)?))
}

/// "Tickets asociados a un usuario de Facebook"
/// (`GET /v2/tickets/facebook/?page_id=&uid=`): newest first.
pub async fn facebook_tickets(
    State(state): State<AppState>,
    query: QueryParams,
) -> Result<Json<TicketsDto>, HttpError> {
    let (page_id, uid) = input::facebook_user(&query)?;
    let tickets = state
        .store
        .run(move |conn| store::tickets_of_facebook_user(conn, &page_id, &uid))
        .await?;
    Ok(Json(output::tickets(tickets)?))
}

/// "Tickets filtrados por estado" (`GET /v2/tickets/state/{state}`): ids, newest first;
/// a word not listed is the document's `Non-existent status` 404.
pub async fn tickets_in_state(
    State(state): State<AppState>,
    PathId(raw): PathId,
) -> Result<Json<TicketIdsDto>, HttpError> {
    let wanted = input::state(&raw)?;
    let ids = state
        .store
        .run(move |conn| store::ids_in_state(conn, wanted.as_str()))
        .await?;
    Ok(Json(output::ids(ids)))
}

/// "Tickets filtrados por canal y rango de fechas (Paginado | 100)"
/// (`GET /v2/tickets/paginated/{social_network}/?from=&to=&next=`): pages of
/// [`PAGE_SIZE`], newest first; `next_page` is the id of the next page's first ticket.
pub async fn paginated(
    State(state): State<AppState>,
    PathId(channel): PathId,
    query: QueryParams,
) -> Result<Json<TicketPageDto>, HttpError> {
    let range = input::range(&query)?;
    let (tickets, next) = state
        .store
        .run(move |conn| {
            let mut query = RangeQuery {
                channel: channel.clone(),
                from: range.from.clone(),
                to: range.to.clone(),
                after: None,
                limit: PAGE_SIZE + 1,
            };
            if let Some(next) = &range.next {
                let cursor = store::ticket_in_range(conn, &query, next)?;
                query.after = Some(cursor.ok_or_else(|| input::unknown_cursor(next))?);
            }
            let mut tickets = store::tickets_in_range(conn, &query)?;
            let next = tickets.get(PAGE_SIZE).map(|t| t.id.clone());
            tickets.truncate(PAGE_SIZE);
            Ok::<_, HttpError>((tickets, next))
        })
        .await?;
    Ok(Json(output::page(tickets, next)?))
}
