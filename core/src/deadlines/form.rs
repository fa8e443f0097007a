//! A policy as an admin writes it in the settings page (`/settings/deadlines`): each
//! weekday's hours as text ("09:00-13:00, 14:00-18:00"), holidays one date a line, the
//! target and alarm in hours; read into a [`Policy`] with every problem named, and said
//! back in a line for the list. Pure, so the page and its tests share it.

use super::{check_policy, Clock, DayHours, Policy, PolicyProblem, Span};
use crate::i18n::{text, text_with, Args, Lang};
use chrono::{NaiveDate, NaiveTime, Weekday};

/// The week, Monday first, as the form lists it.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// What the form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyForm {
    /// Whether only business hours count.
    pub business: bool,
    pub zone: String,
    /// Each weekday's hours, Monday first; empty: closed.
    pub week: [String; 7],
    /// One local date a line (`2026-12-25`).
    pub holidays: String,
    /// Hours, a decimal point allowed ("1.5").
    pub target_hours: String,
    pub alarm_hours: String,
}

/// A field of the form the agent must correct, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblem {
    /// `target`, `alarm`, `zone`, `holidays`, or a weekday's `Mon`…`Sun`.
    pub field: String,
    pub said: String,
}

impl PolicyForm {
    /// The form for a policy kept.
    pub fn of(policy: &Policy) -> PolicyForm {
        let mut form = PolicyForm {
            target_hours: hours(policy.target_minutes),
            alarm_hours: hours(policy.alarm_minutes),
            ..PolicyForm::default()
        };
        if let Clock::Business {
            zone,
            week,
            holidays,
        } = &policy.clock
        {
            form.business = true;
            form.zone.clone_from(zone);
            for day in week {
                if let Some(i) = WEEK.iter().position(|d| *d == day.day) {
                    form.week[i] = spans_text(&day.spans);
                }
            }
            form.holidays = holidays
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect::<Vec<_>>()
                .join("\n");
        }
        form
    }

    /// The policy it says, or every problem, each beside its field, in `lang`.
    pub fn read(&self, lang: Lang) -> Result<Policy, Vec<FormProblem>> {
        let mut problems: Vec<FormProblem> = Vec::new();
        let problem = |problems: &mut Vec<FormProblem>, field: &str, said: String| {
            if !problems.iter().any(|p| p.field == field) {
                problems.push(FormProblem {
                    field: field.to_owned(),
                    said,
                });
            }
        };
        let target = minutes(&self.target_hours);
        let alarm = minutes(&self.alarm_hours);
        let clock = if self.business {
            let mut week = Vec::new();
            for (day, typed) in WEEK.iter().zip(&self.week) {
                match spans(typed) {
                    Some(spans) if !spans.is_empty() => week.push(DayHours { day: *day, spans }),
                    Some(_) => {}
                    None => problem(
                        &mut problems,
                        &day.to_string(),
                        text(lang, msg!("policy-problem-hours-typed")),
                    ),
                }
            }
            let holidays = match holidays(&self.holidays) {
                Ok(dates) => dates,
                Err(line) => {
                    let args = Args::new().str("line", line);
                    problem(
                        &mut problems,
                        "holidays",
                        text_with(lang, msg!("policy-problem-holiday-typed"), &args),
                    );
                    Vec::new()
                }
            };
            Clock::Business {
                zone: self.zone.trim().to_owned(),
                week,
                holidays,
            }
        } else {
            Clock::Always
        };
        let policy = Policy {
            clock,
            target_minutes: target.unwrap_or(0),
            alarm_minutes: alarm.unwrap_or(0),
        };
        for found in check_policy(&policy) {
            let field = match &found {
                PolicyProblem::Target => "target".to_owned(),
                PolicyProblem::Alarm => "alarm".to_owned(),
                PolicyProblem::Zone => "zone".to_owned(),
                PolicyProblem::NoHours => WEEK[0].to_string(),
                PolicyProblem::DayTwice(day) | PolicyProblem::Span(day) => day.to_string(),
                PolicyProblem::Holidays => "holidays".to_owned(),
            };
            problem(&mut problems, &field, say(&found, lang));
        }
        if problems.is_empty() {
            Ok(policy)
        } else {
            Err(problems)
        }
    }
}

/// A policy's problem, in `lang`.
pub fn say(problem: &PolicyProblem, lang: Lang) -> String {
    let id = match problem {
        PolicyProblem::Target => msg!("policy-problem-target"),
        PolicyProblem::Alarm => msg!("policy-problem-alarm"),
        PolicyProblem::Zone => msg!("policy-problem-zone"),
        PolicyProblem::NoHours => msg!("policy-problem-no-hours"),
        PolicyProblem::DayTwice(_) | PolicyProblem::Span(_) => msg!("policy-problem-span"),
        PolicyProblem::Holidays => msg!("policy-problem-holidays"),
    };
    text(lang, id)
}

/// A policy in a line: "Every hour counts · an answer within 24 h, the alarm at 48 h".
pub fn summary(policy: &Policy, lang: Lang) -> String {
    let args = Args::new()
        .str("target", hours(policy.target_minutes))
        .str("alarm", hours(policy.alarm_minutes));
    let times = text_with(lang, msg!("policy-times"), &args);
    let clock = match &policy.clock {
        Clock::Always => text(lang, msg!("policy-clock-always")),
        Clock::Business { zone, week, .. } => {
            let days = week
                .iter()
                .filter(|d| !d.spans.is_empty())
                .map(|d| format!("{} {}", day_word(d.day, lang), spans_text(&d.spans)))
                .collect::<Vec<_>>()
                .join("; ");
            let args = Args::new().str("zone", zone.clone()).str("hours", days);
            text_with(lang, msg!("policy-clock-business"), &args)
        }
    };
    format!("{clock} · {times}")
}

