//! The support sessions' demo data: orders in mobility (rides), delivery and healthcare
//! (consultations), most open, some with their agent and a rating (values and
//! expressions), one whose agent was changed, one whose agent was removed, and two closed.
//! Each is told as the changes the demo agents made, replayed through the same
//! [`super::changes`] the routes use, so its history reads as the console will show it;
//! every order is followed (by the server: `addedBy` null).

use super::changes::{self, Changed};
use super::store::{self, ActorRecord, AgentRecord, SessionRecord};
use super::NAME;
use crate::http::HttpError;
use crate::seed::{Seed, AGENTS};
use crate::store::{follows, StoreError, Tx};
use chrono::{DateTime, Duration, Utc};
use switchboard_core::wire::format_instant;
use switchboard_core::wire::support_sessions::normalize_phone;

/// How the dialects list seeds this API.
pub const SEED: Seed = Seed { is_empty, run };

/// A ride with its driver (rating a value), open: the first of the demo.
pub const RIDE_ORDER_ID: &str = "RIDE-2611-4821";
/// A delivery opened without an agent.
pub const DELIVERY_WITHOUT_AGENT_ORDER_ID: &str = "DLV-2611-8142";
/// A consultation with its doctor (rating an expression with `||`).
pub const CONSULTATION_ORDER_ID: &str = "CONSULT-2611-3318";
/// A closed ride.
pub const CLOSED_ORDER_ID: &str = "RIDE-2610-9914";

