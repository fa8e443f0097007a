-- PostgreSQL's form of ../012_mentions.sql (the same: text columns only).
-- Switchboard 12: mentions, the agents an internal note names with `@` (docs/notes.md).
-- One row per note and agent named; `seen_at` is set when that agent opens the
-- conversation. Like notes, never sent to a vendor nor shown to a customer.
CREATE TABLE mentions (
    note_id         TEXT NOT NULL REFERENCES notes (id),
    agent_id        TEXT NOT NULL,
    backend         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    seen_at         TEXT,
    PRIMARY KEY (note_id, agent_id)
);
CREATE INDEX mentions_by_agent ON mentions (agent_id, created_at);
