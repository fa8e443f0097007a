//! Before a reply goes out: has the conversation moved on since the agent began writing it?
//! A customer's new message, a colleague's reply or note, a new status or assignee: the
//! box lists what changed and asks to send anyway or review first. Nothing is lost either
//! way, and once the agent has answered, only what changes after that asks again. The
//! agent's own changes (a status they set while writing) never ask.
//!
//! The page gives what the conversation says now ([`ConversationFacts`]); the box keeps
//! what it said when the draft began.

use super::ReplyState;
use crate::i18n::{tr, use_i18n, Args, Lang};
use leptos::prelude::*;
use switchboard_core::directory::{agent_name, Agent};
use switchboard_core::domain::{AuthorKind, Conversation, ConversationStatus};
use switchboard_core::i18n::{text, text_with};

/// What a reply is written against: the last message, the status, the assignee, the notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Whether the conversation is loaded (nothing is compared before it is).
    pub loaded: bool,
    pub last_message: Option<(String, AuthorKind)>,
    pub status: Option<ConversationStatus>,
    pub assignee: Option<String>,
    pub note_ids: Vec<String>,
}

impl Facts {
    pub fn of(conversation: Option<&Conversation>, note_ids: Vec<String>) -> Facts {
        let Some(c) = conversation else {
            return Facts::default();
        };
        Facts {
            loaded: true,
            last_message: c
                .last_message
                .as_ref()
                .map(|m| (m.id.clone(), m.author.kind.clone())),
            status: Some(c.status.clone()),
            assignee: c.assignee.clone(),
            note_ids,
        }
    }
}

/// What the page shares with the box: the facts now, and a count of the agent's own
/// changes (each one is the new ground the reply is written on).
#[derive(Clone, Copy)]
pub struct ConversationFacts {
    pub now: Signal<Facts>,
    pub own: RwSignal<u64>,
}

/// One way the conversation moved on.
#[derive(Clone, Debug, PartialEq)]
pub enum Moved {
    CustomerWrote,
    SomeoneReplied,
    Notes(usize),
    Status(ConversationStatus),
    Assignee(Option<String>),
}

/// How `now` differs from `began`; nothing when either was not loaded.
pub fn moved(began: &Facts, now: &Facts) -> Vec<Moved> {
    if !began.loaded || !now.loaded {
        return Vec::new();
    }
    let mut moved = Vec::new();
    if began.last_message != now.last_message {
        match &now.last_message {
            Some((_, AuthorKind::Customer)) => moved.push(Moved::CustomerWrote),
            Some(_) => moved.push(Moved::SomeoneReplied),
            None => {}
        }
    }
    let new_notes = now
        .note_ids
        .iter()
        .filter(|id| !began.note_ids.contains(id))
        .count();
    if new_notes > 0 {
        moved.push(Moved::Notes(new_notes));
    }
    if let (Some(before), Some(after)) = (&began.status, &now.status) {
        if before != after {
            moved.push(Moved::Status(after.clone()));
        }
    }
    if began.assignee != now.assignee {
        moved.push(Moved::Assignee(now.assignee.clone()));
    }
    moved
}

/// One change in words.
fn words(lang: Lang, moved: &Moved, agents: &[Agent]) -> String {
    match moved {
        Moved::CustomerWrote => text(lang, msg!("reply-since-customer")),
        Moved::SomeoneReplied => text(lang, msg!("reply-since-reply")),
        Moved::Notes(count) => text_with(
            lang,
            msg!("reply-since-notes"),
            &Args::new().num("count", *count as i64),
        ),
        Moved::Status(status) => text_with(
            lang,
            msg!("reply-since-status"),
            &Args::new().str("status", status.label(lang)),
        ),
        Moved::Assignee(None) => text(lang, msg!("reply-since-unassigned")),
        Moved::Assignee(Some(id)) => text_with(
            lang,
            msg!("reply-since-assigned"),
            &Args::new().str("name", agent_name(agents, id)),
        ),
    }
}

/// What the box keeps: the facts when the draft began, and what it is asking about.
#[derive(Clone, Copy)]
pub struct SinceBegan {
    facts: ConversationFacts,
    began: StoredValue<Option<Facts>>,
    pub asking: RwSignal<Option<Vec<Moved>>>,
}

impl SinceBegan {
    /// Whether the reply may go now; if not, the box asks first.
    pub fn may_send(&self) -> bool {
        let now = self.facts.now.get_untracked();
        let changes = self
            .began
            .with_value(|began| began.as_ref().map(|b| moved(b, &now)))
            .unwrap_or_default();
        if changes.is_empty() {
            return true;
        }
        self.asking.set(Some(changes));
        false
    }

