//! The history over a forwarded support-sessions API. Embedded, each write records its
//! entry as it rides along ([`super::super::handlers`]); forwarded, the vendor does the
//! write and keeps no history, so once it accepted one (a 2xx) the entry is recorded here,
//! from the method and path, the vendor's answer (the session after the write) and what we
//! knew of the session before: our last copy of it, kept in the sessions' table so the
//! history route ([`super::history`]) reads forwarded orders as embedded ones. The actor is
//! the signed-in agent, and the order joins the followed items, as embedded.

use super::super::changes::entry;
use super::super::handlers::{API_CLIENT_ID, API_CLIENT_NAME};
use super::super::store::{self, ActorRecord, AgentRecord, HistoryRecord, SessionRecord};
use super::super::NAME;
use crate::dialects::after_forward::{read_whole, rebuilt, Forwarded};
use crate::http::HttpError;
use crate::store::follows;
use crate::AppState;
use axum::http::Method;
use axum::response::Response;
use futures_util::future::BoxFuture;
use switchboard_core::wire::format_instant;
use switchboard_core::wire::support_sessions::{HistoryEvent, SupportDto};

/// The document's writes, as their method and path name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Write {
    Open,
    ChangePhone,
    Close,
    SetAgent,
    RemoveAgent,
}

impl Write {
    /// The write `seen` is, and its order id; `None` for a read or another path.
    fn of(seen: &Forwarded) -> Option<(Write, String)> {
        let segments = seen.segments();
        let (order_id, rest) = match segments.as_slice() {
            [first, order] if first == "support" => (order, None),
            [first, order, last] if first == "support" => (order, Some(last.as_str())),
            _ => return None,
        };
        let write = match (&seen.method, rest) {
            (&Method::POST, None) => Write::Open,
            (&Method::PUT, None) => Write::ChangePhone,
            (&Method::DELETE, None) => Write::Close,
            (&Method::PUT, Some("agent")) => Write::SetAgent,
            (&Method::DELETE, Some("agent")) => Write::RemoveAgent,
            _ => return None,
        };
        Some((write, order_id.trim().to_owned()))
    }
}

/// The support sessions' hook after a forward: a write the vendor accepted is recorded.
pub fn after_forward(
    state: AppState,
    seen: Forwarded,
    answer: Response,
) -> BoxFuture<'static, Response> {
    Box::pin(async move {
        let Some((write, order_id)) = Write::of(&seen) else {
            return answer;
        };
        if !answer.status().is_success() {
            return answer;
        }
        let (parts, body) = match read_whole(answer).await {
            Ok(read) => read,
            Err(refused) => return refused,
        };
        let after = serde_json::from_slice::<SupportDto>(&body).unwrap_or_default();
        let actor = match seen.agent {
            Some(agent) => ActorRecord {
                id: agent.id,
                name: agent.name,
            },
            None => ActorRecord {
                id: API_CLIENT_ID.to_owned(),
                name: API_CLIENT_NAME.to_owned(),
            },
        };
        let now = format_instant(chrono::Utc::now());
        let kept = state
            .store
            .run(move |conn| {
                let known = store::get_session(conn, &order_id)?;
                let (session, history) = recorded(write, known, &after, &order_id, &actor, &now);
                store::save_session(conn, &session)?;
                if let Some(entry) = history {
                    store::insert_history(conn, &order_id, &entry)?;
                }
                follows::follow(conn, NAME, &order_id, &now, None)?;
                Ok::<_, HttpError>(())
            })
            .await;
        // The vendor did the write: its answer stands even when our record of it failed.
        if let Err(error) = kept {
            tracing::warn!(backend = NAME, error = %error.message, "history not recorded");
        }
        rebuilt(parts, body)
    })
}

