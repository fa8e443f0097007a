//! The signed-in agent's mentions (`docs/notes.md`): the list the server keeps of the
//! notes that name them, read once the console is up and again whenever a colleague adds
//! a note (the event stream says so; while it is closed, every minute). The sidebar's
//! "Mentions" view shows how many are unseen; a new one is announced in the page, with a
//! link to its conversation; opening that conversation tells the server it was seen.

use crate::components::inbox::inbox_filters::with_search;
use crate::components::inbox::live::{LiveState, Stream};
use crate::connectors::mentions;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{agent_name, api_origin, DirectoryResource, NoteChanges};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::HashSet;
use std::time::Duration;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text_with;
use switchboard_core::mentions::{Mention, Mentions};

/// Where the Mentions view lives.
pub const MENTIONS_ROUTE: &str = "/mentions";

/// How often the list is read while the event stream is not open, in ms.
const UNPUSHED_EVERY_MS: u64 = 60_000;

/// The agent's mentions as last read, shared by the sidebar, the page and the thread.
#[derive(Clone, Copy)]
pub struct MentionList(pub LocalResource<Result<Mentions, ApiError>>);

impl MentionList {
    /// The list as last read (empty until it is).
    pub fn current(&self) -> Option<Mentions> {
        self.0.get().and_then(Result::ok)
    }

    pub fn reload(&self) {
        self.0.refetch();
    }
}

/// Reads the list, and again after each colleague's note; shared through the context.
pub fn provide_mentions() -> MentionList {
    let origin = StoredValue::new(api_origin());
    let notes = use_context::<NoteChanges>();
    let list = MentionList(LocalResource::new(move || {
        // Any colleague's note may name this agent: read again (a small answer).
        if let Some(notes) = notes {
            notes.0.track();
        }
        let origin = origin.get_value();
        async move { mentions::mentions(&origin).await }
    }));
    provide_context(list);
    list
}

/// While the server's event stream is not open, notes arrive unannounced: read the list
/// every minute then, while the tab shows.
pub fn read_while_unpushed(list: MentionList, live: LiveState) {
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let shown = !document().hidden();
            if shown && live.stream.get_untracked() != Stream::Open {
                list.reload();
            }
        },
        Duration::from_millis(UNPUSHED_EVERY_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
}

/// The unseen mentions that were not in the list before (none on the first read: what
/// was there before the console opened is counted, not announced), newest first.
pub fn newly_arrived(known: &mut Option<HashSet<String>>, now: &Mentions) -> Vec<Mention> {
    let fresh = match known {
        None => Vec::new(),
        Some(known) => now
            .items
            .iter()
            .filter(|m| !m.seen && !known.contains(&m.note_id))
            .cloned()
            .collect(),
    };
    *known = Some(now.items.iter().map(|m| m.note_id.clone()).collect());
    fresh
}

/// The path of a mention's conversation, keeping the inbox's filters.
pub fn conversation_href(mention: &Mention, search: &str) -> String {
    let path = format!(
        "/conversations/{}/{}",
        encode_path_segment(&mention.backend),
        encode_path_segment(&mention.conversation_id)
    );
    with_search(&path, search)
}

/// The sidebar's "Mentions", with how many are unseen.
#[component]
pub fn MentionsLink() -> impl IntoView {
    let list = use_context::<MentionList>();
    let location = use_location();
    let unseen = move || list.and_then(|l| l.current()).map_or(0, |m| m.unseen);
    let any_unseen = move || unseen() > 0;
    let href = move || with_search(MENTIONS_ROUTE, &location.search.get());
    let current = move || (location.pathname.get() == MENTIONS_ROUTE).then_some("page");
    view! {
        <li>
            <a href=href aria-current=current data-testid="view-mentions">
                {tr(msg!("mentions-view"))}
                <span class="count" class:unseen=any_unseen data-testid="count-mentions">
                    {unseen}
                </span>
            </a>
        </li>
    }
}

