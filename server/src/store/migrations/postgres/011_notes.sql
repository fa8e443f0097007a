-- PostgreSQL's form of ../011_notes.sql (the same: text columns only).
-- Switchboard 11: internal notes, Switchboard's own addition beside each vendor's
-- conversation (docs/notes.md): never sent to a vendor nor shown to a customer. The id is
-- the console's, chosen before it sends, so a retry stores a note once.
CREATE TABLE notes (
    id              TEXT PRIMARY KEY,
    backend         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    author_id       TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX notes_by_conversation ON notes (backend, conversation_id, created_at);
