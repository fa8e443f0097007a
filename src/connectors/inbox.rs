//! The merged inbox: every connected backend asked at once, their conversations merged
//! newest activity first; a backend that fails is reported beside the others.

use super::{Connector, ConversationBackend};
use futures::future::join_all;
use switchboard_core::domain::{Conversation, InboxQuery};
use switchboard_core::error::ApiError;

/// The merged inbox: every backend's conversations, newest activity first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inbox {
    pub conversations: Vec<Conversation>,
    /// Backends that failed, by name, with why; the others still show.
    pub failures: Vec<(String, ApiError)>,
    pub total: u64,
    pub unreadable: usize,
    pub has_more: bool,
}

/// Loads pages `1..=pages` of every backend at once and merges them.
pub async fn load_inbox(connectors: &[Connector], query: &InboxQuery, pages: u32) -> Inbox {
    let per_backend = connectors.iter().map(|connector| async move {
        let mut slices = Vec::new();
        for page in 1..=pages.max(1) {
            let query = InboxQuery {
                page,
                ..query.clone()
            };
            let slice = connector.list_conversations(&query).await?;
            let last = !slice.page.has_more();
            slices.push(slice);
            if last {
                break;
            }
        }
        Ok::<_, ApiError>(slices)
    });
    let mut inbox = Inbox::default();
    for (connector, result) in connectors.iter().zip(join_all(per_backend).await) {
        match result {
            Ok(slices) => {
                if let Some(last) = slices.last() {
                    inbox.has_more |= last.page.has_more();
                    inbox.total += last.page.total_items;
                }
                for slice in slices {
                    inbox.unreadable += slice.unreadable;
                    inbox.conversations.extend(slice.page.items);
                }
            }
            Err(error) => inbox.failures.push((connector.name().to_owned(), error)),
        }
    }
    // Newest activity first across backends; conversations without a date go last.
    inbox
        .conversations
        .sort_by_key(|c| std::cmp::Reverse(c.last_activity));
    inbox
}
