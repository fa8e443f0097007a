-- PostgreSQL's form of ../002_files.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 2: files, one neutral table that any dialect's messages point to through
-- a link table of their own. The bytes live beside their metadata, so a message and its
-- files are written in one transaction; `content` comes last and listings select every
-- column but it, so listing never reads the bytes.
CREATE TABLE files (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size       BIGINT NOT NULL,
    sha256     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    content    BYTEA NOT NULL
);
