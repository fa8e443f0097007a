//! The merged inbox: every connected backend asked at once, their conversations merged
//! newest activity first; a backend that fails is reported beside the others. Each
//! backend keeps its own cursor, so "load more" asks each for its next page only and
//! appends: pages already shown are never fetched again.
//!
//! Each backend's total, where its first page reports one, is kept for the sidebar. It
//! is the backend's word, never worked out here: the next fresh first page (a live poll,
//! a reload) replaces it, and nothing else changes it. A new conversation that a poll
//! brings is already counted in that poll's total (bumping it as well would count it
//! twice); a conversation closed or archived out of the view leaves the total with the
//! next poll (a write changes its row in place and asks no list again: a close is one
//! request, not one per backend); later pages count the same view and leave it alone. A
//! backend that could not apply the whole view itself (`filtered_here`) counts more than
//! the view holds: its total is not kept, and its loaded rows are counted instead.

use super::{Connector, InboxSlice};
use futures::future::join_all;
use futures::stream::{FuturesUnordered, StreamExt};
use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use switchboard_core::domain::{Conversation, ConversationKey, Cursor, InboxQuery};
use switchboard_core::error::ApiError;

/// The merged inbox: every backend's conversations, newest activity first.
///
/// Each conversation is kept behind an [`Arc`]: a busy inbox holds ten thousand, and so
/// its list grows, sorts and is copied (each backend's rows shown as they come) by the
/// pointer, never by the row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inbox {
    pub conversations: Vec<Arc<Conversation>>,
    /// Backends that failed, by name, with why; the others still show.
    pub failures: Vec<(String, ApiError)>,
    pub unreadable: usize,
    /// Each backend's next page, where it has one.
    pub cursors: Vec<(String, Cursor)>,
    /// What a backend could not filter itself, by backend name, in words.
    pub filtered_here: Vec<(String, Vec<String>)>,
    /// Backends with nothing in this view by their nature, by name, with why.
    pub none_here: Vec<(String, String)>,
    /// Each backend's own count of the view, as its latest first page said it.
    pub totals: Vec<(String, u64)>,
}

impl Inbox {
    pub fn has_more(&self) -> bool {
        !self.cursors.is_empty()
    }

    /// Whether backend `name` has a next page.
    pub fn has_more_of(&self, name: &str) -> bool {
        self.cursors.iter().any(|(n, _)| n == name)
    }

    /// Backend `name`'s own count of the view, if its first page gave one.
    pub fn total(&self, name: &str) -> Option<u64> {
        self.totals
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, total)| *total)
    }

    /// Keeps the total a backend's first page gave (see the module's note); says whether
    /// it changed.
    fn take_total(&mut self, name: &str, slice: &InboxSlice) -> bool {
        let said = slice
            .page
            .total_items
            .filter(|_| slice.filtered_here.is_empty());
        if self.total(name) == said {
            return false;
        }
        self.totals.retain(|(n, _)| n != name);
        if let Some(total) = said {
            self.totals.push((name.to_owned(), total));
        }
        true
    }

    /// Puts a conversation as a write returned it in place of the one shown; a newer
    /// activity (the agent's own reply) moves it to its place, newest first.
    pub fn replace(&mut self, changed: &Conversation) {
        let Some(row) = self.conversations.iter_mut().find(|c| c.key == changed.key) else {
            return;
        };
        let moved = row.last_activity != changed.last_activity;
        *row = Arc::new(changed.clone());
        if moved {
            self.sort();
        }
    }

    /// [`Inbox::replace`] for many at once (a bulk action's answers): each row found in
    /// one pass over the inbox, and the order put right once, not once per row.
    pub fn replace_many(&mut self, changed: Vec<Conversation>) {
        let mut changed: std::collections::HashMap<_, _> =
            changed.into_iter().map(|c| (c.key.clone(), c)).collect();
        let mut moved = false;
        for row in &mut self.conversations {
            if let Some(new) = changed.remove(&row.key) {
                moved |= row.last_activity != new.last_activity;
                *row = Arc::new(new);
            }
        }
        if moved {
            self.sort();
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
        self.conversations.insert(at, Arc::new(conversation));
    }

    /// Stops showing a conversation (no longer followed).
    pub fn remove(&mut self, key: &ConversationKey) {
        self.conversations.retain(|c| &c.key != key);
    }

    pub fn get(&self, key: &ConversationKey) -> Option<&Conversation> {
        self.conversations
            .iter()
            .find(|c| &c.key == key)
            .map(Arc::as_ref)
    }

    /// Adds the next pages after the rows shown: their cursors replace the old ones, and a
    /// row already shown (pages shift as conversations move) is listed once. The totals
    /// stay the first pages' (later pages count the same view).
    pub fn append(&mut self, next: Inbox) {
        // The rows shown, by reference: copying ten thousand keys per page would be most
        // of what loading a page costs in memory.
        let fresh: Vec<Arc<Conversation>> = {
            let shown: HashSet<&ConversationKey> =
                self.conversations.iter().map(|c| &c.key).collect();
            next.conversations
                .into_iter()
                .filter(|c| !shown.contains(&c.key))
                .collect()
        };
        self.conversations.extend(fresh);
        // The backends asked say again how they are; the others' failures stand.
        let asked: Vec<String> = self.cursors.drain(..).map(|(name, _)| name).collect();
        self.failures.retain(|(name, _)| !asked.contains(name));
        self.failures.extend(next.failures);
        self.cursors = next.cursors;
        self.unreadable += next.unreadable;
        for (name, parts) in next.filtered_here {
            if !self.filtered_here.iter().any(|(n, _)| *n == name) {
                self.filtered_here.push((name, parts));
            }
        }
        self.sort();
    }

    /// Takes a backend's first page asked again (live): new rows come in by activity,
    /// changed rows change in place, rows loaded further down stay. A failure is kept as
    /// the backend's state, its rows still shown. Says whether anything changed.
    pub fn take_fresh(&mut self, name: &str, result: Result<InboxSlice, ApiError>) -> bool {
        let before = self.failures.len();
        let had_failed = self.failures.iter().any(|(n, _)| n == name);
        self.failures.retain(|(n, _)| n != name);
        let slice = match result {
            Ok(slice) => slice,
            Err(error) => {
                let same = had_failed && before == self.failures.len() + 1;
                self.failures.push((name.to_owned(), error));
                return !same;
            }
        };
        let mut changed = self.take_total(name, &slice) || had_failed;
        let never_loaded =
            !self.has_more_of(name) && !self.conversations.iter().any(|c| c.key.backend == name);
        if never_loaded {
            if let Some(next) = slice.page.next {
                self.cursors.push((name.to_owned(), next));
                changed = true;
            }
        }
        for fresh in slice.page.items {
            match self.conversations.iter_mut().find(|c| c.key == fresh.key) {
                Some(row) if **row == fresh => {}
                Some(row) => {
                    *row = Arc::new(fresh);
                    changed = true;
                }
                None => {
                    self.conversations.push(Arc::new(fresh));
                    changed = true;
                }
            }
        }
        if changed {
            self.sort();
        }
        changed
    }

    /// Loaded conversations with something unread.
    pub fn unread_count(&self) -> usize {
        self.conversations
            .iter()
            .filter(|c| c.unread == Some(true))
            .count()
    }

    fn absorb(&mut self, name: &str, result: Result<InboxSlice, ApiError>) {
        match result {
            Ok(slice) => {
                self.take_total(name, &slice);
                self.unreadable += slice.unreadable;
                if let Some(next) = slice.page.next {
                    self.cursors.push((name.to_owned(), next));
                }
                if let Some(reason) = slice.none_because {
                    if !self.none_here.iter().any(|(n, _)| n == name) {
                        self.none_here.push((name.to_owned(), reason));
                    }
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
                        self.conversations.push(Arc::new(conversation));
                    }
                }
            }
            Err(error) => self.failures.push((name.to_owned(), error)),
        }
    }

    fn sort(&mut self) {
        // Newest activity first across backends; conversations without a date go last.
        // Stable, and sorting keys rather than rows: no copy of the list is made.
        self.conversations
            .sort_by_cached_key(|c| std::cmp::Reverse(c.last_activity));
    }
}

