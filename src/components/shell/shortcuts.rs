//! The console's keyboard: j/k to move in the list, Enter or o to open, r to reply, n for
//! an internal note, a to assign, e to close and go to the next, u to mark unread, / to
//! filter, Esc to leave a field, ? for the cheat sheet, Ctrl/Cmd+K for the command palette
//! (in the reply box itself: Ctrl/Cmd+Enter sends, Alt+N switches reply and note).
//!
//! Shortcuts never fire while the agent types in a field, but Esc, which leaves it. They
//! act through the same controls a mouse would use (found by their test hooks), so a
//! shortcut can never do what the page would not let the agent do by hand.

use crate::components::inbox::list_commands::ListCommands;
use crate::components::inbox::selection::Selection;
use crate::i18n::{tr, use_i18n, Msg};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard_core::domain::ConversationKey;
use switchboard_core::i18n::text;

/// Every shortcut, as the cheat sheet lists them: its keys, and the catalogue's message
/// for what it does.
pub const SHORTCUTS: [(&str, Msg); 15] = [
    ("Ctrl+K / ⌘+K", msg!("shortcut-palette")),
    ("j / ↓", msg!("shortcut-next")),
    ("k / ↑", msg!("shortcut-previous")),
    ("Enter / o", msg!("shortcut-open")),
    ("x / Shift+↓ ↑", msg!("shortcut-pick")),
    ("r", msg!("shortcut-reply")),
    ("n", msg!("shortcut-note")),
    ("a", msg!("shortcut-assign")),
    ("e", msg!("shortcut-close-next")),
    ("u", msg!("shortcut-mark-unread")),
    ("z", msg!("shortcut-snooze")),
    ("/", msg!("shortcut-filter")),
    ("Ctrl+Enter / ⌘+Enter", msg!("shortcut-send")),
    ("Esc", msg!("shortcut-leave-field")),
    ("?", msg!("shortcut-show-sheet")),
];

/// How long "e" waits for the close to be confirmed before going on, in 50 ms steps.
const CLOSE_WAIT_STEPS: u32 = 200;

/// Listens to the page's keys for as long as the console lives; `sheet_open` shows the
/// cheat sheet, `palette_open` the command palette.
/// Whether the shortcut sheet is open, shared by its button, its key and itself.
#[derive(Clone, Copy)]
pub struct SheetOpen(pub RwSignal<bool>);

