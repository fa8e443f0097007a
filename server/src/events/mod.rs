//! Changes pushed to the consoles, not polled: every write that changes a conversation of
//! any backend (through Switchboard, embedded or forwarded) is recorded as an event
//! (`store::events`), and each console's stream (`GET /api/events`, [`stream`]) sends it
//! on at once. The console then asks that backend again and updates its rows in place.
//!
//! Which writes change what is declared once per dialect ([`Change`], beside its routes),
//! and one layer ([`record`]) records them after a successful answer, whatever the mode.
//! The streams of this instance are woken by the [`Hub`]; on PostgreSQL, the other
//! instances' commits reach it through `LISTEN`/`NOTIFY` (`store::postgres::listen`).

pub mod stream;
pub mod watch;

use crate::store::{events, Store};
use crate::upstream::routes::{matches, placeholder};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use chrono::Utc;
use std::sync::Arc;
use switchboard_core::wire::format_instant;
use tokio::sync::watch as signal;

pub use switchboard_core::directory::EVENTS_PATH;

/// Events older than this are swept; a console asleep longer is told to reload its lists.
pub const KEPT_FOR: chrono::Duration = chrono::Duration::hours(24);

/// What a change did to a conversation, in the words the stream sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Created,
    Message,
    Status,
    Assignment,
    Read,
    /// Anything else a write may change (a phone number, a customer's name).
    Changed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Created => "created",
            Kind::Message => "message",
            Kind::Status => "status",
            Kind::Assignment => "assignment",
            Kind::Read => "read",
            Kind::Changed => "changed",
        }
    }
}

/// Where a change's conversation is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// By the path's `n`th `{}`.
    Path(usize),
    /// By the last segment of the answer's `Location` (a create).
    Location,
    /// Nowhere the layer can read (a body, a customer's token): the console asks the
    /// backend's first page again.
    Unnamed,
}

/// One write of a dialect that changes a conversation: `method` on `template` (under the
/// dialect's base path, `{}` for one segment).
#[derive(Clone, Copy, Debug)]
pub struct Change {
    pub method: &'static str,
    pub template: &'static str,
    pub kind: Kind,
    pub item: Item,
}

/// Wakes this instance's streams when something was recorded.
#[derive(Clone)]
pub struct Hub {
    sender: Arc<signal::Sender<u64>>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            sender: Arc::new(signal::channel(0).0),
        }
    }
}

impl Hub {
    pub fn wake(&self) {
        self.sender
            .send_modify(|count| *count = count.wrapping_add(1));
    }

    pub fn subscribe(&self) -> signal::Receiver<u64> {
        self.sender.subscribe()
    }
}

/// What the recording layer of one dialect needs.
#[derive(Clone)]
pub struct Recording {
    pub store: Store,
    pub hub: Hub,
    pub backend: &'static str,
    pub base_path: &'static str,
    pub changes: &'static [Change],
}

impl Recording {
    /// The change `method` on `path` makes, if it is one of the dialect's.
    fn change_of(&self, method: &str, path: &str) -> Option<(Change, Option<String>)> {
        let under = path.strip_prefix(self.base_path)?;
        self.changes
            .iter()
            .filter(|change| change.method.eq_ignore_ascii_case(method))
            .find_map(|change| {
                let item = match change.item {
                    Item::Path(n) => Some(placeholder(change.template, under, n)?),
                    Item::Location | Item::Unnamed if matches(change.template, under) => None,
                    Item::Location | Item::Unnamed => return None,
                };
                Some((*change, item))
            })
    }
}