/// Says a new mention in the page (and to a screen reader), with a link to its
/// conversation, until the agent opens it or dismisses it.
#[component]
pub fn MentionAnnouncer() -> impl IntoView {
    let list = use_context::<MentionList>();
    let directory = use_context::<DirectoryResource>();
    let location = use_location();
    let i18n = use_i18n();
    let known = StoredValue::new(None::<HashSet<String>>);
    let shown = RwSignal::new(None::<Mention>);
    Effect::new(move |_| {
        let Some(now) = list.and_then(|l| l.current()) else {
            return;
        };
        let fresh = known
            .try_update_value(|known| newly_arrived(known, &now))
            .unwrap_or_default();
        if let Some(newest) = fresh.into_iter().next() {
            shown.set(Some(newest));
        }
    });
    let said = move || {
        shown.get().map(|mention| {
            let args = Args::new()
                .str("author", agent_name(directory, &mention.author_id))
                .str("excerpt", mention.excerpt.clone());
            let href = conversation_href(&mention, &location.search.get_untracked());
            view! {
                <span data-testid="mention-announced">{text_with(i18n.lang(), msg!("mention-announced"), &args)}</span>
                <a class="button ghost" href=href data-testid="mention-open" on:click=move |_| shown.set(None)>
                    {tr(msg!("mention-open"))}
                </a>
                <button class="button ghost" type="button" data-testid="mention-dismiss" on:click=move |_| shown.set(None)>
                    {tr(msg!("mention-dismiss"))}
                </button>
            }
        })
    };
    view! {
        <div class="mention-toast" class:shown=move || shown.with(Option::is_some) role="status" aria-live="polite">
            {said}
        </div>
    }
}

/// While conversation `(backend, id)` is open, any mention of the agent on it is seen:
/// the server is told, and the count follows.
pub fn see_mentions_of(backend: Signal<String>, id: Signal<String>) {
    let Some(list) = use_context::<MentionList>() else {
        return;
    };
    let origin = StoredValue::new(api_origin());
    Effect::new(move |_| {
        let (backend, id) = (backend.get(), id.get());
        let unseen_here = list.current().is_some_and(|now| {
            now.items
                .iter()
                .any(|m| !m.seen && m.backend == backend && m.conversation_id == id)
        });
        // Asked again only if a new one comes while it is open: the list read after this
        // has none unseen here.
        if !unseen_here {
            return;
        }
        let origin = origin.get_value();
        leptos::task::spawn_local(async move {
            if mentions::seen(&origin, &backend, &id).await.is_ok() {
                list.reload();
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(id: &str, seen: bool) -> Mention {
        Mention {
            note_id: id.into(),
            backend: "octopia".into(),
            conversation_id: "d 1/2".into(),
            author_id: "a1".into(),
            excerpt: "@Bob look".into(),
            created_at: "2026-12-06T10:00:00Z".parse().unwrap(),
            seen,
        }
    }

    fn list(items: Vec<Mention>) -> Mentions {
        Mentions { unseen: 0, items }
    }

    #[test]
    fn only_unseen_mentions_that_came_after_the_first_read_are_announced() {
        let mut known = None;
        assert!(newly_arrived(&mut known, &list(vec![mention("n1", false)])).is_empty());
        let now = list(vec![
            mention("n3", true),
            mention("n2", false),
            mention("n1", false),
        ]);
        let fresh = newly_arrived(&mut known, &now);
        let ids: Vec<&str> = fresh.iter().map(|m| m.note_id.as_str()).collect();
        assert_eq!(ids, ["n2"]);
        assert!(newly_arrived(&mut known, &now).is_empty(), "said once");
    }

    #[test]
    fn a_mention_leads_to_its_conversation_with_the_inbox_filters_kept() {
        assert_eq!(
            conversation_href(&mention("n1", false), "?status=all"),
            "/conversations/octopia/d%201%2F2?status=all"
        );
    }
}
