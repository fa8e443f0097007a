-- Switchboard 20: labels (docs/labels.md): the team's, each name once whatever its letter
-- case (name_key: the name lowered), and which conversation of which backend carries which.
CREATE TABLE labels (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    colour      TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE conversation_labels (
    backend         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    label_id        TEXT NOT NULL,
    added_by        TEXT NOT NULL,
    added_at        TEXT NOT NULL,
    PRIMARY KEY (backend, conversation_id, label_id)
);
CREATE INDEX conversation_labels_label ON conversation_labels (label_id);
