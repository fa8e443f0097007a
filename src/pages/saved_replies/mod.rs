//! `/settings/saved-replies`: the team's saved replies and the agent's own
//! (`docs/saved-replies.md`). Every agent reads the team's and keeps personal ones; admins
//! create, change, retire and restore the team's; each reply's history says who changed
//! what and when. It shows in the right pane, as the Mentions view does, and arrives on
//! first use in the release build (`src/parts.rs`).

mod editor;
mod history;

use crate::components::shell::feedback::{EmptyState, ErrorPanel, Loading};
use crate::connectors::saved_replies::saved_replies;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{agent_name, api_origin, CurrentAgent, DirectoryResource};
use editor::{Editing, Editor};
use history::History;
use leptos::prelude::*;
use switchboard_core::i18n::text_with;
use switchboard_core::saved_replies::SavedReply;
use switchboard_core::session::Role;

/// Where the page lives.
pub const SAVED_REPLIES_ROUTE: &str = "/settings/saved-replies";

/// What the page shares with its parts: the list, and what is being edited.
#[derive(Clone, Copy)]
struct Library {
    list: LocalResource<Result<Vec<SavedReply>, switchboard_core::error::ApiError>>,
    editing: RwSignal<Option<Editing>>,
    /// Said after a save, for everyone.
    said: RwSignal<Option<String>>,
    me: Me,
}

/// The signed-in agent, as far as the page needs: who, and whether an admin.
#[derive(Clone, Copy)]
struct Me(Option<CurrentAgent>);

impl Me {
    fn id(&self) -> Option<String> {
        self.0.and_then(|m| m.id_untracked())
    }

    fn is_admin(&self) -> bool {
        self.0
            .and_then(|m| {
                m.0.with_untracked(|a| a.as_ref().map(|a| a.role == Role::Admin))
            })
            .unwrap_or(false)
    }

    /// Whether this agent may change `reply`: their own, or the team's if an admin.
    fn may_change(&self, reply: &SavedReply) -> bool {
        match &reply.owner {
            Some(owner) => Some(owner) == self.id().as_ref(),
            None => self.is_admin(),
        }
    }
}

