//! The reply box: grows with its text, keeps its draft in the browser across reloads,
//! sends with Ctrl+Enter, and keeps every word when sending fails. Where a backend lets
//! the agent choose who receives a reply (Octopia), it offers only the eligible ones. On a
//! closed or archived conversation it says so before sending, and sending reopens it where
//! the backend can (and says when it cannot).
//! Here the box itself and its parts on screen; the send and its outbox in `send`, who
//! receives the reply in `recipients`, the files kept with the draft in `files`.

mod files;
mod mention_picker;
mod note;
mod recipients;
mod saved_picker;
mod send;
mod since;

use crate::components::conversation::attachment_picker::{AttachmentPicker, PickedFiles};
use crate::components::conversation::outbox::{self, OutboxEntry, OutboxNotice, OutboxSlot};
use crate::components::conversation::presence::ComposeActivity;
use crate::components::conversation::reply_context::{ReplyKindChoice, ReplyingTo, ReplyingToChip};
use crate::components::conversation::upload_progress::UploadProgress;
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::upload::UploadControl;
use crate::connectors::Connector;
use crate::i18n::{tr, use_i18n, Lang};
use crate::state::CurrentAgent;
use crate::storage;
use files::{keep_files_with_the_draft, FileDrop};
use leptos::prelude::*;
use mention_picker::{MentionOptions, Picker, Team, OPTIONS_ID};
use note::{switches_compose, use_compose, Compose, ComposeChoice, NoteFailure};
use recipients::{use_default_recipients, RecipientChoice};
pub use saved_picker::{saved_replies_panel, SavedRepliesLater, ShownConversation};
use saved_picker::{SavedPicker, SavedReplies};
use send::{discard, failure_context, resend_when_back, use_send, use_submit, SendAction};
use since::{use_since_began, ChangedSince};
pub use since::{ConversationFacts, Facts};
use switchboard_core::domain::{Conversation, ConversationStatus, Recipient};
use switchboard_core::i18n::{text, Msg};
use switchboard_core::notes::NOTE_ATTACHMENT_POLICY;
use switchboard_core::validation::limits::REPLY_MAX_CHARS;

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
    let current_agent = expect_context::<CurrentAgent>();
    let draft_key = storage::draft_key(
        &current_agent.id_untracked().unwrap_or_default(),
        connector.name(),
        &conversation_id,
    );
    // The reply being sent, kept beside the draft with its idempotency key: the same text
    // and files keep the key across retries and reloads (the answer may have been lost
    // after the backend took it), forgotten once the reply is confirmed.
    // Shared with the thread when the page offers a slot.
    let slot = use_context::<OutboxSlot>().unwrap_or_default();
    slot.entry.set(outbox::read(&draft_key));
    let (kinds, kind) = use_reply_kinds(&connector);
    let state = ReplyState {
        draft: RwSignal::new(storage::read(&draft_key).unwrap_or_default()),
        problem: RwSignal::new(None),
        reopened_notice: RwSignal::new(false),
        picked: PickedFiles::default(),
        chosen: use_default_recipients(recipients),
        kind,
        outbox_entry: slot.entry,
        replying: use_context::<ReplyingTo>(),
    };
    let policy = connector.info().attachment_policy;
    let upload = UploadControl::default();
    let send = use_send(connector, conversation_id, draft_key.clone(), state, upload);
    send::follow_the_send(send, state, slot, draft_key.clone(), on_sent);
    // Thumbnails are object URLs: free them when the conversation is left.
    on_cleanup(move || state.picked.release_thumbnails());
    let stored_key = draft_key.clone();
    let draft_key = StoredValue::new(draft_key);
    let reopen = ReopenWhenClosed { status, can_reopen };
    let send_reply = use_submit(send, state, policy, recipients, reopen, draft_key);
    resend_when_back(send, state, send_reply);
    let on_discard = discard(send, state, draft_key);
    let compose = use_compose(state, draft_key, upload);
    // A note's files are checked as a reply's are, on every backend (docs/notes.md).
    let file_policy = Signal::derive(move || match compose.mode.get() {
        Compose::Note => NOTE_ATTACHMENT_POLICY,
        Compose::Reply => policy,
    });
    keep_files_with_the_draft(state.picked, file_policy.get_untracked(), stored_key);
    // A reply written before the conversation moved on asks first.
    let since = use_since_began(state);
    let submit = move || match compose.mode.get_untracked() {
        Compose::Reply => {
            if since.is_none_or(|since| since.may_send()) {
                send_reply();
            }
        }
        Compose::Note => {
            if let Some(note_send) = compose.send {
                note::submit_note(note_send, state);
            }
        }
    };

    let disabled = Signal::derive(move || blocked_reason.get().is_some());
    // While sending (or when replies are blocked) nothing may be added: it would be lost.
    let accepts_files = Signal::derive(move || !disabled.get() && !send.pending().get_untracked());
    let files = FileDrop::new(state.picked, file_policy, accepts_files);
    view! {
        <form
            class="reply-box"
            class:note-mode=move || compose.mode.get() == Compose::Note
            class:drag-over=move || files.over.get()
            data-testid="reply-box"
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
            on:dragover=move |ev| files.drag_over(ev)
            on:dragleave=move |_| files.leave()
            on:drop=move |ev| files.drop(ev)
            on:paste=move |ev| files.paste(ev)
        >
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="note-announcement">
                {move || compose.announce.get()}
            </p>
            {compose.send.map(|_| view! { <ComposeChoice mode=compose.mode on_change=compose.switch /> })}
            <Show when=move || compose.mode.get() == Compose::Note>
                <p class="note-hint" data-testid="note-hint">{tr(msg!("note-hint"))}</p>
            </Show>
            <Show when=move || compose.mode.get() == Compose::Reply>
                <ClosedNotice status blocked_reason can_reopen />
            </Show>
            <OutboxNotice
                entry=state.outbox_entry
                pending=Signal::derive(move || send.pending().get())
                reason_shown=Signal::derive(move || matches!(send.value().get(), Some(Err(_))))
                on_retry=Callback::new(move |_| submit())
                on_discard
            />
            <Show when=move || state.reopened_notice.get()>
                <p class="notice" data-testid="reply-reopened">{tr(msg!("reply-sent-reopened"))}</p>
            </Show>
            <Show when=move || compose.mode.get() == Compose::Reply>
                <RecipientChoice offered=recipients chosen=state.chosen />
                <ReplyingToChip />
                <ReplyKindChoice kinds kind />
            </Show>
            <ReplyText state draft_key blocked_reason disabled mode=compose.mode on_switch=compose.switch on_submit=Callback::new(move |_| submit()) />
            // A backend that carries no files (case messages) offers none to choose for a
            // reply; a note carries files on every backend (docs/notes.md).
            {(policy.max_files > 0).then(|| view! {
                <Show when=move || compose.mode.get() == Compose::Reply>
                    <AttachmentPicker
                        picked=state.picked
                        policy
                        disabled=Signal::derive(move || disabled.get() || send.pending().get())
                        id="reply-attachments"
                    />
                </Show>
            })}
            {compose.send.map(|note| view! {
                <Show when=move || compose.mode.get() == Compose::Note>
                    <AttachmentPicker
                        picked=state.picked
                        policy=NOTE_ATTACHMENT_POLICY
                        disabled=Signal::derive(move || note.action.pending().get())
                        id="note-attachments"
                    />
                </Show>
            })}
            <UploadProgress control=upload />
            <ReplyFooter state disabled mode=compose.mode pending=Signal::derive(move || match compose.mode.get() {
                Compose::Reply => send.pending().get(),
                Compose::Note => compose.send.is_some_and(|n| n.action.pending().get()),
            }) />
            {since.map(|since| {
                let team = Team::here();
                let agents = Signal::derive(move || team.members().0);
                view! { <ChangedSince since agents on_send=Callback::new(move |_| send_reply()) /> }
            })}
            <SendFailure send />
            {compose.send.map(|send| view! { <NoteFailure send /> })}
        </form>
    }
}