/// A weekday's name in `lang`.
pub fn day_word(day: Weekday, lang: Lang) -> String {
    let id = match day {
        Weekday::Mon => msg!("day-mon"),
        Weekday::Tue => msg!("day-tue"),
        Weekday::Wed => msg!("day-wed"),
        Weekday::Thu => msg!("day-thu"),
        Weekday::Fri => msg!("day-fri"),
        Weekday::Sat => msg!("day-sat"),
        Weekday::Sun => msg!("day-sun"),
    };
    text(lang, id)
}

/// Minutes as hours the way the form shows them: "24", "1.5", "0.25".
pub fn hours(minutes: u32) -> String {
    let whole = minutes / 60;
    match minutes % 60 {
        0 => whole.to_string(),
        rest => {
            let fraction = format!("{:.2}", f64::from(rest) / 60.0);
            let fraction = fraction.trim_start_matches('0').trim_end_matches('0');
            format!("{whole}{fraction}")
        }
    }
}

/// Hours as typed ("1.5", "1,5", "24") in whole minutes; `None` when not a number.
pub fn minutes(typed: &str) -> Option<u32> {
    let value: f64 = typed.trim().replace(',', ".").parse().ok()?;
    (value.is_finite() && (0.0..=1e6).contains(&value)).then(|| (value * 60.0).round() as u32)
}

/// A day's spans as typed: "09:00-13:00, 14:00-18:00" (a dash or an en dash, spaces
/// anywhere); empty is a closed day; `None` when a span cannot be read.
pub fn spans(typed: &str) -> Option<Vec<Span>> {
    typed
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|span| {
            let (open, close) = span.split_once(['-', '–'])?;
            Some(Span {
                open: time(open)?,
                close: time(close)?,
            })
        })
        .collect()
}

fn time(typed: &str) -> Option<NaiveTime> {
    let typed = typed.trim();
    NaiveTime::parse_from_str(typed, "%H:%M")
        .ok()
        .or_else(|| NaiveTime::parse_from_str(typed, "%H:%M:%S").ok())
}

/// A day's spans as the form shows them.
pub fn spans_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| format!("{}-{}", s.open.format("%H:%M"), s.close.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Holidays one a line; the first line that is not a date otherwise.
pub fn holidays(typed: &str) -> Result<Vec<NaiveDate>, String> {
    typed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| NaiveDate::parse_from_str(line, "%Y-%m-%d").map_err(|_| line.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadlines::office_week;

    #[test]
    fn hours_read_and_said_back_in_whole_minutes() {
        assert_eq!(minutes("24"), Some(1440));
        assert_eq!(minutes("1.5"), Some(90));
        assert_eq!(minutes(" 1,25 "), Some(75));
        assert_eq!(minutes("soon"), None);
        assert_eq!(minutes("-2"), None);
        assert_eq!(hours(1440), "24");
        assert_eq!(hours(90), "1.5");
        assert_eq!(hours(75), "1.25");
        assert_eq!(hours(20), "0.33");
    }

    #[test]
    fn a_days_hours_are_read_with_a_dash_or_an_en_dash_and_said_back() {
        let read = spans("09:00-13:00, 14:00 – 18:00").unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(spans_text(&read), "09:00-13:00, 14:00-18:00");
        assert_eq!(spans(""), Some(Vec::new()), "a closed day");
        assert_eq!(spans("nine to five"), None);
    }

    #[test]
    fn a_kept_policy_makes_a_form_that_reads_back_the_same() {
        let Clock::Business { week, .. } = office_week("Europe/Madrid") else {
            unreachable!("an office week is business hours")
        };
        let policy = Policy {
            clock: Clock::Business {
                zone: "Europe/Madrid".into(),
                week,
                holidays: vec![NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()],
            },
            target_minutes: 540,
            alarm_minutes: 1620,
        };
        let form = PolicyForm::of(&policy);
        assert_eq!(form.week[0], "09:00-18:00");
        assert_eq!(form.week[6], "");
        assert_eq!(form.holidays, "2026-12-25");
        assert_eq!(form.read(Lang::En), Ok(policy));
    }

    #[test]
    fn every_problem_is_named_beside_its_field() {
        let form = PolicyForm {
            business: true,
            zone: " ".into(),
            week: [
                "18:00-09:00".into(),
                "nine".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            holidays: "2026-12-25\nChristmas".into(),
            target_hours: "4".into(),
            alarm_hours: "2".into(),
        };
        let problems = form.read(Lang::En).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["Tue", "holidays", "alarm", "zone", "Mon"]);
        assert!(problems[1].said.contains("Christmas"), "{:?}", problems[1]);
        assert!(problems.iter().all(|p| !p.said.is_empty()));
    }

    #[test]
    fn a_policy_is_said_in_a_line() {
        let always = Policy {
            clock: Clock::Always,
            target_minutes: 1440,
            alarm_minutes: 2880,
        };
        assert_eq!(
            summary(&always, Lang::En),
            "Every hour counts · an answer within 24 h, the alarm at 48 h"
        );
        let business = Policy {
            clock: office_week("Europe/Paris"),
            target_minutes: 240,
            alarm_minutes: 540,
        };
        let said = summary(&business, Lang::En);
        assert!(
            said.starts_with("Business hours in Europe/Paris: Monday 09:00-18:00; Tuesday"),
            "{said}"
        );
    }
}
