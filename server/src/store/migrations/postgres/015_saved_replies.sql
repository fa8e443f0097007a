-- PostgreSQL's form of ../015_saved_replies.sql (whole numbers as BIGINT).
-- Switchboard 15: saved replies (docs/saved-replies.md), the team's (owner_id NULL, kept by
-- admins) and each agent's personal ones. Texts are a JSON list of {lang, body}. Retiring
-- keeps the row, so its history stays readable. Every change is kept in
-- saved_reply_changes with who made it and when.
CREATE TABLE saved_replies (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT,
    title      TEXT NOT NULL,
    texts      TEXT NOT NULL,
    retired    BIGINT NOT NULL,
    revision   BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX saved_replies_by_owner ON saved_replies (owner_id);
CREATE TABLE saved_reply_changes (
    reply_id   TEXT NOT NULL REFERENCES saved_replies (id),
    revision   BIGINT NOT NULL,
    title      TEXT NOT NULL,
    texts      TEXT NOT NULL,
    retired    BIGINT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (reply_id, revision)
);
