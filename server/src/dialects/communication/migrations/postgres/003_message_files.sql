-- PostgreSQL's form of ../003_message_files.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 3: a message's files move to Switchboard's `files` table; this link keeps
-- which message each belongs to, in the order they were sent. Runs after Switchboard's
-- step 2, which creates `files`.
CREATE TABLE message_files (
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    file_id    TEXT NOT NULL REFERENCES files (id),
    position   BIGINT NOT NULL,
    PRIMARY KEY (message_id, position)
);
CREATE INDEX message_files_by_file ON message_files (file_id);

INSERT INTO files (id, name, media_type, size, sha256, created_at, content)
SELECT id, file_name, media_type, size, sha256, created_at, data FROM attachments;

INSERT INTO message_files (message_id, file_id, position)
SELECT message_id, id, position FROM attachments;

DROP TABLE attachments;
