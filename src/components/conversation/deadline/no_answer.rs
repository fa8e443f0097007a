//! "No answer needed" (`docs/deadlines.md`): an agent's word that the conversation awaits
//! nothing from the team (a customer's "thanks"), kept by Switchboard's server. It stops the
//! clock until the customer writes again, and says who said so, with Undo.

use crate::components::inbox::deadlines::NoAnswerMarks;
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::deadlines::set_no_answer;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{agent_name, api_origin, DirectoryResource};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use switchboard_core::deadlines::NoAnswerMark;
use switchboard_core::domain::ConversationKey;
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text_with;

/// The conversation's mark, kept with the console's others (so the list's row agrees and a
/// colleague's change arrives), and the change being made.
#[derive(Clone, Copy)]
pub struct NoAnswer {
    marks: NoAnswerMarks,
    key: StoredValue<ConversationKey>,
    action: Action<bool, Result<Option<NoAnswerMark>, ApiError>>,
}

impl NoAnswer {
    /// Reads the conversation's mark, and readies marking it.
    pub fn new(backend: String, conversation: String) -> NoAnswer {
        let marks = use_context::<NoAnswerMarks>().unwrap_or_else(NoAnswerMarks::detached);
        let origin = StoredValue::new(api_origin());
        let key = StoredValue::new(ConversationKey::new(backend, conversation));
        marks.refresh(key.get_value());
        let action = Action::new_local(move |needed_none: &bool| {
            let (needed_none, origin, place) = (*needed_none, origin.get_value(), key.get_value());
            async move { set_no_answer(&origin, &place.backend, &place.id, needed_none).await }
        });
        Effect::new(move |_| {
            if let Some(Ok(kept)) = action.value().get() {
                marks.set(key.get_value(), kept);
            }
        });
        NoAnswer { marks, key, action }
    }

    /// When an agent last said no answer was needed.
    pub fn at(&self) -> Option<DateTime<Utc>> {
        self.key.with_value(|key| self.marks.at(key))
    }

    fn mark(&self) -> Option<NoAnswerMark> {
        self.key.with_value(|key| self.marks.get(key))
    }
}

/// "No answer needed", beside the time left.
#[component]
pub fn MarkButton(no_answer: NoAnswer) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button small"
            data-testid="no-answer-needed"
            disabled=move || no_answer.action.pending().get()
            on:click=move |_| {
                no_answer.action.dispatch(true);
            }
        >
            {tr(msg!("deadline-no-answer-button"))}
        </button>
    }
}

/// Who said no answer was needed, and Undo.
#[component]
pub fn Marked(no_answer: NoAnswer) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_context::<DirectoryResource>();
    let said = move || {
        let by = no_answer.mark()?.marked_by;
        let args = Args::new().str("name", agent_name(directory, &by));
        Some(text_with(i18n.lang(), msg!("deadline-no-answer"), &args))
    };
    view! {
        <p class="deadline answered" data-testid="deadline" data-standing="no-answer">
            <span class="deadline-mark" aria-hidden="true">"✓"</span>
            " "
            {said}
            " "
            <button
                type="button"
                class="button small"
                data-testid="no-answer-undo"
                disabled=move || no_answer.action.pending().get()
                on:click=move |_| {
                    no_answer.action.dispatch(false);
                }
            >
                {tr(msg!("deadline-undo"))}
            </button>
        </p>
    }
}

/// Why the last change of the mark failed.
#[component]
pub fn MarkFailure(no_answer: NoAnswer) -> impl IntoView {
    move || match no_answer.action.value().get() {
        Some(Err(error)) => {
            Some(view! { <ErrorPanel error context=tr(msg!("deadline-not-marked")) /> })
        }
        _ => None,
    }
}
