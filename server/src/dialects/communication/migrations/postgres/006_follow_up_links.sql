-- PostgreSQL's form of ../006_follow_up_links.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 6: the customer's private links (Switchboard's addition). A contact
-- message gives its customer a random token that reads and writes its conversation and
-- nothing else; only the token's SHA-256 is kept, and a withdrawn link opens nothing.
CREATE TABLE follow_up_links (
    token_hash      TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    revoked_at      TEXT
);
CREATE INDEX follow_up_links_by_conversation ON follow_up_links (conversation_id);
