//! What each write may do to a session, and the history entry it leaves: pure functions of
//! the stored session (`None` when the order never had one), the checked request, the
//! signed-in agent and the instant. The handlers load, call one of these, and save.
//!
//! Refusals: opening an open session, and closing or changing a closed one, are **409**;
//! an order that never had a session is **404** (for `POST`: never, it opens one);
//! removing an agent from a session without one is **404**. A change to the same value
//! answers the session and leaves no history entry.

use super::store::{ActorRecord, AgentRecord, HistoryRecord, SessionRecord};
use crate::http::{problem, HttpError, Kind, Location};
use axum::http::StatusCode;
use switchboard_core::wire::support_sessions::HistoryEvent;

/// The result of a write: the session to save, and the history entry to add (none when
/// nothing changed).
pub type Changed = (SessionRecord, Option<HistoryRecord>);

/// The path's order id, as refusals name it.
pub const ORDER_ID: &str = "orderId";

/// 409 for a request that contradicts the session's state, naming the order.
pub fn conflict(order_id: &str, issue: &str, message: String) -> HttpError {
    HttpError {
        status: StatusCode::CONFLICT,
        kind: Kind::Invalid,
        message,
        problems: vec![problem(Location::Path, ORDER_ID, order_id, issue)],
        internal_cause: None,
        retry_after_secs: None,
    }
}

/// 404 for an order without a session.
pub fn no_session(order_id: &str) -> HttpError {
    let mut error = HttpError::not_found("support session", Location::Path, ORDER_ID, order_id);
    error.message = format!(
        "Order “{}” has no support session: open one with POST.",
        error.problems[0].value
    );
    error.problems[0].issue = "has no support session".to_owned();
    error
}

/// 404 for a session without an agent.
pub fn no_agent(order_id: &str) -> HttpError {
    let mut error = HttpError::not_found("agent", Location::Path, "agent", "");
    error.message = format!(
        "The support session of order “{order_id}” has no agent: set one with PUT …/agent."
    );
    error.problems[0].issue = "is not set on this session".to_owned();
    error
}

fn closed(session: &SessionRecord, what: &str) -> HttpError {
    conflict(
        &session.order_id,
        "has a closed support session",
        format!(
            "The support session of order “{}” is closed: {what} needs an open session. Open it \
             again with POST first.",
            session.order_id
        ),
    )
}

/// An entry of `event` by `actor` at `now`, its fields still empty.
pub(super) fn entry(event: HistoryEvent, actor: &ActorRecord, now: &str) -> HistoryRecord {
    HistoryRecord {
        event: event.to_string(),
        at: now.to_owned(),
        by: Some(actor.clone()),
        callback_phone: None,
        previous_callback_phone: None,
        agent: None,
        previous_agent: None,
    }
}

/// `POST`: a new session, or the order's closed one opened again (with the phone given,
/// else the one it had, and no agent). An open one is a 409.
pub fn open(
    existing: Option<SessionRecord>,
    order_id: &str,
    phone: Option<String>,
    actor: &ActorRecord,
    now: &str,
) -> Result<Changed, HttpError> {
    if let Some(session) = &existing {
        if session.is_open {
            return Err(conflict(
                order_id,
                "already has an open support session",
                format!(
                    "The support session of order “{order_id}” is already open: read it with GET, \
                     change it with PUT."
                ),
            ));
        }
    }
    let callback_phone = phone.or_else(|| existing.and_then(|s| s.callback_phone));
    let session = SessionRecord {
        order_id: order_id.to_owned(),
        callback_phone: callback_phone.clone(),
        agent: None,
        is_open: true,
        opened_at: now.to_owned(),
        updated_at: now.to_owned(),
        closed_at: None,
    };
    let history = HistoryRecord {
        callback_phone,
        ..entry(HistoryEvent::Opened, actor, now)
    };
    Ok((session, Some(history)))
}

/// `PUT`: the callback phone set (`Some`) or removed (`None`).
pub fn change_phone(
    mut session: SessionRecord,
    phone: Option<String>,
    actor: &ActorRecord,
    now: &str,
) -> Result<Changed, HttpError> {
    if !session.is_open {
        return Err(closed(&session, "changing it"));
    }
    if session.callback_phone == phone {
        return Ok((session, None));
    }
    let history = HistoryRecord {
        callback_phone: phone.clone(),
        previous_callback_phone: session.callback_phone.take(),
        ..entry(HistoryEvent::CallbackPhoneChanged, actor, now)
    };
    session.callback_phone = phone;
    session.updated_at = now.to_owned();
    Ok((session, Some(history)))
}

/// `DELETE`: closes an open session; a closed one is a 409.
pub fn close(
    mut session: SessionRecord,
    actor: &ActorRecord,
    now: &str,
) -> Result<Changed, HttpError> {
    if !session.is_open {
        return Err(conflict(
            &session.order_id,
            "has no open support session",
            format!(
                "The support session of order “{}” is not open: it was closed at {}.",
                session.order_id,
                session.closed_at.as_deref().unwrap_or("an unknown time")
            ),
        ));
    }
    session.is_open = false;
    session.closed_at = Some(now.to_owned());
    session.updated_at = now.to_owned();
    Ok((session, Some(entry(HistoryEvent::Closed, actor, now))))
}

