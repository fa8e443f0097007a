-- Communication 1: the API's resources. (With the agents, the first schema, once
-- counted by PRAGMA user_version 1.)
CREATE TABLE conversations (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    trip_publication_id TEXT NOT NULL,
    trip_reference      TEXT NOT NULL,
    establishment_id    TEXT NOT NULL,
    customer_id         TEXT NOT NULL,
    assigned_agent_id   TEXT,
    participants        TEXT NOT NULL DEFAULT '[]',
    status              TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    -- Newest message's sendingDate, else created_at; kept by insert_message so the inbox
    -- can sort and page on an index.
    last_activity_at    TEXT NOT NULL
);
CREATE INDEX conversations_by_activity ON conversations (last_activity_at DESC, seq DESC);
CREATE INDEX conversations_by_customer ON conversations (customer_id);
CREATE INDEX conversations_by_agent ON conversations (assigned_agent_id);
CREATE INDEX conversations_by_establishment ON conversations (establishment_id);

CREATE TABLE messages (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    conversation_id  TEXT NOT NULL REFERENCES conversations (id),
    sending_date     TEXT NOT NULL,
    transmitter_id   TEXT,
    receiver_id      TEXT,
    transmitter_type TEXT NOT NULL,
    content          TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    status           TEXT NOT NULL,
    received_date    TEXT
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, sending_date DESC, seq DESC);

CREATE TABLE contact_messages (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    conversation_id TEXT REFERENCES conversations (id),
    sending_date    TEXT NOT NULL,
    receiver_id     TEXT,
    transmitter_id  TEXT,
    name            TEXT NOT NULL,
    mail            TEXT NOT NULL,
    object          TEXT NOT NULL,
    message         TEXT NOT NULL,
    required        TEXT NOT NULL DEFAULT 'null'
);
CREATE INDEX contact_messages_by_date ON contact_messages (sending_date DESC, seq DESC);

CREATE TABLE mails (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    sending_date     TEXT NOT NULL,
    receivers_id     TEXT NOT NULL,
    publication_id   TEXT,
    reservation_id   TEXT,
    product_type     TEXT,
    organization_id  TEXT,
    establishment_id TEXT,
    category         TEXT NOT NULL
);
