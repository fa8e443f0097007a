-- PostgreSQL's form of ../001_tickets.sql: bigint for integer, bytea for blob, an identity for seq.
-- PostCenter 1: the agents ("cm"), the tickets and their messages. Booleans are 0/1
-- integers, instants `format_instant` text (sorting the text sorts the instants), so the
-- same step reads on another engine.
CREATE TABLE postcenter_cms (
    cmid       BIGINT PRIMARY KEY,
    name       TEXT NOT NULL,
    email      TEXT,
    -- The channel team the agent answers (`facebook`, `twitter`, `email`, `whatsapp`).
    channel    TEXT NOT NULL,
    is_online  BIGINT NOT NULL CHECK (is_online IN (0, 1))
);
CREATE TABLE postcenter_tickets (
    -- The API's id: 24 hexadecimal characters.
    id                TEXT PRIMARY KEY,
    -- The number agents see.
    identifier        BIGINT NOT NULL UNIQUE,
    -- `open`, `closed`, `ignored` or `inProgress`.
    state             TEXT NOT NULL,
    channel           TEXT NOT NULL,
    -- An email's subject; NULL on the other channels.
    subject           TEXT,
    customer_name     TEXT NOT NULL,
    customer_account  TEXT NOT NULL,
    country_id        TEXT,
    -- Facebook only: the page and the user's id on it.
    page_id           TEXT,
    uid               TEXT,
    cmid              BIGINT REFERENCES postcenter_cms (cmid),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX postcenter_tickets_by_channel ON postcenter_tickets (channel, created_at, id);
CREATE INDEX postcenter_tickets_by_state ON postcenter_tickets (state, created_at, id);
CREATE INDEX postcenter_tickets_by_country ON postcenter_tickets (country_id);
CREATE INDEX postcenter_tickets_by_facebook_user ON postcenter_tickets (page_id, uid);
CREATE INDEX postcenter_tickets_by_cm ON postcenter_tickets (cmid, state);
CREATE TABLE postcenter_messages (
    ticket_id       TEXT NOT NULL REFERENCES postcenter_tickets (id),
    -- Oldest first: 0, 1, 2...
    position        BIGINT NOT NULL,
    content         TEXT NOT NULL,
    author_id       TEXT NOT NULL,
    author_name     TEXT NOT NULL,
    author_account  TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    -- An absolute path or URL; NULL when the message has none.
    media           TEXT,
    PRIMARY KEY (ticket_id, position)
);
