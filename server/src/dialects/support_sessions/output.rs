//! Records become the document's shapes (core's `wire::support_sessions` DTOs): the
//! session with Switchboard's additions, the agent, and the history's entries.

use super::store::{ActorRecord, AgentRecord, HistoryRecord, SessionRecord};
use switchboard_core::wire::support_sessions::{
    ActorDto, AgentDto, HistoryEntryDto, SessionStatus, SupportDto,
};

pub fn agent(record: AgentRecord) -> AgentDto {
    AgentDto {
        id: Some(record.id),
        rating: record.rating,
    }
}

pub fn session(record: SessionRecord) -> SupportDto {
    SupportDto {
        order_id: Some(record.order_id),
        callback_phone: record.callback_phone,
        status: Some(if record.is_open {
            SessionStatus::Open
        } else {
            SessionStatus::Closed
        }),
        agent: record.agent.map(agent),
        opened_at: Some(record.opened_at),
        updated_at: Some(record.updated_at),
        closed_at: record.closed_at,
    }
}

fn actor(record: ActorRecord) -> ActorDto {
    ActorDto {
        id: Some(record.id),
        name: Some(record.name),
    }
}

pub fn history_entry(record: HistoryRecord) -> HistoryEntryDto {
    HistoryEntryDto {
        event: Some(record.event.into()),
        at: Some(record.at),
        by: record.by.map(actor),
        callback_phone: record.callback_phone,
        previous_callback_phone: record.previous_callback_phone,
        agent: record.agent.map(agent),
        previous_agent: record.previous_agent.map(agent),
    }
}
