//! Following items on the backends that cannot list (case messages by guid, support
//! sessions by order id): the inbox's form where an agent pastes an id, checked for its
//! shape and then asked of the backend before it is followed (a typo never lands in the
//! team's list; where agents start items, one the backend does not know can be opened
//! instead: a support session for a new order), and the conversation's "Stop following"
//! button.

use crate::components::inbox::inbox_filters::with_search;
use crate::connectors::http::attempt_key;
use crate::connectors::{follows, Connector};
use crate::i18n::{tr, use_i18n, Args, Lang, Say};
use crate::state::{api_origin, InboxRows};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use switchboard_core::domain::{Conversation, ConversationKey};
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::{text, text_with};

/// What an id is followed by when a connector does not say (the messages' `*[other]`).
const ANY_ID: &str = "id";

/// Why an id was not followed or opened; said in the page's language when shown, so it
/// follows a change of language.
#[derive(Clone, Debug)]
enum Problem {
    /// The connector's check of the id's shape, already in the reader's words.
    Said(String),
    /// The backend knows no item with this id; `by` is what the id is
    /// ([`ConversationBackend::followed_by`]).
    Unknown {
        by: &'static str,
    },
    /// The item is someone else's.
    Forbidden,
    NotFollowed(ApiError),
    NotOpened(ApiError),
}

impl Problem {
    /// Why an id was not followed.
    fn refused(by: &'static str, error: ApiError) -> Problem {
        match error.kind {
            ErrorKind::NotFound => Problem::Unknown { by },
            ErrorKind::Forbidden => Problem::Forbidden,
            _ => Problem::NotFollowed(error),
        }
    }
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        match self {
            Problem::Said(words) => words.clone(),
            Problem::Unknown { by } => text_with(
                lang,
                msg!("follow-unknown-item"),
                &Args::new().str("by", *by),
            ),
            Problem::Forbidden => text(lang, msg!("follow-item-forbidden")),
            Problem::NotFollowed(error) => {
                let args = Args::new().str("reason", error.say(lang));
                text_with(lang, msg!("follow-not-followed"), &args)
            }
            Problem::NotOpened(error) => {
                let args = Args::new().str("reason", error.say(lang));
                text_with(lang, msg!("follow-not-opened"), &args)
            }
        }
    }
}

/// The inbox's form: pick the backend (when there are several), paste an id, follow.
#[component]
pub fn FollowForm(#[prop(into)] connectors: Signal<Vec<Connector>>) -> impl IntoView {
    let i18n = use_i18n();
    let FollowState {
        followable,
        chosen,
        current,
        fields,
        follow,
        open,
    } = use_follow_form(connectors);
    let Fields {
        id,
        problem,
        openable,
    } = fields;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if follow.pending().get_untracked() {
            return;
        }
        let Some(connector) = current.get() else {
            return;
        };
        openable.set(None);
        let item = id.get_untracked().trim().to_owned();
        match connector.check_item_id(&item) {
            Err(reason) => problem.set(Some(Problem::Said(reason))),
            Ok(()) => {
                problem.set(None);
                follow.dispatch((connector, item));
            }
        }
    };
    view! {
        <Show when=move || followable.with(|list| !list.is_empty())>
            <form class="follow-form" on:submit=submit data-testid="follow-form">
                <BackendSelect followable chosen />
                <label class="visually-hidden" for="follow-id">{tr(msg!("follow-id-label"))}</label>
                <input
                    id="follow-id"
                    type="text"
                    autocomplete="off"
                    data-testid="follow-id"
                    placeholder=move || current.get().and_then(|c| c.info().followed_by).map(|by| {
                        text_with(i18n.lang(), msg!("follow-id-placeholder"), &Args::new().str("by", by))
                    })
                    prop:value=move || id.get()
                    on:input=move |ev| id.set(event_target_value(&ev))
                    aria-describedby="follow-problem"
                    aria-invalid=move || problem.get().is_some().then_some("true")
                />
                <button class="button" type="submit" data-testid="follow-submit" aria-disabled=move || follow.pending().get().then_some("true")>
                    {move || if follow.pending().get() { text(i18n.lang(), msg!("follow-checking")) } else { text(i18n.lang(), msg!("follow-button")) }}
                </button>
                <p id="follow-problem" class="field-error" role="alert" data-testid="follow-problem">{move || problem.get().map(|p| p.say(i18n.lang()))}</p>
                <OpenItemButton openable open />
            </form>
        </Show>
    }
}

/// Following or opening an item: the backend and the id it is asked for.
type ItemAction = Action<(Connector, String), Result<Conversation, Problem>>;

/// What the form's field shows and says: the id typed, why it was refused, and an id the
/// backend does not know, on a backend where agents start items (offered to open).
#[derive(Clone, Copy)]
struct Fields {
    id: RwSignal<String>,
    problem: RwSignal<Option<Problem>>,
    openable: RwSignal<Option<(Connector, String)>>,
}

