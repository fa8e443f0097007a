//! The sign-in form, shared by the sign-in page and the console's "your session has
//! ended" dialog: email and password with labels and the autocomplete a password manager
//! needs, sent with Enter, busy but never disabled while signing in (a disabled control
//! drops focus), every typed character kept whatever happens, and each refusal in words.

use crate::connectors::http::Refusal;
use crate::connectors::session;
use crate::i18n::{tr, use_i18n, Args, Lang, Say};
use crate::state::api_origin;
use leptos::html;
use leptos::prelude::*;
use switchboard_core::error::ErrorKind;
use switchboard_core::i18n::{text, text_with};
use switchboard_core::session::Session;

#[component]
pub fn SignInForm(
    /// Filled in advance: the agent whose session has ended.
    #[prop(into, optional)]
    email: String,
    /// Runs once the server has accepted the agent.
    on_signed_in: Callback<Session>,
) -> impl IntoView {
    let origin = api_origin();
    let email = RwSignal::new(email);
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let i18n = use_i18n();
    let email_ref = NodeRef::<html::Input>::new();
    let password_ref = NodeRef::<html::Input>::new();

    let sign_in = Action::new_local(move |(email, password): &(String, String)| {
        let (origin, email, password) = (origin.clone(), email.clone(), password.clone());
        async move { session::sign_in(&origin, &email, &password).await }
    });
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(session)) => on_signed_in.run(session),
        Some(Err(refusal)) => problem.set(Some(refusal_words(i18n.lang(), &refusal))),
        None => {}
    });

    let focus = move |field: NodeRef<html::Input>| {
        if let Some(input) = field.get_untracked() {
            // Focus is a courtesy; failing to move it changes nothing else.
            let _ = input.focus();
        }
    };
    // The first field still to fill has focus once the form shows.
    Effect::new(move |_| {
        let first = if email.get_untracked().trim().is_empty() {
            email_ref
        } else {
            password_ref
        };
        if let Some(input) = first.get() {
            let _ = input.focus();
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sign_in.pending().get_untracked() {
            return;
        }
        let (typed_email, typed_password) = (email.get_untracked(), password.get_untracked());
        if typed_email.trim().is_empty() {
            problem.set(Some(text(i18n.lang(), msg!("sign-in-enter-email"))));
            focus(email_ref);
            return;
        }
        if typed_password.is_empty() {
            problem.set(Some(text(i18n.lang(), msg!("sign-in-enter-password"))));
            focus(password_ref);
            return;
        }
        problem.set(None);
        sign_in.dispatch((typed_email, typed_password));
    };
    let busy = move || sign_in.pending().get().then_some("true");
    let (signing_in, sign_in_label) = (tr(msg!("sign-in-busy")), tr(msg!("sign-in-title")));

    view! {
        <form class="sign-in-form" novalidate=true on:submit=submit data-testid="sign-in-form" aria-busy=busy>
            <div class="field">
                <label for="sign-in-email">{tr(msg!("sign-in-email"))}</label>
                <input
                    id="sign-in-email"
                    node_ref=email_ref
                    name="email"
                    type="email"
                    autocomplete="username"
                    spellcheck="false"
                    data-testid="sign-in-email"
                    prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))
                    aria-required="true"
                    aria-describedby="sign-in-problem"
                />
            </div>
            <div class="field">
                <label for="sign-in-password">{tr(msg!("sign-in-password"))}</label>
                <input
                    id="sign-in-password"
                    node_ref=password_ref
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    data-testid="sign-in-password"
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))
                    aria-required="true"
                    aria-describedby="sign-in-problem"
                />
            </div>
            <p id="sign-in-problem" class="field-error" role="alert" data-testid="sign-in-problem">
                {move || problem.get()}
            </p>
            <button class="button primary" type="submit" data-testid="sign-in-submit" aria-disabled=busy>
                {move || if sign_in.pending().get() { signing_in() } else { sign_in_label() }}
            </button>
        </form>
    }
}

/// Why signing in failed, in words: the wrong email or password (never saying which),
/// too many attempts and how long to wait, the server out of reach, or what else it said.
pub fn refusal_words(lang: Lang, refusal: &Refusal) -> String {
    match refusal.error.kind {
        ErrorKind::Unauthorized => text(lang, msg!("sign-in-no-match")),
        ErrorKind::RateLimited => match refusal.retry_after_secs {
            Some(secs) => text_with(
                lang,
                msg!("sign-in-too-many-wait"),
                &Args::new().str("wait", wait_words(lang, secs)),
            ),
            None => text(lang, msg!("sign-in-too-many")),
        },
        ErrorKind::Network => text(lang, msg!("sign-in-unreachable")),
        _ => text_with(
            lang,
            msg!("sign-in-refused"),
            &Args::new().str("reason", refusal.error.say(lang)),
        ),
    }
}

/// A wait in seconds as a person says it, rounded up to the minute past one minute.
pub fn wait_words(lang: Lang, secs: u64) -> String {
    let (id, count) = match secs {
        0..=59 => (msg!("wait-seconds"), secs.max(1)),
        _ => (msg!("wait-minutes"), secs.div_ceil(60)),
    };
    text_with(lang, id, &Args::new().num("count", count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::error::ApiError;

    fn refused(status: u16, retry_after_secs: Option<u64>) -> Refusal {
        Refusal {
            error: ApiError::from_status(status, None),
            retry_after_secs,
        }
    }

    #[test]
    fn each_refusal_is_said_in_words() {
        let en = |refusal: &Refusal| refusal_words(Lang::En, refusal);
        assert!(en(&refused(401, None)).contains("do not match"));
        assert_eq!(
            en(&refused(429, Some(30))),
            "Too many attempts to sign in. Wait 30 seconds and try again."
        );
        assert!(en(&refused(429, None)).contains("a few minutes"));
        let offline = Refusal::from(ApiError::network("Failed to fetch"));
        assert!(en(&offline).contains("could not be reached"));
        assert!(en(&refused(503, None)).contains("unavailable"));
        assert_eq!(
            refusal_words(Lang::Fr, &refused(429, Some(120))),
            "Trop de tentatives de connexion. Attendez 2 minutes et réessayez."
        );
    }

    #[test]
    fn waits_read_as_people_say_them() {
        assert_eq!(wait_words(Lang::En, 0), "1 second");
        assert_eq!(wait_words(Lang::En, 45), "45 seconds");
        assert_eq!(wait_words(Lang::En, 60), "1 minute");
        assert_eq!(wait_words(Lang::En, 61), "2 minutes");
        assert_eq!(wait_words(Lang::En, 900), "15 minutes");
        assert_eq!(wait_words(Lang::Es, 1), "1 segundo");
    }
}
