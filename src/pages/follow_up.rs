//! The customer's private page (`/contact/follow-up#TOKEN`): public, no sign-in. It reads
//! the token from the address's fragment (never sent to a server by the browser, nor in a
//! `Referer`), shows the conversation as the customer may see it (their messages and
//! support's, oldest first), and lets them write again in the same conversation. What they
//! type stays until it is sent; a refusal says why in words.

use crate::components::feedback::ErrorPanel;
use crate::components::live::LivePolicy;
use crate::connectors::http::{attempt_key, new_idempotency_key};
use crate::connectors::{Connector, ConversationBackend};
use crate::i18n::{tr, use_i18n, Args, Say};
use crate::pages::contact::{contact_connector, PublicPage};
use crate::state::api_origin;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::follow_up::{Author, FollowUp, FollowUpMessage};
use switchboard_core::i18n::{text, text_with};
use switchboard_core::validation::{limits, validate_reply, Problem};

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let origin = api_origin();
    // Another link pasted into the same tab changes only the fragment, which reloads
    // nothing: the page follows it.
    let token = RwSignal::new(token_from_fragment());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        token.set(token_from_fragment());
    });
    on_cleanup(move || listener.remove());
    let loaded = LocalResource::new(move || {
        let origin = origin.clone();
        let token = token.get();
        async move {
            let token = token.ok_or_else(no_token)?;
            let connector = contact_connector(&origin).await;
            let follow_up = connector.follow_up(&token).await?;
            Ok::<_, ApiError>((connector, token, follow_up))
        }
    });
    view! {
        <PublicPage title=msg!("page-title-follow-up")>
            <Transition fallback=|| view! { <p class="state" data-testid="follow-up-loading">{tr(msg!("follow-up-opening"))}</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok((connector, token, follow_up)) => {
                            view! { <Conversation connector token initial=follow_up /> }.into_any()
                        }
                        Err(error) => view! {
                            <section class="card" data-testid="follow-up-unavailable">
                                {unavailable(error)}
                                <p><a href="/contact" rel="external">{tr(msg!("follow-up-write-from-contact"))}</a></p>
                            </section>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </PublicPage>
    }
}

/// The token in `#TOKEN`, if the address has one.
fn token_from_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let token = hash.trim_start_matches('#').trim();
    (!token.is_empty()).then(|| token.to_owned())
}

/// An address without a token is a link that opens nothing, like a wrong one.
fn no_token() -> ApiError {
    ApiError::from_status(404, None)
}

/// Why the page cannot show a conversation: a link that opens none is said in the
/// customer's terms (the server does not say whether it was mistyped, withdrawn or
/// expired); any other failure in the console's usual words.
fn unavailable(error: ApiError) -> AnyView {
    if error.kind == ErrorKind::NotFound {
        return view! {
            <h1>{tr(msg!("follow-up-no-conversation"))}</h1>
            <p data-testid="follow-up-not-found">
                {tr(msg!("follow-up-no-conversation-hint"))}
            </p>
        }
        .into_any();
    }
    view! { <ErrorPanel error context=tr(msg!("follow-up-could-not-open")) /> }.into_any()
}

/// How often the page asks again for support's answers: politely (the link allows 60
/// requests a minute), never while the tab is hidden, backing off after failures. A test
/// may provide a faster one.
const FOLLOW_UP_POLL: LivePolicy = LivePolicy {
    every_ms: 20_000,
    at_most_ms: 120_000,
};

