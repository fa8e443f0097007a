//! The facts a support session keeps instead of messages, and their controls: the number to
//! call the customer back on (a `tel:` link, changed in place, checked before it is sent)
//! and the order's performer with the rating they must have (set, changed, removed).
//! Shown only where the backend's capabilities say so; each write returns the conversation,
//! passed up like every other change.

use crate::components::conversation::change::{Changed, Stale};
use crate::connectors::Connector;
use crate::i18n::{lang_now, tr, use_i18n, Args, Lang, Say};
use leptos::prelude::*;
use switchboard_core::domain::{Conversation, Performer};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with};

/// A `tel:` address: the digits and the leading `+` only.
fn tel(phone: &str) -> String {
    let kept: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{kept}")
}

/// What is wrong with a fact the agent tried to change.
#[derive(Clone, Debug)]
enum Problem {
    /// The connector's check, already in the reader's words.
    Said(String),
    /// The backend refused the change.
    NotChanged(ApiError),
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        match self {
            Problem::Said(words) => words.clone(),
            Problem::NotChanged(error) => {
                let args = Args::new().str("reason", words(lang, error));
                text_with(lang, msg!("session-facts-not-changed"), &args)
            }
        }
    }
}

#[component]
pub fn CallbackPhone(
    connector: Connector,
    conversation: Conversation,
    on_changed: Callback<Changed>,
) -> impl IntoView {
    let id = conversation.key.id.clone();
    let current = conversation.callback_phone.clone();
    let typed = RwSignal::new(current.clone().unwrap_or_default());
    let problem = RwSignal::new(None::<Problem>);
    let i18n = use_i18n();
    let stale = use_context::<Stale>();
    let save = Action::new_local({
        let (connector, id) = (connector.clone(), id.clone());
        move |phone: &Option<String>| {
            let (connector, id, phone) = (connector.clone(), id.clone(), phone.clone());
            async move { connector.set_callback_phone(&id, phone.as_deref()).await }
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(conversation)) => on_changed.run(Changed {
            // Said once, in the language of the moment: the effect must not run again
            // when the language changes.
            announce: match &conversation.callback_phone {
                Some(phone) => {
                    let args = Args::new().str("phone", phone.clone());
                    text_with(lang_now(), msg!("session-callback-phone-now"), &args)
                }
                None => text(lang_now(), msg!("session-callback-phone-removed")),
            },
            conversation,
            focus: "callback-phone",
        }),
        Some(Err(error)) => {
            problem.set(Some(Problem::NotChanged(error.clone())));
            // A colleague changed it meanwhile: the page shows how it stands now.
            Stale::report(stale, &error);
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let raw = typed.get_untracked().trim().to_owned();
        if raw.is_empty() {
            problem.set(None);
            save.dispatch(None);
            return;
        }
        match connector.check_callback_phone(&raw) {
            Err(reason) => problem.set(Some(Problem::Said(reason))),
            Ok(()) => {
                problem.set(None);
                save.dispatch(Some(raw));
            }
        }
    };
    view! {
        <form class="session-fact" on:submit=submit>
            <label for="callback-phone">{tr(msg!("session-callback-phone"))}</label>
            {current.map(|phone| view! { <a href=tel(&phone) data-testid="callback-link">{phone.clone()}</a> })}
            <input
                id="callback-phone"
                type="tel"
                autocomplete="off"
                data-testid="callback-phone"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
                aria-describedby="callback-problem"
                aria-invalid=move || problem.get().is_some().then_some("true")
            />
            <button class="button" type="submit" data-testid="callback-save" aria-disabled=move || save.pending().get().then_some("true")>
                {tr(msg!("session-callback-phone-save"))}
            </button>
            <p id="callback-problem" class="field-error" role="alert" data-testid="callback-problem">{move || problem.get().map(|p| p.say(i18n.lang()))}</p>
        </form>
    }
}

#[component]
pub fn PerformerControl(
    connector: Connector,
    conversation: Conversation,
    on_changed: Callback<Changed>,
) -> impl IntoView {
    let id = conversation.key.id.clone();
    let current = conversation.performer.clone();
    let who = RwSignal::new(current.as_ref().map(|p| p.id.clone()).unwrap_or_default());
    let rating = RwSignal::new(
        current
            .as_ref()
            .and_then(|p| p.rating.clone())
            .unwrap_or_default(),
    );
    let problem = RwSignal::new(None::<Problem>);
    let i18n = use_i18n();
    let stale = use_context::<Stale>();
    let save = Action::new_local({
        let (connector, id) = (connector.clone(), id.clone());
        move |performer: &Option<Performer>| {
            let (connector, id, performer) = (connector.clone(), id.clone(), performer.clone());
            async move { connector.set_performer(&id, performer.as_ref()).await }
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(conversation)) => on_changed.run(Changed {
            // Said once, in the language of the moment (see above).
            announce: match &conversation.performer {
                Some(p) => {
                    let args = Args::new().str("id", p.id.clone());
                    text_with(lang_now(), msg!("session-performer-now"), &args)
                }
                None => text(lang_now(), msg!("session-performer-removed")),
            },
            conversation,
            focus: "performer-id",
        }),
        Some(Err(error)) => {
            problem.set(Some(Problem::NotChanged(error.clone())));
            // A colleague changed it meanwhile: the page shows how it stands now.
            Stale::report(stale, &error);
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let performer = Performer {
            id: who.get_untracked().trim().to_owned(),
            rating: Some(rating.get_untracked().trim().to_owned()).filter(|r| !r.is_empty()),
        };
        match connector.check_performer(&performer) {
            Err(reason) => problem.set(Some(Problem::Said(reason))),
            Ok(()) => {
                problem.set(None);
                save.dispatch(Some(performer));
            }
        }
    };
    let has_one = current.is_some();
    view! {
        <form class="session-fact" on:submit=submit>
            <label for="performer-id">{tr(msg!("session-performer-label"))}</label>
            <input
                id="performer-id"
                type="text"
                autocomplete="off"
                data-testid="performer-id"
                placeholder=tr(msg!("session-performer-placeholder"))
                prop:value=move || who.get()
                on:input=move |ev| who.set(event_target_value(&ev))
            />
            <label for="performer-rating">{tr(msg!("session-rating-label"))}</label>
            <input
                id="performer-rating"
                type="text"
                autocomplete="off"
                data-testid="performer-rating"
                placeholder=tr(msg!("session-rating-placeholder"))
                prop:value=move || rating.get()
                on:input=move |ev| rating.set(event_target_value(&ev))
                aria-describedby="performer-problem"
            />
            <button class="button" type="submit" data-testid="performer-save" aria-disabled=move || save.pending().get().then_some("true")>
                {if has_one { tr(msg!("session-performer-change")) } else { tr(msg!("session-performer-set")) }}
            </button>
            {has_one.then(|| view! {
                <button
                    class="button ghost"
                    type="button"
                    data-testid="performer-remove"
                    on:click=move |_| {
                        if !save.pending().get_untracked() {
                            save.dispatch(None);
                        }
                    }
                >
                    {tr(msg!("session-performer-remove"))}
                </button>
            })}
            <p id="performer-problem" class="field-error" role="alert" data-testid="performer-problem">{move || problem.get().map(|p| p.say(i18n.lang()))}</p>
        </form>
    }
}

/// The backend's own words where it gave some (it names the rule broken), else the
/// console's, in `lang`.
fn words(lang: Lang, error: &ApiError) -> String {
    error
        .backend_message
        .clone()
        .unwrap_or_else(|| error.say(lang))
}

#[cfg(test)]
mod tests {
    use super::tel;

    #[test]
    fn a_tel_link_keeps_the_digits_and_the_plus() {
        assert_eq!(tel("+33 6 12-34.56 78"), "tel:+33612345678");
    }
}
