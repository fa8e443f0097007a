//! The sign-in page (`/sign-in?next=...`): where the console sends an agent who has no
//! session, and where signing out lands. Once signed in, the agent goes back to the page
//! they wanted, but only to a path on this site: `next` is read from the URL, so anyone
//! can write a link with it, and it must never lead to another site. An agent who is
//! signed in already goes straight on.

use crate::components::shell::language_select::LanguageSelect;
use crate::components::shell::sign_in_form::SignInForm;
use crate::connectors::session;
use crate::i18n::tr;
use crate::state::api_origin;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use switchboard_core::domain::encode_path_segment;
use switchboard_core::session::Session;

pub const SIGN_IN_PATH: &str = "/sign-in";

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    // Where to go is decided as the page opens: going there changes the query.
    let next = safe_next(query.with_untracked(|q| q.get("next")).as_deref());
    let on_signed_in = Callback::new(move |_: Session| {
        // The sign-in page is not kept in the history: Back from the console leaves it.
        navigate(
            &next,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    // An agent already signed in (a bookmark, Back after signing in) goes straight on.
    let origin = api_origin();
    let already = LocalResource::new(move || {
        let origin = origin.clone();
        async move { session::current(&origin).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some(session))) = already.get() {
            on_signed_in.run(session);
        }
    });
    view! {
        <div class="public-page">
            <header class="public-header">
                <span class="brand">"Switchboard"</span>
                <span class="public-tagline">{tr(msg!("sign-in-tagline"))}</span>
                <LanguageSelect />
            </header>
            <main class="public-main sign-in-main">
                <section class="card sign-in-card" aria-labelledby="sign-in-title">
                    <h1 id="sign-in-title">{tr(msg!("sign-in-title"))}</h1>
                    <p class="state-hint">{tr(msg!("sign-in-intro"))}</p>
                    <SignInForm on_signed_in />
                </section>
            </main>
        </div>
    }
}

/// The sign-in page, coming back to `wanted` (a path and its query) afterwards.
pub fn sign_in_href(wanted: &str) -> String {
    match safe_next(Some(wanted)).as_str() {
        "/" => SIGN_IN_PATH.to_owned(),
        next => format!("{SIGN_IN_PATH}?next={}", encode_path_segment(next)),
    }
}

/// Where to go once signed in: `next` when it is a path on this site, else the inbox.
/// A path starts with one `/`: `//host` and `/\host` are other sites to a browser, which
/// also drops tabs and newlines (so `/\t/host` is `//host`), hence no control characters,
/// spaces or backslashes anywhere. The sign-in page itself leads to the inbox.
pub fn safe_next(next: Option<&str>) -> String {
    const INBOX: &str = "/";
    let Some(next) = next else {
        return INBOX.to_owned();
    };
    let on_this_site = next.starts_with('/')
        && !next[1..].starts_with('/')
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    let path = next.split(['?', '#']).next().unwrap_or_default();
    let is_sign_in = path.trim_end_matches('/') == SIGN_IN_PATH;
    if on_this_site && !is_sign_in {
        next.to_owned()
    } else {
        INBOX.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_this_site_is_kept_with_its_query() {
        for path in [
            "/",
            "/conversations/communication/c-12",
            "/?assignee=me&status=open",
            "/conversations/octopia/d%2F1?reference=2511PAQ7731",
            "/?reference=http://example.com",
        ] {
            assert_eq!(safe_next(Some(path)), path);
        }
    }

    #[test]
    fn anything_that_could_leave_the_site_leads_to_the_inbox() {
        for next in [
            "//evil.example",
            "//evil.example/conversations",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil.example",
            "conversations/communication/c-1",
            "",
            " /",
        ] {
            assert_eq!(safe_next(Some(next)), "/", "{next:?}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn the_sign_in_page_never_leads_back_to_itself() {
        assert_eq!(safe_next(Some("/sign-in")), "/");
        assert_eq!(safe_next(Some("/sign-in/?next=/x")), "/");
        assert_eq!(safe_next(Some("/sign-in-help")), "/sign-in-help");
    }

    #[test]
    fn the_sign_in_link_carries_the_wanted_page_encoded() {
        assert_eq!(sign_in_href("/"), "/sign-in");
        assert_eq!(
            sign_in_href("/conversations/communication/c-1?status=open"),
            "/sign-in?next=%2Fconversations%2Fcommunication%2Fc-1%3Fstatus%3Dopen"
        );
        assert_eq!(sign_in_href("//evil.example"), "/sign-in");
    }
}
