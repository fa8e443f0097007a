-- PostgreSQL's form of ../013_presence.sql (the same: text columns only).
-- Switchboard 13: who is on a conversation right now (docs/presence.md): one row per
-- agent and conversation, refreshed by the agent's console while it shows it. A row not
-- refreshed for a while is gone: read as absent, and deleted by the next write.
CREATE TABLE presence (
    agent_id        TEXT NOT NULL,
    backend         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    state           TEXT NOT NULL,
    since           TEXT NOT NULL,
    seen_at         TEXT NOT NULL,
    PRIMARY KEY (agent_id, backend, conversation_id)
);
CREATE INDEX presence_by_time ON presence (seen_at);