/// The form's state and its two writes.
#[derive(Clone, Copy)]
struct FollowState {
    /// The backends that follow items by id.
    followable: Memo<Vec<Connector>>,
    /// The name of the backend picked in the select (empty until one is).
    chosen: RwSignal<String>,
    /// The backend the form follows on.
    current: Signal<Option<Connector>>,
    fields: Fields,
    follow: ItemAction,
    open: ItemAction,
}

fn use_follow_form(connectors: Signal<Vec<Connector>>) -> FollowState {
    let followable = Memo::new(move |_| {
        connectors
            .get()
            .into_iter()
            .filter(|c| c.info().followed_by.is_some())
            .collect::<Vec<_>>()
    });
    let chosen = RwSignal::new(String::new());
    let fields = Fields {
        id: RwSignal::new(String::new()),
        problem: RwSignal::new(None::<Problem>),
        openable: RwSignal::new(None::<(Connector, String)>),
    };
    let current = Signal::derive(move || {
        followable.with(|list| {
            let wanted = chosen.get();
            chosen_backend(list, &wanted, Connector::name).cloned()
        })
    });
    let open = use_open_item();
    land(open, fields, true);
    let follow = use_follow_item(fields.openable);
    land(follow, fields, false);
    FollowState {
        followable,
        chosen,
        current,
        fields,
        follow,
        open,
    }
}

/// Opens an item the backend does not know yet. One key per item being opened: a second
/// click or a retry after a lost answer opens it once (the server replays its first answer).
fn use_open_item() -> ItemAction {
    let open_key = StoredValue::new(None::<(String, String)>);
    Action::new_local(move |(connector, item): &(Connector, String)| {
        let connector = connector.clone();
        let item = item.clone();
        let fingerprint = format!("{}/{}", connector.name(), item.trim());
        let key = open_key.try_update_value(|last| attempt_key(last, &fingerprint));
        async move {
            connector
                .open_item(&item, &key.unwrap_or_default())
                .await
                .map_err(Problem::NotOpened)
        }
    })
}

/// Follows an item once the backend has said it knows it; one it does not know, where
/// agents start items, is offered to open instead (`openable`).
fn use_follow_item(openable: RwSignal<Option<(Connector, String)>>) -> ItemAction {
    Action::new_local(move |(connector, item): &(Connector, String)| {
        let connector = connector.clone();
        let item = item.clone();
        let origin = api_origin();
        async move {
            let by = connector.info().followed_by.unwrap_or(ANY_ID);
            let conversation = match connector.conversation(&item).await {
                Ok(conversation) => conversation,
                Err(e) => {
                    if offers_opening(&e, connector.info().opens_items.is_some()) {
                        openable.set(Some((connector.clone(), item.clone())));
                    }
                    return Err(Problem::refused(by, e));
                }
            };
            follows::follow(&origin, connector.name(), &item)
                .await
                .map_err(|e| Problem::refused(by, e))?;
            Ok::<Conversation, Problem>(conversation)
        }
    })
}

/// Where `action`'s answer goes: the item joins the inbox's rows and opens, the form
/// empties (and forgets the item offered to open, when `opened`); a refusal is said.
fn land(action: ItemAction, fields: Fields, opened: bool) {
    let rows = expect_context::<InboxRows>();
    let navigate = use_navigate();
    let location = use_location();
    Effect::new(move |_| match action.value().get() {
        Some(Ok(conversation)) => {
            let key = conversation.key.clone();
            rows.0.update(|inbox| inbox.add(conversation));
            if opened {
                fields.openable.set(None);
            }
            fields.id.set(String::new());
            fields.problem.set(None);
            // The inbox keeps its view beside the conversation.
            navigate(
                &with_search(&key.path(), &location.search.get_untracked()),
                Default::default(),
            );
        }
        Some(Err(reason)) => fields.problem.set(Some(reason)),
        None => {}
    });
}

/// The backend the form follows on: the one picked by name, else the first (the one the
/// select shows before any is picked).
fn chosen_backend<'a, T>(list: &'a [T], wanted: &str, name: impl Fn(&T) -> &str) -> Option<&'a T> {
    list.iter()
        .find(|c| name(c) == wanted)
        .or_else(|| list.first())
}

/// Whether an id the backend refused is offered to open instead: it does not know the id,
/// and agents start items there.
fn offers_opening(error: &ApiError, opens_items: bool) -> bool {
    error.kind == ErrorKind::NotFound && opens_items
}