/// The box's own state, shared by the send, its checks and the parts on screen. Reactive
/// handles only, so it is `Copy`.
#[derive(Clone, Copy)]
struct ReplyState {
    draft: RwSignal<String>,
    problem: RwSignal<Option<String>>,
    /// Shown after a reply reopened the conversation, until the agent types again.
    reopened_notice: RwSignal<bool>,
    picked: PickedFiles,
    /// The customer by default, as agents expect; the others one click away.
    chosen: RwSignal<Vec<Recipient>>,
    /// The reply's kind (first the backend's default), where the backend has them.
    kind: RwSignal<Option<String>>,
    outbox_entry: RwSignal<Option<OutboxEntry>>,
    /// The message it answers, where the backend threads replies.
    replying: Option<ReplyingTo>,
}

/// What decides whether sending also reopens the conversation.
#[derive(Clone, Copy)]
struct ReopenWhenClosed {
    status: Signal<Option<ConversationStatus>>,
    can_reopen: Signal<bool>,
}

/// A backend's reply kinds: each one's value on the wire and its label.
type Kinds = Vec<(String, String)>;

/// The reply's kinds in the language of the moment, and the chosen one (first the
/// backend's default). Labelled in each language up front, so a language switch
/// relabels the choices.
fn use_reply_kinds(connector: &Connector) -> (Signal<Kinds>, RwSignal<Option<String>>) {
    let i18n = use_i18n();
    let labelled = StoredValue::new(Lang::ALL.map(|lang| (connector.info().reply_kinds)(lang)));
    let kinds = Signal::derive(move || {
        let lang = i18n.lang();
        labelled.with_value(|all| kinds_in(lang, all))
    });
    let kind = RwSignal::new(
        kinds
            .get_untracked()
            .first()
            .map(|(value, _)| value.clone()),
    );
    (kinds, kind)
}

