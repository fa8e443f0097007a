-- PostgreSQL's form of ../021_saved_views.sql (the same: text columns only).
-- Switchboard 21: saved views (docs/saved-views.md): a named query of the inbox, its owner's
-- alone or shared with the team ('1').
CREATE TABLE saved_views (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    query       TEXT NOT NULL,
    shared      TEXT NOT NULL,
    owner_id    TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX saved_views_owner ON saved_views (owner_id);