/// The console a request comes from, as it names itself in `CLIENT_HEADER` (1 to 64
/// letters, digits and dashes; anything else is not kept). Switchboard's own routes
/// record their changes with it too.
pub fn origin_in(headers: &axum::http::HeaderMap) -> Option<String> {
    let value = headers.get(switchboard_core::directory::CLIENT_HEADER)?;
    let value = value.to_str().ok()?;
    let fits = (1..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    fits.then(|| value.to_owned())
}

/// The last segment of a `Location`, percent-decoded: a created item's id.
fn created_id(response: &Response) -> Option<String> {
    let location = response
        .headers()
        .get(axum::http::header::LOCATION)?
        .to_str()
        .ok()?;
    let last = location
        .split(['?', '#'])
        .next()?
        .trim_end_matches('/')
        .rsplit('/')
        .next()?;
    let decoded = percent_encoding::percent_decode_str(last)
        .decode_utf8()
        .ok()?;
    (!decoded.is_empty()).then(|| decoded.into_owned())
}

/// Records the change a successful write made, after its answer is ready and before it
/// leaves: the console that wrote gets its own event too, which is harmless (it asks
/// again what it already shows). A failure to record is logged, never the write's.
pub async fn record(State(recording): State<Recording>, request: Request, next: Next) -> Response {
    let change = recording.change_of(request.method().as_str(), request.uri().path());
    let origin = origin_in(request.headers());
    let response = next.run(request).await;
    let Some((change, item)) = change else {
        return response;
    };
    if !response.status().is_success() {
        return response;
    }
    let item = match change.item {
        Item::Location => created_id(&response),
        _ => item,
    };
    let (backend, kind) = (recording.backend, change.kind.as_str());
    let now = Utc::now();
    let (at, swept_before) = (format_instant(now), format_instant(now - KEPT_FOR));
    let written = recording
        .store
        .run(move |conn| {
            let change = events::Change {
                backend,
                item: item.as_deref(),
                kind,
                origin: origin.as_deref(),
            };
            let id = events::record(conn, change, &at)?;
            // Now and then, the old ones go: a sweep per few hundred changes.
            if id % 256 == 0 {
                events::sweep(conn, &swept_before)?;
            }
            Ok::<_, crate::store::StoreError>(id)
        })
        .await;
    match written {
        Ok(_) => recording.hub.wake(),
        Err(error) => {
            tracing::warn!(backend, kind, %error, "a change could not be recorded for the consoles")
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHANGES: &[Change] = &[
        Change {
            method: "POST",
            template: "/conversations",
            kind: Kind::Created,
            item: Item::Location,
        },
        Change {
            method: "POST",
            template: "/conversations/{}/messages",
            kind: Kind::Message,
            item: Item::Path(0),
        },
        Change {
            method: "PATCH",
            template: "/messages/{}",
            kind: Kind::Read,
            item: Item::Unnamed,
        },
    ];

    fn recording() -> Recording {
        Recording {
            store: Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY),
            hub: Hub::default(),
            backend: "communication",
            base_path: "/communication/v1",
            changes: CHANGES,
        }
    }

    #[test]
    fn a_write_is_known_by_its_method_and_path_and_names_its_conversation_when_it_can() {
        let recording = recording();
        let of = |method, path| {
            recording
                .change_of(method, path)
                .map(|(c, item)| (c.kind, item))
        };
        assert_eq!(
            of("POST", "/communication/v1/conversations/c-1/messages"),
            Some((Kind::Message, Some("c-1".to_owned())))
        );
        assert_eq!(
            of("GET", "/communication/v1/conversations/c-1/messages"),
            None
        );
        assert_eq!(
            of("POST", "/communication/v1/conversations"),
            Some((Kind::Created, None))
        );
        assert_eq!(
            of("PATCH", "/communication/v1/messages/m-1"),
            Some((Kind::Read, None))
        );
        assert_eq!(of("POST", "/octopia/conversations/c-1/messages"), None);
    }

    #[test]
    fn a_created_item_is_named_by_its_location() {
        let response = Response::builder()
            .header("location", "/communication/v1/conversations/c%2042?x=1")
            .body(axum::body::Body::empty())
            .unwrap();
        assert_eq!(created_id(&response).as_deref(), Some("c 42"));
    }
}
