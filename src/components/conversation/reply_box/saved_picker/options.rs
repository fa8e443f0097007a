//! The picker's list: the search, the replies that fit (a listbox the search drives with
//! `aria-activedescendant`), and the chosen one's preview in its languages.

use super::SavedPicker;
use crate::components::shell::feedback::{ErrorPanel, Loading};
use crate::i18n::{tr, use_i18n, Args, Lang};
use crate::pages::saved_replies::SAVED_REPLIES_ROUTE;
use crate::state::CurrentAgent;
use leptos::html;
use leptos::prelude::*;
use switchboard_core::i18n::{text, text_with};
use switchboard_core::saved_replies::{
    fill, placeholders, version_for, SavedReply, Values, Variable,
};

const OPTIONS_ID: &str = "saved-reply-options";

#[component]
pub fn SavedReplyOptions(picker: SavedPicker, choose: Callback<SavedReply>) -> impl IntoView {
    let i18n = use_i18n();
    let search_ref = NodeRef::<html::Input>::new();
    // The search takes the focus as the list opens: typing goes on there.
    Effect::new(move |_| {
        if let Some(search) = search_ref.get() {
            let _ = search.focus();
        }
    });
    let matches = Memo::new(move |_| picker.matches());
    let count = move || matches.with(Vec::len);
    let choose_active = move || {
        let chosen = matches.with_untracked(|m| m.get(picker.active.get_untracked()).cloned());
        if let Some(reply) = chosen {
            choose.run(reply);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = count();
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => picker.active.update(|a| *a = (*a + 1) % count),
            "ArrowUp" if count > 0 => picker.active.update(|a| *a = (*a + count - 1) % count),
            "Enter" => choose_active(),
            "Escape" => {
                // The list closes; nothing else (the page, a dialog) hears this Esc.
                ev.stop_propagation();
                picker.close();
            }
            _ => return,
        }
        ev.prevent_default();
    };
    let offered = move || {
        let loaded = picker.list.with(|l| matches!(l, Some(Some(Ok(_)))));
        loaded.then(|| {
            let args = Args::new().num("count", count() as i64);
            text_with(i18n.lang(), msg!("saved-replies-offered"), &args)
        })
    };
    view! {
        <label class="visually-hidden" for="saved-reply-search">{tr(msg!("saved-replies-search-label"))}</label>
        <input
            id="saved-reply-search"
            type="search"
            node_ref=search_ref
            data-testid="saved-reply-search"
            role="combobox"
            aria-expanded="true"
            aria-autocomplete="list"
            aria-controls=OPTIONS_ID
            aria-activedescendant=move || (count() > 0).then(|| format!("{OPTIONS_ID}-{}", picker.active.get()))
            placeholder=move || text(i18n.lang(), msg!("saved-replies-search-placeholder"))
            prop:value=move || picker.query.get()
            on:input=move |ev| {
                picker.query.set(event_target_value(&ev));
                picker.active.set(0);
                picker.lang.set(None);
            }
            on:keydown=on_keydown
        />
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="saved-reply-offered">{offered}</p>
        {move || picker.list.with(|loaded| match loaded {
            Some(Some(Err(error))) => {
                let retry = Callback::new(move |_| picker.opened.update(|n| *n += 1));
                view! { <ErrorPanel error=error.clone() context=tr(msg!("saved-replies-not-loaded")) on_retry=retry /> }.into_any()
            }
            Some(Some(Ok(all))) if all.iter().all(|r| r.retired) => view! {
                <p class="state-hint" data-testid="saved-replies-empty">{tr(msg!("saved-replies-empty"))}</p>
            }.into_any(),
            Some(Some(Ok(_))) => view! { <Listed picker matches choose /> }.into_any(),
            _ => view! { <Loading label=tr(msg!("saved-replies-loading")) /> }.into_any(),
        })}
        <div class="saved-replies-actions">
            <a href=SAVED_REPLIES_ROUTE data-testid="saved-replies-manage">{tr(msg!("saved-replies-manage"))}</a>
            <button type="button" class="button" data-testid="saved-replies-cancel" on:click=move |_| picker.close()>
                {tr(msg!("saved-replies-cancel"))}
            </button>
        </div>
    }
}

