-- PostgreSQL's form of ../004_sessions.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 4: agents' sessions, kept on the server so signing out and expiry really
-- end them. The cookie carries a random token; only its SHA-256 is stored, so a copy of
-- the database opens no session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_agent ON sessions (agent_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
