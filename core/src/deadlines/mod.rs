//! Response deadlines (`docs/deadlines.md`): how long each backend's customers may wait for
//! an answer, as a policy an admin sets per backend, and the arithmetic of a conversation's
//! clock. Marketplaces count hours of every day (Amazon 24 h, weekends included); a company
//! promises its own times in business hours, in the team's time zone, with its holidays.
//!
//! The arithmetic knows no time-zone database: a [`Zone`] turns the team's local times into
//! instants (the server with the IANA database, the browser with its own), so the rules of
//! daylight-saving changes come from where they are kept up to date.

mod clock;
pub mod form;
mod standing;

pub use clock::{awaiting_since, due_at, Waited, Zone};
pub use standing::{duration_words, standing, Due, Standing};

use crate::domain::BackendKind;
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// Where the policies live: all of them at this path, each backend's at `/{backend}`.
pub const DEADLINE_POLICIES_PATH: &str = "/api/deadline-policies";

/// How a policy's time runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Clock {
    /// Every hour of every day counts, nights and weekends included.
    Always,
    /// Only the team's opening hours count, in its time zone, holidays aside.
    #[serde(rename_all = "camelCase")]
    Business {
        /// An IANA time zone (`Europe/Paris`).
        zone: String,
        /// The opening hours of each weekday, Monday first.
        week: Vec<DayHours>,
        /// Local dates on which nothing counts.
        #[serde(default)]
        holidays: Vec<NaiveDate>,
    },
}

/// One weekday's opening hours: none, one span, or more (a lunch break between).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    pub day: Weekday,
    pub spans: Vec<Span>,
}

/// From `open` to `close`, local time; `close` after `open` on the same day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub open: NaiveTime,
    pub close: NaiveTime,
}

/// A backend's promise: the clock, the answer's target, and when it is past saving.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    pub clock: Clock,
    /// An answer is due this many minutes (of the clock) after the customer wrote.
    pub target_minutes: u32,
    /// Past this many minutes, the conversation is in alarm (a marketplace's claim).
    pub alarm_minutes: u32,
}

/// A backend's policy as the server gives it: set by an admin, or the default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendPolicy {
    pub backend: String,
    pub policy: Policy,
    /// Whether no admin set it yet ([`default_policy`]).
    pub is_default: bool,
    #[serde(default)]
    pub updated_by: Option<String>,
    #[serde(default)]
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Where "No answer needed" marks live: a backend's at `/{backend}`, one conversation's at
/// `/{backend}/{conversation}` (`PUT` marks, `DELETE` withdraws).
pub const NO_ANSWER_PATH: &str = "/api/no-answer";

/// The kind of change a mark is on the server's event stream.
pub const NO_ANSWER_CHANGE: &str = "no-answer";

/// An agent's word that a conversation needs no answer (a customer's "thanks"): its clock
/// stops until the customer writes after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NoAnswerMark {
    pub conversation_id: String,
    pub marked_by: String,
    pub marked_at: chrono::DateTime<chrono::Utc>,
}

/// The longest target or alarm a policy may hold: 60 days of the clock.
pub const MAX_MINUTES: u32 = 60 * 24 * 60;

/// The most holidays a policy lists: a few years of them.
pub const MAX_HOLIDAYS: usize = 400;

/// Why a policy cannot be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyProblem {
    /// No target, or past [`MAX_MINUTES`].
    Target,
    /// The alarm before the target, or past [`MAX_MINUTES`].
    Alarm,
    /// A business clock without a zone.
    Zone,
    /// A business clock without any opening hours.
    NoHours,
    /// A weekday listed twice.
    DayTwice(Weekday),
    /// A span that closes before it opens, or overlaps another of its day.
    Span(Weekday),
    Holidays,
}

impl PolicyProblem {
    /// The field it concerns, as the JSON names it.
    pub fn field(&self) -> &'static str {
        match self {
            PolicyProblem::Target => "targetMinutes",
            PolicyProblem::Alarm => "alarmMinutes",
            PolicyProblem::Zone => "clock.zone",
            PolicyProblem::NoHours | PolicyProblem::DayTwice(_) | PolicyProblem::Span(_) => {
                "clock.week"
            }
            PolicyProblem::Holidays => "clock.holidays",
        }
    }

    /// What is wrong (English, for the API).
    pub fn issue(&self) -> String {
        match self {
            PolicyProblem::Target => format!("must be 1 to {MAX_MINUTES} minutes"),
            PolicyProblem::Alarm => {
                format!("must be at least the target and at most {MAX_MINUTES} minutes")
            }
            PolicyProblem::Zone => "must name the team's time zone (Europe/Paris)".to_owned(),
            PolicyProblem::NoHours => "must open on at least one day".to_owned(),
            PolicyProblem::DayTwice(day) => format!("lists {day} twice"),
            PolicyProblem::Span(day) => {
                format!("has on {day} a span that closes before it opens or overlaps another")
            }
            PolicyProblem::Holidays => format!("must list at most {MAX_HOLIDAYS} holidays"),
        }
    }
}

