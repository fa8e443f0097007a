-- PostgreSQL's form of ../006_idempotency_keys.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 6: the answers to creates sent with an `Idempotency-Key`, so a retried
-- request is answered with the stored result instead of creating a second item. A key is
-- scoped to the agent who sent it (`agent:<id>`), or `public` on the public routes. A row
-- is `in-progress` while its first request runs and `done` once its answer is kept; rows
-- are swept 24 hours after `created_at`.
CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,
    idem_key     TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state        TEXT NOT NULL,
    status       BIGINT,
    content_type TEXT,
    location     TEXT,
    body         BYTEA,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
