//! `/mentions`: the notes that name the signed-in agent, newest first, each leading to its
//! conversation, those not yet seen marked "New" in words. It shows in the right pane,
//! where a conversation would, so the inbox stays as it was. In the release build it
//! arrives on first use, as the conversation's page does (`src/parts.rs`).

use crate::components::conversation::thread::SentAt;
use crate::components::inbox::mentions::{conversation_href, MentionList};
use crate::components::shell::feedback::{EmptyState, ErrorPanel, Loading};
use crate::i18n::{tr, use_i18n};
use crate::state::{agent_name, DirectoryResource};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use switchboard_core::mentions::Mention;

#[component]
pub fn MentionsPage() -> impl IntoView {
    let list = expect_context::<MentionList>();
    let retry = Callback::new(move |_| list.reload());
    view! {
        <section class="mentions-page" aria-labelledby="mentions-heading" data-testid="mentions-page">
            <h2 id="mentions-heading" class="pane-heading">{tr(msg!("mentions-heading"))}</h2>
            <Transition fallback=|| view! { <Loading label=tr(msg!("mentions-loading")) /> }>
                {move || Suspend::new(async move {
                    match list.0.await {
                        Ok(mentions) if mentions.items.is_empty() => view! {
                            <EmptyState title=tr(msg!("mentions-none")) hint=tr(msg!("mentions-none-hint")) />
                        }
                        .into_any(),
                        Ok(mentions) => view! {
                            <ol class="mention-list" data-testid="mention-list">
                                {mentions.items.into_iter().map(|m| view! { <MentionItem mention=m /> }).collect_view()}
                            </ol>
                        }
                        .into_any(),
                        Err(error) => view! {
                            <ErrorPanel error context=tr(msg!("mentions-not-loaded")) on_retry=retry />
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One mention: who wrote the note, where and when, its beginning, and whether it is new.
#[component]
fn MentionItem(mention: Mention) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_context::<DirectoryResource>();
    let location = use_location();
    let author_id = mention.author_id.clone();
    let author = move || agent_name(directory, &author_id);
    let place = {
        let (backend, id) = (mention.backend.clone(), mention.conversation_id.clone());
        move || {
            let backend = directory
                .and_then(|d| d.get())
                .and_then(Result::ok)
                .and_then(|d| d.backend(&backend).map(|b| b.kind.label(i18n.lang())))
                .unwrap_or_else(|| backend.clone());
            format!("{backend} · {id}")
        }
    };
    let href = conversation_href(&mention, &location.search.get_untracked());
    view! {
        <li class="mention" class:unseen=!mention.seen data-testid="mention" data-note-id=mention.note_id.clone()>
            <a href=href data-testid="mention-link">
                <span class="mention-meta">
                    {(!mention.seen).then(|| view! { <span class="badge new" data-testid="mention-new">{tr(msg!("mentions-new"))}</span> })}
                    <span class="message-author"><bdi>{author}</bdi></span>
                    <span class="mention-place"><bdi>{place}</bdi></span>
                    <SentAt sent_at=Some(mention.created_at) />
                </span>
                <span class="mention-excerpt" dir="auto" data-testid="mention-excerpt">{mention.excerpt}</span>
            </a>
        </li>
    }
}