/// The backends a query asks: all of them, or the one it names.
pub fn asked<'a>(connectors: &'a [Connector], query: &InboxQuery) -> Vec<&'a Connector> {
    connectors
        .iter()
        .filter(|c| query.backend.as_deref().is_none_or(|only| only == c.name()))
        .collect()
}

/// The first page of every backend asked, at once, merged.
pub async fn load_inbox(connectors: &[Connector], query: &InboxQuery) -> Inbox {
    load_inbox_as_it_comes(connectors, query, |_, _| {}).await
}

/// [`load_inbox`], telling `so_far` the merged inbox, and how many backends have yet to
/// answer, each time one more answers: the page can show rows before a slow backend has.
pub async fn load_inbox_as_it_comes(
    connectors: &[Connector],
    query: &InboxQuery,
    so_far: impl FnMut(&Inbox, usize),
) -> Inbox {
    let asks = asked(connectors, query)
        .into_iter()
        .map(|c| async move { (c.name().to_owned(), c.list_conversations(query, None).await) });
    merge_as_they_come(asks, so_far).await
}

/// One backend's first page, by its name.
type Answer = (String, Result<InboxSlice, ApiError>);

/// Every answer merged in the order they come, `so_far` told after each with how many are
/// still to come.
async fn merge_as_they_come<F: Future<Output = Answer>>(
    asks: impl IntoIterator<Item = F>,
    mut so_far: impl FnMut(&Inbox, usize),
) -> Inbox {
    let mut pending: FuturesUnordered<F> = asks.into_iter().collect();
    let mut inbox = Inbox::default();
    while let Some((name, result)) = pending.next().await {
        inbox.absorb(&name, result);
        inbox.sort();
        so_far(&inbox, pending.len());
    }
    inbox
}

/// The next page of each backend that has one, appended to `inbox`.
pub async fn load_more(connectors: &[Connector], query: &InboxQuery, inbox: &Inbox) -> Inbox {
    let mut next = inbox.clone();
    next.append(next_pages(connectors, query, &inbox.cursors).await);
    next
}

/// The page after each of `cursors`, asked at once: only the new rows, with the cursors
/// that follow them. A page that fails keeps its cursor, so asking again retries it.
pub async fn next_pages(
    connectors: &[Connector],
    query: &InboxQuery,
    cursors: &[(String, Cursor)],
) -> Inbox {
    let asks = cursors.iter().filter_map(|(name, cursor)| {
        let connector = connectors.iter().find(|c| c.name() == name)?;
        Some(async move {
            let result = connector.list_conversations(query, Some(cursor)).await;
            (name.clone(), cursor.clone(), result)
        })
    });
    let mut next = Inbox::default();
    for (name, cursor, result) in join_all(asks).await {
        if let Err(error) = &result {
            next.cursors.push((name.clone(), cursor));
            next.failures.push((name, error.clone()));
        } else {
            next.absorb(&name, result);
        }
    }
    next
}

#[cfg(test)]
mod tests;
