//! A saved reply's history: each change, newest first, with who made it, when, and what the
//! reply said afterwards. Read when opened, so it is never stale.

use crate::components::conversation::thread::SentAt;
use crate::components::shell::feedback::{ErrorPanel, Loading};
use crate::connectors::saved_replies::history;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{agent_name, api_origin, DirectoryResource};
use leptos::prelude::*;
use switchboard_core::i18n::text_with;
use switchboard_core::saved_replies::SavedReplyChange;

#[component]
pub fn History(id: String) -> impl IntoView {
    let origin = StoredValue::new(api_origin());
    let id = StoredValue::new(id);
    let changes = LocalResource::new(move || {
        let (origin, id) = (origin.get_value(), id.get_value());
        async move { history(&origin, &id).await }
    });
    let retry = Callback::new(move |_| changes.refetch());
    view! {
        <Transition fallback=|| view! { <Loading label=tr(msg!("settings-replies-history-loading")) /> }>
            {move || Suspend::new(async move {
                match changes.await {
                    Ok(changes) => view! {
                        <ol class="saved-reply-history" data-testid="saved-reply-changes">
                            {changes.into_iter().map(|change| view! { <Change change /> }).collect_view()}
                        </ol>
                    }.into_any(),
                    Err(error) => view! { <ErrorPanel error context=tr(msg!("settings-replies-history-not-loaded")) on_retry=retry /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One change: its revision and author, when, and the reply as it then was.
#[component]
fn Change(change: SavedReplyChange) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_context::<DirectoryResource>();
    let by = change.changed_by.clone();
    let revision = change.revision;
    let who = move || {
        let args = Args::new()
            .num("revision", revision)
            .str("name", agent_name(directory, &by));
        text_with(i18n.lang(), msg!("settings-replies-revision"), &args)
    };
    view! {
        <li data-testid="saved-reply-change">
            <p class="saved-reply-meta">
                <span data-testid="saved-reply-change-by">{who}</span> " · " <SentAt sent_at=Some(change.changed_at) />
                {change.retired.then(|| view! { " · " <span class="badge retired">{tr(msg!("settings-replies-retired"))}</span> })}
            </p>
            <p><strong><bdi>{change.title}</bdi></strong></p>
            {change.texts.into_iter().map(|t| view! {
                <p class="saved-reply-text" lang=t.lang.tag() dir="auto"><span class="saved-reply-langs">{t.lang.tag().to_uppercase()}</span> " " {t.body}</p>
            }).collect_view()}
        </li>
    }
}
