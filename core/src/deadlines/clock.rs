//! A conversation's clock: when it started (the customer's message that awaits an answer)
//! and when an answer is due under a policy. Pure arithmetic over instants; the team's
//! local times become instants through a [`Zone`].

use super::{Clock, Span};
use crate::domain::AuthorKind;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

/// The team's time zone, as a time-zone database knows it.
pub trait Zone {
    /// The instant a local time names: the earlier one when the clocks went back (the hour
    /// happened twice), `None` when they went forward over it (it never happened).
    fn instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>>;

    /// The local date at an instant.
    fn date(&self, at: DateTime<Utc>) -> NaiveDate;
}

/// How far the days are searched for opening hours: past two years, a clock whose hours
/// never come (every day a holiday) has no due time.
const MAX_DAYS: i64 = 800;

/// When an answer is due: `minutes` of the clock after `start`. `None` when the clock's
/// hours never come within two years.
pub fn due_at(
    clock: &Clock,
    start: DateTime<Utc>,
    minutes: u32,
    zone: &dyn Zone,
) -> Option<DateTime<Utc>> {
    let Clock::Business { week, holidays, .. } = clock else {
        return Some(start + Duration::minutes(i64::from(minutes)));
    };
    let mut left = Duration::minutes(i64::from(minutes));
    let first = zone.date(start);
    for offset in 0..MAX_DAYS {
        let date = first + Duration::days(offset);
        if holidays.contains(&date) {
            continue;
        }
        let spans = week
            .iter()
            .filter(|d| d.day == date.weekday())
            .flat_map(|d| d.spans.iter().copied());
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_by_key(|s| s.open);
        for span in spans {
            let (Some(open), Some(close)) = (
                instant_at_or_after(zone, date.and_time(span.open)),
                instant_at_or_after(zone, date.and_time(span.close)),
            ) else {
                continue;
            };
            let from = open.max(start);
            if close <= from {
                continue;
            }
            let open_for = close - from;
            if left <= open_for {
                return Some(from + left);
            }
            left -= open_for;
        }
    }
    None
}

/// The instant of a local time, or, when the clocks jumped over it, the first instant
/// after the jump (an office opening at 02:30 on that night opens at 03:00).
fn instant_at_or_after(zone: &dyn Zone, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    // Jumps are at most a few hours; a minute's steps find the end of any of them.
    (0..=240).find_map(|step| zone.instant(local + Duration::minutes(step)))
}

/// Whether a conversation waits on the team, and since when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waited {
    /// The customer's message that awaits an answer (the first since the team last wrote).
    Since(DateTime<Utc>),
    /// An agent said no answer is needed, after the customer last wrote.
    NoAnswerNeeded,
    /// The team wrote last, or nobody did.
    Answered,
}

