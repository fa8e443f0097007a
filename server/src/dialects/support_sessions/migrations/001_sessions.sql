-- Support sessions 1: one session per order (opened again after a close, on the same row)
-- with its callback phone and its agent, and the history of the changes made through
-- Switchboard. Booleans are 0/1 integers, instants `format_instant` text, so the same
-- step reads on another engine.
CREATE TABLE support_sessions (
    order_id        TEXT PRIMARY KEY,
    -- E.164, or NULL when none was given.
    callback_phone  TEXT,
    -- The order's agent (its performer) and its rating, kept as written; both NULL when
    -- the session has no agent.
    agent_id        TEXT,
    agent_rating    TEXT,
    is_open         INTEGER NOT NULL CHECK (is_open IN (0, 1)),
    opened_at       TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    closed_at       TEXT
);
-- Switchboard's own addition: who changed what, and when; oldest first by seq.
CREATE TABLE support_session_history (
    seq                     INTEGER PRIMARY KEY,
    order_id                TEXT NOT NULL REFERENCES support_sessions (order_id),
    event                   TEXT NOT NULL,
    at                      TEXT NOT NULL,
    -- The signed-in agent who made the change, and their name then.
    by_id                   TEXT,
    by_name                 TEXT,
    callback_phone          TEXT,
    previous_callback_phone TEXT,
    agent_id                TEXT,
    agent_rating            TEXT,
    previous_agent_id       TEXT,
    previous_agent_rating   TEXT
);
CREATE INDEX support_session_history_by_order ON support_session_history (order_id, seq);
