//! Who a ticket is assigned to where the backend chooses its own agents (PostCenter): the
//! agent with name and email, "Suggest an agent" (whom PostCenter would pick, and why, or
//! that no one is available) and "Reassign automatically" (PostCenter picks; the header
//! shows the result). Buttons are busy while asking, never disabled, so focus stays.

use crate::components::conversation::change::Changed;
use crate::connectors::Connector;
use crate::i18n::{lang_now, tr, use_i18n, Args, Lang, Say};
use leptos::prelude::*;
use switchboard_core::domain::{AgentSuggestion, BackendAgent, Conversation, ConversationStatus};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with};

/// "Francisco Pinto (fapint@somecorporate.com)", or "agent 27" when only a number is known.
pub fn agent_words(agent: &BackendAgent, lang: Lang) -> String {
    match (&agent.name, &agent.email) {
        (Some(name), Some(email)) => format!("{name} ({email})"),
        (Some(name), None) => name.clone(),
        (None, Some(email)) => email.clone(),
        (None, None) => text_with(
            lang,
            msg!("assign-backend-agent-number"),
            &Args::new().str("id", agent.id.clone()),
        ),
    }
}

/// The agent a ticket is assigned to, or "no one".
fn assigned_words(agent: Option<&BackendAgent>, lang: Lang) -> String {
    agent.map_or_else(
        || text(lang, msg!("assign-no-one")),
        |agent| agent_words(agent, lang),
    )
}

fn suggestion_words(suggestion: &AgentSuggestion, lang: Lang) -> String {
    let id = match (&suggestion.agent, &suggestion.reason) {
        (Some(_), None) => msg!("assign-suggested"),
        (Some(_), Some(_)) => msg!("assign-suggested-with-reason"),
        (None, None) => msg!("assign-no-agent-available"),
        (None, Some(_)) => msg!("assign-no-agent-available-with-reason"),
    };
    let mut args = Args::new();
    if let Some(agent) = &suggestion.agent {
        args = args.str("agent", agent_words(agent, lang));
    }
    if let Some(reason) = &suggestion.reason {
        args = args.str("reason", reason.clone());
    }
    text_with(lang, id, &args)
}

fn error_words(error: &ApiError, lang: Lang) -> String {
    error
        .backend_message
        .clone()
        .unwrap_or_else(|| error.say(lang))
}

#[component]
pub fn BackendAssignment(
    connector: Connector,
    conversation: Conversation,
    on_changed: Callback<Changed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = conversation.key.id.clone();
    let assigned_to = conversation.assigned_to.clone();
    // A closed ticket keeps its assignee: PostCenter refuses to reassign it.
    let closed = conversation.status == ConversationStatus::Closed;
    let current = move || assigned_words(assigned_to.as_ref(), i18n.lang());
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
            // Said once, in the language of the moment.
            let lang = lang_now();
            let to = assigned_words(conversation.assigned_to.as_ref(), lang);
            let announce = text_with(
                lang,
                msg!("assign-reassigned-automatically"),
                &Args::new().str("agent", to),
            );
            on_changed.run(Changed {
                conversation,
                focus: "reassign-auto",
                announce,
            });
        }
    });
    let (reassigning, reassign_label) = (
        tr(msg!("assign-reassigning")),
        tr(msg!("assign-reassign-automatically")),
    );
    view! {
        <div class="backend-assignment" data-testid="backend-assignment">
            <p>
                {tr(msg!("assign-in-postcenter-to"))} " "
                <strong data-testid="backend-assignee">{current}</strong>
            </p>
            {closed.then(|| view! {
                <p class="state-hint" data-testid="reassign-closed">{tr(msg!("assign-closed-ticket"))}</p>
            })}
            <Show when=move || !closed>
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
                    {tr(msg!("assign-suggest-agent"))}
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
                    {move || if reassign.pending().get() { reassigning() } else { reassign_label() }}
                </button>
            </div>
            </Show>
            <p class="state-hint" role="status" data-testid="agent-suggestion">
                {move || match suggest.value().get() {
                    Some(Ok(suggestion)) => suggestion_words(&suggestion, i18n.lang()),
                    Some(Err(error)) => text_with(
                        i18n.lang(),
                        msg!("assign-no-suggestion"),
                        &Args::new().str("reason", error_words(&error, i18n.lang())),
                    ),
                    None => String::new(),
                }}
            </p>
            {move || match reassign.value().get() {
                Some(Err(error)) => Some(view! {
                    <p class="field-error" role="alert" data-testid="reassign-error">
                        {move || text_with(
                            i18n.lang(),
                            msg!("assign-not-reassigned"),
                            &Args::new().str("reason", error_words(&error, i18n.lang())),
                        )}
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
            suggestion_words(&some, Lang::En),
            "PostCenter would assign agent 27. Reason given: “Workload”."
        );
        assert_eq!(
            suggestion_words(&some, Lang::Fr),
            "PostCenter attribuerait le ticket à l’agent 27. Raison donnée : « Workload »."
        );
        let none = AgentSuggestion {
            agent: None,
            reason: None,
        };
        assert!(suggestion_words(&none, Lang::En).starts_with("No agent is available"));
    }
}