/// `PUT …/agent`: sets the agent, or replaces it.
pub fn set_agent(
    mut session: SessionRecord,
    agent: AgentRecord,
    actor: &ActorRecord,
    now: &str,
) -> Result<Changed, HttpError> {
    if !session.is_open {
        return Err(closed(&session, "setting its agent"));
    }
    if session.agent.as_ref() == Some(&agent) {
        return Ok((session, None));
    }
    let event = if session.agent.is_some() {
        HistoryEvent::AgentChanged
    } else {
        HistoryEvent::AgentSet
    };
    let history = HistoryRecord {
        agent: Some(agent.clone()),
        previous_agent: session.agent.take(),
        ..entry(event, actor, now)
    };
    session.agent = Some(agent);
    session.updated_at = now.to_owned();
    Ok((session, Some(history)))
}

/// `DELETE …/agent`: removes the agent; none is a 404.
pub fn remove_agent(
    mut session: SessionRecord,
    actor: &ActorRecord,
    now: &str,
) -> Result<Changed, HttpError> {
    if !session.is_open {
        return Err(closed(&session, "removing its agent"));
    }
    let Some(previous) = session.agent.take() else {
        return Err(no_agent(&session.order_id));
    };
    session.updated_at = now.to_owned();
    let history = HistoryRecord {
        previous_agent: Some(previous),
        ..entry(HistoryEvent::AgentRemoved, actor, now)
    };
    Ok((session, Some(history)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: &str = "2026-11-25T09:00:00.000Z";
    const T1: &str = "2026-11-25T10:00:00.000Z";

    fn actor() -> ActorRecord {
        ActorRecord {
            id: "agent-camille".into(),
            name: "Camille Laurent".into(),
        }
    }

    fn driver(id: &str) -> AgentRecord {
        AgentRecord {
            id: id.into(),
            rating: Some("gte 4".into()),
        }
    }

    fn opened() -> SessionRecord {
        open(None, "RIDE-1", Some("+33612345678".into()), &actor(), T0)
            .unwrap()
            .0
    }

    #[test]
    fn a_session_opens_once_and_again_after_closing() {
        let (session, history) = open(None, "RIDE-1", None, &actor(), T0).unwrap();
        assert!(session.is_open);
        assert_eq!(history.unwrap().event, "opened");
        let twice = open(Some(session.clone()), "RIDE-1", None, &actor(), T1).unwrap_err();
        assert_eq!(twice.status, StatusCode::CONFLICT);
        assert_eq!(twice.problems[0].field, ORDER_ID);

        let mut with_agent = set_agent(opened(), driver("d-1"), &actor(), T0).unwrap().0;
        with_agent = close(with_agent, &actor(), T0).unwrap().0;
        let (again, _) = open(Some(with_agent), "RIDE-1", None, &actor(), T1).unwrap();
        assert!(again.is_open);
        assert_eq!(again.callback_phone.as_deref(), Some("+33612345678"));
        assert_eq!(again.agent, None, "a new session starts without an agent");
        assert_eq!(again.closed_at, None);
        assert_eq!(again.opened_at, T1);
    }

    #[test]
    fn closed_sessions_refuse_changes_and_a_second_close() {
        let (session, history) = close(opened(), &actor(), T1).unwrap();
        assert_eq!(history.unwrap().event, "closed");
        assert_eq!(session.closed_at.as_deref(), Some(T1));
        for error in [
            close(session.clone(), &actor(), T1).unwrap_err(),
            change_phone(session.clone(), None, &actor(), T1).unwrap_err(),
            set_agent(session.clone(), driver("d"), &actor(), T1).unwrap_err(),
            remove_agent(session.clone(), &actor(), T1).unwrap_err(),
        ] {
            assert_eq!(error.status, StatusCode::CONFLICT, "{error}");
            assert!(error.message.contains("RIDE-1"), "{error}");
        }
    }

    #[test]
    fn changes_are_recorded_with_what_they_replaced() {
        let (session, history) =
            change_phone(opened(), Some("+34600111222".into()), &actor(), T1).unwrap();
        let history = history.unwrap();
        assert_eq!(history.event, "callback_phone_changed");
        assert_eq!(
            history.previous_callback_phone.as_deref(),
            Some("+33612345678")
        );
        assert_eq!(history.callback_phone.as_deref(), Some("+34600111222"));
        assert_eq!(session.updated_at, T1);
        let (_, same) =
            change_phone(session.clone(), Some("+34600111222".into()), &actor(), T1).unwrap();
        assert!(same.is_none(), "nothing changed, nothing recorded");

        let (session, set) = set_agent(session, driver("d-1"), &actor(), T1).unwrap();
        assert_eq!(set.unwrap().event, "agent_set");
        let (session, changed) = set_agent(session, driver("d-2"), &actor(), T1).unwrap();
        let changed = changed.unwrap();
        assert_eq!(changed.event, "agent_changed");
        assert_eq!(changed.previous_agent, Some(driver("d-1")));
        let (session, removed) = remove_agent(session, &actor(), T1).unwrap();
        assert_eq!(removed.unwrap().previous_agent, Some(driver("d-2")));
        let none = remove_agent(session, &actor(), T1).unwrap_err();
        assert_eq!(none.status, StatusCode::NOT_FOUND);
        assert_eq!(none.problems[0].field, "agent");
    }
}
