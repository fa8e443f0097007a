//! The reply box: grows with its text, keeps its draft in the browser across reloads,
//! sends with Ctrl+Enter, and keeps every word when sending fails. Where a backend lets
//! the agent choose who receives a reply (Octopia), it offers only the eligible ones. On a
//! closed or archived conversation it says so before sending, and sending reopens it where
//! the backend can (and says when it cannot).

use crate::components::conversation::attachment_picker::{
    on_drag_over, on_drop, on_paste, AttachmentPicker, PickedFiles,
};
use crate::components::conversation::outbox::{self, OutboxNotice, OutboxSlot};
use crate::components::conversation::reply_context::{ReplyKindChoice, ReplyingTo, ReplyingToChip};
use crate::components::conversation::upload_progress::UploadProgress;
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::upload::UploadControl;
use crate::connectors::{Connector, Reply};
use crate::draft_files;
use crate::i18n::{tr, use_i18n, Lang, Say};
use crate::state::CurrentAgent;
use crate::storage;
use leptos::prelude::*;
use switchboard_core::domain::{Conversation, ConversationStatus, Recipient, StatusChange};
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::text;
use switchboard_core::validation::{limits::REPLY_MAX_CHARS, validate_reply};

#[component]
pub fn ReplyBox(
    connector: Connector,
    #[prop(into)] conversation_id: String,
    /// `None` when replying is possible, else why not.
    #[prop(into)]
    blocked_reason: Signal<Option<String>>,
    /// Who the reply may go to; empty where the backend decides alone.
    #[prop(into, optional)]
    recipients: Signal<Vec<Recipient>>,
    /// The conversation's status, once known.
    #[prop(into, optional)]
    status: Signal<Option<ConversationStatus>>,
    /// Whether the backend can reopen it.
    #[prop(into, optional)]
    can_reopen: Signal<bool>,
    /// After a send: the conversation as the reopen returned it, when sending reopened it.
    on_sent: Callback<Option<Conversation>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Shown after a reply reopened the conversation, until the agent types again.
    let reopened_notice = RwSignal::new(false);
    let closed = move || status.with(is_closed);
    // Only where a reply can be sent at all: a backend that takes none says so already.
    let closed_notice = move || {
        (closed() && blocked_reason.with(Option::is_none)).then(|| {
            let said = move || {
                let id = if can_reopen.get() {
                    msg!("reply-closed-reopens")
                } else {
                    msg!("reply-closed-stays-closed")
                };
                text(i18n.lang(), id)
            };
            view! { <p class="notice" data-testid="reply-closed-notice">{said}</p> }
        })
    };
    // The customer by default, as agents expect; the others one click away.
    let chosen = RwSignal::new(Vec::<Recipient>::new());
    Effect::new(move |_| {
        let offered = recipients.get();
        let customer: Vec<_> = offered
            .iter()
            .filter(|r| r.role == "Customer")
            .cloned()
            .collect();
        chosen.set(if customer.is_empty() {
            offered.into_iter().take(1).collect()
        } else {
            customer
        });
    });
    let current_agent = expect_context::<CurrentAgent>();
    let draft_key = storage::draft_key(
        &current_agent.id_untracked().unwrap_or_default(),
        connector.name(),
        &conversation_id,
    );
    let draft = RwSignal::new(storage::read(&draft_key).unwrap_or_default());
    // The reply being sent, kept beside the draft with its idempotency key: the same text
    // and files keep the key across retries and reloads (the answer may have been lost
    // after the backend took it), forgotten once the reply is confirmed.
    // Shared with the thread when the page offers a slot.
    let slot = use_context::<OutboxSlot>().unwrap_or_default();
    let outbox_entry = slot.entry;
    outbox_entry.set(outbox::read(&draft_key));
    // The reply's kind (first the backend's default) and the message it answers, where the
    // backend has them.
    // Labelled in each language up front, so a language switch relabels the choices.
    let labelled = StoredValue::new(Lang::ALL.map(|lang| (connector.info().reply_kinds)(lang)));
    let kinds = Signal::derive(move || {
        let lang = i18n.lang();
        labelled.with_value(|all| {
            Lang::ALL
                .iter()
                .position(|l| *l == lang)
                .map(|at| all[at].clone())
                .unwrap_or_default()
        })
    });
    let kind = RwSignal::new(
        kinds
            .get_untracked()
            .first()
            .map(|(value, _)| value.clone()),
    );
    let replying = use_context::<ReplyingTo>();
    let problem = RwSignal::new(None::<String>);
    let policy = connector.info().attachment_policy;
    let picked = PickedFiles::default();
    let upload = UploadControl::default();

    let send = Action::new_local({
        let connector = connector.clone();
        let conversation_id = conversation_id.clone();
        let draft_key = draft_key.clone();
        move |(reply, reopen): &(Reply, bool)| {
            let connector = connector.clone();
            let conversation_id = conversation_id.clone();
            let draft_key = draft_key.clone();
            let (reply, reopen) = (reply.clone(), *reopen);
            // Files are read when sending: they cannot travel through the action's input.
            let files = picked.files();
            async move {
                connector
                    .reply(&conversation_id, &reply, &files, &upload)
                    .await?;
                let body = reply.body;
                // Sent: the reply is stored whatever happens to the reopen; a failed reopen
                // leaves the conversation as it was, and the header still offers Reopen.
                let reopened = if reopen {
                    connector
                        .change_status(&conversation_id, StatusChange::Reopen)
                        .await
                        .ok()
                } else {
                    None
                };
                // Here, not in the view: the agent may have left this conversation while it
                // uploaded, and the stored draft must not come back as if unsent.
                if storage::read(&draft_key).is_some_and(|stored| stored.trim() == body) {
                    storage::remove(&draft_key);
                }
                Ok::<_, ApiError>((body, reopened))
            }
        }
    });

    Effect::new(move |_| slot.pending.set(send.pending().get()));
    // A confirmed send empties the box, unless something was typed meanwhile: a failure
    // leaves text and files untouched, and the outbox says why.
    let outbox_draft = draft_key.clone();
    {
        let draft_key = draft_key.clone();
        Effect::new(move |_| {
            match send.value().get() {
                // The earlier version arrived: the thread shows it, the edited text stays
                // in the box, and sending it again is a new message with a new key.
                Some(Err(error)) if error.kind == ErrorKind::KeyReused => {
                    outbox::done(&draft_key);
                    outbox_entry.set(None);
                    on_sent.run(None);
                }
                Some(Err(error)) => {
                    let reason = error
                        .backend_message
                        .clone()
                        .unwrap_or_else(|| error.summary(i18n.lang()));
                    outbox_entry.set(outbox::failed(&draft_key, reason, error.may_have_arrived()));
                }
                _ => {}
            }
        });
    }
    Effect::new(move |_| {
        if let Some(Ok((sent, reopened))) = send.value().get() {
            outbox::done(&outbox_draft);
            outbox_entry.set(None);
            if let Some(replying) = replying {
                replying.target.set(None);
            }
            if draft.get_untracked().trim() == sent {
                draft.set(String::new());
            }
            reopened_notice.set(reopened.is_some());
            // Nothing can be added while sending, so every chosen file went with it.
            picked.clear();
            on_sent.run(reopened);
        }
    });
    // Thumbnails are object URLs: free them when the conversation is left.
    on_cleanup(move || picked.release_thumbnails());
    keep_files_with_the_draft(picked, policy, draft_key.clone());

    let recipients_offered = recipients;
    let closed_untracked = move || status.with_untracked(is_closed);
    let submit_draft = StoredValue::new(draft_key.clone());
    let submit = move || {
        if send.pending().get_untracked() {
            return;
        }
        let body = draft.get_untracked();
        let has_files = !picked.files.with_untracked(Vec::is_empty);
        // A message may be files alone; text, when there is some, follows the rules.
        if !(has_files && body.trim().is_empty()) {
            if let Err(message) = validate_reply(&body) {
                problem.set(Some(message.say(i18n.lang())));
                return;
            }
        }
        if let Some(first) = picked.set_problems(&policy).first() {
            problem.set(Some(first.say(i18n.lang())));
            return;
        }
        let Some(agent) = current_agent.id() else {
            problem.set(Some(text(i18n.lang(), msg!("reply-not-signed-in"))));
            return;
        };
        let recipients = chosen.get_untracked();
        if recipients.is_empty() && !recipients_offered.get_untracked().is_empty() {
            problem.set(Some(text(i18n.lang(), msg!("reply-choose-recipients"))));
            return;
        }
        problem.set(None);
        let mut reply = Reply {
            agent_id: agent,
            body: body.trim().to_owned(),
            recipients,
            kind: kind.get_untracked(),
            in_reply_to: replying
                .and_then(|r| r.target.get_untracked())
                .map(|target| target.id),
            idempotency_key: String::new(),
        };
        // What the agent typed and chose: it survives a reload, so the key does too.
        let fingerprint = fingerprint(&reply.body, &picked.names());
        let entry = submit_draft.with_value(|key| outbox::sending(key, &fingerprint, &reply.body));
        reply.idempotency_key = entry.key.clone();
        outbox_entry.set(Some(entry));
        send.dispatch((reply, closed_untracked() && can_reopen.get_untracked()));
    };

    // The network back after a reply that may not have been sent: it goes again on its
    // own, with the same key (the server never doubles it), if it is still as it was.
    outbox::resend_when_back(
        outbox_entry,
        move || fingerprint(draft.get_untracked().trim(), &picked.names()),
        move || !send.pending().get_untracked(),
        submit,
    );

    // Discarding a reply that was not sent: its text, files and outbox entry go.
    let discard = Callback::new(move |_| {
        submit_draft.with_value(|key| {
            outbox::done(key);
            storage::remove(key);
        });
        outbox_entry.set(None);
        draft.set(String::new());
        picked.clear();
        send.value().set(None);
    });

    let on_input = {
        let draft_key = draft_key.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            if value.trim().is_empty() {
                storage::remove(&draft_key);
            } else {
                storage::write(&draft_key, &value);
            }
            draft.set(value);
            problem.set(None);
            reopened_notice.set(false);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            submit();
        }
    };
    let count = move || draft.with(|d| d.chars().count());
    let near_limit = move || count() > REPLY_MAX_CHARS * 9 / 10;
    let send_error = move || match send.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    };
    let disabled = move || blocked_reason.get().is_some();

    let sending = move || send.pending().get();
    // While sending (or when replies are blocked) nothing may be added: it would be lost.
    let accepts_files = move || !disabled() && !send.pending().get_untracked();
    let drag_over = RwSignal::new(false);
    let drop_files = on_drop(picked, policy);
    let paste_files = on_paste(picked, policy);
    let (sending_label, send_label) = (tr(msg!("action-sending")), tr(msg!("action-send")));
    view! {
        <form
            class="reply-box"
            class:drag-over=move || drag_over.get()
            data-testid="reply-box"
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
            on:dragover=move |ev| {
                on_drag_over(ev);
                drag_over.set(accepts_files());
            }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=move |ev| {
                drag_over.set(false);
                if accepts_files() {
                    drop_files(ev);
                } else {
                    ev.prevent_default();
                }
            }
            on:paste=move |ev| {
                if accepts_files() {
                    paste_files(ev);
                }
            }
        >
            {closed_notice}
            <OutboxNotice
                entry=outbox_entry
                pending=Signal::derive(move || send.pending().get())
                reason_shown=Signal::derive(move || matches!(send.value().get(), Some(Err(_))))
                on_retry=Callback::new(move |_| submit())
                on_discard=discard
            />
            <Show when=move || reopened_notice.get()>
                <p class="notice" data-testid="reply-reopened">{tr(msg!("reply-sent-reopened"))}</p>
            </Show>
            <RecipientChoice offered=recipients chosen />
            <ReplyingToChip />
            <ReplyKindChoice kinds kind />
            <label class="visually-hidden" for="reply-text">{tr(msg!("reply-label"))}</label>
            <textarea
                id="reply-text"
                data-testid="reply-input"
                rows="3"
                placeholder=move || blocked_reason.get().unwrap_or_else(|| text(i18n.lang(), msg!("reply-placeholder")))
                prop:value=move || draft.get()
                on:input=on_input
                on:keydown=on_keydown
                disabled=disabled
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby="reply-problem"
            ></textarea>
            // A backend that carries no files (case messages) offers none to choose.
            {(policy.max_files > 0).then(|| view! {
                <AttachmentPicker
                    picked
                    policy
                    disabled=Signal::derive(move || disabled() || sending())
                    id="reply-attachments"
                />
            })}
            <UploadProgress control=upload />
            <div class="reply-footer">
                <span id="reply-problem" class="field-error" role="alert" data-testid="reply-problem">
                    {move || problem.get()}
                </span>
                <span class="char-count" class:warn=near_limit aria-live="polite">
                    {move || near_limit().then(|| format!("{} / {REPLY_MAX_CHARS}", count()))}
                </span>
                <button
                    class="button primary"
                    type="submit"
                    data-testid="reply-send"
                    disabled=move || disabled() || send.pending().get()
                >
                    {move || if send.pending().get() { sending_label() } else { send_label() }}
                </button>
            </div>
            {move || {
                send_error()
                    .map(|error: ApiError| {
                        let context = if error.kind == ErrorKind::KeyReused {
                            tr(msg!("reply-edited-not-sent"))
                        } else if error.may_have_arrived() {
                            tr(msg!("reply-maybe-not-sent"))
                        } else {
                            tr(msg!("reply-not-sent"))
                        };
                        view! { <ErrorPanel error context /> }
                    })
            }}
        </form>
    }
}

