//! PostCenter's answers, shaped from the store's records into core's own types, so the
//! console reads exactly what is written here: the ticket's three shapes (detail, a
//! customer's list, the paginated list), the messages, and the small `status` bodies.
//! A field the document shows as `null` (no subject) is written as `null`; one it always
//! shows as an object (the assignee) is that object, its fields `null` when there is none.

use super::assign::Pick;
use super::store::{CmRecord, MessageRecord, TicketRecord};
use crate::http::HttpError;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::BTreeMap;
use switchboard_core::lenient::Lenient;
use switchboard_core::wire::parse_instant;
use switchboard_core::wire::postcenter::{
    format_detail_time, format_list_time, AssignationDto, CmDto, Identifier, MessageDto,
    MessagesDto, PossibleAgentDto, State, StatusMessageDto, TicketDto, TicketIdDto, TicketIdsDto,
    TicketPageDto, TicketsDto,
};

/// Every successful body says `"status": 200`, as the document's do.
pub const OK: u16 = 200;

fn instant(stored: &str) -> Result<DateTime<Utc>, HttpError> {
    parse_instant(stored).ok_or_else(|| HttpError::internal(format!("stored instant {stored:?}")))
}

/// `null` on the wire: the document writes absent values so.
fn null<T>() -> Option<Lenient<T>> {
    Some(Lenient::Odd(Value::Null))
}

fn text_or_null(value: Option<String>) -> Option<Lenient<String>> {
    value.map(Lenient::from).or_else(null)
}

/// The document always shows `current_assignment` as an object: a ticket nobody has is
/// that object with its fields `null` (the connector reads a bare `null` too).
fn assignment(cm: Option<CmRecord>) -> Option<Lenient<CmDto>> {
    Some(Lenient::from(match cm {
        Some(cm) => CmDto {
            cmid: Some(cm.cmid.into()),
            name: Some(cm.name.into()),
            email: cm.email.map(Lenient::from),
        },
        None => CmDto {
            cmid: null(),
            name: null(),
            email: null(),
        },
    }))
}

/// The fields the detail and the customer's list share.
fn summary(record: TicketRecord) -> Result<TicketDto, HttpError> {
    Ok(TicketDto {
        id: Some(record.id.into()),
        created: Some(format_detail_time(instant(&record.created_at)?).into()),
        updated_time: Some(format_detail_time(instant(&record.updated_at)?).into()),
        current_assignment: assignment(record.cm),
        is_closed: Some((record.state == State::Closed.as_str()).into()),
        last_author: text_or_null(record.last_author),
        last_content: text_or_null(record.last_content),
        social_network: Some(record.channel.into()),
        ..TicketDto::default()
    })
}

/// `GET /v2/ticket/{ticket_id}/`: `identifier` a string, the email's `subject`.
pub fn detail(record: TicketRecord) -> Result<TicketDto, HttpError> {
    let identifier = Identifier::Text(record.identifier.to_string());
    let subject = text_or_null(record.subject.clone());
    Ok(TicketDto {
        identifier: Some(identifier.into()),
        subject,
        ..summary(record)?
    })
}

/// One ticket of a customer's list: `identifier` a number, the email's `title`.
pub fn listed(record: TicketRecord) -> Result<TicketDto, HttpError> {
    let identifier = Identifier::Number(u64::try_from(record.identifier).unwrap_or_default());
    let title = text_or_null(record.subject.clone());
    Ok(TicketDto {
        identifier: Some(identifier.into()),
        title,
        ..summary(record)?
    })
}

/// A customer's (or a Facebook user's) tickets.
pub fn tickets(records: Vec<TicketRecord>) -> Result<TicketsDto, HttpError> {
    Ok(TicketsDto {
        status: Some(OK),
        tickets: records
            .into_iter()
            .map(|r| listed(r).map(Lenient::from))
            .collect::<Result<_, _>>()?,
    })
}

/// One ticket of the paginated list: the Spanish state word and the list's times.
pub fn paged(record: TicketRecord) -> Result<TicketDto, HttpError> {
    let identifier = Identifier::Number(u64::try_from(record.identifier).unwrap_or_default());
    Ok(TicketDto {
        status: Some(State::from(record.state).spanish().to_owned().into()),
        updated_datetime: Some(format_list_time(instant(&record.updated_at)?).into()),
        created_datetime: Some(format_list_time(instant(&record.created_at)?).into()),
        social_network: Some(record.channel.into()),
        identifier: Some(identifier.into()),
        id: Some(record.id.into()),
        other: BTreeMap::new(),
        ..TicketDto::default()
    })
}

/// One page of the range; `next_page` the cursor of the next one, if any.
pub fn page(records: Vec<TicketRecord>, next: Option<String>) -> Result<TicketPageDto, HttpError> {
    let tickets: Vec<Lenient<TicketDto>> = records
        .into_iter()
        .map(|r| paged(r).map(Lenient::from))
        .collect::<Result<_, _>>()?;
    Ok(TicketPageDto {
        number_of_tickets: Some(u32::try_from(tickets.len()).unwrap_or(u32::MAX)),
        tickets,
        status: Some(OK),
        next_page: next,
    })
}

/// The ids of the tickets in a state.
pub fn ids(ids: Vec<String>) -> TicketIdsDto {
    TicketIdsDto {
        tickets: ids.into_iter().map(Lenient::from).collect(),
        status: Some(OK),
    }
}

fn message(record: MessageRecord) -> Result<MessageDto, HttpError> {
    Ok(MessageDto {
        content: Some(record.content.into()),
        author_id: Some(record.author_id.into()),
        author_name: Some(record.author_name.into()),
        author_account: Some(record.author_account.into()),
        created: Some(
            instant(&record.created_at)?
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string()
                .into(),
        ),
        media: record.media.map(Lenient::from),
        other: BTreeMap::new(),
    })
}

/// A ticket's messages, in the order given (newest first).
pub fn messages(records: Vec<MessageRecord>) -> Result<MessagesDto, HttpError> {
    Ok(MessagesDto {
        status: Some(OK),
        messages: records
            .into_iter()
            .map(|r| message(r).map(Lenient::from))
            .collect::<Result<_, _>>()?,
    })
}

/// `{"status": 200, "message": "Ok"}`.
pub fn ok() -> StatusMessageDto {
    StatusMessageDto {
        status: Some(OK),
        message: Some("Ok".to_owned()),
    }
}

pub fn ticket_id(id: String) -> TicketIdDto {
    TicketIdDto {
        status: Some(OK),
        ticket_id: Some(id),
    }
}

pub fn possible_agent(pick: Pick) -> PossibleAgentDto {
    PossibleAgentDto {
        status: Some(OK),
        assignation: Some(AssignationDto {
            cm: pick.cm.map(|cm| cm.cmid),
            reason: Some(pick.reason),
        }),
    }
}