/// The backend to follow on, each named with what its ids are.
#[component]
fn BackendSelect(followable: Memo<Vec<Connector>>, chosen: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="visually-hidden" for="follow-backend">{tr(msg!("follow-backend-label"))}</label>
        <select
            id="follow-backend"
            data-testid="follow-backend"
            on:change=move |ev| chosen.set(event_target_value(&ev))
        >
            {move || followable.get().into_iter().map(|c| {
                let name = c.name().to_owned();
                let by = c.info().followed_by.unwrap_or(ANY_ID);
                let backend = name.clone();
                // Only the words follow the language: the options stay, and so
                // does the one chosen.
                let words = move || {
                    let args = Args::new().str("by", by).str("backend", backend.clone());
                    text_with(i18n.lang(), msg!("follow-backend-option"), &args)
                };
                view! { <option value=name>{words}</option> }
            }).collect_view()}
        </select>
    }
}

/// Shown for an id the backend does not know, where agents start items: open it.
#[component]
fn OpenItemButton(
    openable: RwSignal<Option<(Connector, String)>>,
    open: ItemAction,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        openable.get().map(|(connector, item)| {
            // The catalogue message of the connector's words for starting the item.
            let opens = connector
                .info()
                .opens_items
                .unwrap_or(msg!("follow-open-it"));
            let named = item.clone();
            let words =
                move || text_with(i18n.lang(), opens, &Args::new().str("item", named.clone()));
            view! {
                <button
                    class="button primary"
                    type="button"
                    data-testid="follow-open"
                    aria-disabled=move || open.pending().get().then_some("true")
                    on:click=move |_| {
                        if !open.pending().get_untracked() {
                            open.dispatch((connector.clone(), item.clone()));
                        }
                    }
                >
                    {words}
                </button>
            }
        })
    }
}

/// The conversation's button on a backend that cannot list: the team stops following it,
/// and it leaves the inbox. The page this button is on goes with it, so the success path
/// runs outside the page's reactive graph: it leaves the page first, then drops the row,
/// and every read of the button's own state tolerates its disposal.
#[component]
pub fn StopFollowing(connector: Connector, key: ConversationKey) -> impl IntoView {
    let rows = expect_context::<InboxRows>();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let location = use_location();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<ApiError>);
    let on_click = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let key = key.clone();
        let navigate = navigate.clone();
        let origin = api_origin();
        let back = with_search("/", &location.search.get_untracked());
        leptos::task::spawn_local(async move {
            match follows::unfollow(&origin, &key.backend, &key.id).await {
                Ok(()) => {
                    navigate(&back, Default::default());
                    // Once the page has left: the row goes from the list it was open in.
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    rows.0.try_update(|inbox| inbox.remove(&key));
                }
                Err(error) => {
                    failed.try_set(Some(error));
                    busy.try_set(false);
                }
            }
        });
    };
    let error = move || {
        failed.try_get().flatten().map(|error| {
            let args = Args::new().str("reason", error.say(i18n.lang()));
            text_with(i18n.lang(), msg!("follow-still-followed"), &args)
        })
    };
    let label = connector
        .info()
        .followed_by
        .map(|_| tr(msg!("follow-stop")));
    label.map(|label| {
        view! {
            <button
                class="button ghost"
                type="button"
                data-testid="stop-following"
                aria-disabled=move || busy.try_get().unwrap_or(false).then_some("true")
                on:click=on_click
            >
                {label}
            </button>
            <span class="field-error" role="alert">{error}</span>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backend_picked_by_name_is_followed_on_else_the_first() {
        let list = ["case-messages", "support-sessions"];
        fn name<'a>(backend: &'a &str) -> &'a str {
            backend
        }
        assert_eq!(
            chosen_backend(&list, "support-sessions", name),
            Some(&"support-sessions")
        );
        assert_eq!(chosen_backend(&list, "", name), Some(&"case-messages"));
        assert_eq!(chosen_backend(&list, "gone", name), Some(&"case-messages"));
        assert_eq!(chosen_backend(&[] as &[&str], "", name), None);
    }

    #[test]
    fn only_an_unknown_id_where_agents_start_items_is_offered_to_open() {
        let unknown = ApiError::new(ErrorKind::NotFound);
        assert!(offers_opening(&unknown, true));
        assert!(!offers_opening(&unknown, false));
        assert!(!offers_opening(&ApiError::new(ErrorKind::Forbidden), true));
    }

    #[test]
    fn a_refusal_says_unknown_forbidden_or_why_it_was_not_followed() {
        let refused = |kind| Problem::refused("guid", ApiError::new(kind));
        assert!(matches!(
            refused(ErrorKind::NotFound),
            Problem::Unknown { by: "guid" }
        ));
        assert!(matches!(refused(ErrorKind::Forbidden), Problem::Forbidden));
        assert!(matches!(
            refused(ErrorKind::Network),
            Problem::NotFollowed(_)
        ));
    }
}
