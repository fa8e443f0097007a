//! The inbox stays live without a reload: each backend's first page is asked again on its
//! own schedule, with backoff after failures and jitter so that backends and tabs do not
//! ask in step; nothing is asked while the tab is hidden, and everything is asked at once
//! when it shows again or the network comes back (`visibilitychange`, `online`).
//!
//! What comes back is merged into the rows shown ([`Inbox::take_fresh`]): new rows come
//! in by activity, changed rows change in place, pages loaded further down stay. A
//! backend that fails keeps its rows, marked stale with the reason, and comes back on its
//! own. The banner says when the console is offline or reconnecting, and when it is live
//! again; the tab's title carries the unread count.
//!
//! When the server's event stream is open ([`super::stream`]), a change wakes its
//! backend's poller at once, and backends whose every change the server sees (`pushed` in
//! discovery) are otherwise asked only every minute, as a safety net (unless the server
//! set their schedule).

use crate::connectors::{asked, Inbox};
use crate::i18n::{use_i18n, Args};
use crate::state::{DirectoryResource, InboxRows};
use futures::channel::oneshot;
use futures::future::select;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use switchboard_core::domain::InboxQuery;
use switchboard_core::i18n::{text, text_with};

/// How often each backend is asked when all is well, and at most after failures, in ms.
/// Discovery may set the first per backend (`pollSeconds`); a test may provide its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LivePolicy {
    pub every_ms: u32,
    pub at_most_ms: u32,
}

impl Default for LivePolicy {
    fn default() -> Self {
        LivePolicy {
            every_ms: 10_000,
            at_most_ms: 120_000,
        }
    }
}

impl LivePolicy {
    /// The wait after `failures` failures in a row: doubled each time up to the ceiling,
    /// then spread by ±20 % (`spread` in [0, 1)) so that pollers drift apart.
    pub fn delay_ms(&self, failures: u32, spread: f64) -> u32 {
        let base = u64::from(self.every_ms) << failures.min(16);
        let base = base.min(u64::from(self.at_most_ms.max(self.every_ms))) as f64;
        (base * (0.8 + 0.4 * spread.clamp(0.0, 1.0))).round() as u32
    }
}

/// How often a pushed backend is asked while the event stream is open, in ms: only a
/// safety net, the stream brings its changes.
pub const PUSHED_EVERY_MS: u32 = 60_000;

/// Where the console's stream stands, for the pollers and the banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Not listening (a widget or a test page without the console).
    Off,
    Connecting,
    Open,
    /// Refused or broken: polling alone keeps the inbox live.
    Unavailable,
}

/// How the console's link to its backends stands, for the banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    Live,
    /// The browser says it has no network.
    Offline,
    /// Every backend's last ask failed: asking again.
    Reconnecting,
    /// Back after being offline or reconnecting (said for a few seconds).
    LiveAgain,
}

/// A sleeping poller's backend, and what wakes it.
type Waker = (String, oneshot::Sender<()>);

/// Shared by the poller, the banner and the title.
#[derive(Clone, Copy)]
pub struct LiveState {
    pub link: RwSignal<Link>,
    /// The server's event stream, when the console listens to it.
    pub stream: RwSignal<Stream>,
    /// Each sleeping poller's waker, with its backend's name.
    wakers: StoredValue<Rc<RefCell<Vec<Waker>>>, LocalStorage>,
    /// Backends changed while their poller was not asleep but asking them: its answer may
    /// be from before the change, so its next sleep ends at once.
    missed: StoredValue<HashSet<String>>,
    /// Whether each backend's last ask was answered.
    answers: StoredValue<HashMap<String, bool>>,
}

impl LiveState {
    fn new() -> Self {
        LiveState {
            link: RwSignal::new(Link::Live),
            stream: RwSignal::new(Stream::Off),
            wakers: StoredValue::new_local(Rc::default()),
            missed: StoredValue::new(HashSet::new()),
            answers: StoredValue::new(HashMap::new()),
        }
    }

    fn answered(&self, backend: &str, ok: bool) {
        self.answers.try_update_value(|a| {
            a.insert(backend.to_owned(), ok);
        });
    }