/// Every problem of a policy, in the order of its fields. The zone's name is checked
/// where a time-zone database is (the server).
pub fn check_policy(policy: &Policy) -> Vec<PolicyProblem> {
    let mut problems = Vec::new();
    if policy.target_minutes == 0 || policy.target_minutes > MAX_MINUTES {
        problems.push(PolicyProblem::Target);
    }
    if policy.alarm_minutes < policy.target_minutes || policy.alarm_minutes > MAX_MINUTES {
        problems.push(PolicyProblem::Alarm);
    }
    if let Clock::Business {
        zone,
        week,
        holidays,
    } = &policy.clock
    {
        if zone.trim().is_empty() {
            problems.push(PolicyProblem::Zone);
        }
        if week.iter().all(|d| d.spans.is_empty()) {
            problems.push(PolicyProblem::NoHours);
        }
        let mut seen = Vec::new();
        for day in week {
            if seen.contains(&day.day) {
                problems.push(PolicyProblem::DayTwice(day.day));
            }
            seen.push(day.day);
            if !spans_are_sound(&day.spans) {
                problems.push(PolicyProblem::Span(day.day));
            }
        }
        if holidays.len() > MAX_HOLIDAYS {
            problems.push(PolicyProblem::Holidays);
        }
    }
    problems
}

/// Each span opens before it closes, and none overlaps another.
fn spans_are_sound(spans: &[Span]) -> bool {
    let mut sorted = spans.to_vec();
    sorted.sort_by_key(|s| s.open);
    sorted.iter().all(|s| s.open < s.close) && sorted.windows(2).all(|w| w[0].close <= w[1].open)
}

/// Monday to Friday, 09:00 to 18:00, in `zone`: a team's usual week.
pub fn office_week(zone: &str) -> Clock {
    let nine_to_six = Span {
        open: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
        close: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
    };
    let week = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
    .into_iter()
    .map(|day| DayHours {
        day,
        spans: vec![nine_to_six],
    })
    .collect();
    Clock::Business {
        zone: zone.to_owned(),
        week,
        holidays: Vec::new(),
    }
}

/// The policy a backend has until an admin sets one (`docs/deadlines.md`): a marketplace's
/// discussion counts every hour (24 h to answer, a claim feared after 48 h); a callback
/// request is urgent; a company's own channels count office hours.
pub fn default_policy(kind: BackendKind) -> Policy {
    let hours = |h: u32| h * 60;
    match kind {
        BackendKind::Octopia => Policy {
            clock: Clock::Always,
            target_minutes: hours(24),
            alarm_minutes: hours(48),
        },
        BackendKind::SupportSessions => Policy {
            clock: Clock::Always,
            target_minutes: hours(1),
            alarm_minutes: hours(4),
        },
        BackendKind::Communication => Policy {
            clock: office_week("Europe/Paris"),
            target_minutes: hours(4),
            alarm_minutes: hours(9),
        },
        BackendKind::Postcenter => Policy {
            clock: office_week("America/Santiago"),
            target_minutes: hours(8),
            alarm_minutes: hours(18),
        },
        BackendKind::CaseMessages => Policy {
            clock: office_week("Europe/Madrid"),
            target_minutes: hours(9),
            alarm_minutes: hours(27),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(open: (u32, u32), close: (u32, u32)) -> Span {
        Span {
            open: NaiveTime::from_hms_opt(open.0, open.1, 0).unwrap(),
            close: NaiveTime::from_hms_opt(close.0, close.1, 0).unwrap(),
        }
    }

    #[test]
    fn every_default_policy_passes_its_own_checks() {
        for kind in [
            BackendKind::Communication,
            BackendKind::Octopia,
            BackendKind::CaseMessages,
            BackendKind::SupportSessions,
            BackendKind::Postcenter,
        ] {
            assert_eq!(check_policy(&default_policy(kind)), [], "{kind:?}");
        }
    }

    #[test]
    fn a_policy_with_an_early_alarm_overlapping_hours_or_no_zone_is_refused() {
        let policy = Policy {
            clock: Clock::Business {
                zone: " ".into(),
                week: vec![
                    DayHours {
                        day: Weekday::Mon,
                        spans: vec![span((9, 0), (13, 0)), span((12, 0), (18, 0))],
                    },
                    DayHours {
                        day: Weekday::Mon,
                        spans: vec![span((18, 0), (9, 0))],
                    },
                ],
                holidays: Vec::new(),
            },
            target_minutes: 240,
            alarm_minutes: 60,
        };
        let problems = check_policy(&policy);
        assert_eq!(
            problems,
            [
                PolicyProblem::Alarm,
                PolicyProblem::Zone,
                PolicyProblem::Span(Weekday::Mon),
                PolicyProblem::DayTwice(Weekday::Mon),
                PolicyProblem::Span(Weekday::Mon),
            ]
        );
        assert_eq!(problems[0].field(), "alarmMinutes");
        let none = Policy {
            clock: Clock::Always,
            target_minutes: 0,
            alarm_minutes: 10,
        };
        assert_eq!(check_policy(&none), [PolicyProblem::Target]);
    }

    #[test]
    fn a_policy_reads_and_writes_its_clock_by_kind() {
        let json = serde_json::to_value(default_policy(BackendKind::Communication)).unwrap();
        assert_eq!(json["clock"]["kind"], "business");
        assert_eq!(json["clock"]["zone"], "Europe/Paris");
        assert_eq!(json["clock"]["week"][0]["day"], "Mon");
        assert_eq!(json["clock"]["week"][0]["spans"][0]["open"], "09:00:00");
        assert_eq!(json["targetMinutes"], 240);
        let back: Policy = serde_json::from_value(json).unwrap();
        assert_eq!(back, default_policy(BackendKind::Communication));
        let always = serde_json::to_value(default_policy(BackendKind::Octopia)).unwrap();
        assert_eq!(always["clock"], serde_json::json!({ "kind": "always" }));
    }
}
