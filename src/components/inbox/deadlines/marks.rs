//! The "No answer needed" marks of every backend, as the console knows them
//! ([`KeptMarks`]): the list's rows and the open conversation's header count with the same.

use crate::components::inbox::kept_marks::{KeptMark, KeptMarks};
use crate::connectors::deadlines::{no_answer_mark, no_answer_marks};
use chrono::{DateTime, Utc};
use switchboard_core::deadlines::NoAnswerMark;
use switchboard_core::domain::ConversationKey;
use switchboard_core::error::ApiError;

/// Each marked conversation's mark.
pub type NoAnswerMarks = KeptMarks<NoAnswerMark>;

impl KeptMark for NoAnswerMark {
    fn conversation_id(&self) -> &str {
        &self.conversation_id
    }

    async fn read_backend(origin: String, backend: String) -> Result<Vec<Self>, ApiError> {
        no_answer_marks(&origin, &backend).await
    }

    async fn read_one(origin: String, key: ConversationKey) -> Result<Option<Self>, ApiError> {
        no_answer_mark(&origin, &key.backend, &key.id).await
    }
}

impl NoAnswerMarks {
    /// When an agent last said the conversation needed no answer.
    pub fn at(&self, key: &ConversationKey) -> Option<DateTime<Utc>> {
        self.with(|marks| marks.get(key).map(|m| m.marked_at))
    }
}