/// The kinds labelled in `lang`, out of the labels in every language (`Lang::ALL`'s order).
fn kinds_in(lang: Lang, all: &[Kinds]) -> Kinds {
    Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .and_then(|at| all.get(at).cloned())
        .unwrap_or_default()
}

/// Whether a reply would land in a conversation nobody is looking at any more.
fn is_closed(status: &Option<ConversationStatus>) -> bool {
    matches!(
        status,
        Some(ConversationStatus::Closed | ConversationStatus::Archived)
    )
}

/// What the closed notice says: whether sending will reopen the conversation.
fn closed_notice_words(can_reopen: bool) -> Msg {
    if can_reopen {
        msg!("reply-closed-reopens")
    } else {
        msg!("reply-closed-stays-closed")
    }
}

/// Whether the counter shows: near the limit, not before.
fn near_limit(count: usize) -> bool {
    count > REPLY_MAX_CHARS * 9 / 10
}

/// Said on a closed or archived conversation, before sending. Only where a reply can be
/// sent at all: a backend that takes none says so already.
#[component]
fn ClosedNotice(
    status: Signal<Option<ConversationStatus>>,
    blocked_reason: Signal<Option<String>>,
    can_reopen: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        (status.with(is_closed) && blocked_reason.with(Option::is_none)).then(|| {
            let said = move || text(i18n.lang(), closed_notice_words(can_reopen.get()));
            view! { <p class="notice" data-testid="reply-closed-notice">{said}</p> }
        })
    }
}

/// The text: kept in the browser at every keystroke (and forgotten when emptied);
/// Ctrl+Enter sends.
#[component]
fn ReplyText(
    state: ReplyState,
    draft_key: StoredValue<String>,
    blocked_reason: Signal<Option<String>>,
    disabled: Signal<bool>,
    mode: RwSignal<Compose>,
    on_switch: Callback<Compose>,
    on_submit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text_ref = NodeRef::new();
    let picker = Picker::new(text_ref, Team::here());
    let saved = use_context::<SavedRepliesLater>().map(|later| (SavedPicker::new(text_ref), later));
    let activity = use_context::<ComposeActivity>();
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        // `/` starting a word offers the saved replies, in a reply or a note.
        if let Some((saved, _)) = saved {
            state
                .draft
                .with_untracked(|before| saved.follow(before, &value));
        }
        // `@` offers the team's agents, in a note only (a customer has no use for them).
        if mode.get_untracked() == Compose::Note {
            picker.follow(&value);
        } else {
            picker.close();
        }
        draft_key.with_value(|key| {
            if value.trim().is_empty() {
                storage::remove(key);
            } else {
                storage::write(key, &value);
            }
        });
        state.draft.set(value);
        state.problem.set(None);
        state.reopened_notice.set(false);
        if let Some(activity) = activity {
            activity.typed();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if picker.key(&ev, state, draft_key) {
            return;
        }
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            on_submit.run(());
        } else if switches_compose(&ev) {
            ev.prevent_default();
            picker.close();
            on_switch.run(mode.get_untracked().other());
        }
    };
    view! {
        <label class="visually-hidden" for="reply-text">{tr(msg!("reply-label"))}</label>
        <textarea
            id="reply-text"
            node_ref=text_ref
            data-testid="reply-input"
            rows="3"
            placeholder=move || match mode.get() {
                Compose::Note => text(i18n.lang(), msg!("note-placeholder")),
                Compose::Reply => blocked_reason.get().unwrap_or_else(|| text(i18n.lang(), msg!("reply-placeholder"))),
            }
            prop:value=move || state.draft.get()
            on:input=on_input
            on:keydown=on_keydown
            on:blur=move |_| picker.close()
            aria-autocomplete=move || (mode.get() == Compose::Note).then_some("list")
            aria-controls=move || picker.is_open().then_some(OPTIONS_ID)
            aria-activedescendant=move || picker.active_id()
            // A note can be written where a reply cannot: it asks nothing of the backend.
            disabled=move || disabled.get() && mode.get() == Compose::Reply
            aria-invalid=move || state.problem.get().is_some().then_some("true")
            aria-describedby="reply-problem"
        ></textarea>
        <MentionOptions picker state draft_key />
        {saved.map(|(picker, later)| view! { <SavedReplies picker later state draft_key /> })}
    }
}

