//! Snooze (`docs/snooze.md`): a conversation put away until a time the agent chose. It leaves
//! the inbox's views, and comes back on its own at that time, or at once when the customer
//! writes after it was snoozed. Switchboard's own, in every mode (no vendor knows of it).
//! Pure, so the server, the console and the native tests agree on when a snooze holds and
//! on the times its choices mean in the agent's own calendar.

use crate::domain::{AuthorKind, Conversation};
use crate::i18n::{text, Lang};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// Where snoozes live: a backend's at `/{backend}`, one conversation's at
/// `/{backend}/{conversation}` (`PUT` with a [`SnoozeRequest`] snoozes, `DELETE` wakes).
pub const SNOOZE_PATH: &str = "/api/snoozes";

/// The kind of change a snooze is on the server's event stream.
pub const SNOOZE_CHANGE: &str = "snooze";

/// The furthest a conversation may be snoozed: a year from now.
pub const MAX_DAYS: i64 = 366;

/// The hour "tomorrow" and "next week" wake at, in the agent's own zone.
pub const MORNING_HOUR: u32 = 9;

/// A conversation put away until a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snooze {
    pub conversation_id: String,
    pub until: DateTime<Utc>,
    pub snoozed_by: String,
    pub snoozed_at: DateTime<Utc>,
}

/// The body of a `PUT`: until when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnoozeRequest {
    pub until: DateTime<Utc>,
}

/// Why a snooze cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnoozeProblem {
    /// The time has passed already.
    Past,
    /// Further than [`MAX_DAYS`].
    TooFar,
}

impl SnoozeProblem {
    /// The server's words for it, beside the field `until`.
    pub fn issue(self) -> &'static str {
        match self {
            SnoozeProblem::Past => "must be later than now",
            SnoozeProblem::TooFar => "must be within a year",
        }
    }

    /// The console's words for it.
    pub fn say(self, lang: Lang) -> String {
        text(
            lang,
            match self {
                SnoozeProblem::Past => msg!("snooze-past"),
                SnoozeProblem::TooFar => msg!("snooze-too-far"),
            },
        )
    }
}

/// Whether a conversation may be snoozed until `until`, asked at `now`.
pub fn check_until(until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), SnoozeProblem> {
    if until <= now {
        Err(SnoozeProblem::Past)
    } else if until - now > Duration::days(MAX_DAYS) {
        Err(SnoozeProblem::TooFar)
    } else {
        Ok(())
    }
}

impl Snooze {
    /// Whether it still keeps `conversation` out of the views at `now`: until its time, and
    /// only while the customer has not written since it was snoozed.
    pub fn holds(&self, conversation: &Conversation, now: DateTime<Utc>) -> bool {
        now < self.until && !customer_wrote_since(conversation, self.snoozed_at)
    }
}

/// Whether the customer wrote after `since`, as far as the row tells: its latest message
/// is the customer's and newer, or the message that awaits an answer is.
pub fn customer_wrote_since(conversation: &Conversation, since: DateTime<Utc>) -> bool {
    let last_is_new_and_theirs = conversation.last_message.as_ref().is_some_and(|message| {
        message.author.kind == AuthorKind::Customer && message.sent_at.is_some_and(|at| at > since)
    });
    last_is_new_and_theirs || conversation.awaiting_since.is_some_and(|at| at > since)
}

/// The times an agent picks from, in their own calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SnoozeChoice {
    /// Three hours from now, to the next quarter hour; offered while that is still today.
    LaterToday,
    /// Tomorrow at [`MORNING_HOUR`].
    Tomorrow,
    /// Next Monday at [`MORNING_HOUR`] (a week from today when today is a Monday).
    NextWeek,
}

impl SnoozeChoice {
    pub const ALL: [SnoozeChoice; 3] = [
        SnoozeChoice::LaterToday,
        SnoozeChoice::Tomorrow,
        SnoozeChoice::NextWeek,
    ];

