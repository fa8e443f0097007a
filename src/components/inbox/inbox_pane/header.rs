//! The inbox pane's header, apart from the pane's loading: the view's title in words (a
//! pure function of the filters, tested natively), refreshing, and the palette's button.

use crate::components::inbox::inbox_filters::InboxFilters;
use crate::components::shell::palette::PaletteOpen;
use crate::i18n::{tr, use_i18n, Args, Lang};
use crate::state::DirectoryResource;
use leptos::prelude::*;
use switchboard_core::domain::{AssigneeFilter, StatusFilter};
use switchboard_core::i18n::{text, text_with};

/// The view's title, in `lang`: its assignee and status, the backend it is one of (named
/// by `backend_label`, asked only then), and the reference looked for.
fn view_title(lang: Lang, f: &InboxFilters, backend_label: impl FnOnce(&str) -> String) -> String {
    let view = match (f.assignee, f.status) {
        (AssigneeFilter::All, StatusFilter::All) => text(lang, msg!("inbox-all-conversations")),
        (assignee, StatusFilter::All) => assignee.label(lang),
        (AssigneeFilter::All, status) => status.label(lang),
        (assignee, status) => text_with(
            lang,
            msg!("inbox-title-assignee-status"),
            &Args::new()
                .str("assignee", assignee.label(lang))
                .str("status", status.label(lang)),
        ),
    };
    let view = match f.backend.as_deref() {
        Some(name) => {
            let backend = backend_label(name);
            if (f.assignee, f.status) == (AssigneeFilter::All, StatusFilter::All) {
                backend
            } else {
                text_with(
                    lang,
                    msg!("inbox-title-backend"),
                    &Args::new().str("view", view).str("backend", backend),
                )
            }
        }
        None => view,
    };
    match f.reference.clone() {
        Some(reference) => text_with(
            lang,
            msg!("inbox-title-reference"),
            &Args::new().str("view", view).str("reference", reference),
        ),
        None => view,
    }
}

/// The view's title, refreshing it, and the button that opens the command palette.
#[component]
pub(super) fn InboxHeader(filters: Memo<InboxFilters>, on_refresh: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let directory = expect_context::<DirectoryResource>();
    let palette = use_context::<PaletteOpen>();
    let title = move || {
        let f = filters.get();
        let lang = i18n.lang();
        // The backend's own name, in the reader's language, when the view is one backend's.
        view_title(lang, &f, |name| match directory.get() {
            Some(Ok(directory)) => directory
                .backend(name)
                .map_or_else(|| name.to_owned(), |b| b.kind.label(lang)),
            _ => name.to_owned(),
        })
    };
    view! {
        <div class="list-header">
            <h1 data-testid="inbox-title">{title}</h1>
            <button class="button ghost" type="button" data-testid="inbox-refresh" on:click=move |_| on_refresh.run(()) aria-label=tr(msg!("inbox-refresh-label"))>
                {tr(msg!("inbox-refresh"))}
            </button>
            <button
                class="button ghost"
                type="button"
                data-testid="open-palette"
                title=tr(msg!("palette-open-hint"))
                aria-keyshortcuts="Control+K Meta+K"
                on:click=move |_| {
                    if let Some(PaletteOpen(open)) = palette {
                        open.set(true);
                    }
                }
            >
                {tr(msg!("palette-open"))}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nowhere(name: &str) -> String {
        panic!("the backend {name} was asked for its name outside a backend's view")
    }

    #[test]
    fn the_whole_inbox_is_titled_all_conversations_without_asking_for_a_backend() {
        let all = InboxFilters::default();
        assert_eq!(
            view_title(Lang::En, &all, nowhere),
            text(Lang::En, msg!("inbox-all-conversations"))
        );
    }

    #[test]
    fn one_status_or_one_assignee_is_titled_by_its_own_name() {
        let open = InboxFilters {
            status: StatusFilter::Open,
            ..InboxFilters::default()
        };
        let mine = InboxFilters {
            assignee: AssigneeFilter::Me,
            ..InboxFilters::default()
        };
        assert_eq!(
            view_title(Lang::Fr, &open, nowhere),
            StatusFilter::Open.label(Lang::Fr)
        );
        assert_eq!(
            view_title(Lang::Fr, &mine, nowhere),
            AssigneeFilter::Me.label(Lang::Fr)
        );
    }

    #[test]
    fn a_backends_view_is_titled_by_its_name_alone_or_beside_the_rest_of_the_view() {
        let backend = InboxFilters {
            backend: Some("octopia".into()),
            ..InboxFilters::default()
        };
        let label = |name: &str| format!("<{name}>");
        assert_eq!(view_title(Lang::En, &backend, label), "<octopia>");
        let closed = InboxFilters {
            status: StatusFilter::Closed,
            reference: Some("TRIP-7".into()),
            ..backend
        };
        let title = view_title(Lang::En, &closed, label);
        assert!(title.contains("<octopia>"), "{title}");
        assert!(
            title.contains(&StatusFilter::Closed.label(Lang::En)),
            "{title}"
        );
        assert!(title.contains("TRIP-7"), "{title}");
    }
}
