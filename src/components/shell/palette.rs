//! The command palette (Ctrl+K / ⌘+K, or "Commands" above the list): one box that jumps
//! to any view, backend or loaded conversation by typing, and holds the one-off tools
//! (find by reference, follow a case or an order, open a ticket by number, the read
//! setting) that would otherwise take the inbox's height. Fully keyboard-driven: arrows
//! move, Enter runs, Esc closes; a combobox over a listbox, its count announced.

mod commands;

pub use commands::Tool;
use commands::{conversation_commands, matching, moved, Command};

use crate::components::inbox::find_by_number::FindByNumber;
use crate::components::inbox::follow_item::FollowForm;
use crate::components::inbox::inbox_filters::{use_inbox_filters, with_search, InboxFilters};
use crate::components::inbox::inbox_tools::{ReadOnOpenToggle, ReferenceSearch};
use crate::i18n::{tr, use_i18n, Args, Lang};
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
    let i18n = use_i18n();
    let filters = use_inbox_filters();
    let rows = expect_context::<InboxRows>();
    let directory = expect_context::<DirectoryResource>();
    let location = use_location();
    let navigate = use_navigate();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let tool = RwSignal::new(None::<Tool>);
    let connectors = Signal::derive(move || match directory.get() {
        Some(Ok(directory)) => directory.connectors.clone(),
        _ => Vec::new(),
    });

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

    let offered = Memo::new(move |_| {
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
            conversation_commands(&inbox.conversations, |c| {
                with_search(&c.key.path(), &search)
            })
        });
        typed.with(|t| matching(t, &fixed, &loaded))
    });
    let run = move |command: Command| match command {
        Command::View { href, .. } | Command::Conversation { href, .. } => {
            navigate(&href, Default::default());
            open.set(false);
        }
        Command::Tool { tool: chosen, .. } => tool.set(Some(chosen)),
    };
    let on_key = {
        let run = run.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let len = offered.with_untracked(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" => active.update(|at| *at = moved(*at, 1, len)),
                "ArrowUp" => active.update(|at| *at = moved(*at, -1, len)),
                "Enter" => {
                    if let Some(command) =
                        offered.with_untracked(|o| o.get(active.get_untracked()).cloned())
                    {
                        run(command);
                    }
                }
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let option_id = |at: usize| format!("palette-option-{at}");
    let options = move || {
        let run = run.clone();
        offered
            .get()
            .into_iter()
            .enumerate()
            .map(|(at, command)| {
                let run = run.clone();
                let kind = match &command {
                    Command::View { .. } => "view",
                    Command::Conversation { .. } => "conversation",
                    Command::Tool { tool, .. } => tool.token(),
                };
                let detail = match &command {
                    Command::Conversation { detail, .. } if !detail.is_empty() => Some(detail.clone()),
                    _ => None,
                };
                let label = command.label().to_owned();
                view! {
                    <li
                        id=option_id(at)
                        role="option"
                        class="palette-option"
                        data-testid=format!("palette-option-{kind}")
                        aria-selected=move || (active.get() == at).to_string()
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| run(command.clone())
                    >
                        <bdi>{label}</bdi>
                        {detail.map(|d| view! { <span class="palette-detail" dir="auto">{d}</span> })}
                    </li>
                }
            })
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
        <dialog
            class="palette"
            data-testid="palette"
            aria-labelledby="palette-title"
            node_ref=dialog
            on:close=move |_| open.set(false)
        >
            <h2 id="palette-title" class="visually-hidden">{tr(msg!("palette-title"))}</h2>
            <Show
                when=move || tool.get().is_some()
                fallback=move || view! {
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
                        on:keydown=on_key.clone()
                    />
                    <ul id="palette-options" role="listbox" class="palette-options" aria-label=tr(msg!("palette-title"))>
                        {options.clone()}
                    </ul>
                    <p class="visually-hidden" role="status" aria-live="polite" data-testid="palette-count">{count}</p>
                }
            >
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
            </Show>
        </dialog>
    }
}
