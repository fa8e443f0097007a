//! Saved views (`docs/saved-views.md`). Routes: `/api/saved-views` ([`crate::saved_views`]).

use super::{params, OptionalExtension, Row, StoreError, Tx};

/// One view, as stored (`shared`: `"1"` or `"0"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewRow {
    pub id: String,
    pub name: String,
    pub query: String,
    pub shared: bool,
    pub owner_id: String,
    pub created_at: String,
}

const COLUMNS: &str = "SELECT id, name, query, shared, owner_id, created_at FROM saved_views";

/// The team's shared views and `agent`'s own, by name.
pub fn visible_to(conn: &Tx, agent: &str) -> Result<Vec<ViewRow>, StoreError> {
    let rows = conn
        .prepare_cached(&format!(
            "{COLUMNS} WHERE shared = '1' OR owner_id = ?1 ORDER BY name, id"
        ))?
        .query_map(params![agent], view_of)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn get(conn: &Tx, id: &str) -> Result<Option<ViewRow>, StoreError> {
    conn.query_row(&format!("{COLUMNS} WHERE id = ?1"), params![id], view_of)
        .optional()
}

/// How many views `agent` owns.
pub fn owned_by(conn: &Tx, agent: &str) -> Result<u64, StoreError> {
    super::count(
        conn,
        "SELECT COUNT(*) FROM saved_views WHERE owner_id = ?1",
        &[agent.to_owned()],
    )
}

/// Creates the view, or changes its name, query and sharing.
pub fn put(conn: &Tx, row: &ViewRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO saved_views (id, name, query, shared, owner_id, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET \
         name = excluded.name, query = excluded.query, shared = excluded.shared",
        params![
            row.id,
            row.name,
            row.query,
            if row.shared { "1" } else { "0" },
            row.owner_id,
            row.created_at
        ],
    )?;
    Ok(())
}

/// Removes a view; whether there was one.
pub fn remove(conn: &Tx, id: &str) -> Result<bool, StoreError> {
    Ok(conn.execute("DELETE FROM saved_views WHERE id = ?1", params![id])? > 0)
}

fn view_of(row: &Row<'_>) -> Result<ViewRow, StoreError> {
    let shared: String = row.get(3)?;
    Ok(ViewRow {
        id: row.get(0)?,
        name: row.get(1)?,
        query: row.get(2)?,
        shared: shared == "1",
        owner_id: row.get(4)?,
        created_at: row.get(5)?,
    })
}
