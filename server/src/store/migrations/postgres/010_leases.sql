-- PostgreSQL's form of ../010_leases.sql (the same: text only).
CREATE TABLE leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  TEXT NOT NULL
);
