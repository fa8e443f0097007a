//! The facts a support session keeps instead of messages, and their controls: the number to
//! call the customer back on (a `tel:` link, changed in place, checked before it is sent)
//! and the order's performer with the rating they must have (set, changed, removed).
//! Shown only where the backend's capabilities say so; each write returns the conversation,
//! passed up like every other change.

use crate::components::change::{Changed, Stale};
use crate::connectors::{Connector, ConversationBackend};
use leptos::prelude::*;
use switchboard_core::domain::{Conversation, Performer};
use switchboard_core::error::ApiError;

/// A `tel:` address: the digits and the leading `+` only.
fn tel(phone: &str) -> String {
    let kept: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{kept}")
}

#[component]
pub fn CallbackPhone(
    connector: Connector,
    conversation: Conversation,
    on_changed: Callback<Changed>,
) -> impl IntoView {
    let id = conversation.key.id.clone();
    let current = conversation.callback_phone.clone();
    let text = RwSignal::new(current.clone().unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
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
            announce: match &conversation.callback_phone {
                Some(phone) => format!("Callback phone is now {phone}."),
                None => "Callback phone removed.".to_owned(),
            },
            conversation,
            focus: "callback-phone",
        }),
        Some(Err(error)) => {
            problem.set(Some(format!("Not changed: {}", words(&error))));
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
        let raw = text.get_untracked().trim().to_owned();
        if raw.is_empty() {
            problem.set(None);
            save.dispatch(None);
            return;
        }
        match connector.check_callback_phone(&raw) {
            Err(reason) => problem.set(Some(reason)),
            Ok(()) => {
                problem.set(None);
                save.dispatch(Some(raw));
            }
        }
    };
    view! {
        <form class="session-fact" on:submit=submit>
            <label for="callback-phone">"Callback phone"</label>
            {current.map(|phone| view! { <a href=tel(&phone) data-testid="callback-link">{phone.clone()}</a> })}
            <input
                id="callback-phone"
                type="tel"
                autocomplete="off"
                data-testid="callback-phone"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                aria-describedby="callback-problem"
                aria-invalid=move || problem.get().is_some().then_some("true")
            />
            <button class="button" type="submit" data-testid="callback-save" aria-disabled=move || save.pending().get().then_some("true")>
                "Save phone"
            </button>
            <p id="callback-problem" class="field-error" role="alert" data-testid="callback-problem">{move || problem.get()}</p>
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
    let problem = RwSignal::new(None::<String>);
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
            announce: match &conversation.performer {
                Some(p) => format!("Agent {} set.", p.id),
                None => "Agent removed.".to_owned(),
            },
            conversation,
            focus: "performer-id",
        }),
        Some(Err(error)) => {
            problem.set(Some(format!("Not changed: {}", words(&error))));
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
            Err(reason) => problem.set(Some(reason)),
            Ok(()) => {
                problem.set(None);
                save.dispatch(Some(performer));
            }
        }
    };
    let has_one = current.is_some();
    view! {
        <form class="session-fact" on:submit=submit>
            <label for="performer-id">"Order's agent"</label>
            <input
                id="performer-id"
                type="text"
                autocomplete="off"
                data-testid="performer-id"
                placeholder="Driver, courier or doctor id"
                prop:value=move || who.get()
                on:input=move |ev| who.set(event_target_value(&ev))
            />
            <label for="performer-rating">"Rating"</label>
            <input
                id="performer-rating"
                type="text"
                autocomplete="off"
                data-testid="performer-rating"
                placeholder="4.5, or gte 4.5 && lte 5"
                prop:value=move || rating.get()
                on:input=move |ev| rating.set(event_target_value(&ev))
                aria-describedby="performer-problem"
            />
            <button class="button" type="submit" data-testid="performer-save" aria-disabled=move || save.pending().get().then_some("true")>
                {if has_one { "Change agent" } else { "Set agent" }}
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
                    "Remove agent"
                </button>
            })}
            <p id="performer-problem" class="field-error" role="alert" data-testid="performer-problem">{move || problem.get()}</p>
        </form>
    }
}

/// The backend's own words where it gave some (it names the rule broken), else the
/// console's.
fn words(error: &ApiError) -> String {
    error
        .backend_message
        .clone()
        .unwrap_or_else(|| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::tel;

    #[test]
    fn a_tel_link_keeps_the_digits_and_the_plus() {
        assert_eq!(tel("+33 6 12-34.56 78"), "tel:+33612345678");
    }
}