    /// A stable token for tests and the bulk bar's choice.
    pub fn token(self) -> &'static str {
        match self {
            SnoozeChoice::LaterToday => "later-today",
            SnoozeChoice::Tomorrow => "tomorrow",
            SnoozeChoice::NextWeek => "next-week",
        }
    }

    pub fn parse(token: &str) -> Option<SnoozeChoice> {
        SnoozeChoice::ALL.into_iter().find(|c| c.token() == token)
    }

    /// The choice's name ("Tomorrow"); the console writes the time beside it.
    pub fn label(self, lang: Lang) -> String {
        text(
            lang,
            match self {
                SnoozeChoice::LaterToday => msg!("snooze-later-today"),
                SnoozeChoice::Tomorrow => msg!("snooze-tomorrow"),
                SnoozeChoice::NextWeek => msg!("snooze-next-week"),
            },
        )
    }

    /// When it wakes, on the agent's wall clock, from their wall clock's `now`; `None`
    /// for "later today" once three hours from now is tomorrow.
    pub fn wakes_at(self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let morning =
            |day: NaiveDate| day.and_time(NaiveTime::MIN) + Duration::hours(MORNING_HOUR.into());
        match self {
            SnoozeChoice::LaterToday => {
                let later = now + Duration::hours(3);
                // Up to the next quarter hour: "15:45", not "15:43:12".
                let past = i64::from(later.minute() % 15) * 60 + i64::from(later.second());
                let rounded = if past == 0 && later.nanosecond() == 0 {
                    later
                } else {
                    later.with_nanosecond(0)? - Duration::seconds(past) + Duration::minutes(15)
                };
                (rounded.date() == now.date()).then_some(rounded)
            }
            SnoozeChoice::Tomorrow => now.date().succ_opt().map(morning),
            SnoozeChoice::NextWeek => {
                let days = 7 - i64::from(now.weekday().num_days_from_monday());
                Some(morning(now.date() + Duration::days(days)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Author, BackendKind, ConversationKey, ConversationStatus, Message};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn row(last_by: AuthorKind, last_at: &str) -> Conversation {
        let key = ConversationKey::new("octopia", "d-1");
        let mut row = Conversation::new(
            key,
            BackendKind::Octopia,
            "c-1",
            ConversationStatus::Open,
            crate::wire::octopia::CAPABILITIES,
        );
        row.last_message = Some(Box::new(Message {
            id: "m-1".into(),
            author: Author {
                kind: last_by,
                id: None,
                name: None,
                role: None,
            },
            body: "Merci".into(),
            sent_at: Some(at(last_at)),
            delivery: None,
            attachments: Vec::new(),
            read: None,
            recipients: Vec::new(),
            kind: None,
            in_reply_to: None,
        }));
        row.last_activity = Some(at(last_at));
        row
    }

    fn snooze(snoozed_at: &str, until: &str) -> Snooze {
        Snooze {
            conversation_id: "d-1".into(),
            until: at(until),
            snoozed_by: "a-1".into(),
            snoozed_at: at(snoozed_at),
        }
    }

    #[test]
    fn a_snooze_holds_until_its_time_then_lets_the_conversation_back() {
        let snooze = snooze("2026-12-07T10:00:00Z", "2026-12-08T08:00:00Z");
        let quiet = row(AuthorKind::Customer, "2026-12-07T09:00:00Z");
        assert!(snooze.holds(&quiet, at("2026-12-07T10:00:01Z")));
        assert!(snooze.holds(&quiet, at("2026-12-08T07:59:59Z")));
        assert!(!snooze.holds(&quiet, at("2026-12-08T08:00:00Z")));
    }

    #[test]
    fn a_customer_who_writes_after_the_snooze_brings_the_conversation_back_at_once() {
        let snooze = snooze("2026-12-07T10:00:00Z", "2026-12-14T08:00:00Z");
        let wrote = row(AuthorKind::Customer, "2026-12-07T11:30:00Z");
        assert!(!snooze.holds(&wrote, at("2026-12-07T11:31:00Z")));
        // The team's own later message does not wake it; nor does an older customer's.
        let team = row(AuthorKind::Agent, "2026-12-07T11:30:00Z");
        assert!(snooze.holds(&team, at("2026-12-07T11:31:00Z")));
        let mut thread_told = row(AuthorKind::Agent, "2026-12-07T09:00:00Z");
        thread_told.awaiting_since = Some(at("2026-12-07T10:05:00Z"));
        assert!(!snooze.holds(&thread_told, at("2026-12-07T11:31:00Z")));
    }

    #[test]
    fn a_snooze_must_be_in_the_future_and_within_a_year() {
        let now = at("2026-12-07T10:00:00Z");
        assert_eq!(check_until(now, now), Err(SnoozeProblem::Past));
        assert_eq!(check_until(at("2026-12-07T10:00:01Z"), now), Ok(()));
        assert_eq!(
            check_until(at("2028-01-01T00:00:00Z"), now),
            Err(SnoozeProblem::TooFar)
        );
    }

    #[test]
    fn later_today_is_three_hours_on_to_the_quarter_hour_and_only_while_still_today() {
        let later = SnoozeChoice::LaterToday;
        assert_eq!(
            later.wakes_at(wall("2026-12-07 12:43:12")),
            Some(wall("2026-12-07 15:45:00"))
        );
        assert_eq!(
            later.wakes_at(wall("2026-12-07 12:45:00")),
            Some(wall("2026-12-07 15:45:00"))
        );
        assert_eq!(later.wakes_at(wall("2026-12-07 21:00:00")), None);
    }

    #[test]
    fn tomorrow_and_next_week_wake_at_nine_on_the_agents_calendar() {
        // A Monday: next week is the Monday after, tomorrow is Tuesday.
        let monday = wall("2026-12-07 16:20:00");
        assert_eq!(
            SnoozeChoice::Tomorrow.wakes_at(monday),
            Some(wall("2026-12-08 09:00:00"))
        );
        assert_eq!(
            SnoozeChoice::NextWeek.wakes_at(monday),
            Some(wall("2026-12-14 09:00:00"))
        );
        // A Sunday night: next week is tomorrow morning.
        let sunday = wall("2026-12-13 23:30:00");
        assert_eq!(
            SnoozeChoice::NextWeek.wakes_at(sunday),
            Some(wall("2026-12-14 09:00:00"))
        );
        // New Year's Eve: tomorrow is next year's first day.
        let eve = wall("2026-12-31 18:00:00");
        assert_eq!(
            SnoozeChoice::Tomorrow.wakes_at(eve),
            Some(wall("2027-01-01 09:00:00"))
        );
    }
}