/// Our copy of the session after `write`, and its history entry (none when nothing
/// changed), from what we knew before and the vendor's answer.
fn recorded(
    write: Write,
    known: Option<SessionRecord>,
    after: &SupportDto,
    order_id: &str,
    actor: &ActorRecord,
    now: &str,
) -> (SessionRecord, Option<HistoryRecord>) {
    let mut session = known.clone().unwrap_or_else(|| SessionRecord {
        order_id: order_id.to_owned(),
        callback_phone: None,
        agent: None,
        is_open: true,
        opened_at: now.to_owned(),
        updated_at: now.to_owned(),
        closed_at: None,
    });
    session.updated_at = after.updated_at.clone().unwrap_or_else(|| now.to_owned());
    let agent_after = after.agent.as_ref().and_then(|agent| {
        Some(AgentRecord {
            id: agent.id.clone()?,
            rating: agent.rating.clone(),
        })
    });
    let entry = |event| entry(event, actor, now);
    let history = match write {
        Write::Open => {
            session.is_open = true;
            session.opened_at = after.opened_at.clone().unwrap_or_else(|| now.to_owned());
            session.closed_at = None;
            session.callback_phone = after.callback_phone.clone();
            session.agent = agent_after;
            Some(HistoryRecord {
                callback_phone: session.callback_phone.clone(),
                ..entry(HistoryEvent::Opened)
            })
        }
        Write::ChangePhone => {
            let previous =
                std::mem::replace(&mut session.callback_phone, after.callback_phone.clone());
            (known.is_none() || previous != session.callback_phone).then(|| HistoryRecord {
                callback_phone: session.callback_phone.clone(),
                previous_callback_phone: previous,
                ..entry(HistoryEvent::CallbackPhoneChanged)
            })
        }
        Write::Close => {
            session.is_open = false;
            session.closed_at = Some(after.closed_at.clone().unwrap_or_else(|| now.to_owned()));
            Some(entry(HistoryEvent::Closed))
        }
        Write::SetAgent => {
            let previous = std::mem::replace(&mut session.agent, agent_after);
            let event = if previous.is_some() {
                HistoryEvent::AgentChanged
            } else {
                HistoryEvent::AgentSet
            };
            (previous != session.agent).then(|| HistoryRecord {
                agent: session.agent.clone(),
                previous_agent: previous,
                ..entry(event)
            })
        }
        Write::RemoveAgent => Some(HistoryRecord {
            previous_agent: session.agent.take(),
            ..entry(HistoryEvent::AgentRemoved)
        }),
    };
    (session, history)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: &str = "2026-11-25T09:00:00.000Z";

    fn actor() -> ActorRecord {
        ActorRecord {
            id: "agent-camille".to_owned(),
            name: "Camille Laurent".to_owned(),
        }
    }

    fn seen(method: Method, path: &str) -> Forwarded {
        Forwarded {
            method,
            path: path.to_owned(),
            agent: None,
        }
    }

    #[test]
    fn each_write_is_named_by_its_method_and_path() {
        let of = |method, path| Write::of(&seen(method, path));
        assert_eq!(
            of(Method::POST, "/support/RIDE%201"),
            Some((Write::Open, "RIDE 1".to_owned()))
        );
        assert_eq!(
            of(Method::PUT, "/support/R"),
            Some((Write::ChangePhone, "R".to_owned()))
        );
        assert_eq!(
            of(Method::DELETE, "/support/R"),
            Some((Write::Close, "R".to_owned()))
        );
        assert_eq!(
            of(Method::PUT, "/support/R/agent"),
            Some((Write::SetAgent, "R".to_owned()))
        );
        assert_eq!(
            of(Method::DELETE, "/support/R/agent"),
            Some((Write::RemoveAgent, "R".to_owned()))
        );
        assert_eq!(of(Method::GET, "/support/R"), None);
        assert_eq!(of(Method::POST, "/support/R/history"), None);
    }

    #[test]
    fn an_open_then_a_close_leave_two_entries_and_a_closed_copy() {
        let answer = SupportDto {
            callback_phone: Some("+34600111222".to_owned()),
            ..SupportDto::default()
        };
        let (opened, history) = recorded(Write::Open, None, &answer, "R", &actor(), T0);
        let history = history.expect("an entry");
        assert_eq!(history.event, HistoryEvent::Opened.to_string());
        assert_eq!(history.callback_phone.as_deref(), Some("+34600111222"));
        assert_eq!(history.by, Some(actor()));
        let (closed, history) = recorded(
            Write::Close,
            Some(opened),
            &SupportDto::default(),
            "R",
            &actor(),
            T0,
        );
        assert_eq!(
            history.expect("an entry").event,
            HistoryEvent::Closed.to_string()
        );
        assert!(!closed.is_open);
    }

    #[test]
    fn the_same_phone_again_leaves_no_entry() {
        let answer = SupportDto {
            callback_phone: Some("+34600111222".to_owned()),
            ..SupportDto::default()
        };
        let (opened, _) = recorded(Write::Open, None, &answer, "R", &actor(), T0);
        let (_, history) = recorded(Write::ChangePhone, Some(opened), &answer, "R", &actor(), T0);
        assert_eq!(history, None);
    }
}
