-- PostgreSQL's form of ../016_note_files.sql (whole numbers as BIGINT).
-- Switchboard 16: a note's files (docs/notes.md), in the neutral files table, linked in
-- their order. The link's column is message_id, as every dialect's link table names it, so
-- the files store reads and writes them alike.
CREATE TABLE note_files (
    message_id TEXT NOT NULL REFERENCES notes (id),
    file_id    TEXT NOT NULL REFERENCES files (id),
    position   BIGINT NOT NULL,
    PRIMARY KEY (message_id, position)
);