    /// Asks every poller now.
    pub fn wake(&self) {
        if let Some(wakers) = self.wakers.try_get_value() {
            for (_, waker) in wakers.borrow_mut().drain(..) {
                let _ = waker.send(());
            }
        }
    }

    /// Asks `backend`'s poller now (a change the server pushed).
    pub fn wake_backend(&self, backend: &str) {
        if let Some(wakers) = self.wakers.try_get_value() {
            let mut wakers = wakers.borrow_mut();
            let (woken, sleeping): (Vec<_>, _) =
                wakers.drain(..).partition(|(name, _)| name == backend);
            *wakers = sleeping;
            // A waker whose sleep ended on time is still listed, but nobody hears it.
            let heard = woken
                .into_iter()
                .map(|(_, waker)| waker.send(()))
                .filter(Result::is_ok)
                .count();
            if heard == 0 {
                self.missed
                    .try_update_value(|missed| missed.insert(backend.to_owned()));
            }
        }
    }

    /// Waits `ms`, or until `backend`'s poller is woken; not at all if `backend` changed
    /// while its poller was asking it.
    pub async fn sleep(&self, backend: &str, ms: u32) {
        if self
            .missed
            .try_update_value(|missed| missed.remove(backend))
            .unwrap_or(false)
        {
            return;
        }
        let (tx, rx) = oneshot::channel();
        if let Some(wakers) = self.wakers.try_get_value() {
            let mut wakers = wakers.borrow_mut();
            // Those of sleeps that ended on time go.
            wakers.retain(|(_, waker)| !waker.is_canceled());
            wakers.push((backend.to_owned(), tx));
        }
        let _ = select(TimeoutFuture::new(ms), rx).await;
    }
}

/// The console's live state, listening to the page's visibility and network; provided
/// once by the console.
pub fn provide_live_state() -> LiveState {
    let state = LiveState::new();
    let online = window_event_listener(leptos::ev::online, move |_| {
        state.link.set(Link::Reconnecting);
        state.wake();
    });
    let offline = window_event_listener(leptos::ev::offline, move |_| {
        state.link.set(Link::Offline);
    });
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            state.wake();
        }
    });
    on_cleanup(move || {
        online.remove();
        offline.remove();
        shown.remove();
    });
    if !window().navigator().on_line() {
        state.link.set(Link::Offline);
    }
    provide_context(state);
    state
}

/// Polls every backend the view asks, each on its own loop, for as long as the calling
/// component lives. Without a [`LiveState`] in context (a widget mounted alone) it does
/// nothing.
pub fn poll_backends(rows: InboxRows, query: Memo<InboxQuery>) {
    let Some(state) = use_context::<LiveState>() else {
        return;
    };
    let policy = use_context::<LivePolicy>().unwrap_or_default();
    let directory = expect_context::<DirectoryResource>();
    // Each loop ends when this owner is gone (its stored value with it).
    let alive = StoredValue::new(());
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(Ok(directory)) = directory.get() else {
            return;
        };
        if started.get_value() {
            return;
        }
        started.set_value(true);
        for connector in directory.connectors.clone() {
            // The server may say how often to ask each backend; the console's own else.
            let policy = match directory
                .backend(connector.name())
                .and_then(|b| b.poll_seconds)
            {
                Some(secs) => LivePolicy {
                    every_ms: secs.saturating_mul(1_000),
                    ..policy
                },
                None => policy,
            };
            // Pushed changes make the console's own schedule a safety net; a schedule the
            // server set (`pollSeconds`) is kept as it is.
            let pushed = directory
                .backend(connector.name())
                .is_some_and(|backend| backend.pushed && backend.poll_seconds.is_none());
            leptos::task::spawn_local(async move {
                let name = connector.name().to_owned();
                let mut failures = 0;
                loop {
                    let mut wait = policy.delay_ms(failures, js_sys::Math::random());
                    if pushed && failures == 0 && state.stream.get_untracked() == Stream::Open {
                        wait = wait.max(PUSHED_EVERY_MS);
                    }
                    state.sleep(&name, wait).await;
                    if alive.try_get_value().is_none() {
                        return;
                    }
                    if document().hidden() || state.link.get_untracked() == Link::Offline {
                        continue;
                    }
                    let Some(asking) = query.try_get_untracked() else {
                        return;
                    };
                    if asked(std::slice::from_ref(&connector), &asking).is_empty() {
                        continue;
                    }
                    let result = connector.list_conversations(&asking, None).await;
                    failures = if result.is_ok() { 0 } else { failures + 1 };
                    // The view may have changed while this was asked: the answer is stale.
                    if query.try_get_untracked().as_ref() != Some(&asking) {
                        continue;
                    }
                    state.answered(&name, failures == 0);
                    let changed = rows
                        .0
                        .try_update_untracked(|inbox| inbox.take_fresh(&name, result));
                    if changed == Some(true) {
                        rows.0.notify();
                    }
                    settle_link(state);
                }
            });
        }
    });
}

