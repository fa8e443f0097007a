//! The customer's private page (`/contact/follow-up#TOKEN`): public, no sign-in. It reads
//! the token from the address's fragment (never sent to a server by the browser, nor in a
//! `Referer`), shows the conversation as the customer may see it (their messages and
//! support's, oldest first, with their files), and lets them write again in the same
//! conversation, with files checked as the contact form checks them. What they type and
//! pick stays until it is sent; a refusal says why in words.

use crate::components::conversation::attachment_picker::{
    on_drag_over, on_drop, on_paste, AttachmentPicker, PickedFiles,
};
use crate::components::conversation::message_files::{AttachmentItem, Lightbox};
use crate::components::conversation::upload_progress::UploadProgress;
use crate::components::inbox::live::LivePolicy;
use crate::components::shell::feedback::ErrorPanel;
use crate::connectors::http::{attempt_key, new_idempotency_key};
use crate::connectors::upload::UploadControl;
use crate::connectors::CustomerConnector;
use crate::i18n::{tr, use_i18n, Args, Say};
use crate::pages::contact::{contact_connector, PublicPage};
use crate::state::api_origin;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use switchboard_core::attachments::FileFormat;
use switchboard_core::domain::Attachment;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::follow_up::{Author, FollowUp, FollowUpMessage};
use switchboard_core::i18n::{text, text_with};
use switchboard_core::validation::{limits, validate_reply, Problem};
use switchboard_core::wire::communication::CONTACT_ATTACHMENT_POLICY;

/// The page on its own, as `follow-up.html` mounts it.
#[component]
pub fn FollowUpApp() -> impl IntoView {
    crate::i18n::provide_i18n();
    crate::components::shell::theme_select::apply_saved();
    view! { <FollowUpPage /> }
}

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
fn Conversation(connector: CustomerConnector, token: String, initial: FollowUp) -> impl IntoView {
    let shown = RwSignal::new(initial);
    let writing = RwSignal::new(false);
    let enlarged = RwSignal::new(None::<Attachment>);
    poll_while_open(connector.clone(), token.clone(), shown, writing);
    let files_of = {
        let (connector, token) = (connector.clone(), token.clone());
        move |message: &FollowUpMessage| shown_files(&connector, &token, message)
    };
    let (open_words, closed_words) = (tr(msg!("follow-up-open")), tr(msg!("follow-up-closed")));
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
                    children=move |message| {
                        let files = files_of(&message);
                        view! { <MessageItem message files enlarged /> }
                    }
                />
            </ol>
            <WriteAgain connector token shown writing />
            <Lightbox enlarged />
        </section>
    }
}

/// A message's files as the page shows them: each fetched through the link.
fn shown_files(
    connector: &CustomerConnector,
    token: &str,
    message: &FollowUpMessage,
) -> Vec<Attachment> {
    message
        .attachments
        .iter()
        .filter_map(|file| {
            let url = connector.follow_up_file_url(token, &file.id)?;
            Some(Attachment {
                id: file.id.clone(),
                name: file.name.clone(),
                media_type: file.media_type.clone(),
                size: file.size,
                url,
                is_image: FileFormat::from_media_type(&file.media_type)
                    .is_some_and(FileFormat::is_image),
            })
        })
        .collect()
}

