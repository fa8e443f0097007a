//! Sending a reply: the checks before it goes, the write (and the reopen it may bring),
//! and what follows in the outbox and the box. Apart from the markup because every step
//! here must keep the agent's words, whatever the network does.

use super::{is_closed, ReopenWhenClosed, ReplyState};
use crate::components::conversation::outbox::{self, OutboxSlot};
use crate::connectors::upload::UploadControl;
use crate::connectors::{Connector, Reply};
use crate::i18n::{use_i18n, Lang, Say};
use crate::state::CurrentAgent;
use crate::storage;
use leptos::prelude::*;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::domain::{Conversation, ConversationStatus, Recipient, StatusChange};
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::{text, Msg};
use switchboard_core::validation::validate_reply;

/// The send: the reply and whether to reopen; the text sent, and the conversation as the
/// reopen returned it.
pub(super) type SendAction =
    Action<(Reply, bool), Result<(String, Option<Conversation>), ApiError>>;

pub(super) fn use_send(
    connector: Connector,
    conversation_id: String,
    draft_key: String,
    state: ReplyState,
    upload: UploadControl,
) -> SendAction {
    let picked = state.picked;
    Action::new_local(move |(reply, reopen): &(Reply, bool)| {
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
            if storage::read(&draft_key).is_some_and(|stored| is_the_sent_text(&stored, &body)) {
                storage::remove(&draft_key);
            }
            Ok::<_, ApiError>((body, reopened))
        }
    })
}

/// What follows a send: the page hears it is pending; a confirmed send empties the box,
/// unless something was typed meanwhile; a failure leaves text and files untouched, and
/// the outbox says why.
pub(super) fn follow_the_send(
    send: SendAction,
    state: ReplyState,
    slot: OutboxSlot,
    draft_key: String,
    on_sent: Callback<Option<Conversation>>,
) {
    let i18n = use_i18n();
    Effect::new(move |_| slot.pending.set(send.pending().get()));
    let outbox_draft = draft_key.clone();
    Effect::new(move |_| {
        match send.value().get() {
            // The earlier version arrived: the thread shows it, the edited text stays
            // in the box, and sending it again is a new message with a new key.
            Some(Err(error)) if error.kind == ErrorKind::KeyReused => {
                outbox::done(&draft_key);
                state.outbox_entry.set(None);
                on_sent.run(None);
            }
            Some(Err(error)) => {
                let reason = failure_reason(&error, || i18n.lang());
                let entry = outbox::failed(&draft_key, reason, error.may_have_arrived());
                state.outbox_entry.set(entry);
            }
            _ => {}
        }
    });
    Effect::new(move |_| {
        if let Some(Ok((sent, reopened))) = send.value().get() {
            outbox::done(&outbox_draft);
            state.outbox_entry.set(None);
            if let Some(replying) = state.replying {
                replying.target.set(None);
            }
            if is_the_sent_text(&state.draft.get_untracked(), &sent) {
                state.draft.set(String::new());
            }
            state.reopened_notice.set(reopened.is_some());
            // Nothing can be added while sending, so every chosen file went with it.
            state.picked.clear();
            on_sent.run(reopened);
        }
    });
}

/// Sending what is in the box, once it passes the checks: each refusal is said under the
/// text, the first only. The reply goes into the outbox first, with its key.
pub(super) fn use_submit(
    send: SendAction,
    state: ReplyState,
    policy: AttachmentPolicy,
    offered: Signal<Vec<Recipient>>,
    reopen: ReopenWhenClosed,
    draft_key: StoredValue<String>,
) -> impl Fn() + Copy + 'static {
    let i18n = use_i18n();
    let current_agent = expect_context::<CurrentAgent>();
    let problem = state.problem;
    move || {
        if send.pending().get_untracked() {
            return;
        }
        let body = state.draft.get_untracked();
        let has_files = !state.picked.files.with_untracked(Vec::is_empty);
        if text_is_checked(&body, has_files) {
            if let Err(message) = validate_reply(&body) {
                problem.set(Some(message.say(i18n.lang())));
                return;
            }
        }
        if let Some(first) = state.picked.set_problems(&policy).first() {
            problem.set(Some(first.say(i18n.lang())));
            return;
        }
        let Some(agent) = current_agent.id() else {
            problem.set(Some(text(i18n.lang(), msg!("reply-not-signed-in"))));
            return;
        };
        let recipients = state.chosen.get_untracked();
        if offered.with_untracked(|offered| lacks_recipients(&recipients, offered)) {
            problem.set(Some(text(i18n.lang(), msg!("reply-choose-recipients"))));
            return;
        }
        problem.set(None);
        let mut reply = Reply {
            agent_id: agent,
            body: body.trim().to_owned(),
            recipients,
            kind: state.kind.get_untracked(),
            in_reply_to: state
                .replying
                .and_then(|r| r.target.get_untracked())
                .map(|target| target.id),
            idempotency_key: String::new(),
        };
        // What the agent typed and chose: it survives a reload, so the key does too.
        let fingerprint = fingerprint(&reply.body, &state.picked.names());
        let entry = draft_key.with_value(|key| outbox::sending(key, &fingerprint, &reply.body));
        reply.idempotency_key = entry.key.clone();
        state.outbox_entry.set(Some(entry));
        let reopens = reopen
            .status
            .with_untracked(|status| reopens_on_send(status, || reopen.can_reopen.get_untracked()));
        send.dispatch((reply, reopens));
    }
}

