//! `/settings/deadlines`: each backend's response deadlines (`docs/deadlines.md`): which
//! hours count, the time to answer and the alarm, the default or who set it. Every agent
//! reads them; admins change them, the form checking as the server does, each problem
//! beside its field. A saved policy counts at once on the list's rows and in the header.
//! It shows in the right pane, as the saved replies' page does, and arrives on first use
//! in the release build (`src/parts.rs`).

mod editor;

use crate::components::inbox::deadlines::DeadlinePolicies;
use crate::components::shell::feedback::{ErrorPanel, Loading};
use crate::connectors::deadlines::policies;
use crate::i18n::{tr, use_i18n, Args};
use crate::state::{agent_name, api_origin, CurrentAgent, DirectoryResource};
use editor::PolicyEditor;
use leptos::prelude::*;
use switchboard_core::deadlines::form::summary;
use switchboard_core::deadlines::BackendPolicy;
use switchboard_core::i18n::text_with;
use switchboard_core::session::Role;

/// Where the page lives.
pub const DEADLINES_ROUTE: &str = "/settings/deadlines";

/// What the page shares with its items: the backend being edited, what was said last.
#[derive(Clone, Copy)]
struct Page {
    list: LocalResource<Result<Vec<BackendPolicy>, switchboard_core::error::ApiError>>,
    editing: RwSignal<Option<String>>,
    said: RwSignal<Option<String>>,
    admin: bool,
}

#[component]
pub fn DeadlinePoliciesPage() -> impl IntoView {
    let origin = StoredValue::new(api_origin());
    let list = LocalResource::new(move || {
        let origin = origin.get_value();
        async move { policies(&origin).await }
    });
    let admin = use_context::<CurrentAgent>().is_some_and(|me| {
        me.0.with_untracked(|a| a.as_ref().is_some_and(|a| a.role == Role::Admin))
    });
    let page = Page {
        list,
        editing: RwSignal::new(None),
        said: RwSignal::new(None),
        admin,
    };
    let retry = Callback::new(move |_| list.refetch());
    view! {
        <section class="settings-page" aria-labelledby="deadlines-heading" data-testid="deadlines-page">
            <h2 id="deadlines-heading" class="pane-heading">{tr(msg!("settings-deadlines-heading"))}</h2>
            <p class="state-hint">{tr(msg!("settings-deadlines-intro"))}</p>
            {(!admin).then(|| view! {
                <p class="notice" data-testid="deadlines-admin-only">{tr(msg!("settings-deadlines-admin-only"))}</p>
            })}
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="deadlines-said">{move || page.said.get()}</p>
            <Transition fallback=|| view! { <Loading label=tr(msg!("settings-deadlines-heading")) /> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(all) => view! {
                            <ul class="saved-reply-list" data-testid="deadline-policy-list">
                                {all.into_iter().map(|policy| view! { <Item page policy /> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error context=tr(msg!("settings-deadlines-not-loaded")) on_retry=retry /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One backend's policy in a line, who set it, and Change for an admin.
#[component]
fn Item(page: Page, policy: BackendPolicy) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_context::<DirectoryResource>();
    let backend = policy.backend.clone();
    let label = {
        let backend = backend.clone();
        move || {
            directory
                .and_then(|d| d.get())
                .and_then(Result::ok)
                .and_then(|d| d.backend(&backend).map(|b| b.kind.label(i18n.lang())))
                .unwrap_or_else(|| backend.clone())
        }
    };
    let editing_this = {
        let backend = backend.clone();
        move || {
            page.editing
                .with(|e| e.as_deref() == Some(backend.as_str()))
        }
    };
    let shared = use_context::<DeadlinePolicies>();
    let policy = StoredValue::new(policy);
    let who = move || {
        policy.with_value(|p| match (&p.updated_by, p.is_default) {
            (Some(by), false) => {
                let args = Args::new().str("name", agent_name(directory, by));
                text_with(i18n.lang(), msg!("settings-deadlines-set-by"), &args)
            }
            _ => switchboard_core::i18n::text(i18n.lang(), msg!("settings-deadlines-default")),
        })
    };
    view! {
        <li class="saved-reply-item" data-testid="deadline-policy" data-backend=backend.clone()>
            <div class="saved-reply-head">
                <strong>{label}</strong>
                <span class="badge" data-testid="deadline-policy-who">{who}</span>
            </div>
            <Show
                when=editing_this
                fallback=move || view! {
                    <p class="saved-reply-meta" data-testid="deadline-policy-summary">
                        {move || policy.with_value(|p| summary(&p.policy, i18n.lang()))}
                    </p>
                    {page.admin.then(|| {
                        let backend = policy.with_value(|p| p.backend.clone());
                        view! {
                            <div class="saved-reply-actions">
                                <button type="button" class="button" data-testid="deadline-policy-edit"
                                    on:click=move |_| page.editing.set(Some(backend.clone()))>
                                    {tr(msg!("settings-deadlines-edit"))}
                                </button>
                            </div>
                        }
                    })}
                }
            >
                <PolicyEditor
                    kept=policy.get_value()
                    on_done=Callback::new(move |saved: Option<BackendPolicy>| {
                        page.editing.set(None);
                        if let Some(saved) = saved {
                            let args = Args::new().str("backend", saved.backend.clone());
                            page.said.set(Some(text_with(i18n.lang(), msg!("settings-deadlines-saved"), &args)));
                            // The rows and headers count with it at once.
                            if let Some(shared) = shared {
                                shared.0.update(|all| {
                                    if let Some(all) = all {
                                        all.retain(|p| p.backend != saved.backend);
                                        all.push(saved.clone());
                                    }
                                });
                            }
                            page.list.refetch();
                        }
                    })
                />
            </Show>
        </li>
    }
}
