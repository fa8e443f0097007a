//! The thread's older pages, loaded on demand and kept while newer ones reload, and the
//! button that asks for the next of them.

use super::{NewestPage, MESSAGE_PAGE_SIZE};
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::Connector;
use crate::i18n::tr;
use leptos::prelude::*;
use switchboard_core::domain::{Cursor, Message};
use switchboard_core::error::ApiError;

/// The older messages shown, where the next older page starts, and the load of it.
#[derive(Clone, Copy)]
pub(super) struct OlderPages {
    pub older: RwSignal<Vec<Message>>,
    pub cursor: RwSignal<Option<Cursor>>,
    pub load: Action<Cursor, Result<(), ApiError>>,
}

/// Older pages start where the newest page ends, until one has been loaded.
pub(super) fn use_older_pages(connector: &Connector, id: &str, newest: NewestPage) -> OlderPages {
    let older = RwSignal::new(Vec::<Message>::new());
    let cursor = RwSignal::new(None::<Cursor>);
    Effect::new(move |_| {
        if let Some(Ok(page)) = newest.get() {
            if older.with_untracked(Vec::is_empty) {
                cursor.set(page.next);
            }
        }
    });
    let load = Action::new_local({
        let (connector, id) = (connector.clone(), id.to_owned());
        move |from: &Cursor| {
            let (connector, id, from) = (connector.clone(), id.clone(), from.clone());
            async move {
                let loaded = connector
                    .messages(&id, Some(&from), MESSAGE_PAGE_SIZE)
                    .await?;
                older.update(|o| prepend(o, &loaded.items));
                cursor.set(loaded.next);
                Ok::<_, ApiError>(())
            }
        }
    });
    OlderPages {
        older,
        cursor,
        load,
    }
}

/// An older page goes before the messages kept, in the backend's order.
fn prepend(older: &mut Vec<Message>, page: &[Message]) {
    let mut merged = page.to_vec();
    merged.append(older);
    *older = merged;
}

/// "Load older messages" while there are some, and why the last try failed.
#[component]
pub(super) fn LoadOlder(pages: OlderPages) -> impl IntoView {
    let (loading_older, load_older_label) = (
        tr(msg!("thread-loading-older")),
        tr(msg!("thread-load-older")),
    );
    let OlderPages { cursor, load, .. } = pages;
    let has_older = move || cursor.with(Option::is_some);
    let error = move || match load.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    };
    view! {
        <Show when=has_older>
            <button
                class="button ghost load-older"
                type="button"
                data-testid="load-older"
                disabled=move || load.pending().get()
                on:click=move |_| {
                    if let Some(from) = cursor.get_untracked() {
                        load.dispatch(from);
                    }
                }
            >
                {move || if load.pending().get() { loading_older() } else { load_older_label() }}
            </button>
        </Show>
        {move || error().map(|error| view! { <ErrorPanel error context=tr(msg!("thread-older-not-loaded")) /> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::conversation::test_messages::customer_message;

    fn message(id: &str) -> Message {
        customer_message(id)
    }

    #[test]
    fn an_older_page_goes_before_the_messages_kept() {
        let mut older = vec![message("c"), message("d")];
        prepend(&mut older, &[message("a"), message("b")]);
        let ids: Vec<_> = older.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
    }
}
