//! The merged inbox: every connected backend asked at once, their conversations merged
//! newest activity first; a backend that fails is reported beside the others. Each
//! backend keeps its own cursor, so "load more" asks each for its next page only and
//! appends: pages already shown are never fetched again.

use super::{Connector, ConversationBackend, InboxSlice};
use futures::future::join_all;
use futures::stream::{FuturesUnordered, StreamExt};
use std::collections::HashSet;
use std::future::Future;
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
    /// Backends with nothing in this view by their nature, by name, with why.
    pub none_here: Vec<(String, String)>,
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

    /// Adds the next pages after the rows shown: their cursors replace the old ones, and a
    /// row already shown (pages shift as conversations move) is listed once.
    pub fn append(&mut self, next: Inbox) {
        let shown: HashSet<ConversationKey> =
            self.conversations.iter().map(|c| c.key.clone()).collect();
        self.conversations.extend(
            next.conversations
                .into_iter()
                .filter(|c| !shown.contains(&c.key)),
        );
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
        let mut changed = had_failed;
        let never_loaded = !self.cursors.iter().any(|(n, _)| n == name)
            && !self.conversations.iter().any(|c| c.key.backend == name);
        if never_loaded {
            if let Some(next) = slice.page.next {
                self.cursors.push((name.to_owned(), next));
                changed = true;
            }
        }
        for fresh in slice.page.items {
            match self.conversations.iter_mut().find(|c| c.key == fresh.key) {
                Some(row) if *row == fresh => {}
                Some(row) => {
                    *row = fresh;
                    changed = true;
                }
                None => {
                    self.conversations.push(fresh);
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

/// The backends a query asks: all of them, or the one it names.
pub fn asked<'a>(connectors: &'a [Connector], query: &InboxQuery) -> Vec<&'a Connector> {
    connectors
        .iter()
        .filter(|c| query.backend.as_deref().is_none_or(|only| only == c.name()))
        .collect()
}

/// The first page of every backend asked, at once, merged.
pub async fn load_inbox(connectors: &[Connector], query: &InboxQuery) -> Inbox {
    load_inbox_as_it_comes(connectors, query, |_| {}).await
}

/// [`load_inbox`], telling `so_far` the merged inbox each time one more backend answers:
/// the page shows each backend's rows as they come, and a slow one holds back no one.
pub async fn load_inbox_as_it_comes(
    connectors: &[Connector],
    query: &InboxQuery,
    so_far: impl FnMut(&Inbox),
) -> Inbox {
    let asks = asked(connectors, query)
        .into_iter()
        .map(|c| async move { (c.name().to_owned(), c.list_conversations(query, None).await) });
    merge_as_they_come(asks, so_far).await
}

/// One backend's first page, by its name.
type Answer = (String, Result<InboxSlice, ApiError>);

/// Every answer merged in the order they come, `so_far` told after each.
async fn merge_as_they_come<F: Future<Output = Answer>>(
    asks: impl IntoIterator<Item = F>,
    mut so_far: impl FnMut(&Inbox),
) -> Inbox {
    let mut pending: FuturesUnordered<F> = asks.into_iter().collect();
    let mut inbox = Inbox::default();
    while let Some((name, result)) = pending.next().await {
        inbox.absorb(&name, result);
        inbox.sort();
        so_far(&inbox);
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
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use switchboard_core::domain::{BackendKind, ConversationStatus, Page};
    use switchboard_core::error::ErrorKind;

    fn row(backend: &str, id: &str, minute: u32) -> Conversation {
        Conversation {
            key: ConversationKey::new(backend, id),
            backend_kind: BackendKind::Communication,
            customer: id.into(),
            subject: None,
            reference: None,
            status: ConversationStatus::Open,
            assignee: None,
            participants: Vec::new(),
            last_message: None,
            last_activity: Utc.with_ymd_and_hms(2026, 11, 25, 9, minute, 0).single(),
            capabilities: switchboard_core::wire::communication::CAPABILITIES,
            customer_name: None,
            reason: None,
            badges: Vec::new(),
            unread: None,
            reply_recipients: Vec::new(),
            callback_phone: None,
            performer: None,
            assigned_to: None,
            other_fields: Vec::new(),
            channel: None,
        }
    }

    fn slice(backend: &str, items: Vec<Conversation>, next: Option<&str>) -> InboxSlice {
        InboxSlice {
            backend: backend.into(),
            page: Page {
                items,
                next: next.map(|c| Cursor(c.into())),
                total_items: None,
            },
            unreadable: 0,
            filtered_here: Vec::new(),
            none_because: None,
        }
    }

    fn ids(inbox: &Inbox) -> Vec<String> {
        inbox
            .conversations
            .iter()
            .map(|c| c.key.to_string())
            .collect()
    }

    /// Three backends: one with a cursor, one failing, one plain.
    fn merged() -> Inbox {
        let mut inbox = Inbox::default();
        inbox.absorb(
            "a",
            Ok(slice(
                "a",
                vec![row("a", "1", 50), row("a", "2", 10)],
                Some("a:2"),
            )),
        );
        inbox.absorb("b", Err(ApiError::new(ErrorKind::Server)));
        inbox.absorb("c", Ok(slice("c", vec![row("c", "9", 30)], None)));
        inbox.sort();
        inbox
    }

    #[test]
    fn a_slow_backend_holds_back_no_one() {
        use futures::channel::oneshot;
        use futures::FutureExt;
        use std::cell::RefCell;
        use std::task::{Context, Poll};
        let (answer_slow, slow_answers) = oneshot::channel::<()>();
        let fast = async {
            (
                "fast".to_owned(),
                Ok(slice("fast", vec![row("fast", "1", 10)], None)),
            )
        }
        .boxed_local();
        let slow = async move {
            let _ = slow_answers.await;
            (
                "slow".to_owned(),
                Ok(slice("slow", vec![row("slow", "2", 20)], None)),
            )
        }
        .boxed_local();
        let shown = RefCell::new(Vec::new());
        let mut all = Box::pin(merge_as_they_come([slow, fast], |inbox| {
            shown.borrow_mut().push(ids(inbox))
        }));
        let waker = futures::task::noop_waker();
        let mut cx = Context::from_waker(&waker);
        assert!(
            all.as_mut().poll(&mut cx).is_pending(),
            "the slow one has not answered"
        );
        assert_eq!(
            *shown.borrow(),
            [vec!["fast/1"]],
            "the fast one shows already"
        );
        answer_slow.send(()).expect("still waiting");
        let Poll::Ready(inbox) = all.as_mut().poll(&mut cx) else {
            panic!("every backend answered");
        };
        assert_eq!(ids(&inbox), ["slow/2", "fast/1"]);
        assert_eq!(shown.borrow().len(), 2);
    }

    #[test]
    fn a_backend_with_none_in_the_view_says_why_once() {
        let mut inbox = merged();
        let none = || Ok(InboxSlice::none_because("d", "never archived"));
        inbox.absorb("d", none());
        inbox.absorb("d", none());
        assert_eq!(
            inbox.none_here,
            [("d".to_owned(), "never archived".to_owned())]
        );
        assert_eq!(ids(&inbox), ["a/1", "c/9", "a/2"]);
    }

    #[test]
    fn backends_merge_by_activity_and_a_failure_stands_beside_them() {
        let inbox = merged();
        assert_eq!(ids(&inbox), ["a/1", "c/9", "a/2"]);
        assert_eq!(inbox.cursors, vec![("a".to_owned(), Cursor("a:2".into()))]);
        assert_eq!(inbox.failures.len(), 1);
    }

    #[test]
    fn next_pages_append_once_and_keep_other_backends_failures() {
        let mut inbox = merged();
        let mut next = Inbox::default();
        // Row a/2 moved onto the next page meanwhile: listed once.
        next.absorb(
            "a",
            Ok(slice("a", vec![row("a", "2", 10), row("a", "3", 5)], None)),
        );
        inbox.append(next);
        assert_eq!(ids(&inbox), ["a/1", "c/9", "a/2", "a/3"]);
        assert!(inbox.cursors.is_empty());
        assert_eq!(
            inbox.failures[0].0, "b",
            "b was not asked: its failure stands"
        );
    }

    #[test]
    fn fresh_first_pages_add_and_change_rows_in_place_and_recover_a_backend() {
        let mut inbox = merged();
        // Nothing new: nothing changes (the list is not redrawn).
        let same = slice("c", vec![row("c", "9", 30)], None);
        assert!(!inbox.take_fresh("c", Ok(same)));
        // A new conversation and a changed one on a.
        let mut changed = row("a", "2", 55);
        changed.unread = Some(true);
        assert!(inbox.take_fresh(
            "a",
            Ok(slice("a", vec![row("a", "4", 58), changed], Some("a:2")))
        ));
        assert_eq!(ids(&inbox), ["a/4", "a/2", "a/1", "c/9"]);
        assert_eq!(inbox.unread_count(), 1);
        // The failed backend answers: its rows and its next page come in.
        assert!(inbox.take_fresh("b", Ok(slice("b", vec![row("b", "7", 40)], Some("b:2")))));
        assert!(inbox.failures.is_empty());
        assert!(inbox.cursors.iter().any(|(n, _)| n == "b"));
        // It fails again: its rows stay, marked by the failure.
        assert!(inbox.take_fresh("b", Err(ApiError::network("refused"))));
        assert!(!inbox.take_fresh("b", Err(ApiError::network("refused"))));
        assert!(inbox.get(&ConversationKey::new("b", "7")).is_some());
        assert_eq!(inbox.failures.len(), 1);
    }
}
