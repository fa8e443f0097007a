//! "Who are you?": until sign-in exists, the agent picks themselves from the server's agents.

use crate::state::CurrentAgent;
use leptos::prelude::*;
use switchboard_core::directory::Agent;

#[component]
pub fn AgentPicker(#[prop(into)] agents: Signal<Vec<Agent>>) -> impl IntoView {
    let current = expect_context::<CurrentAgent>();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        current.set((!value.is_empty()).then_some(value));
    };
    view! {
        <label class="agent-picker">
            <span class="label-text">"You are"</span>
            <select on:change=on_change data-testid="agent-picker" prop:value=move || current.id().unwrap_or_default()>
                <option value="" selected=move || current.id().is_none()>"Choose yourself…"</option>
                {move || {
                    agents
                        .get()
                        .into_iter()
                        .map(|agent| {
                            let id = agent.id.clone();
                            let selected = move || current.id().as_deref() == Some(id.as_str());
                            view! {
                                <option value=agent.id.clone() selected=selected>
                                    {agent.name.clone()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
