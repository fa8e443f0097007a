//! A support session as a conversation: keyed by its order id (also its reference), open
//! without an agent, in progress with one, closed once `DELETE` is done (as
//! `shared/design` maps them). The agent and its rating become a badge, the callback phone
//! a `tel:` link; a session has no messages, and the history's entries read as sentences.

use super::dto::*;
use super::*;
use crate::domain::{BackendKind, Conversation, ConversationKey, ConversationStatus, Performer};
use crate::i18n::{text, text_with, Args, Lang, Say};
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

/// "driver-amadou · rating ≥ 4.5": the agent's id, and its rating as a person reads it in
/// `lang` (a malformed rating shows as it came).
pub fn agent_label(agent: &AgentDto, lang: Lang) -> Option<String> {
    let id = non_empty(agent.id.as_deref())?;
    Some(match non_empty(agent.rating.as_deref()) {
        Some(rating) => {
            let shown = parse_rating(rating).map_or_else(|_| rating.to_owned(), |r| r.say(lang));
            let args = Args::new().str("id", id).str("rating", shown);
            text_with(lang, msg!("session-agent-with-rating"), &args)
        }
        None => id.to_owned(),
    })
}

/// The subject of an order's session: "Support for order RIDE-2611-4821".
pub fn session_subject(order_id: &str, lang: Lang) -> String {
    let args = Args::new().str("order", order_id);
    text_with(lang, msg!("session-subject"), &args)
}

/// Why a support session's reply box is not offered, in `lang`.
pub fn no_messages(lang: Lang) -> String {
    text(lang, msg!("session-no-messages"))
}

/// The session as the console lists it, its words in `lang`. `backend` is the backend's name
/// from discovery.
pub fn session_to_domain(
    backend: &str,
    dto: &SupportDto,
    lang: Lang,
) -> Result<Conversation, MappingError> {
    let order_id = non_empty(dto.order_id.as_deref()).ok_or(MappingError {
        record: "support session",
        field: "order_id",
    })?;
    let agent = dto.agent.as_ref().and_then(|a| agent_label(a, lang));
    let status = status_to_domain(dto.status.as_ref(), agent.is_some());
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
        subject: Some(session_subject(order_id, lang)),
        reference: Some(order_id.to_owned()),
        status: status.clone(),
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
        badges: agent
            .into_iter()
            .map(|a| {
                text_with(
                    lang,
                    msg!("session-agent-badge"),
                    &Args::new().str("agent", a),
                )
            })
            .collect(),
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
        // A session open without an agent waits for one since it was opened.
        awaiting_since: (status == ConversationStatus::Open)
            .then(|| dto.opened_at.as_deref().and_then(parse_instant))
            .flatten(),
    })
}

/// One history entry as a sentence in `lang`: "Camille Laurent changed the callback phone
/// from +33612345678 to +33698765432." An event this console does not know shows as it came.
pub fn history_line(entry: &HistoryEntryDto, lang: Lang) -> String {
    let who = entry
        .by
        .as_ref()
        .and_then(|by| non_empty(by.name.as_deref()).or(non_empty(by.id.as_deref())))
        .map_or_else(
            || text(lang, msg!("session-history-someone")),
            str::to_owned,
        );
    let phone = |p: &Option<String>| match non_empty(p.as_deref()) {
        Some(number) => number.to_owned(),
        None => text(lang, msg!("session-history-no-phone")),
    };
    let agent = |a: &Option<AgentDto>| match a.as_ref().and_then(|a| agent_label(a, lang)) {
        Some(label) => label,
        None => text(lang, msg!("session-history-no-agent")),
    };
    let args = Args::new().str("who", who);
    let (id, args) = match &entry.event {
        Some(HistoryEvent::Opened) => match non_empty(entry.callback_phone.as_deref()) {
            Some(number) => (
                msg!("session-history-opened-with-phone"),
                args.str("phone", number),
            ),
            None => (msg!("session-history-opened"), args),
        },
        Some(HistoryEvent::CallbackPhoneChanged) => (
            msg!("session-history-phone-changed"),
            args.str("from", phone(&entry.previous_callback_phone))
                .str("to", phone(&entry.callback_phone)),
        ),
        Some(HistoryEvent::AgentSet) => (
            msg!("session-history-agent-set"),
            args.str("agent", agent(&entry.agent)),
        ),
        Some(HistoryEvent::AgentChanged) => (
            msg!("session-history-agent-changed"),
            args.str("from", agent(&entry.previous_agent))
                .str("to", agent(&entry.agent)),
        ),
        Some(HistoryEvent::AgentRemoved) => (
            msg!("session-history-agent-removed"),
            args.str("agent", agent(&entry.previous_agent)),
        ),
        Some(HistoryEvent::Closed) => (msg!("session-history-closed"), args),
        Some(HistoryEvent::Other(raw)) => (
            msg!("session-history-other"),
            args.str("event", raw.as_str()),
        ),
        None => (msg!("session-history-changed"), args),
    };
    text_with(lang, id, &args)
}
