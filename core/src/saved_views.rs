//! Saved views (`docs/saved-views.md`): a combination of the inbox's filters and order, named,
//! personal or shared with the team, kept by Switchboard's server and listed in the
//! sidebar. A view is its query string, as the console's address writes it (`status=open&
//! sort=due`), so it opens as any bookmarked view does and a newer console's fields survive
//! an older one. Pure, so the server and the console check names and queries alike.

use crate::i18n::{text, Lang};
use crate::validation::tidy_name;
use serde::{Deserialize, Serialize};

/// `GET` lists the team's shared views and the agent's own; `PUT /{id}` (a UUID the console
/// chose) creates or changes one; `DELETE /{id}` removes it.
pub const SAVED_VIEWS_PATH: &str = "/api/saved-views";

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// The longest query string, in bytes: every filter at once, with a long text.
pub const MAX_QUERY_BYTES: usize = 1_000;

/// The most views one agent keeps (their own and those they shared).
pub const MAX_PER_AGENT: u64 = 100;

/// A named view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedView {
    pub id: String,
    pub name: String,
    /// The view's query string, without its `?`.
    pub query: String,
    /// Shared with the team (every agent sees it), or the owner's alone.
    #[serde(default)]
    pub shared: bool,
    pub owner_id: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The body of a view's `PUT`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedViewRequest {
    pub name: String,
    pub query: String,
    #[serde(default)]
    pub shared: bool,
}

/// Why a view cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewProblem {
    NoName,
    NameTooLong,
    QueryTooLong,
}

impl ViewProblem {
    /// The field it concerns, as the JSON names it.
    pub fn field(self) -> &'static str {
        match self {
            ViewProblem::NoName | ViewProblem::NameTooLong => "name",
            ViewProblem::QueryTooLong => "query",
        }
    }

    /// The server's words for it.
    pub fn issue(self) -> &'static str {
        match self {
            ViewProblem::NoName => "must not be empty",
            ViewProblem::NameTooLong => "must have at most 60 characters",
            ViewProblem::QueryTooLong => "must have at most 1000 bytes",
        }
    }

    /// The console's words for it.
    pub fn say(self, lang: Lang) -> String {
        text(
            lang,
            match self {
                ViewProblem::NoName => msg!("saved-view-problem-no-name"),
                ViewProblem::NameTooLong => msg!("saved-view-problem-name-long"),
                ViewProblem::QueryTooLong => msg!("saved-view-problem-query-long"),
            },
        )
    }
}

/// The request as kept (name tidied, the query without its `?`), or its first problem.
pub fn check_view(request: &SavedViewRequest) -> Result<SavedViewRequest, ViewProblem> {
    let name = tidy_name(&request.name);
    let query = request.query.trim().trim_start_matches('?').to_owned();
    if name.is_empty() {
        Err(ViewProblem::NoName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(ViewProblem::NameTooLong)
    } else if query.len() > MAX_QUERY_BYTES {
        Err(ViewProblem::QueryTooLong)
    } else {
        Ok(SavedViewRequest {
            name,
            query,
            shared: request.shared,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(name: &str, query: &str) -> SavedViewRequest {
        SavedViewRequest {
            name: name.into(),
            query: query.into(),
            shared: true,
        }
    }

    #[test]
    fn a_view_is_kept_with_its_name_tidied_and_its_query_without_the_question_mark() {
        let kept = check_view(&request(
            "  Octopia \n overdue ",
            "?backend=octopia&overdue=1",
        ));
        assert_eq!(
            kept,
            Ok(request("Octopia overdue", "backend=octopia&overdue=1"))
        );
        assert_eq!(check_view(&request("All", "")), Ok(request("All", "")));
    }

    #[test]
    fn a_view_without_a_name_or_too_long_is_refused() {
        assert_eq!(check_view(&request(" ", "")), Err(ViewProblem::NoName));
        assert_eq!(
            check_view(&request(&"v".repeat(61), "")),
            Err(ViewProblem::NameTooLong)
        );
        let long = format!("q={}", "x".repeat(1_000));
        assert_eq!(
            check_view(&request("Long", &long)),
            Err(ViewProblem::QueryTooLong)
        );
        assert_eq!(ViewProblem::QueryTooLong.field(), "query");
    }
}
