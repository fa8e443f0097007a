//! The inbox's text filter: words over customer, subject, reference and last message,
//! applied in the page as the agent types (`/` comes here). The text stays in the URL
//! (`?q=`), replaced rather than pushed, so Back does not replay each keystroke.
//!
//! Under the inbox ([`provide_typed_text`]) the rows narrow on each keystroke from the
//! text as typed ([`TypedText`]), and the URL takes it once typing pauses: each change of
//! the URL is a navigation the router handles, about a fifth of a keystroke's work at ten
//! thousand rows, once instead of per key. Clearing the field writes the URL at once.

use crate::components::inbox::inbox_filters::{
    use_inbox_filters, use_replace_filters, InboxFilters,
};
use crate::i18n::tr;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// The filter's text as typed, ahead of the URL; `None` once the URL holds it.
#[derive(Clone, Copy, Debug)]
pub struct TypedText(pub RwSignal<Option<String>>);

/// How long typing pauses before the URL takes the text.
const URL_AFTER_MS: u32 = 300;

/// Lets the inbox's list narrow from the text as typed (see the module's note).
pub fn provide_typed_text() {
    provide_context(TypedText(RwSignal::new(None)));
}

/// The text as typed where the inbox provides it.
pub fn use_typed_text() -> Option<TypedText> {
    use_context::<TypedText>()
}

#[component]
pub fn TextFilter() -> impl IntoView {
    let filters = use_inbox_filters();
    let replace = use_replace_filters();
    let text = RwSignal::new(filters.with_untracked(|f| f.text.clone().unwrap_or_default()));
    let ahead = use_typed_text();
    // Another view chosen (or Back): the field shows what the URL holds, unless the agent
    // is typing ahead of it (their text goes to the URL in a moment).
    Effect::new(move |_| {
        let wanted = filters.with(|f| f.text.clone().unwrap_or_default());
        let typing = ahead.is_some_and(|TypedText(ahead)| ahead.with_untracked(Option::is_some));
        if !typing && text.with_untracked(|t| t.trim() != wanted.trim()) {
            text.set(wanted);
        }
    });
    // The URL's write waiting for typing to pause; replacing it cancels the one before.
    let pending = StoredValue::new_local(None::<Timeout>);
    let write = move |typed: String| {
        replace(InboxFilters {
            text: (!typed.trim().is_empty()).then_some(typed),
            ..filters.get_untracked()
        });
        if let Some(TypedText(ahead)) = ahead {
            ahead.set(None);
        }
    };
    let at_once = {
        let write = write.clone();
        move |typed: String| {
            pending.set_value(None);
            text.set(typed.clone());
            write(typed);
        }
    };
    let clear = at_once.clone();
    // Esc leaves the field (the page's shortcut) and the browser empties a search box, but
    // says so with `change`, not `input`, once the field has lost focus: the filter itself
    // is emptied here, URL and all.
    let on_esc = at_once.clone();
    let apply = move |typed: String| {
        let Some(TypedText(ahead)) = ahead else {
            return at_once(typed);
        };
        text.set(typed.clone());
        ahead.set(Some(typed.clone()));
        let write = write.clone();
        pending.set_value(Some(Timeout::new(URL_AFTER_MS, move || write(typed))));
    };
    view! {
        <div class="text-filter" role="search">
            <label class="visually-hidden" for="inbox-filter">{tr(msg!("filter-text-label"))}</label>
            <input
                id="inbox-filter"
                type="search"
                data-testid="inbox-filter"
                placeholder=tr(msg!("filter-text-placeholder"))
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |ev| apply(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" && !text.with_untracked(String::is_empty) {
                        on_esc(String::new());
                    }
                }
            />
            <Show when=move || text.with(|t| !t.is_empty())>
                <button class="button ghost" type="button" data-testid="inbox-filter-clear" on:click={
                    let clear = clear.clone();
                    move |_| clear(String::new())
                }>{tr(msg!("filter-clear"))}</button>
            </Show>
        </div>
    }
}
