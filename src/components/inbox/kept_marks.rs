//! Switchboard's own marks on conversations ("No answer needed", snoozes), as the console
//! knows them: one per conversation, read for every backend when the console starts, read
//! again for a backend when the server says one of its marks changed (a colleague's), and
//! changed at once by this console's own. The list's rows and the open conversation read
//! the same marks, so they agree and stay live.

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
        }
    }

    /// Reads `backend`'s marks again (a colleague changed one).
    pub fn read(self, backend: String) {
        let origin = api_origin();
        leptos::task::spawn_local(async move {
            // A failed read keeps what was known: the conversation can still be marked.
            if let Ok(read) = T::read_backend(origin, backend.clone()).await {
                self.marks.try_update(|marks| {
                    marks.retain(|key, _| key.backend != backend);
                    marks.extend(read.into_iter().map(|mark| {
                        (ConversationKey::new(&backend, mark.conversation_id()), mark)
                    }));
                });
            }
        });
    }

    /// Reads one conversation's mark again (on opening it: the freshest word, whatever the
    /// console read before); a failed read keeps what was known.
    pub fn refresh(self, key: ConversationKey) {
        let origin = api_origin();
        leptos::task::spawn_local(async move {
            if let Ok(read) = T::read_one(origin, key.clone()).await {
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
