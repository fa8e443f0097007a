//! "Go to a ticket": agents know PostCenter's tickets by a number of their own (261), not
//! by the API's id. Typed here, the backend turns it into its id and the console lands on
//! the ticket, the inbox's view kept beside it. Shown only for backends that find items
//! by such a number.

use crate::components::inbox::inbox_filters::with_search;
use crate::connectors::Connector;
use crate::i18n::{tr, use_i18n, Args, Lang, Say};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use switchboard_core::domain::ConversationKey;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::{text, text_with};

/// Why no ticket was opened, said in the page's language when shown.
#[derive(Clone, Debug)]
enum Problem {
    /// Nothing typed.
    NoNumber,
    /// No ticket has this number.
    NoTicket(String),
    /// The backend could not find it: its own words, else the error's.
    NotFound(ApiError),
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        match self {
            Problem::NoNumber => text(lang, msg!("find-number-type-first")),
            Problem::NoTicket(number) => text_with(
                lang,
                msg!("find-number-no-ticket"),
                &Args::new().str("number", number.clone()),
            ),
            Problem::NotFound(error) => text_with(
                lang,
                msg!("find-number-not-found"),
                &Args::new().str(
                    "reason",
                    error
                        .backend_message
                        .clone()
                        .unwrap_or_else(|| error.say(lang)),
                ),
            ),
        }
    }
}

#[component]
pub fn FindByNumber(#[prop(into)] connectors: Signal<Vec<Connector>>) -> impl IntoView {
    let navigate = use_navigate();
    let location = use_location();
    // One form per backend that has such numbers (PostCenter, today).
    let finders = Memo::new(move |_| {
        connectors
            .get()
            .into_iter()
            .filter(|c| c.info().finds_by_number.is_some())
            .collect::<Vec<_>>()
    });
    let number = RwSignal::new(String::new());
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<Problem>);
    let find = Action::new_local(move |(connector, typed): &(Connector, String)| {
        let (connector, typed) = (connector.clone(), typed.clone());
        async move {
            match connector.find_by_number(&typed).await {
                Ok(id) => Ok(ConversationKey::new(connector.name(), id)),
                Err(e) if e.kind == ErrorKind::NotFound => {
                    Err(Problem::NoTicket(typed.trim().to_owned()))
                }
                Err(e) => Err(Problem::NotFound(e)),
            }
        }
    });
    Effect::new(move |_| match find.value().get() {
        Some(Ok(key)) => {
            number.set(String::new());
            problem.set(None);
            navigate(
                &with_search(&key.path(), &location.search.get_untracked()),
                Default::default(),
            );
        }
        Some(Err(reason)) => problem.set(Some(reason)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if find.pending().get_untracked() {
            return;
        }
        let Some(connector) = finders.with_untracked(|f| f.first().cloned()) else {
            return;
        };
        let typed = number.get_untracked();
        if typed.trim().is_empty() {
            problem.set(Some(Problem::NoNumber));
            return;
        }
        problem.set(None);
        find.dispatch((connector, typed));
    };
    let label = move || {
        finders.with(|f| {
            f.first()
                .and_then(|c| {
                    let number = c.info().finds_by_number?;
                    Some(text_with(
                        i18n.lang(),
                        msg!("find-number-label"),
                        &Args::new()
                            .str("backend", c.kind().label(i18n.lang()))
                            .str("number", text(i18n.lang(), number)),
                    ))
                })
                .unwrap_or_default()
        })
    };
    let (opening, open) = (
        tr(msg!("find-number-opening")),
        tr(msg!("find-number-open")),
    );
    view! {
        <Show when=move || finders.with(|f| !f.is_empty())>
            <form class="follow-form find-number" on:submit=submit data-testid="find-number-form">
                <label for="find-number">{label}</label>
                <input
                    id="find-number"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    placeholder="261"
                    data-testid="find-number"
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby="find-number-problem"
                    prop:value=move || number.get()
                    on:input=move |ev| number.set(event_target_value(&ev))
                />
                <button
                    class="button"
                    type="submit"
                    data-testid="find-number-submit"
                    aria-busy=move || find.pending().get().to_string()
                >
                    {move || if find.pending().get() { opening() } else { open() }}
                </button>
                <p class="field-error" id="find-number-problem" role="alert" data-testid="find-number-problem">
                    {move || problem.with(|p| p.as_ref().map(|p| p.say(i18n.lang())))}
                </p>
            </form>
        </Show>
    }
}
