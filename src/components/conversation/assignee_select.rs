//! Who handles the conversation: pick any agent, take it yourself, or leave it unassigned.
//! Choosing in the list commits nothing: the agent confirms with Enter or Save (an arrow
//! key in a closed select must never reassign a conversation), and focus stays on the
//! control. Every button keeps its place, so the header never reflows under the pointer.

use crate::components::conversation::change::{Changed, Stale};
use crate::connectors::Connector;
use crate::i18n::{lang_now, tr, use_i18n, Args, Lang, Say};
use crate::state::CurrentAgent;
use leptos::prelude::*;
use switchboard_core::directory::{agent_name, Agent};
use switchboard_core::domain::{Capabilities, Conversation};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with};

/// What the assignee control keeps while the header around it is built again (a mark
/// read, a colleague's change, a poll): the agent's unsaved pick and the write in flight,
/// whose answer must still reach the page. The page provides it once per open
/// conversation; a control without it keeps its own.
#[derive(Clone, Copy)]
pub struct AssigneeKept {
    /// The agent's choice while it differs from the assignee as saved.
    pick: RwSignal<Option<String>>,
    assign: AssignAction,
    select_ref: NodeRef<leptos::html::Select>,
}

impl AssigneeKept {
    /// Kept for the conversation `conversation_id`, for the controls built in it.
    pub fn provide(
        connector: Connector,
        conversation_id: String,
        agents: Signal<Vec<Agent>>,
        on_changed: Callback<Changed>,
    ) {
        provide_context(Self::new(connector, conversation_id, agents, on_changed));
    }

    fn new(
        connector: Connector,
        conversation_id: String,
        agents: Signal<Vec<Agent>>,
        on_changed: Callback<Changed>,
    ) -> Self {
        let pick = RwSignal::new(None);
        let select_ref = NodeRef::new();
        let assign = use_assign(
            connector,
            conversation_id,
            agents,
            on_changed,
            pick,
            select_ref,
        );
        AssigneeKept {
            pick,
            assign,
            select_ref,
        }
    }
}

/// What the select shows: the agent's unsaved pick, else the assignee as saved.
#[derive(Clone, Copy)]
struct Choice {
    pick: RwSignal<Option<String>>,
    saved: StoredValue<String>,
}

impl Choice {
    fn get(self) -> String {
        self.pick.get().unwrap_or_else(|| self.saved.get_value())
    }

    fn get_untracked(self) -> String {
        self.pick
            .get_untracked()
            .unwrap_or_else(|| self.saved.get_value())
    }

    /// Whether the choice waits to be saved.
    fn pending(self) -> bool {
        self.pick.with(|pick| {
            pick.as_ref()
                .is_some_and(|pick| self.saved.with_value(|saved| pick != saved))
        })
    }

    fn is(self, id: &str) -> bool {
        self.get_untracked() == id
    }

    fn set(self, value: String) {
        let unsaved = self.saved.with_value(|saved| *saved != value);
        self.pick.set(unsaved.then_some(value));
    }
}

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
    let kept = use_context::<AssigneeKept>()
        .unwrap_or_else(|| AssigneeKept::new(connector, conversation_id, agents, on_changed));
    let AssigneeKept {
        assign, select_ref, ..
    } = kept;
    let saved = StoredValue::new(assignee.clone().unwrap_or_default());
    let choice = Choice {
        pick: kept.pick,
        saved,
    };
    // An assignee the directory does not know is still shown, by id.
    let unknown_assignee =
        agents.with_untracked(|agents| unknown_assignee(assignee.as_deref(), agents));
    let pending = Signal::derive(move || choice.pending());
    let commit = move || {
        if assign.pending().get_untracked() {
            return;
        }
        assign.dispatch(chosen_assignee(choice.get_untracked()));
    };
    let can_assign = capabilities.assign;
    let error = move || match assign.value().get() {
        Some(Err(error)) => Some(text_with(
            i18n.lang(),
            msg!("assign-not-reassigned"),
            &Args::new().str("reason", error.say(i18n.lang())),
        )),
        _ => None,
    };
    let cancel = Callback::new(move |_| kept.pick.set(None));

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
                    <option value="" selected=choice.is("") disabled=!capabilities.unassign>
                        {tr(msg!("assign-unassigned"))}
                    </option>
                    {unknown_assignee.map(|id| {
                        let value = id.clone();
                        let label = move || text_with(i18n.lang(), msg!("assign-unknown-agent"), &Args::new().str("id", id.clone()));
                        view! { <option value=value>{label}</option> }
                    })}
                    {move || agent_options(agents.get(), choice)}
                </select>
            </label>
            <span id="assignee-hint" class="visually-hidden">{tr(msg!("assign-hint"))}</span>
            <ConfirmChoice assign pending on_save=Callback::new(move |_| commit()) on_cancel=cancel />
            <AssignToMe assign choice can_assign />
            <span class="field-error" role="alert" data-testid="assignee-error">{error}</span>
        </div>
    }
}

/// The write: the agent chosen (`None`: unassigned), and the conversation as it returned it.
type AssignAction = Action<Option<String>, Result<Conversation, ApiError>>;

