//! One row of the inbox's list: who wrote, the time left to answer, when, what it is about,
//! and its badges (stale, status, backend, reference, unread), the whole row one link that keeps the inbox's
//! filters. Only the current row takes Tab; the list decides which ([`super::conversation_list`]).

use crate::components::conversation::status_badge::StatusBadge;
use crate::components::inbox::deadlines::RowDues;
use crate::components::inbox::inbox_filters::with_search;
use crate::components::inbox::labels::RowLabelChips;
use crate::components::inbox::selection::Selection;
use crate::components::inbox::snooze::SnoozeState;
use crate::components::shell::presence::RowPresence;
use crate::i18n::{tr, Args};
use crate::state::Clock;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_location;
use switchboard_core::directory::{agent_name, Agent};
use switchboard_core::domain::{decode_percent, Conversation, ConversationKey};
use switchboard_core::i18n::{text, text_with};

#[component]
pub fn ConversationRow(
    conversation: Conversation,
    agents: Signal<Vec<Agent>>,
    tab_key: Memo<Option<ConversationKey>>,
    stale: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let location = use_location();
    let key = conversation.key.clone();
    let path = key.path();
    // Keep the inbox filters when opening a conversation.
    let href = {
        let path = path.clone();
        move || with_search(&path, &location.search.get())
    };
    let is_selected = {
        // The router may hand the path back decoded: compare both decoded.
        let decoded = decode_percent(&path);
        Memo::new(move |_| {
            location
                .pathname
                .with(|current| decode_percent(current) == decoded)
        })
    };
    let takes_tab = {
        let key = key.clone();
        move || tab_key.with(|k| k.as_ref() == Some(&key))
    };
    let stale_because = stale_because(stale, key.backend.clone());
    let unread = conversation.unread == Some(true);
    let preview = conversation.preview();
    let pick = use_context::<Selection>().map(|selection| {
        let name = conversation.customer_display().to_owned();
        view! { <RowPick selection key=key.clone() name /> }
    });
    view! {
        <li class="conversation-row" class:selected=is_selected class:unread=unread class:stale=move || stale_because.with(Option::is_some)>
            {pick}
            <a
                href=href
                tabindex=move || if takes_tab() { "0" } else { "-1" }
                data-testid="conversation-row"
                data-key=key.to_string()
                aria-current=move || is_selected.get().then_some("page")
            >
                <RowLine conversation=conversation.clone() unread />
                <span class="row-preview" dir="auto">{preview}</span>
                <RowBadges conversation agents stale_because />
                <RowPresence key=key.clone() />
            </a>
        </li>
    }
}

/// Why the row's backend is stale, in a sentence, while its last answer failed.
fn stale_because(stale: Memo<Vec<(String, String)>>, backend: String) -> Signal<Option<String>> {
    let i18n = crate::i18n::use_i18n();
    Signal::derive(move || {
        stale.with(|s| {
            failure_of(s, &backend).map(|why| {
                text_with(
                    i18n.lang(),
                    msg!("list-stale-because"),
                    &Args::new().str("reason", why.to_owned()),
                )
            })
        })
    })
}

/// The row's first line: who wrote (and their address, where the name is not it),
/// unread, the time left to answer, and when (the name gives way to the others).
#[component]
fn RowLine(conversation: Conversation, unread: bool) -> impl IntoView {
    let clock = expect_context::<Clock>();
    let i18n = crate::i18n::use_i18n();
    let last_activity = conversation.last_activity;
    let when = move || {
        last_activity
            .map(|t| crate::i18n::relative(i18n.lang(), clock.now(), t))
            .unwrap_or_default()
    };
    let exact = move || {
        last_activity
            .map(|t| crate::i18n::exact(i18n.lang(), t))
            .unwrap_or_default()
    };
    view! {
        <span class="row-line">
            <span class="row-customer">
                <bdi>{conversation.customer_display().to_owned()}</bdi>
                {conversation.customer_email_beside_name().map(|email| view! {
                    <span class="row-email" data-testid="row-email"><bdi>{email.to_owned()}</bdi></span>
                })}
            </span>
            {unread.then(|| view! { <span class="badge unread" data-testid="row-unread">{tr(msg!("list-unread"))}</span> })}
            <RowDeadline key=conversation.key.clone() />
            <RowSnoozed key=conversation.key.clone() />
            <time class="row-time" title=exact>{when}</time>
        </span>
    }
}

