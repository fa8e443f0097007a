-- PostgreSQL's form of ../003_agent_accounts.sql: bigint for integer, bytea for blob, an identity for seq.
-- Switchboard 3: agents sign in. The password is kept only as an Argon2id PHC string
-- (NULL: the agent cannot sign in until a password is set); the role says what else they
-- may do. Emails are stored lowercased, so the unique index is case-blind in effect.
ALTER TABLE agents ADD COLUMN password_hash TEXT;
ALTER TABLE agents ADD COLUMN role TEXT NOT NULL DEFAULT 'agent' CHECK (role IN ('agent', 'admin'));
UPDATE agents SET email = lower(email);
CREATE UNIQUE INDEX agents_by_email ON agents (email);