/// What a reply was made of, for its outbox entry: the same text and files keep its key.
fn fingerprint(body: &str, files: &[(String, u64)]) -> String {
    format!("{body:?}{files:?}")
}

/// Whether a reply would land in a conversation nobody is looking at any more.
fn is_closed(status: &Option<ConversationStatus>) -> bool {
    matches!(
        status,
        Some(ConversationStatus::Closed | ConversationStatus::Archived)
    )
}

/// One checkbox per eligible recipient; nothing at all where the backend decides alone.
#[component]
fn RecipientChoice(
    offered: Signal<Vec<Recipient>>,
    chosen: RwSignal<Vec<Recipient>>,
) -> impl IntoView {
    move || {
        let offered = offered.get();
        (!offered.is_empty()).then(|| {
            let boxes = offered
                .into_iter()
                .map(|recipient| {
                    let checked = {
                        let recipient = recipient.clone();
                        move || chosen.with(|c| c.contains(&recipient))
                    };
                    let toggle = {
                        let recipient = recipient.clone();
                        move |_| {
                            chosen.update(|c| match c.iter().position(|r| *r == recipient) {
                                Some(at) => {
                                    c.remove(at);
                                }
                                None => c.push(recipient.clone()),
                            })
                        }
                    };
                    view! {
                        <label class="recipient" data-testid=format!("recipient-{}", recipient.role)>
                            <input type="checkbox" prop:checked=checked on:change=toggle />
                            {recipient.label.clone()}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="recipients" data-testid="recipients">
                    <legend>{tr(msg!("reply-send-to"))}</legend>
                    {boxes}
                </fieldset>
            }
        })
    }
}

/// The chosen files follow the draft's text: restored when the conversation is opened
/// again (after a reload, a crash, another conversation), kept in IndexedDB at every
/// change, and removed once the reply is stored (sending clears the picker). Nothing is
/// written before the stored files are back, so opening never erases them.
fn keep_files_with_the_draft(
    picked: PickedFiles,
    policy: switchboard_core::attachments::AttachmentPolicy,
    key: String,
) {
    let restored = StoredValue::new(false);
    {
        let key = key.clone();
        // Each step after a wait checks the box is still there: the agent may have left
        // the conversation (or it may have left the inbox) while the files were read.
        leptos::task::spawn_local(async move {
            let files = draft_files::load(&key).await;
            if !files.is_empty() {
                picked.add_now(policy, files).await;
            }
            if restored.try_set_value(true).is_some() {
                return;
            }
            // What was picked while they were read is kept too.
            if let Some(files) = picked.try_files() {
                draft_files::save(&key, &files).await;
            }
        });
    }
    Effect::new(move |_| {
        picked.files.with(|_| ());
        if restored.get_value() {
            let (key, files) = (key.clone(), picked.files());
            leptos::task::spawn_local(async move {
                draft_files::save(&key, &files).await;
            });
        }
    });
}
