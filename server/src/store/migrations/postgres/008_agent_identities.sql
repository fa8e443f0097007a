-- PostgreSQL's form of ../008_agent_identities.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 8: each agent's identity on each vendor, for the gateway. A forwarded vendor
-- only sees the team's credentials, so it cannot know which agent wrote: the gateway sets
-- the author fields of a write from this row (the vendor's id for the agent, and the email
-- and display name where the vendor's document reads them), and refuses a write by an agent
-- who has none. `backend` is a dialect's name; one identity per agent and backend.
CREATE TABLE agent_identities (
    agent_id  TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    backend   TEXT NOT NULL,
    vendor_id TEXT NOT NULL,
    email     TEXT,
    name      TEXT,
    PRIMARY KEY (agent_id, backend)
);
