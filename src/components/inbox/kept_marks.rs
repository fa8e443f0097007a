//! Switchboard's own marks on conversations ("No answer needed", snoozes), as the console
//! knows them: one per conversation, read for every backend when the console starts, read
//! again for a backend when the server says one of its marks changed (a colleague's), and
//! changed at once by this console's own. The list's rows and the open conversation read
//! the same marks, so they agree and stay live. A read answered after this console changed
//! a mark is older than that change for that conversation: it leaves it as it is.

use crate::state::{api_origin, DirectoryResource};
use leptos::prelude::*;
use std::collections::HashMap;
use std::future::Future;
use switchboard_core::domain::ConversationKey;
use switchboard_core::error::ApiError;

/// A mark the server keeps per conversation.
pub trait KeptMark: Clone + Send + Sync + 'static {
    /// The conversation it marks, in its backend.
    fn conversation_id(&self) -> &str;

    /// Every mark of `backend`, from the server at `origin`.
    fn read_backend(
        origin: String,
        backend: String,
    ) -> impl Future<Output = Result<Vec<Self>, ApiError>> + 'static;

    /// The mark of one conversation (none: it has none).
    fn read_one(
        origin: String,
        key: ConversationKey,
    ) -> impl Future<Output = Result<Option<Self>, ApiError>> + 'static;
}

/// Each marked conversation's mark.
pub struct KeptMarks<T: KeptMark> {
    marks: RwSignal<HashMap<ConversationKey, T>>,
    /// When this console last set each conversation's mark, on a clock of its own changes.
    written: StoredValue<Written>,
}

/// The clock of this console's own changes, and when each conversation last changed on it.
#[derive(Default)]
struct Written {
    clock: u64,
    at: HashMap<ConversationKey, u64>,
}

impl<T: KeptMark> Clone for KeptMarks<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: KeptMark> Copy for KeptMarks<T> {}

impl<T: KeptMark> KeptMarks<T> {
    /// Reads every backend's marks once the directory has come, and offers them to the
    /// console.
    pub fn provide(directory: DirectoryResource) -> KeptMarks<T> {
        let marks = KeptMarks::detached();
        provide_context(marks);
        Effect::new(move |read: Option<bool>| {
            if read == Some(true) {
                return true;
            }
            let Some(Ok(directory)) = directory.get() else {
                return false;
            };
            for connector in &directory.connectors {
                marks.read(connector.name().to_owned());
            }
            true
        });
        marks
    }

    /// Marks kept by one view alone (a test's, a page outside the console).
    pub fn detached() -> KeptMarks<T> {
        KeptMarks {
            marks: RwSignal::new(HashMap::new()),
            written: StoredValue::new(Written::default()),
        }
    }

    /// Now, on the clock of this console's own changes: what a read begun now is older than.
    fn now(self) -> u64 {
        self.written.try_with_value(|w| w.clock).unwrap_or(0)
    }

    /// Whether this console changed `key`'s mark after `since` (a read's start).
    fn changed_since(self, key: &ConversationKey, since: u64) -> bool {
        self.written
            .try_with_value(|w| w.at.get(key).is_some_and(|at| *at > since))
            .unwrap_or(false)
    }

    fn note_changed<'a>(self, keys: impl IntoIterator<Item = &'a ConversationKey>) {
        self.written.try_update_value(|w| {
            w.clock += 1;
            for key in keys {
                w.at.insert(key.clone(), w.clock);
            }
        });
    }

    /// Reads `backend`'s marks again (a colleague changed one).
    pub fn read(self, backend: String) {
        let origin = api_origin();
        let since = self.now();
        leptos::task::spawn_local(async move {
            // A failed read keeps what was known: the conversation can still be marked.
            if let Ok(read) = T::read_backend(origin, backend.clone()).await {
                let newer = |key: &ConversationKey| self.changed_since(key, since);
                // Told only when something changed: every row and count reads the marks,
                // and most backends have none when the console starts.
                self.marks.try_maybe_update(|marks| {
                    let before = marks.len();
                    marks.retain(|key, _| key.backend != backend || newer(key));
                    let mut changed = marks.len() != before;
                    for mark in read {
                        let key = ConversationKey::new(&backend, mark.conversation_id());
                        if !newer(&key) {
                            marks.insert(key, mark);
                            changed = true;
                        }
                    }
                    (changed, ())
                });
            }
        });
    }

    /// Reads one conversation's mark again (on opening it: the freshest word, whatever the
    /// console read before); a failed read keeps what was known.
    pub fn refresh(self, key: ConversationKey) {
        let origin = api_origin();
        let since = self.now();
        leptos::task::spawn_local(async move {
            if let Ok(read) = T::read_one(origin, key.clone()).await {
                if self.changed_since(&key, since) {
                    return;
                }
                self.marks.try_update(|marks| match read {
                    Some(mark) => {
                        marks.insert(key, mark);
                    }
                    None => {
                        marks.remove(&key);
                    }
                });
            }
        });
    }

    /// The conversation's mark, if it has one.
    pub fn get(&self, key: &ConversationKey) -> Option<T> {
        self.marks.with(|marks| marks.get(key).cloned())
    }

    /// Keeps the conversation's mark as the server now has it (none: withdrawn).
    pub fn set(&self, key: ConversationKey, mark: Option<T>) {
        self.note_changed([&key]);
        self.marks.update(|marks| match mark {
            Some(mark) => {
                marks.insert(key, mark);
            }
            None => {
                marks.remove(&key);
            }
        });
    }

    /// Keeps many marks at once (a bulk run's batch): one change for the list, not one each.
    pub fn set_many(&self, kept: Vec<(ConversationKey, T)>) {
        if !kept.is_empty() {
            self.note_changed(kept.iter().map(|(key, _)| key));
            self.marks.update(|marks| marks.extend(kept));
        }
    }

    /// Reads every mark (tracked) for a pass over the rows.
    pub fn with<R>(&self, f: impl FnOnce(&HashMap<ConversationKey, T>) -> R) -> R {
        self.marks.with(f)
    }

    /// Reads every mark without following them (inside an effect that follows others).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&HashMap<ConversationKey, T>) -> R) -> R {
        self.marks.with_untracked(f)
    }
}
