//! The merged inbox: every connected backend asked at once, their conversations merged
//! newest activity first; a backend that fails is reported beside the others. Each
//! backend keeps its own cursor, so "load more" asks each for its next page only and
//! appends: pages already shown are never fetched again.

use super::{Connector, ConversationBackend, InboxSlice};
use futures::future::join_all;
use switchboard_core::domain::{Conversation, ConversationKey, Cursor, InboxQuery};
use switchboard_core::error::ApiError;

/// The merged inbox: every backend's conversations, newest activity first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inbox {
    pub conversations: Vec<Conversation>,
    /// Backends that failed, by name, with why; the others still show.
    pub failures: Vec<(String, ApiError)>,
    pub unreadable: usize,
    /// Each backend's next page, where it has one.
    pub cursors: Vec<(String, Cursor)>,
    /// What a backend could not filter itself, by backend name, in words.
    pub filtered_here: Vec<(String, Vec<String>)>,
}

impl Inbox {
    pub fn has_more(&self) -> bool {
        !self.cursors.is_empty()
    }

    /// Puts a conversation as a write returned it in place of the one shown.
    pub fn replace(&mut self, changed: &Conversation) {
        if let Some(row) = self.conversations.iter_mut().find(|c| c.key == changed.key) {
            *row = changed.clone();
        }
    }

    /// Shows a conversation just followed in its place by activity (or updates it).
    pub fn add(&mut self, conversation: Conversation) {
        self.conversations.retain(|c| c.key != conversation.key);
        let at = self
            .conversations
            .iter()
            .position(|c| c.last_activity < conversation.last_activity)
            .unwrap_or(self.conversations.len());
        self.conversations.insert(at, conversation);
    }

    /// Stops showing a conversation (no longer followed).
    pub fn remove(&mut self, key: &ConversationKey) {
        self.conversations.retain(|c| &c.key != key);
    }

    pub fn get(&self, key: &ConversationKey) -> Option<&Conversation> {
        self.conversations.iter().find(|c| &c.key == key)
    }

    fn absorb(&mut self, name: &str, result: Result<InboxSlice, ApiError>) {
        match result {
            Ok(slice) => {
                self.unreadable += slice.unreadable;
                if let Some(next) = slice.page.next {
                    self.cursors.push((name.to_owned(), next));
                }
                if !slice.filtered_here.is_empty()
                    && !self.filtered_here.iter().any(|(n, _)| n == name)
                {
                    self.filtered_here
                        .push((name.to_owned(), slice.filtered_here));
                }
                for conversation in slice.page.items {
                    // Pages shift as conversations move: each is listed once.
                    if self.get(&conversation.key).is_none() {
                        self.conversations.push(conversation);
                    }
                }
            }
            Err(error) => self.failures.push((name.to_owned(), error)),
        }
    }

    fn sort(&mut self) {
        // Newest activity first across backends; conversations without a date go last.
        self.conversations
            .sort_by_key(|c| std::cmp::Reverse(c.last_activity));
    }
}

/// The first page of every backend, asked at once, merged.
pub async fn load_inbox(connectors: &[Connector], query: &InboxQuery) -> Inbox {
    let results = join_all(connectors.iter().map(|c| c.list_conversations(query, None))).await;
    let mut inbox = Inbox::default();
    for (connector, result) in connectors.iter().zip(results) {
        inbox.absorb(connector.name(), result);
    }
    inbox.sort();
    inbox
}

/// The next page of each backend that has one, appended to `inbox`.
pub async fn load_more(connectors: &[Connector], query: &InboxQuery, inbox: &Inbox) -> Inbox {
    let mut next = Inbox {
        cursors: Vec::new(),
        failures: Vec::new(),
        ..inbox.clone()
    };
    let asks = inbox.cursors.iter().filter_map(|(name, cursor)| {
        let connector = connectors.iter().find(|c| c.name() == name)?;
        Some(async move {
            (
                name.clone(),
                connector.list_conversations(query, Some(cursor)).await,
            )
        })
    });
    for (name, result) in join_all(asks).await {
        if let Err(error) = &result {
            // A failed page keeps its cursor, so "load more" can try it again.
            if let Some(kept) = inbox.cursors.iter().find(|(n, _)| *n == name) {
                next.cursors.push(kept.clone());
            }
            next.failures.push((name, error.clone()));
        } else {
            next.absorb(&name, result);
        }
    }
    next.sort();
    next
}