/// Where a conversation's clock stands, from its messages (author and time, oldest first)
/// and the last time an agent said no answer was needed: it starts at the customer's
/// message that awaits an answer, stops when an agent replies (or says no answer is
/// needed), starts again at the customer's next message. A message without a time is left
/// out.
pub fn awaiting_since(
    messages: &[(AuthorKind, Option<DateTime<Utc>>)],
    no_answer_needed_at: Option<DateTime<Utc>>,
) -> Waited {
    let mut since = None;
    let mut marked = false;
    let mut mark = no_answer_needed_at;
    for (author, at) in messages {
        let Some(at) = *at else { continue };
        // The mark, where it falls among the messages, stops the wait it follows.
        if mark.is_some_and(|m| m <= at) {
            marked |= since.take().is_some();
            mark = None;
        }
        match author {
            AuthorKind::Customer if since.is_none() => {
                since = Some(at);
                marked = false;
            }
            AuthorKind::Agent => {
                since = None;
                marked = false;
            }
            AuthorKind::Customer | AuthorKind::System | AuthorKind::Other(_) => {}
        }
    }
    if mark.is_some() && since.take().is_some() {
        marked = true;
    }
    match since {
        Some(since) => Waited::Since(since),
        None if marked => Waited::NoAnswerNeeded,
        None => Waited::Answered,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{office_week, DayHours};
    use super::*;
    use chrono::{NaiveTime, TimeZone, Weekday};
    use chrono_tz::Tz;

    /// The IANA database, as the server reads it.
    struct Iana(Tz);

    impl Zone for Iana {
        fn instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
            self.0
                .from_local_datetime(&local)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        }

        fn date(&self, at: DateTime<Utc>) -> NaiveDate {
            at.with_timezone(&self.0).date_naive()
        }
    }

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn hours(h: u32) -> u32 {
        h * 60
    }

    /// Open only on `days`, from `open` to `close` local time, in `zone`.
    fn open_on(zone: &str, days: &[Weekday], open: u32, close: u32) -> Clock {
        let span = Span {
            open: NaiveTime::from_hms_opt(open, 0, 0).unwrap(),
            close: NaiveTime::from_hms_opt(close, 0, 0).unwrap(),
        };
        Clock::Business {
            zone: zone.to_owned(),
            week: days
                .iter()
                .map(|day| DayHours {
                    day: *day,
                    spans: vec![span],
                })
                .collect(),
            holidays: Vec::new(),
        }
    }

    #[test]
    fn an_always_clock_counts_nights_and_weekends() {
        let paris = Iana(chrono_tz::Europe::Paris);
        let friday_evening = utc("2026-12-04T17:00:00Z");
        assert_eq!(
            due_at(&Clock::Always, friday_evening, hours(24), &paris),
            Some(utc("2026-12-05T17:00:00Z"))
        );
    }

    #[test]
    fn a_business_clock_counts_office_hours_only_and_skips_holidays() {
        let paris = Iana(chrono_tz::Europe::Paris);
        // Friday 16:00 in Paris (15:00 UTC): two hours on Friday, six on Monday.
        let friday = utc("2026-12-04T15:00:00Z");
        let week = office_week("Europe/Paris");
        assert_eq!(
            due_at(&week, friday, hours(8), &paris),
            Some(utc("2026-12-07T14:00:00Z")),
            "Monday 15:00 in Paris"
        );
        // Written on Saturday: the clock starts on Monday's opening.
        assert_eq!(
            due_at(&week, utc("2026-12-05T10:00:00Z"), hours(1), &paris),
            Some(utc("2026-12-07T09:00:00Z"))
        );
        let Clock::Business {
            zone, week: days, ..
        } = week
        else {
            unreachable!()
        };
        let with_holiday = Clock::Business {
            zone,
            week: days,
            holidays: vec![NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()],
        };
        assert_eq!(
            due_at(&with_holiday, friday, hours(8), &paris),
            Some(utc("2026-12-08T14:00:00Z")),
            "Monday is a holiday: Tuesday 15:00"
        );
        let never = Clock::Business {
            zone: "Europe/Paris".into(),
            week: Vec::new(),
            holidays: Vec::new(),
        };
        assert_eq!(due_at(&never, friday, 60, &paris), None);
    }

    #[test]
    fn the_night_clocks_go_forward_in_paris_the_weekends_hours_are_an_hour_short() {
        let paris = Iana(chrono_tz::Europe::Paris);
        // Weekend hours 01:00-05:00; on 28 March 2027 02:00 becomes 03:00: three hours.
        let weekends = open_on("Europe/Paris", &[Weekday::Sat, Weekday::Sun], 1, 5);
        let saturday_morning = utc("2027-03-27T05:00:00Z");
        assert_eq!(
            due_at(&weekends, saturday_morning, hours(3), &paris),
            Some(utc("2027-03-28T03:00:00Z")),
            "Sunday 05:00 summer time"
        );
        assert_eq!(
            due_at(&weekends, saturday_morning, hours(5), &paris),
            Some(utc("2027-04-03T01:00:00Z")),
            "two more hours on the next Saturday, 03:00 summer time"
        );
        // An always clock counts real hours: 24 of them, whatever the wall clock says.
        assert_eq!(
            due_at(
                &Clock::Always,
                utc("2027-03-27T12:00:00Z"),
                hours(24),
                &paris
            ),
            Some(utc("2027-03-28T12:00:00Z"))
        );
    }

    #[test]
    fn the_night_clocks_go_back_in_madrid_the_weekends_hours_are_an_hour_long() {
        let madrid = Iana(chrono_tz::Europe::Madrid);
        // On 25 October 2026 03:00 becomes 02:00: 01:00-05:00 holds five hours.
        let weekends = open_on("Europe/Madrid", &[Weekday::Sun], 1, 5);
        let saturday = utc("2026-10-24T10:00:00Z");
        assert_eq!(
            due_at(&weekends, saturday, hours(5), &madrid),
            Some(utc("2026-10-25T04:00:00Z")),
            "Sunday 05:00 winter time"
        );
        // Opening hours in the repeated hour start at its first occurrence.
        let repeated = open_on("Europe/Madrid", &[Weekday::Sun], 2, 3);
        assert_eq!(
            due_at(&repeated, saturday, 30, &madrid),
            Some(utc("2026-10-25T00:30:00Z"))
        );
    }

    #[test]
    fn the_night_clocks_go_forward_in_santiago_at_midnight_the_day_opens_at_one() {
        let santiago = Iana(chrono_tz::America::Santiago);
        // On 6 September 2026, Sunday's 00:00 does not exist (it is 01:00): 00:00-08:00
        // holds seven hours, from 01:00 (04:00 UTC) to 08:00 (11:00 UTC).
        let sundays = open_on("America/Santiago", &[Weekday::Sun], 0, 8);
        let saturday = utc("2026-09-05T15:00:00Z");
        assert_eq!(
            due_at(&sundays, saturday, 30, &santiago),
            Some(utc("2026-09-06T04:30:00Z")),
            "half an hour after the day's first minute, 01:00"
        );
        assert_eq!(
            due_at(&sundays, saturday, hours(7), &santiago),
            Some(utc("2026-09-06T11:00:00Z"))
        );
        assert_eq!(
            due_at(&sundays, saturday, hours(8), &santiago),
            Some(utc("2026-09-13T04:00:00Z")),
            "the eighth hour on the next Sunday, 01:00 summer time"
        );
    }

    #[test]
    fn the_clock_starts_at_the_first_unanswered_message_and_a_reply_stops_it() {
        let at = |t: &str| Some(utc(t));
        let customer = AuthorKind::Customer;
        let agent = AuthorKind::Agent;
        let thread = [
            (customer.clone(), at("2026-12-06T10:00:00Z")),
            (agent.clone(), at("2026-12-06T11:00:00Z")),
            (customer.clone(), at("2026-12-06T12:00:00Z")),
            (AuthorKind::System, at("2026-12-06T12:10:00Z")),
            (customer.clone(), at("2026-12-06T12:30:00Z")),
        ];
        assert_eq!(
            awaiting_since(&thread, None),
            Waited::Since(utc("2026-12-06T12:00:00Z"))
        );
        assert_eq!(awaiting_since(&thread[..2], None), Waited::Answered);
        assert_eq!(awaiting_since(&[], None), Waited::Answered);
        // "No answer needed" after the customer wrote stops it; a message after starts it.
        let marked = utc("2026-12-06T12:40:00Z");
        assert_eq!(
            awaiting_since(&thread, Some(marked)),
            Waited::NoAnswerNeeded
        );
        let mut again = thread.to_vec();
        again.push((customer, at("2026-12-06T13:00:00Z")));
        assert_eq!(
            awaiting_since(&again, Some(marked)),
            Waited::Since(utc("2026-12-06T13:00:00Z")),
            "the customer's next message starts it again"
        );
        again.push((agent, at("2026-12-06T13:05:00Z")));
        assert_eq!(awaiting_since(&again, Some(marked)), Waited::Answered);
        assert_eq!(
            awaiting_since(&thread, Some(utc("2026-12-06T09:00:00Z"))),
            Waited::Since(utc("2026-12-06T12:00:00Z")),
            "a mark before the wait began stops nothing"
        );
    }
}
