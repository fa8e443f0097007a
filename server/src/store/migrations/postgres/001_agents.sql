-- PostgreSQL's form of ../001_agents.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 1: the agents a conversation of any backend can be assigned to.
-- (Part of the first schema, once counted by PRAGMA user_version 1.)
CREATE TABLE agents (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT NOT NULL
);
