//! "Save this view"'s form: names the filters and order on screen, for the agent alone or shared
//! with the team; the name is checked in the page first, nothing sent until it can be kept.

use super::{SaveViewOpen, SavedViews};
use crate::components::inbox::inbox_filters::{use_inbox_filters, InboxFilters};
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::http::new_correlation_id;
use crate::connectors::saved_views::put_view;
use crate::i18n::{tr, use_i18n};
use crate::state::api_origin;
use leptos::prelude::*;
use switchboard_core::saved_views::{check_view, SavedViewRequest, ViewProblem};

/// The form, while "Save this view" is pressed (a part of its own: `src/parts.rs`).
#[component]
pub fn SaveViewForm() -> impl IntoView {
    let views = use_context::<SavedViews>();
    let open = use_context::<SaveViewOpen>();
    let filters = use_inbox_filters();
    move || {
        let (views, SaveViewOpen(open)) = (views?, open?);
        open.get()
            .then(|| view! { <SaveForm filters views open /> })
    }
}

#[component]
fn SaveForm(filters: Memo<InboxFilters>, views: SavedViews, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let shared = RwSignal::new(false);
    let problem = RwSignal::new(None::<ViewProblem>);
    // One id for this form: a retry after a lost answer keeps one view.
    let id = StoredValue::new(new_correlation_id());
    let save = Action::new_local(move |request: &SavedViewRequest| {
        let (request, origin, id) = (request.clone(), api_origin(), id.get_value());
        async move { put_view(&origin, &id, &request).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(view)) = save.value().get() {
            views.keep(view);
            open.set(false);
        }
    });
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = SavedViewRequest {
            name: name.get_untracked(),
            query: filters.with_untracked(InboxFilters::query),
            shared: shared.get_untracked(),
        };
        match check_view(&request) {
            Ok(kept) => {
                problem.set(None);
                save.dispatch(kept);
            }
            Err(why) => problem.set(Some(why)),
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            open.set(false);
        }
    };
    view! {
        <form class="saved-view-form" data-testid="saved-view-form" on:submit=on_submit on:keydown=on_keydown novalidate>
            <label for="saved-view-name">{tr(msg!("saved-view-name"))}</label>
            <input
                id="saved-view-name"
                type="text"
                node_ref=input
                data-testid="saved-view-name"
                maxlength="80"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then_some("saved-view-problem")
            />
            <label class="saved-view-share">
                <input
                    type="checkbox"
                    data-testid="saved-view-shared"
                    prop:checked=move || shared.get()
                    on:change=move |ev| shared.set(event_target_checked(&ev))
                />
                {tr(msg!("saved-view-share"))}
            </label>
            {move || problem.get().map(|why| view! {
                <p class="field-error" id="saved-view-problem" data-testid="saved-view-problem">{move || why.say(i18n.lang())}</p>
            })}
            <div class="saved-view-actions">
                <button type="submit" class="button small" data-testid="saved-view-save" disabled=move || save.pending().get()>
                    {tr(msg!("saved-view-save"))}
                </button>
                <button type="button" class="button small ghost" on:click=move |_| open.set(false)>
                    {tr(msg!("saved-view-cancel"))}
                </button>
            </div>
            {move || save.value().get().and_then(Result::err).map(|error| view! {
                <ErrorPanel error context=tr(msg!("saved-view-failed")) />
            })}
        </form>
    }
}
