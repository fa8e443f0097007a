//! Time left to answer, under the conversation's header (`docs/deadlines.md`): from the
//! backend's policy and the thread, "Answer due in 3 h 20 min", "Overdue by 2 h" or past
//! the alarm, in words and with a mark that is never colour alone (a clock, a warning
//! sign, a heavier border). Counted again with the console's clock, and when the thread
//! changes: a reply stops it, as "No answer needed" does ([`no_answer`]).

mod no_answer;
mod zone;

pub use zone::IntlZone;

use crate::connectors::deadlines::policies;
use crate::i18n::{use_i18n, Args, Lang};
use crate::state::{api_origin, Clock};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use no_answer::{MarkButton, MarkFailure, Marked, NoAnswer};
use switchboard_core::deadlines::{
    awaiting_since, due_at, BackendPolicy, Clock as PolicyClock, Waited,
};
use switchboard_core::domain::{AuthorKind, Message, Page};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text_with;

/// Each backend's policy, read when a conversation is opened.
#[derive(Clone, Copy)]
pub struct DeadlinePolicies(pub LocalResource<Result<Vec<BackendPolicy>, ApiError>>);

impl DeadlinePolicies {
    pub fn provide() -> DeadlinePolicies {
        let origin = StoredValue::new(api_origin());
        let policies = DeadlinePolicies(LocalResource::new(move || {
            let origin = origin.get_value();
            async move { policies(&origin).await }
        }));
        provide_context(policies);
        policies
    }
}

/// Who wrote each message of the thread's newest page, and when: what the clock reads.
pub fn thread_times(
    newest: LocalResource<Result<Page<Message>, ApiError>>,
) -> Signal<Vec<(AuthorKind, Option<DateTime<Utc>>)>> {
    Signal::derive(move || {
        newest.with(|page| match page {
            Some(Ok(page)) => page
                .items
                .iter()
                .map(|m| (m.author.kind.clone(), m.sent_at))
                .collect(),
            _ => Vec::new(),
        })
    })
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

/// What the line says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Line {
    /// When an answer is due, and when it is in alarm.
    Due(DateTime<Utc>, DateTime<Utc>),
    NoAnswerNeeded,
}

/// What the line says for a thread (author and time of each message) under a policy,
/// after the last "No answer needed"; `None` when nothing awaits an answer.
fn line_of(
    policy: &BackendPolicy,
    mut thread: Vec<(AuthorKind, Option<DateTime<Utc>>)>,
    marked: Option<DateTime<Utc>>,
) -> Option<Line> {
    thread.sort_by_key(|(_, at)| *at);
    let start = match awaiting_since(&thread, marked) {
        Waited::Since(start) => start,
        Waited::NoAnswerNeeded => return Some(Line::NoAnswerNeeded),
        Waited::Answered => return None,
    };
    let zone = match &policy.policy.clock {
        PolicyClock::Business { zone, .. } => IntlZone::new(zone)?,
        PolicyClock::Always => IntlZone::new("UTC")?,
    };
    let clock = &policy.policy.clock;
    let due = due_at(clock, start, policy.policy.target_minutes, &zone)?;
    let alarm = due_at(clock, start, policy.policy.alarm_minutes, &zone)?;
    Some(Line::Due(due, alarm))
}

/// The line under the header: nothing while nothing awaits an answer.
#[component]
pub fn DeadlineLine(
    #[prop(into)] backend: String,
    #[prop(into)] conversation: String,
    thread: Signal<Vec<(AuthorKind, Option<DateTime<Utc>>)>>,
) -> impl IntoView {
    let policies = use_context::<DeadlinePolicies>();
    let no_answer = NoAnswer::new(backend.clone(), conversation);
    let backend = StoredValue::new(backend);
    let line = Memo::new(move |_| {
        let all = policies?.0.get()?.ok()?;
        let policy = backend.with_value(|b| all.into_iter().find(|p| p.backend == *b))?;
        line_of(&policy, thread.get(), no_answer.at())
    });
    view! {
        {move || match line.get() {
            Some(Line::Due(due, alarm)) => Some(view! { <TimeLeft due alarm no_answer /> }.into_any()),
            Some(Line::NoAnswerNeeded) => Some(view! { <Marked no_answer /> }.into_any()),
            None => None,
        }}
        <MarkFailure no_answer />
    }
}

/// The time left or how long overdue, and "No answer needed".
#[component]
fn TimeLeft(due: DateTime<Utc>, alarm: DateTime<Utc>, no_answer: NoAnswer) -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_context::<Clock>();
    let standing = move || standing(clock.map_or_else(Utc::now, |c| c.now()), due, alarm);
    let said = move || {
        let lang = i18n.lang();
        let (id, minutes) = match standing() {
            Standing::DueIn(m) => (msg!("deadline-due"), m),
            Standing::Overdue(m) => (msg!("deadline-overdue"), m),
            Standing::Alarm(m) => (msg!("deadline-alarm"), m),
        };
        text_with(
            lang,
            id,
            &Args::new().str("time", duration_words(minutes, lang)),
        )
    };
    let mark = move || match standing() {
        Standing::DueIn(_) => "⏱",
        Standing::Overdue(_) | Standing::Alarm(_) => "⚠",
    };
    view! {
        <p
            class=move || format!("deadline {}", standing().token())
            data-testid="deadline"
            data-standing=move || standing().token()
        >
            <span class="deadline-mark" aria-hidden="true">{mark}</span>
            " "
            <span data-testid="deadline-words">{said}</span>
            " "
            <MarkButton no_answer />
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
