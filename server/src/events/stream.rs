//! `GET /api/events`: one console's stream of changes (Server-Sent Events), for signed-in
//! agents only (the gate closes it like every `/api` route).
//!
//! Each event carries its number as its SSE `id`, so a console that lost the stream
//! (asleep, offline, its instance restarted) reconnects anywhere with `Last-Event-ID` and
//! gets what it missed, in order; when what it missed is no longer kept, it is told to
//! reload its lists (`event: reset`). A new stream starts from now with `event: ready`.
//! Streams end after a few minutes, so the browser reconnects and the session is checked
//! again; the browser does that by itself, with the last id.

use crate::store::{events, Store, StoreError};
use crate::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use serde_json::json;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::Instant;

/// How long one stream lasts before the browser is made to reconnect (and the session is
/// checked again).
const STREAM_LIFETIME: Duration = Duration::from_secs(10 * 60);

/// What the browser waits before reconnecting a stream that ended, in milliseconds.
const RECONNECT_MS: u64 = 2_000;

/// How often a quiet stream looks at the table anyway: what no wake-up announced (another
/// process on the same SQLite file, a moment the PostgreSQL listener was reconnecting)
/// arrives within this.
const RECHECK: Duration = Duration::from_secs(5);

/// At most this many events are read at once.
const BATCH: u32 = 500;

struct Listening {
    store: Store,
    woken: watch::Receiver<u64>,
    last: i64,
    pending: VecDeque<Event>,
    ends_at: Instant,
}

pub async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let asked_after = headers
        .get("last-event-id")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<i64>().ok())
        .filter(|id| *id >= 0);
    let (last, first) = match start(&state.store, asked_after).await {
        Ok(start) => start,
        // The stream ends at once; the browser tries again shortly.
        Err(_) => (i64::MAX, None),
    };
    let listening = Listening {
        store: state.store.clone(),
        woken: state.events.subscribe(),
        last,
        pending: first.into_iter().collect(),
        ends_at: Instant::now() + STREAM_LIFETIME,
    };
    let stream = stream::unfold(listening, next).map(Ok::<_, Infallible>);
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Where a stream starts, and what it says first: `ready` from now, `reset` when the
/// events after `Last-Event-ID` are no longer all kept, nothing when they are (they follow).
async fn start(store: &Store, after: Option<i64>) -> Result<(i64, Option<Event>), StoreError> {
    let bounds = store.run(events::bounds).await?;
    let newest = bounds.map_or(0, |(_, newest)| newest);
    let kept_from = bounds.map_or(1, |(oldest, _)| oldest);
    let ready = |name: &str| {
        Event::default()
            .event(name)
            .id(newest.to_string())
            .retry(Duration::from_millis(RECONNECT_MS))
            .data("{}")
    };
    Ok(match after {
        None => (newest, Some(ready("ready"))),
        // Missed events were swept, or the number is from another database.
        Some(after) if after + 1 < kept_from || after > newest => (newest, Some(ready("reset"))),
        Some(after) => (after, None),
    })
}

async fn next(mut listening: Listening) -> Option<(Event, Listening)> {
    loop {
        if let Some(event) = listening.pending.pop_front() {
            return Some((event, listening));
        }
        if listening.last == i64::MAX || Instant::now() >= listening.ends_at {
            return None;
        }
        // Mark what is there now as seen before reading, so a change recorded while the
        // read runs wakes the loop again.
        listening.woken.borrow_and_update();
        let last = listening.last;
        let found = listening
            .store
            .run(move |conn| events::after(conn, last, BATCH))
            .await
            .ok()?;
        if let Some(newest) = found.last() {
            listening.last = newest.id;
            listening.pending.extend(found.into_iter().map(as_event));
            continue;
        }
        let ends_at = listening.ends_at;
        tokio::select! {
            changed = listening.woken.changed() => changed.ok()?,
            () = tokio::time::sleep(RECHECK) => {}
            () = tokio::time::sleep_until(ends_at) => return None,
        }
    }
}

fn as_event(record: events::EventRecord) -> Event {
    Event::default()
        .event("change")
        .id(record.id.to_string())
        .data(
            json!({
                "backend": record.backend,
                "item": record.item,
                "kind": record.kind,
                "origin": record.origin,
                "at": record.at,
            })
            .to_string(),
        )
}
