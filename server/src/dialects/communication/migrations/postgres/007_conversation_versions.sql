-- PostgreSQL's form of ../007_conversation_versions.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 7: each conversation's version, moved by every change of its status,
-- assignee or details, and who made the last one. Answers carry it as an ETag; a write
-- with If-Match on an older version is refused (412), so a colleague's change made in
-- between is never silently reverted.
ALTER TABLE conversations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE conversations ADD COLUMN changed_by TEXT;
