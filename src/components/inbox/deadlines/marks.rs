//! The "No answer needed" marks of every backend, as the console knows them: read when the
//! console starts, read again for a backend when the server says one of its marks changed
//! (a colleague's), and changed at once by this console's own. The list's rows and the
//! open conversation's header read the same marks, so they agree and stay live.

use crate::connectors::deadlines::no_answer_marks;
use crate::state::{api_origin, DirectoryResource};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::collections::HashMap;
use switchboard_core::deadlines::NoAnswerMark;
use switchboard_core::domain::ConversationKey;

/// Each marked conversation's mark.
#[derive(Clone, Copy)]
pub struct NoAnswerMarks {
    marks: RwSignal<HashMap<ConversationKey, NoAnswerMark>>,
}

impl NoAnswerMarks {
    /// Reads every backend's marks once the directory has come.
    pub fn provide(directory: DirectoryResource) -> NoAnswerMarks {
        let marks = NoAnswerMarks {
            marks: RwSignal::new(HashMap::new()),
        };
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
    pub fn detached() -> NoAnswerMarks {
        NoAnswerMarks {
            marks: RwSignal::new(HashMap::new()),
        }
    }

    /// Reads `backend`'s marks again (a colleague changed one).
    pub fn read(self, backend: String) {
        let origin = api_origin();
        leptos::task::spawn_local(async move {
            // A failed read keeps what was known: the header can still be marked.
            if let Ok(read) = no_answer_marks(&origin, &backend).await {
                self.marks.try_update(|marks| {
                    marks.retain(|key, _| key.backend != backend);
                    marks.extend(
                        read.into_iter().map(|mark| {
                            (ConversationKey::new(&backend, &mark.conversation_id), mark)
                        }),
                    );
                });
            }
        });
    }

    /// The conversation's mark, if it has one.
    pub fn get(&self, key: &ConversationKey) -> Option<NoAnswerMark> {
        self.marks.with(|marks| marks.get(key).cloned())
    }

    /// When an agent last said the conversation needed no answer.
    pub fn at(&self, key: &ConversationKey) -> Option<DateTime<Utc>> {
        self.marks.with(|marks| marks.get(key).map(|m| m.marked_at))
    }

    /// Keeps the conversation's mark as the server now has it (none: withdrawn).
    pub fn set(&self, key: ConversationKey, mark: Option<NoAnswerMark>) {
        self.marks.update(|marks| match mark {
            Some(mark) => {
                marks.insert(key, mark);
            }
            None => {
                marks.remove(&key);
            }
        });
    }

    /// Reads every mark (tracked) for a pass over the rows.
    pub fn with<T>(&self, f: impl FnOnce(&HashMap<ConversationKey, NoAnswerMark>) -> T) -> T {
        self.marks.with(f)
    }
}
