-- PostgreSQL's form of ../002_attachments.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 2 (once PRAGMA user_version 2): files sent with messages, their bytes
-- beside their metadata. Step 3 moves them into Switchboard's neutral `files` table.
CREATE TABLE attachments (
    id         TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    file_name  TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size       BIGINT NOT NULL,
    sha256     TEXT NOT NULL,
    data       BYTEA NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_by_message ON attachments (message_id, position);