/// Support's answers appear on their own: asks again politely, never while the tab is
/// hidden or the customer's own message is on its way; the loop ends with the page.
fn poll_while_open(
    connector: CustomerConnector,
    token: String,
    shown: RwSignal<FollowUp>,
    writing: RwSignal<bool>,
) {
    let alive = StoredValue::new(());
    let policy = use_context::<LivePolicy>().unwrap_or(FOLLOW_UP_POLL);
    leptos::task::spawn_local(async move {
        let mut failures = 0;
        loop {
            TimeoutFuture::new(policy.delay_ms(failures, js_sys::Math::random())).await;
            if alive.try_get_value().is_none() {
                return;
            }
            if document().hidden() || writing.try_get_untracked() != Some(false) {
                continue;
            }
            match connector.follow_up(&token).await {
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
}

/// What the customer sends again: text, files or both (a picture can say it all), under
/// the contact form's checks; what they typed and picked stays until it is sent.
#[component]
fn WriteAgain(
    connector: CustomerConnector,
    token: String,
    shown: RwSignal<FollowUp>,
    writing: RwSignal<bool>,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let i18n = use_i18n();
    let announcement = RwSignal::new(String::new());
    let picked = PickedFiles::default();
    let upload = UploadControl::default();
    let policy = CONTACT_ATTACHMENT_POLICY;
    // One key per message, kept across retries of it (its answer may have been lost after
    // the server stored it), renewed once it is confirmed.
    let attempt = StoredValue::new(None::<(String, String)>);
    let write = Action::new_local(move |text: &String| {
        let connector = connector.clone();
        let token = token.clone();
        let text = text.clone();
        let files = picked.try_files().unwrap_or_default();
        let made_of: Vec<(String, f64)> = files.iter().map(|f| (f.name(), f.size())).collect();
        let key = attempt
            .try_update_value(|last| attempt_key(last, &format!("{:?}{made_of:?}", text.trim())))
            .unwrap_or_else(new_idempotency_key);
        async move {
            connector
                .write_follow_up(&token, &text, &files, &upload, &key)
                .await
        }
    });
    Effect::new(move |_| writing.set(write.pending().get()));
    Effect::new(move |_| {
        if let Some(Ok(view)) = write.value().get() {
            attempt.set_value(None);
            shown.set(view);
            draft.set(String::new());
            picked.clear();
            announcement.set(text(i18n.lang(), msg!("follow-up-sent")));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if write.pending().get_untracked() {
            return;
        }
        let text = draft.get_untracked();
        let has_files = !picked.files().is_empty();
        let checked = match validate_reply(&text) {
            Err(_) if has_files && text.trim().is_empty() => Ok(()),
            checked => checked,
        };
        match checked {
            Err(issue) => problem.set(Some(issue)),
            Ok(()) => {
                problem.set(None);
                if picked.set_problems(&policy).is_empty() {
                    write.dispatch(text.trim().to_owned());
                }
            }
        }
    };
    let server_error = move || match write.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    };
    let (sending, send_label) = (tr(msg!("action-sending")), tr(msg!("action-send")));
    view! {
        <form
            class="follow-up-form"
            novalidate=true
            on:submit=submit
            on:dragover=on_drag_over
            on:drop=on_drop(picked, policy)
            on:paste=on_paste(picked, policy)
        >
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
            <AttachmentPicker
                picked
                policy
                disabled=Signal::derive(move || write.pending().get())
                id="follow-up-attachments"
            />
            <UploadProgress control=upload />
            {move || server_error().map(|error: ApiError| view! {
                <ErrorPanel error context=tr(msg!("follow-up-not-sent")) />
            })}
            <button class="button primary" type="submit" data-testid="follow-up-send" aria-disabled=move || write.pending().get().then_some("true")>
                {move || if write.pending().get() { sending() } else { send_label() }}
            </button>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
        </form>
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
fn MessageItem(
    message: FollowUpMessage,
    files: Vec<Attachment>,
    enlarged: RwSignal<Option<Attachment>>,
) -> impl IntoView {
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
            {(!message.body.is_empty()).then(|| view! {
                <p class="follow-up-body" dir="auto">{message.body.clone()}</p>
            })}
            {(!files.is_empty()).then(|| view! {
                <ul class="message-attachments" aria-label=tr(msg!("thread-attachments"))>
                    {files
                        .into_iter()
                        .map(|attachment| view! { <AttachmentItem attachment enlarged /> })
                        .collect_view()}
                </ul>
            })}
        </li>
    }
}
