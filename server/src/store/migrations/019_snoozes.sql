-- Switchboard 19: snoozes (docs/snooze.md): one per conversation, which keeps it out of the
-- inbox's views until its time, or until the customer writes after it was snoozed.
CREATE TABLE snoozes (
    backend         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    until_at        TEXT NOT NULL,
    snoozed_by      TEXT NOT NULL,
    snoozed_at      TEXT NOT NULL,
    PRIMARY KEY (backend, conversation_id)
);
CREATE INDEX snoozes_until ON snoozes (until_at);
