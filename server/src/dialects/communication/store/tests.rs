//! The communication store against a real (in-memory or temporary) SQLite database: order,
//! filters, transactions, files, and databases written by earlier servers.

use super::*;
use crate::store::files::insert_file;
use crate::store::migrations::{self, KEYED_USER_VERSION};
use crate::store::Store;
use rusqlite::Connection;

fn conversation(id: &str, created_at: &str) -> ConversationRecord {
    ConversationRecord {
        id: id.into(),
        trip_publication_id: "pub".into(),
        trip_reference: "TRIP-1".into(),
        establishment_id: "est".into(),
        customer_id: "ana@example.es".into(),
        assigned_agent_id: None,
        participants: vec!["ana@example.es".into()],
        status: "OPEN".into(),
        created_at: created_at.into(),
        customer_name: None,
        version: 1,
        changed_by: None,
    }
}

fn message(id: &str, conversation_id: &str, sending_date: &str) -> MessageRecord {
    MessageRecord {
        id: id.into(),
        conversation_id: conversation_id.into(),
        sending_date: sending_date.into(),
        transmitter_id: None,
        receiver_id: None,
        transmitter_type: "CUSTOMER".into(),
        content: format!("message {id}"),
        content_type: "TEXT".into(),
        status: "SENT".into(),
        received_date: None,
        attachments: Vec::new(),
    }
}

fn file(id: &str, name: &str, data: &'static [u8]) -> NewFile {
    NewFile {
        record: FileRecord {
            id: id.into(),
            name: name.into(),
            media_type: "image/png".into(),
            size: data.len() as u64,
            sha256: "00".into(),
            created_at: "2026-01-01T00:00:00.000Z".into(),
        },
        data: axum::body::Bytes::from_static(data),
    }
}

const ALL: Window = Window {
    offset: 0,
    limit: 100,
};