/// The row's badges: stale, status, backend, reference, the backend's own, assignee.
#[component]
fn RowBadges(
    conversation: Conversation,
    agents: Signal<Vec<Agent>>,
    stale_because: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let assignee_id = conversation.assignee.clone();
    let assignee = move || match &assignee_id {
        None => text(i18n.lang(), msg!("list-unassigned")),
        Some(id) => agents.with(|agents| agent_name(agents, id)),
    };
    let unassigned = conversation.assignee.is_none();
    let assignable = conversation.capabilities.assign;
    let kind = conversation.backend_kind;
    let stale_word = tr(msg!("list-stale"));
    view! {
        <span class="row-badges">
            {move || stale_because.get().map(|why| {
                let title = why.clone();
                // Seen: the badge's words; heard: the whole sentence, with why.
                view! {
                    <span class="badge stale" data-testid="row-stale" title=title>
                        <span aria-hidden="true">{stale_word}</span>
                        <span class="visually-hidden">{why}</span>
                    </span>
                }
            })}
            <StatusBadge status=conversation.status.clone() />
            <span class="badge backend">{move || kind.label(i18n.lang())}</span>
            {conversation.reference.clone().map(|r| view! { <span class="badge reference">{r}</span> })}
            // Where the row is too narrow, these are cut short with "…"; the whole
            // words are their title.
            {conversation.badges.iter().map(|b| view! { <span class="badge" title=b.clone()>{b.clone()}</span> }).collect_view()}
            <RowLabelChips key=conversation.key.clone() />
            {assignable.then(|| {
                let title = assignee.clone();
                view! {
                    <span class="badge assignee" class:unassigned=unassigned data-testid="row-assignee" title=title>
                        {assignee}
                    </span>
                }
            })}
        </span>
    }
}

/// The time left to answer, or how long overdue, where an answer awaits: words first, a
/// mark beside them, never colour alone.
#[component]
fn RowDeadline(key: ConversationKey) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let dues = use_context::<RowDues>();
    let standing = move || {
        let dues = dues?;
        Some(dues.of(&key)?.at(dues.now()))
    };
    move || {
        standing().map(|s| {
            view! {
                <span class=format!("badge row-due {}", s.token()) data-testid="row-deadline" data-standing=s.token()>
                    <span aria-hidden="true">{s.mark()}</span>
                    " "
                    {s.short(i18n.lang())}
                </span>
            }
        })
    }
}

/// Until when a snoozed row is away (the Snoozed view shows it).
#[component]
fn RowSnoozed(key: ConversationKey) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let snoozes = use_context::<SnoozeState>();
    move || {
        let snooze = snoozes?.holding(&key)?;
        let time = crate::i18n::weekday_time(i18n.lang(), snooze.until);
        let said = text_with(
            i18n.lang(),
            msg!("row-snoozed-until"),
            &Args::new().str("time", time),
        );
        Some(view! {
            <span class="badge row-snoozed" data-testid="row-snoozed">
                <span aria-hidden="true">"💤"</span>
                " "
                {said}
            </span>
        })
    }
}

/// The row's box for bulk actions: a click picks it, a shift-click the range from the last
/// pick. Out of the Tab order (the list is one stop; `x` picks from the keyboard).
#[component]
fn RowPick(selection: Selection, key: ConversationKey, name: String) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let label = move || {
        let args = Args::new().str("name", name.clone());
        text_with(i18n.lang(), msg!("row-pick"), &args)
    };
    let picked = {
        let key = key.clone();
        move || selection.is_picked(&key)
    };
    view! {
        <input
            type="checkbox"
            class="row-pick"
            data-testid="row-pick"
            tabindex="-1"
            aria-label=label
            prop:checked=picked
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.shift_key() {
                    selection.extend_to(&key);
                } else {
                    selection.toggle(&key);
                }
                // The box shows what the selection now says, whatever the click did to it.
                let input = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(input) = input {
                    input.set_checked(selection.is_picked_untracked(&key));
                }
            }
        />
    }
}

/// Why `backend`'s last answer failed, if it did.
fn failure_of<'a>(stale: &'a [(String, String)], backend: &str) -> Option<&'a str> {
    stale
        .iter()
        .find(|(name, _)| name == backend)
        .map(|(_, why)| why.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_stale_only_for_its_own_backends_failure() {
        let stale = vec![("octopia".to_owned(), "timed out".to_owned())];
        assert_eq!(failure_of(&stale, "octopia"), Some("timed out"));
        assert_eq!(failure_of(&stale, "communication"), None);
    }

    #[test]
    fn an_assignee_is_named_by_the_directory_else_by_their_id() {
        let agents = [Agent {
            id: "a1".into(),
            name: "Ana Pérez".into(),
            email: "ana@example.com".into(),
        }];
        assert_eq!(agent_name(&agents, "a1"), "Ana Pérez");
        assert_eq!(agent_name(&agents, "b2"), "b2");
    }
}
