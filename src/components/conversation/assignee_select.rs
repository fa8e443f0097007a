//! Who handles the conversation: pick any agent, take it yourself, or leave it unassigned.
//! Choosing in the list commits nothing: the agent confirms with Enter or Save (an arrow
//! key in a closed select must never reassign a conversation), and focus stays on the
//! control. Every button keeps its place, so the header never reflows under the pointer.

use crate::components::conversation::change::{Changed, Stale};
use crate::connectors::Connector;
use crate::i18n::{lang_now, tr, use_i18n, Args, Say};
use crate::state::CurrentAgent;
use leptos::prelude::*;
use switchboard_core::directory::Agent;
use switchboard_core::domain::Capabilities;
use switchboard_core::i18n::{text, text_with};

#[component]
pub fn AssigneeSelect(
    connector: Connector,
    #[prop(into)] conversation_id: String,
    assignee: Option<String>,
    capabilities: Capabilities,
    #[prop(into)] agents: Signal<Vec<Agent>>,
    /// Receives the conversation as the write returned it.
    on_changed: Callback<Changed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current_agent = expect_context::<CurrentAgent>();
    let stale = use_context::<Stale>();
    let real = assignee.clone().unwrap_or_default();
    // What the select shows: the real assignee until the agent picks another.
    let choice = RwSignal::new(real.clone());
    let select_ref = NodeRef::<leptos::html::Select>::new();
    let assign = Action::new_local(move |agent: &Option<String>| {
        let connector = connector.clone();
        let conversation_id = conversation_id.clone();
        let agent = agent.clone();
        async move { connector.assign(&conversation_id, agent.as_deref()).await }
    });
    Effect::new({
        let real = real.clone();
        move |_| match assign.value().get() {
            Some(Ok(conversation)) => {
                // Said once, in the language of the moment.
                let lang = lang_now();
                let announce = match &conversation.assignee {
                    None => text(lang, msg!("assign-now-unassigned")),
                    Some(id) => text_with(
                        lang,
                        msg!("assign-assigned-to"),
                        &Args::new().str("name", agent_name(&agents.get_untracked(), id)),
                    ),
                };
                on_changed.run(Changed {
                    conversation,
                    focus: "assignee-select",
                    announce,
                });
            }
            // A refused choice does not stay on screen as if it were saved, and the agent
            // is back on the select (Save or "Assign to me" had focus and were disabled).
            Some(Err(error)) => {
                choice.set(real.clone());
                if let Some(select) = select_ref.get_untracked() {
                    let _ = select.focus();
                }
                // A colleague changed it meanwhile: the page shows how it stands now.
                Stale::report(stale, &error);
            }
            None => {}
        }
    });
    // An assignee the directory does not know is still shown, by id.
    let unknown_assignee = assignee
        .clone()
        .filter(|id| agents.with_untracked(|agents| !agents.iter().any(|a| &a.id == id)));
    let saved = StoredValue::new(real.clone());
    let pending = move || choice.with(|c| saved.with_value(|real| c != real));
    let commit = move || {
        if assign.pending().get_untracked() {
            return;
        }
        let value = choice.get_untracked();
        assign.dispatch((!value.is_empty()).then_some(value));
    };
    let can_assign = capabilities.assign;
    let can_unassign = capabilities.unassign;
    let is_mine = move || {
        current_agent
            .id()
            .is_some_and(|me| saved.with_value(|real| *real == me))
    };
    let take = move |_| {
        if assign.pending().get_untracked() {
            return;
        }
        if let Some(me) = current_agent.id() {
            choice.set(me.clone());
            assign.dispatch(Some(me));
        }
    };
    let error = move || match assign.value().get() {
        Some(Err(error)) => Some(text_with(
            i18n.lang(),
            msg!("assign-not-reassigned"),
            &Args::new().str("reason", error.say(i18n.lang())),
        )),
        _ => None,
    };
    let cancel = {
        let real = real.clone();
        move |_| choice.set(real.clone())
    };

    view! {
        <div class="assignee-control">
            <label>
                <span class="label-text">{tr(msg!("assign-label"))}</span>
                // Never disabled while a choice is being saved: a disabled element loses
                // focus, and the agent who pressed Enter must stay where they were.
                <select
                    node_ref=select_ref
                    data-testid="assignee-select"
                    prop:value=move || choice.get()
                    on:change=move |ev| choice.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            commit();
                        }
                    }
                    aria-describedby="assignee-hint"
                    disabled=!can_assign
                    aria-busy=move || assign.pending().get().then_some("true")
                    title=move || (!can_assign).then(|| text(i18n.lang(), msg!("assign-not-allowed")))
                >
                    <option value="" selected=assignee.is_none() disabled=!can_unassign>
                        {tr(msg!("assign-unassigned"))}
                    </option>
                    {unknown_assignee.map(|id| {
                        let value = id.clone();
                        let label = move || text_with(i18n.lang(), msg!("assign-unknown-agent"), &Args::new().str("id", id.clone()));
                        view! { <option value=value>{label}</option> }
                    })}
                    {move || {
                        agents
                            .get()
                            .into_iter()
                            .map(|agent| {
                                let is_selected = choice.with_untracked(|s| *s == agent.id);
                                view! {
                                    <option value=agent.id.clone() selected=is_selected>
                                        {agent.name.clone()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <span id="assignee-hint" class="visually-hidden">{tr(msg!("assign-hint"))}</span>
            // Always in place; shown only while a choice waits to be saved.
            <span class="assignee-confirm" class:invisible=move || !pending()>
                <button
                    class="button primary"
                    type="button"
                    data-testid="assignee-save"
                    on:click=move |_| commit()
                    disabled=move || !pending()
                    aria-disabled=move || assign.pending().get().then_some("true")
                >
                    {tr(msg!("assign-save"))}
                </button>
                <button class="button ghost" type="button" data-testid="assignee-cancel" on:click=cancel disabled=move || !pending()>
                    {tr(msg!("action-cancel"))}
                </button>
            </span>
            <button
                class="button"
                type="button"
                data-testid="assign-to-me"
                on:click=take
                disabled=move || !can_assign || is_mine() || current_agent.id().is_none()
                aria-disabled=move || assign.pending().get().then_some("true")
                title=move || is_mine().then(|| text(i18n.lang(), msg!("assign-already-yours")))
            >
                {tr(msg!("assign-take-it"))}
            </button>
            <span class="field-error" role="alert" data-testid="assignee-error">{error}</span>
        </div>
    }
}

fn agent_name(agents: &[Agent], id: &str) -> String {
    agents
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| id.to_owned(), |a| a.name.clone())
}