/// The network back after a reply that may not have been sent: it goes again on its
/// own, with the same key (the server never doubles it), if it is still as it was.
pub(super) fn resend_when_back(send: SendAction, state: ReplyState, submit: impl Fn() + 'static) {
    outbox::resend_when_back(
        state.outbox_entry,
        move || fingerprint(state.draft.get_untracked().trim(), &state.picked.names()),
        move || !send.pending().get_untracked(),
        submit,
    );
}

/// Discarding a reply that was not sent: its text, files and outbox entry go.
pub(super) fn discard(
    send: SendAction,
    state: ReplyState,
    draft_key: StoredValue<String>,
) -> Callback<()> {
    Callback::new(move |_| {
        draft_key.with_value(|key| {
            outbox::done(key);
            storage::remove(key);
        });
        state.outbox_entry.set(None);
        state.draft.set(String::new());
        state.picked.clear();
        send.value().set(None);
    })
}

/// What a reply was made of, for its outbox entry: the same text and files keep its key.
pub(super) fn fingerprint(body: &str, files: &[(String, u64)]) -> String {
    format!("{body:?}{files:?}")
}

/// Whether the text (in the box, or stored) is still the reply that was sent: only then
/// does it go once the reply is confirmed.
fn is_the_sent_text(text: &str, sent: &str) -> bool {
    text.trim() == sent
}

/// Whether the text must pass the rules: a message may be files alone; text, when there
/// is some, follows them.
fn text_is_checked(body: &str, has_files: bool) -> bool {
    !(has_files && body.trim().is_empty())
}

/// Whether the agent must still choose who receives it: where the backend offers a choice,
/// someone must be chosen.
fn lacks_recipients(chosen: &[Recipient], offered: &[Recipient]) -> bool {
    chosen.is_empty() && !offered.is_empty()
}

/// Whether sending also reopens: a closed conversation, where the backend can
/// (`can_reopen` read only then).
fn reopens_on_send(status: &Option<ConversationStatus>, can_reopen: impl FnOnce() -> bool) -> bool {
    is_closed(status) && can_reopen()
}

/// Why a send failed, for the outbox: the backend's own words when it gave some, else
/// ours (`lang` read only then).
fn failure_reason(error: &ApiError, lang: impl FnOnce() -> Lang) -> String {
    error
        .backend_message
        .clone()
        .unwrap_or_else(|| error.summary(lang()))
}

/// How the failure panel introduces the error: what became of the reply.
pub(super) fn failure_context(error: &ApiError) -> Msg {
    if error.kind == ErrorKind::KeyReused {
        msg!("reply-edited-not-sent")
    } else if error.may_have_arrived() {
        msg!("reply-maybe-not-sent")
    } else {
        msg!("reply-not-sent")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipient(role: &str) -> Recipient {
        Recipient {
            id: role.to_lowercase(),
            role: role.to_owned(),
            label: role.to_owned(),
        }
    }

    #[test]
    fn the_same_text_and_files_make_the_same_fingerprint_another_file_does_not() {
        let files = [("a.pdf".to_owned(), 10)];
        assert_eq!(fingerprint("Hello", &files), fingerprint("Hello", &files));
        assert_ne!(fingerprint("Hello", &files), fingerprint("Hello", &[]));
        assert_ne!(fingerprint("Hello", &files), fingerprint("Hello!", &files));
    }

    #[test]
    fn the_text_is_still_the_sent_reply_whatever_spaces_surround_it() {
        assert!(is_the_sent_text("  Hello\n", "Hello"));
        assert!(!is_the_sent_text("Hello again", "Hello"));
    }

    #[test]
    fn files_alone_skip_the_text_rules_text_never_does() {
        assert!(!text_is_checked("  ", true));
        assert!(text_is_checked("  ", false));
        assert!(text_is_checked("Hi", true));
    }

    #[test]
    fn someone_must_be_chosen_only_where_the_backend_offers_a_choice() {
        let customer = recipient("Customer");
        assert!(lacks_recipients(&[], std::slice::from_ref(&customer)));
        assert!(!lacks_recipients(
            std::slice::from_ref(&customer),
            std::slice::from_ref(&customer)
        ));
        assert!(!lacks_recipients(&[], &[]));
    }

    #[test]
    fn a_reply_reopens_a_closed_conversation_only_where_the_backend_can() {
        let closed = Some(ConversationStatus::Closed);
        assert!(reopens_on_send(&closed, || true));
        assert!(!reopens_on_send(&closed, || false));
        assert!(!reopens_on_send(&Some(ConversationStatus::Open), || true));
    }

    #[test]
    fn the_backends_own_words_explain_a_failed_send_before_ours() {
        let mut error = ApiError::new(ErrorKind::Invalid);
        error.backend_message = Some("Body too short".to_owned());
        let reason = failure_reason(&error, || panic!("no language needed"));
        assert_eq!(reason, "Body too short");
        let error = ApiError::new(ErrorKind::Invalid);
        assert_eq!(failure_reason(&error, || Lang::En), error.summary(Lang::En));
    }

    #[test]
    fn the_failure_says_whether_the_reply_may_have_arrived() {
        let key_reused = ApiError::new(ErrorKind::KeyReused);
        assert_eq!(failure_context(&key_reused), msg!("reply-edited-not-sent"));
        let timeout = ApiError::new(ErrorKind::Timeout);
        assert_eq!(failure_context(&timeout), msg!("reply-maybe-not-sent"));
        let refused = ApiError::new(ErrorKind::Invalid);
        assert_eq!(failure_context(&refused), msg!("reply-not-sent"));
    }
}
