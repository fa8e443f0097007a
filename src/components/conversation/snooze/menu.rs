//! "Snooze" and its choices: three times named in the agent's calendar, and a date and time
//! of their own, checked in the page (not past, within a year) before anything is sent.

use super::SnoozeAction;
use crate::components::inbox::snooze::wall::{field_value, instant_of, local_now, parse_field};
use crate::i18n::{tr, use_i18n, weekday_time, Args};
use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard_core::i18n::text_with;
use switchboard_core::snooze::{check_until, SnoozeChoice};

/// Each choice offered now, with the instant it names.
fn offered() -> Vec<(SnoozeChoice, DateTime<Utc>)> {
    let Some(now) = local_now() else {
        return Vec::new();
    };
    SnoozeChoice::ALL
        .into_iter()
        .filter_map(|choice| Some((choice, instant_of(choice.wakes_at(now)?)?)))
        .collect()
}

/// The button, and the choices while it is open.
#[component]
pub fn SnoozeMenu(action: SnoozeAction) -> impl IntoView {
    let open = RwSignal::new(false);
    // Closed once the snooze is kept.
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            open.set(false);
        }
    });
    view! {
        <button
            type="button"
            class="button small"
            data-testid="snooze-open"
            aria-expanded=move || open.get().to_string()
            aria-controls="snooze-choices"
            aria-keyshortcuts="z"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span aria-hidden="true">"💤 "</span>
            {tr(msg!("snooze-button"))}
        </button>
        <Show when=move || open.get()>
            <SnoozeChoices action open />
        </Show>
    }
}

#[component]
fn SnoozeChoices(action: SnoozeAction, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let choices = offered()
        .into_iter()
        .map(|(choice, until)| {
            let words = move || {
                let args = Args::new()
                    .str("choice", choice.label(i18n.lang()))
                    .str("time", weekday_time(i18n.lang(), until));
                text_with(i18n.lang(), msg!("snooze-choice"), &args)
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="button small ghost"
                        data-testid=format!("snooze-choice-{}", choice.token())
                        disabled=move || action.pending().get()
                        on:click=move |_| {
                            action.dispatch(Some(until));
                        }
                    >
                        {words}
                    </button>
                </li>
            }
        })
        .collect_view();
    // Opened from the keyboard (`z`) or a click, the first choice takes the focus.
    let group = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(first) = group
            .get()
            .and_then(|g| g.query_selector("button").ok().flatten())
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = first.focus();
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            open.set(false);
        }
    };
    view! {
        <div class="snooze-choices" id="snooze-choices" role="group" node_ref=group aria-label=tr(msg!("snooze-menu")) on:keydown=on_keydown>
            <ul>{choices}</ul>
            <ChosenTime action />
            <button type="button" class="button small ghost" data-testid="snooze-cancel" on:click=move |_| open.set(false)>
                {tr(msg!("snooze-close"))}
            </button>
        </div>
    }
}

/// A date and time of the agent's choosing.
#[component]
fn ChosenTime(action: SnoozeAction) -> impl IntoView {
    let i18n = use_i18n();
    let tomorrow = local_now().map(|now| now + Duration::days(1));
    let value = RwSignal::new(tomorrow.map(field_value).unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    let min = local_now().map(field_value);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let until = value
            .with_untracked(|v| parse_field(v))
            .and_then(instant_of);
        let checked = until
            .ok_or(switchboard_core::snooze::SnoozeProblem::Past)
            .and_then(|until| check_until(until, Utc::now()).map(|()| until));
        match checked {
            Ok(until) => {
                problem.set(None);
                action.dispatch(Some(until));
            }
            Err(why) => problem.set(Some(why.say(i18n.lang_untracked()))),
        }
    };
    view! {
        <form class="snooze-at" on:submit=on_submit novalidate>
            <label for="snooze-at">{tr(msg!("snooze-pick"))}</label>
            <input
                id="snooze-at"
                type="datetime-local"
                data-testid="snooze-at"
                min=min
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then_some("snooze-at-problem")
            />
            <button type="submit" class="button small" data-testid="snooze-at-submit" disabled=move || action.pending().get()>
                {tr(msg!("snooze-pick-submit"))}
            </button>
            {move || problem.get().map(|why| view! {
                <p class="field-error" id="snooze-at-problem" data-testid="snooze-at-problem">{why}</p>
            })}
        </form>
    }
}
