//! The view's pages: the first page of every backend, shown at once when all have answered
//! (a slow one holds the others back a moment only), then the next pages appended; where the
//! first page stands (loading, in, failed); and the parts made ready once it is in.

use crate::components::shell::feedback::ErrorPanel;
use crate::components::shell::later::WarmUp;
use crate::connectors::{load_inbox_as_it_comes, next_pages, Inbox};
use crate::i18n::{tr, use_i18n};
use crate::state::{DirectoryResource, InboxRows};
use first_screen::shown_at_once;
use leptos::prelude::*;
use switchboard_core::domain::InboxQuery;
use switchboard_core::error::ApiError;

mod first_screen;

/// The first page of every backend, with the view it was asked for: `None` until the
/// directory has come.
pub(super) type FirstPage = LocalResource<Result<Option<(InboxQuery, Inbox)>, ApiError>>;
/// The next page of each backend, with the query it was asked for.
pub(super) type MorePages = Action<InboxQuery, Option<(Inbox, InboxQuery)>>;

/// The first page of every backend, keyed on the view and on the directory as a value:
/// awaiting the directory would subscribe to it and ask every backend twice. Before the
/// directory has come, there is nothing to ask (`None`).
/// The rows show once every backend has answered, or a moment after the first if one is
/// slow ([`first_screen`]), while the view is still the one asked.
/// Keyed on the language too: a backend's words in the rows (a claim's badge, a channel,
/// a ticket's name) are said as they are read, so another language reads again.
pub(super) fn use_first_page(query: Memo<InboxQuery>, rows: InboxRows) -> FirstPage {
    let directory = expect_context::<DirectoryResource>();
    let i18n = use_i18n();
    let first = LocalResource::new(move || {
        i18n.lang();
        let asked = query.get();
        let directory = directory.get();
        async move {
            match directory {
                None => Ok(None),
                Some(Err(error)) => Err(error),
                Some(Ok(directory)) => {
                    let wanted = asked.clone();
                    let show = move |inbox: Inbox| {
                        // The timer may outlive the view, and the pane.
                        if query.try_get_untracked().as_ref() == Some(&wanted) {
                            rows.0.try_set(inbox);
                        }
                    };
                    let inbox =
                        load_inbox_as_it_comes(&directory.connectors, &asked, shown_at_once(show))
                            .await;
                    Ok(Some((asked, inbox)))
                }
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some((_, inbox)))) = first.get() {
            // Most often the last answer has shown it already: drawn again, the whole list
            // and its counts would be worked out again for nothing.
            if rows.0.with_untracked(|shown| *shown != inbox) {
                rows.0.set(inbox);
            }
        }
    });
    first
}

/// The next page of each backend, appended; dropped if the view changed meanwhile.
pub(super) fn use_more_pages(query: Memo<InboxQuery>, rows: InboxRows) -> MorePages {
    let directory = expect_context::<DirectoryResource>();
    let more = Action::new_local(move |asked: &InboxQuery| {
        let asked = asked.clone();
        let cursors = rows.0.with_untracked(|inbox| inbox.cursors.clone());
        async move {
            let directory = directory.await.ok()?;
            Some((
                next_pages(&directory.connectors, &asked, &cursors).await,
                asked,
            ))
        }
    });
    Effect::new(move |_| {
        if let Some(Some((next, asked))) = more.value().get() {
            if asked == query.get_untracked() {
                rows.0.update(|inbox| inbox.append(next));
            }
        }
    });
    more
}

/// Where the view's first page stands.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum FirstState {
    Loading,
    Loaded,
    Failed,
}

impl FirstState {
    /// Loading too while another view's first page is asked: the last view's rows stay on
    /// screen until the new ones come, and the count's line says the view loads.
    pub(super) fn of(first: FirstPage, query: Memo<InboxQuery>) -> Memo<FirstState> {
        Memo::new(move |_| {
            first.with(|answer| match answer {
                None | Some(Ok(None)) => FirstState::Loading,
                Some(Ok(Some((asked, _)))) if query.with(|q| q == asked) => FirstState::Loaded,
                Some(Ok(Some(_))) => FirstState::Loading,
                Some(Err(_)) => FirstState::Failed,
            })
        })
    }
}

/// A server out of reach only: the list itself is mounted once, beside this, and reads
/// the inbox's state, so nothing it shows is disposed under it. Loading is said in the
/// count's line, under this: a block here would leave as the rows came and move them.
#[component]
pub(super) fn FirstPageFailure(first: FirstPage, retry: Callback<()>) -> impl IntoView {
    // The error alone is copied out, not the inbox beside it.
    let failure =
        move || first.with(|answer| answer.as_ref().and_then(|a| a.as_ref().err().cloned()));
    move || {
        failure().map(|error| {
            view! { <ErrorPanel error context=tr(msg!("console-unreachable")) on_retry=retry /> }
        })
    }
}

/// Once every backend's first page is in, the parts an agent will need next are made
/// ready (`WarmUp`), once per page: started at the first rows, their downloads and start
/// competed with the backends still answering and delayed those backends' rows (a
/// profile of the first load put them in the same long tasks).
pub(super) fn warm_up_once_loaded(loaded: Signal<bool>) {
    let Some(warm_up) = use_context::<WarmUp>() else {
        return;
    };
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !loaded.get() {
            return started.unwrap_or(false);
        }
        // After the frame that shows them, in a task of its own: started in the frame's
        // callbacks, its downloads' start (the splitter's loader asks for each file of
        // the part) held the rows' painting back and made one long task with the
        // list's layout.
        request_animation_frame(move || {
            set_timeout(
                move || leptos::task::spawn_local((warm_up.0)()),
                std::time::Duration::ZERO,
            )
        });
        true
    });
}
