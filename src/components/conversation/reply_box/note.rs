//! The box's other use: an internal note for the team (`docs/notes.md`). The agent chooses
//! Reply or Internal note above the text (or with Alt+N in it); the box then says what
//! is about to happen: its own look, its own words on the button, and no recipients or
//! kinds. The choice is kept with the draft, so a note's text restored after a reload
//! is never sent as a reply. A note may carry files, checked as a reply's are
//! ([`NOTE_ATTACHMENT_POLICY`]): the files picked go with it.
//!
//! A note is added at an id made once per text and files ([`attempt_key`]): a retry after
//! a lost answer keeps it once.

use super::ReplyState;
use crate::components::conversation::notes::ConversationNotes;
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::http::attempt_key;
use crate::connectors::notes::{add_note, NewNoteWithFiles};
use crate::connectors::upload::UploadControl;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::api_origin;
use crate::storage;
use leptos::prelude::*;
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with, Say};
use switchboard_core::mentions::mentioned;
use switchboard_core::notes::{check_note, Note, NoteProblem, NOTE_ATTACHMENT_POLICY};
use switchboard_core::validation::limits::NOTE_MAX_CHARS;

/// What the box sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compose {
    Reply,
    Note,
}

impl Compose {
    pub fn other(self) -> Compose {
        match self {
            Compose::Reply => Compose::Note,
            Compose::Note => Compose::Reply,
        }
    }
}

/// Where the choice is kept beside the draft.
fn mode_key(draft_key: &str) -> String {
    format!("{draft_key}:compose")
}

/// The choice kept with the draft; a reply when none was.
pub fn kept_mode(draft_key: &str) -> Compose {
    match storage::read(&mode_key(draft_key)).as_deref() {
        Some("note") => Compose::Note,
        _ => Compose::Reply,
    }
}

/// Keeps the choice with the draft (a reply, the default, is kept as nothing).
pub fn keep_mode(draft_key: &str, mode: Compose) {
    match mode {
        Compose::Note => {
            storage::write(&mode_key(draft_key), "note");
        }
        Compose::Reply => storage::remove(&mode_key(draft_key)),
    }
}

/// Adding a note: its id, text and files in, the note kept out.
pub type NoteAction = Action<(String, String, Vec<web_sys::File>), Result<Note, ApiError>>;

/// The note being added, and the id its text was last tried with.
#[derive(Clone, Copy)]
pub struct NoteSend {
    pub action: NoteAction,
    last_try: StoredValue<Option<(String, String)>>,
}

pub fn use_note_send(notes: ConversationNotes, upload: UploadControl) -> NoteSend {
    let origin = StoredValue::new(api_origin());
    let team = super::mention_picker::Team::here();
    let action = Action::new_local(
        move |(id, body, files): &(String, String, Vec<web_sys::File>)| {
            let (id, body, files) = (id.clone(), body.clone(), files.clone());
            let (backend, conversation) = notes.place();
            let origin = origin.get_value();
            // Who the text names, read as it goes (an agent typed by hand counts too).
            let (team, _) = team.members();
            let mentions = mentioned(&body, team.iter().map(|a| (a.id.as_str(), a.name.as_str())));
            async move {
                let note = NewNoteWithFiles {
                    id: &id,
                    body: &body,
                    mentions,
                    files: &files,
                };
                add_note(&origin, &backend, &conversation, note, &upload).await
            }
        },
    );
    NoteSend {
        action,
        last_try: StoredValue::new(None),
    }
}

/// Why a note's text cannot be added, in the agent's language.
fn problem_words(problem: NoteProblem, lang: crate::i18n::Lang) -> String {
    match problem {
        NoteProblem::Empty => text(lang, msg!("note-empty")),
        NoteProblem::TooLong => text_with(
            lang,
            msg!("note-too-long"),
            &Args::new().num("max", NOTE_MAX_CHARS as i64),
        ),
    }
}

/// Adds the box's text as a note, once it is one a note may be.
pub fn submit_note(send: NoteSend, state: ReplyState) {
    if send.action.pending().get_untracked() {
        return;
    }
    let body = state.draft.get_untracked();
    if let Err(problem) = check_note(&body) {
        state
            .problem
            .set(Some(problem_words(problem, crate::i18n::lang_now())));
        return;
    }
    if let Some(first) = state.picked.set_problems(&NOTE_ATTACHMENT_POLICY).first() {
        state.problem.set(Some(first.say(crate::i18n::lang_now())));
        return;
    }
    state.problem.set(None);
    // Another file is another note: the same text with other files gets a new id.
    let fingerprint = super::send::fingerprint(&body, &state.picked.names());
    let id = send
        .last_try
        .try_update_value(|last| attempt_key(last, &fingerprint))
        .unwrap_or_default();
    send.action.dispatch((id, body, state.picked.files()));
}

