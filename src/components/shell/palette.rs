//! The command palette (Ctrl+K / ⌘+K, or "Commands" above the list): one box that jumps
//! to any view, backend or loaded conversation by typing, and holds the one-off tools
//! (find by reference, follow a case or an order, open a ticket by number, the read
//! setting) that would otherwise take the inbox's height. Fully keyboard-driven: arrows
//! move, Enter runs, Esc closes; a combobox over a listbox, its count announced.

mod commands;

pub use commands::Tool;
use commands::{conversation_commands, matching, moved, Command};
use std::sync::Arc;

use crate::components::inbox::find_by_number::FindByNumber;
use crate::components::inbox::follow_item::FollowForm;
use crate::components::inbox::inbox_filters::{use_inbox_filters, with_search, InboxFilters};
use crate::components::inbox::inbox_tools::{ReadOnOpenToggle, ReferenceSearch};
use crate::components::inbox::mentions::MENTIONS_ROUTE;
use crate::connectors::Connector;
use crate::i18n::{tr, use_i18n, Args, Lang};
use crate::pages::deadline_policies::DEADLINES_ROUTE;
use crate::pages::saved_replies::SAVED_REPLIES_ROUTE;
use crate::state::{DirectoryResource, InboxRows};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use switchboard_core::domain::{AssigneeFilter, StatusFilter};
use switchboard_core::i18n::{text, text_with};

/// The views and tools, named in `lang`: what the palette offers before any conversation.
fn fixed_commands(
    lang: Lang,
    filters: &InboxFilters,
    backends: &[(String, String)],
) -> Vec<Command> {
    let href = |f: InboxFilters| f.href_at("/");
    let views = AssigneeFilter::ALL
        .into_iter()
        .map(|assignee| Command::View {
            label: assignee.label(lang),
            href: href(InboxFilters {
                assignee,
                ..filters.clone()
            }),
        })
        // The notes that name the agent, beside the views of who has what.
        .chain(std::iter::once(Command::View {
            label: text(lang, msg!("mentions-view")),
            href: filters.href_at(MENTIONS_ROUTE),
        }))
        // The team's saved replies and the agent's own, to write and change.
        .chain(std::iter::once(Command::View {
            label: text(lang, msg!("settings-replies-heading")),
            href: filters.href_at(SAVED_REPLIES_ROUTE),
        }))
        // Each backend's response deadlines.
        .chain(std::iter::once(Command::View {
            label: text(lang, msg!("settings-deadlines-heading")),
            href: filters.href_at(DEADLINES_ROUTE),
        }))
        .chain(
            StatusFilter::ALL
                .into_iter()
                .skip(1)
                .map(|status| Command::View {
                    label: status.label(lang),
                    href: href(InboxFilters {
                        status,
                        ..filters.clone()
                    }),
                }),
        )
        .chain(backends.iter().map(|(name, label)| Command::View {
            label: label.clone(),
            href: href(InboxFilters {
                backend: Some(name.clone()),
                ..filters.clone()
            }),
        }));
    let tools = Tool::ALL.into_iter().map(|tool| Command::Tool {
        label: text(lang, tool_label(tool)),
        tool,
    });
    views.chain(tools).collect()
}

/// Whether the command palette is open, shared by its button, its shortcut and itself.
#[derive(Clone, Copy)]
pub struct PaletteOpen(pub RwSignal<bool>);

fn tool_label(tool: Tool) -> crate::i18n::Msg {
    match tool {
        Tool::Reference => msg!("palette-tool-reference"),
        Tool::Follow => msg!("palette-tool-follow"),
        Tool::Number => msg!("palette-tool-number"),
        Tool::ReadSetting => msg!("palette-tool-read-setting"),
    }
}

#[component]
pub fn CommandPalette(open: RwSignal<bool>) -> impl IntoView {
    let filters = use_inbox_filters();
    let directory = expect_context::<DirectoryResource>();
    let navigate = use_navigate();
    let state = use_palette(open);
    let tool = state.tool;
    let connectors = Signal::derive(move || match directory.get() {
        Some(Ok(directory)) => directory.connectors.clone(),
        _ => Vec::new(),
    });
    let offered = use_offered(open, state.typed, filters);
    let run = Callback::new(move |command: Command| match command {
        Command::View { href, .. } | Command::Conversation { href, .. } => {
            navigate(&href, Default::default());
            open.set(false);
        }
        Command::Tool { tool: chosen, .. } => tool.set(Some(chosen)),
    });
    view! {
        <dialog
            class="palette"
            data-testid="palette"
            aria-labelledby="palette-title"
            node_ref=state.dialog
            on:close=move |_| open.set(false)
        >
            <h2 id="palette-title" class="visually-hidden">{tr(msg!("palette-title"))}</h2>
            <Show
                when=move || tool.get().is_some()
                fallback=move || view! { <PaletteSearch state offered run /> }
            >
                <PaletteTool tool filters connectors />
            </Show>
        </dialog>
    }
}

