//! Where an answer stands for a person: due in so long, overdue by so long, or past the
//! alarm, in words. Shared by the list's rows, its order and the conversation's header, so
//! they never disagree.

use super::{due_at, Policy, Zone};
use crate::i18n::{text_with, Args, Lang};
use chrono::{DateTime, Utc};

/// When an answer is due, and when the conversation is in alarm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub due: DateTime<Utc>,
    pub alarm: DateTime<Utc>,
}

impl Due {
    /// Under `policy`, for a clock started at `start`; `None` when its hours never come.
    pub fn under(policy: &Policy, start: DateTime<Utc>, zone: &dyn Zone) -> Option<Due> {
        Some(Due {
            due: due_at(&policy.clock, start, policy.target_minutes, zone)?,
            alarm: due_at(&policy.clock, start, policy.alarm_minutes, zone)?,
        })
    }

    /// Where it stands at `now`.
    pub fn at(self, now: DateTime<Utc>) -> Standing {
        standing(now, self.due, self.alarm)
    }
}

/// Where an answer stands, in whole minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    DueIn(i64),
    Overdue(i64),
    /// Overdue and past the alarm.
    Alarm(i64),
}

impl Standing {
    /// A stable token for CSS and tests.
    pub fn token(self) -> &'static str {
        match self {
            Standing::DueIn(_) => "due",
            Standing::Overdue(_) => "overdue",
            Standing::Alarm(_) => "alarm",
        }
    }

    pub fn is_overdue(self) -> bool {
        !matches!(self, Standing::DueIn(_))
    }

    /// The mark beside the words (never colour alone): a clock, else a warning sign.
    pub fn mark(self) -> &'static str {
        match self {
            Standing::DueIn(_) => "⏱",
            Standing::Overdue(_) | Standing::Alarm(_) => "⚠",
        }
    }

    /// "Answer due in 3 h 20 min", "Overdue by 2 h", "Overdue by 2 d 4 h, past the alarm".
    pub fn sentence(self, lang: Lang) -> String {
        let (id, minutes) = match self {
            Standing::DueIn(m) => (msg!("deadline-due"), m),
            Standing::Overdue(m) => (msg!("deadline-overdue"), m),
            Standing::Alarm(m) => (msg!("deadline-alarm"), m),
        };
        let time = duration_words(minutes, lang);
        text_with(lang, id, &Args::new().str("time", time))
    }

    /// A row's few words: "3 h left", "2 h overdue".
    pub fn short(self, lang: Lang) -> String {
        let (id, minutes) = match self {
            Standing::DueIn(m) => (msg!("deadline-row-left"), m),
            Standing::Overdue(m) | Standing::Alarm(m) => (msg!("deadline-row-overdue"), m),
        };
        let time = duration_words(minutes, lang);
        text_with(lang, id, &Args::new().str("time", time))
    }
}

/// Where an answer due at `due` (alarm at `alarm`) stands at `now`.
pub fn standing(now: DateTime<Utc>, due: DateTime<Utc>, alarm: DateTime<Utc>) -> Standing {
    if now < due {
        // Rounded up: one second left is still "1 min", never "0 min".
        let seconds = (due - now).num_seconds();
        Standing::DueIn((seconds + 59) / 60)
    } else if now < alarm {
        Standing::Overdue((now - due).num_minutes())
    } else {
        Standing::Alarm((now - due).num_minutes())
    }
}

/// A duration in its two largest units: "2 d 4 h", "3 h 20 min", "45 min".
pub fn duration_words(minutes: i64, lang: Lang) -> String {
    let unit = |id, count: i64| text_with(lang, id, &Args::new().num("count", count));
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let mut words = Vec::new();
    if days > 0 {
        words.push(unit(msg!("deadline-days"), days));
    }
    if hours > 0 {
        words.push(unit(msg!("deadline-hours"), hours));
    }
    if days == 0 && (mins > 0 || words.is_empty()) {
        words.push(unit(msg!("deadline-minutes"), mins));
    }
    words.truncate(2);
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadlines::Clock;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn an_answer_stands_due_then_overdue_then_in_alarm() {
        let due = at("2026-12-06T12:00:00Z");
        let alarm = at("2026-12-07T12:00:00Z");
        assert_eq!(
            standing(at("2026-12-06T08:39:01Z"), due, alarm),
            Standing::DueIn(201)
        );
        assert_eq!(
            standing(at("2026-12-06T11:59:59Z"), due, alarm),
            Standing::DueIn(1)
        );
        assert_eq!(standing(due, due, alarm), Standing::Overdue(0));
        assert_eq!(
            standing(at("2026-12-06T14:05:00Z"), due, alarm),
            Standing::Overdue(125)
        );
        assert_eq!(standing(alarm, due, alarm), Standing::Alarm(1440));
        assert!(Standing::Overdue(0).is_overdue() && !Standing::DueIn(3).is_overdue());
    }

    #[test]
    fn a_duration_is_said_in_its_two_largest_units() {
        assert_eq!(duration_words(200, Lang::En), "3 h 20 min");
        assert_eq!(duration_words(45, Lang::En), "45 min");
        assert_eq!(duration_words(0, Lang::En), "0 min");
        assert_eq!(duration_words(3 * 1440 + 4 * 60 + 5, Lang::En), "3 d 4 h");
        assert_eq!(duration_words(2 * 1440, Lang::Fr), "2 j");
        assert_eq!(duration_words(120, Lang::Es), "2 h");
    }

    #[test]
    fn a_row_says_the_time_left_or_overdue_in_few_words() {
        assert_eq!(Standing::DueIn(200).short(Lang::En), "3 h 20 min left");
        assert_eq!(Standing::Alarm(1500).short(Lang::En), "1 d 1 h overdue");
        assert_eq!(Standing::Overdue(120).sentence(Lang::En), "Overdue by 2 h");
        assert_eq!(Standing::Overdue(120).short(Lang::Fr), "2 h de retard");
    }

    #[test]
    fn a_due_time_follows_the_policys_target_and_alarm() {
        struct Utc0;
        impl Zone for Utc0 {
            fn instant(&self, local: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
                Some(local.and_utc())
            }
            fn date(&self, at: DateTime<Utc>) -> chrono::NaiveDate {
                at.date_naive()
            }
        }
        let policy = Policy {
            clock: Clock::Always,
            target_minutes: 24 * 60,
            alarm_minutes: 48 * 60,
        };
        let due = Due::under(&policy, at("2026-12-05T10:00:00Z"), &Utc0).unwrap();
        assert_eq!(due.due, at("2026-12-06T10:00:00Z"));
        assert_eq!(due.alarm, at("2026-12-07T10:00:00Z"));
        assert_eq!(due.at(at("2026-12-06T12:00:00Z")), Standing::Overdue(120));
    }
}
