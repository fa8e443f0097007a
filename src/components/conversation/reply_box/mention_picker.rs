//! `@` in a note offers the team's agents by name (`docs/notes.md`): typing narrows the
//! list, the arrows move, Enter or Tab writes `@Name ` at the cursor, Esc closes. The text
//! keeps the focus throughout (the list is its `aria-activedescendant`), so typing goes on
//! as before; who a note names is read from its text when it is added
//! ([`switchboard_core::mentions::mentioned`]).

use super::{byte_offset, write_text, ReplyState};
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{CurrentAgent, DirectoryResource};
use leptos::html;
use leptos::prelude::*;
use switchboard_core::directory::Agent;
use switchboard_core::i18n::text_with;
use switchboard_core::mentions::{mention_at, offered};

/// How many agents the list shows at once.
const OFFERED: usize = 8;

/// The list's id, for the text's `aria-controls`.
pub const OPTIONS_ID: &str = "mention-options";

/// The picker: where the `@` being completed is, who is offered, which one is chosen.
#[derive(Clone, Copy)]
pub struct Picker {
    /// The `@`'s byte offset in the text, the cursor's, and what was typed between, while
    /// the list is open.
    at: RwSignal<Option<(usize, usize, String)>>,
    /// Who that offers (the team may still be loading when `@` is typed).
    offered: Memo<Vec<Agent>>,
    active: RwSignal<usize>,
    text: NodeRef<html::Textarea>,
}

impl Picker {
    pub fn new(text: NodeRef<html::Textarea>, team: Team) -> Self {
        let at = RwSignal::new(None::<(usize, usize, String)>);
        let offered = Memo::new(move |_| {
            at.with(|at| {
                at.as_ref().map(|(_, _, typed)| {
                    let (agents, me) = team.members_tracked();
                    agents
                        .into_iter()
                        .filter(|a| Some(&a.id) != me.as_ref() && offered(&a.name, typed))
                        .take(OFFERED)
                        .collect()
                })
            })
            .unwrap_or_default()
        });
        Picker {
            at,
            offered,
            active: RwSignal::new(0),
            text,
        }
    }

    pub fn is_open(&self) -> bool {
        self.at.with(Option::is_some) && self.offered.with(|o| !o.is_empty())
    }

    pub fn close(&self) {
        self.at.set(None);
    }

    /// The chosen option's id, for the text's `aria-activedescendant`.
    pub fn active_id(&self) -> Option<String> {
        self.is_open()
            .then(|| format!("{OPTIONS_ID}-{}", self.active.get()))
    }

    /// After the text changed: open, narrow or close the list for the cursor's place.
    pub fn follow(&self, value: &str) {
        let Some(cursor) = self.cursor_in(value) else {
            return self.close();
        };
        let Some((at, query)) = mention_at(&value[..cursor]) else {
            return self.close();
        };
        self.active.set(0);
        self.at.set(Some((at, cursor, query.to_owned())));
    }

    /// The cursor as a byte offset in `value` (the browser counts UTF-16 units).
    fn cursor_in(&self, value: &str) -> Option<usize> {
        let units = self.text.get_untracked()?.selection_end().ok()??;
        byte_offset(value, units as usize)
    }

    /// A key in the text while the list is open; `true` when it was the list's.
    pub fn key(
        &self,
        ev: &leptos::ev::KeyboardEvent,
        state: ReplyState,
        draft_key: StoredValue<String>,
    ) -> bool {
        if !self.is_open() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return false;
        }
        let count = self.offered.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => self.active.update(|a| *a = (*a + 1) % count),
            "ArrowUp" => self.active.update(|a| *a = (*a + count - 1) % count),
            "Enter" | "Tab" => self.insert(self.active.get_untracked(), state, draft_key),
            "Escape" => {
                // The list closes; nothing else (a dialog, the page) hears this Esc.
                ev.stop_propagation();
                self.close();
            }
            _ => return false,
        }
        ev.prevent_default();
        true
    }

    /// Writes `@Name ` for option `index` in place of what was typed after `@`, and puts
    /// the cursor after it.
    pub fn insert(&self, index: usize, state: ReplyState, draft_key: StoredValue<String>) {
        let (Some((at, cursor, _)), Some(agent)) = (
            self.at.get_untracked(),
            self.offered.with_untracked(|o| o.get(index).cloned()),
        ) else {
            return;
        };
        let value = state.draft.get_untracked();
        let (Some(before), Some(after)) = (value.get(..at), value.get(cursor..)) else {
            return self.close();
        };
        let written = format!("{before}@{} ", agent.name);
        write_text(state, draft_key, self.text, &written, after);
        self.close();
    }
}

/// The team as the directory lists it, and the signed-in agent: found where the box is
/// made, read when `@` is typed or a note is added.
#[derive(Clone, Copy)]
pub struct Team {
    directory: Option<DirectoryResource>,
    me: Option<CurrentAgent>,
}

impl Team {
    pub fn here() -> Self {
        Team {
            directory: use_context::<DirectoryResource>(),
            me: use_context::<CurrentAgent>(),
        }
    }

    pub fn members(&self) -> (Vec<Agent>, Option<String>) {
        untrack(|| self.members_tracked())
    }

    /// [`Team::members`], read again when the directory loads.
    fn members_tracked(&self) -> (Vec<Agent>, Option<String>) {
        let agents = self
            .directory
            .and_then(|d| d.get())
            .and_then(Result::ok)
            .map(|d| d.agents)
            .unwrap_or_default();
        (agents, self.me.and_then(|a| a.id_untracked()))
    }
}

/// The agents offered under the text, and how many, said to a screen reader.
#[component]
pub fn MentionOptions(
    picker: Picker,
    state: ReplyState,
    draft_key: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        picker
            .offered
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, agent)| {
                let chosen = move || picker.active.get() == index;
                view! {
                    <li
                        role="option"
                        id=format!("{OPTIONS_ID}-{index}")
                        class:active=chosen
                        aria-selected=move || if chosen() { "true" } else { "false" }
                        data-testid="mention-option"
                        // The text keeps the focus: a click must not take it.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| picker.insert(index, state, draft_key)
                    >
                        <bdi>{agent.name}</bdi>
                    </li>
                }
            })
            .collect_view()
    };
    let said = move || {
        picker.at.with(Option::is_some).then(|| {
            let args = Args::new().num("count", picker.offered.with(Vec::len) as i64);
            text_with(i18n.lang(), msg!("mention-offered"), &args)
        })
    };
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="mention-offered">{said}</p>
        <Show when=move || picker.is_open()>
            <ul class="mention-options" role="listbox" id=OPTIONS_ID aria-label=tr(msg!("mention-options-label")) data-testid="mention-options">
                {options}
            </ul>
        </Show>
    }
}
