//! "Add label": the team's labels that hold every word typed (those the conversation does not
//! carry yet), and, when no label has the name typed, creating it with a colour (its name
//! checked in the page first).

use super::LabelAction;
use crate::components::inbox::labels::{LabelChip, LabelState};
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::http::new_correlation_id;
use crate::connectors::labels::put_label;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::api_origin;
use leptos::prelude::*;
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text_with;
use switchboard_core::labels::{
    check_name, matching, name_key, Label, LabelColour, LabelProblem, LabelRequest,
};

#[component]
pub fn LabelPicker(
    state: LabelState,
    carried: Memo<Vec<Label>>,
    action: LabelAction,
    open: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let offered = Memo::new(move |_| {
        let team = state.team();
        let on: Vec<String> = carried.with(|c| c.iter().map(|l| l.id.clone()).collect());
        typed.with(|typed| {
            matching(&team, typed)
                .into_iter()
                .filter(|l| !on.contains(&l.id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Created only when no label has the name typed, letter case aside.
    let new_name = Memo::new(move |_| {
        let name = typed.get();
        let key = name_key(&name);
        let taken = state.team().iter().any(|l| name_key(&l.name) == key);
        (!key.is_empty() && !taken).then_some(name)
    });
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            open.set(false);
        }
    };
    let options = move || {
        offered
            .get()
            .into_iter()
            .map(|label| {
                let id = label.id.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class="label-option"
                            data-testid="label-option"
                            data-label=id.clone()
                            disabled=move || action.pending().get()
                            on:click=move |_| {
                                action.dispatch((id.clone(), true));
                            }
                        >
                            <LabelChip label />
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="label-picker" id="label-picker" data-testid="label-picker" on:keydown=on_keydown>
            <label class="visually-hidden" for="label-find">{tr(msg!("labels-find"))}</label>
            <input
                id="label-find"
                type="text"
                node_ref=input
                data-testid="label-find"
                autocomplete="off"
                maxlength="80"
                placeholder=move || switchboard_core::i18n::text(i18n.lang(), msg!("labels-find"))
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <ul class="label-options">{options}</ul>
            {move || new_name.get().map(|name| view! { <CreateLabel name state action /> })}
            <button type="button" class="button small ghost" data-testid="label-done" on:click=move |_| open.set(false)>
                {tr(msg!("labels-done"))}
            </button>
        </div>
    }
}

/// Creates the label typed, with the colour chosen, and puts it on the conversation.
#[component]
fn CreateLabel(name: String, state: LabelState, action: LabelAction) -> impl IntoView {
    let i18n = use_i18n();
    let colour = RwSignal::new(LabelColour::Blue);
    let problem = RwSignal::new(None::<LabelProblem>);
    // One id for this name, chosen here: a retry after a lost answer keeps one label.
    let id = StoredValue::new(new_correlation_id());
    let create = Action::new_local(move |request: &LabelRequest| {
        let (request, origin, id) = (request.clone(), api_origin(), id.get_value());
        async move { put_label(&origin, &id, &request).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(label)) = create.value().get() {
            let id = label.id.clone();
            state.keep(label);
            action.dispatch((id, true));
        }
    });
    let words = {
        let name = name.clone();
        move || {
            text_with(
                i18n.lang(),
                msg!("labels-create"),
                &Args::new().str("name", name.clone()),
            )
        }
    };
    let on_create = move |_| match check_name(&name) {
        Ok(name) => {
            problem.set(None);
            create.dispatch(LabelRequest {
                name,
                colour: colour.get_untracked(),
            });
        }
        Err(why) => problem.set(Some(why)),
    };
    let colours = LabelColour::ALL
        .into_iter()
        .map(|c| {
            let chosen = c == colour.get_untracked();
            view! { <option value=c.token() selected=chosen>{move || c.label(i18n.lang())}</option> }
        })
        .collect_view();
    view! {
        <div class="label-create">
            <label for="label-colour">{tr(msg!("labels-colour"))}</label>
            <select
                id="label-colour"
                data-testid="label-colour"
                on:change=move |ev| {
                    if let Some(c) = LabelColour::parse(&event_target_value(&ev)) {
                        colour.set(c);
                    }
                }
            >
                {colours}
            </select>
            <button
                type="button"
                class="button small"
                data-testid="label-create"
                disabled=move || create.pending().get()
                on:click=on_create
            >
                {words}
            </button>
            {move || problem.get().map(|why| view! {
                <p class="field-error" data-testid="label-problem">{move || why.say(i18n.lang())}</p>
            })}
            {move || create.value().get().and_then(Result::err).map(|error: ApiError| view! {
                <ErrorPanel error context=tr(msg!("labels-failed")) />
            })}
        </div>
    }
}
