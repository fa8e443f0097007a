//! The bulk bar (`docs/bulk.md`): over the list while rows are picked, it says how many,
//! offers "all in this view" (pages not loaded yet included), and does one action to all of
//! them (close, reopen, assign, mark read, snooze until a time chosen beside it, put on or
//! take off a label) with its progress, a Stop, and what failed listed per conversation with its reason, ready to
//! retry. A part of its own (`src/parts.rs`): it and its runner arrive the first time a
//! row is picked.

mod run;

use crate::components::inbox::inbox_pane::use_view_query;
use crate::components::inbox::labels::LabelState;
use crate::components::inbox::selection::Selection;
use crate::components::inbox::snooze::SnoozeState;
use crate::connectors::Inbox;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{api_origin, CurrentAgent, DirectoryResource, InboxRows};
use leptos::prelude::*;
use run::Run;
use switchboard_core::bulk::{BulkAction, BulkProgress, BulkTarget};
use switchboard_core::i18n::text_with;
use switchboard_core::snooze::SnoozeChoice;

/// Over the list, while anything is picked or an action's outcome is still to read.
#[component]
pub fn BulkBar() -> impl IntoView {
    let selection = expect_context::<Selection>();
    let progress = RwSignal::new(BulkProgress::default());
    let shown = Memo::new(move |_| !selection.is_empty() || progress.with(|p| p.action.is_some()));
    view! {
        <Show when=move || shown.get()>
            <BulkPanel selection progress />
        </Show>
    }
}

