//! Who a ticket is assigned to where the backend chooses its own agents (PostCenter): the
//! agent with name and email, "Suggest an agent" (whom PostCenter would pick, and why, or
//! that no one is available) and "Reassign automatically" (PostCenter picks; the header
//! shows the result). Buttons are busy while asking, never disabled, so focus stays.

use crate::components::change::Changed;
use crate::connectors::{Connector, ConversationBackend};
use leptos::prelude::*;
use switchboard_core::domain::{AgentSuggestion, BackendAgent, Conversation};
use switchboard_core::error::ApiError;

/// "Francisco Pinto (fapint@somecorporate.com)", or "agent 27" when only a number is known.
pub fn agent_words(agent: &BackendAgent) -> String {
    match (&agent.name, &agent.email) {
        (Some(name), Some(email)) => format!("{name} ({email})"),
        (Some(name), None) => name.clone(),
        (None, Some(email)) => email.clone(),
        (None, None) => format!("agent {}", agent.id),
    }
}

fn suggestion_words(suggestion: &AgentSuggestion) -> String {
    let reason = suggestion
        .reason
        .as_deref()
        .map(|r| format!(" Reason given: “{r}”."))
        .unwrap_or_default();
    match &suggestion.agent {
        Some(agent) => format!("PostCenter would assign {}.{reason}", agent_words(agent)),
        None => format!("No agent is available to take it now.{reason}"),
    }
}

fn error_words(error: &ApiError) -> String {
    error
        .backend_message
        .clone()
        .unwrap_or_else(|| error.to_string())
}

#[component]
pub fn BackendAssignment(
    connector: Connector,
    conversation: Conversation,
    on_changed: Callback<Changed>,
) -> impl IntoView {
    let id = conversation.key.id.clone();
    let current = conversation
        .assigned_to
        .as_ref()
        .map(agent_words)
        .unwrap_or_else(|| "no one".to_owned());
    let suggest = Action::new_local({
        let (connector, id) = (connector.clone(), id.clone());
        move |_: &()| {
            let (connector, id) = (connector.clone(), id.clone());
            async move { connector.suggest_agent(&id).await }
        }
    });
    let reassign = Action::new_local({
        let (connector, id) = (connector.clone(), id.clone());
        move |_: &()| {
            let (connector, id) = (connector.clone(), id.clone());
            async move { connector.reassign_automatically(&id).await }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(conversation)) = reassign.value().get() {
            let to = conversation
                .assigned_to
                .as_ref()
                .map(agent_words)
                .unwrap_or_else(|| "no one".to_owned());
            on_changed.run(Changed {
                conversation,
                focus: "reassign-auto",
                announce: format!("Reassigned automatically to {to}."),
            });
        }
    });
    view! {
        <div class="backend-assignment" data-testid="backend-assignment">
            <p>
                "Assigned in PostCenter to "
                <strong data-testid="backend-assignee">{current}</strong>
            </p>
            <div class="button-row">
                <button
                    class="button ghost"
                    type="button"
                    data-testid="suggest-agent"
                    aria-busy=move || suggest.pending().get().to_string()
                    on:click=move |_| {
                        if !suggest.pending().get_untracked() {
                            suggest.dispatch(());
                        }
                    }
                >
                    "Suggest an agent"
                </button>
                <button
                    class="button"
                    type="button"
                    data-testid="reassign-auto"
                    aria-busy=move || reassign.pending().get().to_string()
                    on:click=move |_| {
                        if !reassign.pending().get_untracked() {
                            reassign.dispatch(());
                        }
                    }
                >
                    {move || if reassign.pending().get() { "Reassigning…" } else { "Reassign automatically" }}
                </button>
            </div>
            <p class="state-hint" role="status" data-testid="agent-suggestion">
                {move || match suggest.value().get() {
                    Some(Ok(suggestion)) => suggestion_words(&suggestion),
                    Some(Err(error)) => format!("No suggestion: {}", error_words(&error)),
                    None => String::new(),
                }}
            </p>
            {move || match reassign.value().get() {
                Some(Err(error)) => Some(view! {
                    <p class="field-error" role="alert" data-testid="reassign-error">
                        {format!("Not reassigned: {}", error_words(&error))}
                    </p>
                }),
                _ => None,
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestion_says_who_and_why_or_that_no_one_is_free() {
        let agent = BackendAgent {
            id: "27".into(),
            name: None,
            email: None,
        };
        let some = AgentSuggestion {
            agent: Some(agent),
            reason: Some("Workload".into()),
        };
        assert_eq!(
            suggestion_words(&some),
            "PostCenter would assign agent 27. Reason given: “Workload”."
        );
        let none = AgentSuggestion {
            agent: None,
            reason: None,
        };
        assert!(suggestion_words(&none).starts_with("No agent is available"));
    }
}
