//! The rows an agent picked for a bulk action (`docs/bulk.md`): picked one by one (a click
//! on a row's box, `x`), as a range (shift-click, shift plus arrows), or "all in this view",
//! which means the rows not loaded yet too and is kept as that rather than as keys, so
//! selecting five thousand is one change, not five thousand. A selection belongs to its
//! view: another view starts with none. The bar that acts on it arrives on first use
//! (`bulk`, a part of its own).

use crate::state::InboxRows;
use leptos::prelude::*;
use std::collections::HashSet;
use switchboard_core::bulk::range;
use switchboard_core::domain::ConversationKey;

/// What is picked.
#[derive(Clone, Copy)]
pub struct Selection {
    picked: RwSignal<HashSet<ConversationKey>>,
    /// Every conversation of the view, loaded or not (the keys above are then unused).
    all: RwSignal<bool>,
    /// Where the last pick was: a shift-click's range starts there.
    anchor: StoredValue<Option<ConversationKey>>,
    /// The rows the list shows (indices into the inbox, in order): what a range and "all"
    /// mean.
    shown: StoredValue<Option<(InboxRows, Signal<Vec<usize>>)>>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            picked: RwSignal::new(HashSet::new()),
            all: RwSignal::new(false),
            anchor: StoredValue::new(None),
            shown: StoredValue::new(None),
        }
    }
}

impl Selection {
    /// The list says what it shows, in order.
    pub fn list_shows(&self, rows: InboxRows, shown: Signal<Vec<usize>>) {
        self.shown.set_value(Some((rows, shown)));
    }

    fn shown_now(&self) -> Vec<ConversationKey> {
        let Some((rows, shown)) = self.shown.get_value() else {
            return Vec::new();
        };
        shown.with_untracked(|shown| {
            rows.0.with_untracked(|inbox| {
                shown
                    .iter()
                    .filter_map(|&i| inbox.conversations.get(i).map(|c| c.key.clone()))
                    .collect()
            })
        })
    }

    /// Whether `key` is picked (tracked).
    pub fn is_picked(&self, key: &ConversationKey) -> bool {
        self.all.get() || self.picked.with(|p| p.contains(key))
    }

    /// Whether `key` is picked, as it is now.
    pub fn is_picked_untracked(&self, key: &ConversationKey) -> bool {
        self.all.get_untracked() || self.picked.with_untracked(|p| p.contains(key))
    }

    /// Whether every conversation of the view is (tracked).
    pub fn is_all(&self) -> bool {
        self.all.get()
    }

    /// Whether anything is picked (tracked).
    pub fn is_empty(&self) -> bool {
        !self.all.get() && self.picked.with(HashSet::is_empty)
    }

    /// How many were picked one by one (tracked).
    pub fn count(&self) -> usize {
        self.picked.with(HashSet::len)
    }

    /// How many rows the list shows (tracked): what "all" counts while loaded.
    pub fn shown_len(&self) -> usize {
        self.shown
            .get_value()
            .map_or(0, |(_, shown)| shown.with(Vec::len))
    }

    /// The keys picked one by one, as they are now.
    pub fn picked_untracked(&self) -> HashSet<ConversationKey> {
        self.picked.get_untracked()
    }

    /// Whether "all in this view" is picked, as it is now.
    pub fn is_all_untracked(&self) -> bool {
        self.all.get_untracked()
    }

    /// The rows the list shows now (indices into the inbox), in order.
    pub fn shown_indices_untracked(&self) -> Vec<usize> {
        self.shown
            .get_value()
            .map(|(_, shown)| shown.get_untracked())
            .unwrap_or_default()
    }

    /// Picks or unpicks one row; it becomes where a range starts.
    pub fn toggle(&self, key: &ConversationKey) {
        if self.all.get_untracked() {
            // "All" made explicit, minus this one: only the rows loaded can be named.
            let mut keys: HashSet<_> = self.shown_now().into_iter().collect();
            keys.remove(key);
            self.all.set(false);
            self.picked.set(keys);
        } else {
            self.picked.update(|p| {
                if !p.remove(key) {
                    p.insert(key.clone());
                }
            });
        }
        self.anchor.set_value(Some(key.clone()));
    }

    /// Picks every row from where the last pick was to `key` (a shift-click).
    pub fn extend_to(&self, key: &ConversationKey) {
        let shown = self.shown_now();
        let anchor = self.anchor.get_value();
        let between = range(&shown, anchor.as_ref(), key);
        self.picked.update(|p| p.extend(between.iter().cloned()));
        if anchor.is_none() {
            self.anchor.set_value(Some(key.clone()));
        }
    }

    /// Every conversation of the view, those not loaded yet too.
    pub fn pick_all(&self) {
        self.all.set(true);
    }

    pub fn clear(&self) {
        self.all.set(false);
        self.picked.update(HashSet::clear);
        self.anchor.set_value(None);
    }
}
