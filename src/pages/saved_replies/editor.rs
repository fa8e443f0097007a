//! Writing a saved reply: its title, for whom (the team's only by an admin), its text in
//! each language it is written in. Checked here as the server checks it, every problem said
//! beside its field; a failed save keeps every word; a change made while a colleague
//! changed the same reply is refused by the server and said so.

use super::Library;
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::http::new_idempotency_key;
use crate::connectors::saved_replies::put_saved_reply;
use crate::i18n::{tr, use_i18n, Args, Lang};
use crate::state::api_origin;
use leptos::prelude::*;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::{text, text_with};
use switchboard_core::saved_replies::{
    check_edit, EditProblem, SavedReply, SavedReplyEdit, SavedText, Variable, TITLE_MAX_CHARS,
};
use switchboard_core::validation::limits::REPLY_MAX_CHARS;

/// What is being edited on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Editing {
    New,
    /// The reply of this id.
    Existing(String),
}

pub type SaveAction = Action<(String, SavedReplyEdit), Result<SavedReply, ApiError>>;

/// Saves an edit at an id, and once saved: the list read again, the editor closed, the
/// agent told.
pub fn use_save(library: Library) -> SaveAction {
    let origin = StoredValue::new(api_origin());
    let action = Action::new_local(move |(id, edit): &(String, SavedReplyEdit)| {
        let (id, edit, origin) = (id.clone(), edit.clone(), origin.get_value());
        async move { put_saved_reply(&origin, &id, &edit).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(saved)) = action.value().get() {
            let args = Args::new().str("title", saved.title);
            library.said.set(Some(text_with(
                crate::i18n::lang_now(),
                msg!("settings-replies-saved"),
                &args,
            )));
            library.editing.set(None);
            library.list.refetch();
        }
    });
    action
}

/// The edit that retires a reply, or restores it: the same reply, on the revision shown.
pub fn retiring(reply: &SavedReply) -> SavedReplyEdit {
    SavedReplyEdit {
        title: reply.title.clone(),
        personal: reply.owner.is_some(),
        texts: reply.texts.clone(),
        retired: !reply.retired,
        revision: Some(reply.revision),
    }
}

/// The form, for a new reply (`None`) or one to change.
#[component]
pub fn Editor(library: Library, reply: Option<SavedReply>) -> impl IntoView {
    let i18n = use_i18n();
    let body_in = |lang: Lang| {
        reply
            .as_ref()
            .and_then(|r| r.texts.iter().find(|t| t.lang == lang))
            .map(|t| t.body.clone())
            .unwrap_or_default()
    };
    let title = RwSignal::new(reply.as_ref().map(|r| r.title.clone()).unwrap_or_default());
    let personal = RwSignal::new(
        reply
            .as_ref()
            .map_or(!library.me.is_admin(), |r| r.owner.is_some()),
    );
    let texts = Lang::ALL.map(|lang| (lang, RwSignal::new(body_in(lang))));
    let problems = RwSignal::new(Vec::<EditProblem>::new());
    let is_new = reply.is_none();
    // A new reply's id is made once, so a retry after a lost answer keeps it once.
    let id = StoredValue::new(
        reply
            .as_ref()
            .map_or_else(new_idempotency_key, |r| r.id.clone()),
    );
    let revision = reply.as_ref().map(|r| r.revision);
    let retired = reply.as_ref().is_some_and(|r| r.retired);
    let save = use_save(library);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let edit = SavedReplyEdit {
            title: title.get_untracked(),
            personal: personal.get_untracked(),
            texts: texts
                .iter()
                .map(|(lang, body)| SavedText {
                    lang: *lang,
                    body: body.get_untracked(),
                })
                .filter(|t| !t.body.trim().is_empty())
                .collect(),
            retired,
            revision,
        };
        let found = check_edit(&edit);
        let ok = found.is_empty();
        problems.set(found);
        if ok && !save.pending().get_untracked() {
            save.dispatch((id.get_value(), edit));
        }
    };
    let said_for = move |field: &'static str| {
        move || {
            let lang = i18n.lang();
            problems.with(|all| {
                all.iter()
                    .filter(|p| field_of(p) == field)
                    .map(|p| problem_words(p, lang))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        }
    };
    let variables = move || {
        let list = Variable::ALL
            .iter()
            .map(|v| format!("{{{{{}}}}}", v.token()))
            .collect::<Vec<_>>()
            .join(", ");
        text_with(
            i18n.lang(),
            msg!("settings-replies-variables"),
            &Args::new().str("list", list),
        )
    };
    let text_fields = texts
        .into_iter()
        .map(|(lang, body)| {
            let id = format!("saved-reply-text-{}", lang.tag());
            let problem_id = format!("{id}-problem");
            let label = move || {
                let args = Args::new().str("lang", lang.native_name());
                text_with(i18n.lang(), msg!("settings-replies-text"), &args)
            };
            let said = said_for(lang.tag());
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <textarea id=id rows="4" lang=lang.tag() data-testid=format!("saved-reply-text-{}", lang.tag())
                        aria-describedby=problem_id.clone()
                        prop:value=move || body.get()
                        on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                    <span id=problem_id class="field-error">{said}</span>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="saved-reply-editor" data-testid="saved-reply-editor" on:submit=submit novalidate>
            <div class="field">
                <label for="saved-reply-title">{tr(msg!("settings-replies-title"))}</label>
                <input id="saved-reply-title" type="text" data-testid="saved-reply-title" maxlength=TITLE_MAX_CHARS.to_string()
                    aria-describedby="saved-reply-title-problem"
                    aria-invalid=move || problems.with(|p| p.iter().any(|p| field_of(p) == "title")).then_some("true")
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                <span id="saved-reply-title-problem" class="field-error" data-testid="saved-reply-title-problem">{said_for("title")}</span>
            </div>
            {is_new.then(|| view! { <Scope personal admin=library.me.is_admin() /> })}
            {text_fields}
            <p class="field-error" role="alert" data-testid="saved-reply-texts-problem">{said_for("texts")}</p>
            <p class="state-hint">{variables}</p>
            <div class="saved-replies-actions">
                <button type="submit" class="button primary" data-testid="saved-reply-save" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { text(i18n.lang(), msg!("settings-replies-saving")) } else { text(i18n.lang(), msg!("settings-replies-save")) }}
                </button>
                <button type="button" class="button" data-testid="saved-reply-editor-cancel" on:click=move |_| library.editing.set(None)>
                    {tr(msg!("saved-replies-cancel"))}
                </button>
            </div>
            {move || match save.value().get() {
                Some(Err(error)) => {
                    let context = if error.kind == ErrorKind::Conflict { msg!("settings-replies-stale") } else { msg!("settings-replies-not-saved") };
                    Some(view! { <ErrorPanel error context=tr(context) /> })
                }
                _ => None,
            }}
        </form>
    }
}

