//! Messages that arrive while a conversation is open, said aloud: the thread grows in
//! place without moving what the agent reads, so a screen reader hears of it through the
//! page's polite live region instead ("New message from Ana Pérez."). The signed-in
//! agent's own messages have their own announcement ("Reply sent"), and the first load
//! says nothing.

use crate::i18n::{use_i18n, Args};
use crate::state::{CurrentAgent, DirectoryResource};
use leptos::prelude::*;
use std::collections::HashSet;
use switchboard_core::domain::{AuthorKind, Message, Page};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::{text, text_with, Lang};

/// Watches the thread's newest page and writes what arrived into `announcement`.
pub fn announce_arrivals(
    newest: LocalResource<Result<Page<Message>, ApiError>>,
    announcement: RwSignal<String>,
) {
    let i18n = use_i18n();
    let me = use_context::<CurrentAgent>();
    let directory = use_context::<DirectoryResource>();
    // The ids already shown; `None` until the thread first arrives.
    let seen = StoredValue::new(None::<HashSet<String>>);
    Effect::new(move |_| {
        let Some(Ok(page)) = newest.get() else {
            return;
        };
        let arrived: Vec<Message> = seen.with_value(|seen| match seen {
            None => Vec::new(),
            Some(seen) => page
                .items
                .iter()
                .filter(|m| !seen.contains(&m.id) && !is_mine(m, me))
                .cloned()
                .collect(),
        });
        seen.update_value(|seen| {
            seen.get_or_insert_with(HashSet::new)
                .extend(page.items.iter().map(|m| m.id.clone()));
        });
        // An agent's message names them by the directory, as the thread does.
        let agents = directory
            .and_then(|d| d.get_untracked())
            .and_then(Result::ok)
            .map(|d| d.agents)
            .unwrap_or_default();
        let named: Vec<Option<String>> = arrived
            .iter()
            .map(|m| {
                m.author.name.clone().filter(|n| !n.is_empty()).or_else(|| {
                    let id = m.author.id.as_deref()?;
                    agents.iter().find(|a| a.id == id).map(|a| a.name.clone())
                })
            })
            .collect();
        if let Some(words) = arrival_words(&named, i18n.lang_untracked()) {
            announcement.set(words);
        }
    });
}

/// Whether the signed-in agent wrote it (in this console or another).
fn is_mine(message: &Message, me: Option<CurrentAgent>) -> bool {
    let mine = me.and_then(|me| me.id_untracked());
    message.author.kind == AuthorKind::Agent && mine.is_some() && message.author.id == mine
}

/// "New message from Ana Pérez." for one (by its author's name, when known), "3 new
/// messages." for several; nothing for none.
fn arrival_words(arrived: &[Option<String>], lang: Lang) -> Option<String> {
    match arrived {
        [] => None,
        [one] => Some(match one.as_deref() {
            Some(name) => text_with(
                lang,
                msg!("conversation-new-message-from"),
                &Args::new().str("name", name),
            ),
            None => text(lang, msg!("conversation-new-message")),
        }),
        several => Some(text_with(
            lang,
            msg!("conversation-new-messages"),
            &Args::new().num("count", several.len()),
        )),
    }
}
