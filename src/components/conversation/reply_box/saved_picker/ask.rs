//! A saved reply names what the conversation does not say (a customer without a name, a
//! ticket without a number): the agent is asked for each before it goes in, never left
//! with `{{...}}` in a sent message. Empty answers are refused in words, the first one
//! focused.

use crate::i18n::{tr, use_i18n, Args, Lang};
use leptos::html;
use leptos::prelude::*;
use switchboard_core::i18n::text_with;
use switchboard_core::saved_replies::{fill, Values, Variable};

/// A reply waiting for the values it lacks.
#[derive(Clone, Debug, PartialEq)]
pub struct Asking {
    pub title: String,
    /// Its text in the language chosen, variables unfilled.
    pub body: String,
    /// The tokens without a value, in the order they come.
    pub missing: Vec<String>,
    /// What the conversation gave already.
    pub values: Values,
}

/// How a variable is named to the agent.
fn label(token: &str, lang: Lang) -> String {
    Variable::from_token(token).map_or_else(|| token.to_owned(), |v| v.label(lang))
}

/// One field per missing value; Insert (or Enter in a field) fills the reply and gives it,
/// with its title, to `on_fill`; Cancel goes back to the list.
#[component]
pub fn AskForValues(
    asking: Asking,
    on_fill: Callback<(String, String)>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fields: Vec<(String, RwSignal<String>, NodeRef<html::Input>)> = asking
        .missing
        .iter()
        .map(|token| (token.clone(), RwSignal::new(String::new()), NodeRef::new()))
        .collect();
    let problem = RwSignal::new(None::<String>);
    let fields = StoredValue::new(fields);
    // The first question takes the focus as it shows.
    let first = fields.with_value(|f| f.first().map(|(_, _, r)| *r));
    Effect::new(move |_| {
        if let Some(input) = first.and_then(|r| r.get()) {
            let _ = input.focus();
        }
    });
    let asking = StoredValue::new(asking);
    // Not a form of its own: the reply box is one, and a nested form's submit would also
    // reach the box's and send the reply.
    let submit = move || {
        let lang = i18n.lang();
        let mut values = asking.with_value(|a| a.values.clone());
        let blank = fields.with_value(|fields| {
            fields.iter().find_map(|(token, value, input)| {
                let typed = value.get_untracked();
                if typed.trim().is_empty() {
                    return Some((label(token, lang), *input));
                }
                values.set(token, typed.trim());
                None
            })
        });
        if let Some((name, input)) = blank {
            let args = Args::new().str("name", name);
            problem.set(Some(text_with(
                lang,
                msg!("saved-replies-ask-missing"),
                &args,
            )));
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        let (title, body) = asking.with_value(|a| (a.title.clone(), a.body.clone()));
        if let Ok(filled) = fill(&body, &values) {
            on_fill.run((title, filled));
        }
    };
    let heading = move || {
        let args = Args::new().str("title", asking.with_value(|a| a.title.clone()));
        text_with(i18n.lang(), msg!("saved-replies-ask-title"), &args)
    };
    let inputs = fields.with_value(|fields| {
        fields
            .iter()
            .enumerate()
            .map(|(index, (token, value, input))| {
                let (token, value, input) = (token.clone(), *value, *input);
                let id = format!("saved-reply-variable-{index}");
                let name = {
                    let token = token.clone();
                    move || label(&token, i18n.lang())
                };
                view! {
                    <div class="field">
                        <label for=id.clone()>{name}</label>
                        <input
                            id=id
                            type="text"
                            node_ref=input
                            data-testid="saved-reply-variable"
                            data-variable=token
                            aria-invalid=move || (problem.get().is_some() && value.get().trim().is_empty()).then_some("true")
                            aria-describedby="saved-reply-ask-problem"
                            prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev))
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                                "Enter" => {
                                    ev.prevent_default();
                                    submit();
                                }
                                "Escape" => {
                                    ev.prevent_default();
                                    ev.stop_propagation();
                                    on_cancel.run(());
                                }
                                _ => {}
                            }
                        />
                    </div>
                }
            })
            .collect_view()
    });
    view! {
        <div class="saved-reply-ask" role="group" aria-labelledby="saved-reply-ask-title" data-testid="saved-reply-ask">
            <p id="saved-reply-ask-title" class="saved-reply-ask-title"><bdi>{heading}</bdi></p>
            {inputs}
            <p id="saved-reply-ask-problem" class="field-error" role="alert" data-testid="saved-reply-ask-problem">{move || problem.get()}</p>
            <div class="saved-replies-actions">
                <button type="button" class="button primary" data-testid="saved-reply-ask-insert" on:click=move |_| submit()>{tr(msg!("saved-replies-insert"))}</button>
                <button type="button" class="button" data-testid="saved-reply-ask-cancel" on:click=move |_| on_cancel.run(())>
                    {tr(msg!("saved-replies-cancel"))}
                </button>
            </div>
        </div>
    }
}
