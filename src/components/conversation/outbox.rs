//! The outbox of a conversation's reply: what is being sent, or was and is not confirmed,
//! kept in this browser beside the draft (`storage::draft_key`) so that it survives a
//! reload, a crash or a closed tab. The reply's idempotency key lives here too: a retry,
//! even after a reload, sends the same message with the same key, and the server stores
//! it once. Shown above the reply box as sending, not sent (with the reason), or not
//! confirmed (the page went away while sending); each can be retried or discarded, and
//! the text stays in the box to edit. Forgotten once the server confirms the reply.
//! A reply that may have arrived keeps its key even when edited (see [`sending`]), and
//! goes again on its own when the network is back ([`resend_when_back`]).

use crate::components::inbox::live::{Link, LiveState};
use crate::connectors::http::new_idempotency_key;
use crate::i18n::{tr, use_i18n, Args};
use crate::storage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use switchboard_core::i18n::{text, text_with};

/// Where a reply stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sending {
    /// Sent, no answer yet (or the page went away before one came).
    InFlight,
    /// Refused or not delivered, and why.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The reply's idempotency key.
    pub key: String,
    /// What it was made for: the same text and files keep the key.
    pub fingerprint: String,
    /// The start of the text, for the notice.
    pub preview: String,
    pub state: Sending,
    /// Whether the server may have stored it though nothing said so (no answer came): an
    /// edited version then keeps this key, and the server refuses it if this one arrived.
    #[serde(default)]
    pub may_have_arrived: bool,
}

fn slot(draft_key: &str) -> String {
    format!("{draft_key}.outbox")
}

/// The entry kept for this draft, if any.
pub fn read(draft_key: &str) -> Option<OutboxEntry> {
    serde_json::from_str(&storage::read(&slot(draft_key))?).ok()
}

fn write(draft_key: &str, entry: &OutboxEntry) {
    if let Ok(json) = serde_json::to_string(entry) {
        storage::write(&slot(draft_key), &json);
    }
}

/// Puts the reply in the outbox as being sent; its key: the one it had if the same text
/// and files were sent before (a retry), or if an earlier version may have arrived (an
/// edit must not become a second message: the server refuses it if the first is stored,
/// `ErrorKind::KeyReused`), else a new one.
pub fn sending(draft_key: &str, fingerprint: &str, preview: &str) -> OutboxEntry {
    let key = read(draft_key)
        .filter(|entry| entry.fingerprint == fingerprint || entry.may_have_arrived)
        .map(|entry| entry.key)
        .unwrap_or_else(new_idempotency_key);
    let entry = OutboxEntry {
        key,
        fingerprint: fingerprint.to_owned(),
        preview: preview.chars().take(80).collect(),
        state: Sending::InFlight,
        // Until an answer comes, it may arrive: a page that goes away leaves it so.
        may_have_arrived: true,
    };
    write(draft_key, &entry);
    entry
}

/// The reply was not sent; `reason` in words, and whether it may have arrived all the same
/// (no answer came). Its key is kept for the retry.
pub fn failed(draft_key: &str, reason: String, may_have_arrived: bool) -> Option<OutboxEntry> {
    let mut entry = read(draft_key)?;
    entry.state = Sending::Failed(reason);
    entry.may_have_arrived = may_have_arrived;
    write(draft_key, &entry);
    Some(entry)
}

/// The server has the reply (or the agent discarded it): nothing left to send.
pub fn done(draft_key: &str) {
    storage::remove(&slot(draft_key));
}

/// The conversation's outbox as the page shares it: the reply box writes it, the thread
/// shows the reply in it as its last message (sending, not sent, not confirmed).
#[derive(Clone, Copy)]
pub struct OutboxSlot {
    pub entry: RwSignal<Option<OutboxEntry>>,
    /// A send is under way in this page.
    pub pending: RwSignal<bool>,
}

impl OutboxSlot {
    pub fn new() -> Self {
        OutboxSlot {
            entry: RwSignal::new(None),
            pending: RwSignal::new(false),
        }
    }
}

impl Default for OutboxSlot {
    fn default() -> Self {
        Self::new()
    }
}

