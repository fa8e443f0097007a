//! The customer's private page (`/contact/follow-up#TOKEN`): public, no sign-in. It reads
//! the token from the address's fragment (never sent to a server by the browser, nor in a
//! `Referer`), shows the conversation as the customer may see it (their messages and
//! support's, oldest first), and lets them write again in the same conversation. What they
//! type stays until it is sent; a refusal says why in words.

use crate::components::feedback::ErrorPanel;
use crate::connectors::http::{attempt_key, new_idempotency_key};
use crate::connectors::{Connector, ConversationBackend};
use crate::pages::contact::{contact_connector, PublicPage};
use crate::state::api_origin;
use leptos::prelude::*;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::follow_up::{Author, FollowUp, FollowUpMessage};
use switchboard_core::validation::{limits, validate_reply};

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
        <PublicPage>
            <Transition fallback=|| view! { <p class="state" data-testid="follow-up-loading">"Opening your conversation…"</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok((connector, token, follow_up)) => {
                            view! { <Conversation connector token initial=follow_up /> }.into_any()
                        }
                        Err(error) => view! {
                            <section class="card" data-testid="follow-up-unavailable">
                                {unavailable(error)}
                                <p><a href="/contact" rel="external">"Write to us from the contact page"</a></p>
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
/// customer's terms (the server does not say whether it was mistyped or withdrawn); any
/// other failure in the console's usual words.
fn unavailable(error: ApiError) -> AnyView {
    if error.kind == ErrorKind::NotFound {
        return view! {
            <h1>"This link opens no conversation"</h1>
            <p data-testid="follow-up-not-found">
                "It may be mistyped, cut short (it ends with the part after #), or withdrawn \
                 by our support team. Write to us again and we will answer there."
            </p>
        }
        .into_any();
    }
    view! { <ErrorPanel error context="We could not open this conversation." /> }.into_any()
}

#[component]
fn Conversation(connector: Connector, token: String, initial: FollowUp) -> impl IntoView {
    let shown = RwSignal::new(initial);
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
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
            announcement.set("Your message is sent.".to_owned());
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
    view! {
        <section class="card follow-up" data-testid="follow-up">
            <h1>"Your request " <span data-testid="follow-up-reference">{move || shown.with(|v| v.reference.clone())}</span></h1>
            <p class="state-hint" data-testid="follow-up-state">
                {move || if shown.with(|v| v.open) {
                    "Our support team has it in hand; their answers appear here."
                } else {
                    "This request is closed. Write again below and it opens again."
                }}
            </p>
            <ol class="follow-up-messages" aria-label="Messages">
                <For
                    each=move || shown.get().messages
                    key=|message| message.id.clone()
                    children=|message| view! { <MessageItem message /> }
                />
            </ol>
            <form class="follow-up-form" novalidate=true on:submit=submit>
                <label for="follow-up-input">"Write again"</label>
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
                <p class="field-error" id="follow-up-error" data-testid="follow-up-error">{move || problem.get()}</p>
                {move || server_error().map(|error: ApiError| view! {
                    <ErrorPanel error context="Your message was not sent. What you wrote is still here." />
                })}
                <button class="button primary" type="submit" data-testid="follow-up-send" aria-disabled=move || write.pending().get().then_some("true")>
                    {move || if write.pending().get() { "Sending…" } else { "Send" }}
                </button>
                <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            </form>
        </section>
    }
}

#[component]
fn MessageItem(message: FollowUpMessage) -> impl IntoView {
    let from_support = message.author == Author::Agent;
    let when = chrono::DateTime::parse_from_rfc3339(&message.sent_at)
        .map(|t| switchboard_core::time::exact(t.with_timezone(&chrono::Utc)))
        .unwrap_or_else(|_| message.sent_at.clone());
    let who = if from_support {
        format!("{} (support)", message.author_name)
    } else {
        message.author_name.clone()
    };
    view! {
        <li class="follow-up-message" class:from-support=from_support data-testid="follow-up-message">
            <p class="follow-up-meta">
                <strong>{who}</strong>
                " · "
                <time datetime=message.sent_at.clone()>{when}</time>
            </p>
            <p class="follow-up-body">{message.body}</p>
        </li>
    }
}
