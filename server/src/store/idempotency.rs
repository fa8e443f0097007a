//! The answers kept for requests sent with an `Idempotency-Key` ([`crate::http::idempotency`]
//! decides which requests and what to keep): a key is reserved before its first request
//! runs, its answer kept once it ran, and both looked up when the key comes again. Keys
//! are kept [`KEEP_FOR`] and swept as new ones are reserved. The SQL is portable
//! (`INSERT … ON CONFLICT DO NOTHING`, plain `UPDATE`s), so PostgreSQL can take it as is.

use super::{StoreError, Tx};
use crate::store::{params, OptionalExtension};
use chrono::{DateTime, Duration, Utc};
use switchboard_core::wire::format_instant;

/// How long a key's answer is kept: at least this long, swept soon after.
pub const KEEP_FOR: Duration = Duration::hours(24);

/// By default, a reservation older than this whose answer was never kept belongs to a
/// request that died (a crash, a kill): a retry runs again. Longer than the server's
/// request timeout (60 s by default), so a request still running is never taken over.
/// `Limits::idempotency_abandoned_after` sets another (tests that kill the server).
pub const ABANDONED_AFTER: Duration = Duration::seconds(120);

const IN_PROGRESS: &str = "in-progress";
const DONE: &str = "done";

/// An answer as it is kept and replayed: what a client needs of it, byte for byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

/// What a request with a key may do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Begin {
    /// The key is now reserved for this request: run it, then [`complete`] or [`release`].
    Proceed,
    /// The same request was answered before: this is the answer.
    Replay(StoredResponse),
    /// The key was used for a different request.
    Mismatch,
    /// The same request is still running.
    InProgress,
}

/// A key's row, as [`decide`] reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRow {
    pub request_hash: String,
    pub created_at: String,
    /// `None` while the first request runs.
    pub answer: Option<StoredResponse>,
}

/// What to do with a key already in the store, `now` being the new request's instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Answer(Begin),
    /// The request that reserved it died: reserve it again for this one.
    TakeOver,
}

/// The rules, apart from the SQL: a different request is refused whatever the row's state;
/// the same one gets the kept answer, waits while its first run goes on, or runs again
/// when that run was abandoned.
pub fn decide(
    row: &KeyRow,
    request_hash: &str,
    now: DateTime<Utc>,
    abandoned_after: Duration,
) -> Verdict {
    if row.request_hash != request_hash {
        return Verdict::Answer(Begin::Mismatch);
    }
    match &row.answer {
        Some(answer) => Verdict::Answer(Begin::Replay(answer.clone())),
        None if row.created_at <= format_instant(now - abandoned_after) => Verdict::TakeOver,
        None => Verdict::Answer(Begin::InProgress),
    }
}

/// Reserves `key` in `scope` for a request hashed `request_hash`, or says why not; keys
/// past [`KEEP_FOR`] are swept first. A reservation older than `abandoned_after` without
/// an answer is taken over ([`ABANDONED_AFTER`] by default).
pub fn begin(
    conn: &Tx,
    scope: &str,
    key: &str,
    request_hash: &str,
    now: DateTime<Utc>,
    abandoned_after: Duration,
) -> Result<Begin, StoreError> {
    sweep(conn, now)?;
    let inserted = conn.execute(
        "INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (scope, idem_key) DO NOTHING",
        params![scope, key, request_hash, IN_PROGRESS, format_instant(now)],
    )?;
    if inserted == 1 {
        return Ok(Begin::Proceed);
    }
    let Some(row) = find(conn, scope, key)? else {
        // Inside one transaction the row the insert collided with is still there.
        return Err(StoreError::NoRow);
    };
    match decide(&row, request_hash, now, abandoned_after) {
        Verdict::Answer(answer) => Ok(answer),
        Verdict::TakeOver => {
            conn.execute(
                "UPDATE idempotency_keys SET created_at = ?3 WHERE scope = ?1 AND idem_key = ?2",
                params![scope, key, format_instant(now)],
            )?;
            Ok(Begin::Proceed)
        }
    }
}

fn find(conn: &Tx, scope: &str, key: &str) -> Result<Option<KeyRow>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT request_hash, created_at, state, status, content_type, location, body \
             FROM idempotency_keys WHERE scope = ?1 AND idem_key = ?2",
        )?
        .query_row(params![scope, key], |row| {
            let state: String = row.get(2)?;
            let answer = match (state == DONE, row.get::<_, Option<u16>>(3)?) {
                (true, Some(status)) => Some(StoredResponse {
                    status,
                    content_type: row.get(4)?,
                    location: row.get(5)?,
                    body: row.get::<_, Option<Vec<u8>>>(6)?.unwrap_or_default(),
                }),
                _ => None,
            };
            Ok(KeyRow {
                request_hash: row.get(0)?,
                created_at: row.get(1)?,
                answer,
            })
        })
        .optional()?;
    Ok(row)
}

