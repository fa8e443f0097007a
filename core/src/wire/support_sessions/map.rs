//! A support session as a conversation: keyed by its order id (also its reference), open
//! without an agent, in progress with one, closed once `DELETE` is done (as
//! `shared/design` maps them). The agent and its rating become a badge, the callback phone
//! a `tel:` link; a session has no messages, and the history's entries read as sentences.

use super::dto::*;
use super::*;
use crate::domain::{BackendKind, Conversation, ConversationKey, ConversationStatus, Performer};
use crate::wire::{parse_instant, MappingError};

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// Closed whatever else; open sessions are in progress once they have an agent.
pub fn status_to_domain(status: Option<&SessionStatus>, has_agent: bool) -> ConversationStatus {
    match status {
        Some(SessionStatus::Closed) => ConversationStatus::Closed,
        Some(SessionStatus::Other(raw)) => ConversationStatus::Other(raw.clone()),
        Some(SessionStatus::Open) | None if has_agent => ConversationStatus::InProgress,
        Some(SessionStatus::Open) | None => ConversationStatus::Open,
    }
}

/// "driver-amadou · rating ≥ 4.5": the agent's id, and its rating as a person reads it (a
/// malformed rating shows as it came).
pub fn agent_label(agent: &AgentDto) -> Option<String> {
    let id = non_empty(agent.id.as_deref())?;
    Some(match non_empty(agent.rating.as_deref()) {
        Some(rating) => {
            let shown = parse_rating(rating).map_or_else(|_| rating.to_owned(), |r| r.to_string());
            format!("{id} · rating {shown}")
        }
        None => id.to_owned(),
    })
}

/// The session as the console lists it. `backend` is the backend's name from discovery.
pub fn session_to_domain(backend: &str, dto: &SupportDto) -> Result<Conversation, MappingError> {
    let order_id = non_empty(dto.order_id.as_deref()).ok_or(MappingError {
        record: "support session",
        field: "order_id",
    })?;
    let agent = dto.agent.as_ref().and_then(agent_label);
    let last_activity = [&dto.updated_at, &dto.closed_at, &dto.opened_at]
        .into_iter()
        .filter_map(|at| at.as_deref().and_then(parse_instant))
        .max();
    Ok(Conversation {
        key: ConversationKey::new(backend, order_id),
        backend_kind: BackendKind::SupportSessions,
        customer: non_empty(dto.callback_phone.as_deref())
            .unwrap_or(order_id)
            .to_owned(),
        subject: Some(format!("Support for order {order_id}")),
        reference: Some(order_id.to_owned()),
        status: status_to_domain(dto.status.as_ref(), agent.is_some()),
        assignee: None,
        participants: dto
            .agent
            .as_ref()
            .and_then(|a| non_empty(a.id.as_deref()))
            .map(str::to_owned)
            .into_iter()
            .collect(),
        last_message: None,
        last_activity,
        capabilities: CAPABILITIES,
        customer_name: None,
        reason: None,
        badges: agent.into_iter().map(|a| format!("Agent {a}")).collect(),
        unread: None,
        reply_recipients: Vec::new(),
        callback_phone: non_empty(dto.callback_phone.as_deref()).map(str::to_owned),
        performer: dto.agent.as_ref().and_then(|a| {
            non_empty(a.id.as_deref()).map(|id| Performer {
                id: id.to_owned(),
                rating: non_empty(a.rating.as_deref()).map(str::to_owned),
            })
        }),
        assigned_to: None,
        other_fields: Vec::new(),
        channel: None,
    })
}

/// One history entry as a sentence: "Camille Laurent changed the callback phone from
/// +33612345678 to +33698765432."
pub fn history_line(entry: &HistoryEntryDto) -> String {
    let who = entry
        .by
        .as_ref()
        .and_then(|by| non_empty(by.name.as_deref()).or(non_empty(by.id.as_deref())))
        .unwrap_or("Someone");
    let phone = |p: &Option<String>| non_empty(p.as_deref()).unwrap_or("none").to_owned();
    let agent = |a: &Option<AgentDto>| {
        a.as_ref()
            .and_then(agent_label)
            .unwrap_or_else(|| "none".to_owned())
    };
    let what = match &entry.event {
        Some(HistoryEvent::Opened) => match non_empty(entry.callback_phone.as_deref()) {
            Some(number) => format!("opened the session, callback phone {number}"),
            None => "opened the session".to_owned(),
        },
        Some(HistoryEvent::CallbackPhoneChanged) => format!(
            "changed the callback phone from {} to {}",
            phone(&entry.previous_callback_phone),
            phone(&entry.callback_phone)
        ),
        Some(HistoryEvent::AgentSet) => format!("set the agent: {}", agent(&entry.agent)),
        Some(HistoryEvent::AgentChanged) => format!(
            "changed the agent from {} to {}",
            agent(&entry.previous_agent),
            agent(&entry.agent)
        ),
        Some(HistoryEvent::AgentRemoved) => {
            format!("removed the agent {}", agent(&entry.previous_agent))
        }
        Some(HistoryEvent::Closed) => "closed the session".to_owned(),
        Some(HistoryEvent::Other(raw)) => format!("did “{raw}”"),
        None => "made a change".to_owned(),
    };
    format!("{who} {what}.")
}