/// After an answer: reconnecting while every backend fails, live again when one answers.
fn settle_link(state: LiveState) {
    let all_failing = state
        .answers
        .try_with_value(|a| !a.is_empty() && a.values().all(|ok| !ok))
        .unwrap_or(false);
    let now = state.link.get_untracked();
    let next = match (now, all_failing) {
        (Link::Offline, _) => return,
        (_, true) => Link::Reconnecting,
        (Link::Reconnecting, false) => Link::LiveAgain,
        (other, false) => other,
    };
    if next != now {
        state.link.set(next);
    }
    if next == Link::LiveAgain {
        leptos::task::spawn_local(async move {
            TimeoutFuture::new(4_000).await;
            if state.link.try_get_untracked() == Some(Link::LiveAgain) {
                state.link.try_set(Link::Live);
            }
        });
    }
}

/// Says when the console is offline, reconnecting, live again, or without the server's
/// stream (polling instead); silent when all is well.
#[component]
pub fn LiveBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_context::<LiveState>();
    let said = move || match state.map(|s| s.link.get()) {
        Some(Link::Offline) => Some(("offline", msg!("live-offline"))),
        Some(Link::Reconnecting) => Some(("reconnecting", msg!("live-reconnecting"))),
        Some(Link::LiveAgain) => Some(("live-again", msg!("live-back"))),
        Some(Link::Live) if state.is_some_and(|s| s.stream.get() == Stream::Unavailable) => {
            Some(("polling", msg!("live-polling")))
        }
        _ => None,
    };
    view! {
        <div
            class="live-banner-slot"
            role="status"
            aria-live="polite"
            data-stream=move || match state.map(|s| s.stream.get()) {
                Some(Stream::Open) => "open",
                Some(Stream::Connecting) => "connecting",
                Some(Stream::Unavailable) => "unavailable",
                _ => "off",
            }
        >
            {move || said().map(|(token, id)| view! {
                <p class=format!("live-banner {token}") data-testid="live-banner" data-link=token>
                    {move || text(i18n.lang(), id)}
                </p>
            })}
        </div>
    }
}

/// Keeps the tab's title as "(3) Switchboard" while three loaded conversations are unread,
/// and says how many are overdue first when any is: "2 overdue · (3) Switchboard".
pub fn counts_in_title(rows: InboxRows, overdue: Signal<usize>) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let unread = rows.0.with(Inbox::unread_count);
        let overdue = overdue.get();
        let mut title = match unread {
            0 => "Switchboard".to_owned(),
            n => format!("({n}) Switchboard"),
        };
        if overdue > 0 {
            let args = Args::new().num("count", overdue);
            let said = text_with(i18n.lang(), msg!("title-overdue"), &args);
            title = format!("{said} · {title}");
        }
        document().set_title(&title);
    });
    on_cleanup(|| document().set_title("Switchboard"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_the_ceiling_and_spread() {
        let policy = LivePolicy {
            every_ms: 1_000,
            at_most_ms: 8_000,
        };
        assert_eq!(policy.delay_ms(0, 0.5), 1_000);
        assert_eq!(policy.delay_ms(2, 0.5), 4_000);
        assert_eq!(policy.delay_ms(9, 0.5), 8_000);
        assert_eq!(policy.delay_ms(0, 0.0), 800);
        assert_eq!(policy.delay_ms(0, 0.999_999), 1_200);
        assert_eq!(policy.delay_ms(u32::MAX, 2.0), 9_600);
    }
}