/// Sends the reply in `entry` again, once the network is back, when it may not have been
/// sent and the box still holds it as it was (`now_made_of`, its fingerprint now), and
/// nothing is sending (`idle`). The same key goes with it: the server never doubles it.
pub fn resend_when_back(
    entry: RwSignal<Option<OutboxEntry>>,
    now_made_of: impl Fn() -> String + 'static,
    idle: impl Fn() -> bool + 'static,
    resend: impl Fn() + 'static,
) {
    let Some(live) = use_context::<LiveState>() else {
        return;
    };
    Effect::new(move |before: Option<Link>| {
        let now = live.link.get();
        let back = matches!(before, Some(Link::Offline | Link::Reconnecting))
            && matches!(now, Link::LiveAgain | Link::Live);
        let unchanged = || {
            entry.with_untracked(|entry| {
                entry.as_ref().is_some_and(|entry| {
                    entry.may_have_arrived
                        && matches!(entry.state, Sending::Failed(_))
                        && entry.fingerprint == now_made_of()
                })
            })
        };
        if back && idle() && unchanged() {
            resend();
        }
        now
    });
}

/// The reply in the outbox, at the end of the thread, as the agent's message it will be.
#[component]
pub fn OutboxMessage() -> impl IntoView {
    let slot = use_context::<OutboxSlot>();
    let i18n = use_i18n();
    move || {
        let slot = slot?;
        let entry = slot.entry.get()?;
        let state = match (&entry.state, slot.pending.get()) {
            (_, true) => msg!("action-sending"),
            (Sending::InFlight, false) => msg!("outbox-not-confirmed"),
            // The truth when no answer came: the server may have stored it.
            (Sending::Failed(_), false) if entry.may_have_arrived => msg!("outbox-maybe-not-sent"),
            (Sending::Failed(_), false) => msg!("outbox-not-sent"),
        };
        let state = move || text(i18n.lang(), state);
        Some(view! {
            <ol class="thread outbox-thread" aria-label=tr(msg!("outbox-label"))>
                <li class="message from-agent outbox-message" data-testid="outbox-message">
                    <div class="message-meta">
                        <span class="badge" data-testid="outbox-message-state">{state}</span>
                    </div>
                    <p class="message-body">{entry.preview}</p>
                </li>
            </ol>
        })
    }
}

/// The notice above the reply box. `pending`: a send is under way in this page.
#[component]
pub fn OutboxNotice(
    entry: RwSignal<Option<OutboxEntry>>,
    #[prop(into)] pending: Signal<bool>,
    /// Whether the reason of a failure is shown beside (the reply box's error panel, with
    /// its trace id); after a reload only the outbox remembers it.
    #[prop(into)]
    reason_shown: Signal<bool>,
    on_retry: Callback<()>,
    on_discard: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let current = entry.get()?;
        let lang = i18n.lang();
        let preview = text_with(
            lang,
            msg!("outbox-quoted-preview"),
            &Args::new().str("text", current.preview.clone()),
        );
        let (class, said) = match (&current.state, pending.get()) {
            (_, true) => ("outbox sending", text(lang, msg!("outbox-sending"))),
            (Sending::InFlight, false) => {
                ("outbox unconfirmed", text(lang, msg!("outbox-unconfirmed")))
            }
            // The reason is beside, in the reply box's panel: said once there.
            (Sending::Failed(_), false) if reason_shown.get() => {
                ("outbox failed", text(lang, msg!("outbox-retry-hint")))
            }
            (Sending::Failed(reason), false) if current.may_have_arrived => (
                "outbox failed",
                text_with(
                    lang,
                    msg!("outbox-maybe-not-sent-because"),
                    &Args::new().str("reason", reason.clone()),
                ),
            ),
            (Sending::Failed(reason), false) => (
                "outbox failed",
                text_with(
                    lang,
                    msg!("outbox-not-sent-because"),
                    &Args::new().str("reason", reason.clone()),
                ),
            ),
        };
        let settled = !pending.get();
        Some(view! {
            <div class=format!("notice {class}") role="status" data-testid="outbox-entry">
                <p data-testid="outbox-state">{said}</p>
                <p class="outbox-preview">{preview}</p>
                {settled.then(|| view! {
                    <div class="button-row">
                        <button class="button" type="button" data-testid="outbox-retry" on:click=move |_| on_retry.run(())>
                            {tr(msg!("outbox-action-retry"))}
                        </button>
                        <button class="button ghost" type="button" data-testid="outbox-discard" on:click=move |_| on_discard.run(())>
                            {tr(msg!("outbox-action-discard"))}
                        </button>
                    </div>
                })}
            </div>
        })
    }
}
