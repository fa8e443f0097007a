//! What a widget's write hands back to the conversation page: the conversation as the
//! backend now has it, the control that should hold focus next (the one that replaced the
//! button pressed, so keyboard users are not dropped to the page body), and one sentence
//! for the live region. And where a write was refused because a colleague changed the
//! conversation since the agent read it ([`Stale`]).

use leptos::prelude::{Callable, Callback};
use switchboard_core::domain::Conversation;
use switchboard_core::error::ApiError;

#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    pub conversation: Conversation,
    /// The `data-testid` of the control to focus once the header shows the change.
    pub focus: &'static str,
    /// What a screen reader announces.
    pub announce: String,
}

/// The page's hook for a write refused because someone changed the conversation since the
/// agent read it (412): the page reads it again and says who changed it and how it stands,
/// and the agent decides again. Widgets without a page (tests) just show their error.
#[derive(Clone, Copy)]
pub struct Stale(pub Callback<String>);

impl Stale {
    /// Reports `error` to the page when it is such a refusal; whether it was.
    pub fn report(stale: Option<Stale>, error: &ApiError) -> bool {
        match stale {
            Some(Stale(callback)) if error.status == Some(412) => {
                callback.run(
                    error
                        .backend_message
                        .clone()
                        // Reported from an effect: the language of the moment, untracked.
                        .unwrap_or_else(|| error.summary(crate::i18n::lang_now())),
                );
                true
            }
            _ => false,
        }
    }
}
