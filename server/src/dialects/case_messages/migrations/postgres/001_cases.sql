-- PostgreSQL's form of ../001_cases.sql: bigint for integer, bytea for blob, an identity for seq.
-- Case messages 1: the cases (the provider's case system's, as far as this API sees them:
-- an id, a guid and the partner account that owns them) and their messages. Instants are
-- `format_instant` text, so the same step reads on another engine.
CREATE TABLE case_messages_cases (
    -- `caseId`.
    id                 BIGINT PRIMARY KEY,
    -- `guid`, lower case.
    guid               TEXT NOT NULL UNIQUE,
    -- The service partner that may read and write it; another partner gets "No access".
    partner_account_id BIGINT NOT NULL,
    created_at         TEXT NOT NULL
);

CREATE TABLE case_messages (
    -- `id`: "our messageId", what `parentMessageId` and `confirm` name.
    id                BIGINT PRIMARY KEY,
    case_id           BIGINT NOT NULL REFERENCES case_messages_cases (id),
    -- A message of the same case, checked on create.
    parent_message_id BIGINT REFERENCES case_messages (id),
    sender_account_id BIGINT,
    -- partner, provider, or NULL (the platform itself).
    sender_type       TEXT CHECK (sender_type IN ('partner', 'provider')),
    content           TEXT,
    type              TEXT NOT NULL,
    external_id       TEXT,
    user_email        TEXT,
    user_name         TEXT,
    -- The signed-in agent who wrote it through Switchboard (not on the wire).
    agent_id          TEXT,
    declared_at       TEXT NOT NULL,
    confirmed_at      TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    -- A repeated externalId on one case is the same message (NULLs never collide).
    UNIQUE (case_id, external_id)
);
CREATE INDEX case_messages_by_case ON case_messages (case_id, id);
