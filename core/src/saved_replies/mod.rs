//! Saved replies: the team's library of answers written once and sent many times, each in
//! one or more of the product's languages, with variables the conversation fills
//! (`{{customer_name}}`). Switchboard's own addition (`docs/saved-replies.md`): kept by
//! Switchboard's server, never sent to a vendor as such (only the reply made from one is).
//! Admins keep the team's; every agent may keep personal ones, which nobody else sees.
//! The server and the console share these shapes and checks.

mod choose;
mod variables;

pub use choose::{customer_language, preferred_languages, search, version_for, Found};
pub use variables::{fill, placeholders, values_of, Values, Variable};

use crate::i18n::Lang;
use crate::validation::limits::REPLY_MAX_CHARS;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where saved replies live: the list at this path, each at `/{id}`, its changes at
/// `/{id}/history`.
pub const SAVED_REPLIES_PATH: &str = "/api/saved-replies";

/// A title fits on a line of the picker.
pub const TITLE_MAX_CHARS: usize = 120;

/// One saved reply, as the server keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedReply {
    /// Chosen by the console when it is created (a UUID).
    pub id: String,
    pub title: String,
    /// The agent it belongs to when personal; `None` for the team's.
    pub owner: Option<String>,
    /// Its text in each language it is written in, each language once.
    pub texts: Vec<SavedText>,
    /// Retired ones are kept (with their history) but no longer offered.
    pub retired: bool,
    /// 1 when created, one more with each change: an edit says which one it changes.
    pub revision: i64,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
}

/// A saved reply's text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedText {
    pub lang: Lang,
    pub body: String,
}

impl SavedText {
    /// Texts from `(language, text)` pairs, as the demo and the tests write them.
    pub fn all(pairs: &[(Lang, &str)]) -> Vec<SavedText> {
        pairs
            .iter()
            .map(|(lang, body)| SavedText {
                lang: *lang,
                body: (*body).to_owned(),
            })
            .collect()
    }
}

/// What the console sends to create a saved reply or change one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedReplyEdit {
    pub title: String,
    /// Whether it is the agent's own rather than the team's; fixed once created.
    #[serde(default)]
    pub personal: bool,
    pub texts: Vec<SavedText>,
    #[serde(default)]
    pub retired: bool,
    /// The revision this edit was made on; `None` to create. A change made on an older
    /// revision than the one kept is refused, so nobody overwrites a colleague unseen.
    #[serde(default)]
    pub revision: Option<i64>,
}

/// One change in a saved reply's history: who, when, and what it said afterwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedReplyChange {
    pub revision: i64,
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
    pub title: String,
    pub texts: Vec<SavedText>,
    pub retired: bool,
}

/// Why a saved reply cannot be kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditProblem {
    TitleEmpty,
    TitleTooLong,
    NoText,
    /// The same language twice.
    LanguageTwice(Lang),
    TextEmpty(Lang),
    TextTooLong(Lang),
    /// A `{{name}}` no conversation can fill nor an agent would know to give.
    UnknownVariable(Lang, String),
}

impl EditProblem {
    /// The field it concerns, as the JSON names it (`texts.fr`).
    pub fn field(&self) -> String {
        match self {
            EditProblem::TitleEmpty | EditProblem::TitleTooLong => "title".to_owned(),
            EditProblem::NoText => "texts".to_owned(),
            EditProblem::LanguageTwice(lang)
            | EditProblem::TextEmpty(lang)
            | EditProblem::TextTooLong(lang)
            | EditProblem::UnknownVariable(lang, _) => format!("texts.{}", lang.tag()),
        }
    }

