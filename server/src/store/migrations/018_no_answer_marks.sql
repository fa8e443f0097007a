-- Switchboard 18: "No answer needed" (docs/deadlines.md): one mark per conversation, which
-- stops its response clock until the customer writes after it.
CREATE TABLE no_answer_marks (
    backend         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    marked_by       TEXT NOT NULL,
    marked_at       TEXT NOT NULL,
    PRIMARY KEY (backend, conversation_id)
);