/// One change of a demo session.
#[derive(Clone, Copy)]
pub enum Step {
    Open(Option<&'static str>),
    Phone(Option<&'static str>),
    Agent(&'static str, Option<&'static str>),
    RemoveAgent,
    Close,
}

/// One demo session: its order, its sector and its changes, each `(minutes before now,
/// index of the demo agent who made it, the change)`, oldest first.
pub struct DemoSession {
    pub order_id: &'static str,
    pub sector: &'static str,
    pub steps: &'static [(i64, usize, Step)],
}

use Step::*;

pub const DEMO_SESSIONS: &[DemoSession] = &[
    DemoSession {
        order_id: RIDE_ORDER_ID,
        sector: "mobility",
        steps: &[
            (95, 0, Open(Some("+33 6 12 34 56 78"))),
            (90, 0, Agent("driver-amadou-diallo", Some("4.8"))),
            (12, 1, Phone(Some("+33 7 81 22 45 90"))),
        ],
    },
    DemoSession {
        order_id: "RIDE-2611-5307",
        sector: "mobility",
        steps: &[
            (300, 1, Open(Some("+34 612 345 678"))),
            (290, 1, Agent("driver-lucia-fernandez", Some("gte 4.5"))),
            (240, 3, Agent("driver-marco-rossi", Some("4.2"))),
        ],
    },
    DemoSession {
        order_id: CLOSED_ORDER_ID,
        sector: "mobility",
        steps: &[
            (4_300, 2, Open(Some("+33 6 45 10 20 30"))),
            (
                4_280,
                2,
                Agent("driver-yanis-benali", Some("gt 4 && lte 5")),
            ),
            (4_100, 2, Close),
        ],
    },
    DemoSession {
        order_id: "DLV-2611-7730",
        sector: "delivery",
        steps: &[
            (180, 4, Open(Some("+44 7700 900123"))),
            (170, 4, Agent("courier-lena-fischer", Some("gt 4 && lte 5"))),
        ],
    },
    DemoSession {
        order_id: DELIVERY_WITHOUT_AGENT_ORDER_ID,
        sector: "delivery",
        steps: &[(35, 3, Open(Some("+49 151 23456789")))],
    },
    DemoSession {
        order_id: "DLV-2611-6605",
        sector: "delivery",
        steps: &[
            (1_500, 0, Open(None)),
            (1_490, 0, Agent("courier-omar-haddad", Some("4.9"))),
            (1_200, 1, Phone(Some("+33 6 98 76 54 32"))),
            (600, 1, RemoveAgent),
        ],
    },
    DemoSession {
        order_id: "CONSULT-2611-1204",
        sector: "healthcare",
        steps: &[
            (60, 2, Open(Some("+33 1 42 68 53 00"))),
            (55, 2, Agent("dr-ines-moreau", Some("gte 4.7"))),
        ],
    },
    DemoSession {
        order_id: CONSULTATION_ORDER_ID,
        sector: "healthcare",
        steps: &[
            (720, 4, Open(Some("+1 (415) 555-0132"))),
            (700, 4, Agent("dr-samuel-okafor", Some("lt 2 || gte 4"))),
        ],
    },
    DemoSession {
        order_id: "CONSULT-2610-2250",
        sector: "healthcare",
        steps: &[
            (10_000, 3, Open(Some("+91 98765 43210"))),
            (9_990, 3, Agent("dr-priya-raman", Some("5"))),
            (9_000, 0, Close),
        ],
    },
];

fn is_empty(conn: &Tx) -> Result<bool, StoreError> {
    Ok(store::count_sessions(conn)? == 0)
}

fn phone(raw: Option<&str>) -> Result<Option<String>, HttpError> {
    raw.map(|raw| normalize_phone(raw).map_err(HttpError::internal))
        .transpose()
}

/// One step applied to the session told so far.
fn apply(
    demo: &DemoSession,
    session: Option<SessionRecord>,
    step: Step,
    actor: &ActorRecord,
    at: &str,
) -> Result<Changed, HttpError> {
    if let Open(number) = step {
        return changes::open(session, demo.order_id, phone(number)?, actor, at);
    }
    let session = session.ok_or_else(|| {
        HttpError::internal(format!(
            "demo session {} changes before it opens",
            demo.order_id
        ))
    })?;
    match step {
        Open(_) => unreachable!("handled above"),
        Phone(number) => changes::change_phone(session, phone(number)?, actor, at),
        Agent(id, rating) => changes::set_agent(
            session,
            AgentRecord {
                id: id.to_owned(),
                rating: rating.map(str::to_owned),
            },
            actor,
            at,
        ),
        RemoveAgent => changes::remove_agent(session, actor, at),
        Close => changes::close(session, actor, at),
    }
}

fn run(conn: &Tx, now: DateTime<Utc>) -> Result<(), HttpError> {
    for demo in DEMO_SESSIONS {
        let mut session = None;
        for (minutes_ago, by, step) in demo.steps {
            let at = format_instant(now - Duration::minutes(*minutes_ago));
            let (id, name, _) = AGENTS[*by % AGENTS.len()];
            let actor = ActorRecord {
                id: id.to_owned(),
                name: name.to_owned(),
            };
            let (next, history) = apply(demo, session.take(), *step, &actor, &at)?;
            // The row first: the history points at it.
            store::save_session(conn, &next)?;
            if let Some(entry) = history {
                store::insert_history(conn, demo.order_id, &entry)?;
            }
            session = Some(next);
        }
        if let Some(session) = session {
            follows::follow(conn, NAME, demo.order_id, &session.opened_at, None)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use switchboard_core::wire::support_sessions::validate_rating;

    #[test]
    fn the_demo_spans_the_sectors_and_every_kind_of_change() {
        let store = Store::in_memory(&crate::dialects::migrations());
        let now = Utc::now();
        store
            .run_blocking(|conn| {
                assert!(is_empty(conn)?);
                run(conn, now)?;
                assert!(!is_empty(conn)?);
                let sessions: Vec<SessionRecord> = DEMO_SESSIONS
                    .iter()
                    .map(|d| store::get_session(conn, d.order_id).map(Option::unwrap))
                    .collect::<Result<_, _>>()?;
                for sector in ["mobility", "delivery", "healthcare"] {
                    let open = DEMO_SESSIONS
                        .iter()
                        .zip(&sessions)
                        .filter(|(d, s)| d.sector == sector && s.is_open)
                        .count();
                    assert!(open >= 2, "{sector}");
                }
                assert!(sessions.iter().any(|s| !s.is_open));
                assert!(sessions.iter().any(|s| s.is_open && s.agent.is_none()));
                for session in &sessions {
                    if let Some(phone) = &session.callback_phone {
                        assert_eq!(normalize_phone(phone).as_ref(), Ok(phone));
                    }
                    if let Some(rating) = session.agent.as_ref().and_then(|a| a.rating.as_ref()) {
                        assert!(validate_rating(rating).is_ok(), "{rating}");
                    }
                }
                let events: Vec<String> = DEMO_SESSIONS
                    .iter()
                    .flat_map(|d| store::history_of(conn, d.order_id).unwrap())
                    .map(|h| h.event)
                    .collect();
                for event in [
                    "opened",
                    "callback_phone_changed",
                    "agent_set",
                    "agent_changed",
                    "agent_removed",
                    "closed",
                ] {
                    assert!(events.iter().any(|e| e == event), "{event}");
                }
                let followed = follows::list(conn, NAME)?;
                assert_eq!(followed.len(), DEMO_SESSIONS.len());
                assert!(followed.iter().all(|f| f.added_by.is_none()));
                Ok::<_, HttpError>(())
            })
            .unwrap();
    }
}
