-- PostgreSQL's form of ../004_conversations_by_reference.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 4: the conversation list finds a trip reference whatever its case
-- (an agent types the customer's contact reference), on this index rather than a scan.
CREATE INDEX conversations_by_reference ON conversations (UPPER(trip_reference));
