//! Who handles the conversation: pick any agent, take it yourself, or leave it unassigned.

use crate::connectors::{Connector, ConversationBackend};
use crate::state::CurrentAgent;
use leptos::prelude::*;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{Capabilities, Conversation};

#[component]
pub fn AssigneeSelect(
    connector: Connector,
    #[prop(into)] conversation_id: String,
    assignee: Option<String>,
    capabilities: Capabilities,
    #[prop(into)] agents: Signal<Vec<Agent>>,
    /// Receives the conversation as the write returned it.
    on_changed: Callback<Conversation>,
) -> impl IntoView {
    let current_agent = expect_context::<CurrentAgent>();
    let assign = Action::new_local(move |agent: &Option<String>| {
        let connector = connector.clone();
        let conversation_id = conversation_id.clone();
        let agent = agent.clone();
        async move { connector.assign(&conversation_id, agent.as_deref()).await }
    });
    // What the select shows: the real assignee until the backend confirms a change, so a
    // refused reassignment does not leave the wrong name on screen.
    let shown = RwSignal::new(assignee.clone().unwrap_or_default());
    let real = assignee.clone().unwrap_or_default();
    Effect::new(move |_| match assign.value().get() {
        Some(Ok(changed)) => on_changed.run(changed),
        Some(Err(_)) => shown.set(real.clone()),
        None => {}
    });
    // An assignee the directory does not know is still shown, by id.
    let unknown_assignee = assignee
        .clone()
        .filter(|id| agents.with_untracked(|agents| !agents.iter().any(|a| &a.id == id)));
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        shown.set(value.clone());
        assign.dispatch((!value.is_empty()).then_some(value));
    };
    let can_assign = capabilities.assign;
    let can_unassign = capabilities.unassign;
    let assignee_for_me = assignee.clone();
    let show_take = move || {
        can_assign
            && current_agent
                .id()
                .is_some_and(|me| assignee_for_me.as_deref() != Some(me.as_str()))
    };
    let take = move |_| {
        if let Some(me) = current_agent.id() {
            assign.dispatch(Some(me));
        }
    };
    let error = move || match assign.value().get() {
        Some(Err(error)) => Some(format!("Not reassigned: {error}")),
        _ => None,
    };

    view! {
        <div class="assignee-control">
            <label>
                <span class="label-text">"Assignee"</span>
                <select
                    data-testid="assignee-select"
                    prop:value=move || shown.get()
                    on:change=on_change
                    disabled=move || !can_assign || assign.pending().get()
                    title=(!can_assign).then_some("This backend does not let agents be assigned")
                >
                    <option value="" selected=assignee.is_none() disabled=!can_unassign>
                        "Unassigned"
                    </option>
                    {unknown_assignee.map(|id| view! { <option value=id.clone()>{format!("Unknown agent ({id})")}</option> })}
                    {move || {
                        agents
                            .get()
                            .into_iter()
                            .map(|agent| {
                                let is_selected = shown.with_untracked(|s| *s == agent.id);
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
            <Show when=show_take>
                <button
                    class="button"
                    type="button"
                    data-testid="assign-to-me"
                    on:click=take
                    disabled=move || assign.pending().get()
                >
                    "Assign to me"
                </button>
            </Show>
            <span class="field-error" role="alert">{error}</span>
        </div>
    }
}
