//! Light or dark: the console follows the system's choice unless the reader picks one
//! here; the pick is remembered in this browser and applied before the first paint of
//! each page (`data-theme` on `<html>`, read by `style/theme.css`).

use crate::i18n::{tr, Msg};
use leptos::prelude::*;

const STORAGE_KEY: &str = "switchboard.theme";
const CHOICES: [(&str, Msg); 3] = [
    ("system", msg!("theme-system")),
    ("light", msg!("theme-light")),
    ("dark", msg!("theme-dark")),
];

/// The remembered theme: `system`, `light` or `dark`.
fn saved() -> String {
    crate::storage::read(STORAGE_KEY)
        .filter(|t| CHOICES.iter().any(|(value, _)| value == t))
        .unwrap_or_else(|| "system".to_owned())
}

/// Puts the theme on `<html>`; `system` leaves it to the system's preference.
pub fn apply(theme: &str) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        "light" | "dark" => root.set_attribute("data-theme", theme),
        _ => root.remove_attribute("data-theme"),
    };
}

/// Applies the remembered theme; each page's root calls it once.
pub fn apply_saved() {
    apply(&saved());
}

#[component]
pub fn ThemeSelect() -> impl IntoView {
    let current = RwSignal::new(saved());
    let on_change = move |ev: leptos::ev::Event| {
        let theme = event_target_value(&ev);
        crate::storage::write(STORAGE_KEY, &theme);
        apply(&theme);
        current.set(theme);
    };
    view! {
        <span class="theme-select">
            <label for="theme-select">{tr(msg!("theme-label"))}</label>
            <select id="theme-select" data-testid="theme-select" on:change=on_change>
                {CHOICES
                    .into_iter()
                    .map(|(value, id)| {
                        view! {
                            <option value=value selected=move || current.with(|c| c == value)>
                                {tr(id)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </span>
    }
}
