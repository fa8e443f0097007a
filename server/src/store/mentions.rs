//! Mentions (`docs/notes.md`): the agents an internal note names, one row per note and
//! agent, kept in the note's transaction; each agent's list of them, newest first, and
//! which they have seen (opened the conversation since). Routes: `/api/mentions`
//! ([`crate::mentions`]); a note's own are listed with it ([`crate::notes`]).

use super::notes::NoteRow;
use super::{params, Row, StoreError, Tx};

/// One mention as its agent lists it: the note's place, author, text and time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionRow {
    pub note_id: String,
    pub backend: String,
    pub conversation_id: String,
    pub author_id: String,
    pub body: String,
    pub created_at: String,
    pub seen: bool,
}

/// Keeps that `note` names each of `agents` (once, however often it is asked).
pub fn add(conn: &Tx, note: &NoteRow, agents: &[String]) -> Result<(), StoreError> {
    for agent in agents {
        conn.execute(
            "INSERT INTO mentions (note_id, agent_id, backend, conversation_id, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (note_id, agent_id) DO NOTHING",
            params![
                note.id,
                agent,
                note.backend,
                note.conversation_id,
                note.created_at
            ],
        )?;
    }
    Ok(())
}

/// Who each note of one conversation names: `(note id, agent id)`, by note then agent.
pub fn of_conversation(
    conn: &Tx,
    backend: &str,
    conversation_id: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT note_id, agent_id FROM mentions WHERE backend = ?1 AND conversation_id = ?2 \
         ORDER BY note_id, agent_id",
    )?;
    let rows = statement
        .query_map(params![backend, conversation_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The `limit` newest notes naming `agent`.
pub fn for_agent(conn: &Tx, agent: &str, limit: u32) -> Result<Vec<MentionRow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT m.note_id, m.backend, m.conversation_id, n.author_id, n.body, m.created_at, \
         m.seen_at FROM mentions m JOIN notes n ON n.id = m.note_id WHERE m.agent_id = ?1 \
         ORDER BY m.created_at DESC, m.note_id LIMIT ?2",
    )?;
    let rows = statement
        .query_map(params![agent, i64::from(limit)], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many notes name `agent` that they have not seen.
pub fn unseen(conn: &Tx, agent: &str) -> Result<u64, StoreError> {
    let count: i64 = conn.query_row(
        "SELECT COUNT(*) FROM mentions WHERE agent_id = ?1 AND seen_at IS NULL",
        params![agent],
        |row| row.get(0),
    )?;
    Ok(u64::try_from(count).unwrap_or(0))
}

/// Marks what names `agent` on one conversation as seen at `now`; how many were not.
pub fn mark_seen(
    conn: &Tx,
    agent: &str,
    backend: &str,
    conversation_id: &str,
    now: &str,
) -> Result<usize, StoreError> {
    let changed = conn.execute(
        "UPDATE mentions SET seen_at = ?1 WHERE agent_id = ?2 AND backend = ?3 \
         AND conversation_id = ?4 AND seen_at IS NULL",
        params![now, agent, backend, conversation_id],
    )?;
    Ok(changed)
}

fn row_of(row: &Row<'_>) -> Result<MentionRow, StoreError> {
    Ok(MentionRow {
        note_id: row.get(0)?,
        backend: row.get(1)?,
        conversation_id: row.get(2)?,
        author_id: row.get(3)?,
        body: row.get(4)?,
        created_at: row.get(5)?,
        seen: row.get::<_, Option<String>>(6)?.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{notes, Store};

    fn note(id: &str, conversation: &str, at: &str) -> NoteRow {
        NoteRow {
            id: id.into(),
            backend: "octopia".into(),
            conversation_id: conversation.into(),
            author_id: "a1".into(),
            body: format!("@Bob about {conversation}"),
            created_at: at.into(),
        }
    }

    #[test]
    fn an_agent_lists_the_notes_naming_them_newest_first_until_they_open_each_conversation() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                let bob = ["a2".to_owned()];
                for (id, conversation, at) in [
                    ("n1", "d-1", "2026-12-06T10:00:00.000Z"),
                    ("n2", "d-2", "2026-12-06T10:05:00.000Z"),
                    ("n3", "d-1", "2026-12-06T10:09:00.000Z"),
                ] {
                    let row = note(id, conversation, at);
                    notes::add(conn, &row)?;
                    add(conn, &row, &bob)?;
                    add(conn, &row, &bob)?;
                }
                let listed = for_agent(conn, "a2", 10)?;
                let ids: Vec<&str> = listed.iter().map(|m| m.note_id.as_str()).collect();
                assert_eq!(ids, ["n3", "n2", "n1"]);
                assert_eq!(unseen(conn, "a2")?, 3);
                assert_eq!(for_agent(conn, "a2", 1)?.len(), 1);
                assert!(
                    for_agent(conn, "a1", 10)?.is_empty(),
                    "the author is not named"
                );
                assert_eq!(
                    mark_seen(conn, "a2", "octopia", "d-1", "2026-12-06T11:00:00Z")?,
                    2
                );
                assert_eq!(
                    mark_seen(conn, "a2", "octopia", "d-1", "2026-12-06T11:01:00Z")?,
                    0
                );
                assert_eq!(unseen(conn, "a2")?, 1);
                let seen: Vec<bool> = for_agent(conn, "a2", 10)?.iter().map(|m| m.seen).collect();
                assert_eq!(seen, [true, false, true]);
                assert_eq!(
                    of_conversation(conn, "octopia", "d-1")?,
                    [("n1".into(), "a2".into()), ("n3".into(), "a2".into())]
                );
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
