//! Time left to answer, under the conversation's header (`docs/deadlines.md`): from the
//! backend's policy and the thread, "Answer due in 3 h 20 min", "Overdue by 2 h" or past
//! the alarm, in words and with a mark that is never colour alone (a clock, a warning
//! sign, a heavier border). Counted again with the console's clock, and when the thread
//! changes: a reply stops it, as "No answer needed" does ([`no_answer`]).

mod no_answer;

use crate::components::inbox::deadlines::{DeadlinePolicies, IntlZone, RowDues};
use crate::i18n::use_i18n;
use crate::state::Clock;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use no_answer::{MarkButton, MarkFailure, Marked, NoAnswer};
use switchboard_core::deadlines::{
    awaiting_since, BackendPolicy, Clock as PolicyClock, Due, Waited,
};
use switchboard_core::domain::{AuthorKind, ConversationKey, Message, Page};
use switchboard_core::error::ApiError;

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

/// What the line says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Line {
    /// When an answer is due, and when it is in alarm.
    Due(Due),
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
    Due::under(&policy.policy, start, &zone).map(Line::Due)
}

/// The line under the header: nothing while nothing awaits an answer.
#[component]
pub fn DeadlineLine(
    #[prop(into)] backend: String,
    #[prop(into)] conversation: String,
    thread: Signal<Vec<(AuthorKind, Option<DateTime<Utc>>)>>,
) -> impl IntoView {
    let policies = use_context::<DeadlinePolicies>();
    tell_the_row(ConversationKey::new(&backend, &conversation), thread);
    let no_answer = NoAnswer::new(backend.clone(), conversation);
    let backend = StoredValue::new(backend);
    let line = Memo::new(move |_| {
        let all = policies?.0.get()?;
        let policy = backend.with_value(|b| all.into_iter().find(|p| p.backend == *b))?;
        line_of(&policy, thread.get(), no_answer.at())
    });
    view! {
        {move || match line.get() {
            Some(Line::Due(due)) => Some(view! { <TimeLeft due no_answer /> }.into_any()),
            Some(Line::NoAnswerNeeded) => Some(view! { <Marked no_answer /> }.into_any()),
            None => None,
        }}
        <MarkFailure no_answer />
    }
}

/// The row learns where the thread says the clock started: its list may carry only the
/// last message.
fn tell_the_row(key: ConversationKey, thread: Signal<Vec<(AuthorKind, Option<DateTime<Utc>>)>>) {
    let Some(dues) = use_context::<RowDues>() else {
        return;
    };
    Effect::new(move |_| {
        let mut times = thread.get();
        if times.is_empty() {
            return;
        }
        times.sort_by_key(|(_, at)| *at);
        let start = match awaiting_since(&times, None) {
            Waited::Since(start) => Some(start),
            Waited::NoAnswerNeeded | Waited::Answered => None,
        };
        dues.learned(&key, start);
    });
}

/// The time left or how long overdue, and "No answer needed".
#[component]
fn TimeLeft(due: Due, no_answer: NoAnswer) -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_context::<Clock>();
    let standing = move || due.at(clock.map_or_else(Utc::now, |c| c.now()));
    view! {
        <p
            class=move || format!("deadline {}", standing().token())
            data-testid="deadline"
            data-standing=move || standing().token()
        >
            <span class="deadline-mark" aria-hidden="true">{move || standing().mark()}</span>
            " "
            <span data-testid="deadline-words">{move || standing().sentence(i18n.lang())}</span>
            " "
            <MarkButton no_answer />
        </p>
    }
}
