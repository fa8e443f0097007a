//! Presence (`docs/presence.md`): one row per agent and conversation they show, with what
//! they are doing, since when, and when their console last said so. A row older than
//! `PRESENCE_LASTS_SECONDS` is absent: never listed, and deleted by the next write.
//! Routes: `/api/presence` ([`crate::presence`]).

use super::{params, OptionalExtension, Row, StoreError, Tx};

/// One agent on one conversation, as stored (times as written by `format_instant`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresenceRow {
    pub agent_id: String,
    pub backend: String,
    pub conversation_id: String,
    pub state: String,
    pub since: String,
}

/// Says `agent` is on the conversation doing `state` at `now`, and forgets every row last
/// said before `gone_before`. Whether anyone else would see a difference: the agent
/// arrived, or changed what they do (a refresh of the same is not news).
pub fn set(conn: &Tx, row: &PresenceRow, now: &str, gone_before: &str) -> Result<bool, StoreError> {
    conn.execute(
        "DELETE FROM presence WHERE seen_at < ?1",
        params![gone_before],
    )?;
    let before: Option<String> = conn
        .query_row(
            "SELECT state FROM presence WHERE agent_id = ?1 AND backend = ?2 \
             AND conversation_id = ?3",
            params![row.agent_id, row.backend, row.conversation_id],
            |r| r.get(0),
        )
        .optional()?;
    let news = before.as_deref() != Some(row.state.as_str());
    conn.execute(
        "INSERT INTO presence (agent_id, backend, conversation_id, state, since, seen_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (agent_id, backend, conversation_id) \
         DO UPDATE SET seen_at = excluded.seen_at, \
         since = CASE WHEN presence.state = excluded.state THEN presence.since ELSE excluded.since END, \
         state = excluded.state",
        params![row.agent_id, row.backend, row.conversation_id, row.state, now],
    )?;
    Ok(news)
}

/// The agent left the conversation; whether they were on it.
pub fn leave(
    conn: &Tx,
    agent: &str,
    backend: &str,
    conversation_id: &str,
) -> Result<bool, StoreError> {
    let removed = conn.execute(
        "DELETE FROM presence WHERE agent_id = ?1 AND backend = ?2 AND conversation_id = ?3",
        params![agent, backend, conversation_id],
    )?;
    Ok(removed > 0)
}

/// Everyone said to be somewhere since `gone_before`.
pub fn live(conn: &Tx, gone_before: &str) -> Result<Vec<PresenceRow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT agent_id, backend, conversation_id, state, since FROM presence \
         WHERE seen_at >= ?1 ORDER BY backend, conversation_id, agent_id",
    )?;
    let rows = statement
        .query_map(params![gone_before], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn row_of(row: &Row<'_>) -> Result<PresenceRow, StoreError> {
    Ok(PresenceRow {
        agent_id: row.get(0)?,
        backend: row.get(1)?,
        conversation_id: row.get(2)?,
        state: row.get(3)?,
        since: row.get(4)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn row(agent: &str, state: &str) -> PresenceRow {
        PresenceRow {
            agent_id: agent.into(),
            backend: "octopia".into(),
            conversation_id: "d-1".into(),
            state: state.into(),
            since: String::new(),
        }
    }

    #[test]
    fn arriving_and_changing_are_news_a_refresh_is_not_and_silence_ends_it() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                let t = |s: u32| format!("2026-12-06T10:00:{s:02}.000Z");
                assert!(set(conn, &row("a1", "viewing"), &t(0), &t(0))?);
                assert!(!set(conn, &row("a1", "viewing"), &t(10), &t(0))?);
                assert!(set(conn, &row("a1", "typing"), &t(20), &t(0))?);
                assert!(set(conn, &row("a2", "viewing"), &t(30), &t(0))?);
                let now = live(conn, &t(0))?;
                assert_eq!(now.len(), 2);
                assert_eq!(
                    (now[0].state.as_str(), now[0].since.as_str()),
                    ("typing", t(20).as_str())
                );
                // a1 said nothing after 0:20: gone for a reader after that.
                let later = live(conn, &t(25))?;
                assert_eq!(
                    later
                        .iter()
                        .map(|r| r.agent_id.as_str())
                        .collect::<Vec<_>>(),
                    ["a2"]
                );
                assert!(leave(conn, "a2", "octopia", "d-1")?);
                assert!(!leave(conn, "a2", "octopia", "d-1")?);
                // A write forgets the silent ones for good.
                set(conn, &row("a3", "viewing"), &t(50), &t(25))?;
                assert_eq!(live(conn, &t(0))?.len(), 1);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
