-- PostgreSQL's form of ../009_forwarded_follow_up_links.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 9: the customer's private links to conversations the vendor keeps (the
-- gateway forwards this API). There is no conversation of ours to refer to, so they have
-- a table of their own, with the reference the customer was given (the contact message's
-- id at the vendor).
CREATE TABLE forwarded_follow_up_links (
    token_hash      TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    reference       TEXT,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    revoked_at      TEXT
);
CREATE INDEX forwarded_follow_up_links_by_conversation
    ON forwarded_follow_up_links (conversation_id);