#[component]
pub fn SavedRepliesPage() -> impl IntoView {
    let origin = StoredValue::new(api_origin());
    let list = LocalResource::new(move || {
        let origin = origin.get_value();
        async move { saved_replies(&origin).await }
    });
    let library = Library {
        list,
        editing: RwSignal::new(None),
        said: RwSignal::new(None),
        me: Me(use_context::<CurrentAgent>()),
    };
    let retry = Callback::new(move |_| list.refetch());
    view! {
        <section class="saved-replies-page" aria-labelledby="saved-replies-heading" data-testid="saved-replies-page">
            <h2 id="saved-replies-heading" class="pane-heading">{tr(msg!("settings-replies-heading"))}</h2>
            <p class="state-hint">{tr(msg!("settings-replies-intro"))}</p>
            {(!library.me.is_admin()).then(|| view! {
                <p class="notice" data-testid="saved-replies-admin-only">{tr(msg!("settings-replies-admin-only"))}</p>
            })}
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="saved-replies-said">{move || library.said.get()}</p>
            <NewReply library />
            <Transition fallback=|| view! { <Loading label=tr(msg!("saved-replies-loading")) /> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(replies) if replies.is_empty() => view! { <EmptyState title=tr(msg!("saved-replies-empty")) /> }.into_any(),
                        Ok(replies) => view! {
                            <ul class="saved-reply-list" data-testid="saved-reply-list">
                                {replies.into_iter().map(|reply| view! { <Item library reply /> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error context=tr(msg!("saved-replies-not-loaded")) on_retry=retry /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// "New saved reply", and its editor while open.
#[component]
fn NewReply(library: Library) -> impl IntoView {
    let creating = move || library.editing.with(|e| matches!(e, Some(Editing::New)));
    view! {
        <Show
            when=creating
            fallback=move || view! {
                <button type="button" class="button primary" data-testid="saved-reply-new" on:click=move |_| library.editing.set(Some(Editing::New))>
                    {tr(msg!("settings-replies-new"))}
                </button>
            }
        >
            <Editor library reply=None />
        </Show>
    }
}

/// One reply: title, for whom, its languages, who changed it last; what this agent may do.
#[component]
fn Item(library: Library, reply: SavedReply) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_context::<DirectoryResource>();
    let may_change = library.me.may_change(&reply);
    let id = reply.id.clone();
    let editing_this = {
        let id = id.clone();
        move || {
            library
                .editing
                .with(|e| matches!(e, Some(Editing::Existing(edited)) if *edited == id))
        }
    };
    let show_history = RwSignal::new(false);
    let reply = StoredValue::new(reply);
    let revision = move || {
        let (revision, by) = reply.with_value(|r| (r.revision, r.updated_by.clone()));
        let args = Args::new()
            .num("revision", revision)
            .str("name", agent_name(directory, &by));
        text_with(i18n.lang(), msg!("settings-replies-revision"), &args)
    };
    let langs = reply.with_value(|r| {
        r.texts
            .iter()
            .map(|t| t.lang.native_name())
            .collect::<Vec<_>>()
            .join(" · ")
    });
    view! {
        <li class="saved-reply-item" class:retired=reply.with_value(|r| r.retired) data-testid="saved-reply-item" data-id=id.clone()>
            <Show
                when=editing_this.clone()
                fallback=move || view! {
                    <div class="saved-reply-head">
                        <strong><bdi>{reply.with_value(|r| r.title.clone())}</bdi></strong>
                        <span class="badge">{if reply.with_value(|r| r.owner.is_some()) { tr(msg!("saved-replies-personal")) } else { tr(msg!("settings-replies-team")) }}</span>
                        {reply.with_value(|r| r.retired).then(|| view! { <span class="badge retired" data-testid="saved-reply-retired">{tr(msg!("settings-replies-retired"))}</span> })}
                    </div>
                    <p class="saved-reply-meta">{langs.clone()} " · " {revision}</p>
                    <div class="saved-reply-actions">
                        {may_change.then(|| view! { <ItemActions library reply=reply.get_value() /> })}
                        <button type="button" class="button" data-testid="saved-reply-history"
                            aria-expanded=move || if show_history.get() { "true" } else { "false" }
                            on:click=move |_| show_history.update(|s| *s = !*s)>
                            {tr(msg!("settings-replies-history"))}
                        </button>
                    </div>
                    <Show when=move || show_history.get()>
                        <History id=reply.with_value(|r| r.id.clone()) />
                    </Show>
                }
            >
                <Editor library reply=Some(reply.get_value()) />
            </Show>
        </li>
    }
}

/// Edit, and Retire or Restore, for a reply this agent may change.
#[component]
fn ItemActions(library: Library, reply: SavedReply) -> impl IntoView {
    let id = reply.id.clone();
    let retired = reply.retired;
    let toggle = editor::use_save(library);
    let retiring = (reply.id.clone(), editor::retiring(&reply));
    view! {
        <button type="button" class="button" data-testid="saved-reply-edit"
            on:click=move |_| library.editing.set(Some(Editing::Existing(id.clone())))>
            {tr(msg!("settings-replies-edit"))}
        </button>
        <button type="button" class="button" data-testid="saved-reply-retire-toggle"
            disabled=move || toggle.pending().get()
            on:click=move |_| { toggle.dispatch(retiring.clone()); }>
            {if retired { tr(msg!("settings-replies-restore")) } else { tr(msg!("settings-replies-retire")) }}
        </button>
        {move || match toggle.value().get() {
            Some(Err(error)) => Some(view! { <ErrorPanel error context=tr(msg!("settings-replies-not-saved")) /> }),
            _ => None,
        }}
    }
}
