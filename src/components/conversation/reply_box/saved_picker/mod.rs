//! Saved replies in the reply box (`docs/saved-replies.md`): `/` typed at the start of a
//! line or after a space, or the "Saved replies" button, opens a searchable list (fuzzy on
//! title and text) with a preview; the arrows move, Enter inserts at the cursor, Esc
//! closes and gives the text its focus back. The version in the conversation's language is
//! chosen first (`preferred_languages`), another one a click away. Variables are filled
//! from the conversation; one it lacks is asked for first ([`ask`]), so no `{{...}}` is
//! ever sent. The list is read again each time it opens, so an admin's change shows.
//!
//! The panel (the search, its matcher, the list, the questions) is a part of its own in the
//! release build ([`SavedRepliesLater`], `src/parts.rs`): fetched the first time the picker
//! opens, and prefetched with the console's other parts, so it weighs on nobody who never
//! opens it.

mod ask;
mod options;

use super::{byte_offset, write_text, ReplyState};
use crate::components::shell::later::{LaterView, OnFirstUse};
use crate::connectors::saved_replies::saved_replies;
use crate::i18n::{use_i18n, Lang};
use crate::state::{api_origin, CurrentAgent};
use ask::{AskForValues, Asking};
use leptos::html;
use leptos::prelude::*;
use options::SavedReplyOptions;
use switchboard_core::domain::Conversation;
use switchboard_core::error::ApiError;
use switchboard_core::saved_replies::{
    fill, preferred_languages, search, values_of, version_for, SavedReply, Values,
};

/// How many replies the list shows at once: past that, typing narrows faster than scrolling.
const LISTED: usize = 50;

/// The conversation the box replies in, as the page last read it: its fields fill the
/// variables.
#[derive(Clone, Copy)]
pub struct ShownConversation(pub Signal<Option<Conversation>>);

type Loaded = Option<Result<Vec<SavedReply>, ApiError>>;

/// The picker's state: open or not, where the chosen text goes, what is typed and chosen.
#[derive(Clone, Copy)]
pub struct SavedPicker {
    open: RwSignal<bool>,
    /// The byte range of the draft the text replaces: the `/` that opened the list, or the
    /// selection (empty: the cursor) when the button did.
    range: RwSignal<(usize, usize)>,
    query: RwSignal<String>,
    active: RwSignal<usize>,
    /// The language the agent picked in the preview, over the preferred one.
    lang: RwSignal<Option<Lang>>,
    asking: RwSignal<Option<Asking>>,
    /// Said once a reply went in.
    said: RwSignal<Option<String>>,
    opened: RwSignal<u32>,
    list: LocalResource<Loaded>,
    text: NodeRef<html::Textarea>,
    conversation: Option<ShownConversation>,
}

