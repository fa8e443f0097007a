//! Switchboard's list of the items a team follows on the backends that cannot list what
//! exists (case messages by guid, support sessions by order id), and the bounded read that
//! turns such a list into inbox rows: every followed item read from its backend, a few at a
//! time ([`READ_AT_ONCE`]), never one by one and never a thousand at once.

use super::http::Client;
use super::{page_after, InboxSlice};
use futures::stream::{self, StreamExt};
use std::future::Future;
use switchboard_core::directory::{decode_error, follows_path, FollowedItem};
use switchboard_core::domain::{encode_path_segment, Conversation, Cursor, InboxQuery, Page};
use switchboard_core::error::ApiError;

/// How many followed items are read from their backend at once.
pub const READ_AT_ONCE: usize = 6;

/// `/api/follows` speaks Switchboard's own error body.
const FOLLOWS: Client = Client::new(decode_error);

fn item_url(origin: &str, backend: &str, item: &str) -> String {
    format!(
        "{origin}{}/{}",
        follows_path(&encode_path_segment(backend)),
        encode_path_segment(item)
    )
}

/// Every item followed on `backend`, newest first.
pub async fn followed(origin: &str, backend: &str) -> Result<Vec<FollowedItem>, ApiError> {
    let url = format!("{origin}{}", follows_path(&encode_path_segment(backend)));
    FOLLOWS.get_json(&url).await
}

/// Follows `item` (the caller has checked the backend knows it).
pub async fn follow(origin: &str, backend: &str, item: &str) -> Result<(), ApiError> {
    FOLLOWS.put_empty(&item_url(origin, backend, item)).await
}

/// Stops following `item`.
pub async fn unfollow(origin: &str, backend: &str, item: &str) -> Result<(), ApiError> {
    FOLLOWS.delete(&item_url(origin, backend, item)).await
}

/// One inbox page of a backend that cannot list: its followed items read from it (a few
/// at a time), the query applied here, newest activity first, `page_size` rows after the
/// cursor (an offset). An item that cannot be read (gone from the backend, refused) is
/// counted in `unreadable`, never silently dropped; a failure of the list itself is the
/// slice's error.
pub async fn followed_slice<F, Fut>(
    origin: &str,
    backend: &str,
    query: &InboxQuery,
    after: Option<&Cursor>,
    read: F,
) -> Result<InboxSlice, ApiError>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<Conversation, ApiError>>,
{
    let start = page_after(after, 0)? as usize;
    let ids = followed(origin, backend)
        .await?
        .into_iter()
        .map(|followed| followed.item_id)
        .collect();
    let mut unreadable = 0;
    let mut rows: Vec<Conversation> = Vec::new();
    for (_, read) in read_all(ids, READ_AT_ONCE, read).await {
        match read {
            Ok(conversation) if query.admits(&conversation) => rows.push(conversation),
            Ok(_) => {}
            Err(_) => unreadable += 1,
        }
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.last_activity));
    let total = rows.len();
    let end = (start + query.page_size.max(1) as usize).min(total);
    let items = rows.drain(start.min(total)..end).collect();
    Ok(InboxSlice {
        backend: backend.to_owned(),
        page: Page {
            items,
            next: (end < total).then(|| Cursor::page(end as u32)),
            total_items: Some(total as u64),
        },
        unreadable,
        filtered_here: Vec::new(),
        none_because: None,
    })
}

/// Reads every item with `read`, at most `at_once` at a time, and answers in the items'
/// order, each with its own result: one item that fails does not hide the others.
pub async fn read_all<T, F, Fut>(
    items: Vec<String>,
    at_once: usize,
    read: F,
) -> Vec<(String, Result<T, ApiError>)>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    stream::iter(items)
        .map(|item| {
            let reading = read(item.clone());
            async move { (item, reading.await) }
        })
        .buffered(at_once.max(1))
        .collect()
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::pin::Pin;
    use std::rc::Rc;
    use std::task::{Context, Poll};

    /// Pending once, then ready: enough for other reads to start meanwhile.
    struct YieldOnce(bool);

    impl Future for YieldOnce {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    #[test]
    fn reads_are_bounded_ordered_and_each_keeps_its_own_result() {
        let in_flight = Rc::new(Cell::new(0usize));
        let most = Rc::new(Cell::new(0usize));
        let items: Vec<String> = (0..20).map(|n| format!("item-{n}")).collect();
        let read = |item: String| {
            let in_flight = in_flight.clone();
            let most = most.clone();
            async move {
                in_flight.set(in_flight.get() + 1);
                most.set(most.get().max(in_flight.get()));
                YieldOnce(false).await;
                in_flight.set(in_flight.get() - 1);
                if item == "item-3" {
                    Err(ApiError::from_status(404, None))
                } else {
                    Ok(item.len())
                }
            }
        };
        let results = futures::executor::block_on(read_all(items.clone(), 6, read));
        assert_eq!(most.get(), 6, "six at once, no more, and not one by one");
        let order: Vec<&String> = results.iter().map(|(item, _)| item).collect();
        assert_eq!(order, items.iter().collect::<Vec<_>>());
        assert!(results[3].1.is_err());
        assert_eq!(results.iter().filter(|(_, r)| r.is_ok()).count(), 19);
    }
}