/// The palette's own state: its dialog and search box, what was typed, the option under
/// the arrows, and the tool open in place of the search.
#[derive(Clone, Copy)]
struct PaletteState {
    dialog: NodeRef<leptos::html::Dialog>,
    input: NodeRef<leptos::html::Input>,
    typed: RwSignal<String>,
    active: RwSignal<usize>,
    tool: RwSignal<Option<Tool>>,
}

/// The palette's state, kept in step with `open`: opening starts afresh with the search
/// box focused, a tool opened takes the keys, and going anywhere closes the palette.
fn use_palette(open: RwSignal<bool>) -> PaletteState {
    let location = use_location();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let tool = RwSignal::new(None::<Tool>);

    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        if open.get() && !dialog.open() {
            typed.set(String::new());
            active.set(0);
            tool.set(None);
            let _ = dialog.show_modal();
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
        } else if !open.get() && dialog.open() {
            dialog.close();
        }
    });
    // A tool opened: its first field takes the keys.
    Effect::new(move |_| {
        if tool.get().is_some() {
            request_animation_frame(move || {
                let field = dialog.get_untracked().and_then(|d| {
                    d.query_selector(".palette-tool input, .palette-tool select")
                        .ok()
                        .flatten()
                });
                if let Some(field) = field.and_then(|f| {
                    leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(f).ok()
                }) {
                    let _ = field.focus();
                }
            });
        }
    });
    // Whatever it ran went somewhere: the palette has done its work.
    Effect::new(move |previous: Option<(String, String)>| {
        let now = (location.pathname.get(), location.search.get());
        if previous.is_some_and(|before| before != now) {
            open.set(false);
        }
        now
    });
    PaletteState {
        dialog,
        input,
        typed,
        active,
        tool,
    }
}

/// What the palette offers for what was typed: nothing while it is closed (so the inbox
/// changing underneath costs nothing), else the views, tools and loaded conversations.
fn use_offered(
    open: RwSignal<bool>,
    typed: RwSignal<String>,
    filters: Memo<InboxFilters>,
) -> Memo<Vec<Command>> {
    let i18n = use_i18n();
    let rows = expect_context::<InboxRows>();
    let directory = expect_context::<DirectoryResource>();
    let location = use_location();
    Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let lang = i18n.lang();
        let backends: Vec<(String, String)> = match directory.get() {
            Some(Ok(directory)) => directory
                .backends
                .iter()
                .map(|b| (b.name.clone(), b.kind.label(lang)))
                .collect(),
            _ => Vec::new(),
        };
        let fixed = filters.with(|f| fixed_commands(lang, f, &backends));
        let search = location.search.get_untracked();
        let loaded = rows.0.with(|inbox| {
            conversation_commands(inbox.conversations.iter().map(Arc::as_ref), |c| {
                with_search(&c.key.path(), &search)
            })
        });
        typed.with(|t| matching(t, &fixed, &loaded))
    })
}

/// What a key pressed in the search box does; any other key is the box's own.
#[derive(Debug, PartialEq, Eq)]
enum KeyAction {
    /// Move the option under the arrows by this much.
    Move(isize),
    /// Run the option under the arrows.
    Run,
}

fn key_action(key: &str) -> Option<KeyAction> {
    match key {
        "ArrowDown" => Some(KeyAction::Move(1)),
        "ArrowUp" => Some(KeyAction::Move(-1)),
        "Enter" => Some(KeyAction::Run),
        _ => None,
    }
}

/// The id of the option at `at`: the search box names it as its active descendant.
fn option_id(at: usize) -> String {
    format!("palette-option-{at}")
}

/// An option's hook in the page: a view, a conversation, or which tool.
fn option_kind(command: &Command) -> &'static str {
    match command {
        Command::View { .. } => "view",
        Command::Conversation { .. } => "conversation",
        Command::Tool { tool, .. } => tool.token(),
    }
}

/// The words shown beside an option's name: a conversation's subject and reference.
fn option_detail(command: &Command) -> Option<String> {
    match command {
        Command::Conversation { detail, .. } if !detail.is_empty() => Some(detail.clone()),
        _ => None,
    }
}

/// The search: a combobox over the listbox of what is offered, its count announced.
#[component]
fn PaletteSearch(
    state: PaletteState,
    offered: Memo<Vec<Command>>,
    run: Callback<Command>,
) -> impl IntoView {
    let i18n = use_i18n();
    let PaletteState {
        input,
        typed,
        active,
        ..
    } = state;
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let len = offered.with_untracked(Vec::len);
        match key_action(&ev.key()) {
            Some(KeyAction::Move(by)) => active.update(|at| *at = moved(*at, by, len)),
            Some(KeyAction::Run) => {
                if let Some(command) =
                    offered.with_untracked(|o| o.get(active.get_untracked()).cloned())
                {
                    run.run(command);
                }
            }
            None => return,
        }
        ev.prevent_default();
    };
    let options = move || {
        offered
            .get()
            .into_iter()
            .enumerate()
            .map(|(at, command)| view! { <PaletteOption at command active run /> })
            .collect_view()
    };
    let count = move || {
        let n = offered.with(Vec::len);
        text_with(
            i18n.lang(),
            msg!("palette-count"),
            &Args::new().num("count", n),
        )
    };
    view! {
        <input
            node_ref=input
            class="palette-input"
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-options"
            aria-autocomplete="list"
            aria-activedescendant=move || (offered.with(|o| !o.is_empty())).then(|| option_id(active.get()))
            aria-label=tr(msg!("palette-label"))
            placeholder=tr(msg!("palette-placeholder"))
            autocomplete="off"
            data-testid="palette-input"
            prop:value=move || typed.get()
            on:input=move |ev| {
                typed.set(event_target_value(&ev));
                active.set(0);
            }
            on:keydown=on_key
        />
        <ul id="palette-options" role="listbox" class="palette-options" aria-label=tr(msg!("palette-title"))>
            {options}
        </ul>
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="palette-count">{count}</p>
    }
}