/// For whom a new reply is: the whole team (admins only) or this agent alone.
#[component]
fn Scope(personal: RwSignal<bool>, admin: bool) -> impl IntoView {
    view! {
        <fieldset class="field saved-reply-scope">
            <legend>{tr(msg!("settings-replies-scope"))}</legend>
            <label>
                <input type="radio" name="saved-reply-scope" data-testid="saved-reply-scope-team" disabled=!admin
                    prop:checked=move || !personal.get() on:change=move |_| personal.set(false) />
                {tr(msg!("settings-replies-scope-team"))}
            </label>
            <label>
                <input type="radio" name="saved-reply-scope" data-testid="saved-reply-scope-personal"
                    prop:checked=move || personal.get() on:change=move |_| personal.set(true) />
                {tr(msg!("settings-replies-scope-personal"))}
            </label>
        </fieldset>
    }
}

/// Which field a problem is said beside: `title`, `texts`, or a language's tag.
fn field_of(problem: &EditProblem) -> &'static str {
    match problem {
        EditProblem::TitleEmpty | EditProblem::TitleTooLong => "title",
        EditProblem::NoText => "texts",
        EditProblem::LanguageTwice(lang)
        | EditProblem::TextEmpty(lang)
        | EditProblem::TextTooLong(lang)
        | EditProblem::UnknownVariable(lang, _) => lang.tag(),
    }
}

/// A problem in the agent's words.
fn problem_words(problem: &EditProblem, lang: Lang) -> String {
    match problem {
        EditProblem::TitleEmpty => text(lang, msg!("settings-replies-problem-title-empty")),
        EditProblem::TitleTooLong => text_with(
            lang,
            msg!("settings-replies-problem-title-long"),
            &Args::new().num("max", TITLE_MAX_CHARS as i64),
        ),
        EditProblem::NoText | EditProblem::LanguageTwice(_) | EditProblem::TextEmpty(_) => {
            text(lang, msg!("settings-replies-problem-no-text"))
        }
        EditProblem::TextTooLong(_) => text_with(
            lang,
            msg!("settings-replies-problem-text-long"),
            &Args::new().num("max", REPLY_MAX_CHARS as i64),
        ),
        EditProblem::UnknownVariable(_, name) => text_with(
            lang,
            msg!("settings-replies-problem-unknown"),
            &Args::new().str("name", format!("{{{{{name}}}}}")),
        ),
    }
}
