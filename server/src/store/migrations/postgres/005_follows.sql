-- PostgreSQL's form of ../005_follows.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 5: what the team follows on backends that cannot list (Switchboard's own
-- extension, never a vendor's endpoint): case guids on case messages, order ids on support
-- sessions. An item is followed once per backend; `added_by` is the agent, or NULL for
-- what the server added itself (created or written through Switchboard, demo data).
CREATE TABLE follows (
    backend  TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT,
    PRIMARY KEY (backend, item_id)
);
