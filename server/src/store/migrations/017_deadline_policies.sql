-- Switchboard 17: each backend's response-deadline policy as an admin set it
-- (docs/deadlines.md), as JSON; a backend without a row has its default.
CREATE TABLE deadline_policies (
    backend    TEXT PRIMARY KEY,
    policy     TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