/// One option; the one under the arrows is selected. A click runs it without taking the
/// focus from the search box.
#[component]
fn PaletteOption(
    at: usize,
    command: Command,
    active: RwSignal<usize>,
    run: Callback<Command>,
) -> impl IntoView {
    let kind = option_kind(&command);
    let detail = option_detail(&command);
    let label = command.label().to_owned();
    view! {
        <li
            id=option_id(at)
            role="option"
            class="palette-option"
            data-testid=format!("palette-option-{kind}")
            aria-selected=move || (active.get() == at).to_string()
            on:mousedown=move |ev| ev.prevent_default()
            on:click=move |_| run.run(command.clone())
        >
            <bdi>{label}</bdi>
            {detail.map(|d| view! { <span class="palette-detail" dir="auto">{d}</span> })}
        </li>
    }
}

/// A tool opened in place of the search, with the way back to it.
#[component]
fn PaletteTool(
    tool: RwSignal<Option<Tool>>,
    filters: Memo<InboxFilters>,
    connectors: Signal<Vec<Connector>>,
) -> impl IntoView {
    view! {
        <div class="palette-tool" data-testid="palette-tool">
            <button class="button ghost" type="button" data-testid="palette-back" on:click=move |_| tool.set(None)>
                {tr(msg!("palette-back"))}
            </button>
            {move || match tool.get() {
                Some(Tool::Reference) => view! { <ReferenceSearch filters /> }.into_any(),
                Some(Tool::Follow) => view! { <FollowForm connectors /> }.into_any(),
                Some(Tool::Number) => view! { <FindByNumber connectors /> }.into_any(),
                Some(Tool::ReadSetting) => view! { <ReadOnOpenToggle /> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arrows_move_enter_runs_and_every_other_key_is_the_boxs_own() {
        assert_eq!(key_action("ArrowDown"), Some(KeyAction::Move(1)));
        assert_eq!(key_action("ArrowUp"), Some(KeyAction::Move(-1)));
        assert_eq!(key_action("Enter"), Some(KeyAction::Run));
        assert_eq!(key_action("Escape"), None, "Esc is the dialog's: it closes");
        assert_eq!(key_action("a"), None);
    }

    #[test]
    fn the_mentions_view_is_offered_and_keeps_the_inbox_filters() {
        let filters = InboxFilters {
            status: StatusFilter::Closed,
            ..InboxFilters::default()
        };
        let fixed = fixed_commands(Lang::En, &filters, &[]);
        let mentions = fixed
            .iter()
            .find(|c| c.label() == "Mentions")
            .expect("offered");
        assert_eq!(
            mentions,
            &Command::View {
                label: "Mentions".into(),
                href: "/mentions?status=closed".into(),
            }
        );
    }

    #[test]
    fn an_options_id_is_what_the_search_box_names_as_active() {
        assert_eq!(option_id(0), "palette-option-0");
        assert_eq!(option_id(12), "palette-option-12");
    }

    #[test]
    fn an_option_is_hooked_by_its_kind_and_a_tool_by_its_token() {
        let view = Command::View {
            label: "Open".into(),
            href: "/?status=open".into(),
        };
        let conversation = Command::Conversation {
            label: "Zoé".into(),
            detail: String::new(),
            href: "/conversations/x".into(),
        };
        let tool = Command::Tool {
            label: "Follow".into(),
            tool: Tool::Follow,
        };
        assert_eq!(option_kind(&view), "view");
        assert_eq!(option_kind(&conversation), "conversation");
        assert_eq!(option_kind(&tool), "follow");
    }

    #[test]
    fn only_a_conversation_with_words_beside_its_name_shows_a_detail() {
        let with = Command::Conversation {
            label: "Zoé".into(),
            detail: "Breakfast · C-4QK7M2XD".into(),
            href: "/conversations/x".into(),
        };
        let without = Command::Conversation {
            label: "Zoé".into(),
            detail: String::new(),
            href: "/conversations/x".into(),
        };
        let view = Command::View {
            label: "Open".into(),
            href: "/?status=open".into(),
        };
        assert_eq!(
            option_detail(&with).as_deref(),
            Some("Breakfast · C-4QK7M2XD")
        );
        assert_eq!(option_detail(&without), None);
        assert_eq!(option_detail(&view), None);
    }
}