    /// The agent has seen what changed: the reply is now written against it.
    pub fn answered(&self) {
        self.began.set_value(Some(self.facts.now.get_untracked()));
        self.asking.set(None);
    }
}

/// Follows the draft: the facts are taken when it begins (or when the conversation loads
/// under a draft kept from before), forgotten when it is emptied or sent, and taken again
/// after each of the agent's own changes.
pub fn use_since_began(state: ReplyState) -> Option<SinceBegan> {
    let facts = use_context::<ConversationFacts>()?;
    let since = SinceBegan {
        facts,
        began: StoredValue::new(None),
        asking: RwSignal::new(None),
    };
    Effect::new(move |_| {
        let writing = state.draft.with(|d| !d.trim().is_empty());
        let now = facts.now.get();
        if !writing {
            since.began.set_value(None);
            since.asking.set(None);
        } else if since
            .began
            .with_value(|b| !b.as_ref().is_some_and(|b| b.loaded))
        {
            since.began.set_value(Some(now));
        }
    });
    Effect::new(move |previous: Option<u64>| {
        let own = facts.own.get();
        if previous.is_some_and(|p| p != own) && since.began.with_value(Option::is_some) {
            since.began.set_value(Some(facts.now.get_untracked()));
        }
        own
    });
    Some(since)
}

/// What changed, and the two ways on.
#[component]
pub fn ChangedSince(
    since: SinceBegan,
    agents: Signal<Vec<Agent>>,
    on_send: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        since.asking.get().map(|changes| {
            let items = changes
                .iter()
                .map(|m| view! { <li>{agents.with(|a| words(i18n.lang(), m, a))}</li> })
                .collect_view();
            view! {
                <div class="notice changed-since" role="alert" data-testid="changed-since">
                    <p><strong>{tr(msg!("reply-since-title"))}</strong></p>
                    <ul data-testid="changed-since-list">{items}</ul>
                    <p class="hint">{tr(msg!("reply-since-hint"))}</p>
                    <div class="actions">
                        <button class="button primary" type="button" data-testid="changed-since-send" on:click=move |_| {
                            since.answered();
                            on_send.run(());
                        }>{tr(msg!("reply-since-send"))}</button>
                        <button class="button" type="button" data-testid="changed-since-review" on:click=move |_| {
                            since.answered();
                            review_the_thread();
                        }>{tr(msg!("reply-since-review"))}</button>
                    </div>
                </div>
            }
        })
    }
}

/// "Review first": the thread's end in view, the text kept as it is.
fn review_the_thread() {
    if let Some(thread) = document().get_element_by_id("thread") {
        thread.set_scroll_top(thread.scroll_height());
        if let Ok(thread) = leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(thread) {
            let _ = thread.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(
        last: Option<(&str, AuthorKind)>,
        status: ConversationStatus,
        assignee: Option<&str>,
        notes: &[&str],
    ) -> Facts {
        Facts {
            loaded: true,
            last_message: last.map(|(id, kind)| (id.to_owned(), kind)),
            status: Some(status),
            assignee: assignee.map(str::to_owned),
            note_ids: notes.iter().map(|n| (*n).to_owned()).collect(),
        }
    }

    #[test]
    fn nothing_changed_is_nothing_to_ask() {
        let began = facts(
            Some(("m1", AuthorKind::Customer)),
            ConversationStatus::Open,
            None,
            &["n1"],
        );
        assert!(moved(&began, &began.clone()).is_empty());
        assert!(
            moved(&Facts::default(), &began).is_empty(),
            "not loaded when it began"
        );
    }

    #[test]
    fn a_customers_message_a_colleagues_note_status_and_assignee_are_each_said() {
        let began = facts(
            Some(("m1", AuthorKind::Customer)),
            ConversationStatus::Open,
            None,
            &["n1"],
        );
        let now = facts(
            Some(("m2", AuthorKind::Customer)),
            ConversationStatus::Closed,
            Some("a2"),
            &["n1", "n2", "n3"],
        );
        assert_eq!(
            moved(&began, &now),
            [
                Moved::CustomerWrote,
                Moved::Notes(2),
                Moved::Status(ConversationStatus::Closed),
                Moved::Assignee(Some("a2".into()))
            ]
        );
        let replied = facts(
            Some(("m2", AuthorKind::Agent)),
            ConversationStatus::Open,
            None,
            &["n1"],
        );
        assert_eq!(moved(&began, &replied), [Moved::SomeoneReplied]);
    }
}