#[component]
fn Conversation(connector: Connector, token: String, initial: FollowUp) -> impl IntoView {
    let shown = RwSignal::new(initial);
    let (poll_connector, poll_token) = (connector.clone(), token.clone());
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let i18n = use_i18n();
    let announcement = RwSignal::new(String::new());
    // One key per message, kept across retries of it (its answer may have been lost after
    // the server stored it), renewed once it is confirmed.
    let attempt = StoredValue::new(None::<(String, String)>);
    let write = Action::new_local(move |text: &String| {
        let connector = connector.clone();
        let token = token.clone();
        let text = text.clone();
        let key = attempt
            .try_update_value(|last| attempt_key(last, text.trim()))
            .unwrap_or_else(new_idempotency_key);
        async move { connector.write_follow_up(&token, &text, &key).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(view)) = write.value().get() {
            attempt.set_value(None);
            shown.set(view);
            draft.set(String::new());
            announcement.set(text(i18n.lang(), msg!("follow-up-sent")));
        }
    });
    // Support's answers appear on their own; the loop ends with the page.
    let alive = StoredValue::new(());
    let policy = use_context::<LivePolicy>().unwrap_or(FOLLOW_UP_POLL);
    leptos::task::spawn_local(async move {
        let mut failures = 0;
        loop {
            TimeoutFuture::new(policy.delay_ms(failures, js_sys::Math::random())).await;
            if alive.try_get_value().is_none() {
                return;
            }
            if document().hidden() || write.pending().try_get_untracked() != Some(false) {
                continue;
            }
            match poll_connector.follow_up(&poll_token).await {
                Ok(view) => {
                    failures = 0;
                    if shown.try_with_untracked(|now| *now != view) == Some(true) {
                        shown.try_set(view);
                    }
                }
                Err(_) => failures += 1,
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if write.pending().get_untracked() {
            return;
        }
        let text = draft.get_untracked();
        match validate_reply(&text) {
            Err(issue) => problem.set(Some(issue)),
            Ok(()) => {
                problem.set(None);
                write.dispatch(text.trim().to_owned());
            }
        }
    };
    let server_error = move || match write.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    };
    let (open_words, closed_words) = (tr(msg!("follow-up-open")), tr(msg!("follow-up-closed")));
    let (sending, send_label) = (tr(msg!("action-sending")), tr(msg!("action-send")));
    view! {
        <section class="card follow-up" data-testid="follow-up">
            <h1>{tr(msg!("follow-up-title"))} " " <span data-testid="follow-up-reference">{move || shown.with(|v| v.reference.clone())}</span></h1>
            <p class="state-hint" data-testid="follow-up-state">
                {move || if shown.with(|v| v.open) { open_words() } else { closed_words() }}
            </p>
            <LinkExpiry shown />
            <ol class="follow-up-messages" aria-label=tr(msg!("follow-up-messages"))>
                <For
                    each=move || shown.get().messages
                    key=|message| message.id.clone()
                    children=|message| view! { <MessageItem message /> }
                />
            </ol>
            <form class="follow-up-form" novalidate=true on:submit=submit>
                <label for="follow-up-input">{tr(msg!("follow-up-write-again"))}</label>
                <textarea
                    id="follow-up-input"
                    rows="5"
                    maxlength=limits::REPLY_MAX_CHARS
                    data-testid="follow-up-input"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    aria-invalid=move || problem.get().is_some().then_some("true")
                    aria-describedby="follow-up-error"
                ></textarea>
                <p class="field-error" id="follow-up-error" data-testid="follow-up-error">{move || problem.get().map(|p| p.say(i18n.lang()))}</p>
                {move || server_error().map(|error: ApiError| view! {
                    <ErrorPanel error context=tr(msg!("follow-up-not-sent")) />
                })}
                <button class="button primary" type="submit" data-testid="follow-up-send" aria-disabled=move || write.pending().get().then_some("true")>
                    {move || if write.pending().get() { sending() } else { send_label() }}
                </button>
                <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            </form>
        </section>
    }
}

/// Until when the private link works: each visit renews it, and the page says so.
#[component]
fn LinkExpiry(shown: RwSignal<FollowUp>) -> impl IntoView {
    let i18n = use_i18n();
    let until = move || {
        let raw = shown.with(|v| v.link_expires_at.clone())?;
        let date = match chrono::DateTime::parse_from_rfc3339(&raw) {
            Ok(t) => crate::i18n::exact(i18n.lang(), t.with_timezone(&chrono::Utc)),
            Err(_) => raw,
        };
        Some(text_with(
            i18n.lang(),
            msg!("follow-up-link-expiry"),
            &Args::new().str("date", date),
        ))
    };
    view! { <p class="state-hint" data-testid="follow-up-expiry">{until}</p> }
}

#[component]
fn MessageItem(message: FollowUpMessage) -> impl IntoView {
    let from_support = message.author == Author::Agent;
    let i18n = use_i18n();
    let sent_at = chrono::DateTime::parse_from_rfc3339(&message.sent_at).ok();
    let raw_time = message.sent_at.clone();
    let when = move || match sent_at {
        Some(t) => crate::i18n::exact(i18n.lang(), t.with_timezone(&chrono::Utc)),
        None => raw_time.clone(),
    };
    let name = message.author_name.clone();
    let who = move || match from_support {
        true => text_with(
            i18n.lang(),
            msg!("follow-up-support-author"),
            &Args::new().str("name", name.clone()),
        ),
        false => name.clone(),
    };
    view! {
        <li class="follow-up-message" class:from-support=from_support data-testid="follow-up-message">
            <p class="follow-up-meta">
                <strong dir="auto">{who}</strong>
                " · "
                <time datetime=message.sent_at.clone()>{when}</time>
            </p>
            <p class="follow-up-body" dir="auto">{message.body}</p>
        </li>
    }
}