    /// What is wrong, in the words of a problem's `issue` (English, for the API).
    pub fn issue(&self) -> String {
        match self {
            EditProblem::TitleEmpty => "must not be empty".to_owned(),
            EditProblem::TitleTooLong => format!("must have at most {TITLE_MAX_CHARS} characters"),
            EditProblem::NoText => "must hold a text in at least one language".to_owned(),
            EditProblem::LanguageTwice(_) => "must hold each language once".to_owned(),
            EditProblem::TextEmpty(_) => "must not be empty".to_owned(),
            EditProblem::TextTooLong(_) => {
                format!("must have at most {REPLY_MAX_CHARS} characters")
            }
            EditProblem::UnknownVariable(_, name) => format!(
                "names the variable {{{{{name}}}}}, which is none of {}",
                Variable::ALL
                    .iter()
                    .map(|v| format!("{{{{{}}}}}", v.token()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Checks a saved reply as both the console and the server do: every problem, in the
/// order of the form.
pub fn check_edit(edit: &SavedReplyEdit) -> Vec<EditProblem> {
    let mut problems = Vec::new();
    let title = edit.title.trim();
    if title.is_empty() {
        problems.push(EditProblem::TitleEmpty);
    } else if title.chars().count() > TITLE_MAX_CHARS {
        problems.push(EditProblem::TitleTooLong);
    }
    if edit.texts.is_empty() {
        problems.push(EditProblem::NoText);
    }
    let mut seen: Vec<Lang> = Vec::new();
    for text in &edit.texts {
        if seen.contains(&text.lang) {
            problems.push(EditProblem::LanguageTwice(text.lang));
            continue;
        }
        seen.push(text.lang);
        if text.body.trim().is_empty() {
            problems.push(EditProblem::TextEmpty(text.lang));
        } else if text.body.chars().count() > REPLY_MAX_CHARS {
            problems.push(EditProblem::TextTooLong(text.lang));
        }
        for name in placeholders(&text.body) {
            if Variable::from_token(name).is_none() {
                problems.push(EditProblem::UnknownVariable(text.lang, name.to_owned()));
            }
        }
    }
    problems
}

/// The texts in the product's language order, trimmed of what editors add around them.
pub fn tidy(mut edit: SavedReplyEdit) -> SavedReplyEdit {
    edit.title = edit.title.trim().to_owned();
    edit.texts
        .sort_by_key(|t| Lang::ALL.iter().position(|l| *l == t.lang));
    for text in &mut edit.texts {
        text.body = text.body.trim_end().to_owned();
    }
    edit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(title: &str, texts: &[(Lang, &str)]) -> SavedReplyEdit {
        SavedReplyEdit {
            title: title.to_owned(),
            personal: false,
            texts: SavedText::all(texts),
            retired: false,
            revision: None,
        }
    }

    #[test]
    fn a_titled_reply_with_known_variables_in_each_language_once_is_accepted() {
        let good = edit(
            "Refund on its way",
            &[
                (
                    Lang::En,
                    "Hello {{customer_name}}, order {{reference}} is refunded.",
                ),
                (
                    Lang::Fr,
                    "Bonjour {{ customer_name }}, la commande {{reference}} est remboursée.",
                ),
            ],
        );
        assert_eq!(check_edit(&good), []);
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        let bad = edit(
            " ",
            &[
                (Lang::En, "Dear {{customer_nmae}}"),
                (Lang::En, "again"),
                (Lang::Es, "  "),
            ],
        );
        let problems = check_edit(&bad);
        assert_eq!(
            problems,
            [
                EditProblem::TitleEmpty,
                EditProblem::UnknownVariable(Lang::En, "customer_nmae".into()),
                EditProblem::LanguageTwice(Lang::En),
                EditProblem::TextEmpty(Lang::Es),
            ]
        );
        assert_eq!(problems[1].field(), "texts.en");
        assert!(problems[1].issue().contains("{{customer_name}}"));
        assert_eq!(check_edit(&edit("Title", &[])), [EditProblem::NoText]);
        let long = "x".repeat(TITLE_MAX_CHARS + 1);
        assert_eq!(
            check_edit(&edit(&long, &[(Lang::Fr, "ok")])),
            [EditProblem::TitleTooLong]
        );
    }

    #[test]
    fn tidying_orders_the_languages_and_trims_what_editors_add() {
        let tidied = tidy(edit(" Title ", &[(Lang::Es, "Hola\n\n"), (Lang::En, "Hi")]));
        assert_eq!(tidied.title, "Title");
        let langs: Vec<Lang> = tidied.texts.iter().map(|t| t.lang).collect();
        assert_eq!(langs, [Lang::En, Lang::Es]);
        assert_eq!(tidied.texts[1].body, "Hola");
    }
}
