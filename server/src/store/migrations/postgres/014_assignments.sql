-- PostgreSQL's form of ../014_assignments.sql (the same: text columns only).
-- Switchboard 14: the assignee Switchboard keeps for the conversations of backends whose
-- vendor has none (Octopia's discussions, repair cases; docs/assignments.md). One row per
-- assigned conversation; unassigning deletes it.
CREATE TABLE assignments (
    backend         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    agent_id        TEXT NOT NULL,
    assigned_by     TEXT NOT NULL,
    assigned_at     TEXT NOT NULL,
    PRIMARY KEY (backend, conversation_id)
);