/// Assigning, and what follows: the page hears of a saved choice (announced in words); a
/// refused one does not stay on screen as if it were saved, and the agent is back on the
/// select.
fn use_assign(
    connector: Connector,
    conversation_id: String,
    agents: Signal<Vec<Agent>>,
    on_changed: Callback<Changed>,
    pick: RwSignal<Option<String>>,
    select_ref: NodeRef<leptos::html::Select>,
) -> AssignAction {
    let stale = use_context::<Stale>();
    let assign = Action::new_local(move |agent: &Option<String>| {
        let connector = connector.clone();
        let conversation_id = conversation_id.clone();
        let agent = agent.clone();
        async move { connector.assign(&conversation_id, agent.as_deref()).await }
    });
    Effect::new(move |_| match assign.value().get() {
        Some(Ok(conversation)) => {
            pick.set(None);
            // Said once, in the language of the moment.
            let announce = agents.with_untracked(|agents| {
                announcement(lang_now(), conversation.assignee.as_deref(), agents)
            });
            on_changed.run(Changed {
                conversation,
                focus: "assignee-select",
                announce,
            });
        }
        // The agent is back on the select (Save or "Assign to me" had focus and were
        // disabled).
        Some(Err(error)) => {
            pick.set(None);
            if let Some(select) = select_ref.get_untracked() {
                let _ = select.focus();
            }
            // A colleague changed it meanwhile: the page shows how it stands now.
            Stale::report(stale, &error);
        }
        None => {}
    });
    assign
}

/// One option per agent of the directory, the chosen one selected.
fn agent_options(agents: Vec<Agent>, choice: Choice) -> impl IntoView {
    agents
        .into_iter()
        .map(|agent| {
            let is_selected = choice.is(&agent.id);
            view! {
                <option value=agent.id.clone() selected=is_selected>
                    {agent.name.clone()}
                </option>
            }
        })
        .collect_view()
}

/// Save and Cancel: always in place; shown only while a choice waits to be saved.
#[component]
fn ConfirmChoice(
    assign: AssignAction,
    pending: Signal<bool>,
    on_save: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <span class="assignee-confirm" class:invisible=move || !pending.get()>
            <button
                class="button primary"
                type="button"
                data-testid="assignee-save"
                on:click=move |_| on_save.run(())
                disabled=move || !pending.get()
                aria-disabled=move || assign.pending().get().then_some("true")
            >
                {tr(msg!("assign-save"))}
            </button>
            <button class="button ghost" type="button" data-testid="assignee-cancel" on:click=move |_| on_cancel.run(()) disabled=move || !pending.get()>
                {tr(msg!("action-cancel"))}
            </button>
        </span>
    }
}

/// Taking the conversation at once, unless it is already the agent's.
#[component]
fn AssignToMe(assign: AssignAction, choice: Choice, can_assign: bool) -> impl IntoView {
    let i18n = use_i18n();
    let current_agent = expect_context::<CurrentAgent>();
    let is_mine = move || {
        current_agent
            .id()
            .is_some_and(|me| choice.saved.with_value(|saved| *saved == me))
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
    view! {
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
    }
}

/// The assignee a choice means: the empty choice unassigns.
fn chosen_assignee(choice: String) -> Option<String> {
    (!choice.is_empty()).then_some(choice)
}

/// The assignee, when the directory does not know them: shown by id.
fn unknown_assignee(assignee: Option<&str>, agents: &[Agent]) -> Option<String> {
    assignee
        .filter(|id| !agents.iter().any(|a| a.id == *id))
        .map(str::to_owned)
}

/// What is announced once the write is saved: who has it now.
fn announcement(lang: Lang, assignee: Option<&str>, agents: &[Agent]) -> String {
    match assignee {
        None => text(lang, msg!("assign-now-unassigned")),
        Some(id) => text_with(
            lang,
            msg!("assign-assigned-to"),
            &Args::new().str("name", agent_name(agents, id)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Vec<Agent> {
        vec![Agent {
            id: "a1".to_owned(),
            name: "Alice".to_owned(),
            email: "alice@example.com".to_owned(),
        }]
    }

    #[test]
    fn the_empty_choice_unassigns_any_other_assigns_that_agent() {
        assert_eq!(chosen_assignee(String::new()), None);
        assert_eq!(chosen_assignee("a1".to_owned()), Some("a1".to_owned()));
    }

    #[test]
    fn an_assignee_the_directory_does_not_know_is_kept_by_id() {
        assert_eq!(unknown_assignee(Some("x9"), &team()), Some("x9".to_owned()));
        assert_eq!(unknown_assignee(Some("a1"), &team()), None);
        assert_eq!(unknown_assignee(None, &team()), None);
    }

    #[test]
    fn an_agent_is_named_by_the_directory_else_by_id() {
        assert_eq!(agent_name(&team(), "a1"), "Alice");
        assert_eq!(agent_name(&team(), "x9"), "x9");
    }

    #[test]
    fn the_announcement_names_the_new_assignee_or_says_unassigned() {
        let lang = Lang::En;
        assert_eq!(
            announcement(lang, None, &team()),
            text(lang, msg!("assign-now-unassigned"))
        );
        let alice = announcement(lang, Some("a1"), &team());
        assert!(alice.contains("Alice"), "{alice}");
    }
}
