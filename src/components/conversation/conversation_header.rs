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
use crate::i18n::{tr, use_i18n, Args, Lang, Say};
use leptos::prelude::*;
use leptos::reactive::signal::MappedSignal;
use leptos_router::hooks::use_location;
use switchboard_core::directory::Agent;
use switchboard_core::domain::{BackendKind, Conversation, OtherField};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with};

/// Marking read or unread, and whether the agent asked for it: reading on open moves no
/// focus and announces nothing.
/// `shown`: the unread messages on the agent's screen as they asked (see
/// `ThreadBackend::mark_read`); empty on open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadMark {
    pub read: bool,
    pub asked: bool,
    pub shown: Vec<String>,
}

pub type MarkRead = Action<ReadMark, ReadResult>;

/// What marking read gives: the conversation as the backend returned it, and the mark.
pub type ReadResult = Result<(Conversation, ReadMark), ApiError>;

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
    let id = conversation.key.id.clone();
    let capabilities = conversation.capabilities;
    // Taken once, read with `try_`: the action belongs to the page, which may go (a case
    // no longer followed) while this header's closures still run.
    let read_pending = mark_read.pending();
    let read_result = mark_read.value();
    let read_toggle = read_offer(
        capabilities.mark_read,
        capabilities.mark_unread,
        conversation.unread,
    )
    .map(|offer| {
        let kind = conversation.backend_kind;
        view! { <ReadToggle offer kind mark_read read_pending shown_unread /> }
    });
    // A support session's facts, in place of messages.
    let session_facts = (capabilities.callback_phone || capabilities.performer).then(|| {
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
    let backend_assignment = capabilities.auto_assign.then(|| {
        let (connector, conversation) = (connector.clone(), conversation.clone());
        view! { <BackendAssignment connector conversation on_changed /> }
    });
    let other_fields = conversation.other_fields.clone();
    view! {
        <header class="conversation-header">
            <div class="conversation-title">
                <ConversationTitle conversation=conversation.clone() />
                {session_facts}
                {backend_assignment}
                <OtherFields fields=other_fields />
            </div>
            <div class="conversation-actions">
                <StopFollowing connector=connector.clone() key=conversation.key.clone() />
                {read_toggle}
                <ReadError read_result />
                {(capabilities.assign || capabilities.unassign).then(|| view! {
                    <AssigneeSelect
                        connector=connector.clone()
                        conversation_id=id.clone()
                        assignee=conversation.assignee.clone()
                        capabilities
                        agents
                        on_changed
                    />
                })}
                <StatusControls
                    connector
                    conversation_id=id
                    status=conversation.status.clone()
                    capabilities
                    on_changed
                />
            </div>
        </header>
    }
}

/// What the read control offers, given what the backend can do and how the conversation
/// stands (`unread`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReadOffer {
    /// A button marking it read, or unread (`to_unread`).
    Toggle { to_unread: bool },
    /// Read, and the backend cannot mark it unread: said why, no button.
    CannotMarkUnread,
}

/// The read control: nothing where the backend cannot mark read; otherwise the way to the
/// other state, or why there is none.
fn read_offer(mark_read: bool, mark_unread: bool, unread: Option<bool>) -> Option<ReadOffer> {
    mark_read.then(|| {
        let to_unread = unread != Some(true);
        if to_unread && !mark_unread {
            ReadOffer::CannotMarkUnread
        } else {
            ReadOffer::Toggle { to_unread }
        }
    })
}

/// The backend's id of the customer, beside their name when both exist.
fn known_as(name: &str, customer: &str) -> Option<String> {
    (name != customer && !customer.is_empty()).then(|| customer.to_owned())
}

/// Why marking read failed: the backend's words, else ours.
fn read_error_reason(error: &ApiError, lang: Lang) -> String {
    error
        .backend_message
        .clone()
        .unwrap_or_else(|| error.say(lang))
}

