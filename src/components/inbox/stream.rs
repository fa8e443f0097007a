//! Changes pushed by the server (`GET /api/events`, Server-Sent Events): each `change`
//! names a backend, and that backend's poller asks again at once, so the row moves, the
//! count changes and the open thread gains its message without a reload. While the stream
//! is open, backends whose every change the server sees are asked only now and then, as a
//! safety net; when it is not, polling takes over and the banner says so.
//!
//! The browser reconnects a dropped stream by itself, sending the last event's id, so
//! nothing is missed; a stream the server refused (signed out, an old server) is tried
//! again after a while, and then every backend is asked once, for what came meanwhile.

use super::deadlines::NoAnswerMarks;
use super::labels::RowLabels;
use super::live::{LiveState, Stream};
use super::snooze::Snoozes;
use crate::state::{NoteChanges, PresenceChanges};
use leptos::prelude::*;
use serde::Deserialize;
use switchboard_core::deadlines::NO_ANSWER_CHANGE;
use switchboard_core::directory::EVENTS_PATH;
use switchboard_core::labels::LABELS_CHANGE;
use switchboard_core::notes::NOTE_CHANGE;
use switchboard_core::presence::PRESENCE_CHANGE;
use switchboard_core::snooze::SNOOZE_CHANGE;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// How long to wait before opening a stream the server closed, in ms.
const REOPEN_MS: u32 = 30_000;

/// What a `change` event says; the console needs its backend (the rest is for people
/// reading the stream).
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct ChangeEvent {
    pub backend: String,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    /// The console whose write it was.
    #[serde(default)]
    pub origin: Option<String>,
}

/// Reads a `change` event's data; `None` for anything else (never a panic on data).
pub fn parse_change(data: &str) -> Option<ChangeEvent> {
    serde_json::from_str(data).ok()
}

/// The listeners of one open stream, kept alive as long as it is.
struct Open {
    source: EventSource,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

/// Listens to the server's events for as long as the calling component lives.
pub fn listen_to_events(state: LiveState) {
    let current = StoredValue::new_local(None::<Open>);
    let heard = Heard {
        notes: use_context::<NoteChanges>(),
        presence: use_context::<PresenceChanges>(),
        marks: use_context::<NoAnswerMarks>(),
        snoozes: use_context::<Snoozes>(),
        labels: use_context::<RowLabels>(),
    };
    open(state, heard, current, false);
    on_cleanup(move || {
        if let Some(Some(open)) = current.try_update_value(Option::take) {
            open.source.close();
        }
    });
}

/// Where the changes that are Switchboard's own (not a backend's) go.
#[derive(Clone, Copy)]
struct Heard {
    notes: Option<NoteChanges>,
    presence: Option<PresenceChanges>,
    marks: Option<NoAnswerMarks>,
    snoozes: Option<Snoozes>,
    labels: Option<RowLabels>,
}

/// Opens a stream; `again` when one was closed before, so what came meanwhile is asked for
/// (the first stream starts with the lists just loaded).
fn open(
    state: LiveState,
    heard: Heard,
    current: StoredValue<Option<Open>, LocalStorage>,
    again: bool,
) {
    let Ok(source) = EventSource::new(EVENTS_PATH) else {
        state.stream.set(Stream::Unavailable);
        return;
    };
    state.stream.set(Stream::Connecting);
    let mut listeners = Vec::new();
    let mut on = |name: &str, handler: Box<dyn FnMut(web_sys::Event)>| {
        let closure = Closure::wrap(handler);
        let _ = source.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        listeners.push(closure);
    };
    // `ready` opens a new stream (after a closed one, what came meanwhile is unknown);
    // `reset` says what was missed is gone: ask every backend.
    on(
        "ready",
        Box::new(move |_| {
            state.stream.set(Stream::Open);
            if again {
                state.wake();
            }
        }),
    );
    on(
        "reset",
        Box::new(move |_| {
            state.stream.set(Stream::Open);
            state.wake();
        }),
    );
    on(
        "open",
        Box::new(move |_| {
            state.stream.set(Stream::Open);
        }),
    );
    on(
        "change",
        Box::new(move |event| {
            let data = event
                .dyn_ref::<MessageEvent>()
                .and_then(|message| message.data().as_string());
            // This console's own writes already changed its rows in place.
            let own = crate::connectors::http::this_console();
            if let Some(change) = data.as_deref().and_then(parse_change) {
                if change.origin.as_deref() != Some(own.as_str()) {
                    // Notes and presence are Switchboard's own: the backend has nothing new.
                    match (change.kind.as_deref(), change.item.as_deref()) {
                        (Some(NOTE_CHANGE), Some(item)) => {
                            if let Some(notes) = heard.notes {
                                notes.said(&change.backend, item);
                            }
                        }
                        (Some(NO_ANSWER_CHANGE), _) => {
                            if let Some(marks) = heard.marks {
                                marks.read(change.backend.clone());
                            }
                        }
                        (Some(SNOOZE_CHANGE), _) => {
                            if let Some(snoozes) = heard.snoozes {
                                snoozes.read(change.backend.clone());
                            }
                        }
                        (Some(LABELS_CHANGE), _) => {
                            if let Some(labels) = heard.labels {
                                labels.read(change.backend.clone());
                            }
                        }
                        (Some(PRESENCE_CHANGE), _) => {
                            if let Some(presence) = heard.presence {
                                presence.0.update(|n| *n += 1);
                            }
                        }
                        _ => state.wake_backend(&change.backend),
                    }
                }
            }
        }),
    );
    let source_for_errors = source.clone();
    on(
        "error",
        Box::new(move |_| {
            state.stream.set(Stream::Unavailable);
            // Closed for good (a refusal): try a new stream later. Otherwise the browser
            // is reconnecting by itself, with the last id.
            if source_for_errors.ready_state() == EventSource::CLOSED {
                leptos::task::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(REOPEN_MS).await;
                    if current.try_with_value(|_| ()).is_some() {
                        open(state, heard, current, true);
                    }
                });
            }
        }),
    );
    let previous = current.try_update_value(|slot| {
        slot.replace(Open {
            source,
            _listeners: listeners,
        })
    });
    if let Some(Some(previous)) = previous {
        previous.source.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_names_its_backend_and_anything_else_is_ignored() {
        let change =
            parse_change(r#"{"backend":"octopia","item":"d-1","kind":"message","at":"x"}"#);
        assert_eq!(
            change,
            Some(ChangeEvent {
                backend: "octopia".into(),
                item: Some("d-1".into()),
                kind: Some("message".into()),
                origin: None,
            })
        );
        let unnamed = parse_change(r#"{"backend":"communication","item":null,"kind":"whatever"}"#);
        assert_eq!(unnamed.map(|c| c.item), Some(None));
        assert_eq!(parse_change("{}"), None);
        assert_eq!(parse_change("not json"), None);
        assert_eq!(parse_change(r#"{"backend":42}"#), None);
    }
}
