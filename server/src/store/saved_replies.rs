//! Saved replies (`docs/saved-replies.md`): the team's (no owner) and each agent's personal
//! ones, with every change kept. A change names the revision it was made on, and is kept
//! only if that is still the current one, so two admins never overwrite each other unseen.
//! Routes: `/api/saved-replies` ([`crate::saved_replies`]).

use super::{count, params, OptionalExtension, Row, StoreError, Tx};

/// One saved reply as stored: its texts as JSON, its time as written (`format_instant`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedReplyRow {
    pub id: String,
    pub owner_id: Option<String>,
    pub title: String,
    pub texts: String,
    pub retired: bool,
    pub revision: i64,
    pub updated_by: String,
    pub updated_at: String,
}

/// The team's replies and `agent`'s own, retired ones too, by title.
pub fn visible_to(conn: &Tx, agent: &str) -> Result<Vec<SavedReplyRow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, owner_id, title, texts, retired, revision, updated_by, updated_at \
         FROM saved_replies WHERE owner_id IS NULL OR owner_id = ?1 ORDER BY title, id",
    )?;
    let rows = statement
        .query_map(params![agent], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One reply, whoever owns it.
pub fn get(conn: &Tx, id: &str) -> Result<Option<SavedReplyRow>, StoreError> {
    conn.query_row(
        "SELECT id, owner_id, title, texts, retired, revision, updated_by, updated_at \
         FROM saved_replies WHERE id = ?1",
        params![id],
        row_of,
    )
    .optional()
}

/// How many replies `owner` keeps (`None`: the team).
pub fn count_of(conn: &Tx, owner: Option<&str>) -> Result<u64, StoreError> {
    match owner {
        Some(owner) => count(
            conn,
            "SELECT COUNT(*) FROM saved_replies WHERE owner_id = ?1",
            &[owner.to_owned()],
        ),
        None => count(
            conn,
            "SELECT COUNT(*) FROM saved_replies WHERE owner_id IS NULL",
            &[],
        ),
    }
}

/// Keeps `reply` as its revision: a new one at revision 1, else over `revision - 1`. False
/// when that revision is not the current one any more (or the id is taken): nothing kept.
pub fn put(conn: &Tx, reply: &SavedReplyRow) -> Result<bool, StoreError> {
    let kept = if reply.revision == 1 {
        conn.execute(
            "INSERT INTO saved_replies \
             (id, owner_id, title, texts, retired, revision, updated_by, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7) ON CONFLICT (id) DO NOTHING",
            params![
                reply.id,
                reply.owner_id,
                reply.title,
                reply.texts,
                reply.retired,
                reply.updated_by,
                reply.updated_at
            ],
        )?
    } else {
        conn.execute(
            "UPDATE saved_replies SET title = ?2, texts = ?3, retired = ?4, revision = ?5, \
             updated_by = ?6, updated_at = ?7 WHERE id = ?1 AND revision = ?8",
            params![
                reply.id,
                reply.title,
                reply.texts,
                reply.retired,
                reply.revision,
                reply.updated_by,
                reply.updated_at,
                reply.revision - 1
            ],
        )?
    };
    if kept == 0 {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO saved_reply_changes \
         (reply_id, revision, title, texts, retired, changed_by, changed_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            reply.id,
            reply.revision,
            reply.title,
            reply.texts,
            reply.retired,
            reply.updated_by,
            reply.updated_at
        ],
    )?;
    Ok(true)
}

/// Every change of one reply, newest first, as rows of what it said afterwards.
pub fn history(conn: &Tx, id: &str) -> Result<Vec<SavedReplyRow>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT c.reply_id, r.owner_id, c.title, c.texts, c.retired, c.revision, \
         c.changed_by, c.changed_at FROM saved_reply_changes c \
         JOIN saved_replies r ON r.id = c.reply_id \
         WHERE c.reply_id = ?1 ORDER BY c.revision DESC",
    )?;
    let rows = statement
        .query_map(params![id], row_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn row_of(row: &Row<'_>) -> Result<SavedReplyRow, StoreError> {
    let retired: i64 = row.get(4)?;
    Ok(SavedReplyRow {
        id: row.get(0)?,
        owner_id: row.get(1)?,
        title: row.get(2)?,
        texts: row.get(3)?,
        retired: retired != 0,
        revision: row.get(5)?,
        updated_by: row.get(6)?,
        updated_at: row.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn reply(id: &str, owner: Option<&str>, title: &str, revision: i64) -> SavedReplyRow {
        SavedReplyRow {
            id: id.into(),
            owner_id: owner.map(str::to_owned),
            title: title.into(),
            texts: r#"[{"lang":"en","body":"Hello"}]"#.into(),
            retired: false,
            revision,
            updated_by: "agent-camille".into(),
            updated_at: format!("2026-12-06T10:0{revision}:00.000Z"),
        }
    }

    #[test]
    fn a_change_on_an_old_revision_is_refused_and_every_kept_change_is_in_the_history() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                assert!(put(conn, &reply("r1", None, "Refund", 1))?);
                assert!(
                    !put(conn, &reply("r1", None, "Taken", 1))?,
                    "the id is taken"
                );
                assert!(put(conn, &reply("r1", None, "Refund sent", 2))?);
                assert!(
                    !put(conn, &reply("r1", None, "Late edit", 2))?,
                    "made on revision 1"
                );
                let kept = get(conn, "r1")?.map(|r| (r.title, r.revision));
                assert_eq!(kept, Some(("Refund sent".to_owned(), 2)));
                let titles: Vec<String> =
                    history(conn, "r1")?.into_iter().map(|r| r.title).collect();
                assert_eq!(titles, ["Refund sent", "Refund"]);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn an_agent_sees_the_teams_replies_and_their_own_never_a_colleagues() {
        let store = Store::in_memory(crate::store::migrations::SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                put(conn, &reply("t", None, "Team", 1))?;
                put(conn, &reply("a", Some("agent-aisha"), "Aisha's", 1))?;
                put(conn, &reply("j", Some("agent-javier"), "Javier's", 1))?;
                let seen: Vec<String> = visible_to(conn, "agent-aisha")?
                    .into_iter()
                    .map(|r| r.id)
                    .collect();
                assert_eq!(seen, ["a", "t"]);
                assert_eq!(count_of(conn, None)?, 1);
                assert_eq!(count_of(conn, Some("agent-javier"))?, 1);
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