/// Under the text: what stops the reply, the counter near the limit, and Send.
#[component]
fn ReplyFooter(
    state: ReplyState,
    disabled: Signal<bool>,
    mode: RwSignal<Compose>,
    pending: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || state.draft.with(|d| d.chars().count());
    let near = move || near_limit(count());
    let label = move || {
        let id = match (mode.get(), pending.get()) {
            (Compose::Reply, true) => msg!("action-sending"),
            (Compose::Reply, false) => msg!("action-send"),
            (Compose::Note, true) => msg!("note-adding"),
            (Compose::Note, false) => msg!("note-add"),
        };
        text(i18n.lang(), id)
    };
    view! {
        <div class="reply-footer">
            <span id="reply-problem" class="field-error" role="alert" data-testid="reply-problem">
                {move || state.problem.get()}
            </span>
            <span class="char-count" class:warn=near aria-live="polite">
                {move || near().then(|| format!("{} / {REPLY_MAX_CHARS}", count()))}
            </span>
            <button
                class="button primary"
                type="submit"
                data-testid="reply-send"
                disabled=move || (disabled.get() && mode.get() == Compose::Reply) || pending.get()
            >
                {label}
            </button>
        </div>
    }
}

/// Why the last send failed, and what became of the reply.
#[component]
fn SendFailure(send: SendAction) -> impl IntoView {
    move || match send.value().get() {
        Some(Err(error)) => {
            let context = tr(failure_context(&error));
            Some(view! { <ErrorPanel error context /> })
        }
        _ => None,
    }
}

/// Puts `written` then `after` in the box as if typed: kept with the draft, the cursor
/// between the two, the focus back in the text.
fn write_text(
    state: ReplyState,
    draft_key: StoredValue<String>,
    text: NodeRef<leptos::html::Textarea>,
    written: &str,
    after: &str,
) {
    let caret = written.encode_utf16().count() as u32;
    let value = format!("{written}{after}");
    draft_key.with_value(|key| storage::write(key, &value));
    if let Some(text) = text.get_untracked() {
        text.set_value(&value);
        let _ = text.set_selection_range(caret, caret);
        let _ = text.focus();
    }
    state.draft.set(value);
}

/// The byte offset of UTF-16 unit `units` in `value`, when it falls between characters
/// (the browser counts a text's cursor in UTF-16 units).
fn byte_offset(value: &str, units: usize) -> Option<usize> {
    let mut counted = 0;
    for (at, c) in value.char_indices() {
        if counted == units {
            return Some(at);
        }
        counted += c.len_utf16();
    }
    (counted == units).then_some(value.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(word: &str) -> Kinds {
        vec![("note".to_owned(), word.to_owned())]
    }

    #[test]
    fn the_kinds_are_labelled_in_the_language_of_the_moment() {
        let all = [labels("Note"), labels("Remarque"), labels("Nota")];
        assert_eq!(kinds_in(Lang::Fr, &all), labels("Remarque"));
        assert_eq!(kinds_in(Lang::Es, &all), labels("Nota"));
    }

    #[test]
    fn closed_and_archived_conversations_are_closed_open_ones_and_unknown_are_not() {
        assert!(is_closed(&Some(ConversationStatus::Closed)));
        assert!(is_closed(&Some(ConversationStatus::Archived)));
        assert!(!is_closed(&Some(ConversationStatus::Open)));
        assert!(!is_closed(&None));
    }

    #[test]
    fn the_closed_notice_says_whether_sending_reopens() {
        assert_eq!(closed_notice_words(true), msg!("reply-closed-reopens"));
        assert_eq!(
            closed_notice_words(false),
            msg!("reply-closed-stays-closed")
        );
    }

    #[test]
    fn the_browsers_cursor_is_read_in_utf16_units() {
        assert_eq!(byte_offset("abc", 2), Some(2));
        assert_eq!(byte_offset("é@", 1), Some(2));
        assert_eq!(byte_offset("😀@A", 2), Some(4), "an emoji is two units");
        assert_eq!(byte_offset("😀", 1), None, "inside a character");
        assert_eq!(byte_offset("ab", 2), Some(2));
        assert_eq!(byte_offset("ab", 3), None);
    }

    #[test]
    fn the_counter_shows_only_past_nine_tenths_of_the_limit() {
        assert!(!near_limit(0));
        assert!(!near_limit(REPLY_MAX_CHARS * 9 / 10));
        assert!(near_limit(REPLY_MAX_CHARS * 9 / 10 + 1));
    }
}