pub fn install(sheet_open: RwSignal<bool>, palette_open: RwSignal<bool>) {
    let commands = expect_context::<ListCommands>();
    let selection = use_context::<Selection>();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        // Ctrl+K / ⌘+K, from anywhere, a field included: the browser's own use of it
        // (its search bar) gives way inside the console.
        if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && ev.key().eq_ignore_ascii_case("k") {
            ev.prevent_default();
            palette_open.set(true);
            return;
        }
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.as_ref().is_some_and(is_field) {
            if ev.key() == "Escape" {
                leave_field(target.as_ref());
            }
            return;
        }
        if sheet_open.get_untracked() || palette_open.get_untracked() {
            return;
        }
        let on_body = target.as_ref().is_none_or(|t| {
            matches!(
                t.tag_name().as_str(),
                "BODY" | "HTML" | "MAIN" | "ARTICLE" | "H2"
            )
        });
        let handled = match ev.key().as_str() {
            "x" => pick_current(),
            "J" | "K" | "ArrowDown" | "ArrowUp" if ev.shift_key() => {
                let by = if matches!(ev.key().as_str(), "J" | "ArrowDown") {
                    1
                } else {
                    -1
                };
                pick_moving(commands, selection, by)
            }
            "j" => {
                commands.step(1);
                true
            }
            "k" => {
                commands.step(-1);
                true
            }
            "o" => {
                commands.open();
                true
            }
            "Enter" if on_body => {
                commands.open();
                true
            }
            "r" => compose("compose-reply"),
            "n" => compose("compose-note"),
            "a" => focus_hook("assignee-select"),
            "u" => mark_unread(),
            "e" => close_then_next(commands),
            "z" => press_hook("snooze-open"),
            "/" => focus_hook("inbox-filter"),
            "?" => {
                sheet_open.set(true);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Picks (or unpicks) the list's current row for bulk actions, through its box, as a click
/// would.
fn pick_current() -> bool {
    let pick = element("#conversation-list a[tabindex='0']")
        .and_then(|row| row.previous_element_sibling())
        .and_then(|pick| pick.dyn_into::<web_sys::HtmlElement>().ok());
    pick.inspect(|pick| pick.click()).is_some()
}

/// Adds the rows from the last pick to the list's current one.
fn pick_to_current(selection: Selection) {
    let key = element("#conversation-list a[tabindex='0']")
        .and_then(|row| row.get_attribute("href"))
        .and_then(|href| {
            let path = href.split('?').next().unwrap_or_default().to_owned();
            ConversationKey::from_path(&path)
        });
    if let Some(key) = key {
        selection.extend_to(&key);
    }
}

/// Shift with a move: picks the current row, moves, and picks the rows between.
fn pick_moving(commands: ListCommands, selection: Option<Selection>, by: isize) -> bool {
    let Some(selection) = selection else {
        return false;
    };
    pick_to_current(selection);
    commands.step(by);
    // The list marks its new current row as it redraws.
    leptos::task::spawn_local(async move {
        TimeoutFuture::new(0).await;
        pick_to_current(selection);
    });
    true
}

/// Whether keys typed here are text (or a choice), not shortcuts.
fn is_field(element: &web_sys::Element) -> bool {
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|el| el.is_content_editable())
}

/// Esc in a field: out of it, back to the list's current row.
fn leave_field(field: Option<&web_sys::Element>) {
    if let Some(field) = field.and_then(|f| f.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = field.blur();
    }
    if let Some(row) = element("#conversation-list a[tabindex='0']") {
        let _ = row.focus();
    }
}

fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

fn hook(id: &str) -> Option<web_sys::HtmlElement> {
    element(&format!("[data-testid='{id}']"))
}

/// Focuses a control by its hook; false (the key goes on) where there is none.
fn focus_hook(id: &str) -> bool {
    match hook(id) {
        Some(el) if !el.has_attribute("disabled") => el.focus().is_ok(),
        _ => false,
    }
}

/// Presses a button by its hook, as a click would; false where there is none.
fn press_hook(id: &str) -> bool {
    match hook(id) {
        Some(button) if !button.has_attribute("disabled") => {
            button.click();
            true
        }
        _ => false,
    }
}

/// "r" or "n": the reply box, chosen for a reply or an internal note, where the open
/// conversation offers that choice (else the box as it is, for "r").
fn compose(choice: &str) -> bool {
    match hook(choice) {
        Some(radio) => {
            radio.click();
            focus_hook("reply-input")
        }
        None => choice == "compose-reply" && focus_hook("reply-input"),
    }
}

/// "Mark unread", where the open conversation offers it.
fn mark_unread() -> bool {
    match hook("toggle-read") {
        Some(button) if button.get_attribute("data-marks").as_deref() == Some("unread") => {
            button.click();
            true
        }
        _ => false,
    }
}

/// Whether the element `id` (a `data-testid`) holds words.
fn said(id: &str) -> bool {
    hook(id)
        .and_then(|element| element.text_content())
        .is_some_and(|words| !words.trim().is_empty())
}

/// Closes the open conversation, waits for the backend to confirm it, then opens the
/// next one in the list. A refused close stays on screen with its reason.
fn close_then_next(commands: ListCommands) -> bool {
    let Some(close) = hook("status-close") else {
        return false;
    };
    // Where the conversation stood: in an "Open" view it leaves the list once closed, and
    // the next one is the row that takes its place.
    let before = commands.place();
    close.click();
    leptos::task::spawn_local(async move {
        for _ in 0..CLOSE_WAIT_STEPS {
            TimeoutFuture::new(50).await;
            match hook("status-close") {
                None => {
                    match before {
                        Some(place) => commands.step_after(place),
                        None => commands.step(1),
                    }
                    commands.open();
                    return;
                }
                // Refused: the alert (always in the page, empty until then) has words.
                Some(_) if said("status-error") => return,
                Some(_) => {}
            }
        }
    });
    true
}

/// The cheat sheet: every shortcut, in a modal dialog that Esc or Close shuts.
#[component]
pub fn ShortcutSheet(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        if open.get() && !dialog.open() {
            let _ = dialog.show_modal();
        } else if !open.get() && dialog.open() {
            dialog.close();
        }
    });
    let rows = SHORTCUTS
        .iter()
        .map(|&(keys, what)| {
            view! { <tr><th scope="row"><kbd>{keys}</kbd></th><td>{move || text(i18n.lang(), what)}</td></tr> }
        })
        .collect_view();
    view! {
        <dialog
            class="shortcut-sheet"
            data-testid="shortcut-sheet"
            aria-labelledby="shortcut-sheet-title"
            node_ref=dialog
            on:close=move |_| open.set(false)
        >
            <h2 id="shortcut-sheet-title">{tr(msg!("shortcut-sheet-title"))}</h2>
            <table>
                <tbody>{rows}</tbody>
            </table>
            <p class="hint">{tr(msg!("shortcut-sheet-hint"))}</p>
            <button class="button" type="button" data-testid="shortcut-sheet-close" on:click=move |_| open.set(false)>
                {tr(msg!("shortcut-sheet-close"))}
            </button>
        </dialog>
    }
}
