-- Octopia 1: discussions, their messages, each message's receivers (one row each) and
-- the link from a message to its files in Switchboard's neutral `files` table. Runs after
-- Switchboard's step 2, which creates `files`. Booleans are 0/1 integers, instants
-- `format_instant` text, so the same step reads on another engine.
CREATE TABLE octopia_discussions (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    subject           TEXT NOT NULL,
    order_reference   TEXT NOT NULL,
    order_id          TEXT NOT NULL,
    offer_id          TEXT,
    product_id        TEXT,
    typology_code     TEXT NOT NULL,
    sub_typology_code TEXT NOT NULL,
    -- The process status: ToTreat or Treated.
    status            TEXT NOT NULL,
    is_open           INTEGER NOT NULL CHECK (is_open IN (0, 1)),
    -- Discussion or Claim.
    graduation_code   TEXT NOT NULL,
    customer_id       TEXT NOT NULL,
    customer_name     TEXT NOT NULL,
    seller_id         TEXT NOT NULL,
    sales_channel     TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    -- The newest activity: a message, or a change of isOpen. Lists sort on it.
    updated_at        TEXT NOT NULL
);
CREATE INDEX octopia_discussions_by_update ON octopia_discussions (updated_at, id);
CREATE INDEX octopia_discussions_by_order ON octopia_discussions (order_id);
CREATE INDEX octopia_discussions_by_reference ON octopia_discussions (order_reference);
CREATE INDEX octopia_discussions_to_treat
    ON octopia_discussions (sales_channel, graduation_code, status, is_open);

CREATE TABLE octopia_messages (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    discussion_id TEXT NOT NULL REFERENCES octopia_discussions (id),
    body          TEXT NOT NULL,
    -- The sender: its id, readable name and user type (Customer, Seller, CustomerService).
    sender_id     TEXT NOT NULL,
    sender_name   TEXT NOT NULL,
    user_type     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    -- Whether the seller has read it.
    has_read      INTEGER NOT NULL CHECK (has_read IN (0, 1))
);
CREATE INDEX octopia_messages_by_discussion ON octopia_messages (discussion_id, created_at, seq);

CREATE TABLE octopia_message_receivers (
    message_id TEXT NOT NULL REFERENCES octopia_messages (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    user_id    TEXT NOT NULL,
    user_type  TEXT NOT NULL,
    name       TEXT,
    PRIMARY KEY (message_id, position)
);

CREATE TABLE octopia_message_files (
    message_id TEXT NOT NULL REFERENCES octopia_messages (id) ON DELETE CASCADE,
    file_id    TEXT NOT NULL REFERENCES files (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (message_id, position)
);
CREATE INDEX octopia_message_files_by_file ON octopia_message_files (file_id);