/// Keeps the answer of the request that reserved `key`; `false` when the key was no longer
/// reserved (its answer already kept, in the handler's own transaction or by a run that
/// took it over).
pub fn complete(
    conn: &Tx,
    scope: &str,
    key: &str,
    request_hash: &str,
    answer: &StoredResponse,
) -> Result<bool, StoreError> {
    let kept = conn.execute(
        "UPDATE idempotency_keys SET state = ?4, status = ?5, content_type = ?6, location = ?7, \
         body = ?8 WHERE scope = ?1 AND idem_key = ?2 AND request_hash = ?3 AND state = ?9",
        params![
            scope,
            key,
            request_hash,
            DONE,
            answer.status,
            answer.content_type,
            answer.location,
            answer.body,
            IN_PROGRESS
        ],
    )?;
    Ok(kept == 1)
}

/// Frees `key` when its request's answer is not kept (a server failure, a rate limit), so
/// the retry runs again.
pub fn release(conn: &Tx, scope: &str, key: &str, request_hash: &str) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM idempotency_keys \
         WHERE scope = ?1 AND idem_key = ?2 AND request_hash = ?3 AND state = ?4",
        params![scope, key, request_hash, IN_PROGRESS],
    )?;
    Ok(())
}

/// Forgets the keys reserved more than [`KEEP_FOR`] before `now`.
pub fn sweep(conn: &Tx, now: DateTime<Utc>) -> Result<usize, StoreError> {
    conn.execute(
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        [format_instant(now - KEEP_FOR)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn answer() -> StoredResponse {
        StoredResponse {
            status: 201,
            content_type: Some("application/json".to_owned()),
            location: None,
            body: b"{\"id\":\"c-1\"}".to_vec(),
        }
    }

    #[test]
    fn the_rules_for_a_key_already_there() {
        let now = at("2026-11-25T10:00:00Z");
        let running = KeyRow {
            request_hash: "h".to_owned(),
            created_at: format_instant(now - Duration::seconds(5)),
            answer: None,
        };
        let busy = Verdict::Answer(Begin::InProgress);
        assert_eq!(decide(&running, "h", now, ABANDONED_AFTER), busy);
        let mismatch = Verdict::Answer(Begin::Mismatch);
        assert_eq!(decide(&running, "other", now, ABANDONED_AFTER), mismatch);
        let dead = KeyRow {
            created_at: format_instant(now - ABANDONED_AFTER),
            ..running.clone()
        };
        assert_eq!(decide(&dead, "h", now, ABANDONED_AFTER), Verdict::TakeOver);
        assert_eq!(decide(&dead, "other", now, ABANDONED_AFTER), mismatch);
        let done = KeyRow {
            answer: Some(answer()),
            ..dead
        };
        let replay = Verdict::Answer(Begin::Replay(answer()));
        assert_eq!(decide(&done, "h", now, ABANDONED_AFTER), replay);
    }

    #[test]
    fn a_key_is_reserved_answered_replayed_and_swept() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        let now = at("2026-11-25T10:00:00Z");
        store
            .run_blocking(|conn| {
                assert_eq!(
                    begin(conn, "agent:a", "k", "h", now, ABANDONED_AFTER)?,
                    Begin::Proceed
                );
                assert_eq!(
                    begin(conn, "agent:a", "k", "h", now, ABANDONED_AFTER)?,
                    Begin::InProgress
                );
                assert_eq!(
                    begin(conn, "agent:b", "k", "h", now, ABANDONED_AFTER)?,
                    Begin::Proceed
                );
                assert!(complete(conn, "agent:a", "k", "h", &answer())?);
                assert!(!complete(conn, "agent:a", "k", "h", &answer())?);
                let later = now + Duration::hours(23);
                let replay = Begin::Replay(answer());
                assert_eq!(
                    begin(conn, "agent:a", "k", "h", later, ABANDONED_AFTER)?,
                    replay
                );
                assert_eq!(
                    begin(conn, "agent:a", "k", "h2", later, ABANDONED_AFTER)?,
                    Begin::Mismatch
                );
                let next_day = now + KEEP_FOR + Duration::seconds(1);
                assert_eq!(
                    begin(conn, "agent:a", "k", "h2", next_day, ABANDONED_AFTER)?,
                    Begin::Proceed
                );
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn a_released_or_abandoned_key_runs_again() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        let now = at("2026-11-25T10:00:00Z");
        store
            .run_blocking(|conn| {
                assert_eq!(
                    begin(conn, "public", "k", "h", now, ABANDONED_AFTER)?,
                    Begin::Proceed
                );
                release(conn, "public", "k", "h")?;
                assert_eq!(
                    begin(conn, "public", "k", "h", now, ABANDONED_AFTER)?,
                    Begin::Proceed
                );
                let soon = now + Duration::seconds(30);
                assert_eq!(
                    begin(conn, "public", "k", "h", soon, ABANDONED_AFTER)?,
                    Begin::InProgress
                );
                let late = now + ABANDONED_AFTER + Duration::seconds(1);
                assert_eq!(
                    begin(conn, "public", "k", "h", late, ABANDONED_AFTER)?,
                    Begin::Proceed
                );
                assert_eq!(
                    begin(conn, "public", "k", "h", late, ABANDONED_AFTER)?,
                    Begin::InProgress
                );
                let short = Duration::seconds(2);
                let later = late + short;
                assert_eq!(
                    begin(conn, "public", "k", "h", later, short)?,
                    Begin::Proceed
                );
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
