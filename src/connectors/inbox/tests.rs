//! The merged inbox's tests: merging, paging, live first pages and the backends' totals.

use super::*;
use chrono::{TimeZone, Utc};
use switchboard_core::domain::{BackendKind, ConversationStatus, Page};
use switchboard_core::error::ErrorKind;

fn row(backend: &str, id: &str, minute: u32) -> Conversation {
    Conversation {
        last_activity: Utc.with_ymd_and_hms(2026, 11, 25, 9, minute, 0).single(),
        ..Conversation::new(
            ConversationKey::new(backend, id),
            BackendKind::Communication,
            id,
            ConversationStatus::Open,
            switchboard_core::wire::communication::CAPABILITIES,
        )
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
    let mut all = Box::pin(merge_as_they_come([slow, fast], |inbox, to_come| {
        shown.borrow_mut().push((ids(inbox), to_come))
    }));
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    assert!(
        all.as_mut().poll(&mut cx).is_pending(),
        "the slow one has not answered"
    );
    assert_eq!(
        *shown.borrow(),
        [(vec!["fast/1".to_owned()], 1)],
        "the fast one shows already, one still to come"
    );
    answer_slow.send(()).expect("still waiting");
    let Poll::Ready(inbox) = all.as_mut().poll(&mut cx) else {
        panic!("every backend answered");
    };
    assert_eq!(ids(&inbox), ["slow/2", "fast/1"]);
    assert_eq!(shown.borrow().len(), 2);
    assert_eq!(shown.borrow()[1].1, 0, "none to come");
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

/// A first page that says how many the backend holds in the view.
fn counted(backend: &str, items: Vec<Conversation>, next: Option<&str>, total: u64) -> InboxSlice {
    let mut counted = slice(backend, items, next);
    counted.page.total_items = Some(total);
    counted
}

#[test]
fn a_backends_total_is_what_its_latest_first_page_said() {
    let mut inbox = Inbox::default();
    inbox.absorb(
        "a",
        Ok(counted(
            "a",
            vec![row("a", "1", 50), row("a", "2", 10)],
            Some("a:2"),
            120,
        )),
    );
    inbox.absorb("c", Ok(slice("c", vec![row("c", "9", 30)], None)));
    assert_eq!(inbox.total("a"), Some(120));
    assert_eq!(inbox.total("c"), None, "c said none");
    assert!(inbox.has_more_of("a") && !inbox.has_more_of("c"));

    // A later page counts the same view: the first page's total stands.
    let mut next = Inbox::default();
    next.absorb(
        "a",
        Ok(counted("a", vec![row("a", "3", 5)], Some("a:3"), 999)),
    );
    inbox.append(next);
    assert_eq!(inbox.total("a"), Some(120));

    // A poll brings a new conversation: its total already counts it (not bumped again).
    let fresh = vec![row("a", "4", 58), row("a", "1", 50)];
    assert!(inbox.take_fresh("a", Ok(counted("a", fresh, Some("a:2"), 121))));
    assert_eq!(inbox.total("a"), Some(121));

    // One was closed out of the view: the next poll says one fewer, though its row stays.
    let fresh = || vec![row("a", "4", 58), row("a", "1", 50)];
    assert!(inbox.take_fresh("a", Ok(counted("a", fresh(), Some("a:2"), 120))));
    assert_eq!(inbox.total("a"), Some(120));
    assert!(inbox.get(&ConversationKey::new("a", "2")).is_some());
    // Only the total changed: still a change to show; the same again is none.
    assert!(inbox.take_fresh("a", Ok(counted("a", fresh(), Some("a:2"), 119))));
    assert!(!inbox.take_fresh("a", Ok(counted("a", fresh(), Some("a:2"), 119))));

    // A failing poll leaves the last word standing.
    inbox.take_fresh("a", Err(ApiError::network("refused")));
    assert_eq!(inbox.total("a"), Some(119));

    // A backend that narrows part of the view in the page counts more than the view.
    let mut broad = counted("c", vec![row("c", "9", 30)], None, 500);
    broad.filtered_here = vec!["activity dates".into()];
    inbox.absorb("c", Ok(broad));
    assert_eq!(inbox.total("c"), None);
}

#[test]
fn a_conversation_written_in_moves_to_its_place_and_one_merely_changed_stays() {
    let mut inbox = merged();
    assert_eq!(ids(&inbox), ["a/1", "c/9", "a/2"]);
    let mut assigned = row("a", "2", 10);
    assigned.assignee = Some("agent-camille".into());
    inbox.replace(&assigned);
    assert_eq!(ids(&inbox), ["a/1", "c/9", "a/2"], "same activity: stays");
    inbox.replace(&row("a", "2", 59));
    assert_eq!(ids(&inbox), ["a/2", "a/1", "c/9"], "replied to: at the top");
}

#[test]
fn many_written_at_once_land_as_one_at_a_time_would_and_unknown_ones_are_left_out() {
    let mut one_by_one = merged();
    let mut at_once = merged();
    let mut closed = row("c", "9", 30);
    closed.status = ConversationStatus::Closed;
    let changed = vec![row("a", "2", 59), closed, row("z", "404", 1)];
    for conversation in &changed {
        one_by_one.replace(conversation);
    }
    at_once.replace_many(changed);
    assert_eq!(ids(&at_once), ids(&one_by_one));
    assert_eq!(ids(&at_once), ["a/2", "a/1", "c/9"]);
    assert_eq!(
        at_once
            .get(&ConversationKey::new("c", "9"))
            .map(|c| c.status.clone()),
        Some(ConversationStatus::Closed)
    );
}