/// Once a note is added: shown in the thread, the text and its kept choice forgotten (the
/// box still writes notes until the agent switches), the agent told. A failure keeps every
/// word.
pub fn follow_the_note(
    send: NoteSend,
    state: ReplyState,
    notes: ConversationNotes,
    draft_key: StoredValue<String>,
    announce: RwSignal<String>,
) {
    Effect::new(move |_| {
        if let Some(Ok(note)) = send.action.value().get() {
            notes.keep(note);
            send.last_try.set_value(None);
            state.draft.set(String::new());
            // The files went with the note.
            state.picked.clear();
            // Nothing left to protect: a reload starts on a reply, as a fresh box does.
            draft_key.with_value(|key| {
                storage::remove(key);
                keep_mode(key, Compose::Reply);
            });
            announce.set(text(crate::i18n::lang_now(), msg!("note-added")));
        }
    });
}

/// Why the last note was not added.
#[component]
pub fn NoteFailure(send: NoteSend) -> impl IntoView {
    move || match send.action.value().get() {
        Some(Err(error)) => Some(view! { <ErrorPanel error context=tr(msg!("note-not-added")) /> }),
        _ => None,
    }
}

/// Reply or internal note, above the text: two choices of one group (the arrows move
/// between them), each with its words.
#[component]
pub fn ComposeChoice(mode: RwSignal<Compose>, on_change: Callback<Compose>) -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |value: Compose, id: &'static str, testid: &'static str| {
        let label = match value {
            Compose::Reply => msg!("compose-reply"),
            Compose::Note => msg!("compose-note"),
        };
        view! {
            <input
                type="radio"
                name="compose"
                id=id
                data-testid=testid
                prop:checked=move || mode.get() == value
                on:change=move |_| on_change.run(value)
            />
            <label for=id>{move || text(i18n.lang(), label)}</label>
        }
    };
    view! {
        <fieldset class="compose-choice" data-testid="compose-choice">
            <legend class="visually-hidden">{tr(msg!("compose-mode-label"))}</legend>
            {choice(Compose::Reply, "compose-reply", "compose-reply")}
            {choice(Compose::Note, "compose-note", "compose-note")}
            <span class="hint">{tr(msg!("compose-switch-hint"))}</span>
        </fieldset>
    }
}

/// Alt+N (by the key's place, so it is the same on every layout and on a Mac, where
/// Option+N types a character).
pub(super) fn switches_compose(ev: &leptos::ev::KeyboardEvent) -> bool {
    ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() && ev.code() == "KeyN"
}

/// Reply or note: the choice, kept with the draft; the note's send, where the page keeps
/// notes; what the box last said about a note.
#[derive(Clone, Copy)]
pub(super) struct ComposeState {
    pub mode: RwSignal<Compose>,
    pub send: Option<NoteSend>,
    pub switch: Callback<Compose>,
    pub announce: RwSignal<String>,
}

pub(super) fn use_compose(
    state: ReplyState,
    draft_key: StoredValue<String>,
    upload: UploadControl,
) -> ComposeState {
    let notes = use_context::<ConversationNotes>();
    let kept = draft_key.with_value(|key| kept_mode(key));
    let mode = RwSignal::new(if notes.is_some() {
        kept
    } else {
        Compose::Reply
    });
    let send = notes.map(|notes| use_note_send(notes, upload));
    let announce = RwSignal::new(String::new());
    if let (Some(send), Some(notes)) = (send, notes) {
        follow_the_note(send, state, notes, draft_key, announce);
    }
    let switch = Callback::new(move |to: Compose| {
        if send.is_none() {
            return;
        }
        mode.set(to);
        draft_key.with_value(|key| keep_mode(key, to));
        state.problem.set(None);
        announce.set(String::new());
    });
    ComposeState {
        mode,
        send,
        switch,
        announce,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_switches_both_ways() {
        assert_eq!(Compose::Reply.other(), Compose::Note);
        assert_eq!(Compose::Note.other(), Compose::Reply);
    }

    #[test]
    fn the_choice_is_kept_beside_the_draft_under_its_own_key() {
        assert_eq!(
            mode_key("draft:a1:octopia:d-1"),
            "draft:a1:octopia:d-1:compose"
        );
    }
}