impl SavedPicker {
    pub fn new(text: NodeRef<html::Textarea>) -> Self {
        let opened = RwSignal::new(0u32);
        let origin = StoredValue::new(api_origin());
        let list = LocalResource::new(move || {
            // Read when first opened, and again at each opening.
            let times = opened.get();
            let origin = origin.get_value();
            async move {
                if times == 0 {
                    None
                } else {
                    Some(saved_replies(&origin).await)
                }
            }
        });
        SavedPicker {
            open: RwSignal::new(false),
            range: RwSignal::new((0, 0)),
            query: RwSignal::new(String::new()),
            active: RwSignal::new(0),
            lang: RwSignal::new(None),
            asking: RwSignal::new(None),
            said: RwSignal::new(None),
            opened,
            list,
            text,
            conversation: use_context::<ShownConversation>(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// Opens the list to replace `range` of the draft (byte offsets).
    fn open_at(&self, range: (usize, usize)) {
        self.range.set(range);
        self.query.set(String::new());
        self.active.set(0);
        self.lang.set(None);
        self.asking.set(None);
        self.said.set(None);
        self.opened.update(|n| *n += 1);
        self.open.set(true);
    }

    /// The button: the text goes where the cursor (or the selection) is.
    pub fn open_at_cursor(&self, draft: &str) {
        let selection = self.text.get_untracked().and_then(|t| {
            let start = t.selection_start().ok()??;
            let end = t.selection_end().ok()??;
            Some((
                byte_offset(draft, start as usize)?,
                byte_offset(draft, end as usize)?,
            ))
        });
        self.open_at(selection.unwrap_or((draft.len(), draft.len())));
    }

    /// After the text changed from `before` to `value`: a `/` just typed at the start of a
    /// line or after a space opens the list, to be replaced by the reply chosen.
    pub fn follow(&self, before: &str, value: &str) {
        if self.is_open() || value.len() != before.len() + 1 {
            return;
        }
        let Some(cursor) = self
            .text
            .get_untracked()
            .and_then(|t| t.selection_end().ok()?)
            .and_then(|units| byte_offset(value, units as usize))
        else {
            return;
        };
        let Some(slash) = cursor.checked_sub(1) else {
            return;
        };
        let typed_slash = value.get(slash..cursor) == Some("/");
        let starts_a_word = value[..slash]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if typed_slash && starts_a_word {
            self.open_at((slash, cursor));
        }
    }

    /// Closes the list and gives the text its focus back.
    pub fn close(&self) {
        self.open.set(false);
        self.asking.set(None);
        if let Some(text) = self.text.get_untracked() {
            let _ = text.focus();
        }
    }

    /// The replies that fit what is typed, best first.
    fn matches(&self) -> Vec<SavedReply> {
        let query = self.query.get();
        self.list.with(|loaded| match loaded {
            Some(Some(Ok(all))) => search(all, &query)
                .into_iter()
                .take(LISTED)
                .map(|found| found.reply.clone())
                .collect(),
            _ => Vec::new(),
        })
    }

    /// The languages to look for, best first, for this conversation and agent.
    fn preferred(&self, agent: Lang) -> Vec<Lang> {
        let kind = self
            .conversation
            .and_then(|c| c.0.with(|c| c.as_ref().map(|c| c.backend_kind)));
        let mut order = match kind {
            Some(kind) => preferred_languages(kind, agent),
            None => std::iter::once(agent).chain(Lang::ALL).collect(),
        };
        if let Some(picked) = self.lang.get() {
            order.retain(|l| *l != picked);
            order.insert(0, picked);
        }
        order
    }

    /// What the conversation fills, and the agent's name.
    fn values(&self, agent: Option<String>) -> Values {
        self.conversation
            .and_then(|c| {
                c.0.with_untracked(|c| c.as_ref().map(|c| values_of(c, agent.as_deref())))
            })
            .unwrap_or_default()
    }

    /// Inserts `reply` in the language chosen: at once when every variable is known, else
    /// after asking for the missing ones.
    fn choose(
        &self,
        reply: &SavedReply,
        agent: Lang,
        values: Values,
        state: ReplyState,
        draft_key: StoredValue<String>,
    ) {
        let preferred = untrack(|| self.preferred(agent));
        let Some(version) = version_for(reply, &preferred) else {
            return;
        };
        match fill(&version.body, &values) {
            Ok(filled) => self.insert(&reply.title, &filled, state, draft_key),
            Err(missing) => self.asking.set(Some(Asking {
                title: reply.title.clone(),
                body: version.body.clone(),
                missing,
                values,
            })),
        }
    }

    /// Puts `filled` in place of the range the list was opened for, and closes it.
    fn insert(&self, title: &str, filled: &str, state: ReplyState, draft_key: StoredValue<String>) {
        let (start, end) = self.range.get_untracked();
        let draft = state.draft.get_untracked();
        let (Some(before), Some(after)) = (draft.get(..start), draft.get(end..)) else {
            // The draft changed under the list: the text goes at its end.
            write_text(state, draft_key, self.text, &format!("{draft}{filled}"), "");
            return self.close();
        };
        write_text(
            state,
            draft_key,
            self.text,
            &format!("{before}{filled}"),
            after,
        );
        self.said.set(Some(title.to_owned()));
        self.open.set(false);
        self.asking.set(None);
    }
}

/// Where the panel comes from (the console's binary gives it, `src/main.rs`). Without it (a
/// test mounting the reply box alone) the box offers no saved replies.
#[derive(Clone, Copy)]
pub struct SavedRepliesLater(pub LaterView);

/// What the panel reads from the box: the picker, and what choosing and filling do.
#[derive(Clone, Copy)]
struct SavedPanel {
    picker: SavedPicker,
    choose: Callback<SavedReply>,
    inserted: Callback<(String, String)>,
}

/// The button, and the panel once it has come.
#[component]
pub fn SavedReplies(
    picker: SavedPicker,
    later: SavedRepliesLater,
    state: ReplyState,
    draft_key: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let me = use_context::<CurrentAgent>();
    let agent_name = move || me.and_then(|m| m.name());
    let choose = Callback::new(move |reply: SavedReply| {
        let values = picker.values(untrack(agent_name));
        picker.choose(&reply, i18n.lang(), values, state, draft_key);
    });
    let inserted = Callback::new(move |(title, filled): (String, String)| {
        picker.insert(&title, &filled, state, draft_key);
    });
    provide_context(SavedPanel {
        picker,
        choose,
        inserted,
    });
    let said = move || {
        picker.said.get().map(|title| {
            let args = crate::i18n::Args::new().str("title", title);
            switchboard_core::i18n::text_with(i18n.lang(), msg!("saved-replies-inserted"), &args)
        })
    };
    view! {
        <div class="saved-replies">
            <button
                type="button"
                class="button"
                data-testid="saved-replies-open"
                aria-expanded=move || if picker.is_open() { "true" } else { "false" }
                aria-controls="saved-replies-panel"
                on:click=move |_| {
                    if picker.is_open() {
                        picker.close();
                    } else {
                        picker.open_at_cursor(&state.draft.get_untracked());
                    }
                }
            >
                {crate::i18n::tr(msg!("saved-replies-open"))}
            </button>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="saved-reply-said">{said}</p>
            <OnFirstUse wanted=Signal::derive(move || picker.is_open()) part=later.0 />
        </div>
    }
}

/// The panel while the picker is open: the list, or the questions a reply needs answered.
/// A part of its own in the release build (`src/parts.rs`).
pub fn saved_replies_panel() -> AnyView {
    let SavedPanel {
        picker,
        choose,
        inserted,
    } = expect_context::<SavedPanel>();
    view! {
        <Show when=move || picker.is_open()>
            <div class="saved-replies-panel" id="saved-replies-panel" data-testid="saved-replies-panel">
                {move || match picker.asking.get() {
                    Some(asking) => view! { <AskForValues asking on_fill=inserted on_cancel=Callback::new(move |_| picker.asking.set(None)) /> }.into_any(),
                    None => view! { <SavedReplyOptions picker choose /> }.into_any(),
                }}
            </div>
        </Show>
    }
    .into_any()
}