#[component]
fn BulkPanel(selection: Selection, progress: RwSignal<BulkProgress>) -> impl IntoView {
    let i18n = use_i18n();
    let run = StoredValue::new_local(use_run(progress));
    let query = use_view_query();
    // While "all in this view" loads the rest: how many are loaded so far.
    let loading = RwSignal::new(None::<usize>);
    let act = Action::new_local(
        move |(action, retry): &(BulkAction, Option<Vec<BulkTarget>>)| {
            let (action, retry, run) = (*action, retry.clone(), run.get_value());
            async move {
                let targets = match retry {
                    Some(targets) => targets,
                    None => {
                        if selection.is_all_untracked() {
                            run.load_rest(&query.get_untracked(), loading).await;
                            loading.set(None);
                        }
                        targets_of(selection, run.rows)
                    }
                };
                run.run(action, targets).await;
            }
        },
    );
    let busy = move || act.pending().get();
    // "Add label" and "Remove label" wait for a label to mean.
    let chosen_label = run.with_value(|r| r.label);
    let needs_label = |action| matches!(action, BulkAction::Label | BulkAction::Unlabel);
    let actions = BulkAction::ALL
        .into_iter()
        .map(|action| {
            let choice = match action {
                BulkAction::Assign => Some(
                    view! { <AssigneeChoice assignee=run.with_value(|r| r.assignee) /> }.into_any(),
                ),
                BulkAction::Snooze => Some(
                    view! { <SnoozeUntilChoice choice=run.with_value(|r| r.snooze) /> }.into_any(),
                ),
                BulkAction::Label => Some(
                    view! { <LabelChoice label=run.with_value(|r| r.label) /> }.into_any(),
                ),
                _ => None,
            };
            view! {
                {choice}
                <button
                    type="button"
                    class="button small"
                    data-testid=format!("bulk-{}", action.token())
                    disabled=move || busy() || (needs_label(action) && chosen_label.with(Option::is_none))
                    on:click=move |_| {
                        act.dispatch((action, None));
                    }
                >
                    {move || action.label(i18n.lang())}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="bulk-bar" aria-label=tr(msg!("bulk-toolbar")) data-testid="bulk-bar">
            <div class="bulk-row">
                <SelectedCount selection />
                {actions}
                <button
                    type="button"
                    class="button small ghost"
                    data-testid="bulk-clear"
                    disabled=busy
                    on:click=move |_| {
                        selection.clear();
                        progress.set(BulkProgress::default());
                    }
                >
                    {tr(msg!("bulk-clear"))}
                </button>
            </div>
            {move || loading.get().map(|count| view! {
                <p class="bulk-loading" role="status" data-testid="bulk-loading">
                    {move || text_with(i18n.lang(), msg!("bulk-loading"), &Args::new().num("count", count))}
                </p>
            })}
            <Progress progress stop=run.with_value(|run| run.stop) />
            <Failures progress on_retry=Callback::new(move |targets: Vec<BulkTarget>| {
                if let Some(action) = progress.with_untracked(|p| p.action) {
                    act.dispatch((action, Some(targets)));
                }
            }) />
        </section>
    }
}

/// The run's reach: the connectors, the rows, who asks.
fn use_run(progress: RwSignal<BulkProgress>) -> Run {
    let directory = expect_context::<DirectoryResource>();
    Run {
        directory,
        rows: expect_context::<InboxRows>(),
        assignee: RwSignal::new(use_context::<CurrentAgent>().and_then(|a| a.id_untracked())),
        snooze: RwSignal::new(SnoozeChoice::Tomorrow),
        snoozes: use_context::<SnoozeState>().map(|s| s.marks),
        label: RwSignal::new(None),
        labels: use_context::<LabelState>().map(|s| s.on),
        origin: api_origin(),
        progress,
        stop: RwSignal::new(false),
    }
}

/// What the selection means now: the rows shown (for "all", after the rest was loaded),
/// else those picked that are still loaded, in the list's order.
fn targets_of(selection: Selection, rows: InboxRows) -> Vec<BulkTarget> {
    let all = selection.is_all_untracked();
    let picked = selection.picked_untracked();
    // One pass over the rows shown, in order: ten thousand looked up one by one would
    // be a hundred million comparisons, the page frozen for a second.
    let shown = selection.shown_indices_untracked();
    rows.0.with_untracked(|inbox: &Inbox| {
        shown
            .iter()
            .filter_map(|&i| inbox.conversations.get(i))
            .filter(|row| all || picked.contains(&row.key))
            .map(|row| BulkTarget {
                key: row.key.clone(),
                label: row.customer_display().to_owned(),
            })
            .collect()
    })
}

/// Whom "Assign" assigns to: the agent who asks at first, or any colleague.
#[component]
fn AssigneeChoice(assignee: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let directory = expect_context::<DirectoryResource>();
    let me = use_context::<CurrentAgent>().and_then(|a| a.id_untracked());
    let options = move || {
        let agents = directory
            .get()
            .and_then(Result::ok)
            .map(|d| d.agents)
            .unwrap_or_default();
        agents
            .into_iter()
            .map(|agent| {
                let mine = me.as_deref() == Some(agent.id.as_str());
                let name = if mine {
                    let args = Args::new().str("name", agent.name.clone());
                    text_with(i18n.lang(), msg!("bulk-assignee-me"), &args)
                } else {
                    agent.name.clone()
                };
                let chosen = assignee.with_untracked(|a| a.as_deref() == Some(agent.id.as_str()));
                view! { <option value=agent.id selected=chosen>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="visually-hidden" for="bulk-assignee">{tr(msg!("bulk-assign-to"))}</label>
        <select
            id="bulk-assignee"
            class="bulk-assignee"
            data-testid="bulk-assignee"
            on:change=move |ev| assignee.set(Some(event_target_value(&ev)))
        >
            {options}
        </select>
    }
}

/// Until when "Snooze" snoozes: tomorrow morning at first.
#[component]
fn SnoozeUntilChoice(choice: RwSignal<SnoozeChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let options = SnoozeChoice::ALL
        .into_iter()
        .map(|option| {
            let chosen = choice.get_untracked() == option;
            view! {
                <option value=option.token() selected=chosen>{move || option.label(i18n.lang())}</option>
            }
        })
        .collect_view();
    view! {
        <label class="visually-hidden" for="bulk-snooze-until">{tr(msg!("bulk-snooze-until"))}</label>
        <select
            id="bulk-snooze-until"
            data-testid="bulk-snooze-until"
            on:change=move |ev| {
                if let Some(picked) = SnoozeChoice::parse(&event_target_value(&ev)) {
                    choice.set(picked);
                }
            }
        >
            {options}
        </select>
    }
}

/// "3 selected", and "Select all N in this view" until all are.
#[component]
fn SelectedCount(selection: Selection) -> impl IntoView {
    let i18n = use_i18n();
    let rows = expect_context::<InboxRows>();
    let shown = move || selection.shown_len();
    let more = move || rows.0.with(Inbox::has_more);
    let said = move || {
        let lang = i18n.lang();
        if selection.is_all() {
            let id = if more() {
                msg!("bulk-all-selected-more")
            } else {
                msg!("bulk-all-selected")
            };
            text_with(lang, id, &Args::new().num("count", shown()))
        } else {
            let count = selection.count();
            text_with(
                lang,
                msg!("bulk-selected"),
                &Args::new().num("count", count),
            )
        }
    };
    view! {
        <p class="bulk-count" role="status" data-testid="bulk-count">{said}</p>
        <Show when=move || !selection.is_all() && (more() || selection.count() < shown())>
            <button
                type="button"
                class="button small ghost"
                data-testid="bulk-select-all"
                on:click=move |_| selection.pick_all()
            >
                {move || {
                    let id = if more() { msg!("bulk-select-all-more") } else { msg!("bulk-select-all") };
                    text_with(i18n.lang(), id, &Args::new().num("count", shown()))
                }}
            </button>
        </Show>
    }
}

/// The progress bar and its words while a run goes, and Stop.
#[component]
fn Progress(progress: RwSignal<BulkProgress>, stop: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        progress.with(|p| p.action.is_some()).then(|| {
            let said = move || progress.with(|p| p.said(i18n.lang()));
            view! {
                <div class="bulk-progress">
                    <progress
                        max=move || progress.with(|p| p.total.max(1))
                        value=move || progress.with(|p| p.answered())
                        aria-label=tr(msg!("bulk-toolbar"))
                    ></progress>
                    <p role="status" data-testid="bulk-progress">{said}</p>
                    <Show when=move || progress.with(|p| p.running)>
                        <button
                            type="button"
                            class="button small"
                            data-testid="bulk-stop"
                            on:click=move |_| stop.set(true)
                        >
                            {tr(msg!("bulk-stop"))}
                        </button>
                    </Show>
                </div>
            }
        })
    }
}

/// What failed, each conversation with its reason, and Retry.
#[component]
fn Failures(
    progress: RwSignal<BulkProgress>,
    on_retry: Callback<Vec<BulkTarget>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failed = Memo::new(move |_| {
        progress.with(|p| {
            if p.running {
                Vec::new()
            } else {
                p.failed.clone()
            }
        })
    });
    move || {
        let list = failed.get();
        (!list.is_empty()).then(|| {
            let count = list.len();
            let items = list
                .into_iter()
                .map(|f| {
                    view! {
                        <li data-testid="bulk-failure" data-key=f.target.key.to_string()>
                            <bdi class="bulk-failure-name">{f.target.label}</bdi>
                            ": "
                            <span>{f.reason}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="bulk-failures">
                    <h2 class="bulk-failures-heading">{tr(msg!("bulk-failed-heading"))}</h2>
                    <ul data-testid="bulk-failures">{items}</ul>
                    <button
                        type="button"
                        class="button small"
                        data-testid="bulk-retry"
                        on:click=move |_| on_retry.run(progress.with_untracked(|p| p.to_retry()))
                    >
                        {move || text_with(i18n.lang(), msg!("bulk-retry"), &Args::new().num("count", count))}
                    </button>
                </div>
            }
        })
    }
}

/// Which label "Add label" and "Remove label" mean: the team's first at first.
#[component]
fn LabelChoice(label: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_context::<LabelState>();
    let team = Memo::new(move |_| state.map(|s| s.team()).unwrap_or_default());
    // The first label until another is chosen, and again if the chosen one was retired.
    Effect::new(move |_| {
        team.with(|team| {
            let kept = label.with_untracked(|l| {
                l.as_ref()
                    .is_some_and(|id| team.iter().any(|t| &t.id == id))
            });
            if !kept {
                label.set(team.first().map(|l| l.id.clone()));
            }
        });
    });
    let options = move || {
        team.get()
            .into_iter()
            .map(|l| {
                let chosen = label.with_untracked(|c| c.as_deref() == Some(l.id.as_str()));
                view! { <option value=l.id.clone() selected=chosen>{l.name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="visually-hidden" for="bulk-label-which">{tr(msg!("bulk-label-which"))}</label>
        <select
            id="bulk-label-which"
            data-testid="bulk-label-which"
            on:change=move |ev| label.set(Some(event_target_value(&ev)))
        >
            {options}
        </select>
    }
}
