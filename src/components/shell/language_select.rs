//! The language menu: each language named in itself, so a reader finds theirs whatever
//! the page speaks now. The choice takes effect at once and is remembered.

use crate::i18n::{tr, use_i18n, Lang};
use leptos::prelude::*;

#[component]
pub fn LanguageSelect(
    /// The `id` of the select, unique on the page.
    #[prop(default = "language-select")]
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            i18n.set(lang);
        }
    };
    view! {
        <span class="language-select">
            <label for=id>{tr(msg!("language-label"))}</label>
            <select id=id data-testid="language-select" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.tag()
                                lang=lang.tag()
                                selected=move || i18n.lang() == lang
                            >
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </span>
    }
}
