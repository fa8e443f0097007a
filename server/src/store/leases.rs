//! The `leases` table: a job one instance at a time does for the team. Taking one is a
//! single upsert that succeeds for the holder (renewing) or when the lease ran out; two
//! instances racing for it are serialised by the database (SQLite's one writer, or
//! PostgreSQL's serializable transactions), so exactly one holds it.

use super::{params, StoreError, Tx};

/// Takes or renews the lease `name` for `holder` until `until`, when it is free, expired
/// at `now`, or already `holder`'s; whether `holder` holds it now.
pub fn take(
    conn: &Tx,
    name: &str,
    holder: &str,
    now: &str,
    until: &str,
) -> Result<bool, StoreError> {
    conn.execute(
        "INSERT INTO leases (name, holder, until) VALUES (?1, ?2, ?4) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
         WHERE leases.holder = excluded.holder OR leases.until < ?3",
        params![name, holder, now, until],
    )?;
    let current: String = conn.query_row(
        "SELECT holder FROM leases WHERE name = ?1",
        params![name],
        |row| row.get(0),
    )?;
    Ok(current == holder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrations::SWITCHBOARD_ONLY;
    use crate::store::Store;

    #[test]
    fn one_holder_at_a_time_until_its_lease_runs_out() {
        let store = Store::in_memory(SWITCHBOARD_ONLY);
        store
            .run_blocking(|conn| {
                let (t0, t1, t2, t3) = (
                    "2026-12-06T10:00:00.000Z",
                    "2026-12-06T10:00:30.000Z",
                    "2026-12-06T10:01:00.000Z",
                    "2026-12-06T10:01:30.000Z",
                );
                assert!(take(conn, "watch:octopia", "a", t0, t1)?);
                assert!(!take(conn, "watch:octopia", "b", t0, t1)?, "a holds it");
                assert!(take(conn, "watch:octopia", "a", t0, t2)?, "a renews");
                assert!(
                    !take(conn, "watch:octopia", "b", t1, t3)?,
                    "not run out yet"
                );
                assert!(
                    take(conn, "watch:octopia", "b", t3, t3)?,
                    "a stopped renewing"
                );
                assert!(
                    take(conn, "watch:communication", "a", t0, t1)?,
                    "another job"
                );
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
}
