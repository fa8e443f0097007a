-- PostgreSQL's form of ../007_devices.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 7: the browsers that signed in before (OWASP's device cookies). A correct
-- sign-in leaves a random token in an HttpOnly cookie; the server keeps its SHA-256 with
-- the email it signed in. Wrong passwords from such a device are counted apart and only
-- slow it down, so an attacker guessing from elsewhere never locks the agent out.
CREATE TABLE devices (
    token_hash TEXT PRIMARY KEY,
    email      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX devices_by_expiry ON devices (expires_at);
