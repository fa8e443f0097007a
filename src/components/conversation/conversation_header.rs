//! A conversation's header: who the customer is, the reference, reason and status, the
//! read state, the assignee and the status controls; for a support session, its facts.
//! The page owns the conversation and the read action; the header shows and asks.

use crate::components::conversation::assignee_select::AssigneeSelect;
use crate::components::conversation::backend_assignment::BackendAssignment;
use crate::components::conversation::change::Changed;
use crate::components::conversation::session_facts::{CallbackPhone, PerformerControl};
use crate::components::conversation::status_badge::StatusBadge;
use crate::components::conversation::status_controls::StatusControls;
use crate::components::inbox::follow_item::StopFollowing;
use crate::components::inbox::inbox_filters::with_search;
use crate::connectors::Connector;
use crate::i18n::{tr, Args, Say};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use switchboard_core::directory::Agent;
use switchboard_core::domain::Conversation;
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with};

/// Marking read or unread, and whether the agent asked for it: reading on open moves no
/// focus and announces nothing.
/// `shown`: the unread messages on the agent's screen as they asked (see
/// `ConversationBackend::mark_read`); empty on open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadMark {
    pub read: bool,
    pub asked: bool,
    pub shown: Vec<String>,
}

pub type MarkRead = Action<ReadMark, Result<(Conversation, ReadMark), ApiError>>;

#[component]
pub fn ConversationHeader(
    conversation: Conversation,
    connector: Connector,
    agents: Signal<Vec<Agent>>,
    on_changed: Callback<Changed>,
    mark_read: MarkRead,
    /// The unread messages the thread shows now.
    shown_unread: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let id = conversation.key.id.clone();
    let location = use_location();
    // Back to the inbox view the agent came from, filters and all.
    let back = move || with_search("/", &location.search.get());
    let name = conversation.customer_display().to_owned();
    // The backend's id of the customer, beside their name when both exist.
    let known_as = (name != conversation.customer && !conversation.customer.is_empty())
        .then(|| conversation.customer.clone());
    let unread = conversation.unread;
    // Taken once, read with `try_`: the action belongs to the page, which may go (a case
    // no longer followed) while this header's closures still run.
    let read_pending = mark_read.pending();
    let read_result = mark_read.value();
    let read_toggle = conversation.capabilities.mark_read.then(|| {
        let to = unread != Some(true);
        // Offered only where the backend can do it; said why otherwise.
        if to && !conversation.capabilities.mark_unread {
            let kind = conversation.backend_kind;
            return view! {
                <p class="state-hint" data-testid="read-unsupported">
                    {move || text_with(
                        i18n.lang(),
                        msg!("conversation-cannot-mark-unread"),
                        &Args::new().str("backend", kind.label(i18n.lang())),
                    )}
                </p>
            }
            .into_any();
        }
        view! {
            <button
                class="button ghost steady"
                type="button"
                data-testid="toggle-read"
                // What pressing it does, whatever the language: `u` looks for "unread".
                data-marks=if to { "unread" } else { "read" }
                disabled=move || read_pending.try_get().unwrap_or(true)
                on:click=move |_| {
                    mark_read.dispatch(ReadMark {
                        read: !to,
                        asked: true,
                        shown: if to { Vec::new() } else { shown_unread.get_untracked() },
                    });
                }
            >
                {move || {
                    let id = if to { msg!("conversation-mark-unread") } else { msg!("conversation-mark-read") };
                    text(i18n.lang(), id)
                }}
            </button>
        }
        .into_any()
    });
    let assignable = conversation.capabilities.assign || conversation.capabilities.unassign;
    // A support session's facts, in place of messages.
    let session_facts = (conversation.capabilities.callback_phone
        || conversation.capabilities.performer)
        .then(|| {
            let (c1, c2) = (connector.clone(), connector.clone());
            let (v1, v2) = (conversation.clone(), conversation.clone());
            view! {
                <div class="session-facts" data-testid="session-facts">
                    <CallbackPhone connector=c1 conversation=v1 on_changed />
                    <PerformerControl connector=c2 conversation=v2 on_changed />
                </div>
            }
        });
    // Where the backend picks its own agents: who has it, and asking it to pick.
    let backend_assignment = conversation.capabilities.auto_assign.then(|| {
        let (connector, conversation) = (connector.clone(), conversation.clone());
        view! { <BackendAssignment connector conversation on_changed /> }
    });
    // What the backend sent that has no place of its own, shown as it came.
    let other_fields = (!conversation.other_fields.is_empty()).then(|| {
        let fields = conversation.other_fields.clone();
        view! {
            <details class="other-fields" data-testid="other-fields">
                <summary>{tr(msg!("conversation-more-from-backend"))}</summary>
                <dl>
                    {fields.into_iter().map(|f| view! { <dt>{f.name}</dt><dd>{f.value}</dd> }).collect_view()}
                </dl>
            </details>
        }
    });
    let kind = conversation.backend_kind;
    view! {
        <header class="conversation-header">
            <div class="conversation-title">
                <a class="back-link" href=back>{tr(msg!("conversation-back-to-inbox"))}</a>
                <h2 data-testid="conversation-customer" tabindex="-1"><bdi>{name}</bdi></h2>
                {known_as.map(|id| view! { <p class="conversation-customer-id">{id}</p> })}
                {conversation.subject.clone().map(|s| view! { <p class="conversation-subject" data-testid="conversation-subject" dir="auto">{s}</p> })}
                <p class="conversation-meta">
                    <StatusBadge status=conversation.status.clone() />
                    <span class="badge backend">{move || kind.label(i18n.lang())}</span>
                    {conversation.reference.clone().map(|r| view! { <span class="badge reference" title=tr(msg!("conversation-reference-title")) data-testid="conversation-reference">{r}</span> })}
                    {conversation.reason.clone().map(|r| view! { <span class="badge reason" title=tr(msg!("conversation-reason-title")) data-testid="conversation-reason">{r}</span> })}
                    {conversation.badges.iter().map(|b| view! { <span class="badge">{b.clone()}</span> }).collect_view()}
                    {(unread == Some(true)).then(|| view! { <span class="badge unread" data-testid="conversation-unread">{tr(msg!("conversation-unread-badge"))}</span> })}
                </p>
                {session_facts}
                {backend_assignment}
                {other_fields}
            </div>
            <div class="conversation-actions">
                <StopFollowing connector=connector.clone() key=conversation.key.clone() />
                {read_toggle}
                // Never a silent "done": what could not be marked read, and why.
                {move || match read_result.try_get().flatten() {
                    Some(Err(error)) => Some(view! {
                        <p class="field-error" role="alert" data-testid="read-error">
                            {move || {
                                let lang = i18n.lang();
                                let reason = error.backend_message.clone().unwrap_or_else(|| error.say(lang));
                                text_with(lang, msg!("conversation-not-marked-read"), &Args::new().str("reason", reason))
                            }}
                        </p>
                    }),
                    _ => None,
                }}
                {assignable.then(|| view! {
                    <AssigneeSelect
                        connector=connector.clone()
                        conversation_id=id.clone()
                        assignee=conversation.assignee.clone()
                        capabilities=conversation.capabilities
                        agents
                        on_changed
                    />
                })}
                <StatusControls
                    connector
                    conversation_id=id
                    status=conversation.status.clone()
                    capabilities=conversation.capabilities
                    on_changed
                />
            </div>
        </header>
    }
}
