//! Saved views in the sidebar (`docs/saved-views.md`): the team's shared views and the
//! agent's own, each a link to its filters and order (its query string, as the address
//! holds it), with how many loaded conversations it holds; "Save this view" names the view
//! on screen, for the agent alone or the team. Its owner (and an admin, for a shared one)
//! removes a view.

mod count;
mod save;

use crate::components::inbox::inbox_filters::InboxFilters;
use crate::components::inbox::view_counts::{CountBadge, Tally};
use crate::components::shell::feedback::ErrorPanel;
use crate::components::shell::later::{Later, OnFirstUse};
use crate::connectors::saved_views::{remove_view, saved_views};
use crate::connectors::Inbox;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{api_origin, CurrentAgent, InboxRows};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
pub use save::SaveViewForm;
use switchboard_core::i18n::text_with;
use switchboard_core::saved_views::SavedView;
use switchboard_core::session::Role;

/// The views the agent sees, read once the sidebar shows.
#[derive(Clone, Copy)]
pub struct SavedViews(pub RwSignal<Vec<SavedView>>);

impl SavedViews {
    /// Keeps a view as the server now has it, in name order.
    pub fn keep(&self, view: SavedView) {
        self.0.update(|views| {
            views.retain(|v| v.id != view.id);
            views.push(view);
            views.sort_by_key(|v| v.name.to_lowercase());
        });
    }
}

/// Whether the form that saves the view on screen is open.
#[derive(Clone, Copy)]
pub struct SaveViewOpen(pub RwSignal<bool>);

/// The sidebar's saved views, and "Save this view".
#[component]
pub fn SavedViewLinks(filters: Memo<InboxFilters>) -> impl IntoView {
    let views = SavedViews(RwSignal::new(Vec::new()));
    provide_context(views);
    let open = RwSignal::new(false);
    provide_context(SaveViewOpen(open));
    let origin = api_origin();
    leptos::task::spawn_local(async move {
        // Unread, the sidebar still offers to save one: nothing is lost.
        if let Ok(read) = saved_views(&origin).await {
            views.0.try_set(read);
        }
    });
    let counts = count::use_view_counts(views);
    let removing = Action::new_local(move |id: &String| {
        let (id, origin) = (id.clone(), api_origin());
        async move {
            remove_view(&origin, &id).await?;
            views.0.try_update(|list| list.retain(|v| v.id != id));
            Ok::<_, switchboard_core::error::ApiError>(())
        }
    });
    let links = move || {
        views
            .0
            .get()
            .into_iter()
            .map(|view| view! { <ViewLink view filters counts removing /> })
            .collect_view()
    };
    view! {
        <h2 class="views-heading" id="views-saved">{tr(msg!("views-saved"))}</h2>
        <ul aria-labelledby="views-saved" data-testid="saved-views">{links}</ul>
        {move || removing.value().get().and_then(Result::err).map(|error| view! {
            <ErrorPanel error context=tr(msg!("saved-view-not-removed")) />
        })}
        <button
            type="button"
            class="button small ghost saved-view-new"
            data-testid="saved-view-new"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {tr(msg!("saved-view-new"))}
        </button>
        <SaveViewSlot open />
    }
}

#[component]
fn ViewLink(
    view: SavedView,
    filters: Memo<InboxFilters>,
    counts: Memo<Vec<(String, usize)>>,
    removing: Action<String, Result<(), switchboard_core::error::ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let rows = use_context::<InboxRows>();
    let agent = use_context::<CurrentAgent>();
    let own = agent.and_then(|a| a.id_untracked()).as_deref() == Some(view.owner_id.as_str());
    let admin = agent.is_some_and(|a| {
        a.0.with_untracked(|a| a.as_ref().is_some_and(|a| a.role == Role::Admin))
    });
    let removable = own || (view.shared && admin);
    let its = InboxFilters::of_query(&view.query);
    let href = {
        let query = view.query.clone();
        move || {
            let path = location.pathname.get();
            if query.is_empty() {
                path
            } else {
                format!("{path}?{query}")
            }
        }
    };
    let current = move || filters.with(|f| *f == its).then_some("true");
    let id = view.id.clone();
    let tally = {
        let id = id.clone();
        Signal::derive(move || {
            let count = counts.with(|c| c.iter().find(|(v, _)| *v == id).map_or(0, |(_, n)| *n));
            let more = rows.is_some_and(|r| r.0.with(Inbox::has_more));
            Tally::loaded(count, more)
        })
    };
    let name = StoredValue::new(view.name.clone());
    let remove_words = move || {
        let args = Args::new().str("name", name.get_value());
        text_with(i18n.lang(), msg!("saved-view-remove"), &args)
    };
    view! {
        <li class="saved-view">
            <a href=href aria-current=current data-testid="view-saved" data-view=id.clone()>
                <bdi>{view.name}</bdi>
                {view.shared.then(|| view! { <span class="badge shared" data-testid="view-shared">{tr(msg!("saved-view-shared"))}</span> })}
                <CountBadge tally testid=format!("count-view-{id}") />
            </a>
            {removable.then(|| view! {
                <button
                    type="button"
                    class="saved-view-remove"
                    data-testid="saved-view-remove"
                    aria-label=remove_words
                    title=remove_words
                    disabled=move || removing.pending().get()
                    on:click=move |_| {
                        removing.dispatch(id.clone());
                    }
                >
                    "×"
                </button>
            })}
        </li>
    }
}

/// The form, a part fetched the first time it is wanted (none where the console gives no
/// parts: a test mounts [`SaveViewForm`] itself).
#[component]
fn SaveViewSlot(open: RwSignal<bool>) -> impl IntoView {
    use_context::<Later>()
        .and_then(|later| later.save_view)
        .map(|part| view! { <OnFirstUse wanted=Signal::derive(move || open.get()) part /> })
}
