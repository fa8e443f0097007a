//! What a reply is besides its words, where a backend has it (case messages): its kind,
//! chosen among the backend's own with readable labels, and the one message it answers,
//! picked in the thread ("Reply to this") and shown above the reply box until it is sent
//! or dropped. The conversation page provides [`ReplyingTo`]; the thread and the reply
//! box share it.

use crate::i18n::{tr, tr_with, Args};
use leptos::prelude::*;

/// The message a reply will answer, as the reply box shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyTarget {
    pub id: String,
    pub author: String,
    pub snippet: String,
}

/// Shared by the thread and the reply box of one conversation; `offered` when the backend
/// threads replies at all.
#[derive(Clone, Copy, Debug)]
pub struct ReplyingTo {
    pub target: RwSignal<Option<ReplyTarget>>,
    pub offered: bool,
}

impl ReplyingTo {
    pub fn new(offered: bool) -> Self {
        ReplyingTo {
            target: RwSignal::new(None),
            offered,
        }
    }
}

/// The first words of a message, for a quote: at most `max` characters, on one line.
pub fn snippet(body: &str, max: usize) -> String {
    let one_line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The kind of the reply, where the backend has kinds; nothing otherwise.
#[component]
pub fn ReplyKindChoice(
    kinds: Signal<Vec<(String, String)>>,
    kind: RwSignal<Option<String>>,
) -> impl IntoView {
    (!kinds.with_untracked(Vec::is_empty)).then(|| {
        view! {
            <label class="reply-kind">
                <span class="label-text">{tr(msg!("reply-kind-label"))}</span>
                <select
                    data-testid="reply-kind"
                    prop:value=move || kind.get().unwrap_or_default()
                    on:change=move |ev| kind.set(Some(event_target_value(&ev)))
                >
                    // The same choices in every language: built once, only their words
                    // follow a switch, so the chosen one stays chosen.
                    {kinds
                        .get_untracked()
                        .into_iter()
                        .map(|(value, _)| {
                            let key = value.clone();
                            let label = move || {
                                kinds.with(|k| {
                                    k.iter()
                                        .find(|(v, _)| *v == key)
                                        .map(|(_, l)| l.clone())
                                        .unwrap_or_default()
                                })
                            };
                            view! { <option value=value>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        }
    })
}

/// "Replying to …" above the reply box, with a way to drop it.
#[component]
pub fn ReplyingToChip() -> impl IntoView {
    let replying = use_context::<ReplyingTo>();
    move || {
        let replying = replying?;
        let target = replying.target.get()?;
        let target = StoredValue::new(target);
        let said = tr_with(msg!("reply-replying-to"), move || {
            target.with_value(|t| {
                Args::new()
                    .str("author", t.author.clone())
                    .str("snippet", t.snippet.clone())
            })
        });
        Some(view! {
            <p class="replying-to" data-testid="replying-to">
                <span>{said}</span>
                <button
                    class="button ghost"
                    type="button"
                    data-testid="replying-to-cancel"
                    aria-label=tr(msg!("reply-replying-to-cancel"))
                    on:click=move |_| replying.target.set(None)
                >
                    "×"
                </button>
            </p>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn a_snippet_is_one_short_line() {
        assert_eq!(snippet("Hello\n  there", 20), "Hello there");
        assert_eq!(snippet("abcdefghij", 5), "abcd…");
    }
}
