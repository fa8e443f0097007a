//! What changes at a forwarded vendor without passing through Switchboard (a customer
//! writing at the marketplace) is found by the server, once for the whole team: one
//! instance at a time (a lease in the database) reads the backend's first page from its
//! vendor every few seconds and records a `changed` event for each conversation that
//! appeared or differs from the last read. The consoles then stop polling that vendor
//! (discovery marks the backend `pushed`) and ask it only when told.
//!
//! The first read after taking the job only learns the page: what changed in between is
//! caught by the consoles' own safety-net polling.

use super::Hub;
use crate::store::{events, leases, Store, StoreError};
use crate::upstream::{Call, Upstream};
use chrono::Utc;
use serde_json::Value;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;
use switchboard_core::wire::format_instant;

/// A backend's list, as its vendor's document reads it: where it is, and where in the
/// answer its items and their ids are.
#[derive(Clone, Copy, Debug)]
pub struct Watch {
    /// Under the vendor's base, with its query (the first page, large enough).
    pub path: &'static str,
    pub query: Option<&'static str>,
    /// A JSON pointer to the array of items in the answer.
    pub items: &'static str,
    /// Each item's id field.
    pub id: &'static str,
}

/// One backend's watcher.
pub struct Watcher {
    pub store: Store,
    pub hub: Hub,
    pub upstream: Arc<Upstream>,
    pub backend: &'static str,
    pub watch: Watch,
    pub every: Duration,
    /// This instance, as the lease names its holder.
    pub holder: String,
}

impl Watcher {
    /// Reads and compares every `every`, for as long as the runtime lives.
    pub async fn run(self) {
        let mut seen: Option<HashMap<String, u64>> = None;
        // When the page was last read: a change announced since then by a write through
        // Switchboard is not announced twice.
        let mut read_at = format_instant(Utc::now());
        let mut ticks = tokio::time::interval(self.every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            ticks.tick().await;
            match self.holds_the_job().await {
                Ok(true) => {}
                Ok(false) => {
                    seen = None;
                    continue;
                }
                Err(error) => {
                    tracing::warn!(backend = self.backend, %error, "cannot take the watch's lease");
                    continue;
                }
            }
            let reading_at = format_instant(Utc::now());
            let now = match self.read().await {
                Ok(now) => now,
                Err(why) => {
                    tracing::warn!(backend = self.backend, why, "cannot read the vendor's list");
                    continue;
                }
            };
            if let Some(before) = &seen {
                let changed = changed_items(before, &now);
                if !changed.is_empty() {
                    self.publish(changed, read_at.clone()).await;
                }
            }
            seen = Some(now);
            read_at = reading_at;
        }
    }

    async fn holds_the_job(&self) -> Result<bool, StoreError> {
        let now = Utc::now();
        let lasts =
            chrono::Duration::from_std(self.every * 3).unwrap_or(chrono::Duration::seconds(30));
        let (name, holder) = (format!("watch:{}", self.backend), self.holder.clone());
        let (at, until) = (format_instant(now), format_instant(now + lasts));
        self.store
            .run(move |conn| leases::take(conn, &name, &holder, &at, &until))
            .await
    }

    /// The first page's items, by id, each with a fingerprint of its whole JSON.
    async fn read(&self) -> Result<HashMap<String, u64>, String> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT,
            "application/json".parse().map_err(|_| "accept")?,
        );
        let call = Call {
            method: reqwest::Method::GET,
            path: self.watch.path.to_owned(),
            query: self.watch.query.map(str::to_owned),
            headers,
            correlation_id: uuid::Uuid::new_v4().to_string(),
        };
        let answer = self
            .upstream
            .fetch_whole(&call)
            .await
            .map_err(|e| e.to_string())?;
        if !answer.status.is_success() {
            return Err(format!("the vendor answered {}", answer.status));
        }
        let body: Value = serde_json::from_slice(&answer.body).map_err(|e| e.to_string())?;
        Ok(fingerprints(&body, self.watch))
    }

    async fn publish(&self, changed: Vec<String>, since: String) {
        let (backend, at) = (self.backend, format_instant(Utc::now()));
        let written = self
            .store
            .run(move |conn| {
                for item in &changed {
                    if events::announced_since(conn, backend, item, &since)? {
                        continue;
                    }
                    let change = events::Change {
                        backend,
                        item: Some(item),
                        kind: "changed",
                        origin: None,
                    };
                    events::record(conn, change, &at)?;
                }
                Ok::<_, StoreError>(())
            })
            .await;
        match written {
            Ok(()) => self.hub.wake(),
            Err(error) => {
                tracing::warn!(backend, %error, "a vendor's changes could not be recorded")
            }
        }
    }
}

/// Each item of the answer with an id, by id (a number read as its text); items without
/// one are skipped, never the whole list.
fn fingerprints(body: &Value, watch: Watch) -> HashMap<String, u64> {
    let items = body.pointer(watch.items).and_then(Value::as_array);
    items
        .into_iter()
        .flatten()
        .filter_map(|item| {
            let id = match item.get(watch.id)? {
                Value::String(id) if !id.is_empty() => id.clone(),
                Value::Number(id) => id.to_string(),
                _ => return None,
            };
            let mut hasher = DefaultHasher::new();
            item.to_string().hash(&mut hasher);
            Some((id, hasher.finish()))
        })
        .collect()
}

/// The ids that appeared or whose fingerprint differs, in a stable order.
fn changed_items(before: &HashMap<String, u64>, now: &HashMap<String, u64>) -> Vec<String> {
    let mut changed: Vec<String> = now
        .iter()
        .filter(|(id, print)| before.get(*id) != Some(print))
        .map(|(id, _)| id.clone())
        .collect();
    changed.sort();
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const WATCH: Watch = Watch {
        path: "/conversations",
        query: None,
        items: "/content",
        id: "id",
    };

    #[test]
    fn a_new_or_changed_item_is_found_and_a_row_without_an_id_is_skipped() {
        let before = fingerprints(
            &json!({"content": [{"id": "a", "status": "OPEN"}, {"id": "b"}, {"nothing": 1}]}),
            WATCH,
        );
        assert_eq!(before.len(), 2);
        let now = fingerprints(
            &json!({"content": [{"id": "a", "status": "CLOSED"}, {"id": "b"}, {"id": 7}]}),
            WATCH,
        );
        assert_eq!(changed_items(&before, &now), ["7", "a"]);
        assert!(changed_items(&now, &now).is_empty());
        assert!(fingerprints(&json!({"content": null}), WATCH).is_empty());
        assert!(fingerprints(&json!([1, 2]), WATCH).is_empty());
    }
}