#[test]
fn conversations_order_by_last_message_else_creation() {
    let store = Store::in_memory(&crate::dialects::migrations());
    store
        .run_blocking(|conn| {
            insert_conversation(conn, &conversation("old", "2026-01-01T00:00:00.000Z"))?;
            insert_conversation(conn, &conversation("new", "2026-01-05T00:00:00.000Z"))?;
            insert_conversation(conn, &conversation("quiet", "2026-01-03T00:00:00.000Z"))?;
            // The oldest conversation gets the newest message, so it moves to the top.
            insert_message(conn, &message("m1", "old", "2026-01-09T00:00:00.000Z"))?;
            // An older message never moves a conversation back.
            insert_message(conn, &message("m0", "old", "2025-12-31T00:00:00.000Z"))?;
            let ids: Vec<_> = list_conversations(conn, &ConversationFilter::default(), ALL)?
                .rows
                .into_iter()
                .map(|c| c.id)
                .collect();
            assert_eq!(ids, ["old", "new", "quiet"]);
            let last = last_message(conn, "old")?.map(|m| m.id);
            assert_eq!(last.as_deref(), Some("m1"));
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn filters_combine_and_pages_count_everything() {
    let store = Store::in_memory(&crate::dialects::migrations());
    store
        .run_blocking(|conn| {
            for index in 0..7 {
                let mut record = conversation(
                    &format!("c{index}"),
                    &format!("2026-01-0{index}T00:00:00.000Z"),
                );
                if index % 2 == 0 {
                    record.status = "CLOSED".into();
                }
                insert_conversation(conn, &record)?;
            }
            let closed = ConversationFilter {
                status: Some("CLOSED".into()),
                customer_id: Some("ana@example.es".into()),
                ..Default::default()
            };
            let page = list_conversations(
                conn,
                &closed,
                Window {
                    offset: 2,
                    limit: 3,
                },
            )?;
            assert_eq!(page.total, 4);
            let ids: Vec<_> = page.rows.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, ["c2", "c0"]);
            let past_the_end = list_conversations(
                conn,
                &closed,
                Window {
                    offset: 40,
                    limit: 3,
                },
            )?;
            assert!(past_the_end.rows.is_empty());
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn a_reference_is_found_whatever_its_case_on_its_index() {
    let store = Store::in_memory(&crate::dialects::migrations());
    store
        .run_blocking(|conn| {
            for (id, reference, status) in [
                ("a", "C-4QK7M2XD", "OPEN"),
                ("b", "c-9tb3w6rh", "CLOSED"),
                ("c", "TRIP-2026-0412", "OPEN"),
            ] {
                let mut record = conversation(id, "2026-01-01T00:00:00.000Z");
                record.trip_reference = reference.into();
                record.status = status.into();
                insert_conversation(conn, &record)?;
            }
            let found = |reference: &str, status: Option<&str>| {
                let filter = ConversationFilter {
                    trip_reference: Some(reference.into()),
                    status: status.map(Into::into),
                    ..Default::default()
                };
                list_conversations(conn, &filter, ALL)
                    .map(|page| page.rows.into_iter().map(|c| c.id).collect::<Vec<_>>())
            };
            assert_eq!(found("c-4qk7m2xd", None)?, ["a"]);
            assert_eq!(found("C-9TB3W6RH", None)?, ["b"]);
            assert_eq!(found("C-9TB3W6RH", Some("OPEN"))?, Vec::<String>::new());
            assert_eq!(
                found("C-4QK7M2X", None)?,
                Vec::<String>::new(),
                "exact, not a prefix"
            );
            assert!(reference_taken(conn, "C-9TB3W6RH")?);
            assert!(!reference_taken(conn, "C-00000000")?);

            let plan: Vec<String> = conn
                .prepare(
                    "EXPLAIN QUERY PLAN SELECT id FROM conversations \
                     WHERE UPPER(trip_reference) = UPPER(?1)",
                )?
                .query_map(["c-4qk7m2xd"], |row| row.get::<_, String>(3))?
                .collect::<Result<_, _>>()?;
            assert!(
                plan.iter()
                    .any(|step| step.contains("conversations_by_reference")),
                "{plan:?}"
            );
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn a_failed_transaction_leaves_nothing_behind() {
    let store = Store::in_memory(&crate::dialects::migrations());
    let result: Result<(), StoreError> = store.run_blocking(|conn| {
        insert_conversation(conn, &conversation("c", "2026-01-01T00:00:00.000Z"))?;
        // Same id again: the UNIQUE constraint fails and the whole transaction goes.
        insert_conversation(conn, &conversation("c", "2026-01-01T00:00:00.000Z"))?;
        Ok(())
    });
    assert!(result.is_err());
    let total = store.run_blocking(count_conversations).unwrap();
    assert_eq!(total, 0);
}

#[test]
fn files_come_with_their_messages_in_order() {
    let store = Store::in_memory(&crate::dialects::migrations());
    store
        .run_blocking(|conn| {
            insert_conversation(conn, &conversation("c", "2026-01-01T00:00:00.000Z"))?;
            insert_message(conn, &message("m1", "c", "2026-01-02T00:00:00.000Z"))?;
            insert_message(conn, &message("m2", "c", "2026-01-03T00:00:00.000Z"))?;
            insert_message_files(
                conn,
                "m1",
                &[
                    file("a2", "b.png", b"second"),
                    file("a1", "a.png", b"first"),
                ],
            )?;
            let page = list_messages(conn, "c", ALL)?;
            let m1 = page.rows.iter().find(|m| m.id == "m1").unwrap();
            let names: Vec<_> = m1.attachments.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(names, ["b.png", "a.png"], "sent order, not id order");
            assert_eq!(m1.attachments[0].size, 6);
            let m2 = page.rows.iter().find(|m| m.id == "m2").unwrap();
            assert!(m2.attachments.is_empty());
            insert_message_files(conn, "m2", &[file("a3", "c.png", b"third")])?;
            let lasts = last_messages(conn, &["c", "nowhere"])?;
            assert_eq!(lasts[0].as_ref().unwrap().attachments[0].id, "a3");
            assert!(lasts[1].is_none());
            let (record, data) = get_attachment(conn, "a1")?.unwrap();
            assert_eq!((record.name.as_str(), &data[..]), ("a.png", &b"first"[..]));
            assert!(get_attachment(conn, "nope")?.is_none());
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn listing_files_uses_the_link_index_and_never_reads_the_bytes() {
    let store = Store::in_memory(&crate::dialects::migrations());
    store
        .run_blocking(|conn| {
            let plan: Vec<String> = conn
                .prepare(
                    "EXPLAIN QUERY PLAN SELECT file_id FROM message_files \
                     WHERE message_id IN (?1, ?2) ORDER BY message_id, position",
                )?
                .query_map(["a", "b"], |row| row.get::<_, String>(3))?
                .collect::<Result<_, _>>()?;
            assert!(
                plan.iter()
                    .any(|step| step.starts_with("SEARCH") && step.contains("INDEX")),
                "{plan:?}"
            );
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert!(!FILE_COLUMNS.contains(&"content"));
}

#[test]
fn a_file_no_message_links_to_is_not_downloadable_here() {
    let store = Store::in_memory(&crate::dialects::migrations());
    store
        .run_blocking(|conn| {
            insert_file(conn, &file("other", "o.png", b"another dialect's"))?;
            assert!(get_attachment(conn, "other")?.is_none());
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

/// A database as a server from before the keyed steps left it at `user_version`.
fn counted_database(path: &std::path::Path, user_version: i64) -> Connection {
    let connection = Connection::open(path).unwrap();
    connection
        .execute_batch(migrations::SWITCHBOARD_MIGRATIONS[0].sql)
        .unwrap();
    connection
        .execute_batch(super::super::MIGRATIONS[0].sql)
        .unwrap();
    if user_version >= 2 {
        connection
            .execute_batch(super::super::MIGRATIONS[1].sql)
            .unwrap();
    }
    connection
        .pragma_update(None, "user_version", user_version)
        .unwrap();
    connection
        .execute(
            "INSERT INTO conversations (id, trip_publication_id, trip_reference, \
             establishment_id, customer_id, status, created_at, last_activity_at) \
             VALUES ('c', 'p', 'r', 'e', 'x', 'OPEN', '2026', '2026')",
            [],
        )
        .unwrap();
    connection
}

fn every_step_is_recorded(conn: &Connection) {
    let applied = migrations::applied(conn).unwrap();
    for (dialect, steps) in crate::dialects::migrations() {
        for step in steps {
            assert!(
                applied.contains(&(dialect.to_owned(), step.version)),
                "{dialect} {}",
                step.version
            );
        }
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, KEYED_USER_VERSION);
}

#[test]
fn a_first_version_database_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    drop(counted_database(&path, 1));
    let store = Store::open(&path, &crate::dialects::migrations()).unwrap();
    every_step_is_recorded(&Connection::open(&path).unwrap());
    store
        .run_blocking(|conn| {
            assert!(get_conversation(conn, "c")?.is_some(), "the old rows stay");
            insert_message(conn, &message("m", "c", "2026-01-02T00:00:00.000Z"))?;
            insert_message_files(conn, "m", &[file("a", "a.png", b"x")])?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn a_second_version_database_keeps_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.sqlite3");
    let connection = counted_database(&path, 2);
    connection
        .execute_batch(
            "INSERT INTO messages (id, conversation_id, sending_date, transmitter_type, content, \
             content_type, status) VALUES ('m', 'c', '2026-01-02', 'CUSTOMER', 'hi', 'TEXT', 'SENT'); \
             INSERT INTO attachments (id, message_id, position, file_name, media_type, size, \
             sha256, data, created_at) VALUES \
             ('a2', 'm', 1, 'b.pdf', 'application/pdf', 3, 'bb', X'626262', '2026-01-02'), \
             ('a1', 'm', 0, 'a.png', 'image/png', 2, 'aa', X'6161', '2026-01-02');",
        )
        .unwrap();
    drop(connection);
    let store = Store::open(&path, &crate::dialects::migrations()).unwrap();
    every_step_is_recorded(&Connection::open(&path).unwrap());
    store
        .run_blocking(|conn| {
            let last = last_message(conn, "c")?.unwrap();
            let names: Vec<_> = last.attachments.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(names, ["a.png", "b.pdf"]);
            let (record, data) = get_attachment(conn, "a2")?.unwrap();
            assert_eq!((record.sha256.as_str(), &data[..]), ("bb", &b"bbb"[..]));
            Ok::<_, StoreError>(())
        })
        .unwrap();
    drop(store);
    // Opening again applies nothing more.
    Store::open(&path, &crate::dialects::migrations()).unwrap();
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    let connection = Connection::open(&path).unwrap();
    connection.pragma_update(None, "user_version", 99).unwrap();
    drop(connection);
    let error = Store::open(&path, &crate::dialects::migrations())
        .err()
        .unwrap();
    assert!(error.to_string().contains("schema version 99"), "{error}");
}

#[test]
fn a_step_from_a_newer_server_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer-step.sqlite3");
    drop(Store::open(&path, &crate::dialects::migrations()).unwrap());
    let connection = Connection::open(&path).unwrap();
    connection
        .execute(
            "INSERT INTO schema_migrations (dialect, version, name) \
             VALUES ('communication', 99, 'future')",
            [],
        )
        .unwrap();
    drop(connection);
    let error = Store::open(&path, &crate::dialects::migrations())
        .err()
        .unwrap();
    assert!(
        error.to_string().contains("communication step 99"),
        "{error}"
    );
}