/// Who the customer is, the way back, and the conversation's facts as badges.
#[component]
fn ConversationTitle(conversation: Conversation) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // Back to the inbox view the agent came from, filters and all.
    let back = move || with_search("/", &location.search.get());
    let name = conversation.customer_display().to_owned();
    let known_as = known_as(&name, &conversation.customer);
    let unread = conversation.unread;
    let kind = conversation.backend_kind;
    view! {
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
    }
}

/// Marking read or unread, offered only where the backend can do it; said why otherwise.
#[component]
fn ReadToggle(
    offer: ReadOffer,
    kind: BackendKind,
    mark_read: MarkRead,
    read_pending: Memo<bool>,
    shown_unread: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let to = match offer {
        ReadOffer::CannotMarkUnread => {
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
        ReadOffer::Toggle { to_unread } => to_unread,
    };
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
}

/// Never a silent "done": what could not be marked read, and why.
#[component]
fn ReadError(read_result: MappedSignal<Option<ReadResult>>) -> impl IntoView {
    let i18n = use_i18n();
    move || match read_result.try_get().flatten() {
        Some(Err(error)) => Some(view! {
            <p class="field-error" role="alert" data-testid="read-error">
                {move || {
                    let lang = i18n.lang();
                    let reason = read_error_reason(&error, lang);
                    text_with(lang, msg!("conversation-not-marked-read"), &Args::new().str("reason", reason))
                }}
            </p>
        }),
        _ => None,
    }
}

/// What the backend sent that has no place of its own, shown as it came.
#[component]
fn OtherFields(fields: Vec<OtherField>) -> impl IntoView {
    (!fields.is_empty()).then(|| {
        view! {
            <details class="other-fields" data-testid="other-fields">
                <summary>{tr(msg!("conversation-more-from-backend"))}</summary>
                <dl>
                    {fields.into_iter().map(|f| view! { <dt>{f.name}</dt><dd>{f.value}</dd> }).collect_view()}
                </dl>
            </details>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::error::ErrorKind;

    #[test]
    fn an_unread_conversation_offers_mark_read() {
        let offer = read_offer(true, true, Some(true));
        assert_eq!(offer, Some(ReadOffer::Toggle { to_unread: false }));
    }

    #[test]
    fn a_read_conversation_offers_mark_unread_where_the_backend_can() {
        assert_eq!(
            read_offer(true, true, Some(false)),
            Some(ReadOffer::Toggle { to_unread: true })
        );
        assert_eq!(
            read_offer(true, true, None),
            Some(ReadOffer::Toggle { to_unread: true })
        );
    }

    #[test]
    fn a_read_conversation_says_why_where_the_backend_cannot_mark_unread() {
        assert_eq!(
            read_offer(true, false, Some(false)),
            Some(ReadOffer::CannotMarkUnread)
        );
        let unread = read_offer(true, false, Some(true));
        assert_eq!(unread, Some(ReadOffer::Toggle { to_unread: false }));
    }

    #[test]
    fn nothing_is_offered_where_the_backend_cannot_mark_read() {
        assert_eq!(read_offer(false, true, Some(true)), None);
    }

    #[test]
    fn the_customers_id_shows_beside_a_different_name_only() {
        assert_eq!(known_as("Camille Martin", "c-42"), Some("c-42".to_owned()));
        assert_eq!(known_as("c-42", "c-42"), None);
        assert_eq!(known_as("Camille Martin", ""), None);
    }

    #[test]
    fn a_failed_read_mark_gives_the_backends_words_first() {
        let mut error = ApiError::new(ErrorKind::Forbidden);
        error.backend_message = Some("Locked".to_owned());
        assert_eq!(read_error_reason(&error, Lang::En), "Locked");
        let error = ApiError::new(ErrorKind::Forbidden);
        assert_eq!(read_error_reason(&error, Lang::En), error.say(Lang::En));
    }
}