/// The replies that fit, and the chosen one's preview.
#[component]
fn Listed(
    picker: SavedPicker,
    matches: Memo<Vec<SavedReply>>,
    choose: Callback<SavedReply>,
) -> impl IntoView {
    let options = move || {
        matches
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, reply)| {
                let chosen = move || picker.active.get() == index;
                let langs = reply.texts.iter().map(|t| t.lang.tag().to_uppercase()).collect::<Vec<_>>().join(" ");
                let personal = reply.owner.is_some();
                let on_click = {
                    let reply = reply.clone();
                    move |_| choose.run(reply.clone())
                };
                view! {
                    <li
                        role="option"
                        id=format!("{OPTIONS_ID}-{index}")
                        class:active=chosen
                        aria-selected=move || if chosen() { "true" } else { "false" }
                        data-testid="saved-reply-option"
                        // The search keeps the focus: a click must not take it.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=on_click
                    >
                        <bdi class="saved-reply-title">{reply.title.clone()}</bdi>
                        {personal.then(|| view! { <span class="badge">{tr(msg!("saved-replies-personal"))}</span> })}
                        <span class="saved-reply-langs">{langs}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let active = Memo::new(move |_| matches.with(|m| m.get(picker.active.get()).cloned()));
    view! {
        <Show
            when=move || matches.with(|m| !m.is_empty())
            fallback=|| view! { <p class="state-hint" data-testid="saved-replies-none">{tr(msg!("saved-replies-none"))}</p> }
        >
            <div class="saved-replies-choice">
                <ul class="saved-reply-options" role="listbox" id=OPTIONS_ID aria-label=tr(msg!("saved-replies-open")) data-testid="saved-reply-options">
                    {options}
                </ul>
                {move || active.get().map(|reply| view! { <Preview picker reply choose /> })}
            </div>
        </Show>
    }
}

/// The chosen reply as it would go in: its languages to pick from, its text with what the
/// conversation fills, and what it does not in brackets.
#[component]
fn Preview(picker: SavedPicker, reply: SavedReply, choose: Callback<SavedReply>) -> impl IntoView {
    let i18n = use_i18n();
    let me = use_context::<CurrentAgent>();
    let reply = StoredValue::new(reply);
    let version = Memo::new(move |_| {
        let preferred = picker.preferred(i18n.lang());
        reply.with_value(|r| version_for(r, &preferred).map(|v| (v.lang, v.body.clone())))
    });
    let shown = move || {
        let lang = i18n.lang();
        version.get().map(|(_, body)| {
            let values = picker.values(me.and_then(|m| m.name()));
            preview(&body, values, lang)
        })
    };
    let languages = move || {
        let chosen = version.get().map(|(lang, _)| lang);
        reply
            .with_value(|r| r.texts.iter().map(|t| t.lang).collect::<Vec<Lang>>())
            .into_iter()
            .map(|lang| {
                let pressed = chosen == Some(lang);
                view! {
                    <button
                        type="button"
                        class="button"
                        lang=lang.tag()
                        aria-pressed=if pressed { "true" } else { "false" }
                        data-testid="saved-reply-lang"
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| picker.lang.set(Some(lang))
                    >
                        {lang.native_name()}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <section class="saved-reply-preview" aria-label=tr(msg!("saved-replies-preview")) data-testid="saved-reply-preview">
            <div class="saved-reply-languages" role="group" aria-label=tr(msg!("saved-replies-languages"))>{languages}</div>
            <p class="saved-reply-text" dir="auto" lang=move || version.get().map(|(l, _)| l.tag()) data-testid="saved-reply-preview-text">{shown}</p>
            <button
                type="button"
                class="button primary"
                data-testid="saved-reply-insert"
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| choose.run(reply.get_value())
            >
                {tr(msg!("saved-replies-insert"))}
            </button>
        </section>
    }
}

/// The text with every known variable filled and each missing one shown by its label in
/// brackets (`[The customer’s name]`), so the agent sees what will be asked.
fn preview(body: &str, mut values: Values, lang: Lang) -> String {
    for token in placeholders(body) {
        if values.get(token).is_none() {
            let label =
                Variable::from_token(token).map_or_else(|| token.to_owned(), |v| v.label(lang));
            values.set(token, format!("[{label}]"));
        }
    }
    fill(body, &values).unwrap_or_else(|_| body.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_fills_what_is_known_and_names_what_will_be_asked() {
        let mut values = Values::default();
        values.set("agent_name", "Aisha");
        let shown = preview(
            "Hi {{customer_name}}, {{agent_name}} here",
            values,
            Lang::En,
        );
        assert_eq!(shown, "Hi [The customer’s name], Aisha here");
    }
}
